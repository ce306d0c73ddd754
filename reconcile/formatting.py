"""Numbers, intervals and periods as people read them, and as JSON values.

A leaf shared by the judge (its messages) and the report (its renderings): it imports nothing of
the pipeline, so neither stage has to import the other to write a figure the same way.
"""

from __future__ import annotations

import math

from reconcile.model import DateRange

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"))


def format_number(value: float, significant: int = 3) -> str:
    """A number as people read it: thousands separators, ``bn``/``M``/``tn`` for large ones.

    >>> format_number(200_000), format_number(5.6e9), format_number(3e12), format_number(0.13725, 4)
    ('200,000', '5.6 bn', '3 tn', '0.1373')
    >>> format_number(math.inf), format_number(-math.inf), format_number(51e6), format_number(12.5)
    ('∞', '-∞', '51 M', '12.5')
    """
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    magnitude = abs(value)
    for scale, suffix in _SCALES:
        if magnitude >= scale:
            return f"{_significant(value / scale, significant)} {suffix}"
    if magnitude >= 1000:
        return f"{round(value):,}"
    return _significant(value, significant)


def _significant(value: float, digits: int) -> str:
    if value == 0:
        return "0"
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.{max(0, digits - 1 - math.floor(math.log10(abs(value))))}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_interval(low: float, high: float, unit: str = "") -> str:
    """An interval with its unit, short: a point, a bound or a range.

    >>> format_interval(200_000, math.inf, "chip"), format_interval(0, 30_000, "chip")
    ('≥ 200,000 chip', '≤ 30,000 chip')
    >>> format_interval(5.32e9, 5.88e9, "USD"), format_interval(7e9, 7e9, "USD")
    ('5.32 bn – 5.88 bn USD', '7 bn USD')
    """
    suffix = f" {unit}" if unit else ""
    if math.isinf(high) and not math.isinf(low):
        return f"≥ {format_number(low)}{suffix}"
    if not math.isinf(high) and (math.isinf(low) or (low <= 0 < high)):
        return f"≤ {format_number(high)}{suffix}"
    if math.isinf(low) and math.isinf(high):
        return f"any{suffix}"
    a, b = format_number(low), format_number(high)
    if a == b:
        return f"{a}{suffix}"
    return f"{a} – {b}{suffix}"


def number_json(value: float) -> float | None:
    """A bound as a JSON value: ``None`` (``null``) for an infinite one; JSON has no infinity.

    >>> number_json(math.inf) is None, number_json(2.5)
    (True, 2.5)
    """
    return None if math.isinf(value) else value


def interval_json(low: float, high: float) -> list[float | None]:
    """``[low, high]`` as JSON values.

    >>> interval_json(200_000, math.inf)
    [200000, None]
    """
    return [number_json(low), number_json(high)]


def period_json(period: DateRange | None) -> dict[str, str] | None:
    """A period as ``{"from": ..., "to": ...}``, or ``None`` when unknown.

    >>> period_json(DateRange.year(2024))
    {'from': '2024-01-01', 'to': '2024-12-31'}
    """
    return None if period is None else {"from": period.start.isoformat(), "to": period.end.isoformat()}
