"""The document index: a document's sentences and what the lexicon and the period finder see in them."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from reconcile.dates import PeriodMention
from reconcile.extract.language import _common, _fold, _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.period import _sentence_periods
from reconcile.extract.sentences import Sentence, _clauses, split_sentences
from reconcile.extract.spans import _end, _start
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Document, Mention


@attrs.frozen
class _DocumentIndex:
    """A document's sentences and what the lexicon and the period finder see in them.

    Actors, products, actions and periods are looked up per sentence, on demand, and kept:
    only the sentences around figures are ever read (the bulk of an article has none).
    """

    doc: Document
    lexicon: Lexicon
    language: _Language
    sentences: list[Sentence]
    sentence_starts: list[int]
    outlets: list[tuple[int, int, str]]
    anaphors: list[tuple[int, int]]
    generic_nouns: list[tuple[int, int]]
    families: Mapping[str, str]
    _found: dict[tuple[Any, ...], Any] = attrs.field(factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def within(self, items: Sequence[Any], start: int, end: int) -> list[Any]:
        """The items of a document-wide list sorted by start that lie inside ``[start, end]``."""
        starts = self.cached(("starts", id(items)), lambda: [_start(i) for i in items])
        first, last = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
        return [i for i in items[first:last] if _end(i) <= end]

    def cached(self, key: tuple[Any, ...], compute: Any) -> Any:
        if key not in self._found:
            self._found[key] = compute()
        return self._found[key]

    def _lookup(self, kind: str, number: int) -> list[Any]:
        key = (kind, number)
        if key not in self._found:
            sentence = self.sentences[number]
            self._found[key] = self._find(kind, sentence)
        return self._found[key]

    def _find(self, kind: str, sentence: Sentence) -> list[Any]:
        lang, shift = self.doc.lang, sentence.start
        moved = lambda matches: [attrs.evolve(m, start=m.start + shift, end=m.end + shift) for m in matches]
        if kind == "actors":
            found = self.lexicon.find_actors(sentence.text, lang)
            return moved(a for a in found if _fold(a.text) not in self.language.anaphor_words)
        if kind == "products":
            # A product inside an actor's alias ("la société mère de TikTok") is not an object.
            actors = self.actors(self.sentence_index(sentence.start))
            compared = self.language.compared_products
            return [
                p for p in moved(self.lexicon.find_products(sentence.text, lang))
                if not any(a.start <= p.start and p.end <= a.end for a in actors)
                # "inférieur de moitié à celui du H100": the H100 is what it is compared with
                and not (compared and compared.search(self.doc.text, sentence.start, p.start))
            ]
        if kind == "actions":
            return moved(self.lexicon.find_actions(sentence.text, lang))
        return moved(_sentence_periods(sentence.text, lang, self.doc.published, self.language))

    def actors(self, number: int) -> list[LexMatch]:
        return self._lookup("actors", number)

    def subjects(self, number: int) -> list[LexMatch]:
        """The actors of a sentence that can be its subject (see :func:`_may_be_subject`)."""
        return self.cached(("subjects", number), lambda: [
            a for a in self.actors(number) if _may_be_subject(a, self.sentences[number], self.text, self.language)
        ])

    def products(self, number: int) -> list[LexMatch]:
        return self._lookup("products", number)

    def actions(self, number: int) -> list[LexMatch]:
        return self._lookup("actions", number)

    def periods(self, number: int) -> list[PeriodMention]:
        return self._lookup("periods", number)


def _index(doc: Document, lexicon: Lexicon, language: _Language) -> _DocumentIndex:
    text = doc.text
    sentences = split_sentences(text, doc.lang) or [Sentence(0, len(text), text)]
    common = _common()
    finditer = lambda pattern: [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []
    return _DocumentIndex(
        doc=doc,
        lexicon=lexicon,
        language=language,
        sentences=sentences,
        sentence_starts=[s.start for s in sentences],
        outlets=[(m.start(), m.end(), common.outlet_names[m.group(0)]) for m in common.outlets.finditer(text)]
        if common.outlets
        else [],
        anaphors=finditer(language.anaphors),
        generic_nouns=finditer(language.generic_nouns),
        families=_families(lexicon),
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


def _family(index: _DocumentIndex, number: int) -> str | None:
    """The product family of a maker named with a generic noun ("puces ... Nvidia") in a sentence."""
    sentence = index.sentences[number]
    if not index.within(index.generic_nouns, sentence.start, sentence.end):
        return None
    makers = [a.canonical for a in index.actors(number) if a.canonical in index.families]
    return index.families[makers[0]] if makers else None


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


def _outside_relatives(items: list[Any], figure: Mention, sentence: Sentence, language: _Language) -> list[Any]:
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
    return [i for i in items if not any(a <= _start(i) and _end(i) <= b for a, b in relatives)]
