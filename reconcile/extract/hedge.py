"""The hedged slot: whether a figure rests on a possibility or on someone's word."""

from __future__ import annotations

import attrs

from reconcile.extract.index import _DocumentIndex
from reconcile.extract.language import _fold, _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.sentences import _clauses
from reconcile.model import Mention


@attrs.frozen
class _Hedging:
    """How a sentence hedges its figures: all of them, or those of some clauses."""

    whole: bool
    clauses: tuple[tuple[int, int], ...] = ()


def _sentence_hedging(text: str, language: _Language) -> _Hedging:
    """How a sentence hedges its figures (see :func:`_hedged`).

    >>> en = _language("en")
    >>> _sentence_hedging("It ordered 9000 chips, for an estimated $2bn.", en)
    _Hedging(whole=False, clauses=((23, 45),))
    """
    if language.modal and language.modal.search(text):
        return _Hedging(True)
    if language.conditional and any(
        _fold(m.group(0)) not in language.not_conditional for m in language.conditional.finditer(text)
    ):
        return _Hedging(True)
    clauses = _clauses(text)
    local: list[tuple[int, int]] = []
    if language.estimates:
        # An estimate hedges the figure it qualifies, in its own clause ("pour un montant estimé à
        # 1,2 milliard"), not the other figures of the sentence.
        for cue in language.estimates.finditer(text):
            local.append(next(((a, b) for a, b in clauses if a <= cue.start() < b), (0, len(text))))
    if not language.reported:
        return _Hedging(False, tuple(local))
    for cue in language.reported.finditer(text):
        start, end = next(((a, b) for a, b in clauses if a <= cue.start() < b), (0, len(text)))
        if cue.start() == start or (language.speech_ending is not None and language.speech_ending.search(text, start, end)):
            return _Hedging(True)
        local.append((start, end))
    return _Hedging(False, tuple(local))


def _hedged(index: _DocumentIndex, sentence_no: int, figure: Mention, language: _Language) -> bool:
    """Whether the figure rests on a possibility (modal words, conditional mood: anywhere in the
    sentence) or on someone's word (a reporting cue in the figure's clause, or opening its own
    clause, or in a clause that ends with a speech verb)."""
    sentence = index.sentences[sentence_no]
    hedging = index.cached(("hedging", sentence_no), lambda: _sentence_hedging(sentence.text, language))
    at = figure.start - sentence.start
    return hedging.whole or any(a <= at < b for a, b in hedging.clauses)
