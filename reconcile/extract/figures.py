"""Which mentions are figures of the story (claims), and what a bare figure counts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from reconcile.dates import PeriodMention
from reconcile.extract.index import _DocumentIndex
from reconcile.extract.language import _common, _fold, _Language
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

_PLAUSIBLE_YEARS = (1900, 2100)
"""A bare four-digit number in this range is a year, not a figure."""
_YEAR_DIGITS = 4
"""How many digits a bare number has to be read as a year."""
_LIST_NUMBER_DIGITS = 2
"""At most this many digits for a number to be inline list numbering ("1) China sales")."""
_FOLLOWER_WINDOW = 60
"""Characters after a mention read to tell what follows it (a source noun, list punctuation, a noun)."""
_WORD_BEFORE_WINDOW = 30
"""Characters before a bare number searched for the word that makes it a version or a model."""

_MOST_SOURCES = 50
"""The most sources or analysts an article counts; a larger count of people is a figure."""

_COMPARED_NOUN_WINDOW = 30
"""Characters after a figure compared with the one before it read for a noun of its own."""
_PERIOD_GAP_WINDOW = 10
"""Characters of blank after a figure within which a period starting there follows it right away."""

_LIST_NUMBER_AFTER = re.compile(r"^[.)]\s")
_INLINE_NUMBER_AFTER = re.compile(r"^\)\s")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*?)\.?\s*$")
_LINE_START = re.compile(r"[\s•·*\-–—]*$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*|[^\w\s])")


def _next_word(text: str) -> str:
    match = _NEXT_WORD.match(text)
    return match.group(1) if match else ""


class _Candidate:
    """A mention found by :func:`reconcile.quantities.find_quantities`, in its sentence."""

    def __init__(self, mention: Mention, index: _DocumentIndex, language: _Language) -> None:
        self.mention = mention
        self.index = index
        self.language = language
        self.text = index.text
        self.number = index.sentence_index(mention.start)
        self.sentence_start = index.sentences[self.number].start
        self.after = self.text[mention.end : mention.end + _FOLLOWER_WINDOW]
        quantity = mention.quantity
        self.bare = quantity.kind == "number" and not quantity.unit
        self.written = mention.text.strip()

    def overlaps(self, items: Iterable[LexMatch | PeriodMention]) -> bool:
        return any(i.start < self.mention.end and self.mention.start < i.end for i in items)


def _listed_as_no_figure(c: _Candidate) -> bool:
    """Words the language data lists as never figures ("un", "one" as an article)."""
    return _fold(c.mention.text) in c.language.not_figures


def _date_or_model(c: _Candidate) -> bool:
    """Part of a period ("2025", "Q3") or of a model name with digits ("H20", "Ascend 910B")."""
    models = [p for p in c.index.products(c.number) if any(ch.isdigit() for ch in p.text)]
    return c.overlaps(c.index.periods(c.number)) or c.overlaps(models)


def _duration(c: _Candidate) -> bool:
    """A duration or an age ("a 20-month grounding", "trois ans", "30-year-old"): no claim."""
    return c.mention.quantity.kind == "duration"


def _source_count(c: _Candidate) -> bool:
    """A count of sources ("trois sources anonymes", "two people familiar with", "12 analysts
    polled"), never above :data:`_MOST_SOURCES` ("300 personnes", "200 million people")."""
    nouns = c.language.source_nouns
    if nouns is None or c.mention.quantity.high > _MOST_SOURCES:
        return False
    if (match := nouns.match(c.after.lstrip())) and match.start() == 0:
        return True
    return bool(c.mention.noun and nouns.match(c.mention.noun))


def _list_number(c: _Candidate) -> bool:
    """List numbering opening its line ("1. ", "2) "): sentences start at line starts."""
    return bool(_LINE_START.match(c.text, c.sentence_start, c.mention.start) and _LIST_NUMBER_AFTER.match(c.after))


def _year(c: _Candidate) -> bool:
    """A bare four-digit year."""
    return c.bare and c.written.isdigit() and len(c.written) == _YEAR_DIGITS \
        and _PLAUSIBLE_YEARS[0] <= c.mention.quantity.stated <= _PLAUSIBLE_YEARS[1]


def _inline_list_number(c: _Candidate) -> bool:
    """Inline list numbering ("reasons: 1) China sales, 2) ..."), not a figure in brackets."""
    if not (c.bare and c.written.isdigit() and len(c.written) <= _LIST_NUMBER_DIGITS and _INLINE_NUMBER_AFTER.match(c.after)):
        return False
    return c.text.count("(", c.sentence_start, c.mention.start) <= c.text.count(")", c.sentence_start, c.mention.start)


def _version(c: _Candidate) -> bool:
    """A version or a model, not an amount ("version 1.5")."""
    if not c.bare:
        return False
    word = _WORD_BEFORE.search(c.text, max(c.sentence_start, c.mention.start - _WORD_BEFORE_WINDOW), c.mention.start)
    return word is not None and _fold(word.group(1)) in c.language.not_after


_NOT_FIGURES: tuple[Callable[[_Candidate], bool], ...] = (
    _listed_as_no_figure,
    _date_or_model,
    _duration,
    _source_count,
    _list_number,
    _year,
    _inline_list_number,
    _version,
)
"""Mentions that are not figures of the story; any one excludes a mention."""


def _is_figure(mention: Mention, index: _DocumentIndex, language: _Language) -> bool:
    """Whether a mention is a figure of the story (not a date, a model number, a source count ...,
    see :data:`_NOT_FIGURES`); a bare number with no noun only when it counts something named
    elsewhere (:func:`_elided_noun`)."""
    candidate = _Candidate(mention, index, language)
    if any(rule(candidate) for rule in _NOT_FIGURES):
        return False
    if not candidate.bare or mention.noun is not None:
        return True
    number = candidate.number
    context_products = any(
        _common().count_units.get(p.canonical) != "user"
        for back in (number, number - 1) if back >= 0 for p in index.products(back)
    )
    return _elided_noun(candidate.after, index.actions(number), context_products, language)


def _elided_noun(after: str, actions: list[LexMatch], context_products: bool, language: _Language) -> bool:
    """Whether a bare figure counts something named elsewhere ("n'en aurait reçu que 30 000 à cause
    de ...", "received fewer than 30,000, the report said", "Tencent alone wants about 300,000."):
    the next word is one of the language's elliptic followers, or the figure ends its clause in a
    sentence that says what happened or next to a sentence naming a product it could count."""
    word = _next_word(after)
    if word and word[0].isalpha():
        folded = _fold(word)
        elided = folded.split("'")[0] + "'" if "'" in folded else folded
        return folded in language.elliptic_followers or elided in language.elliptic_followers
    rest = after.lstrip()
    if rest[:1].isdigit() or rest[:2].strip(",.;:")[:1].isdigit():
        return False
    return bool(actions) or context_products


def _with_count_unit(quantity: Quantity, obj: str | None, lexicon: Lexicon) -> Quantity:
    """A bare figure counting the object's units ("n'en aurait reçu que 30 000" -> 30 000 chips)."""
    if obj is None or quantity.kind not in ("number", "count") or quantity.unit not in ("", "item"):
        return quantity
    units = _common().count_units
    unit = next((units[p] for p in (obj, *lexicon.product_ancestors(obj)) if p in units), None)
    if unit is None:
        return quantity
    return attrs.evolve(quantity, unit=unit, kind="count")


def _compared(mentions: list[Mention], index: _DocumentIndex, language: _Language) -> list[Mention]:
    """Bare figures compared with the figure before them in their sentence count what it counts:
    "150 millions d'utilisateurs, contre 75 millions un an plus tôt" (75 million users)."""
    if language.comparisons is None:
        return mentions
    text = index.text
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        quantity = mention.quantity
        if (previous is not None and mention.noun is None and quantity.kind == "number" and not quantity.unit
                and previous.quantity.kind != "number"
                and index.sentence_index(previous.start) == index.sentence_index(mention.start)
                and language.comparisons.search(text, previous.end, mention.start)
                and (_noun_elided_after(text[mention.end : mention.end + _COMPARED_NOUN_WINDOW], language)
                     or _period_follows(mention, index))):
            mention = attrs.evolve(mention, noun=previous.noun,
                                   quantity=attrs.evolve(quantity, unit=previous.quantity.unit, kind=previous.quantity.kind))
        out.append(mention)
    return out


def _noun_elided_after(after: str, language: _Language) -> bool:
    """Whether no noun follows a figure: punctuation, the end, or a word that is no noun
    ("75 millions un an plus tôt", "600 million a year earlier"; not "3 distributors")."""
    word = _next_word(after)
    if not word or not word[0].isalpha():
        return True
    folded = _fold(word)
    elided = folded.split("'")[0] + "'" if "'" in folded else folded
    return any(w in language.elliptic_followers or w in language.not_figures for w in (folded, elided))


def _period_follows(mention: Mention, index: _DocumentIndex) -> bool:
    """Whether a period starts right after the figure ("contre 180 milliards l'an dernier")."""
    window = index.text[mention.end : mention.end + _PERIOD_GAP_WINDOW]
    gap = len(window) - len(window.lstrip())
    at = mention.end + gap
    return any(p.start == at for p in index.periods(index.sentence_index(mention.start)))
