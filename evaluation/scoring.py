"""Scoring extracted claims against a hand-annotated gold set: evaluation code, not the library's.

Used by ``evaluation/score_extraction.py`` and by the gold-set tests (which put this folder on
``sys.path``). A gold file is ``{"rules": [...], "claims": [...]}`` or a bare list of claims, each
with ``doc_id``, ``start``, ``end`` (or ``text``), ``value`` (null: match on offsets only) and the
expected frame fields.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from reconcile.errors import DocumentError
from reconcile.model import Claim, DateRange

__all__ = ["LEGACY_ACTIONS", "ExtractionScore", "legacy_view", "load_gold", "score_claims"]

LEGACY_ACTIONS = frozenset({"plan", "approve", "order", "buy", "receive", "spend", "users", "value", "price", "produce",
                            "other"})
"""The action vocabulary of the older gold sets (seeds, corpus_en, heldout*): purchase steps and a
few metrics, every other figure ``other``. Claims now name their measure (``revenue``,
``net_loss``, ``other:split`` ...): read in this vocabulary, any of those is ``other``."""


def legacy_view(claim: Claim) -> Claim:
    """The claim with its action in the older gold sets' vocabulary (:data:`LEGACY_ACTIONS`).

    >>> from reconcile.model import Quantity
    >>> legacy_view(Claim("c", "d", 0, 1, "6", "6", Quantity.exact(6), action="revenue")).action
    'other'
    """
    return claim if claim.action in LEGACY_ACTIONS else attrs.evolve(claim, action="other")

@attrs.frozen
class ExtractionScore:
    """Precision and recall of extracted figures and of their frames against a gold set.

    A claim matches a gold figure when it has the same document, overlapping offsets and the
    same stated value (gold ``value`` null: offsets only). A frame is right when subject,
    action and object all equal the gold's.
    """

    claims: int
    gold: int
    matched: int
    frames_right: int
    missed: tuple[Mapping[str, Any], ...] = attrs.field(eq=False, repr=False)
    spurious: tuple[Claim, ...] = attrs.field(eq=False, repr=False)
    wrong_frames: tuple[tuple[Claim, Mapping[str, Any]], ...] = attrs.field(eq=False, repr=False)
    fields: Mapping[str, float] = attrs.field(factory=dict, eq=False)
    """Share of matched claims whose period, hedged, attributed_to, unit and bound equal the gold's."""

    @property
    def precision(self) -> float:
        return self.matched / self.claims if self.claims else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def frame_precision(self) -> float:
        return self.frames_right / self.claims if self.claims else 1.0

    @property
    def frame_recall(self) -> float:
        return self.frames_right / self.gold if self.gold else 1.0

    def summary(self) -> str:
        """One line for a README or a benchmark log."""
        return (
            f"figures P={self.precision:.2f} R={self.recall:.2f} ({self.matched}/{self.claims} claims, "
            f"{self.matched}/{self.gold} gold); frames P={self.frame_precision:.2f} R={self.frame_recall:.2f}"
        )

    def field_summary(self) -> str:
        """Accuracy of the other fields on matched claims, for a README or a log."""
        return ", ".join(f"{name} {share:.2f}" for name, share in self.fields.items())


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold claims of an annotation file (``{"rules": [...], "claims": [...]}`` or a bare list)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DocumentError(str(path), f"unreadable gold file: {exc}") from exc
    return list(data["claims"] if isinstance(data, Mapping) else data)


def _same_value(claim: Claim, gold: Mapping[str, Any]) -> bool:
    value = gold.get("value")
    return value is None or math.isclose(claim.quantity.stated, float(value), rel_tol=1e-6)


def _gold_subject(value: Any) -> Any:
    return tuple(sorted(value)) if isinstance(value, list) else value


def greedy_pairs(
    claims: Iterable[Any], gold: Sequence[Mapping[str, Any]], same_value: Callable[[Any, Mapping[str, Any]], bool]
) -> tuple[list[tuple[Any, Mapping[str, Any]]], list[Any], set[int]]:
    """Each claim paired, in order, with the first unused gold figure it overlaps with the same
    value; returns the pairs, the claims left unpaired and the indices of the gold figures used."""
    used: set[int] = set()
    pairs: list[tuple[Any, Mapping[str, Any]]] = []
    spurious: list[Any] = []
    for claim in claims:
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in used
                and g["doc_id"] == claim.doc_id
                and g["start"] < claim.end
                and claim.start < g.get("end", g["start"] + len(g.get("text", "")))
                and same_value(claim, g)
            ),
            None,
        )
        if hit is None:
            spurious.append(claim)
        else:
            used.add(hit)
            pairs.append((claim, gold[hit]))
    return pairs, spurious, used


def score_claims(claims: Iterable[Claim], gold: Iterable[Mapping[str, Any]]) -> ExtractionScore:
    """Score extracted claims against gold annotations (see :class:`ExtractionScore`).

    >>> from reconcile.extract import extract_claims
    >>> from reconcile.model import Document
    >>> doc = Document(id="d", lang="en", text="Tencent bought 200,000 H20 chips.")
    >>> gold = [{"doc_id": "d", "start": 15, "end": 22, "value": 200000,
    ...          "subject": "Tencent", "action": "buy", "object": "H20"}]
    >>> score_claims(extract_claims([doc]), gold).summary()
    'figures P=1.00 R=1.00 (1/1 claims, 1/1 gold); frames P=1.00 R=1.00'
    """
    claims = [legacy_view(c) for c in claims]
    gold = list(gold)
    pairs, spurious, used = greedy_pairs(claims, gold, _same_value)
    matched = len(pairs)
    wrong = [(c, g) for c, g in pairs
             if (c.subject, c.action, c.object) != (_gold_subject(g.get("subject")), g.get("action"), g.get("object"))]
    frames = matched - len(wrong)
    missed = tuple(g for i, g in enumerate(gold) if i not in used)
    fields = {name: sum(read(c) == expected(g) for c, g in pairs) / len(pairs) if pairs else 1.0
              for name, (read, expected) in _FIELDS.items()}
    return ExtractionScore(len(claims), len(gold), matched, frames, missed, tuple(spurious), tuple(wrong), fields)


_FIELDS = {
    "period": (lambda c: c.period, lambda g: DateRange.parse(g["period"]) if g.get("period") else None),
    "hedged": (lambda c: c.hedged, lambda g: g.get("hedged")),
    "attributed_to": (lambda c: c.attributed_to, lambda g: g.get("attributed_to")),
    "unit": (lambda c: c.quantity.unit, lambda g: g.get("unit")),
    "bound": (lambda c: c.quantity.bound, lambda g: g.get("bound")),
}
