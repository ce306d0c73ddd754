"""The stage slot: whether a figure is done, planned, the company's forecast, someone else's
estimate or a target (:data:`reconcile.model.STAGES`).

The cues are data, ``[stage]`` of ``reconcile/languages/<lang>/cues.toml``: one list of words per
stage ("analysts expected", "consensus" -> ``estimate``; "guidance", "expects" -> ``forecast``;
"plans to", "will", "va", "compte" -> ``plan``; "target", "objectif" -> ``target``). Where cues
overlap, the longer one is read ("analysts expected" is an estimate, not the company's "expected").

:data:`STAGE_RESOLVERS`, in order of precedence:

- ``cue_in_clause``: the cue nearest the figure in its clause ("Revenue of $9bn, ahead of the
  $8.7bn analysts expected": the second figure's clause says ``estimate``, the first's nothing);
- ``plan_action``: a figure whose action is the purchase step ``plan`` is a plan;
- ``cue_before``: the nearest cue before the figure in its sentence ("Quillfield expects revenue to
  reach $4bn"), a cue governing the clauses after it;
- ``actual``: no cue, the figure is reported as done.

>>> [(c.stage, c.text) for c in _sentence_cues("Analysts expected $3bn, and it will pay $2bn.", "en")]
[('estimate', 'Analysts expected'), ('plan', 'will pay')]
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

from reconcile import languages
from reconcile.extract.language import _phrases
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.spans import _distance
from reconcile.model import STAGES

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading

__all__ = ["STAGE_RESOLVERS"]


@attrs.frozen
class _StageCue:
    """A stage cue found in a text: the stage it says and where it stands."""

    stage: str
    start: int
    end: int
    text: str


@languages.on_change
@functools.cache
def _stage_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per stage of the language's ``[stage]`` cues, in :data:`STAGES` order."""
    cues = languages.load(lang, "cues").get("stage", {})
    patterns = ((stage, _phrases(cues.get(stage, ()))) for stage in STAGES)
    return tuple((stage, pattern) for stage, pattern in patterns if pattern is not None)


def _sentence_cues(text: str, lang: str, start: int = 0, end: int | None = None) -> list[_StageCue]:
    """The stage cues of ``text[start:end]`` in text order; a cue inside a longer one is dropped.

    >>> [c.stage for c in _sentence_cues("the consensus estimate", "en")]
    ['estimate']
    """
    end = len(text) if end is None else end
    found = [_StageCue(stage, m.start(), m.end(), m.group(0))
             for stage, pattern in _stage_patterns(lang) for m in pattern.finditer(text, start, end)]
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_StageCue] = []
    for cue in found:
        if all(cue.end <= k.start or k.end <= cue.start for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def _found(cue: _StageCue | None) -> Found[Any] | None:
    return Found(cue.stage, "explicit", cue.start, cue.end) if cue else None


@resolver("cue_in_clause")
def _cue_in_clause(reading: _Reading) -> Found[Any] | None:
    start, end = reading.clause
    cues = _sentence_cues(reading.text, reading.index.doc.lang, start, end)
    figure = reading.mention
    return _found(min(cues, key=lambda c: (_distance(c.start, c.end, figure), c.start > figure.start), default=None))


@resolver("plan_action")
def _plan_action(reading: _Reading) -> Found[Any] | None:
    action = reading.action
    if action.value != "plan":
        return None
    return Found("plan", action.evidence.origin, action.evidence.start, action.evidence.end)


@resolver("cue_before")
def _cue_before(reading: _Reading) -> Found[Any] | None:
    cues = _sentence_cues(reading.text, reading.index.doc.lang, reading.sentence.start, reading.mention.start)
    return _found(cues[-1] if cues else None)


@resolver("actual")
def _actual(reading: _Reading) -> Found[Any] | None:
    return Found("actual", "default")


STAGE_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_cue_in_clause, _plan_action, _cue_before, _actual)
"""The stage slot, in order of precedence (see the module docstring)."""
