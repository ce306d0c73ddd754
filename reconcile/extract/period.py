"""The period slot: which period expression of the sentence dates a figure, and when a period carries.

:data:`PERIOD_RESOLVERS`, in order of precedence:

- ``nearest_period``: the nearest period expression of the sentence, as
  :func:`reconcile.dates.find_periods` resolves it against the publication date (``None`` when
  that date is unknown and the expression relative), less the day of a statement ("said on
  Feb. 3"); a percentage is not dated by a clause after its own. Not candidates: a single day
  for a figure that is not a market figure (a dateline, "On Tuesday, X reported", "a annoncé
  mardi" date the report, not the figure: :func:`_dates_figure`); a period in brackets the
  figure is not in ("€5.3 billion (2023: €4.9 billion)": the 2023 is the bracket's figure's);
  a period after the figure, outside its clause, with another figure between them ("pour 35
  milliards, afin de créer un groupe de 60 milliards en 2023": the 2023 is the second's). A
  figure said to be for the whole year ("full-year deliveries", "sur l'ensemble de l'année")
  is dated to the whole year of the period found, not to a quarter of it. A period referring
  back ("a year ago", "the year-ago quarter") dates the figure before it ("up from $4 billion a
  year ago"), never one after it ("lower than a year ago, ... a margin of 6%");
- ``market_day``: a market figure (a share move, a share price or a market value: a percentage
  or a sum after ``market_words`` of ``cues.toml`` in its sentence, or with ``market_measures`` in
  its own words) with no period of its own is of the day of the news, when the article names
  that day within its publication date ("BMW said Tuesday", "mardi 10 septembre"): the
  publication day alone is when the article was written, which is no period;
- ``guidance_year``: a figure after a word of guidance or outlook (``guidance_words``) in its
  sentence, up to its own clause, with no period of its own is for the current year: the
  publication year (a hull when the publication date spans a new year);
- ``document_quarter`` (also inside ``nearest_period``, for a quarter named without a date to
  read it by): a figure whose sentence speaks of the quarter (``quarter_words``: "quarterly
  profit", "ce trimestre") and has no period of its own is of the one quarter the article names
  with its year or its end day ("the fiscal first quarter ended December 25, 2010");
- ``carried_period``: the period of the frame carried into the figure, when the figure continues
  the same purchase story (:func:`_same_story`: same subject or a member of the group; same step,
  or another step of the purchase of the same product), and not into a figure counted up to now
  ("à ce jour", "so far");
- ``no_period``: none.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

from reconcile import languages
from reconcile.dates import PeriodMention, find_periods
from reconcile.extract.context import _Frame, _is_measure
from reconcile.extract.language import _Language, _language, _phrases  # noqa: F401  (_language: doctests)
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import DateRange, Mention
from reconcile.quantities import find_quantities

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading


def _sentence_periods(text: str, lang: str, published: DateRange | None, language: _Language) -> list[PeriodMention]:
    """The periods of a sentence, as :func:`reconcile.dates.find_periods` reads them, less a day
    right before or after a speech verb ("said on Feb. 3", "on Monday said"): that is when
    something was said, not the figure's period. Which period belongs to which figure is the
    extractor's call, so this stays here; reading the period words is :mod:`reconcile.dates`'s.

    >>> from reconcile.model import DateRange
    >>> en = _language("en")
    >>> [str(p.period) for p in _sentence_periods("Its third-quarter sales rose on Thursday.", "en",
    ...                                           DateRange.parse("2025-07-11"), en)]
    ['2025-07-01..2025-09-30', '2025-07-10']
    >>> [str(p.period) for p in _sentence_periods("Sales in the June quarter, it said on Monday.", "en",
    ...                                           DateRange.parse("2025-09-08"), en)]
    ['2025-04-01..2025-06-30']
    """
    return [
        mention for mention in find_periods(text, lang, published)
        if not ((mention.period is None or mention.period.start == mention.period.end)
                and _said_on(mention.start, mention.end, text, language))
    ]


def _said_on(start: int, end: int, text: str, language: _Language) -> bool:
    """Whether the day at ``text[start:end]`` dates a statement ("said on Feb. 3", "on Monday said")."""
    before = bool(language.statement_date and language.statement_date.search(text, 0, start))
    return before or bool(language.statement_next and language.statement_next.match(text, end))


@attrs.frozen
class _PeriodCues:
    """The ``[periods]`` words of a language's ``cues.toml`` that decide which period dates a figure."""

    market: re.Pattern[str] | None  # "shares", "l'action" before a figure: a share move or price is of a day
    market_measures: re.Pattern[str] | None  # "market value" in a figure's own words: of a day too
    guidance: re.Pattern[str] | None  # "outlook", "attendue": guidance is for the current year
    whole_year: re.Pattern[str] | None  # "full-year", "annuel": the whole year, not a quarter of it
    future: re.Pattern[str] | None  # "will", "va": a sentence about what is to come takes no past period
    quarter: re.Pattern[str] | None  # "quarterly", "ce trimestre": the quarter the article reports


@languages.on_change
@functools.cache
def _period_cues(lang: str) -> _PeriodCues:
    """The period cues of a language, compiled once.

    >>> bool(_period_cues("en").market.search("Its shares fell 3%"))
    True
    """
    data = languages.load(lang, "cues").get("periods", {})
    return _PeriodCues(
        market=_phrases(data.get("market_words", [])),
        market_measures=_phrases(data.get("market_measures", [])),
        guidance=_phrases(data.get("guidance_words", [])),
        whole_year=_phrases(data.get("whole_year", [])),
        future=_phrases(data.get("future_words", [])),
        quarter=_phrases(data.get("quarter_words", [])),
    )


_BRACKETS = re.compile(r"\([^()]*\)")
"""A bracketed aside: "(2023: €4.9 billion)", "(8,3 milliards il y a un an)"."""


def _bracket_of(offset: int, text: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The bracketed aside of the sentence holding ``offset``, if any."""
    for match in _BRACKETS.finditer(text, *sentence):
        if match.start() < offset < match.end():
            return match.span()
    return None


def _is_market(reading: _Reading) -> bool:
    """A share move, a share price or a market value: a percentage or a sum after shares are
    named in its sentence ("Its shares fell 3%", not "3% of its stock"), or a sum or percentage
    whose own words name a market measure ("above $4 trillion in market value")."""
    cues = _period_cues(reading.index.doc.lang)
    if reading.quantity.kind not in ("percent", "money"):
        return False
    if cues.market is not None and cues.market.search(reading.text, reading.sentence.start, reading.mention.start):
        return True
    return cues.market_measures is not None and any(
        cues.market_measures.search(reading.text, *span) for span in _own_words(reading)
    )


def _without_brackets(text: str) -> str:
    return _BRACKETS.sub(" ", text)


def _dates_figure(period: PeriodMention, reading: _Reading) -> bool:
    """Whether a period of the figure's sentence may date it (see the module docstring)."""
    figure, text = reading.mention, reading.text
    one_day = period.period is None or period.period.start == period.period.end
    if one_day and not _is_market(reading):
        return False  # a dateline, the day of a report: not the figure's period
    if period.earlier and period.end <= figure.start:
        return False  # "lower than a year ago and ... as low as 6%": the comparison's, not the figure's
    sentence = (reading.sentence.start, reading.sentence.end)
    bracket = _bracket_of(period.start, text, sentence)
    if bracket is not None and not bracket[0] < figure.start < bracket[1]:
        return False
    if period.start >= figure.end and period.start >= reading.clause[1]:
        between = _without_brackets(text[figure.end : period.start])  # "(£10 billion)": the same figure
        if any(m.quantity.kind != "number" for m in find_quantities(between, reading.index.doc.lang)):
            return False
    return True


def _own_words(reading: _Reading) -> tuple[tuple[int, int], tuple[int, int]]:
    """The figure's own words in its clause: before it, back to the figure before it; after it,
    up to the next figure or the first period expression (which is the figure's own)."""
    start, end = reading.clause
    figure = reading.mention
    for other in find_quantities(reading.text[start:end], reading.index.doc.lang):
        other_start, other_end = start + other.start, start + other.end
        if other_end <= figure.start:
            start = max(start, other_end)
        elif other_start >= figure.end:
            end = min(end, other_start)
    end = min([end, *(p.start for p in reading.periods if p.start >= figure.end)])
    return (start, figure.start), (figure.end, end)


def _whole_year(period: PeriodMention, reading: _Reading) -> PeriodMention:
    """A part of a year widened to its whole year when the figure's own words say it is annual
    ("400 in the fourth quarter and 1,500 for the full year": the 1,500 only)."""
    cue = _period_cues(reading.index.doc.lang).whole_year
    found = period.period
    if found is None or cue is None or not any(cue.search(reading.text, *span) for span in _own_words(reading)):
        return period
    if found.start.year != found.end.year:
        return period
    return attrs.evolve(period, period=DateRange.year(found.start.year))


def _period(figure: Mention, periods: list[PeriodMention]) -> PeriodMention | None:
    if not periods:
        return None
    return min(periods, key=lambda p: (_distance(p.start, p.end, figure), p.start < figure.start))


@functools.lru_cache(maxsize=64)
def _named_days(text: str, lang: str, published: DateRange) -> tuple[dt.date, ...]:
    """The single days a text names within its publication date, in order (a day named before it
    is another event's: "the model went live on Monday")."""
    found = (m.period for m in find_periods(text, lang, published) if m.period is not None)
    return tuple(p.start for p in found if p.start == p.end and published.start <= p.start <= published.end)


def _news_day(reading: _Reading) -> DateRange | None:
    """The day of the news as the article names it: the one day it names within its publication
    date ("BMW said Tuesday", "mardi 10 septembre"). The publication day alone is when the article
    was written, not a period; ``None`` when the article names no such day, or several."""
    doc = reading.index.doc
    if doc.published is None:
        return None
    days = set(_named_days(doc.text, doc.lang, doc.published))
    return DateRange.day(days.pop()) if len(days) == 1 else None


def _same_story(subject: Any, action: str, carried: _Frame, subject_carried: bool, actions: list[LexMatch],
                lexicon: Lexicon) -> bool:
    """Whether a figure continues the story of the frame carried into it, so that the period of
    that frame holds for it too (the caller checks it is about the same product, or the same
    action on another: "will also spend ... on Ascend chips"): the same subject (carried, named again, or a member singled out of a group: "Tencent alone ..."), and
    the same action, another step of the same purchase
    (ordered ... received), or a sentence naming that step again ("The orders are worth ...").
    A price or a payment with no word for the deal has a time of its own."""
    if carried.action == "other" or _is_measure(carried.action):
        return False  # revenue, fines, stock: each its own story (and a figure-less sentence tells none)
    same_step = action == carried.action or any(a.canonical == carried.action for a in actions)
    if not same_step and (lexicon.action_stage(action) is None or lexicon.action_stage(carried.action) is None):
        return False
    if subject_carried or subject == carried.subject:
        return True
    group = carried.subject
    if isinstance(subject, str) and not lexicon.is_group(subject):
        return (isinstance(group, tuple) and subject in group) or (isinstance(group, str) and lexicon.is_group(group))
    return False


# ---------------------------------------------------------------------------------------------
# Resolvers


@resolver("nearest_period")
def _nearest_period(reading: _Reading) -> Found[Any] | None:
    own = _period(reading.mention, [p for p in reading.periods if _dates_figure(p, reading)])
    if own is None:
        return None
    if own.period is None and _says_quarter(reading, own.start, own.end):
        own = attrs.evolve(own, period=_document_quarter(reading))  # "first quarter", no date to read it by
    own = _whole_year(own, reading)
    return Found(own.period, "explicit", own.start, own.end)


_QUARTER_DAYS = range(88, 93)
"""How many days a quarter spans, calendar (90..92) or fiscal of 13 weeks (91)."""


@functools.lru_cache(maxsize=64)
def _fixed_quarters(text: str, lang: str, published: DateRange | None) -> frozenset[DateRange]:
    """The quarters a text names with their year or their end day ("first quarter ended December
    25, 2010", "Q3 2024")."""
    spans = (m.period for m in find_periods(text, lang, published) if m.period is not None)
    return frozenset(p for p in spans if (p.end - p.start).days in _QUARTER_DAYS)


def _document_quarter(reading: _Reading) -> DateRange | None:
    """The one quarter the article names with its year or end day, else ``None``."""
    doc = reading.index.doc
    quarters = _fixed_quarters(doc.text, doc.lang, doc.published)
    return next(iter(quarters)) if len(quarters) == 1 else None


def _says_quarter(reading: _Reading, start: int, end: int) -> bool:
    cue = _period_cues(reading.index.doc.lang).quarter
    return cue is not None and cue.search(reading.text, start, end) is not None


@resolver("document_quarter")
def _reported_quarter(reading: _Reading) -> Found[Any] | None:
    """A figure of a sentence that speaks of the quarter ("quarterly profit", "ce trimestre"),
    with no period of its own, is of the one quarter the article names with its date."""
    if not _says_quarter(reading, reading.sentence.start, reading.sentence.end):
        return None
    quarter = _document_quarter(reading)
    return Found(quarter, "carried") if quarter is not None else None


@resolver("market_day")
def _market_day(reading: _Reading) -> Found[Any] | None:
    if not _is_market(reading):
        return None
    day = _news_day(reading)
    return Found(day, "default") if day is not None else None


@resolver("guidance_year")
def _guidance_year(reading: _Reading) -> Found[Any] | None:
    guidance = _period_cues(reading.index.doc.lang).guidance
    published = reading.index.doc.published
    if guidance is None or published is None:
        return None
    found = guidance.search(reading.text, reading.sentence.start, reading.clause[1])  # not a clause after its own
    if found is None:
        return None
    year = DateRange(dt.date(published.start.year, 1, 1), dt.date(published.end.year, 12, 31))
    return Found(year, "default", found.start(), found.end())


@resolver("carried_period")
def _carried_period(reading: _Reading) -> Found[Any] | None:
    carried = reading.carried_deal
    if carried is None or carried.period is None:
        return None
    step = reading.step_action.value
    if reading.object.value != carried.object and step != carried.action:
        return None
    if not _same_story(reading.story_subject.value, step, carried, reading.subject_carried, reading.actions,
                       reading.lexicon):
        return None
    so_far = reading.language.so_far
    if so_far and so_far.search(reading.text, reading.clause[0], reading.clause[1]):
        return None  # "n'en aurait reçu que 30 000 à ce jour" counts up to now, not in the story's period
    if _past_into_future(carried.period, reading):
        return None  # "Mars bought VCA in 2017. Mars will acquire Kellanova for ...": not in 2017
    return Found(carried.period, "carried", *reading.carried_span())


def _past_into_future(period: DateRange, reading: _Reading) -> bool:
    """Whether a period over before publication would be carried into a sentence about what is to come."""
    published = reading.index.doc.published
    future = _period_cues(reading.index.doc.lang).future
    if published is None or future is None or period.end >= published.start:
        return False
    return bool(future.search(reading.text, reading.sentence.start, reading.sentence.end))


@resolver("no_period")
def _no_period(reading: _Reading) -> Found[Any] | None:
    return Found(None, "default")


PERIOD_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (
    _nearest_period, _market_day, _guidance_year, _reported_quarter, _carried_period, _no_period,
)
"""The period slot, in order of precedence (see the module docstring)."""
