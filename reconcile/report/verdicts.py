"""One-line verdicts: each finding said in plain words a journalist reads at a glance.

The judge's ``message`` names every figure, its normalised interval, its dating and its sentence:
it is the detail. A verdict is the short form the table, the Markdown and the HTML page lead with:
*what* (subject · measure · object · period), the *sides* (outlet: figure as written) and what it
means::

    ByteDance · spend · Nvidia AI chips · 2025: Financial Times: $12bn · The Information: $7bn — cannot both hold

A verdict is built from the finding's structured ``details`` and claims, never by cutting the
message, so each kind has one small phrasing function in :data:`PHRASES`; a kind without one
(registered by a user) gets the first sentence of its message.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from reconcile.judge import kinds
from reconcile.judge.align import subject_label
from reconcile.model import Claim, DateRange, Fact, Finding

#: Outlets named on one side of a verdict; the others are counted ("+2").
SIDE_OUTLETS = 2
#: Figures quoted on one side of a verdict (distinct figures as written).
SIDE_FIGURES = 2
#: Sides (or agreeing sources) shown in one verdict; the others are counted.
VERDICT_SIDES = 3
#: A figure as written longer than this is cut with an ellipsis.
FIGURE_CHARS = 40
#: No verdict is longer than this (an ellipsis marks the cut).
VERDICT_CHARS = 240

Phrase = Callable[["VerdictContext", Finding], str]


class VerdictContext:
    """What a verdict may read besides its finding: the facts by id and the outlet of each document."""

    def __init__(self, facts: Iterable[Fact], outlets: Mapping[str, str] | None = None) -> None:
        self.facts = {fact.id: fact for fact in facts}
        self.outlets = dict(outlets or {})

    def fact(self, fact_id: Any) -> Fact | None:
        return self.facts.get(fact_id) if isinstance(fact_id, str) else None

    def who(self, claim: Claim) -> str:
        """The outlet on whose word a claim rests (cited source, else publisher, else document).

        >>> from reconcile.model import Quantity
        >>> c = Claim("d#1", "d", 0, 1, "1", "s", Quantity.exact(1))
        >>> VerdictContext([], {"d": "Wire"}).who(c), VerdictContext([]).who(c)
        ('Wire', 'd')
        """
        named = [s for s in claim.sources if not s.startswith("doc:")]
        if named:
            return ", ".join(named)
        return self.outlets.get(claim.doc_id) or claim.publisher or claim.doc_id


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("more than\\n200,000 chips", 12), shorten("12", 12)
    ('more than 2…', '12')
    """
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def period_label(period: DateRange | None) -> str:
    """A period as a reader says it: a year, a quarter, a month, a day, or a span.

    >>> [period_label(p) for p in (DateRange.year(2024), DateRange.month(2025, 3), None)]
    ['2024', '2025-03', 'period unknown']
    >>> period_label(DateRange.parse({"from": "2024-04-01", "to": "2024-06-30"}))
    'Q2 2024'
    """
    if period is None:
        return "period unknown"
    start, end = period.start, period.end
    if start == end:
        return start.isoformat()
    following = end + dt.timedelta(days=1)
    if start.day == 1 and following.day == 1:
        months = (following.year - start.year) * 12 + following.month - start.month
        if months == 12 and start.month == 1:
            return str(start.year)
        if months == 3 and start.month % 3 == 1:
            return f"Q{start.month // 3 + 1} {start.year}"
        if months == 1:
            return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def fact_line(fact: Fact | None, *, action: bool = True) -> str:
    """``subject · measure · object · period`` of a fact (``action=False`` leaves the measure out).

    >>> fact = Fact("f", "ByteDance", "order", "H20", "count", "chip", DateRange.year(2024), ())
    >>> fact_line(fact), fact_line(fact, action=False), fact_line(None)
    ('ByteDance · order · H20 · 2024', 'ByteDance · H20 · 2024', '')
    """
    if fact is None:
        return ""
    parts = [subject_label(fact.subject)]
    if action:
        parts.append(fact.action)
    if fact.object:
        parts.append(fact.object)
    parts.append(period_label(fact.period))
    return " · ".join(parts)


def _more(shown: list[str], total: int) -> list[str]:
    return shown + [f"+{total - len(shown)}"] if total > len(shown) else shown


def figures(claims: Sequence[Claim]) -> str:
    """The distinct figures of some claims as written, at most :data:`SIDE_FIGURES` of them."""
    distinct = list(dict.fromkeys(shorten(c.text, FIGURE_CHARS) for c in claims))
    return ", ".join(_more(distinct[:SIDE_FIGURES], len(distinct)))


def side_text(context: VerdictContext, claims: Sequence[Claim]) -> str:
    """``outlet, outlet +1: figure, figure`` for claims that hold together."""
    outlets = list(dict.fromkeys(context.who(c) for c in claims))
    return f"{', '.join(_more(outlets[:SIDE_OUTLETS], len(outlets)))}: {figures(claims)}"


def _claims_by_id(finding: Finding) -> dict[str, Claim]:
    return {c.id: c for c in finding.claims}


def _sides(finding: Finding) -> list[list[Claim]]:
    """The claims of each side (from the details), else one side per outlet-free claim group."""
    by_id = _claims_by_id(finding)
    sides = finding.details.get("sides")
    if isinstance(sides, list) and sides:
        grouped = [[by_id[i] for i in side.get("claims", []) if i in by_id] for side in sides]
        return [side for side in grouped if side]
    return [[claim] for claim in finding.claims]


def _joined_sides(context: VerdictContext, sides: Sequence[Sequence[Claim]]) -> str:
    shown = [side_text(context, side) for side in sides[:VERDICT_SIDES]]
    if len(sides) > VERDICT_SIDES:
        shown.append(f"+{len(sides) - VERDICT_SIDES} more")
    return " · ".join(shown)


def _lead(context: VerdictContext, finding: Finding) -> str:
    line = fact_line(context.fact(finding.fact_id))
    return f"{line}: " if line else ""


def contradiction(context: VerdictContext, finding: Finding) -> str:
    sides = _sides(finding)
    verb = "cannot both hold" if len(sides) == 2 else "cannot all hold"
    return f"{_lead(context, finding)}{_joined_sides(context, sides)} — {verb}"


def _by_outlet(context: VerdictContext, claims: Sequence[Claim]) -> list[list[Claim]]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(context.who(claim), []).append(claim)
    return list(groups.values())


def agreement(context: VerdictContext, finding: Finding) -> str:
    independents = finding.details.get("independent_sources")
    tail = "agree, but rest on one source" if independents == 1 else "agree"
    return f"{_lead(context, finding)}{_joined_sides(context, _by_outlet(context, finding.claims))} — {tail}"


def single_source(context: VerdictContext, finding: Finding) -> str:
    return f"{_lead(context, finding)}{side_text(context, finding.claims)} — one source only"


def unknown_period(context: VerdictContext, finding: Finding) -> str:
    return f"{_lead(context, finding)}{side_text(context, finding.claims)} — undated, aligned with the dated claims"


def _percent(ratio: Any) -> str:
    if not isinstance(ratio, (int, float)) or not math.isfinite(ratio):
        return ""
    return f" ({ratio * 100:.0f} %)"


def stage_gap(context: VerdictContext, finding: Finding) -> str:
    earlier, later = finding.details.get("earlier") or {}, finding.details.get("later") or {}
    stages = []
    for stage in (earlier, later):
        action = stage.get("action", "")
        claims = [c for c in finding.claims if c.action == action] or list(finding.claims)
        stages.append(f"{action} {figures(claims)}")
    line = fact_line(context.fact(finding.fact_id), action=False)
    lead = f"{line}: " if line else ""
    return f"{lead}{' · '.join(stages)} — stage gap{_percent(finding.details.get('ratio'))}, not a contradiction"


def _rate(value: Any) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        low, high = (f"{v:.4g}" for v in value)
        return low if low == high else f"{low}–{high}"
    return "?"


def _conversion(context: VerdictContext, finding: Finding, fits: bool) -> str:
    d = finding.details
    claims = finding.claims
    said = " = ".join(f"“{shorten(c.text, FIGURE_CHARS)}”" for c in claims[:2])
    who = context.who(claims[0]) if claims else ""
    rate = f"1 {d.get('from_currency', '?')} = {_rate(d.get('actual_rate'))} {d.get('to_currency', '?')}"
    verdict = "fits the rates" if fits else "does not fit the rates"
    stated = d.get("stated_rate")
    said_rate = f"; stated {stated:.4g}" if not fits and isinstance(stated, (int, float)) else ""
    return f"{who}: {said} — {verdict} ({rate}{said_rate})"


def conversion_consistent(context: VerdictContext, finding: Finding) -> str:
    return _conversion(context, finding, fits=True)


def conversion_mismatch(context: VerdictContext, finding: Finding) -> str:
    return _conversion(context, finding, fits=False)


def fx_unavailable(context: VerdictContext, finding: Finding) -> str:
    error = shorten(str(finding.details.get("error", "")), 80)
    return f"{side_text(context, finding.claims[:1])} — cannot convert: {error}"


#: kind name -> the function that says a finding of that kind in one line.
PHRASES: dict[str, Phrase] = {
    kinds.CONTRADICTION.name: contradiction,
    kinds.AGREEMENT.name: agreement,
    kinds.SINGLE_SOURCE.name: single_source,
    kinds.UNKNOWN_PERIOD.name: unknown_period,
    kinds.STAGE_GAP.name: stage_gap,
    kinds.CONVERSION_CONSISTENT.name: conversion_consistent,
    kinds.CONVERSION_MISMATCH.name: conversion_mismatch,
    kinds.FX_UNAVAILABLE.name: fx_unavailable,
}


def first_sentence(message: str) -> str:
    """A message's first sentence (the fallback verdict of a kind without a phrase).

    >>> first_sentence("All agree. More detail follows.")
    'All agree.'
    """
    flat = " ".join(message.split())
    end = flat.find(". ")
    return flat if end < 0 else flat[: end + 1]


def verdict(finding: Finding, context: VerdictContext) -> str:
    """One line saying ``finding`` in plain words (see the module docstring).

    >>> from reconcile.model import Quantity
    >>> def said(doc, text, outlet):
    ...     q = Quantity.exact(1, "USD", "money", text)
    ...     return Claim(f"{doc}#1", doc, 0, 1, text, text, q, publisher=outlet)
    >>> fact = Fact("f", "ByteDance", "spend", "AI chips", "money", "USD", DateRange.year(2025), ())
    >>> finding = Finding("contradiction", (said("a", "$12bn", "Financial Times"), said("b", "$7bn", "The Information")),
    ...                   "long message", "error", "f")
    >>> verdict(finding, VerdictContext([fact]))
    'ByteDance · spend · AI chips · 2025: Financial Times: $12bn · The Information: $7bn — cannot both hold'
    >>> verdict(Finding("made_up", (), "Something odd. Details."), VerdictContext([]))
    'Something odd.'
    """
    phrase = PHRASES.get(finding.kind)
    try:
        text = phrase(context, finding) if phrase is not None else first_sentence(finding.message)
    except (KeyError, TypeError, ValueError, AttributeError):  # details of an unexpected shape
        text = first_sentence(finding.message)
    return shorten(text, VERDICT_CHARS)
