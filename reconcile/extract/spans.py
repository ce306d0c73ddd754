"""Offsets: where an item starts and ends, how far a span is from a figure."""

from __future__ import annotations

from reconcile.model import Mention


def _distance(start: int, end: int, figure: Mention) -> int:
    if start >= figure.end:
        return start - figure.end
    if end <= figure.start:
        return figure.start - end
    return 0
