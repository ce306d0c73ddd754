"""The hedged slot: whether a figure rests on a possibility or on someone's word.

:data:`HEDGE_RESOLVERS`, in order of precedence:

- ``modal_words``: modal words anywhere in the sentence ("is said to be", "expected to");
- ``conditional_mood``: the conditional mood anywhere in the sentence ("aurait commandé");
- ``reported_speech``: a reporting cue opening a clause, or in a clause that ends with a speech
  verb ("selon Reuters, ...", "..., sources said"): the whole sentence is someone's word;
- ``estimate_in_clause``: an estimate in the figure's clause ("pour un montant estimé à ...");
- ``report_in_clause``: a reporting cue in the figure's clause ("according to data from ...");
- ``not_hedged``: no hedge.

Decision: "selon Reuters" / "according to data from QuestMobile" hedge, as the development gold
sets say, although the blind sets' annotators count a plain named attribution as no hedge;
"Reuters reported" is not a hedge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from reconcile.extract.index import _DocumentIndex
from reconcile.extract.language import _fold, _Language
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.sentences import _clauses

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading


@attrs.frozen
class _Cue:
    """A hedging cue of a sentence: the rule that reads it, its offsets in the sentence, and the
    clause it hedges (``None``: the whole sentence)."""

    rule: str
    start: int
    end: int
    clause: tuple[int, int] | None = None


@attrs.frozen
class _Hedging:
    """How a sentence hedges its figures: all of them, or those of some clauses."""

    cues: tuple[_Cue, ...] = ()

    def cue_for(self, rule: str, at: int) -> _Cue | None:
        """The first cue of ``rule`` that hedges the figure at sentence offset ``at``."""
        return next((c for c in self.cues if c.rule == rule and (c.clause is None or c.clause[0] <= at < c.clause[1])),
                    None)


def _sentence_hedging(text: str, language: _Language) -> _Hedging:
    """How a sentence hedges its figures (see the module docstring).

    >>> from reconcile.extract.language import _language
    >>> _sentence_hedging("It ordered 9000 chips, for an estimated $2bn.", _language("en"))
    _Hedging(cues=(_Cue(rule='estimate_in_clause', start=27, end=39, clause=(23, 45)),))
    """
    if language.modal and (modal := language.modal.search(text)):
        return _Hedging((_Cue("modal_words", modal.start(), modal.end()),))
    if language.conditional:
        for match in language.conditional.finditer(text):
            if _fold(match.group(0)) not in language.not_conditional:
                return _Hedging((_Cue("conditional_mood", match.start(), match.end()),))
    clauses = _clauses(text)
    clause_of = lambda at: next(((a, b) for a, b in clauses if a <= at < b), (0, len(text)))
    local: list[_Cue] = []
    if language.estimates:
        # An estimate hedges the figure it qualifies, in its own clause ("pour un montant estimé à
        # 1,2 milliard"), not the other figures of the sentence.
        for cue in language.estimates.finditer(text):
            local.append(_Cue("estimate_in_clause", cue.start(), cue.end(), clause_of(cue.start())))
    if not language.reported:
        return _Hedging(tuple(local))
    for cue in language.reported.finditer(text):
        start, end = clause_of(cue.start())
        if cue.start() == start or (language.speech_ending is not None and language.speech_ending.search(text, start, end)):
            return _Hedging((_Cue("reported_speech", cue.start(), cue.end()),))
        local.append(_Cue("report_in_clause", cue.start(), cue.end(), (start, end)))
    return _Hedging(tuple(local))


def _hedging_of(index: _DocumentIndex, sentence_no: int) -> _Hedging:
    """The hedging of a sentence of the index, read once."""
    if sentence_no not in index.hedging:
        index.hedging[sentence_no] = _sentence_hedging(index.sentences[sentence_no].text, index.language)
    return index.hedging[sentence_no]


def _cue_rule(rule: str) -> Resolver[_Reading, Any]:
    """The resolver that hedges a figure when a cue of ``rule`` covers it."""

    def read(reading: _Reading) -> Found[Any] | None:
        sentence = reading.sentence
        cue = _hedging_of(reading.index, reading.sentence_no).cue_for(rule, reading.mention.start - sentence.start)
        return Found(True, "explicit", sentence.start + cue.start, sentence.start + cue.end) if cue else None

    return Resolver(rule, read)


@resolver("not_hedged")
def _not_hedged(reading: _Reading) -> Found[Any] | None:
    return Found(False, "default")


HEDGE_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (
    _cue_rule("modal_words"),
    _cue_rule("conditional_mood"),
    _cue_rule("reported_speech"),
    _cue_rule("estimate_in_clause"),
    _cue_rule("report_in_clause"),
    _not_hedged,
)
"""The hedged slot, in order of precedence (see the module docstring)."""
