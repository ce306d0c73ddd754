"""The subject slot: the actor a figure is about, named in its sentence or carried from context."""

from __future__ import annotations

from reconcile.extract.context import _Context, _Frame
from reconcile.extract.index import _DocumentIndex, _family
from reconcile.extract.language import _common, _fold, _Language
from reconcile.extract.object import _object
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

_OBJECT_CARRY_SENTENCES = 2
_SUBJECT_SCAN_SENTENCES = 3


def _group(actors: list[LexMatch], chosen: int, text: str, language: _Language) -> str | tuple[str, ...]:
    """The chosen actor, or the sorted tuple of the actors joined to it ("A, B et C")."""
    joined = lambda a, b: _fold(text[a.end : b.start]) in language.joiners
    first = last = chosen
    while first > 0 and joined(actors[first - 1], actors[first]):
        first -= 1
    while last + 1 < len(actors) and joined(actors[last], actors[last + 1]):
        last += 1
    names = sorted({a.canonical for a in actors[first : last + 1]})
    return names[0] if len(names) == 1 else tuple(names)


def _fits(subject: str | tuple[str, ...] | None, candidates: frozenset[str] | None, maker: str | None = None) -> bool:
    if subject is None or subject == maker:
        return False
    if candidates is None:
        return True
    return all(s in candidates for s in subject) if isinstance(subject, tuple) else subject in candidates


def _actor_frame(index: _DocumentIndex, number: int, language: _Language, lexicon: Lexicon,
                 candidates: frozenset[str] | None, maker: str | None = None) -> _Frame | None:
    """The frame of a sentence that names an actor fitting ``candidates``: its first such actor,
    with its product and its one period."""
    actors = index.subjects(number)
    chosen = next((i for i, a in enumerate(actors) if _fits(a.canonical, candidates, maker)), None)
    if chosen is None:
        return None
    sentence = index.sentences[number]
    products = [p for p in index.products(number) if _common().count_units.get(p.canonical) != "user"]
    periods = [p for p in index.periods(number) if p.period is not None]
    end_marker = Mention(sentence.end, sentence.end, "", Quantity.exact(0))
    obj = _object(end_marker, products, lexicon) if products else _family(index, number)
    subject = _group(actors, chosen, index.text, language)
    if not _fits(subject, candidates, maker):
        # A description picks one of the actors listed ("Alibaba, ByteDance et Tencent ... Le géant
        # de Hangzhou"): that one, not the group.
        subject = actors[chosen].canonical
    return _Frame(subject, "other", obj, periods[0].period if len(periods) == 1 else None)


def _carried(index: _DocumentIndex, sentence_no: int, context: _Context, language: _Language,
             lexicon: Lexicon, refers_to_actor: bool = False,
             candidates: frozenset[str] | None = None, maker: str | None = None) -> tuple[_Frame | None, int]:
    """The frame carried into a sentence with no subject of its own.

    A sentence whose subject is a deal ("Ce partenariat à 5,6 milliards ...", "The chips are
    priced ...") continues the previous claim's story: its frame. A sentence that points at an
    actor ("The company plans ...", "Its app ...", "Le groupe de Hangzhou ...") means the last
    actor named or resolved before it: the previous claim's subject, unless a later sentence
    (with no figure) names an actor, whose first actor is taken with its product and period.
    A description with known candidates ("the e-commerce giant" -> Alibaba) skips actors it
    cannot describe, and stands for its only candidate when none was named; the maker of the
    product bought is skipped too ("ByteDance ordered H20 chips. Nvidia declined to comment.
    It has received 30,000" is ByteDance).
    """
    claim = context.claim_frame if context.claim_frame is not None and context.claim_frame.subject is not None else None
    if refers_to_actor and claim is not None and claim.seller_unnamed:
        claim = None  # "Le groupe" points at an actor named, not at the seller a price implies
    claim_sentence = context.claim_sentence if claim is not None else -1
    if not refers_to_actor and claim is not None:
        return claim, claim_sentence
    first = max(-1, sentence_no - 1 - _SUBJECT_SCAN_SENTENCES)
    for back in range(sentence_no - 1, first, -1):
        if claim is not None and back <= claim_sentence and _fits(claim.subject, candidates, maker):
            return claim, claim_sentence
        frame = _actor_frame(index, back, language, lexicon, candidates, maker)
        if frame is not None:
            return frame, back
    if claim is not None and _fits(claim.subject, candidates, maker):
        return claim, claim_sentence
    if candidates is not None and len(candidates) == 1:
        return _Frame(next(iter(candidates)), "other", None, None), -1
    return None, -1


def _subject(figure: Mention, actors: list[LexMatch], owner: str | None, anaphor_before: bool,
             text: str, language: _Language) -> str | tuple[str, ...] | None:
    """The subject named in the sentence, or None when it must be carried."""
    before = [i for i, a in enumerate(actors) if a.end <= figure.start and a.canonical != owner]
    if before:
        return _group(actors, before[-1], text, language)
    if anaphor_before or not actors:
        return None
    after = [i for i, a in enumerate(actors) if a.start >= figure.end and a.canonical != owner]
    if after:
        return _group(actors, after[0], text, language)
    owners = [i for i, a in enumerate(actors) if a.canonical == owner]
    return _group(actors, owners[0], text, language) if owners else None
