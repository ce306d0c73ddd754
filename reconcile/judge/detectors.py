"""One detector per finding kind. Each reads the judged :class:`~reconcile.judge.batch.Batch` and
yields the findings of its kind, filling the kind's message template (see :mod:`reconcile.judge.kinds`).

Which of ``contradiction``, ``agreement`` and ``single_source`` a fact gets depends on its sides
and documents only, so a fact gets at most one of the three.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from reconcile.formatting import (
    format_interval,
    format_number,
    interval_json,
    period_json,
)
from reconcile.judge import strength
from reconcile.judge.align import MONEY_UNIT_KEY, fact_block, subject_key, subject_label
from reconcile.judge.batch import Batch, Conversion, Verdict
from reconcile.judge.messages import (
    MESSAGE_CLAIMS,
    describe_all,
    doc_sources,
    fact_label,
    plural,
    quote,
    rate_range,
    sentences,
)
from reconcile.judge.registry import FindingKind
from reconcile.judge.tolerance import compatible
from reconcile.model import Claim, Finding

# --------------------------------------------------------------------------- facts


def _documents(claims: Sequence[Claim]) -> list[str]:
    return sorted({c.doc_id for c in claims})


def _outlets(claims: Sequence[Claim]) -> list[str]:
    return sorted({o for c in claims for o in c.sources})


def _consensus_text(verdict: Verdict) -> str:
    consensus = verdict.consensus
    if consensus is None:
        return "undecided (tied sides)"
    return format_interval(consensus.low, consensus.high, verdict.fact.unit)


def _fact_details(verdict: Verdict, claims: Sequence[Claim], documents: list[str]) -> dict[str, Any]:
    fact, consensus = verdict.fact, verdict.consensus
    return {
        "unit": fact.unit,
        "period": period_json(fact.period),
        "documents": documents,
        "independent_sources": verdict.independents,
        "sources": _outlets(claims),
        "normalised": {n.claim.id: interval_json(n.low, n.high) for n in verdict.normals},
        "consensus": None if consensus is None else interval_json(consensus.low, consensus.high),
    }


def _cross_document(verdict: Verdict) -> bool:
    """Whether two sides of a fact rest on different documents (figures of one document never
    contradict each other: they are parts, comparisons or revisions the text explains)."""
    documents = [set(_documents(side.claims)) for side in verdict.sides]
    return any(a != {d} or b != {d} for i, a in enumerate(documents) for b in documents[i + 1 :] for d in a | b)


def _weak_reasons(verdict: Verdict) -> list[str]:
    """Why the sides of a fact are not enough for a contradiction (empty: they are)."""
    reasons: list[str] = []
    if len(_documents(verdict.claims)) < 2 or not _cross_document(verdict):
        reasons.append("all from one document")
    for claim, weak in verdict.weaknesses:
        reasons.extend(f"{w} in {claim.id}" for w in weak)
    if not strength.comparable_periods(verdict.claims):
        days = sorted({c.period.days for c in verdict.claims if c.period is not None})
        reasons.append(f"periods of different lengths ({days[0]} to {days[-1]} days)")
    return reasons


def _why_strong(verdict: Verdict) -> str:
    fact = verdict.fact
    slots = " · ".join(str(x) for x in (subject_label(fact.subject), fact.action, fact.object or "no object", fact.period))
    return f"{slots} read in every claim (none defaulted); sides from {len(_documents(verdict.claims))} documents"


def contradiction(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Facts whose figures fall into sides that cannot hold together, from different documents,
    every claim's frame read (see :mod:`reconcile.judge.strength`)."""
    for verdict in batch.verdicts:
        if verdict.normals and len(verdict.sides) > 1 and not _weak_reasons(verdict):
            yield _contradiction(kind, verdict, _why_strong(verdict))


def possible_contradiction(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Facts whose sides cannot hold together but whose frames are too weak for a contradiction."""
    for verdict in batch.verdicts:
        if not verdict.normals or len(verdict.sides) < 2:
            continue
        reasons = _weak_reasons(verdict)
        if reasons:
            shown = reasons[:MESSAGE_CLAIMS] + ([f"{len(reasons) - MESSAGE_CLAIMS} more"] if len(reasons) > MESSAGE_CLAIMS else [])
            yield _contradiction(kind, verdict, "not a contradiction: " + "; ".join(shown), reasons=", ".join(shown))


def _contradiction(kind: FindingKind, verdict: Verdict, why: str, **extra: str) -> Finding:
    fact, sides, claims = verdict.fact, verdict.sides, verdict.claims
    documents = _documents(claims)
    texts, details = [], []
    for number, (side, weight) in enumerate(zip(sides, verdict.weights), start=1):
        outlets = sorted(side.outlets)
        if number <= MESSAGE_CLAIMS:
            interval = format_interval(side.low, side.high, fact.unit)
            texts.append(f"side {number} ({', '.join(outlets)}; {interval}): " + describe_all(side.members))
        details.append(
            {
                "claims": [n.claim.id for n in side.members],
                "interval": interval_json(side.low, side.high),
                "sources": outlets,
                "documents": _documents(side.claims),
                "weight": round(weight, 6),
            }
        )
    more = f" versus {len(sides) - MESSAGE_CLAIMS:,} more sides" if len(sides) > MESSAGE_CLAIMS else ""
    return kind.finding(
        claims,
        fact.id,
        {**_fact_details(verdict, claims, documents), "sides": details},
        confidence=strength.finding_confidence(claims, verdict.independents),
        why=why,
        label=fact_label(fact),
        where=f" within {documents[0]}" if len(documents) == 1 else "",
        sides=" versus ".join(texts) + more,
        consensus=_consensus_text(verdict),
        sentences=sentences(claims),
        **extra,
    )


TOUCH_TOLERANCE = 1e-9
"""Relative distance under which two interval ends are taken to meet (float rounding)."""


def _strictly_agree(verdict: Verdict) -> bool:
    """Whether the figures share a value, each widened by its rounding only (no tolerance).

    A rounding interval is half-open (150,000 stands for [145,000, 155,000)), so figures that only
    touch (150,000 and 160,000 meet at 155,000) do not share a value; equal points do.
    """
    normals = verdict.normals
    low, high = max(n.low for n in normals), min(n.high for n in normals)
    if not math.isclose(low, high, rel_tol=TOUCH_TOLERANCE):
        return low < high
    if all(n.low == n.high for n in normals):
        return True
    bounds = [n for n in normals if math.isclose(n.low, low, rel_tol=TOUCH_TOLERANCE)
              or math.isclose(n.high, high, rel_tol=TOUCH_TOLERANCE)]
    return not all(n.claim.quantity.bound == "exact" for n in bounds)  # a stated bound touches; rounding does not


def _spread(verdict: Verdict) -> float:
    """How far apart the figures are, as a share of the larger (150,000 vs 160,000: 6.25 %)."""
    mids = [(n.low + n.high) / 2 for n in verdict.normals if math.isfinite(n.low) and math.isfinite(n.high)]
    if len(mids) < 2 or max(mids) == 0:
        return 0.0
    return (max(mids) - min(mids)) / abs(max(mids))


def _agreeing(batch: Batch) -> Iterator[tuple[Verdict, list[str]]]:
    """Facts of one side stated by two or more documents, subject and measure known."""
    for verdict in batch.verdicts:
        if not verdict.normals or len(verdict.sides) > 1:
            continue
        documents = _documents(verdict.claims)
        unread = {"no subject", "measure unknown"}
        if len(documents) < 2 or any(set(weak) & unread for _, weak in verdict.weaknesses):
            continue
        yield verdict, documents


def agreement(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Facts stated by two or more documents whose figures all hold at once, rounding included."""
    for verdict, documents in _agreeing(batch):
        if not _strictly_agree(verdict):
            continue
        claims = verdict.claims
        independents = verdict.independents
        shared = ""
        if independents < 2:
            shared = (
                f" They rest on one source ({', '.join(_outlets(claims))}), "
                "so this is not independent corroboration."
            )
        yield kind.finding(
            claims,
            verdict.fact.id,
            _fact_details(verdict, claims, documents),
            confidence=strength.finding_confidence(claims, independents),
            why=f"the figures of {len(documents)} documents share a value; {independents} independent {plural(independents, 'source')}",
            label=fact_label(verdict.fact),
            claims=len(claims),
            documents=len(documents),
            independents=independents,
            sources=plural(independents, "source"),
            consensus=_consensus_text(verdict),
            described=describe_all(verdict.normals),
            shared=shared,
            sentences=sentences(claims),
        )


def close_figures(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Facts whose figures are within the tolerance of each other but do not share a value:
    close, not equal; the spread is stated and no consensus is drawn."""
    for verdict, documents in _agreeing(batch):
        if _strictly_agree(verdict):
            continue
        claims = verdict.claims
        spread = _spread(verdict)
        yield kind.finding(
            claims,
            verdict.fact.id,
            {**_fact_details(verdict, claims, documents), "consensus": None, "spread": round(spread, 6)},
            confidence=strength.finding_confidence(claims, verdict.independents),
            why=f"within the {format_number(batch.tolerance.relative * 100)} % tolerance but no common value",
            label=fact_label(verdict.fact),
            described=describe_all(verdict.normals),
            spread=format_number(spread * 100),
            sentences=sentences(claims),
        )


def single_source(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Facts stated by one document only; reported only when the caller asks for them."""
    if not batch.report_single_source:
        return
    for verdict in batch.verdicts:
        if not verdict.normals or len(verdict.sides) > 1:
            continue
        claims = verdict.claims
        documents = _documents(claims)
        if len(documents) >= 2:
            continue
        yield kind.finding(
            claims,
            verdict.fact.id,
            _fact_details(verdict, claims, documents),
            label=fact_label(verdict.fact),
            described=describe_all(verdict.normals),
            sentences=sentences(claims),
        )


def unknown_period(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Undated facts beside dated facts of the same subject, measure, object and unit: possibly
    the same fact, never judged against it (an unknown period may be any period)."""
    dated: dict[tuple[Any, ...], list[Verdict]] = defaultdict(list)
    for verdict in batch.verdicts:
        if verdict.fact.period is not None and verdict.normals:
            dated[fact_block(verdict.fact)].append(verdict)
    for verdict in batch.verdicts:
        fact = verdict.fact
        block = fact_block(fact)
        if fact.period is not None or not verdict.normals or block not in dated:
            continue
        periods = sorted(str(v.fact.period) for v in dated[block])
        yield kind.finding(
            verdict.claims,
            fact.id,
            {"undated_claims": [c.id for c in verdict.claims], "dated_facts": [v.fact.id for v in dated[block]]},
            confidence=strength.finding_confidence(verdict.claims, verdict.independents),
            why="same subject, measure, object and unit; the period of these claims is unknown",
            count=len(verdict.claims),
            claims=plural(len(verdict.claims), "claim"),
            label=fact_label(fact),
            described=describe_all(verdict.normals),
            period=", ".join(periods),
            sentences=sentences(verdict.claims),
        )


# --------------------------------------------------------------------------- stages


def stage_gap(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Facts on one subject, object and unit at different stages (ordered, received) whose
    periods overlap or are unknown and whose consensus figures are incompatible."""
    relative = batch.tolerance.relative
    for members in _stage_blocks(batch):
        for (level_a, early), (level_b, late) in _stage_pairs(members):
            pa, pb = early.fact.period, late.fact.period
            if pa is not None and pb is not None and not pa.overlaps(pb):
                continue
            a, b = early.consensus, late.consensus
            assert a is not None and b is not None
            if compatible(a.low, b.high, relative) and compatible(b.low, a.high, relative):
                continue
            yield _stage_gap(kind, early, level_a, late, level_b)


def _stage_gap_ready(verdict: Verdict) -> bool:
    """A measure's facts join a stage gap only with every frame read and a known measure."""
    return not verdict.fact.action.startswith("other") and not any(weak for _, weak in verdict.weaknesses)


CLAIM_STAGE_LEVELS = {"estimate": 1, "actual": 2}
"""The claim stages a stage gap may join: an estimate by others (analysts' consensus), then the
outcome. Forecasts, targets and plans of a measure are not joined to an outcome: on real articles
a blind reviewer found such pairs wrong far more often than right (next quarter's guidance
against this quarter's result, a part of a target against the whole)."""


def _stage_blocks(batch: Batch) -> list[list[tuple[int, Verdict]]]:
    """Decided facts with a known stage, grouped; blocks of one stage dropped.

    Steps of a deal (plan < approve < order < buy < receive, the lexicon's stages) group ignoring
    the action. Any other measure groups with itself only, its level the claim's stage
    (:data:`CLAIM_STAGE_LEVELS`: a plan, a target, a forecast or an estimate before the outcome),
    so an analysts' estimate of revenue and the revenue reported are a stage gap, not a
    contradiction, and never meet a different measure.
    """
    blocks: dict[tuple[Any, ...], list[tuple[int, Verdict]]] = defaultdict(list)
    for verdict in batch.verdicts:
        if verdict.consensus is None:
            continue
        fact = verdict.fact
        measure, _, claim_stage = fact.action.partition("@")
        level = batch.stage(measure)
        grouping: tuple[Any, ...] = ()
        if level is None:
            if not _stage_gap_ready(verdict):
                continue
            level, grouping = CLAIM_STAGE_LEVELS.get(claim_stage or "actual"), (measure,)
            if level is None:
                continue
        unit_key = MONEY_UNIT_KEY if fact.kind == "money" else fact.unit
        blocks[(subject_key(fact.subject), *grouping, fact.object, fact.kind, unit_key)].append((level, verdict))
    found = []
    for members in blocks.values():
        if len({level for level, _ in members}) >= 2:
            members.sort(key=lambda m: (m[0], m[1].fact.id))
            found.append(members)
    return found


def _stage_pairs(
    members: list[tuple[int, Verdict]],
) -> Iterator[tuple[tuple[int, Verdict], tuple[int, Verdict]]]:
    for i, early in enumerate(members):
        for late in members[i + 1 :]:
            if late[0] != early[0]:
                yield early, late


def _stage_gap(kind: FindingKind, early: Verdict, level_a: int, late: Verdict, level_b: int) -> Finding:
    a, b = early.consensus, late.consensus
    assert a is not None and b is not None
    va, vb = a.midpoint, b.midpoint
    ratio = vb / va if va else math.inf
    fact = early.fact
    claims = early.claims + late.claims
    periods = {str(v.fact.period) for v in (early, late) if v.fact.period is not None}
    return kind.finding(
        claims,
        fact.id,
        {
            "unit": fact.unit,
            "ratio": ratio,
            "earlier": _stage_json(early, level_a),
            "later": _stage_json(late, level_b),
        },
        what=" · ".join(p for p in (subject_label(fact.subject), fact.object) if p),
        kind=fact.kind,
        when=", ".join(sorted(periods)) if periods else "period unknown",
        early_action=fact.action,
        early=describe_all(early.normals),
        late_action=late.fact.action,
        late=describe_all(late.normals),
        percent=format_number(ratio * 100),
        ratio=format_number(ratio),
        sentences=sentences(claims),
    )


def _stage_json(verdict: Verdict, level: int) -> dict[str, Any]:
    consensus = verdict.consensus
    assert consensus is not None
    return {
        "fact_id": verdict.fact.id,
        "action": verdict.fact.action,
        "stage": level,
        "interval": interval_json(consensus.low, consensus.high),
    }


# --------------------------------------------------------------------------- stated conversions


def conversion_consistent(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Stated conversions that fit the reference rates of their window."""
    for conversion in batch.conversions:
        if conversion.error is None and conversion.consistent:
            yield _conversion(kind, conversion)


def conversion_mismatch(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Stated conversions that do not fit them."""
    for conversion in batch.conversions:
        if conversion.error is None and not conversion.consistent:
            yield _conversion(kind, conversion)


def _conversion(kind: FindingKind, c: Conversion) -> Finding:
    qa, qb = c.a.quantity, c.b.quantity
    (r_low, r_high), (implied_low, implied_high) = c.rate, c.implied
    unknown = ": the date is unknown" if c.dating.unknown else ""
    return kind.finding(
        (c.a, c.b),
        c.fact_id,
        {
            "from_currency": qa.unit,
            "to_currency": qb.unit,
            "stated_rate": c.stated_rate,
            "implied_rate": interval_json(implied_low, implied_high),
            "actual_rate": [r_low, r_high],
            "window": period_json(c.used),
            "date_basis": c.dating.basis,
            "date_unknown": c.dating.unknown,
        },
        doc=c.a.doc_id,
        a=quote(c.a.text),
        a_interval=format_interval(qa.low, qa.high, qa.unit),
        b=quote(c.b.text),
        b_interval=format_interval(qb.low, qb.high, qb.unit),
        implied=(
            f"1 {qa.unit} = {format_number(c.stated_rate, 4)} {qb.unit} "
            f"(allowing for rounding: {rate_range(implied_low, implied_high)})"
        ),
        when=f"{c.used} ({c.dating.basis}{unknown})",
        rates=f"1 {qa.unit} = {rate_range(r_low, r_high)} {qb.unit}",
        sentences=sentences([c.a, c.b]),
    )


def fx_unavailable(kind: FindingKind, batch: Batch) -> Iterator[Finding]:
    """Stated conversions that cannot be checked, then figures that cannot be converted."""
    for c in batch.conversions:
        if c.error is not None:
            yield kind.finding(
                (c.a, c.b),
                c.fact_id,
                {"error": str(c.error)},
                attempt=f"check the stated conversion {quote(c.a.text)} = {quote(c.b.text)} in {c.a.doc_id}",
                error=str(c.error),
                consequence="",
                sentences=sentences([c.a]),
            )
    for claim, error in batch.fx_failures:
        unit = claim.quantity.unit
        yield kind.finding(
            (claim,),
            None,
            {"error": str(error), "currency": unit},
            attempt=f"convert {quote(claim.text)} ({unit}) from {doc_sources(claim)} to {batch.currency}",
            error=str(error),
            consequence="The figure is left out of the judgement. ",
            sentences=sentences([claim]),
        )
