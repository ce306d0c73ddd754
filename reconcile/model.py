"""The shared data model: frozen attrs classes that flow one way through the stages.

``Document -> Mention -> Claim -> Fact -> Finding -> Report``

Every figure is an interval (:class:`Quantity`), every date a span (:class:`DateRange`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from reconcile.errors import DateError, IncompatibleQuantities

Kind = Literal["money", "count", "percent", "number"]
Bound = Literal["exact", "approx", "lower", "upper", "range"]
KINDS: tuple[str, ...] = ("money", "count", "percent", "number", "duration")
BOUNDS: tuple[str, ...] = ("exact", "approx", "lower", "upper", "range")


def _check_interval(instance: Quantity, attribute: attrs.Attribute, value: float) -> None:
    if math.isnan(value):
        raise ValueError(f"{attribute.name} is NaN")


@attrs.frozen
class Quantity:
    """A figure as an interval ``[low, high]`` with its unit.

    ``stated`` is the figure as written, normalised (``5,6 milliards`` -> ``5.6e9``);
    ``low``/``high`` are inclusive bounds (``math.inf`` allowed) that say what the text
    commits to: ``plus de 200 000`` is ``[200000, inf)``.

    >>> q = Quantity(low=200_000, high=math.inf, stated=200_000, unit="chip", kind="count", bound="lower")
    >>> q.contains(250_000), q.contains(1)
    (True, False)
    >>> q.overlaps(Quantity.exact(200_000, "chip", "count"))
    True
    """

    low: float = attrs.field(converter=float, validator=_check_interval)
    high: float = attrs.field(converter=float, validator=_check_interval)
    stated: float = attrs.field(converter=float, validator=_check_interval)
    unit: str = ""
    kind: str = attrs.field(default="number", validator=attrs.validators.in_(KINDS))
    bound: str = attrs.field(default="exact", validator=attrs.validators.in_(BOUNDS))
    text: str = attrs.field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not (self.low <= self.high):
            raise ValueError(f"low {self.low} > high {self.high}")

    @classmethod
    def exact(cls, value: float, unit: str = "", kind: str = "number", text: str = "") -> Quantity:
        """A figure that commits to one value.

        >>> Quantity.exact(27, "percent", "percent").low
        27.0
        """
        return cls(low=value, high=value, stated=value, unit=unit, kind=kind, bound="exact", text=text)

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def midpoint(self) -> float:
        """The middle of a finite interval, else the stated figure."""
        if math.isinf(self.low) or math.isinf(self.high):
            return self.stated
        return (self.low + self.high) / 2

    def check_comparable(self, other: Quantity) -> None:
        """Raise :class:`IncompatibleQuantities` unless both share a dimension.

        Dimensions come from the pint registry: each currency is its own dimension
        until converted with a rate, and a count of chips is not money.

        >>> Quantity.exact(1, "USD", "money").check_comparable(Quantity.exact(1, "chip", "count"))
        Traceback (most recent call last):
        ...
        reconcile.errors.IncompatibleQuantities: cannot compare USD (money) with chip (count)
        """
        from reconcile.units import same_dimension

        if self.kind != other.kind or not same_dimension(self.unit, other.unit):
            raise IncompatibleQuantities(
                f"cannot compare {self.unit or 'number'} ({self.kind}) with {other.unit or 'number'} ({other.kind})"
            )

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def overlaps(self, other: Quantity, rel_tol: float = 0.0) -> bool:
        """Whether both intervals can hold at once (widened by ``rel_tol`` of each bound).

        Raises :class:`IncompatibleQuantities` for different dimensions.
        """
        self.check_comparable(other)
        lo_a, hi_a = _widen(self.low, self.high, rel_tol)
        lo_b, hi_b = _widen(other.low, other.high, rel_tol)
        return lo_a <= hi_b and lo_b <= hi_a


def _widen(low: float, high: float, rel_tol: float) -> tuple[float, float]:
    if rel_tol <= 0:
        return low, high
    return low - abs(low) * rel_tol, high + abs(high) * rel_tol


def _to_date(value: Any, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise DateError(f"{field}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc
    raise DateError(f"{field}: expected a date, got {type(value).__name__}")


@attrs.frozen
class DateRange:
    """An inclusive span of days: a day, a month, a year, or an open span.

    >>> DateRange.month(2024, 9)
    DateRange(start=datetime.date(2024, 9, 1), end=datetime.date(2024, 9, 30))
    >>> DateRange.year(2025).overlaps(DateRange.parse("2025-06-01"))
    True
    """

    start: dt.date = attrs.field(converter=lambda v: _to_date(v, "start"))
    end: dt.date = attrs.field(converter=lambda v: _to_date(v, "end"))

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise DateError(f"period starts {self.start} after it ends {self.end}")

    @classmethod
    def day(cls, day: dt.date) -> DateRange:
        return cls(day, day)

    @classmethod
    def month(cls, year: int, month: int) -> DateRange:
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return cls(first, nxt - dt.timedelta(days=1))

    @classmethod
    def year(cls, year: int) -> DateRange:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def parse(cls, value: Any) -> DateRange:
        """Read ``"2025-01-06"``, ``"2024-12-01..2025-01-31"``, ``{"from": ..., "to": ...}``, a date
        or a DateRange; anything else raises :class:`DateError`.

        >>> DateRange.parse({"from": "2024-12-01", "to": "2025-01-31"}).days
        62
        >>> str(DateRange.parse("2024-12-01..2025-01-31"))
        '2024-12-01..2025-01-31'
        """
        if isinstance(value, DateRange):
            return value
        if isinstance(value, str) and ".." in value:
            start, _, end = value.partition("..")
            return cls(_to_date(start.strip(), "from"), _to_date(end.strip(), "to"))
        if isinstance(value, Mapping):
            if "from" not in value or "to" not in value:
                raise DateError(f"a date range needs 'from' and 'to', got keys {sorted(value)}")
            return cls(_to_date(value["from"], "from"), _to_date(value["to"], "to"))
        day = _to_date(value, "date")
        return cls(day, day)

    @classmethod
    def hull(cls, ranges: Iterable[DateRange | None]) -> DateRange | None:
        """The smallest span holding every given range (``None`` entries skipped), or ``None``.

        >>> str(DateRange.hull([DateRange.month(2024, 9), None, DateRange.year(2026)]))
        '2024-09-01..2026-12-31'
        >>> DateRange.hull([]) is None
        True
        """
        known = [r for r in ranges if r is not None]
        if not known:
            return None
        return cls(min(r.start for r in known), max(r.end for r in known))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        if self.is_day:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _optional_range(value: Any) -> DateRange | None:
    """``None`` stays unknown; anything else is read by :meth:`DateRange.parse`."""
    return None if value is None else DateRange.parse(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    """A field's converter: any iterable of strings as a tuple (typed, for mypy's attrs plugin)."""
    return tuple(value)


def _country_code(value: str | None) -> str | None:
    return value.upper() if value else None


@attrs.frozen
class Document:
    """One article and what is known of it.

    >>> Document(id="a", text="ByteDance a commandé 100 000 puces.", lang="fr").published is None
    True
    >>> Document(id="b", text="S$5", country="sg").country
    'SG'
    """

    id: str
    text: str
    lang: str = "en"
    published: DateRange | None = attrs.field(default=None, converter=_optional_range)
    publisher: str | None = None
    cites: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    title: str | None = None
    url: str | None = None
    country: str | None = attrs.field(default=None, converter=_country_code)
    """The outlet's country (ISO 3166 alpha-2, "SG", "CH"): it decides a bare "$" or "francs"."""


@attrs.frozen
class Mention:
    """A figure found in a text: its offsets, the words as written, and the parsed quantity.

    ``noun`` is the counted noun or product as written after the figure (``puces Ascend 910B``),
    or ``None``.
    """

    start: int
    end: int
    text: str
    quantity: Quantity
    noun: str | None = None


Subject = str | tuple[str, ...] | None

STAGES: tuple[str, ...] = ("actual", "plan", "forecast", "estimate", "target")
"""A claim's stage: reported or done (``actual``), an announced intention (``plan``), the company's
own guidance (``forecast``), someone else's expectation (``estimate``), a goal set for a date
(``target``)."""

ORIGINS: tuple[str, ...] = ("explicit", "carried", "default")
"""How a frame slot was decided: read in the figure's own clause, carried from context (an earlier
sentence, the headline, an antecedent), or a default when nothing was read."""


@attrs.frozen
class Evidence:
    """Why one slot of a claim's frame holds its value: which resolver decided, on what span.

    ``slot`` names the frame slot (``subject``, ``action``, ``object``, ``period``, ``hedged``,
    ``attributed_to``); ``resolver`` the named rule that decided it; ``origin`` one of
    :data:`ORIGINS`; ``start``/``end`` the offsets in the document text of the words it read
    (``None`` for a default); ``text`` those words.

    >>> e = Evidence("subject", "clause_actor", "explicit", 0, 9, "ByteDance")
    >>> e.confident
    True
    >>> Evidence("action", "default", "default").confident
    False
    """

    slot: str
    resolver: str
    origin: str = attrs.field(validator=attrs.validators.in_(ORIGINS))
    start: int | None = None
    end: int | None = None
    text: str = ""

    @property
    def confident(self) -> bool:
        """Whether the value was read (explicit or carried), not defaulted."""
        return self.origin != "default"


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


@attrs.frozen
class Claim:
    """One quantitative statement: who did what to what, how much, when, and on whose word.

    ``start``/``end`` are offsets of the figure in the document text; ``sentence_start`` the
    offset of ``sentence``. ``equivalents`` holds the ids of claims stated as equal in the
    same sentence (``40 milliards de yuans (soit environ 5,6 milliards de dollars)``).
    ``repeats`` is the id of the body claim a figure of the page's furniture repeats (a headline,
    a caption, a standfirst or a paragraph given twice stating the body's figure again), so that
    one statement is counted once; ``None`` for a claim of its own.
    ``published``, ``publisher`` and ``cites`` are copied from the document so that a claim
    carries its own provenance downstream.
    """

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence: str
    quantity: Quantity
    subject: Subject = None
    action: str = "other"
    stage: str = attrs.field(default="actual", validator=attrs.validators.in_(STAGES))
    object: str | None = None
    period: DateRange | None = None
    hedged: bool = False
    attributed_to: str | None = None
    equivalents: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sentence_start: int = 0
    lang: str = "en"
    published: DateRange | None = None
    publisher: str | None = None
    cites: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence, eq=False)
    repeats: str | None = None

    def evidence_for(self, slot: str) -> Evidence | None:
        """The evidence recorded for ``slot``, or ``None`` when extraction recorded none.

        >>> from reconcile.model import Quantity
        >>> c = Claim("c1", "d1", 0, 2, "12", "12 jets.", Quantity.exact(12),
        ...           evidence=(Evidence("subject", "default", "default"),))
        >>> c.evidence_for("subject").origin, c.evidence_for("period")
        ('default', None)
        """
        for item in self.evidence:
            if item.slot == slot:
                return item
        return None

    @property
    def sources(self) -> tuple[str, ...]:
        """The outlets this claim rests on: what it is attributed to, else what its document cites,
        else the document itself. Two claims resting on the same outlet are not independent."""
        if self.attributed_to:
            return (self.attributed_to,)
        if self.cites:
            return tuple(self.cites)
        return (self.publisher or f"doc:{self.doc_id}",)


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(value)


@attrs.frozen
class Fact:
    """The claims that speak of one (subject, action, object, kind, period)."""

    id: str
    subject: Subject
    action: str
    object: str | None
    kind: str
    unit: str
    period: DateRange | None
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    consensus: Quantity | None = None


SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


@attrs.frozen
class Finding:
    """What the judge says of a fact or a pair of claims, with a sentence a person can read.

    ``confidence`` (0 to 1) says how strongly the claims' frames were read and how many
    independent sources stand behind them; ``why`` says in one line what matched and on what
    evidence (see :mod:`reconcile.judge.strength`).
    """

    kind: str
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    message: str
    severity: str = attrs.field(default="info", validator=attrs.validators.in_(SEVERITIES))
    fact_id: str | None = None
    details: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)
    confidence: float = attrs.field(default=1.0, eq=False)
    why: str = attrs.field(default="", eq=False)
