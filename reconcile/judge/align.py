"""Alignment: the claims that speak of one fact, across documents and languages.

A *fact* is one (subject, action, object, kind, period). Alignment is blocking plus period
clustering, in O(n log n):

1. **Blocking.** Claims are grouped in a dict keyed by
   ``(subject, action, object, kind, unit)``. Keys are exact canonical ids, so a claim on a
   product (``H20``) never meets a claim on its parent family (``Nvidia AI chips``), and a group
   subject (the sorted tuple ``("Alibaba", "ByteDance", "Tencent")``) never meets one of its
   members (``"ByteDance"``). Money claims share one block whatever their currency (the judge
   converts them); other kinds block on their unit too (``chip`` is not ``user``).
2. **Periods.** Within a block, claims with a known period are split into the fewest clusters
   whose periods all share at least one day (interval stabbing: sort by end, the end of the
   first unplaced period is the stabbing day). So overlapping periods align and disjoint ones do
   not, and a chain ``2024 — 2024..2025 — 2025`` cannot glue 2024 to 2025.
3. **Unknown periods.** ``period=None`` means the text did not say when. Such a claim *may* be
   about any period, so it is never judged against dated claims: the undated claims of a block
   form their own fact, and the judge lists it as possibly the same fact as the dated ones
   (``unknown_period``). The publication date is deliberately **not** used as a proxy period: a
   2025 spending plan reported in 2024 and a 2026 approval must stay apart.

The fact's ``period`` is the span common to its dated claims (their intersection), or ``None``
when none of them is dated.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from reconcile.model import Claim, DateRange, Fact, Subject

#: Stages that anticipate an outcome and so never meet it in one fact (see :func:`block_key`).
EXPECTED_STAGES = frozenset({"estimate", "forecast", "target"})

#: The unit key of money claims: every currency lands in one block and is converted later.
MONEY_UNIT_KEY = "*"


def subject_key(subject: Subject) -> Subject:
    """The canonical form of a subject: a group is a sorted tuple, a one-member group its member.

    >>> subject_key(("Tencent", "Alibaba", "ByteDance"))
    ('Alibaba', 'ByteDance', 'Tencent')
    >>> subject_key(("ByteDance",)), subject_key("ByteDance"), subject_key(None)
    ('ByteDance', 'ByteDance', None)
    """
    if isinstance(subject, (tuple, list)):
        members = tuple(sorted(set(subject)))
        if len(members) == 1:
            return members[0]
        return members or None
    return subject


def subject_label(subject: Subject) -> str:
    """A subject as people read it.

    >>> subject_label(("Alibaba", "ByteDance", "Tencent")), subject_label(None)
    ('Alibaba + ByteDance + Tencent', '(no subject)')
    """
    if subject is None:
        return "(no subject)"
    if isinstance(subject, tuple):
        return " + ".join(subject)
    return subject


def block_key(claim: Claim) -> tuple[Any, ...]:
    """The blocking key of a claim: ``(subject, action, object, kind, unit)``. A figure that
    anticipates an outcome (an analysts' estimate, a forecast, a target: :data:`EXPECTED_STAGES`)
    keeps its stage in the action (``revenue@estimate``), so it is never judged against the outcome.
    Plans stay with their action: the steps of a deal already say plan, order, receive.

    >>> from reconcile.model import Quantity
    >>> c = Claim("d#1", "d", 0, 3, "7 bn", "7 bn", Quantity.exact(7e9, "USD", "money"), subject="ByteDance", action="plan")
    >>> block_key(c)
    ('ByteDance', 'plan', None, 'money', '*')
    """
    quantity = claim.quantity
    unit = MONEY_UNIT_KEY if quantity.kind == "money" else quantity.unit
    action = f"{claim.action}@{claim.stage}" if claim.stage in EXPECTED_STAGES else claim.action
    return (subject_key(claim.subject), action, claim.object, quantity.kind, unit)


def fact_block(fact: Fact) -> tuple[Any, ...]:
    """The blocking key of a fact, as :func:`block_key` gives it for each of its claims."""
    unit = MONEY_UNIT_KEY if fact.kind == "money" else fact.unit
    return (subject_key(fact.subject), fact.action, fact.object, fact.kind, unit)


def period_clusters(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Split dated claims into the fewest groups whose periods share a common day.

    >>> from reconcile.model import Quantity
    >>> q = Quantity.exact(1, "chip", "count")
    >>> mk = lambda i, p: Claim(f"d#{i}", "d", 0, 1, "1", "1", q, period=p)
    >>> y24, y25 = DateRange.year(2024), DateRange.year(2025)
    >>> both = DateRange(y24.start, y25.end)
    >>> [[c.id for c in g] for g in period_clusters([mk(1, y24), mk(2, both), mk(3, y25)])]
    [['d#1', 'd#2'], ['d#3']]
    """
    dated = sorted((c for c in claims if c.period is not None), key=_period_sort_key)
    clusters: list[list[Claim]] = []
    stab: dt.date | None = None
    for claim in dated:
        period = claim.period
        assert period is not None
        if stab is not None and period.start <= stab:
            clusters[-1].append(claim)
        else:
            stab = period.end
            clusters.append([claim])
    return clusters


def _period_sort_key(claim: Claim) -> tuple[dt.date, dt.date, str]:
    period = claim.period
    assert period is not None
    return (period.end, period.start, claim.id)


def common_period(claims: Iterable[Claim]) -> DateRange | None:
    """The days common to the periods of the dated claims, or ``None`` if none is dated.

    >>> from reconcile.model import Quantity
    >>> q = Quantity.exact(1, "chip", "count")
    >>> a = Claim("a#1", "a", 0, 1, "1", "1", q, period=DateRange.year(2024))
    >>> b = Claim("b#1", "b", 0, 1, "1", "1", q, period=DateRange("2024-06-01", "2025-06-30"))
    >>> str(common_period([a, b]))
    '2024-06-01..2024-12-31'
    """
    periods = [claim.period for claim in claims if claim.period is not None]
    if not periods:
        return None
    start, end = max(p.start for p in periods), min(p.end for p in periods)
    if start > end:  # cannot happen for a stabbing cluster; keep the hull rather than fail
        start, end = end, start
    return DateRange(start, end)


def fact_id(subject: Subject, action: str, obj: str | None, kind: str, unit: str, period: DateRange | None) -> str:
    """A readable, stable id: ``subject/action/object/kind[-unit]/period``.

    >>> fact_id(("Alibaba", "Tencent"), "approve", "H200", "count", "chip", DateRange.year(2026))
    'Alibaba+Tencent/approve/H200/count-chip/2026-01-01..2026-12-31'
    >>> fact_id("ByteDance", "plan", None, "money", "*", None)
    'ByteDance/plan/-/money/undated'
    """
    who = "+".join(subject) if isinstance(subject, tuple) else (subject or "?")
    what = kind if unit in ("", MONEY_UNIT_KEY) else f"{kind}-{unit}"
    when = str(period) if period is not None else "undated"
    return f"{who}/{action}/{obj or '-'}/{what}/{when}"


def _fact_unit(kind: str, unit_key: str, claims: Iterable[Claim]) -> str:
    if kind != "money":
        return unit_key
    return ",".join(sorted({c.quantity.unit for c in claims}))


def align(claims: Iterable[Claim], lexicon: Any = None) -> list[Fact]:
    """Group claims into facts about one (subject, action, object, kind, period).

    ``lexicon`` is accepted for symmetry with :func:`reconcile.judge.judge`; alignment itself
    works on the canonical ids that extraction put in the claims. Facts come sorted by id. A money
    fact's ``unit`` lists the currencies as written (``"CNY,USD"``) until the judge converts it.

    >>> from reconcile.model import Quantity
    >>> n = lambda v: Quantity.exact(v, "chip", "count")
    >>> claims = [
    ...     Claim("a#1", "a", 0, 1, "x", "x", n(200_000), subject="ByteDance", action="order", object="H20", period=DateRange.year(2024)),
    ...     Claim("b#1", "b", 0, 1, "x", "x", n(210_000), subject="ByteDance", action="order", object="H20"),
    ...     Claim("c#1", "c", 0, 1, "x", "x", n(1_000_000), subject="ByteDance", action="order", object="Nvidia AI chips"),
    ... ]
    >>> [(f.id, [c.id for c in f.claims]) for f in align(claims)]
    [('ByteDance/order/H20/count-chip/2024-01-01..2024-12-31', ['a#1']), ('ByteDance/order/H20/count-chip/undated', ['b#1']), ('ByteDance/order/Nvidia AI chips/count-chip/undated', ['c#1'])]
    """
    del lexicon  # see docstring
    blocks: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        blocks[block_key(claim)].append(claim)

    facts: list[Fact] = []
    seen_ids: set[str] = set()
    for (subject, action, obj, kind, unit_key), members in blocks.items():
        undated = [c for c in members if c.period is None]
        groups = period_clusters(members) + ([undated] if undated else [])
        for group in groups:
            period = common_period(group)
            ident = fact_id(subject, action, obj, kind, unit_key, period)
            if ident in seen_ids:  # defensive: never two facts with one id
                suffix = 2
                while f"{ident}#{suffix}" in seen_ids:
                    suffix += 1
                ident = f"{ident}#{suffix}"
            seen_ids.add(ident)
            facts.append(
                Fact(
                    id=ident,
                    subject=subject,
                    action=action,
                    object=obj,
                    kind=kind,
                    unit=_fact_unit(kind, unit_key, group),
                    period=period,
                    claims=group,
                )
            )
    facts.sort(key=lambda f: f.id)
    return facts
