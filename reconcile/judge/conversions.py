"""Stated conversions: the two figures of an equivalence measured against the reference rates.

The two figures of an equivalence (``claim.equivalents``) are one statement: the pair's implied
rate ``[low_B / high_A, high_B / low_A]`` is checked against the actual rate interval over the
claim's window. A ``plus de`` / ``more than`` is read as applying to both figures, so the implied
rate uses the stated figures (widened by rounding and approximation), not the open interval.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

from reconcile.errors import FxError
from reconcile.judge.batch import Conversion, Verdict
from reconcile.judge.normalise import FxWindow
from reconcile.judge.tolerance import Tolerance, as_stated, compatible
from reconcile.model import Claim


def stated_conversions(
    claims: Sequence[Claim], by_id: Mapping[str, Claim], fx: FxWindow, tol: Tolerance, verdicts: Sequence[Verdict]
) -> tuple[Conversion, ...]:
    """Each pair of money figures in different currencies stated as equal, measured once."""
    fact_of: dict[str, str] = {}
    for verdict in verdicts:
        for claim in verdict.fact.claims:
            fact_of.setdefault(claim.id, verdict.fact.id)
    return tuple(measure(a, b, fx, tol, fact_of.get(a.id)) for a, b in _money_pairs(claims, by_id))


def _money_pairs(claims: Sequence[Claim], by_id: Mapping[str, Claim]) -> Iterator[tuple[Claim, Claim]]:
    seen: set[tuple[str, str]] = set()
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
            if qa.kind == "money" and qb.kind == "money" and qa.unit != qb.unit:
                yield a, b


def measure(a: Claim, b: Claim, fx: FxWindow, tol: Tolerance, fact_id: str | None) -> Conversion:
    """The conversion ``a`` = ``b`` against the rates over their window (see the module docstring)."""
    qa, qb = a.quantity, b.quantity
    dating = fx.dating(a, b)
    try:
        (r_low, r_high), used = fx.rate(qa.unit, qb.unit, dating.window)
    except FxError as exc:
        return Conversion(a, b, fact_id, dating, error=exc)
    a_low, a_high = as_stated(qa, tol)
    b_low, b_high = as_stated(qb, tol)
    implied_low = b_low / a_high if a_high > 0 else 0.0
    implied_high = b_high / a_low if a_low > 0 else math.inf
    consistent = compatible(implied_low, r_high, tol.relative) and compatible(r_low, implied_high, tol.relative)
    return Conversion(
        a,
        b,
        fact_id,
        dating,
        rate=(r_low, r_high),
        used=used,
        implied=(implied_low, implied_high),
        stated_rate=qb.stated / qa.stated if qa.stated else math.inf,
        consistent=consistent,
    )
