"""The pint registry shared by every stage, built once.

Each currency is its own dimension (``[currency_USD]``): pint refuses to add or compare
USD with CNY, or money with a count, until an exchange rate converts it. Count units
(``chip``, ``item``, ``user``) are dimensions of their own too.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import pint

_ISO = re.compile(r"^[A-Z]{3}$")


@functools.cache
def registry() -> pint.UnitRegistry:
    """The registry, with reconcile's count units and one dimension per currency.

    >>> ureg = registry()
    >>> str((3 * ureg.chip + 2 * ureg.chip).units)
    'chip'
    """
    ureg: pint.UnitRegistry = pint.UnitRegistry(None, on_redefinition="raise")
    definitions = resources.files("reconcile.data").joinpath("units.txt").read_text(encoding="utf-8")
    for line in definitions.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ureg.define(line)
    return ureg


def _unit_name(unit: str) -> str:
    if not unit:
        return "dimensionless"
    if _ISO.match(unit):
        ureg = registry()
        if unit not in ureg:
            ureg.define(f"{unit} = [currency_{unit}]")
        return unit
    return unit


@functools.cache
def dimensionality(unit: str) -> str:
    """The pint dimensionality of a reconcile unit, as text.

    >>> dimensionality("USD"), dimensionality("chip"), dimensionality("")
    ('[currency_USD]', '[chip]', 'dimensionless')
    """
    ureg = registry()
    name = _unit_name(unit)
    if name == "dimensionless":
        return "dimensionless"
    return str(ureg.Unit(name).dimensionality)


def same_dimension(a: str, b: str) -> bool:
    """Whether two units can be compared without a conversion rate.

    >>> same_dimension("USD", "USD"), same_dimension("USD", "CNY"), same_dimension("chip", "USD")
    (True, False, False)
    """
    return dimensionality(a) == dimensionality(b)
