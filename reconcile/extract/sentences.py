"""Sentences of a document and the clauses of a sentence, with their offsets."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import attrs

from reconcile.extract.language import _language, has_language
from reconcile.model import Mention


@attrs.frozen
class Sentence:
    """A sentence (or a title line) and its offsets in the document text."""

    start: int
    end: int
    text: str


_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)]*\s+")
MAX_SENTENCE = 800
"""Longer runs without a sentence end (tables, lists glued together, hostile input) are cut at the
last clause break or space before this many characters: what is read around a figure stays
bounded, and so does the time per figure."""
_SOFT_BREAK = re.compile(r"[,;:]\s|\s")
_SENTENCE_OPENER = re.compile(r"[\"«“(\[•\-–—\d]|[^\W\d_]", re.UNICODE)


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences and lines of ``text`` with their offsets; abbreviations come from the language data.

    A line break always ends a sentence (titles, bullets); a full stop does when a capital,
    a digit or a quote follows and the word before is not an abbreviation.

    >>> [s.text for s in split_sentences("Title\\nThe U.S. curbs bite. Nvidia sells H20 chips.", "en")]
    ['Title', 'The U.S. curbs bite.', 'Nvidia sells H20 chips.']
    """
    abbreviations = _language(lang).abbreviations if has_language(lang) else frozenset()
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        cuts = [0]
        for match in _BOUNDARY.finditer(line):
            following = line[match.end() : match.end() + 1]
            if not following or not (following.isupper() or _SENTENCE_OPENER.match(following) and not following.islower()):
                continue
            word_start = line.rfind(" ", 0, match.start()) + 1
            word = line[word_start : match.start() + 1]
            if word in abbreviations:
                continue
            cuts.append(match.end())
        cuts.append(len(line))
        for a, b in _bounded(cuts, line):
            piece = line[a:b]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                start = line_start + a + lead
                sentences.append(Sentence(start, start + len(stripped), stripped))
        line_start += len(line) + 1
    return sentences


def _bounded(cuts: list[int], line: str) -> Iterable[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces between cuts, none longer than :data:`MAX_SENTENCE`."""
    for a, b in itertools.pairwise(cuts):
        while b - a > MAX_SENTENCE:
            breaks = [m.end() for m in _SOFT_BREAK.finditer(line, a + MAX_SENTENCE // 2, a + MAX_SENTENCE)]
            cut = breaks[-1] if breaks else a + MAX_SENTENCE
            yield a, cut
            a = cut
        yield a, b


# A comma inside a number ("12,000", "1,5 milliard") cuts no clause.
_CLAUSE_BREAK = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;:()\[\]—–]|\s-\s)\s*")


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the comma-, bracket- and dash-separated pieces of a sentence."""
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _clause_of(mention: Mention, sentence: Sentence) -> tuple[int, int]:
    """Document offsets of the comma/bracket/dash-separated piece of the sentence holding the figure."""
    at = mention.start - sentence.start
    start, end = next(((a, b) for a, b in _clauses(sentence.text) if a <= at < b), (0, len(sentence.text)))
    return sentence.start + start, sentence.start + max(end, mention.end - sentence.start)
