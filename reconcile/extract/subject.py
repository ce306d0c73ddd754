"""The subject slot: the actor a figure is about, named in its sentence or carried from context.

:data:`SUBJECT_RESOLVERS`, in order of precedence:

- ``product_owner``: the owner of the object for a unit price (the seller: Nvidia sets the H200's
  price, whoever pays it) and for an app's users (ByteDance for Doubao);
- ``actor_in_segment``: after a colon or a semicolon, the figure's own segment decides: its
  nearest actor before the figure, the maker of the object only when no other is there ("Une
  commande que Washington vient de geler : Nvidia a annoncé une charge de 5,5 milliards");
- ``actor_before``: the nearest actor before the figure that is not the maker of the object, a
  sorted tuple when several are joined ("Alibaba, ByteDance et Tencent"). Actors that cannot be
  the subject are skipped: those of a relative clause the figure is not in, a maker named as an
  adjective ("Huawei units"), a complement put first ("À Huawei, ByteDance a commandé");
- ``actor_after``: with no word pointing back before the figure, the first actor after it;
- ``maker_named``: the maker of the object, when it is the only actor named;
- ``carried_subject``: a sentence that names no subject takes it from context (:func:`_carried`):
  the previous claim's, or the last actor named, that a description can fit;
- ``no_subject``: none.

:data:`STORY_SUBJECT_RESOLVERS` is that list without ``product_owner``: whose story the figure
tells, which decides whether a period carries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reconcile.extract.context import _OWNER_ACTIONS, _Context, _Frame
from reconcile.extract.index import _DocumentIndex, _family
from reconcile.extract.language import _common, _fold, _Language
from reconcile.extract.object import _object
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading

_SUBJECT_SCAN_SENTENCES = 3
"""How many sentences back a sentence with no subject looks for the actor it means."""


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
    best = _object(end_marker, products, lexicon) if products else None
    family = _family(index, number) if not products else None
    obj = best.canonical if best else (family[0] if family else None)
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


# ---------------------------------------------------------------------------------------------
# Resolvers


def _named(reading: _Reading, index: int) -> Found[Any]:
    actor = reading.actors[index]
    return Found(_group(reading.actors, index, reading.text, reading.language), "explicit", actor.start, actor.end)


@resolver("product_owner")
def _product_owner(reading: _Reading) -> Found[Any] | None:
    obj = reading.object
    owner = reading.lexicon.product_owner(obj.value) if obj.value else None
    if not owner or reading.action.value not in _OWNER_ACTIONS:
        return None
    return Found(owner, obj.evidence.origin, obj.evidence.start, obj.evidence.end)


_SEGMENT_BREAKS = (":", ";")


@resolver("actor_in_segment")
def _actor_in_segment(reading: _Reading) -> Found[Any] | None:
    start, figure = reading.sentence.start, reading.mention.start
    cut = max(reading.text.rfind(mark, start, figure) for mark in _SEGMENT_BREAKS)
    if cut < 0:
        return None
    inside = [i for i, a in enumerate(reading.actors) if cut < a.start and a.end <= figure]
    others = [i for i in inside if reading.actors[i].canonical != reading.maker]
    chosen = others or inside
    return _named(reading, chosen[-1]) if chosen else None


@resolver("actor_before")
def _actor_before(reading: _Reading) -> Found[Any] | None:
    before = [i for i, a in enumerate(reading.actors) if a.end <= reading.mention.start and a.canonical != reading.maker]
    return _named(reading, before[-1]) if before else None


@resolver("actor_after")
def _actor_after(reading: _Reading) -> Found[Any] | None:
    if reading.anaphors:
        return None
    after = [i for i, a in enumerate(reading.actors) if a.start >= reading.mention.end and a.canonical != reading.maker]
    return _named(reading, after[0]) if after else None


@resolver("maker_named")
def _maker_named(reading: _Reading) -> Found[Any] | None:
    if reading.anaphors:
        return None
    owners = [i for i, a in enumerate(reading.actors) if a.canonical == reading.maker]
    return _named(reading, owners[0]) if owners else None


@resolver("carried_subject")
def _carried_subject(reading: _Reading) -> Found[Any] | None:
    frame = reading.carried[0]
    if not reading.subject_carried or frame is None:
        return None
    return Found(frame.subject, "carried", *reading.carried_span())


@resolver("no_subject")
def _no_subject(reading: _Reading) -> Found[Any] | None:
    return Found(None, "default")


NAMED_SUBJECT_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_actor_in_segment, _actor_before, _actor_after, _maker_named)
"""The subject the figure's own sentence names."""

STORY_SUBJECT_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (*NAMED_SUBJECT_RESOLVERS, _carried_subject, _no_subject)
"""Whose story the figure tells: the subject before a price's or an app's owner is put in."""

SUBJECT_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_product_owner, *STORY_SUBJECT_RESOLVERS)
"""The subject slot, in order of precedence (see the module docstring)."""
