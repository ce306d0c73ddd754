"""Stated conversions: two figures of a sentence given as equal ("RMB40bn (about $5.6bn)")."""

from __future__ import annotations

import itertools

import attrs

from reconcile.extract.language import _Language
from reconcile.model import Claim, Mention


def _equivalent(first: Mention, second: Mention, text: str, language: _Language) -> bool:
    if first.quantity.kind != second.quantity.kind or first.quantity.kind != "money":
        return False
    between = text[first.end : second.start]
    return any(p.match(between) for p in language.equivalence)


def _link_equivalents(claims: list[Claim], mentions: list[Mention], text: str, language: _Language) -> list[Claim]:
    by_start = {c.start: c for c in claims}
    pairs: dict[str, list[str]] = {}
    kept = [m for m in mentions if m.start in by_start]
    for first, second in itertools.pairwise(kept):
        a, b = by_start[first.start], by_start[second.start]
        if a.sentence_start == b.sentence_start and _equivalent(first, second, text, language):
            pairs.setdefault(a.id, []).append(b.id)
            pairs.setdefault(b.id, []).append(a.id)
    # The attrs plugin types ``converter=tuple`` fields (model.py) as ``Iterable[_T_co]``.
    return [attrs.evolve(c, equivalents=tuple(pairs[c.id])) if c.id in pairs else c
            for c in claims]
