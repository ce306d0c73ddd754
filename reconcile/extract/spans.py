"""Offsets: where an item starts and ends, how far a span is from a figure."""

from __future__ import annotations

from typing import Any

from reconcile.model import Mention


def _start(item: Any) -> int:
    return item[0] if isinstance(item, tuple) else item.start


def _end(item: Any) -> int:
    return item[1] if isinstance(item, tuple) else item.end


def _distance(start: int, end: int, figure: Mention) -> int:
    if start >= figure.end:
        return start - figure.end
    if end <= figure.start:
        return figure.start - end
    return 0
