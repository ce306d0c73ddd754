"""Judgement: where the sources agree, where they contradict, where a gap is real but no conflict.

:func:`reconcile` aligns claims into facts (:func:`reconcile.align.align`), puts every figure of a
fact on one footing (money converted to ``currency`` at the rates of its period, an interval when
the period is a span) and emits :class:`~reconcile.model.Finding` objects:

============================  ========  ===============================================================
kind                          severity  when
============================  ========  ===============================================================
``agreement``                 info      the claims of a fact from two or more documents can all hold
``contradiction``             error     they cannot: the message names each side, its figures and sources
``stage_gap``                 warning   same subject, object and period, different stages (ordered
                                        100 000, received 30 000) with different figures; the ratio is
                                        given; never an agreement, never a contradiction
``conversion_consistent``     info      a stated conversion (``40 milliards de yuans, soit environ 5,6
                                        milliards de dollars``) fits the rates of its period
``conversion_mismatch``       warning   it does not: implied and actual rates are given
``unknown_period``            info      a claim with no period was aligned with dated claims
``fx_unavailable``            warning   a money figure could not be converted (unknown currency, ...)
``single_source``             info      only with ``report_single_source=True``: a fact stated by one
                                        independent source only
============================  ========  ===============================================================

Policies (each decided here, in one place)
------------------------------------------

**Tolerance** (:class:`Tolerance`). Two intervals are compatible when ``max(lows) <= min(highs)``
up to ``relative`` (default 2 %) of the larger bound. Before that, a figure stated *exactly* is
widened by its rounding: half a unit of its last significant digit (``5,6 milliards`` ->
± 0.05 bn), capped at ``rounding_cap`` (default 5 %) of the figure, because a journalist's
``30 000`` is rounded but not to ± 5 000. Bounds (``plus de``, ``fewer than``) are boundaries, not
roundings, and approximate figures (``environ``) already carry the width that
:mod:`reconcile.quantities` gives them. So ``200 000`` agrees with ``plus de 200 000``, ``30 000``
with ``fewer than 30,000``, and ``about 120,000`` contradicts ``more than 200,000``.

**Conversion dates.** A money figure is converted at the rates over, in order of preference: the
claim's period; else its document's publication date (a range if only bounds are known); else the
*corpus window*, the span of the publication dates of the batch's other claims; else the
``unknown_date_window`` argument; else the last 365 days of the rate table. Spans are clipped to
the days the rate table covers. Findings say which basis was used and that the date was unknown.

**Stated conversions.** The two figures of an equivalence (``claim.equivalents``) are one
statement: the pair's implied rate ``[low_B / high_A, high_B / low_A]`` is checked against the
actual rate interval over the claim's window. A ``plus de`` / ``more than`` is read as applying to
both figures, so the implied rate uses the stated figures (widened by rounding and approximation),
not the open interval. Inside facts only the figure written first is judged (the statement; the
others are the writer's conversions of it), so a wrong conversion is reported once, as a mismatch,
and cannot also make a contradiction.

**Independence.** Claims whose :attr:`~reconcile.model.Claim.sources` share an outlet are one
source (two articles citing Reuters count once). A side's weight is the sum over its independent
sources of the strongest of their claims (a hedged claim, ``aurait commandé``, weighs
``HEDGED_WEIGHT``).

**Consensus.** When all claims agree, the consensus is their common interval. When they do not,
the side with the greatest weight wins; with three or more independent sources the weight is the
side's confidence from an iterative source-trust estimate in the manner of TruthFinder
(:func:`source_trust`); on a tie the consensus is ``None``.

**Stage gaps.** Facts are also grouped ignoring the action; two facts whose actions have different
stages (:meth:`Lexicon.action_stage`: plan < approve < order < buy < receive), overlapping or
unknown periods and incompatible consensus figures make a ``stage_gap``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from reconcile.align import MONEY_UNIT_KEY, align, subject_key, subject_label
from reconcile.errors import FxError, ReconcileError
from reconcile.model import Claim, DateRange, Fact, Finding, Quantity
from reconcile.report import Report, format_interval, format_number

#: Weight of a hedged claim (conditional, "aurait", "reportedly") against an asserted one.
HEDGED_WEIGHT = 0.5
#: Days of rates used when nothing at all dates a figure and no window was given.
FALLBACK_WINDOW_DAYS = 365
#: Batches at least this large are judged with the cyclic garbage collector paused (see _gc_paused).
GC_PAUSE_MIN_CLAIMS = 20_000
#: Claims (and sentences) quoted in one message; a finding's ``claims`` always holds them all.
MESSAGE_CLAIMS = 8


@attrs.frozen
class Tolerance:
    """How far apart two figures may be and still agree (see the module docstring).

    >>> Tolerance().relative, Tolerance().rounding_cap
    (0.02, 0.05)
    >>> Tolerance.of(0.05)
    Tolerance(relative=0.05, rounding_cap=0.05)
    """

    relative: float = attrs.field(default=0.02, validator=attrs.validators.ge(0.0))
    rounding_cap: float = attrs.field(default=0.05, validator=attrs.validators.ge(0.0))

    @classmethod
    def of(cls, value: "Tolerance | float | None") -> "Tolerance":
        if value is None:
            return cls()
        if isinstance(value, Tolerance):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            return cls(relative=float(value))
        raise ReconcileError(f"tolerance must be a Tolerance or a non-negative number, got {value!r}")


DEFAULT_TOLERANCE = Tolerance()


@functools.lru_cache(maxsize=65536)
def rounding_margin(value: float, cap: float = 0.05) -> float:
    """The relative half-unit of the last significant digit of ``value``, at most ``cap``.

    >>> rounding_margin(5.6e9)          # 5.6 bn: +- 0.05 bn
    0.008928571428571428
    >>> rounding_margin(30_000)         # 30 000: +- 5 000 would be 17 %: capped
    0.05
    >>> round(rounding_margin(123_456), 8), rounding_margin(0)
    (4.05e-06, 0.0)
    """
    magnitude = abs(value)
    if magnitude == 0 or math.isinf(magnitude):
        return 0.0
    mantissa, exponent = f"{magnitude:.12e}".split("e")
    digits = len(mantissa.replace(".", "").rstrip("0"))  # significant digits as written
    unit = 10.0 ** (int(exponent) - digits + 1)
    return min(cap, unit / 2 / magnitude)
    exponent = math.floor(math.log10(magnitude))
    for place in range(exponent, exponent - 16, -1):
        unit = 10.0**place
        if abs(round(magnitude / unit) * unit - magnitude) <= magnitude * 1e-9:
            return min(cap, unit / 2 / magnitude)
    return 0.0


def widened(quantity: Quantity, tolerance: Tolerance = DEFAULT_TOLERANCE) -> tuple[float, float]:
    """The interval a figure commits to, widened by its rounding when it is stated exactly.

    >>> widened(Quantity.exact(5.6e9, "USD", "money"))
    (5550000000.0, 5650000000.0)
    >>> widened(Quantity(200_000, math.inf, 200_000, "chip", "count", "lower"))
    (200000.0, inf)
    """
    low, high = quantity.low, quantity.high
    if quantity.bound == "exact":
        margin = rounding_margin(quantity.stated, tolerance.rounding_cap)
        return (low - abs(low) * margin, high + abs(high) * margin)
    return (low, high)


def compatible(low: float, high: float, relative: float) -> bool:
    """Whether ``low <= high`` up to ``relative`` of the larger bound.

    >>> compatible(102, 100, 0.02), compatible(103, 100, 0.02), compatible(5, math.inf, 0)
    (True, False, True)
    """
    if low <= high:
        return True
    if math.isinf(low) or math.isinf(high):
        return False
    return low - high <= relative * max(abs(low), abs(high))


# --------------------------------------------------------------------------- conversion windows


@attrs.frozen
class _Dating:
    """The span whose rates convert a figure, and why that span."""

    window: DateRange
    basis: str  # "period" | "published" | "corpus window" | "given window" | "rate table"

    @property
    def unknown(self) -> bool:
        return self.basis not in ("period", "published")


def corpus_window(claims: Iterable[Claim]) -> DateRange | None:
    """The span of the publication dates of the claims, or ``None`` if none is dated.

    >>> q = Quantity.exact(1, "USD", "money")
    >>> a = Claim("a#1", "a", 0, 1, "1", "1", q, published=DateRange("2024-09-01", "2024-12-31"))
    >>> b = Claim("b#1", "b", 0, 1, "1", "1", q, published=DateRange("2026-01-01", "2026-02-28"))
    >>> str(corpus_window([a, b, Claim("c#1", "c", 0, 1, "1", "1", q)]))
    '2024-09-01..2026-02-28'
    """
    return DateRange.hull(claim.published for claim in claims)


class _Fx:
    """Rates for one reconcile() call: cached per (from, to, window), clipped to the table."""

    def __init__(self, rates: Any, window: DateRange | None, given_window: DateRange | None) -> None:
        self._rates = rates
        self._window = window
        self._given = given_window
        self._cache: dict[tuple[str, str, DateRange], tuple[tuple[float, float], DateRange]] = {}

    @property
    def table(self) -> Any:
        if self._rates is None:
            from reconcile.fx import FxRates

            self._rates = FxRates.default()
        return self._rates

    def dating(self, claim: Claim, other: Claim | None = None) -> _Dating:
        for candidate in (claim, other):
            if candidate is not None and candidate.period is not None:
                return _Dating(candidate.period, "period")
        for candidate in (claim, other):
            if candidate is not None and candidate.published is not None:
                return _Dating(candidate.published, "published")
        if self._window is not None:
            return _Dating(self._window, "corpus window")
        if self._given is not None:
            return _Dating(self._given, "given window")
        end = self.table.bounds("EUR").end
        return _Dating(DateRange(end - dt.timedelta(days=FALLBACK_WINDOW_DAYS - 1), end), "rate table")

    def rate(self, source: str, target: str, window: DateRange) -> tuple[tuple[float, float], DateRange]:
        """``((low, high), window actually used)``; raises FxError."""
        if source == target:
            return (1.0, 1.0), window
        key = (source, target, window)
        hit = self._cache.get(key)
        if hit is None:
            used = self._clip(window, source, target)
            hit = (self.table.rate(source, target, used), used)
            self._cache[key] = hit
        return hit

    def _clip(self, window: DateRange, *currencies: str) -> DateRange:
        start, end = window.start, window.end
        first, last = dt.date.min, dt.date.max
        for code in currencies:
            covered = self.table.bounds(code)
            first, last = max(first, covered.start), min(last, covered.end)
        if first > last:
            raise FxError(f"no day has rates for both {' and '.join(currencies)}")
        if end < first:  # wholly before the table: the first day it covers
            return DateRange(first, first)
        if start > last:  # wholly after (a plan for next year): the last day it covers
            return DateRange(last, last)
        return DateRange(max(start, first), min(end, last))


# --------------------------------------------------------------------------- normalised figures


@attrs.frozen
class _Normal:
    """A claim's figure in the fact's unit, with what it took to get there."""

    claim: Claim
    low: float
    high: float
    unit: str
    sources: tuple[str, ...]
    dating: _Dating | None = None  # set for converted money
    rate: tuple[float, float] | None = None
    window: DateRange | None = None


def _normalise(claim: Claim, currency: str, fx: _Fx, tolerance: Tolerance) -> _Normal:
    low, high = widened(claim.quantity, tolerance)
    quantity = claim.quantity
    sources = claim.sources
    if quantity.kind != "money":
        return _Normal(claim, low, high, quantity.unit, sources)
    if quantity.unit == currency:
        return _Normal(claim, low, high, currency, sources)
    dating = fx.dating(claim)
    (r_low, r_high), used = fx.rate(quantity.unit, currency, dating.window)
    candidates_low = (low * r_low, low * r_high)
    candidates_high = (high * r_low, high * r_high)
    return _Normal(
        claim,
        min(candidates_low) if not math.isinf(low) else low,
        max(candidates_high) if not math.isinf(high) else high,
        currency,
        sources,
        dating,
        (r_low, r_high),
        used,
    )


# --------------------------------------------------------------------------- independence & trust


def independent_groups(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Partition claims into independent sources: claims sharing any outlet are one source.

    >>> q = Quantity.exact(1, "chip", "count")
    >>> a = Claim("a#1", "a", 0, 1, "1", "1", q, cites=("Reuters",))
    >>> b = Claim("b#1", "b", 0, 1, "1", "1", q, attributed_to="Reuters")
    >>> c = Claim("c#1", "c", 0, 1, "1", "1", q, publisher="Le Monde")
    >>> [[x.id for x in g] for g in independent_groups([a, b, c])]
    [['a#1', 'b#1'], ['c#1']]
    """
    return _partition(claims, lambda c: c.sources)


def _partition(items: Sequence[Any], sources_of: Any) -> list[list[Any]]:
    """Group items whose sources share an outlet (union-find; a dict when each has one source)."""
    all_sources = [sources_of(item) for item in items]
    if all(len(src) == 1 for src in all_sources):
        simple: dict[str, list[Any]] = {}
        for item, src in zip(items, all_sources):
            simple.setdefault(src[0], []).append(item)
        return list(simple.values())
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        root = name
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[name] != root:
            parent[name], name = root, parent[name]
        return root

    for outlets in all_sources:
        first = find(outlets[0])
        for outlet in outlets[1:]:
            other = find(outlet)
            if other != first:
                parent[other] = first
    groups: dict[str, list[Any]] = {}
    for item, outlets in zip(items, all_sources):
        groups.setdefault(find(outlets[0]), []).append(item)
    return list(groups.values())


def _claim_weight(claim: Claim) -> float:
    return HEDGED_WEIGHT if claim.hedged else 1.0


def _count_weight(normals: Sequence["_Normal"]) -> float:
    groups = _partition(normals, _sources_of_normal)
    return sum(max(_claim_weight(n.claim) for n in group) for group in groups)


def _sources_of_normal(normal: "_Normal") -> tuple[str, ...]:
    return normal.sources


def source_trust(
    contests: Sequence[Sequence[frozenset[str]]],
    *,
    initial: float = 0.8,
    dampening: float = 0.3,
    implication: float = 0.5,
    iterations: int = 20,
    epsilon: float = 1e-4,
) -> tuple[dict[str, float], list[list[float]]]:
    """Iterative source trust in the manner of TruthFinder (Yin, Han & Yu, 2007).

    ``contests`` holds, for each fact, its sides; a side is the set of outlets backing it. Each
    round, a side's score is the sum of ``-ln(1 - trust)`` of its outlets minus ``implication``
    times the scores of the sides it excludes; its confidence is ``1 / (1 + exp(-dampening *
    score))``; an outlet's trust is the mean confidence of the sides it backs. Returns the trust
    per outlet and the final confidence of every side.

    >>> trust, conf = source_trust([[frozenset({"A", "B"}), frozenset({"C"})], [frozenset({"A", "B", "C"})]])
    >>> trust["A"] > trust["C"], conf[0][0] > conf[0][1]
    (True, True)
    """
    names = sorted({o for sides in contests for side in sides for o in side})
    index = {name: i for i, name in enumerate(names)}
    # each contest as a list of sides, each side a tuple of outlet indices
    encoded = [[tuple(index[o] for o in side) for side in sides] for sides in contests]
    backing = [0] * len(names)
    for sides in encoded:
        for side in sides:
            for i in side:
                backing[i] += 1
    trust = [initial] * len(names)
    confidences: list[list[float]] = []
    exp, log = math.exp, math.log
    for _ in range(max(1, iterations)):
        tau = [-log(max(1e-6, 1 - t)) for t in trust]
        totals = [0.0] * len(names)
        confidences = []
        for sides in encoded:
            scores = [sum(tau[i] for i in side) for side in sides]
            total = sum(scores)
            row = []
            for side, score in zip(sides, scores):
                confidence = 1 / (1 + exp(-dampening * (score - implication * (total - score))))
                row.append(confidence)
                for i in side:
                    totals[i] += confidence
            confidences.append(row)
        updated = [min(0.99, totals[i] / backing[i]) for i in range(len(names))]
        change = max((abs(a - b) for a, b in zip(updated, trust)), default=0.0)
        trust = updated
        if change < epsilon:
            break
    return dict(zip(names, trust)), confidences


# --------------------------------------------------------------------------- sides of a fact


@attrs.frozen
class _Side:
    members: tuple[_Normal, ...]
    low: float
    high: float

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(n.claim for n in self.members)

    @property
    def outlets(self) -> frozenset[str]:
        return frozenset(o for n in self.members for o in n.sources)


def split_sides(normals: Sequence[_Normal], relative: float) -> list[_Side]:
    """The fewest groups of mutually compatible figures (interval stabbing on the highs)."""
    ordered = sorted(normals, key=lambda n: (n.high, n.low, n.claim.id))
    sides: list[list[_Normal]] = []
    bounds: list[list[float]] = []  # [max low, min high] of each side
    for normal in ordered:
        if sides and compatible(normal.low, bounds[-1][1], relative) and compatible(bounds[-1][0], normal.high, relative):
            sides[-1].append(normal)
            bounds[-1][0] = max(bounds[-1][0], normal.low)
            bounds[-1][1] = min(bounds[-1][1], normal.high)
        else:
            sides.append([normal])
            bounds.append([normal.low, normal.high])
    result = [_Side(tuple(s), lo, hi) for s, (lo, hi) in zip(sides, bounds)]
    result.sort(key=lambda s: (-len(s.members), s.low))
    return result


def _consensus_quantity(low: float, high: float, unit: str, kind: str) -> Quantity:
    if low > high:  # compatible within tolerance only: meet in the middle
        low = high = (low + high) / 2
    if math.isinf(high) and math.isinf(low):
        stated, bound = 0.0, "range"
    elif math.isinf(high):
        stated, bound = low, "lower"
    elif math.isinf(low):
        stated, bound = high, "upper"
    else:
        stated, bound = (low + high) / 2, ("exact" if low == high else "range")
    return Quantity(low=low, high=high, stated=stated, unit=unit, kind=kind, bound=bound, text="consensus")


# --------------------------------------------------------------------------- message pieces


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def _doc_sources(claim: Claim) -> str:
    return f"{claim.doc_id} [{', '.join(claim.sources)}]"


def _describe(normal: _Normal) -> str:
    claim = normal.claim
    text = f"{_quote(claim.text)} ({format_interval(normal.low, normal.high, normal.unit)}"
    if normal.dating is not None:
        basis = normal.dating.basis
        when = f"rates over {normal.window}" + (f", {basis}" if basis != "period" else "")
        if normal.dating.unknown:
            when += ": date unknown"
        text += f"; {when}"
    if claim.period is None:
        text += "; period unknown"
    if claim.hedged:
        text += "; hedged"
    return text + f") in {_doc_sources(claim)}"


def _describe_all(normals: Sequence[_Normal]) -> str:
    shown = "; ".join(_describe(n) for n in normals[:MESSAGE_CLAIMS])
    if len(normals) > MESSAGE_CLAIMS:
        shown += f"; and {len(normals) - MESSAGE_CLAIMS:,} more claims (see the finding's claims)"
    return shown


def _sentences(claims: Iterable[Claim]) -> str:
    seen: set[tuple[str, str]] = set()
    parts = []
    more = 0
    for claim in claims:
        key = (claim.doc_id, claim.sentence)
        if key in seen:
            continue
        seen.add(key)
        if len(parts) < MESSAGE_CLAIMS:
            parts.append(f"{claim.doc_id}: {_quote(claim.sentence)}")
        else:
            more += 1
    tail = f"; and {more:,} more sentences" if more else ""
    return "Sentences: " + "; ".join(parts) + tail + "."


def _fact_label(fact: Fact) -> str:
    parts = [subject_label(fact.subject), fact.action]
    if fact.object:
        parts.append(fact.object)
    period = str(fact.period) if fact.period is not None else "period unknown"
    return f"{' · '.join(parts)} ({fact.kind}, {period})"


def _interval_json(low: float, high: float) -> list[float | None]:
    return [None if math.isinf(low) else low, None if math.isinf(high) else high]


def _period_json(period: DateRange | None) -> dict[str, str] | None:
    return None if period is None else {"from": period.start.isoformat(), "to": period.end.isoformat()}


# --------------------------------------------------------------------------- the judge


@attrs.frozen
class _Verdict:
    fact: Fact
    normals: tuple[_Normal, ...]
    sides: tuple[_Side, ...]
    consensus: Quantity | None
    independents: int = 0  # independent sources among the normals


def reconcile(
    claims: Iterable[Claim],
    currency: str = "USD",
    rates: Any = None,
    *,
    tolerance: Tolerance | float | None = DEFAULT_TOLERANCE,
    lexicon: Any = None,
    unknown_date_window: DateRange | None = None,
    report_single_source: bool = False,
    problems: Sequence[Any] = (),
) -> Report:
    """Align claims into facts and judge them; money is compared in ``currency``.

    ``rates`` is a :class:`reconcile.fx.FxRates` (default: :meth:`FxRates.default`, loaded only if
    a conversion is needed); ``lexicon`` gives the action stages (default:
    :meth:`Lexicon.default`); ``unknown_date_window`` dates money figures when nothing in the
    batch does; ``problems`` (e.g. the loader's) are carried to the report.

    >>> chips = lambda v, bound="exact", high=None: Quantity(v, high if high is not None else v, v, "chip", "count", bound)
    >>> mk = lambda i, q, who: Claim(f"{i}#1", i, 0, 1, "x", "x", q, subject="ByteDance", action="order",
    ...                              object="H20", period=DateRange.year(2024), publisher=who)
    >>> report = reconcile([mk("a", chips(200_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")])
    >>> [f.kind for f in report.findings]
    ['agreement']
    >>> report = reconcile([mk("a", chips(120_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")])
    >>> [(f.kind, f.severity) for f in report.findings]
    [('contradiction', 'error')]
    """
    tol = Tolerance.of(tolerance)
    target = currency.strip().upper() if isinstance(currency, str) else currency
    if not isinstance(target, str) or len(target) != 3 or not target.isalpha():
        raise FxError(f"currency must be an ISO 4217 code such as 'USD', got {currency!r}")
    claims = list(claims)
    with _gc_paused(len(claims) >= GC_PAUSE_MIN_CLAIMS):
        return _judge(claims, target, rates, tol, lexicon, unknown_date_window, report_single_source, problems)


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


def _judge(
    claims: list[Claim],
    target: str,
    rates: Any,
    tol: Tolerance,
    lexicon: Any,
    unknown_date_window: DateRange | None,
    report_single_source: bool,
    problems: Sequence[Any],
) -> Report:
    by_id = {c.id: c for c in claims}
    fx = _Fx(rates, corpus_window(claims), unknown_date_window)
    if any(c.quantity.kind == "money" and c.quantity.unit != target for c in claims):
        known = fx.table.currencies
        if target not in known:
            raise FxError(f"unknown report currency {target!r}; the rate table knows {', '.join(known)}")
    stages = _stage_lookup(lexicon)

    findings: list[Finding] = []
    shadowed = _shadowed_by_equivalence(claims, by_id)
    facts = align(claims, lexicon)

    normal_cache: dict[str, _Normal | None] = {}
    fx_failures: dict[str, FxError] = {}
    verdicts: list[_Verdict] = []
    for fact in facts:
        normals = []
        for claim in fact.claims:
            if claim.id in shadowed:
                continue
            if claim.id not in normal_cache:
                try:
                    normal_cache[claim.id] = _normalise(claim, target, fx, tol)
                except FxError as exc:
                    normal_cache[claim.id] = None
                    fx_failures[claim.id] = exc
            normal = normal_cache[claim.id]
            if normal is not None:
                normals.append(normal)
        sides = split_sides(normals, tol.relative) if normals else []
        independents = len(_partition(normals, _sources_of_normal)) if len(normals) > 1 else len(normals)
        verdicts.append(_Verdict(fact, tuple(normals), tuple(sides), None, independents))

    trust, confidences = _trust_for(verdicts)
    judged: list[_Verdict] = []
    for verdict in verdicts:
        consensus, weights = _consensus(verdict, trust, confidences.get(verdict.fact.id), target)
        fact = verdict.fact
        if fact.kind == "money":
            fact = attrs.evolve(fact, unit=target, consensus=consensus)
        else:
            fact = attrs.evolve(fact, consensus=consensus)
        verdict = attrs.evolve(verdict, fact=fact, consensus=consensus)
        judged.append(verdict)
        findings.extend(_fact_findings(verdict, weights, report_single_source))

    findings.extend(_stage_gaps(judged, stages, tol))
    findings.extend(_conversion_checks(claims, by_id, fx, tol, judged))
    for claim_id, exc in sorted(fx_failures.items()):
        claim = by_id[claim_id]
        findings.append(
            Finding(
                kind="fx_unavailable",
                claims=(claim,),
                message=(
                    f"Cannot convert {_quote(claim.text)} ({claim.quantity.unit}) from {_doc_sources(claim)} "
                    f"to {target}: {exc}. The figure is left out of the judgement. {_sentences([claim])}"
                ),
                severity="warning",
                details={"error": str(exc), "currency": claim.quantity.unit},
            )
        )
    findings.sort(key=_finding_order)
    return Report(
        facts=tuple(v.fact for v in judged),
        findings=tuple(findings),
        currency=target,
        claims=tuple(claims),
        tolerance=tol,
        window=fx._window or unknown_date_window,
        trust=dict(sorted(trust.items())),
        problems=tuple(problems),
    )


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _finding_order(finding: Finding) -> tuple[int, str, str, str]:
    first = finding.claims[0].id if finding.claims else ""
    return (_SEVERITY_ORDER[finding.severity], finding.kind, finding.fact_id or "", first)


def _stage_lookup(lexicon: Any) -> Any:
    if lexicon is None:
        from reconcile.lexicon import Lexicon

        lexicon = Lexicon.default()
    cache: dict[str, int | None] = {}

    def stage(action: str) -> int | None:
        if action not in cache:
            cache[action] = lexicon.action_stage(action)
        return cache[action]

    return stage


def _shadowed_by_equivalence(claims: Sequence[Claim], by_id: Mapping[str, Claim]) -> set[str]:
    """Ids of the claims that restate another one (the non-representatives of each equivalence)."""
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


def _trust_for(verdicts: Sequence[_Verdict]) -> tuple[dict[str, float], dict[str, list[float]]]:
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


def _consensus(
    verdict: _Verdict, trust: Mapping[str, float], confidences: list[float] | None, target: str
) -> tuple[Quantity | None, list[float]]:
    sides = verdict.sides
    if not sides:
        return None, []
    fact = verdict.fact
    unit = target if fact.kind == "money" else fact.unit
    if len(sides) == 1:
        return _consensus_quantity(sides[0].low, sides[0].high, unit, fact.kind), [1.0]
    if verdict.independents >= 3 and confidences is not None:
        weights = list(confidences)
    else:
        weights = [_count_weight(side.members) for side in sides]
    best = max(weights)
    if len(sides) > 1 and sum(1 for w in weights if math.isclose(w, best)) > 1:
        return None, weights
    winner = sides[weights.index(best)]
    return _consensus_quantity(winner.low, winner.high, unit, fact.kind), weights


def _fact_findings(verdict: _Verdict, weights: Sequence[float], report_single_source: bool) -> list[Finding]:
    fact, sides, normals = verdict.fact, verdict.sides, verdict.normals
    if not normals:
        return []
    claims = tuple(n.claim for n in normals)
    documents = sorted({c.doc_id for c in claims})
    independents = verdict.independents
    unit = fact.unit
    found: list[Finding] = []
    label = _fact_label(fact)
    consensus = verdict.consensus
    consensus_text = (
        format_interval(consensus.low, consensus.high, unit) if consensus is not None else "undecided (tied sides)"
    )
    normalised = {n.claim.id: _interval_json(n.low, n.high) for n in normals}
    base_details: dict[str, Any] = {
        "unit": unit,
        "period": _period_json(fact.period),
        "documents": documents,
        "independent_sources": independents,
        "sources": sorted({o for c in claims for o in c.sources}),
        "normalised": normalised,
        "consensus": None if consensus is None else _interval_json(consensus.low, consensus.high),
    }

    if len(sides) > 1:
        side_texts = []
        side_details = []
        for number, (side, weight) in enumerate(zip(sides, weights), start=1):
            outlets = sorted(side.outlets)
            if number <= MESSAGE_CLAIMS:
                side_texts.append(
                    f"side {number} ({', '.join(outlets)}; {format_interval(side.low, side.high, unit)}): "
                    + _describe_all(side.members)
                )
            side_details.append(
                {
                    "claims": [n.claim.id for n in side.members],
                    "interval": _interval_json(side.low, side.high),
                    "sources": outlets,
                    "documents": sorted({n.claim.doc_id for n in side.members}),
                    "weight": round(weight, 6),
                }
            )
        same_doc = len(documents) == 1
        where = f" within {documents[0]}" if same_doc else ""
        message = (
            f"Contradiction on {label}{where}: the figures cannot all hold together. "
            + " versus ".join(side_texts)
            + (f" versus {len(sides) - MESSAGE_CLAIMS:,} more sides" if len(sides) > MESSAGE_CLAIMS else "")
            + f". Consensus: {consensus_text}. {_sentences(claims)}"
        )
        found.append(
            Finding(
                kind="contradiction",
                claims=claims,
                message=message,
                severity="error",
                fact_id=fact.id,
                details={**base_details, "sides": side_details},
            )
        )
    elif len(documents) >= 2:
        shared = "" if independents >= 2 else (
            f" They rest on one source ({', '.join(sorted({o for c in claims for o in c.sources}))}), "
            "so this is not independent corroboration."
        )
        message = (
            f"Agreement on {label}: {len(claims)} claims from {len(documents)} documents "
            f"({independents} independent source{'s' if independents != 1 else ''}) can all hold; "
            f"consensus {consensus_text}. "
            + _describe_all(normals)
            + f".{shared} {_sentences(claims)}"
        )
        found.append(Finding("agreement", claims, message, "info", fact.id, base_details))
    elif report_single_source:
        message = (
            f"Single source for {label}: " + _describe_all(normals) + f". {_sentences(claims)}"
        )
        found.append(Finding("single_source", claims, message, "info", fact.id, base_details))

    undated = [n for n in normals if n.claim.period is None]
    if undated and len(normals) > len(undated):
        message = (
            f"Period unknown for {len(undated)} claim{'s' if len(undated) > 1 else ''} of {label}: "
            + _describe_all(undated)
            + f". Aligned with the dated claims of {fact.period} because an unknown period may match any. "
            + _sentences(n.claim for n in undated)
        )
        found.append(
            Finding(
                "unknown_period",
                tuple(n.claim for n in undated),
                message,
                "info",
                fact.id,
                {"undated_claims": [n.claim.id for n in undated], "period": _period_json(fact.period)},
            )
        )
    return found


def _representative_value(quantity: Quantity) -> float:
    return quantity.midpoint


def _stage_gaps(verdicts: Sequence[_Verdict], stage: Any, tol: Tolerance) -> list[Finding]:
    blocks: dict[tuple[Any, ...], list[tuple[int, _Verdict]]] = defaultdict(list)
    for verdict in verdicts:
        fact = verdict.fact
        if verdict.consensus is None:
            continue
        level = stage(fact.action)
        if level is None:
            continue
        unit_key = MONEY_UNIT_KEY if fact.kind == "money" else fact.unit
        blocks[(subject_key(fact.subject), fact.object, fact.kind, unit_key)].append((level, verdict))
    found: list[Finding] = []
    for members in blocks.values():
        if len({level for level, _ in members}) < 2:
            continue
        members.sort(key=lambda m: (m[0], m[1].fact.id))
        for i, (level_a, early) in enumerate(members):
            for level_b, late in members[i + 1 :]:
                if level_b == level_a:
                    continue
                pa, pb = early.fact.period, late.fact.period
                if pa is not None and pb is not None and not pa.overlaps(pb):
                    continue
                a, b = early.consensus, late.consensus
                assert a is not None and b is not None
                if compatible(a.low, b.high, tol.relative) and compatible(b.low, a.high, tol.relative):
                    continue
                found.append(_stage_gap_finding(early, level_a, late, level_b))
    return found


def _stage_gap_finding(early: _Verdict, level_a: int, late: _Verdict, level_b: int) -> Finding:
    a, b = early.consensus, late.consensus
    assert a is not None and b is not None
    va, vb = _representative_value(a), _representative_value(b)
    ratio = vb / va if va else math.inf
    fact = early.fact
    unit = fact.unit
    what = " · ".join(p for p in (subject_label(fact.subject), fact.object) if p)
    claims = tuple(n.claim for n in early.normals) + tuple(n.claim for n in late.normals)
    periods = {str(v.fact.period) for v in (early, late) if v.fact.period is not None}
    when = ", ".join(sorted(periods)) if periods else "period unknown"
    message = (
        f"Stage gap for {what} ({fact.kind}, {when}): {early.fact.action} "
        + _describe_all(early.normals)
        + f"; but {late.fact.action} "
        + _describe_all(late.normals)
        + f": {late.fact.action} is {format_number(ratio * 100)} % of {early.fact.action} "
        f"(ratio {format_number(ratio)}). Different stages of one deal, not a contradiction between sources. "
        + _sentences(claims)
    )
    return Finding(
        "stage_gap",
        claims,
        message,
        "warning",
        early.fact.id,
        {
            "unit": unit,
            "ratio": ratio,
            "earlier": {
                "fact_id": early.fact.id,
                "action": early.fact.action,
                "stage": level_a,
                "interval": _interval_json(a.low, a.high),
            },
            "later": {
                "fact_id": late.fact.id,
                "action": late.fact.action,
                "stage": level_b,
                "interval": _interval_json(b.low, b.high),
            },
        },
    )


def _as_stated(quantity: Quantity, tol: Tolerance) -> tuple[float, float]:
    """The figure a writer converted: a bound's stated figure, widened like an exact one."""
    if quantity.bound in ("lower", "upper") or math.isinf(quantity.low) or math.isinf(quantity.high):
        margin = rounding_margin(quantity.stated, tol.rounding_cap)
        return (quantity.stated * (1 - margin), quantity.stated * (1 + margin))
    return widened(quantity, tol)


def _conversion_checks(
    claims: Sequence[Claim], by_id: Mapping[str, Claim], fx: _Fx, tol: Tolerance, verdicts: Sequence[_Verdict]
) -> list[Finding]:
    fact_of: dict[str, str] = {}
    for verdict in verdicts:
        for claim in verdict.fact.claims:
            fact_of.setdefault(claim.id, verdict.fact.id)
    seen: set[tuple[str, str]] = set()
    found: list[Finding] = []
    for claim in claims:
        for other_id in claim.equivalents:
            other = by_id.get(other_id)
            if other is None:
                continue
            a, b = sorted((claim, other), key=lambda c: c.id)
            if (a.id, b.id) in seen:
                continue
            seen.add((a.id, b.id))
            qa, qb = a.quantity, b.quantity
            if qa.kind != "money" or qb.kind != "money" or qa.unit == qb.unit:
                continue
            finding = _conversion_finding(a, b, fx, tol, fact_of.get(a.id))
            if finding is not None:
                found.append(finding)
    return found


def _rate_range(low: float, high: float) -> str:
    a, b = format_number(low, 4), format_number(high, 4)
    return a if a == b else f"{a}–{b}"


def _conversion_finding(a: Claim, b: Claim, fx: _Fx, tol: Tolerance, fact_id: str | None) -> Finding | None:
    qa, qb = a.quantity, b.quantity
    dating = fx.dating(a, b)
    try:
        (r_low, r_high), used = fx.rate(qa.unit, qb.unit, dating.window)
    except FxError as exc:
        return Finding(
            "fx_unavailable",
            (a, b),
            f"Cannot check the stated conversion {_quote(a.text)} = {_quote(b.text)} in {a.doc_id}: {exc}. "
            + _sentences([a]),
            "warning",
            fact_id,
            {"error": str(exc)},
        )
    a_low, a_high = _as_stated(qa, tol)
    b_low, b_high = _as_stated(qb, tol)
    implied_low = b_low / a_high if a_high > 0 else 0.0
    implied_high = b_high / a_low if a_low > 0 else math.inf
    stated_rate = qb.stated / qa.stated if qa.stated else math.inf
    consistent = compatible(implied_low, r_high, tol.relative) and compatible(r_low, implied_high, tol.relative)
    when = f"{used} ({dating.basis}{': the date is unknown' if dating.unknown else ''})"
    rates_text = f"1 {qa.unit} = {_rate_range(r_low, r_high)} {qb.unit}"
    implied_text = (
        f"1 {qa.unit} = {format_number(stated_rate, 4)} {qb.unit} "
        f"(allowing for rounding: {_rate_range(implied_low, implied_high)})"
    )
    verdict = "consistent with" if consistent else "inconsistent with"
    message = (
        f"Stated conversion in {a.doc_id}: {_quote(a.text)} ({format_interval(qa.low, qa.high, qa.unit)}) "
        f"= {_quote(b.text)} ({format_interval(qb.low, qb.high, qb.unit)}) implies {implied_text}; "
        f"that is {verdict} the reference rates over {when}: {rates_text}. {_sentences([a, b])}"
    )
    return Finding(
        "conversion_consistent" if consistent else "conversion_mismatch",
        (a, b),
        message,
        "info" if consistent else "warning",
        fact_id,
        {
            "from_currency": qa.unit,
            "to_currency": qb.unit,
            "stated_rate": stated_rate,
            "implied_rate": _interval_json(implied_low, implied_high),
            "actual_rate": [r_low, r_high],
            "window": _period_json(used),
            "date_basis": dating.basis,
            "date_unknown": dating.unknown,
        },
    )
