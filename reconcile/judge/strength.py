"""How strongly a claim's frame was read, and so what the judge may conclude from it.

A red flag that is wrong costs an analyst more than a missed one. The judge therefore raises a
*contradiction* only between claims whose frame was read, not guessed: the subject and the
measure explicit in the clause or carried from context (never defaulted), an object read when
there is one, a known period, and periods of comparable length on both sides (a quarter's figure
cannot contradict a year's, nor a day's a quarter's). Anything weaker is at most a *possible
contradiction*. This module says, for each claim, what is weak about it (:func:`weaknesses`)
and how confident a finding resting on it can be (:func:`claim_confidence`).

Claims built by hand carry no evidence; their frame is taken as read (the caller decided it).

>>> from reconcile.model import Claim, DateRange, Evidence, Quantity
>>> q = Quantity.exact(5, "USD", "money")
>>> read = Claim("a#1", "a", 0, 1, "5", "5", q, subject="Acme", action="revenue", period=DateRange.year(2024))
>>> weaknesses(read), claim_confidence(read)
((), 1.0)
>>> guessed = Claim("b#1", "b", 0, 1, "5", "5", q, subject="Acme", action="other",
...                 evidence=(Evidence("subject", "carried_subject", "carried"), Evidence("action", "no_action_word", "default")))
>>> weaknesses(guessed)
('measure unknown', 'no period')
>>> round(claim_confidence(guessed), 2)
0.6
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconcile.model import Claim

UNKNOWN_MEASURES = frozenset({"other", ""})
"""Action ids that say nothing of what was measured: never enough for a contradiction."""

COMPARABLE_PERIOD_RATIO = 1.5
"""Two periods are of comparable length when the longer is at most this many times the shorter
(a month and a month, a year and a fiscal year; not a quarter and a year)."""

YEAR_DAYS = 365
"""Periods of a year or more are comparable whatever their lengths: a span of two years is a
year whose dating is uncertain ("cette année" in an article of December or January)."""

ORIGIN_CONFIDENCE = {"explicit": 1.0, "carried": 0.8, "default": 0.4}
"""What a slot read explicitly, carried from context or defaulted contributes to confidence."""

UNREAD_CONFIDENCE = 0.3
"""The confidence of a slot with no value at all (no subject, no period, an unknown measure)."""

FRAME_SLOTS = ("subject", "action", "object", "period")

ATTRIBUTION_HEDGES = frozenset({"reported_speech", "report_in_clause"})
"""Hedge resolvers that read the wording of an attribution ("according to Reuters"). When the
figure is credited to a named source, it weighs as much as one "Reuters reported", whatever the
verb; unnamed sourcing ("selon nos informations", "people familiar") stays a hedge."""


def _slot_weakness(claim: Claim, slot: str) -> str | None:
    value = getattr(claim, slot)
    evidence = claim.evidence_for(slot)
    defaulted = evidence is not None and not evidence.confident
    if slot == "subject" and value is None:
        return "no subject"
    if slot == "action" and (value in UNKNOWN_MEASURES or value is None):
        return "measure unknown"
    if slot == "period" and value is None:
        return "no period"
    if defaulted and value is not None and slot != "object":
        return f"{'measure' if slot == 'action' else slot} defaulted"
    return None


def weaknesses(claim: Claim) -> tuple[str, ...]:
    """What is not read in a claim's frame: ``no subject``, ``measure unknown``, ``no period``,
    ``subject defaulted`` …; empty when the frame is strong enough for a contradiction."""
    found = (_slot_weakness(claim, slot) for slot in FRAME_SLOTS)
    return tuple(w for w in found if w is not None)


def _slot_confidence(claim: Claim, slot: str) -> float:
    if _slot_weakness(claim, slot) in ("no subject", "measure unknown", "no period"):
        return UNREAD_CONFIDENCE
    evidence = claim.evidence_for(slot)
    return ORIGIN_CONFIDENCE.get(evidence.origin, 1.0) if evidence is not None else 1.0


def claim_confidence(claim: Claim) -> float:
    """The mean confidence of a claim's subject, measure, object and period (1.0 when read)."""
    return sum(_slot_confidence(claim, slot) for slot in FRAME_SLOTS) / len(FRAME_SLOTS)


def comparable_periods(claims: Iterable[Claim]) -> bool:
    """Whether the dated claims' periods are of comparable length (see :data:`COMPARABLE_PERIOD_RATIO`).

    >>> from reconcile.model import Claim, DateRange, Quantity
    >>> mk = lambda p: Claim("x", "x", 0, 1, "1", "1", Quantity.exact(1), period=p)
    >>> comparable_periods([mk(DateRange.year(2024)), mk(DateRange("2024-01-01", "2024-12-28"))])
    True
    >>> comparable_periods([mk(DateRange.year(2024)), mk(DateRange("2024-10-01", "2024-12-31"))])
    False
    >>> comparable_periods([mk(DateRange.year(2024)), mk(DateRange("2024-01-01", "2025-12-31"))])
    True
    """
    days = [c.period.days for c in claims if c.period is not None]
    return not days or min(days) >= YEAR_DAYS or max(days) <= COMPARABLE_PERIOD_RATIO * min(days)


def hedge_counts(claim: Claim) -> bool:
    """Whether a claim's hedge lowers its weight: a real hedge (a modal, a conditional, an
    estimate), not the wording of its attribution (see :data:`ATTRIBUTION_HEDGES`)."""
    if not claim.hedged:
        return False
    evidence = claim.evidence_for("hedged")
    worded = evidence is not None and evidence.resolver in ATTRIBUTION_HEDGES
    return not (worded and claim.attributed_to)


def finding_confidence(claims: Sequence[Claim], independents: int) -> float:
    """A finding's confidence: its weakest claim's, lowered when one source stands behind it all.

    >>> from reconcile.model import Claim, Quantity
    >>> finding_confidence([Claim("a", "a", 0, 1, "1", "1", Quantity.exact(1), subject="X", action="order")], 1)
    0.66
    """
    weakest = min((claim_confidence(c) for c in claims), default=0.0)
    return round(weakest * (1.0 if independents >= 2 else 0.8), 2)
