"""Organisations named in a corpus, found without a story lexicon.

A business story is about a few organisations, and articles name them the way organisations are
named: a capitalised name that recurs, that takes a legal suffix (*Inc*, *SA*), that reports,
says, buys or owns (*Kellanova said*, *BMW's shares*, *Apple, which*). Finding candidates and
deciding between them are two steps:

1. :func:`name_evidence` reads one document and scores each capitalised name it repeats: a
   legal suffix, a cue after the name that only organisations take, and being named mid-sentence
   count for it; a person's title before it (*chief executive Tim Cook*), a place's preposition
   (*based in Chicago*) and being a known outlet count against it. Headlines are skipped: they
   capitalise every word.
2. :func:`organisations` adds the evidence of every document and keeps the names with enough of
   it, named in at least :data:`MIN_DOCUMENTS` documents or with a strong score in one.

Because step 1 is a map over documents and step 2 a sum, a partitioned engine computes the same
names as the local one. The names become actors of a small :class:`~reconcile.lexicon.Lexicon`
consulted beside the user's, so the subject rules that read a lexicon actor read these too. The
cue words are language data (``cues.toml``, section ``organisations``).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

from reconcile.extract.language import _common, _phrases
from reconcile.lexicon import Lexicon, fold
from reconcile.model import Document

MIN_DOCUMENTS = 2
"""A name needs organisation evidence in this many documents, unless one document gives a strong score."""
MIN_SCORE = 2.0
"""The summed evidence a name needs over the corpus."""
STRONG_SCORE = 3.0
"""Evidence from one document that is enough on its own (a legal suffix and a cue, say)."""
LEGAL_SUFFIX_SCORE = 2.0
CUE_SCORE = 1.0
MID_SENTENCE_SCORE = 0.5
PERSON_PENALTY = 3.0
PLACE_PENALTY = 2.0
CONTEXT_CHARS = 48
"""How far before and after a name its cues are looked for."""
MAX_NAME_WORDS = 4

_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*\w|[A-ZÀ-ÖØ-Þ]{2,}|[A-Z]&[A-Z])"
_NAME = re.compile(
    rf"""(?<![\w'’-])
    (?P<name>{_NAME_WORD}(?:[ \t]+(?:&[ \t]+)?{_NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}})  # up to four capitalised words
    (?![\w-])""",
    re.VERBOSE,
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:]\s+|\n\s*|[\"«“(]\s*)$")


@attrs.frozen
class _Cues:
    """One language's cue words for organisations (``cues.toml``, section ``organisations``)."""

    not_names: frozenset[str]
    legal_suffixes: frozenset[str]
    after: re.Pattern[str] | None
    person_before: re.Pattern[str] | None
    place_before: re.Pattern[str] | None


@functools.cache
def _cues(lang: str) -> _Cues:
    from reconcile.extract.language import _language_data

    section = _language_data(lang).get("organisations", {})
    return _Cues(
        not_names=frozenset(fold(w) for w in section.get("not_names", [])),
        legal_suffixes=frozenset(fold(w).rstrip(".") for w in section.get("legal_suffixes", [])),
        after=_starting(section.get("after", [])),
        person_before=_ending(section.get("person_before", [])),
        place_before=_ending(section.get("place_before", [])),
    )


def _starting(words: Iterable[str]) -> re.Pattern[str] | None:
    pattern = _phrases(words)
    return re.compile(rf"^\W{{0,3}}(?:{pattern.pattern})", re.IGNORECASE) if pattern else None


def _ending(words: Iterable[str]) -> re.Pattern[str] | None:
    pattern = _phrases(words)
    return re.compile(rf"(?:{pattern.pattern})\W{{0,3}}$", re.IGNORECASE) if pattern else None


@attrs.frozen
class NameEvidence:
    """What one document says of the capitalised names it uses: a score and a mention count each."""

    scores: Mapping[str, float]
    mentions: Mapping[str, int]


def _trimmed(words: list[str], cues: _Cues) -> list[str]:
    while words and fold(words[0]).strip("'’") in cues.not_names:
        words = words[1:]
    while words and fold(words[-1]) in cues.not_names:
        words = words[:-1]
    return words


def _body_start(text: str) -> int:
    """Where the body starts: after a first line that reads as a headline (no sentence end)."""
    first, newline, _ = text.partition("\n")
    return len(first) + 1 if newline and not first.rstrip().endswith((".", "!", "?", "»", "”")) else 0


def _base_name(words: list[str], cues: _Cues) -> tuple[str, bool]:
    """The name without its legal suffix, and whether it had one ("Apple Inc." -> "Apple", True)."""
    kept = [w for w in words if fold(w).rstrip(".") not in cues.legal_suffixes]
    return " ".join(kept or words), len(kept) < len(words)


def _score(text: str, start: int, end: int, suffixed: bool, cues: _Cues) -> float:
    before, after = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    if cues.person_before and cues.person_before.search(before):
        return -PERSON_PENALTY
    if cues.place_before and cues.place_before.search(before):
        return -PLACE_PENALTY
    score = LEGAL_SUFFIX_SCORE if suffixed else 0.0
    if cues.after and cues.after.match(after):
        score += CUE_SCORE
    if not _SENTENCE_OPENING.search(text[max(0, start - 3) : start]):
        score += MID_SENTENCE_SCORE
    return score


def name_evidence(doc: Document) -> NameEvidence:
    """Score the capitalised names of one document as organisations (step 1).

    >>> doc = Document("d", "Deal\\nShares of Kellanova rose. Kellanova said it agreed. "
    ...                "Chief executive Steve Cahillane said so. Mars Inc. will pay.", "en")
    >>> evidence = name_evidence(doc)
    >>> evidence.scores["Kellanova"], evidence.scores["Mars"], evidence.scores.get("Steve Cahillane", 0) < 0
    (1.5, 3.0, True)
    """
    cues = _cues(doc.lang)
    outlets = set(_common().outlet_names.values())
    text = doc.text
    scores: dict[str, float] = {}
    mentions: Counter[str] = Counter()
    for match in _NAME.finditer(text, _body_start(text)):
        words = _trimmed(match.group("name").split(), cues)
        if not words:
            continue
        start = match.start() + match.group("name").find(words[0])
        end = start + len(" ".join(words))
        name, suffixed = _base_name(words, cues)
        if name in outlets or len(name) < 2:
            continue
        scores[name] = scores.get(name, 0.0) + _score(text, start, end, suffixed, cues)
        mentions[name] += 1
    return NameEvidence(scores, dict(mentions))


def organisations(evidence: Iterable[NameEvidence]) -> tuple[str, ...]:
    """The names the summed evidence of a corpus calls organisations (step 2), best first.

    >>> one = NameEvidence({"Apple": 1.5, "Cupertino": -2.0}, {"Apple": 3, "Cupertino": 1})
    >>> two = NameEvidence({"Apple": 1.0, "Tim Cook": -3.0}, {"Apple": 2, "Tim Cook": 1})
    >>> organisations([one, two])
    ('Apple',)
    """
    total: dict[str, float] = {}
    documents: Counter[str] = Counter()
    strong: set[str] = set()
    for item in evidence:
        for name, score in item.scores.items():
            total[name] = total.get(name, 0.0) + score
            if score > 0:
                documents[name] += 1
            if score >= STRONG_SCORE:
                strong.add(name)
    kept = [
        name for name, score in total.items()
        if score >= MIN_SCORE and (documents[name] >= MIN_DOCUMENTS or name in strong)
    ]
    return tuple(sorted(kept, key=lambda name: (-total[name], name)))


def organisation_lexicon(names: Iterable[str], known: Lexicon | None = None) -> Lexicon:
    """A lexicon whose actors are ``names``, less those ``known`` already names (as anything).

    >>> organisation_lexicon(["Kellanova", "Nvidia"], Lexicon.default()).actors
    ('Kellanova',)
    """
    lines: list[str] = []
    for name in names:
        if known is not None and known.lookup(name) is not None:
            continue
        lines += ["[[actor]]", f"id = {json.dumps(name)}", f"aliases = [{json.dumps(name)}]", ""]
    return Lexicon.loads("\n".join(lines), "<organisations found in the corpus>")
