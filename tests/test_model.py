"""The shared model: intervals, dimensions, date spans."""

import datetime as dt
import math

import pytest
from hypothesis import given, strategies as st

from reconcile import DateError, DateRange, IncompatibleQuantities, Quantity, ReconcileError


def test_money_compared_with_a_count_raises_a_type_error():
    money = Quantity.exact(5.6e9, "USD", "money")
    chips = Quantity.exact(100_000, "chip", "count")
    with pytest.raises(IncompatibleQuantities) as info:
        money.overlaps(chips)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, ReconcileError)


def test_each_currency_is_its_own_dimension_until_converted():
    with pytest.raises(IncompatibleQuantities, match="USD .* CNY"):
        Quantity.exact(1, "USD", "money").overlaps(Quantity.exact(7, "CNY", "money"))


def test_chips_and_users_are_different_counts():
    with pytest.raises(IncompatibleQuantities):
        Quantity.exact(1, "chip", "count").overlaps(Quantity.exact(1, "user", "count"))


def test_lower_bound_overlaps_its_own_figure_and_above():
    more_than = Quantity(low=200_000, high=math.inf, stated=200_000, unit="chip", kind="count", bound="lower")
    assert more_than.overlaps(Quantity.exact(200_000, "chip", "count"))
    assert not more_than.overlaps(Quantity.exact(120_000, "chip", "count"))
    assert more_than.overlaps(Quantity.exact(197_000, "chip", "count"), rel_tol=0.02)


def test_inverted_interval_is_refused():
    with pytest.raises(ValueError):
        Quantity(low=2, high=1, stated=1)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Quantity.exact(1, "", "weight")


def test_date_range_parsing_and_errors():
    assert DateRange.parse("2025-01-06").is_day
    assert DateRange.parse({"from": "2024-12-01", "to": "2025-01-31"}).days == 62
    with pytest.raises(DateError, match="not an ISO date"):
        DateRange.parse("06/01/2025")
    with pytest.raises(DateError, match="after it ends"):
        DateRange("2025-02-01", "2025-01-01")
    with pytest.raises(DateError, match="'from' and 'to'"):
        DateRange.parse({"from": "2025-01-01"})


@given(st.integers(1990, 2090), st.integers(1, 12))
def test_a_month_lies_inside_its_year(year, month):
    m = DateRange.month(year, month)
    assert DateRange.year(year).overlaps(m)
    assert DateRange.year(year).start <= m.start <= m.end <= DateRange.year(year).end
    assert 28 <= m.days <= 31
    assert (m.end + dt.timedelta(days=1)).day == 1


@given(st.floats(-1e12, 1e12), st.floats(0, 1e12), st.floats(0, 1e12))
def test_overlap_is_symmetric(a, width_a, shift):
    first = Quantity(low=a, high=a + width_a, stated=a)
    second = Quantity(low=a + shift, high=a + shift + 1, stated=a + shift)
    assert first.overlaps(second) == second.overlaps(first)



def test_the_model_imports_no_exchange_rates():
    """model and fx no longer import each other: conversion is ``reconcile.fx.convert``."""
    import ast
    import inspect

    import reconcile.model

    tree = ast.parse(inspect.getsource(reconcile.model))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "reconcile.fx" not in imported
    assert not hasattr(Quantity, "to")
