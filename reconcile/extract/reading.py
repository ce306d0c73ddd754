"""What one figure's sentence and context offer its frame, read once and shared by the resolvers.

The slots depend on each other in one direction, and :class:`_Reading` exposes each step under a
name: the figure's own object (:data:`~reconcile.extract.object.OWN_OBJECT_RESOLVERS`), then its
own action (:data:`~reconcile.extract.action.OWN_ACTION_RESOLVERS`, which reads that object), the
subject named in the sentence, the frame carried from context when the sentence names no
subject or no product, then the final action, stage, object, period and subject.
"""

from __future__ import annotations

import functools
from typing import Any

from reconcile.dates import PeriodMention
from reconcile.extract.context import (
    _METRIC_ACTIONS,
    _NO_OBJECT_ACTIONS,
    _OWNER_ACTIONS,
    _Context,
    _Frame,
)
from reconcile.extract.index import _DocumentIndex, _outside_relatives
from reconcile.extract.language import _common, _fold, _Language
from reconcile.extract.object import _countable
from reconcile.extract.resolvers import Decision, Resolver, decide, first
from reconcile.extract.sentences import Sentence, _clause_of
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

_OBJECT_CARRY_SENTENCES = 2
"""How many sentences back the previous claim's frame may lend its product (and so its action and
period) to a figure that names a subject but no product."""


class _Reading:
    """One figure in its sentence: the words around it and the frame slots decided so far."""

    def __init__(self, mention: Mention, sentence_no: int, index: _DocumentIndex, context: _Context,
                 lexicon: Lexicon, language: _Language) -> None:
        self.mention = mention
        self.quantity: Quantity = mention.quantity
        self.sentence_no = sentence_no
        self.index = index
        self.context = context
        self.lexicon = lexicon
        self.language = language
        self.text = index.text
        self.sentence: Sentence = index.sentences[sentence_no]

    def decide(self, slot: str, resolvers: tuple[Resolver[_Reading, Any], ...]) -> Decision[Any]:
        return decide(slot, resolvers, self, self.text)

    # -- what the sentence holds ----------------------------------------------------------------

    @functools.cached_property
    def clause(self) -> tuple[int, int]:
        """Document offsets of the figure's clause."""
        return _clause_of(self.mention, self.sentence)

    @functools.cached_property
    def after(self) -> str:
        """The rest of the sentence after the figure."""
        return self.text[self.mention.end : self.sentence.end]

    @functools.cached_property
    def actors(self) -> list[LexMatch]:
        """Actors that may be the subject, outside relative clauses the figure is not in."""
        return _outside_relatives(self.index.subjects(self.sentence_no), self.mention, self.sentence, self.language)

    @functools.cached_property
    def products(self) -> list[LexMatch]:
        """Products the figure can count, outside relative clauses the figure is not in; for a
        percentage only those of its own clause ("15 % de ses ventes de H20")."""
        products = _countable(self.index.products(self.sentence_no), self.quantity)
        products = _outside_relatives(products, self.mention, self.sentence, self.language)
        if self.quantity.kind == "percent":
            products = [p for p in products if self.clause[0] <= p.start and p.end <= self.clause[1]]
        return products

    @functools.cached_property
    def actions(self) -> list[LexMatch]:
        """Action words of the sentence."""
        return self.index.actions(self.sentence_no)

    @functools.cached_property
    def clause_actions(self) -> list[LexMatch]:
        return [a for a in self.actions if self.clause[0] <= a.start and a.end <= self.clause[1]]

    @functools.cached_property
    def anaphors(self) -> list[tuple[int, int]]:
        """Words pointing at an actor before the figure ("Elle", "The company")."""
        return [(s.start, s.end) for s in self.index.anaphors.within(self.sentence.start, self.mention.start)]

    @functools.cached_property
    def periods(self) -> list[PeriodMention]:
        """Periods that may date the figure: a percentage is not dated by a clause after its own
        ("a bondi de près de 3 %, porté par des commandes ... d'ici fin 2026")."""
        periods = self.index.periods(self.sentence_no)
        if self.quantity.kind == "percent":
            periods = [p for p in periods if p.start < self.clause[1]]
        return periods

    # -- the figure's own reading ---------------------------------------------------------------

    @functools.cached_property
    def own_object(self) -> Decision[Any]:
        from reconcile.extract.object import OWN_OBJECT_OR_NONE

        return self.decide("object", OWN_OBJECT_OR_NONE)

    @functools.cached_property
    def action_word(self) -> LexMatch | None:
        """The action word nearest the figure (see :func:`~reconcile.extract.action._action_word`)."""
        from reconcile.extract.action import _action_word

        return _action_word(self.mention, self.actions, _common().governing, self.clause)

    @functools.cached_property
    def measure(self) -> Decision[Any]:
        """What the figure's unit and nearest action word make of it, before its own wording refines it."""
        from reconcile.extract.action import MEASURE_RESOLVERS

        return self.decide("action", MEASURE_RESOLVERS)

    @functools.cached_property
    def own_action(self) -> Decision[Any]:
        from reconcile.extract.action import OWN_ACTION_RESOLVERS

        return self.decide("action", OWN_ACTION_RESOLVERS)

    @functools.cached_property
    def deal_object(self) -> str | None:
        """The own object, unless the own action is one that takes none (a market value)."""
        return None if self.own_action.value in _NO_OBJECT_ACTIONS else _str(self.own_object.value)

    @functools.cached_property
    def maker(self) -> str | None:
        """The maker of the product bought: not the buyer ("ByteDance ... puces de Huawei"), but
        the subject of what it makes, sells or runs."""
        owner_actions = _OWNER_ACTIONS | {"produce"}
        if self.deal_object and self.own_action.value not in owner_actions:
            return self.lexicon.product_owner(self.deal_object)
        return None

    @functools.cached_property
    def named_subject(self) -> Decision[Any] | None:
        from reconcile.extract.subject import NAMED_SUBJECT_RESOLVERS

        return first("subject", NAMED_SUBJECT_RESOLVERS, self, self.text)

    @functools.cached_property
    def subject_carried(self) -> bool:
        """The sentence names no subject, and the figure is not its product's owner's (a price, users)."""
        owned = self.own_action.value in _OWNER_ACTIONS and self.deal_object \
            and self.lexicon.product_owner(self.deal_object)
        return self.named_subject is None and not owned

    @functools.cached_property
    def carried(self) -> tuple[_Frame | None, int]:
        """The frame carried into the figure and the sentence it comes from: for a sentence with no
        subject, the one :func:`~reconcile.extract.subject._carried` finds; for a figure with no
        product, the previous claim's frame when it is at most :data:`_OBJECT_CARRY_SENTENCES` back."""
        from reconcile.extract.subject import _carried

        context = self.context
        if self.subject_carried:
            candidates = self.language.descriptions.get(_fold(self.text[self.anaphors[-1][0] : self.anaphors[-1][1]])) \
                if self.anaphors else None
            return _carried(self.index, self.sentence_no, context, self.language, self.lexicon, bool(self.anaphors),
                            candidates, self.maker)
        if self.deal_object is None and context.claim_frame is not None \
                and self.sentence_no - context.claim_sentence <= _OBJECT_CARRY_SENTENCES:
            return context.claim_frame, context.claim_sentence
        return None, -1

    @functools.cached_property
    def carried_deal(self) -> _Frame | None:
        """The carried frame when it may lend its action, product and period: a metric (users,
        value) is a state of its subject, so no deal's frame carries into it, nor does a
        metric's frame carry into a deal."""
        frame = self.carried[0]
        if frame is None or self.own_action.value in _METRIC_ACTIONS or frame.action in _METRIC_ACTIONS:
            return None
        return frame

    def carried_span(self) -> tuple[int | None, int | None]:
        """The span of the sentence the carried frame comes from; for the only actor a description
        fits ("Le groupe de Hangzhou" with no actor named before), the description."""
        number = self.carried[1]
        if number < 0:
            return self.anaphors[-1] if self.anaphors else (None, None)
        sentence = self.index.sentences[number]
        return sentence.start, sentence.end

    # -- the decided slots ----------------------------------------------------------------------

    @functools.cached_property
    def step_action(self) -> Decision[Any]:
        """The action before a modal of possibility is applied: the step of the deal."""
        from reconcile.extract.action import STEP_ACTION_RESOLVERS

        return self.decide("action", STEP_ACTION_RESOLVERS)

    @functools.cached_property
    def action(self) -> Decision[Any]:
        from reconcile.extract.action import ACTION_RESOLVERS

        return self.decide("action", ACTION_RESOLVERS)

    @functools.cached_property
    def stage(self) -> Decision[Any]:
        from reconcile.extract.stage import STAGE_RESOLVERS

        return self.decide("stage", STAGE_RESOLVERS)

    @functools.cached_property
    def object(self) -> Decision[Any]:
        from reconcile.extract.object import OBJECT_RESOLVERS

        return self.decide("object", OBJECT_RESOLVERS)

    @functools.cached_property
    def story_subject(self) -> Decision[Any]:
        """The subject before a price's or an app's owner is put in: whose story the figure tells."""
        from reconcile.extract.subject import STORY_SUBJECT_RESOLVERS

        return self.decide("subject", STORY_SUBJECT_RESOLVERS)

    @functools.cached_property
    def subject(self) -> Decision[Any]:
        from reconcile.extract.subject import SUBJECT_RESOLVERS

        return self.decide("subject", SUBJECT_RESOLVERS)

    @functools.cached_property
    def period(self) -> Decision[Any]:
        from reconcile.extract.period import PERIOD_RESOLVERS

        return self.decide("period", PERIOD_RESOLVERS)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None

