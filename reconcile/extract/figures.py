"""Which mentions are figures of the story (claims), and what a bare figure counts."""

from __future__ import annotations

import re

import attrs

from reconcile.extract.index import _DocumentIndex
from reconcile.extract.language import _common, _fold, _Language
from reconcile.extract.spans import _end, _start
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

_YEAR_RANGE = (1900, 2100)

_LIST_NUMBER_AFTER = re.compile(r"^[.)]\s")
_INLINE_NUMBER_AFTER = re.compile(r"^\)\s")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*?)\.?\s*$")
_LINE_START = re.compile(r"[\s•·*\-–—]*$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*|[^\w\s])")


def _next_word(text: str) -> str:
    match = _NEXT_WORD.match(text)
    return match.group(1) if match else ""


def _is_figure(mention: Mention, index: _DocumentIndex, language: _Language) -> bool:
    """Whether a mention is a figure of the story (not a date, a model number, a source count ...)."""
    text = index.text
    if _fold(mention.text) in language.not_figures:
        return False
    overlapping = lambda items: any(_start(i) < mention.end and mention.start < _end(i) for i in items)
    number = index.sentence_index(mention.start)
    models = [p for p in index.products(number) if any(c.isdigit() for c in p.text)]
    if overlapping(index.periods(number)) or overlapping(models):
        return False
    after = text[mention.end : mention.end + 60]
    if language.source_nouns and (m := language.source_nouns.match(after.lstrip())) and m.start() == 0:
        return False
    if mention.noun and language.source_nouns and language.source_nouns.match(mention.noun):
        return False
    # Sentences start at line starts, so list numbering opens its sentence ("1. ", "2) ").
    sentence_start = index.sentences[number].start
    if _LINE_START.match(text, sentence_start, mention.start) and _LIST_NUMBER_AFTER.match(after):
        return False
    quantity = mention.quantity
    if quantity.kind == "number" and not quantity.unit:
        written = mention.text.strip()
        if written.isdigit() and len(written) == 4 and _YEAR_RANGE[0] <= quantity.stated <= _YEAR_RANGE[1]:
            return False
        # Inline list numbering ("reasons: 1) China sales, 2) ..."), not a figure in brackets.
        if written.isdigit() and len(written) <= 2 and _INLINE_NUMBER_AFTER.match(after) \
                and text.count("(", sentence_start, mention.start) <= text.count(")", sentence_start, mention.start):
            return False
        if (word := _WORD_BEFORE.search(text, max(sentence_start, mention.start - 30), mention.start)) \
                and _fold(word.group(1)) in language.not_after:
            return False  # a version or a model, not an amount ("version 1.5")
        if mention.noun is None:
            context_products = any(
                _common().count_units.get(p.canonical) != "user"
                for back in (number, number - 1) if back >= 0 for p in index.products(back)
            )
            return _elided_noun(after, index.actions(number), context_products, language)
    return True


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
                and (_noun_elided_after(text[mention.end : mention.end + 30], language)
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
    gap = len(index.text[mention.end : mention.end + 10]) - len(index.text[mention.end : mention.end + 10].lstrip())
    at = mention.end + gap
    return any(p.start == at for p in index.periods(index.sentence_index(mention.start)))
