"""The attributed_to slot: the outlet or source a figure is credited to."""

from __future__ import annotations

import bisect
import re
from typing import Any

import attrs

from reconcile.dates import find_periods
from reconcile.extract.hedge import _sentence_hedging
from reconcile.extract.index import _DocumentIndex, _index  # noqa: F401  (_index: doctests)
from reconcile.extract.language import _fold, _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.sentences import Sentence
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon  # noqa: F401  (doctests)
from reconcile.model import Mention

_CAPITAL = "A-ZÀ-ÖØ-Þ"


@attrs.frozen
class _Crediting:
    """What a sentence says of its sources: a crediting cue, a back-reference to an outlet or to
    sources cited before, a source named after an introducer, a credit that follows."""

    cue: bool
    back_reference: bool
    source_reference: bool
    own_sourcing: bool
    """The sentence credits someone of its own ("Earlier reports said", "two people said"): a
    hedge in it does not continue the report of the sentence before."""
    named_source: str | None
    credited_next: str | None


_NAME_AFTER = re.compile(
    rf"\s*(?:[^\W\d_{_CAPITAL}][\w'’-]*\s+){{0,2}}([{_CAPITAL}][\w&.-]*(?:\s+[{_CAPITAL}][\w&.-]*)*)"
)


def _named_source(index: _DocumentIndex, sentence: Sentence, language: _Language) -> str | None:
    """A source named after an introducer ("selon le cabinet QuestMobile", "Analysts at Bernstein"),
    in or out of the outlet list; not an actor of the lexicon (a company's own word is no source)."""
    if language.introducers is None:
        return None
    for cue in language.introducers.finditer(sentence.text):
        match = _NAME_AFTER.match(sentence.text, cue.end())
        if match is None:
            continue
        name = match.group(1).rstrip(".")
        start = sentence.start + match.start(1)
        if _fold(name.split()[0]) in language.not_sources:
            continue
        outlets = index.within(index.outlets, start, start + len(name))
        if outlets:
            return outlets[0][2]
        if index.lexicon.find_actors(name, index.doc.lang) or index.lexicon.find_products(name, index.doc.lang):
            continue
        if find_periods(name, index.doc.lang, None) or (language.anaphors and language.anaphors.match(name)):
            continue
        return name
    return None


def _sentence_crediting(index: _DocumentIndex, sentence_no: int, language: _Language) -> _Crediting:
    sentence = index.sentences[sentence_no]
    text = sentence.text
    credited_next = None
    if sentence_no + 1 < len(index.sentences):
        following = index.sentences[sentence_no + 1]
        if any(p.search(following.text) for p in language.follows):
            outlets = index.within(index.outlets, following.start, following.end)
            credited_next = outlets[0][2] if outlets else None
    modal_spans = [m.span() for m in language.modal.finditer(text)] if language.modal else []
    cues = [m for m in language.attribution.finditer(text)] if language.attribution else []
    own_cue = any(not any(a <= m.start() < b for a, b in modal_spans) for m in cues)
    return _Crediting(
        cue=bool(cues),
        own_sourcing=own_cue or bool(language.source_nouns and language.source_nouns.search(text)),
        back_reference=bool(language.back_references and language.back_references.search(text)),
        source_reference=bool(language.source_references and language.source_references.search(text)),
        named_source=_named_source(index, sentence, language),
        credited_next=credited_next,
    )


_CREDIT_SCAN_SENTENCES = 6


def _attribution(index: _DocumentIndex, sentence_no: int, figure: Mention | None, language: _Language,
                 depth: int = 0) -> str | None:
    """The outlet or named source the figure (None: the sentence) is credited to:

    - an outlet named in its sentence with a crediting cue (the nearest), or a source named after
      an introducer ("according to research firm Canalys");
    - an outlet pointed back to with a cue ("the newspaper said", "précise l'agence");
    - the sources of an earlier sentence pointed back to ("the sources added", "according to one
      of the people"): the credit of the last sentence that cited sources;
    - the outlet named by a crediting sentence right after ("C'est ce qu'annonce Reuters.");
    - in a hedged sentence with none of these, the credit of the sentence before it in the same
      paragraph: the report goes on ("Tencent alone is said to want ...").
    """
    sentence = index.sentences[sentence_no]
    crediting = index.cached(("crediting", sentence_no), lambda: _sentence_crediting(index, sentence_no, language))
    if crediting.cue:
        outlets = index.within(index.outlets, sentence.start, sentence.end)
        if outlets:
            return min(outlets, key=lambda o: _distance(o[0], o[1], figure))[2] if figure else outlets[0][2]
    if crediting.named_source:
        return crediting.named_source
    if crediting.cue and crediting.back_reference:
        position = bisect.bisect_right(index.cached(("starts", id(index.outlets)), lambda: [o[0] for o in index.outlets]), sentence.start)
        earlier = [o for o in index.outlets[:position] if o[1] <= sentence.start]
        if earlier:
            return earlier[-1][2]
    if crediting.credited_next:
        return crediting.credited_next
    if depth >= _CREDIT_SCAN_SENTENCES:
        return None
    if crediting.source_reference and language.source_nouns:
        first = max(-1, sentence_no - 1 - _CREDIT_SCAN_SENTENCES)
        for back in range(sentence_no - 1, first, -1):
            if language.source_nouns.search(index.sentences[back].text):
                return index.cached(("credit", back), lambda: _attribution(index, back, None, language, depth + 1))
        return None
    previous = sentence_no - 1
    if previous >= 0 and not crediting.own_sourcing and "\n" not in index.text[index.sentences[previous].end : sentence.start]:
        hedging = index.cached(("hedging", sentence_no), lambda: _sentence_hedging(sentence.text, language))
        if hedging.whole or hedging.clauses:
            return index.cached(("credit", previous), lambda: _attribution(index, previous, None, language, depth + 1))
    return None


def _executive_credit(index: _DocumentIndex, sentence_no: int, subject: Any, language: _Language) -> str | None:
    """The company whose executive states the figure ("a annoncé son président, Martin Lau",
    "chief executive Eddie Wu said"): the figure's subject, when it is one company. An
    executive's comment on it ("a figure its finance chief called a floor") is no statement.

    >>> from reconcile.model import Document
    >>> doc = Document(id="x", lang="en", text="Tencent will spend $2bn, its president told analysts.")
    >>> index = _index(doc, Lexicon.default(), _language("en"))
    >>> _executive_credit(index, 0, "Tencent", _language("en")), _executive_credit(index, 0, ("A", "B"), _language("en"))
    ('Tencent', None)
    """
    if not isinstance(subject, str) or index.lexicon.is_group(subject):
        return None
    if language.executives is None or language.executive_speech is None:
        return None
    text = index.sentences[sentence_no].text
    return subject if language.executives.search(text) and language.executive_speech.search(text) else None
