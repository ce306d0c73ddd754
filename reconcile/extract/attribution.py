"""The attributed_to slot: the outlet or source a figure is credited to.

:data:`ATTRIBUTION_RESOLVERS`, in order of precedence:

- ``credited_outlet``: an outlet named in the sentence with a crediting cue (the nearest),
  canonicalised ("FT" -> "Financial Times");
- ``named_source``: a source named after an introducer ("selon le cabinet QuestMobile",
  "Analysts at Bernstein"), in or out of the outlet list, not an actor of the lexicon;
- ``outlet_pointed_back``: an outlet pointed back to with a cue ("the newspaper said", "précise
  l'agence"): the last outlet named before the sentence;
- ``credit_that_follows``: the outlet named by a crediting sentence right after ("C'est ce
  qu'annonce Reuters.");
- ``sources_pointed_back``: the sources of an earlier sentence pointed back to ("the sources
  added", "according to one of the people"): the credit of the last sentence that cited sources
  (and nothing else when it has none);
- ``report_goes_on``: in a hedged sentence with no sourcing of its own, the credit of the sentence
  before it in the same paragraph ("Tencent alone is said to want ...");
- ``executive_statement``: the company whose executive states the figure ("chief executive Eddie
  Wu said", "a annoncé son président"), when the figure's subject is that one company;
- ``no_credit``: none.

The credit of a sentence as a whole (what the carrying rules take) is the same list for no figure,
less ``executive_statement``.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from reconcile.dates import find_periods
from reconcile.extract.hedge import _hedging_of
from reconcile.extract.index import _DocumentIndex, _index, _Span  # noqa: F401  (_index: doctests)
from reconcile.extract.language import _fold, _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.resolvers import Found, Resolver, decide, resolver
from reconcile.extract.sentences import Sentence
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon  # noqa: F401  (doctests)
from reconcile.model import Mention, Subject

_CAPITAL = "A-ZÀ-ÖØ-Þ"
_CREDIT_SCAN_SENTENCES = 6
"""How many sentences back a pointer to sources looks for the sentence that cited them, and how
many sentences deep one credit may rest on another's."""


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
    named_source: _Span | None
    credited_next: _Span | None


_NAME_AFTER = re.compile(
    rf"\s*(?:[^\W\d_{_CAPITAL}][\w'’-]*\s+){{0,2}}([{_CAPITAL}][\w&.-]*(?:\s+[{_CAPITAL}][\w&.-]*)*)"
)


def _named_source(index: _DocumentIndex, sentence: Sentence, language: _Language) -> _Span | None:
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
        outlets = index.outlets.within(start, start + len(name))
        if outlets:
            return _Span(start, start + len(name), outlets[0].name)
        if index.lexicon.find_actors(name, index.doc.lang) or index.lexicon.find_products(name, index.doc.lang):
            continue
        if find_periods(name, index.doc.lang, None) or (language.anaphors and language.anaphors.match(name)):
            continue
        return _Span(start, start + len(name), name)
    return None


def _sentence_crediting(index: _DocumentIndex, sentence_no: int, language: _Language) -> _Crediting:
    sentence = index.sentences[sentence_no]
    text = sentence.text
    credited_next = None
    if sentence_no + 1 < len(index.sentences):
        following = index.sentences[sentence_no + 1]
        if any(p.search(following.text) for p in language.follows):
            outlets = index.outlets.within(following.start, following.end)
            credited_next = outlets[0] if outlets else None
    modal_spans = [m.span() for m in language.modal.finditer(text)] if language.modal else []
    cues = list(language.attribution.finditer(text)) if language.attribution else []
    own_cue = any(not any(a <= m.start() < b for a, b in modal_spans) for m in cues)
    return _Crediting(
        cue=bool(cues),
        own_sourcing=own_cue or bool(language.source_nouns and language.source_nouns.search(text)),
        back_reference=bool(language.back_references and language.back_references.search(text)),
        source_reference=bool(language.source_references and language.source_references.search(text)),
        named_source=_named_source(index, sentence, language),
        credited_next=credited_next,
    )


def _crediting_of(index: _DocumentIndex, sentence_no: int) -> _Crediting:
    """What a sentence of the index says of its sources, read once."""
    if sentence_no not in index.crediting:
        index.crediting[sentence_no] = _sentence_crediting(index, sentence_no, index.language)
    return index.crediting[sentence_no]


@attrs.frozen
class _CreditQuery:
    """Whose credit is asked: a figure (with its frame's subject) or, ``figure`` None, a sentence
    as a whole, ``depth`` credits deep."""

    index: _DocumentIndex
    sentence_no: int
    figure: Mention | None = None
    subject: Subject = None
    depth: int = 0

    @property
    def sentence(self) -> Sentence:
        return self.index.sentences[self.sentence_no]

    @property
    def crediting(self) -> _Crediting:
        return _crediting_of(self.index, self.sentence_no)

    @property
    def language(self) -> _Language:
        return self.index.language

    @property
    def may_look_back(self) -> bool:
        """Whether this credit may still rest on another sentence's."""
        return self.depth < _CREDIT_SCAN_SENTENCES

    @property
    def points_at_sources(self) -> bool:
        """The sentence points back at sources cited before ("the sources added")."""
        return self.crediting.source_reference and self.language.source_nouns is not None


def _sentence_credit(index: _DocumentIndex, sentence_no: int, depth: int) -> str | None:
    """The credit of a sentence as a whole, read once (the first reading's depth holds)."""
    if sentence_no not in index.credits:
        query = _CreditQuery(index, sentence_no, depth=depth)
        index.credits[sentence_no] = decide("attributed_to", ATTRIBUTION_RESOLVERS, query, index.text).value
    return index.credits[sentence_no]


def _credit_from(query: _CreditQuery, sentence_no: int) -> Found[Any] | None:
    """The credit of another sentence, carried into this one."""
    credit = _sentence_credit(query.index, sentence_no, query.depth + 1)
    if credit is None:
        return None
    sentence = query.index.sentences[sentence_no]
    return Found(credit, "carried", sentence.start, sentence.end)


# ---------------------------------------------------------------------------------------------
# Resolvers


@resolver("credited_outlet")
def _credited_outlet(query: _CreditQuery) -> Found[Any] | None:
    if not query.crediting.cue:
        return None
    outlets = query.index.outlets.within(query.sentence.start, query.sentence.end)
    if not outlets:
        return None
    figure = query.figure
    outlet = min(outlets, key=lambda o: _distance(o.start, o.end, figure)) if figure else outlets[0]
    return Found(outlet.name, "explicit", outlet.start, outlet.end)


@resolver("named_source")
def _named_source_resolver(query: _CreditQuery) -> Found[Any] | None:
    named = query.crediting.named_source
    return Found(named.name, "explicit", named.start, named.end) if named else None


@resolver("outlet_pointed_back")
def _outlet_pointed_back(query: _CreditQuery) -> Found[Any] | None:
    if not (query.crediting.cue and query.crediting.back_reference):
        return None
    earlier = query.index.outlets.before(query.sentence.start)
    return Found(earlier[-1].name, "carried", earlier[-1].start, earlier[-1].end) if earlier else None


@resolver("credit_that_follows")
def _credit_that_follows(query: _CreditQuery) -> Found[Any] | None:
    following = query.crediting.credited_next
    return Found(following.name, "carried", following.start, following.end) if following else None


@resolver("sources_pointed_back")
def _sources_pointed_back(query: _CreditQuery) -> Found[Any] | None:
    source_nouns = query.language.source_nouns
    if not query.may_look_back or not query.points_at_sources or source_nouns is None:
        return None
    first = max(-1, query.sentence_no - 1 - _CREDIT_SCAN_SENTENCES)
    for back in range(query.sentence_no - 1, first, -1):
        if source_nouns.search(query.index.sentences[back].text):
            return _credit_from(query, back)
    return None


@resolver("report_goes_on")
def _report_goes_on(query: _CreditQuery) -> Found[Any] | None:
    previous = query.sentence_no - 1
    if not query.may_look_back or query.points_at_sources or previous < 0 or query.crediting.own_sourcing:
        return None
    index = query.index
    if "\n" in index.text[index.sentences[previous].end : query.sentence.start]:
        return None  # a new paragraph
    if not _hedging_of(index, query.sentence_no).cues:
        return None
    return _credit_from(query, previous)


@resolver("executive_statement")
def _executive_statement(query: _CreditQuery) -> Found[Any] | None:
    if query.figure is None:
        return None
    credit = _executive_credit(query.index, query.sentence_no, query.subject, query.language)
    if credit is None:
        return None
    executives = query.language.executives
    cue = executives.search(query.sentence.text) if executives else None
    start = query.sentence.start
    return Found(credit, "explicit", start + cue.start(), start + cue.end()) if cue else Found(credit)


@resolver("no_credit")
def _no_credit(query: _CreditQuery) -> Found[Any] | None:
    return Found(None, "default")


ATTRIBUTION_RESOLVERS: tuple[Resolver[_CreditQuery, Any], ...] = (
    _credited_outlet,
    _named_source_resolver,
    _outlet_pointed_back,
    _credit_that_follows,
    _sources_pointed_back,
    _report_goes_on,
    _executive_statement,
    _no_credit,
)
"""The attributed_to slot, in order of precedence (see the module docstring)."""


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
