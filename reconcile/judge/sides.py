"""The sides of a fact (groups of figures that can all hold) and the consensus between them.

When all claims agree, the consensus is their common interval. When they do not, the side with
the greatest weight wins; with three or more independent sources the weight is the side's
confidence from :func:`~reconcile.judge.trust.source_trust`; on a tie the consensus is ``None``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from reconcile.judge.normalise import Normal
from reconcile.judge.tolerance import compatible
from reconcile.judge.trust import count_weight
from reconcile.model import Claim, Quantity

#: Independent sources from which a contested fact is weighed by source trust, not by counting.
TRUST_MIN_SOURCES = 3


@attrs.frozen
class Side:
    """Figures of one fact that can all hold together, and the interval they share."""

    members: tuple[Normal, ...]
    low: float
    high: float

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(n.claim for n in self.members)

    @property
    def outlets(self) -> frozenset[str]:
        return frozenset(o for n in self.members for o in n.sources)


def split_sides(normals: Sequence[Normal], relative: float) -> list[Side]:
    """The fewest groups of mutually compatible figures (interval stabbing on the highs)."""
    ordered = sorted(normals, key=lambda n: (n.high, n.low, n.claim.id))
    sides: list[list[Normal]] = []
    bounds: list[list[float]] = []  # [max low, min high] of each side
    for normal in ordered:
        if sides and compatible(normal.low, bounds[-1][1], relative) and compatible(bounds[-1][0], normal.high, relative):
            sides[-1].append(normal)
            bounds[-1][0] = max(bounds[-1][0], normal.low)
            bounds[-1][1] = min(bounds[-1][1], normal.high)
        else:
            sides.append([normal])
            bounds.append([normal.low, normal.high])
    result = [Side(tuple(s), lo, hi) for s, (lo, hi) in zip(sides, bounds)]
    result.sort(key=lambda s: (-len(s.members), s.low))
    return result


def consensus_quantity(low: float, high: float, unit: str, kind: str) -> Quantity:
    """The interval a side commits to, as a quantity (``text`` is ``"consensus"``)."""
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


def consensus(
    sides: Sequence[Side], independents: int, confidences: Sequence[float] | None, unit: str, kind: str
) -> tuple[Quantity | None, tuple[float, ...]]:
    """The consensus of a fact's sides and the weight of each side (see the module docstring)."""
    if not sides:
        return None, ()
    if len(sides) == 1:
        return consensus_quantity(sides[0].low, sides[0].high, unit, kind), (1.0,)
    if independents >= TRUST_MIN_SOURCES and confidences is not None:
        weights = tuple(confidences)
    else:
        weights = tuple(count_weight(side.members) for side in sides)
    best = max(weights)
    if sum(1 for w in weights if math.isclose(w, best)) > 1:
        return None, weights
    winner = sides[weights.index(best)]
    return consensus_quantity(winner.low, winner.high, unit, kind), weights
