"""What the detectors read: every fact of a batch weighed, and the stated conversions measured."""

from __future__ import annotations

import functools
from collections.abc import Callable

import attrs

from reconcile.errors import FxError
from reconcile.judge.normalise import Dating, Normal, Rate
from reconcile.judge.sides import Side
from reconcile.judge.strength import weaknesses
from reconcile.judge.tolerance import Tolerance
from reconcile.model import Claim, DateRange, Fact, Quantity


@attrs.frozen
class Verdict:
    """One fact with its figures on one footing, split into sides, and the consensus.

    ``weights`` holds the weight of each side (empty when there are no figures); ``independents``
    counts the independent sources among the figures.
    """

    fact: Fact
    normals: tuple[Normal, ...]
    sides: tuple[Side, ...]
    consensus: Quantity | None = None
    independents: int = 0
    weights: tuple[float, ...] = ()

    @functools.cached_property
    def claims(self) -> tuple[Claim, ...]:
        """The claims judged (the figures that could be put on the fact's footing)."""
        return tuple(n.claim for n in self.normals)

    @functools.cached_property
    def weaknesses(self) -> tuple[tuple[Claim, tuple[str, ...]], ...]:
        """Each judged claim with what is not read in its frame (:func:`~reconcile.judge.strength.weaknesses`),
        computed once however many detectors ask."""
        return tuple((c, weaknesses(c)) for c in self.claims)


@attrs.frozen
class Conversion:
    """A stated conversion (``40 milliards de yuans, soit environ 5,6 milliards de dollars``) measured
    against the reference rates: ``a`` is the figure written first, ``b`` its conversion.

    ``error`` is set when the rates could not be had; otherwise ``rate`` is the actual rate interval
    over ``used``, ``implied`` the rate interval the two figures allow (rounding included) and
    ``consistent`` whether the two meet within the tolerance.
    """

    a: Claim
    b: Claim
    fact_id: str | None
    dating: Dating
    error: FxError | None = None
    rate: Rate = (0.0, 0.0)
    used: DateRange | None = None
    implied: Rate = (0.0, 0.0)
    stated_rate: float = 0.0
    consistent: bool = False



@attrs.frozen
class Batch:
    """Everything a detector may read; built once per :func:`~reconcile.judge.judge` call."""

    claims: tuple[Claim, ...]
    verdicts: tuple[Verdict, ...]
    currency: str
    tolerance: Tolerance
    stage: Callable[[str], int | None]
    conversions: tuple[Conversion, ...] = ()
    fx_failures: tuple[tuple[Claim, FxError], ...] = ()  # figures that could not be converted, by claim id
    report_single_source: bool = False
