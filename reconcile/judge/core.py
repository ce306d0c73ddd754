"""The judge's entry: align claims into facts, put their figures on one footing, weigh the sides,
measure stated conversions, then run every registered detector. Returns a :class:`Judgement`:
data only; :mod:`reconcile.report` renders it and :func:`reconcile.reconcile` wraps it in a Report.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from reconcile.errors import FxError
from reconcile.fx import FxRates
from reconcile.judge.align import align
from reconcile.judge.batch import Batch, Verdict
from reconcile.judge.conversions import stated_conversions
from reconcile.judge.kinds import FINDING_KINDS
from reconcile.judge.normalise import FxWindow, Normal, corpus_window, normalise
from reconcile.judge.sides import consensus, split_sides
from reconcile.judge.tolerance import DEFAULT_TOLERANCE, Tolerance
from reconcile.judge.trust import independent_count, source_trust
from reconcile.lexicon import Lexicon
from reconcile.model import SEVERITIES, Claim, DateRange, Fact, Finding

#: Batches at least this large are judged with the cyclic garbage collector paused (see _gc_paused).
GC_PAUSE_MIN_CLAIMS = 20_000

#: Most severe first: error, warning, info (the reverse of model.SEVERITIES).
_SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}


@attrs.frozen
class Judgement:
    """What the judge decided of a batch: the facts (with their consensus), the findings (most
    severe first), every claim, the currency money was compared in, the tolerance, the window that
    dated undated money figures, and the trust of each outlet."""

    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    currency: str
    claims: tuple[Claim, ...]
    tolerance: Tolerance
    window: DateRange | None = None
    trust: Mapping[str, float] = attrs.field(factory=dict, eq=False)


def judge(
    claims: Iterable[Claim],
    currency: str = "USD",
    rates: FxRates | None = None,
    *,
    tolerance: Tolerance | float | None = DEFAULT_TOLERANCE,
    lexicon: Lexicon | None = None,
    unknown_date_window: DateRange | None = None,
    report_single_source: bool = False,
) -> Judgement:
    """Align claims into facts and judge them; money is compared in ``currency``.

    ``rates`` is a :class:`reconcile.fx.FxRates` (default: :meth:`FxRates.default`, loaded only if
    a conversion is needed); ``lexicon`` gives the action stages (default:
    :meth:`Lexicon.default`); ``unknown_date_window`` dates money figures when nothing in the
    batch does. Raises :class:`FxError` for a currency that is not an ISO 4217 code or that the
    rate table does not know.

    >>> import math
    >>> from reconcile.model import Quantity
    >>> chips = lambda v, bound="exact", high=None: Quantity(v, high if high is not None else v, v, "chip", "count", bound)
    >>> mk = lambda i, q, who: Claim(f"{i}#1", i, 0, 1, "x", "x", q, subject="ByteDance", action="order",
    ...                              object="H20", period=DateRange.year(2024), publisher=who)
    >>> [f.kind for f in judge([mk("a", chips(200_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")]).findings]
    ['agreement']
    >>> [(f.kind, f.severity) for f in judge([mk("a", chips(120_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")]).findings]
    [('contradiction', 'error')]
    """
    tol = Tolerance.of(tolerance)
    target = currency.strip().upper() if isinstance(currency, str) else currency
    if not isinstance(target, str) or len(target) != 3 or not target.isalpha():
        raise FxError(f"currency must be an ISO 4217 code such as 'USD', got {currency!r}")
    batch_claims = list(claims)
    with _gc_paused(len(batch_claims) >= GC_PAUSE_MIN_CLAIMS):
        fx = FxWindow(rates, corpus_window(batch_claims), unknown_date_window)
        batch, trust = _weigh(batch_claims, target, fx, tol, lexicon, report_single_source)
        findings = sorted(FINDING_KINDS.detect(batch), key=finding_order)
        return Judgement(
            facts=tuple(v.fact for v in batch.verdicts),
            findings=tuple(findings),
            currency=target,
            claims=tuple(batch_claims),
            tolerance=tol,
            window=fx.window or unknown_date_window,
            trust=dict(sorted(trust.items())),
        )


def finding_order(finding: Finding) -> tuple[int, str, str, str]:
    """Most severe first, then by kind, fact and first claim."""
    first = finding.claims[0].id if finding.claims else ""
    return (_SEVERITY_ORDER[finding.severity], finding.kind, finding.fact_id or "", first)


@contextlib.contextmanager
def _gc_paused(pause: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector while a large batch is judged, then restore it.

    The objects built here hold no reference cycles, so reference counting frees them all; the
    cyclic collector would only re-scan the growing heap again and again (a third of the time at
    300k claims).
    """
    was_enabled = gc.isenabled()
    if pause and was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if pause and was_enabled:
            gc.enable()


def _weigh(
    claims: list[Claim], target: str, fx: FxWindow, tol: Tolerance, lexicon: Lexicon | None, single: bool
) -> tuple[Batch, dict[str, float]]:
    """The batch the detectors read, and the trust of each outlet."""
    if any(c.quantity.kind == "money" and c.quantity.unit != target for c in claims):
        known = fx.table.currencies
        if target not in known:
            raise FxError(f"unknown report currency {target!r}; the rate table knows {', '.join(known)}")
    by_id = {c.id: c for c in claims}
    facts = align(claims, lexicon)
    shadowed = _shadowed_by_equivalence(claims, by_id) | _repeated(claims, by_id)
    verdicts, failures = _normalised(facts, shadowed, target, fx, tol)
    trust, confidences = _trust_for(verdicts)
    judged = tuple(_decided(v, confidences.get(v.fact.id), target) for v in verdicts)
    batch = Batch(
        claims=tuple(claims),
        verdicts=judged,
        currency=target,
        tolerance=tol,
        stage=_stage_lookup(lexicon),
        conversions=stated_conversions(claims, by_id, fx, tol, judged),
        fx_failures=tuple((by_id[claim_id], exc) for claim_id, exc in sorted(failures.items())),
        report_single_source=single,
    )
    return batch, trust


def _normalised(
    facts: Sequence[Fact], shadowed: set[str], target: str, fx: FxWindow, tol: Tolerance
) -> tuple[list[Verdict], dict[str, FxError]]:
    """Each fact's figures on one footing and split into sides; the figures that failed to convert."""
    cache: dict[str, Normal | None] = {}
    failures: dict[str, FxError] = {}
    verdicts: list[Verdict] = []
    for fact in facts:
        normals = []
        for claim in fact.claims:
            if claim.id in shadowed:
                continue
            if claim.id not in cache:
                try:
                    cache[claim.id] = normalise(claim, target, fx, tol)
                except FxError as exc:
                    cache[claim.id] = None
                    failures[claim.id] = exc
            normal = cache[claim.id]
            if normal is not None:
                normals.append(normal)
        sides = split_sides(normals, tol.relative) if normals else []
        verdicts.append(Verdict(fact, tuple(normals), tuple(sides), None, independent_count(normals)))
    return verdicts, failures


def _decided(verdict: Verdict, confidences: Sequence[float] | None, target: str) -> Verdict:
    """The verdict with its consensus and side weights; a money fact's unit becomes ``target``."""
    fact = verdict.fact
    unit = target if fact.kind == "money" else fact.unit
    agreed, weights = consensus(verdict.sides, verdict.independents, confidences, unit, fact.kind)
    fact = attrs.evolve(fact, unit=unit, consensus=agreed)
    return attrs.evolve(verdict, fact=fact, consensus=agreed, weights=weights)


def _trust_for(verdicts: Sequence[Verdict]) -> tuple[dict[str, float], dict[str, list[float]]]:
    """Trust from every fact backed by two or more independent sources."""
    contested_ids: list[str] = []
    contests: list[list[frozenset[str]]] = []
    for verdict in verdicts:
        if verdict.independents >= 2:
            contested_ids.append(verdict.fact.id)
            contests.append([side.outlets for side in verdict.sides])
    if not contests:
        return {}, {}
    trust, confidences = source_trust(contests)
    return trust, dict(zip(contested_ids, confidences))


def _stage_lookup(lexicon: Lexicon | None) -> Callable[[str], int | None]:
    """The stage of an action (plan < approve < order < buy < receive), cached per action."""
    table = lexicon if lexicon is not None else Lexicon.default()
    cache: dict[str, int | None] = {}

    def stage(action: str) -> int | None:
        if action not in cache:
            cache[action] = table.action_stage(action)
        return cache[action]

    return stage


def _repeated(claims: Sequence[Claim], by_id: Mapping[str, Claim]) -> set[str]:
    """Ids of the claims that repeat another claim of their document (a headline or standfirst
    restating the body's figure): one statement is judged once."""
    return {c.id for c in claims if getattr(c, "repeats", None) in by_id}


def _shadowed_by_equivalence(claims: Sequence[Claim], by_id: Mapping[str, Claim]) -> set[str]:
    """Ids of the claims that restate another one (the non-representatives of each equivalence).

    Inside facts only the figure written first is judged (the statement; the others are the
    writer's conversions of it), so a wrong conversion is reported once, as a mismatch, and cannot
    also make a contradiction.
    """
    shadowed: set[str] = set()
    for claim in claims:
        if not claim.equivalents:
            continue
        group = sorted(
            {claim.id, *(e for e in claim.equivalents if e in by_id)},
            key=lambda i: (by_id[i].doc_id, by_id[i].start, i),
        )
        if len(group) < 2:
            continue
        shadowed.update(group[1:])  # the first figure is the statement, the others its conversions
    return shadowed
