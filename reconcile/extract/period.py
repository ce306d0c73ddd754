"""The period slot: which period expression of the sentence dates a figure, and when a period carries.

:data:`PERIOD_RESOLVERS`, in order of precedence:

- ``nearest_period``: the nearest period expression of the sentence, as
  :func:`reconcile.dates.find_periods` resolves it against the publication date (``None`` when
  that date is unknown and the expression relative), less the day of a statement ("said on
  Feb. 3"); a percentage is not dated by a clause after its own;
- ``carried_period``: the period of the frame carried into the figure, when the figure continues
  the same purchase story (:func:`_same_story`: same subject or a member of the group; same step,
  or another step of the purchase of the same product), and not into a figure counted up to now
  ("à ce jour", "so far");
- ``no_period``: none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reconcile.dates import PeriodMention, find_periods
from reconcile.extract.context import _Frame, _is_measure
from reconcile.extract.language import _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import DateRange, Mention

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


def _period(figure: Mention, periods: list[PeriodMention]) -> PeriodMention | None:
    if not periods:
        return None
    return min(periods, key=lambda p: (_distance(p.start, p.end, figure), p.start < figure.start))


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
    own = _period(reading.mention, reading.periods)
    return Found(own.period, "explicit", own.start, own.end) if own else None


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
    return Found(carried.period, "carried", *reading.carried_span())


@resolver("no_period")
def _no_period(reading: _Reading) -> Found[Any] | None:
    return Found(None, "default")


PERIOD_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_nearest_period, _carried_period, _no_period)
"""The period slot, in order of precedence (see the module docstring)."""
