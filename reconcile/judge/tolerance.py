"""How far apart two figures may be and still agree: rounding, bounds and the relative tolerance."""

from __future__ import annotations

import functools
import math

import attrs

from reconcile.errors import ReconcileError
from reconcile.model import Quantity


@attrs.frozen
class Tolerance:
    """How far apart two figures may be and still agree (see :mod:`reconcile.judge`).

    >>> Tolerance().relative, Tolerance().rounding_cap
    (0.02, 0.05)
    >>> Tolerance.of(0.05)
    Tolerance(relative=0.05, rounding_cap=0.05)
    """

    relative: float = attrs.field(default=0.02, validator=attrs.validators.ge(0.0))
    rounding_cap: float = attrs.field(default=0.05, validator=attrs.validators.ge(0.0))

    @classmethod
    def of(cls, value: Tolerance | float | None) -> Tolerance:
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


def as_stated(quantity: Quantity, tolerance: Tolerance) -> tuple[float, float]:
    """The figure a writer converted: a bound's stated figure, widened like an exact one.

    >>> as_stated(Quantity(200_000, math.inf, 200_000, "chip", "count", "lower"), Tolerance())
    (190000.0, 210000.0)
    """
    if quantity.bound in ("lower", "upper") or math.isinf(quantity.low) or math.isinf(quantity.high):
        margin = rounding_margin(quantity.stated, tolerance.rounding_cap)
        return (quantity.stated * (1 - margin), quantity.stated * (1 + margin))
    return widened(quantity, tolerance)


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
