"""The document index: a document's sentences and what the lexicon and the period finder see in them."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from reconcile.dates import PeriodMention
from reconcile.extract.language import _common, _fold, _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.period import _sentence_periods
from reconcile.extract.sentences import Sentence, _clauses, split_sentences
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Document, Mention

if TYPE_CHECKING:
    from reconcile.extract.attribution import _Crediting
    from reconcile.extract.hedge import _Hedging

_M = TypeVar("_M", LexMatch, PeriodMention)


@attrs.frozen
class _Span:
    """A span of the document text a pattern matched, and what it names (an outlet's canonical name)."""

    start: int
    end: int
    name: str = ""


@attrs.frozen
class _Spans:
    """Spans of the whole document sorted by start, searchable by range."""

    items: tuple[_Span, ...]
    starts: tuple[int, ...] = attrs.field(init=False)

    @starts.default
    def _starts(self) -> tuple[int, ...]:
        return tuple(item.start for item in self.items)

    def within(self, start: int, end: int) -> list[_Span]:
        """The spans that lie inside ``[start, end]``."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [i for i in self.items[first:last] if i.end <= end]

    def before(self, offset: int) -> list[_Span]:
        """The spans that end at or before ``offset``."""
        position = bisect.bisect_right(self.starts, offset)
        return [i for i in self.items[:position] if i.end <= offset]

    def __bool__(self) -> bool:
        return bool(self.items)


@attrs.frozen
class _DocumentIndex:
    """A document's sentences and what the lexicon and the period finder see in them.

    Actors, products, actions and periods are looked up per sentence, on demand, and kept:
    only the sentences around figures are ever read (the bulk of an article has none). Each
    kind of finding has its own cache, keyed by sentence number.
    """

    doc: Document
    lexicon: Lexicon
    language: _Language
    sentences: list[Sentence]
    sentence_starts: list[int]
    outlets: _Spans
    anaphors: _Spans
    generic_nouns: _Spans
    families: Mapping[str, str]
    organisations: Lexicon | None = None
    """Organisations found in the corpus without a lexicon (:mod:`reconcile.extract.organisations`)."""
    _actors: dict[int, list[LexMatch]] = attrs.field(factory=dict)
    _subjects: dict[int, list[LexMatch]] = attrs.field(factory=dict)
    _products: dict[int, list[LexMatch]] = attrs.field(factory=dict)
    _actions: dict[int, list[LexMatch]] = attrs.field(factory=dict)
    _periods: dict[int, list[PeriodMention]] = attrs.field(factory=dict)
    hedging: dict[int, _Hedging] = attrs.field(factory=dict)
    """How each sentence hedges its figures (filled by :mod:`reconcile.extract.hedge`)."""
    crediting: dict[int, _Crediting] = attrs.field(factory=dict)
    """What each sentence says of its sources (filled by :mod:`reconcile.extract.attribution`)."""
    credits: dict[int, str | None] = attrs.field(factory=dict)
    """The credit of each sentence as a whole (filled by :mod:`reconcile.extract.attribution`)."""

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def _moved(self, matches: Iterable[_M], sentence: Sentence) -> list[_M]:
        return [attrs.evolve(m, start=m.start + sentence.start, end=m.end + sentence.start) for m in matches]

    def actors(self, number: int) -> list[LexMatch]:
        if number not in self._actors:
            sentence = self.sentences[number]
            found = self.lexicon.find_actors(sentence.text, self.doc.lang) + self._found_organisations(sentence)
            found.sort(key=lambda a: (a.start, -a.end))
            self._actors[number] = self._moved(
                (a for a in found if _fold(a.text) not in self.language.anaphor_words), sentence
            )
        return self._actors[number]

    def _found_organisations(self, sentence: Sentence) -> list[LexMatch]:
        """The organisations found in the corpus that a sentence names where the lexicon names nothing."""
        found = [] if self.organisations is None else self.organisations.find_actors(sentence.text, self.doc.lang)
        if not found:
            return []  # the full lexicon scan below only runs where an organisation is named
        named = self.lexicon.find_all(sentence.text, self.doc.lang)
        return [o for o in found if not any(n.start < o.end and o.start < n.end for n in named)]

    def subjects(self, number: int) -> list[LexMatch]:
        """The actors of a sentence that can be its subject (see :func:`_may_be_subject`)."""
        if number not in self._subjects:
            sentence = self.sentences[number]
            self._subjects[number] = [
                a for a in self.actors(number) if _may_be_subject(a, sentence, self.text, self.language)
            ]
        return self._subjects[number]

    def products(self, number: int) -> list[LexMatch]:
        if number not in self._products:
            sentence = self.sentences[number]
            # A product inside an actor's alias ("la société mère de TikTok") is not an object.
            actors = self.actors(self.sentence_index(sentence.start))
            compared = self.language.compared_products
            self._products[number] = [
                p for p in self._moved(self.lexicon.find_products(sentence.text, self.doc.lang), sentence)
                if not any(a.start <= p.start and p.end <= a.end for a in actors)
                # "inférieur de moitié à celui du H100": the H100 is what it is compared with
                and not (compared and compared.search(self.doc.text, sentence.start, p.start))
            ]
        return self._products[number]

    def actions(self, number: int) -> list[LexMatch]:
        if number not in self._actions:
            sentence = self.sentences[number]
            self._actions[number] = self._moved(self.lexicon.find_actions(sentence.text, self.doc.lang), sentence)
        return self._actions[number]

    def periods(self, number: int) -> list[PeriodMention]:
        if number not in self._periods:
            sentence = self.sentences[number]
            found = _sentence_periods(sentence.text, self.doc.lang, self.doc.published, self.language)
            self._periods[number] = self._moved(found, sentence)
        return self._periods[number]


def _index(doc: Document, lexicon: Lexicon, language: _Language, organisations: Lexicon | None = None) -> _DocumentIndex:
    text = doc.text
    sentences = split_sentences(text, doc.lang) or [Sentence(0, len(text), text)]
    common = _common()
    spans = lambda pattern: _Spans(tuple(_Span(m.start(), m.end()) for m in pattern.finditer(text)) if pattern else ())
    return _DocumentIndex(
        doc=doc,
        lexicon=lexicon,
        language=language,
        sentences=sentences,
        sentence_starts=[s.start for s in sentences],
        outlets=_Spans(tuple(
            _Span(m.start(), m.end(), common.outlet_names[m.group(0)]) for m in common.outlets.finditer(text)
        ) if common.outlets else ()),
        anaphors=spans(language.anaphors),
        generic_nouns=spans(language.generic_nouns),
        families=_families(lexicon),
        organisations=organisations,
    )


@functools.lru_cache(maxsize=8)
def _families(lexicon: Lexicon) -> Mapping[str, str]:
    """Each maker's broadest product family ("Nvidia" -> "Nvidia AI chips")."""
    families: dict[str, str] = {}
    for product in lexicon.products:
        owner = lexicon.product_owner(product)
        if owner and lexicon.product_parent(product) is None and _common().count_units.get(product) == "chip":
            families.setdefault(owner, product)
    return families


def _family(index: _DocumentIndex, number: int) -> tuple[str, LexMatch] | None:
    """The product family of a maker named with a generic noun ("puces ... Nvidia") in a sentence,
    and the maker's mention."""
    sentence = index.sentences[number]
    if not index.generic_nouns.within(sentence.start, sentence.end):
        return None
    makers = [a for a in index.actors(number) if a.canonical in index.families]
    return (index.families[makers[0].canonical], makers[0]) if makers else None


def _may_be_subject(actor: LexMatch, sentence: Sentence, text: str, language: _Language) -> bool:
    """Whether an actor named in a sentence can be its subject: not when it only says who made
    something ("hundreds of thousands of Huawei units", "ses puces Huawei"), nor when it is a
    complement put first ("À Huawei, ByteDance a commandé ...": the buyer is ByteDance).

    >>> from reconcile.lexicon import Lexicon  # noqa: F401  (doctests)
    >>> en = _language("en")
    >>> line = "They took 5000 Huawei units."
    >>> [actor] = Lexicon.default().find_actors(line, "en")
    >>> _may_be_subject(actor, Sentence(0, len(line), line), line, en)
    False
    """
    after = text[actor.end : sentence.end]
    if language.maker_nouns_after and language.maker_nouns_after.match(after.lstrip()) and \
            after[: len(after) - len(after.lstrip())] in (" ",):
        return False
    before = text[sentence.start : actor.start]
    if language.maker_nouns_before and language.maker_nouns_before.search(before) and before.endswith(" "):
        return False
    opening = _fold(before.strip(" \"«“"))
    return not (opening in language.fronted_complements and after.lstrip(" ").startswith(","))


def _outside_relatives(items: list[LexMatch], figure: Mention, sentence: Sentence, language: _Language) -> list[LexMatch]:
    """The items not inside a relative clause that does not hold the figure: "The TikTok owner,
    which has been stockpiling Nvidia hardware, is now said to ... 40,000 units" is ByteDance's."""
    if language.relative_openers is None:
        return items
    relatives = [
        (sentence.start + a, sentence.start + b) for a, b in _clauses(sentence.text)
        if a > 0 and language.relative_openers.match(sentence.text, a)
        and not (a <= figure.start - sentence.start < b)
    ]
    if not relatives:
        return items
    return [i for i in items if not any(a <= i.start and i.end <= b for a, b in relatives)]
