"""Formatting helpers of the report: figures as people read them, values as JSON, text escaped
for HTML and Markdown.

``format_number``, ``format_interval`` and the interval and period JSON shapes are defined in the
leaf :mod:`reconcile.formatting` (the judge writes its messages with them too) and re-exported
here, so a renderer needs this one module.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import Any

from reconcile.formatting import (
    format_interval,
    format_number,
    interval_json,
    number_json,
    period_json,
)
from reconcile.model import DateRange, Quantity

__all__ = [
    "escape",
    "format_interval",
    "format_number",
    "interval_json",
    "jsonable",
    "md_cell",
    "number_json",
    "one_line",
    "period_json",
    "period_text",
    "quantity_json",
    "subject_json",
]


def subject_json(subject: Any) -> Any:
    """A subject as JSON: a group (tuple) becomes a list.

    >>> subject_json(("Alibaba", "Tencent")), subject_json("ByteDance"), subject_json(None)
    (['Alibaba', 'Tencent'], 'ByteDance', None)
    """
    return list(subject) if isinstance(subject, tuple) else subject


def quantity_json(q: Quantity | None) -> dict[str, Any] | None:
    """A quantity as JSON values (``null`` for an infinite bound).

    >>> quantity_json(Quantity(200_000, math.inf, 200_000, "chip", "count", "lower", "plus de 200 000"))["high"] is None
    True
    """
    if q is None:
        return None
    return {
        "low": number_json(q.low),
        "high": number_json(q.high),
        "stated": q.stated,
        "unit": q.unit,
        "kind": q.kind,
        "bound": q.bound,
        "text": q.text,
    }


def jsonable(value: Any) -> Any:
    """Any details value as JSON values: infinities and NaN become ``null``, periods and quantities
    their JSON shapes, anything else unknown its ``str``.

    >>> jsonable({"r": (1.5, math.inf), "when": DateRange.year(2024)})
    {'r': [1.5, None], 'when': {'from': '2024-01-01', 'to': '2024-12-31'}}
    """
    if isinstance(value, float):
        return None if math.isinf(value) or math.isnan(value) else value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, DateRange):
        return period_json(value)
    if isinstance(value, Quantity):
        return quantity_json(value)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def period_text(period: Mapping[str, str] | None) -> str | None:
    """A JSON period as text: one day, or ``from..to``.

    >>> period_text({"from": "2024-01-01", "to": "2024-12-31"}), period_text(None)
    ('2024-01-01..2024-12-31', None)
    """
    if period is None:
        return None
    return period["from"] if period["from"] == period["to"] else f"{period['from']}..{period['to']}"


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return " ".join(str(text).split())


def escape(text: Any) -> str:
    """Text safe anywhere in HTML, attribute values included.

    >>> escape("<b class='x'>")
    '&lt;b class=&#x27;x&#x27;&gt;'
    """
    return html.escape(str(text), quote=True)


def md_cell(text: str) -> str:
    """Markdown-safe text in a table cell: escape HTML, pipes and newlines.

    >>> md_cell("a | <b>\\nc")
    'a \\\\| &lt;b&gt; c'
    """
    return html.escape(one_line(text), quote=False).replace("|", "\\|")
