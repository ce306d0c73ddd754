"""Every figure of a fact on one footing: money converted to the report currency over a window.

A money figure is converted at the rates over, in order of preference: the claim's period; else
its document's publication date; else the *corpus window* (the span of the batch's publication
dates); else the ``unknown_date_window`` given to the judge; else the last
:data:`FALLBACK_WINDOW_DAYS` days of the rate table. Spans are clipped to the days the table covers.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections.abc import Iterable

import attrs

from reconcile.errors import FxError
from reconcile.fx import FxRates
from reconcile.judge.tolerance import Tolerance, widened
from reconcile.model import Claim, DateRange

#: Days of rates used when nothing at all dates a figure and no window was given.
FALLBACK_WINDOW_DAYS = 365

#: Why a window dates a figure; the first two say the date is known.
KNOWN_DATE_BASES = ("period", "published")

Rate = tuple[float, float]


@attrs.frozen
class Dating:
    """The span whose rates convert a figure, and why that span."""

    window: DateRange
    basis: str  # "period" | "published" | "corpus window" | "given window" | "rate table"

    @property
    def unknown(self) -> bool:
        return self.basis not in KNOWN_DATE_BASES


def corpus_window(claims: Iterable[Claim]) -> DateRange | None:
    """The span of the publication dates of the claims, or ``None`` if none is dated.

    >>> from reconcile.model import Quantity
    >>> q = Quantity.exact(1, "USD", "money")
    >>> a = Claim("a#1", "a", 0, 1, "1", "1", q, published=DateRange("2024-09-01", "2024-12-31"))
    >>> b = Claim("b#1", "b", 0, 1, "1", "1", q, published=DateRange("2026-01-01", "2026-02-28"))
    >>> str(corpus_window([a, b, Claim("c#1", "c", 0, 1, "1", "1", q)]))
    '2024-09-01..2026-02-28'
    """
    return DateRange.hull(claim.published for claim in claims)


class FxWindow:
    """Rates for one judgement: cached per (from, to, window), clipped to the table.

    The table (default :meth:`FxRates.default`) is loaded only when a conversion needs it.
    """

    def __init__(self, rates: FxRates | None, window: DateRange | None, given_window: DateRange | None) -> None:
        self._rates = rates
        self.window = window
        self.given_window = given_window
        self._cache: dict[tuple[str, str, DateRange], tuple[Rate, DateRange]] = {}

    @property
    def table(self) -> FxRates:
        if self._rates is None:
            self._rates = FxRates.default()
        return self._rates

    def dating(self, claim: Claim, other: Claim | None = None) -> Dating:
        """The window that converts ``claim`` (or a stated conversion ``claim`` = ``other``)."""
        for candidate in (claim, other):
            if candidate is not None and candidate.period is not None:
                return Dating(candidate.period, "period")
        for candidate in (claim, other):
            if candidate is not None and candidate.published is not None:
                return Dating(candidate.published, "published")
        if self.window is not None:
            return Dating(self.window, "corpus window")
        if self.given_window is not None:
            return Dating(self.given_window, "given window")
        end = self.table.bounds("EUR").end
        return Dating(DateRange(end - dt.timedelta(days=FALLBACK_WINDOW_DAYS - 1), end), "rate table")

    def rate(self, source: str, target: str, window: DateRange) -> tuple[Rate, DateRange]:
        """``((low, high), window actually used)``; raises FxError."""
        if source == target:
            return (1.0, 1.0), window
        key = (source, target, window)
        hit = self._cache.get(key)
        if hit is None:
            used = self._clip(window, source, target)
            hit = (self.table.rate(source, target, used), used)
            self._cache[key] = hit
        return hit

    def _clip(self, window: DateRange, *currencies: str) -> DateRange:
        start, end = window.start, window.end
        first, last = dt.date.min, dt.date.max
        for code in currencies:
            covered = self.table.bounds(code)
            first, last = max(first, covered.start), min(last, covered.end)
        if first > last:
            raise FxError(f"no day has rates for both {' and '.join(currencies)}")
        if end < first:  # wholly before the table: the first day it covers
            return DateRange(first, first)
        if start > last:  # wholly after (a plan for next year): the last day it covers
            return DateRange(last, last)
        return DateRange(max(start, first), min(end, last))


@attrs.frozen
class Normal:
    """A claim's figure in the fact's unit, with what it took to get there."""

    claim: Claim
    low: float
    high: float
    unit: str
    sources: tuple[str, ...]
    dating: Dating | None = None  # set for converted money
    rate: Rate | None = None
    window: DateRange | None = None


COPY_MIN_CHARS = 40
"""A sentence at least this long found word for word in two documents is one outlet's copy of
the other's (syndication, a wire reprinted), not independent corroboration."""

_NOT_WORD = re.compile(r"\W+")


def copy_source(claim: Claim) -> str | None:
    """A source name shared by every word-for-word copy of the claim's sentence, or ``None`` for a
    sentence too short to tell a copy from a coincidence.

    >>> from reconcile.model import Quantity
    >>> s = "Mars will pay $83.50 per share in an all-cash deal for Kellanova."
    >>> a = Claim("a#1", "a", 0, 1, "x", s, Quantity.exact(1))
    >>> b = Claim("b#1", "b", 0, 1, "x", s.upper(), Quantity.exact(1))
    >>> copy_source(a) == copy_source(b), copy_source(Claim("c#1", "c", 0, 1, "x", "Up 5%.", Quantity.exact(1)))
    (True, None)
    """
    return _copy_key(claim.sentence)


@functools.lru_cache(maxsize=65536)
def _copy_key(sentence: str) -> str | None:
    """Computed once per sentence: trust weighs each side's figures many times."""
    words = _NOT_WORD.sub(" ", sentence).strip().casefold()
    if len(words) < COPY_MIN_CHARS:
        return None
    return "copy:" + hashlib.blake2b(words.encode("utf-8"), digest_size=8).hexdigest()


def normalise(claim: Claim, currency: str, fx: FxWindow, tolerance: Tolerance) -> Normal:
    """The claim's figure widened by its rounding and, for money, converted to ``currency``.

    Raises :class:`FxError` when the figure cannot be converted.
    """
    low, high = widened(claim.quantity, tolerance)
    quantity = claim.quantity
    sources = claim.sources
    if quantity.kind != "money":
        return Normal(claim, low, high, quantity.unit, sources)
    if quantity.unit == currency:
        return Normal(claim, low, high, currency, sources)
    dating = fx.dating(claim)
    (r_low, r_high), used = fx.rate(quantity.unit, currency, dating.window)
    return Normal(
        claim,
        min(low * r_low, low * r_high) if not math.isinf(low) else low,
        max(high * r_low, high * r_high) if not math.isinf(high) else high,
        currency,
        sources,
        dating,
        (r_low, r_high),
        used,
    )
