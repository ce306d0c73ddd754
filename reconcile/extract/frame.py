"""The frame of one figure: subject, action, object and period."""

from __future__ import annotations

from reconcile.extract.action import (
    _METRIC_ACTIONS,
    _NO_OBJECT_ACTIONS,
    _OWNER_ACTIONS,
    _action,
    _amount_of,
    _metric,
    _prospect,
)
from reconcile.extract.context import _Context, _Frame
from reconcile.extract.figures import _with_count_unit
from reconcile.extract.index import _DocumentIndex, _family, _outside_relatives
from reconcile.extract.language import _common, _fold, _Language
from reconcile.extract.object import (
    _OBJECT_CARRY_SENTENCES,
    _countable,
    _may_carry_object,
    _object,
)
from reconcile.extract.period import _period, _same_story
from reconcile.extract.sentences import _clause_of
from reconcile.extract.subject import _carried, _subject
from reconcile.lexicon import Lexicon
from reconcile.model import Mention, Quantity


def _read_frame(mention: Mention, sentence_no: int, index: _DocumentIndex, context: _Context,
                lexicon: Lexicon, language: _Language) -> tuple[_Frame, Quantity | None]:
    """Subject, action, object and period of one figure, and its quantity (None: not a claim)."""
    sentence = index.sentences[sentence_no]
    actors = _outside_relatives(index.subjects(sentence_no), mention, sentence, language)
    products = _outside_relatives(_countable(index.products(sentence_no), mention.quantity), mention, sentence, language)
    actions = index.actions(sentence_no)
    after = index.text[mention.end : sentence.end]

    clause = _clause_of(mention, sentence)
    if mention.quantity.kind == "percent":
        # A share or a move is of what its own clause names ("15 % de ses ventes de H20"), if anything.
        products = [p for p in products if clause[0] <= p.start and p.end <= clause[1]]
    obj = _object(mention, products, lexicon)
    if mention.noun and obj is None:
        noun_products = lexicon.find_products(mention.noun, index.doc.lang)
        obj = _object(Mention(0, 0, "", mention.quantity), noun_products, lexicon) if noun_products else None
    if obj is None and mention.quantity.unit not in ("user", "percent"):
        obj = _family(index, sentence_no)
    in_clause = [a for a in actions if clause[0] <= a.start and a.end <= clause[1]]
    action = _metric(mention.quantity, _action(mention, actions, _common().governing, clause), in_clause, obj, after,
                     language)
    action = _amount_of(action, mention, index.text[clause[0] : mention.start], after, language)
    if action == "other" and not actions and obj is None and mention.quantity.kind == "money" and language.thresholds \
            and language.thresholds.search(index.text, clause[0], mention.end):
        action = "value"  # a company crossing a sum, with no word for what it counts: its market value
    if action in _NO_OBJECT_ACTIONS:
        obj = None
    # The maker of the object is not the buyer ("ByteDance ... puces de Huawei"), but it is the
    # subject of what it makes, sells or runs.
    owner = lexicon.product_owner(obj) if obj and action not in _OWNER_ACTIONS | {"produce"} else None
    anaphors = index.within(index.anaphors, sentence.start, mention.start)
    subject = _subject(mention, actors, owner, bool(anaphors), index.text, language)
    periods = index.periods(sentence_no)
    if mention.quantity.kind == "percent":
        # A share or a move is not dated by a clause after its own ("a bondi de près de 3 %, porté
        # par des commandes ... d'ici fin 2026" is no 2026 figure); a period put first still is.
        periods = [p for p in periods if p.start < clause[1]]
    own_period = _period(mention, periods)
    period = own_period.period if own_period else None

    carried: _Frame | None = None
    subject_carried = subject is None and not (action in _OWNER_ACTIONS and obj and lexicon.product_owner(obj))
    if subject_carried:
        candidates = language.descriptions.get(_fold(index.text[anaphors[-1][0] : anaphors[-1][1]])) if anaphors else None
        carried, carried_from = _carried(index, sentence_no, context, language, lexicon, bool(anaphors), candidates, owner)
        subject = carried.subject if carried else None
    elif obj is None and context.claim_frame is not None and sentence_no - context.claim_sentence <= _OBJECT_CARRY_SENTENCES:
        carried, carried_from = context.claim_frame, context.claim_sentence
    # A metric (users, value) is a state of its subject: no deal's frame carries into it, nor
    # does a metric's frame carry into a deal.
    if carried is not None and action not in _METRIC_ACTIONS and carried.action not in _METRIC_ACTIONS:
        continues_deal = subject_carried and not anaphors
        if not actions and carried.action != "other":
            action = _metric(mention.quantity, carried.action, [], obj, after, language)
        if obj is None and _may_carry_object(mention, action, sentence_no, carried_from, continues_deal,
                                             subject == carried.subject, index, language):
            obj = carried.object
        if own_period is None and (obj == carried.object or action == carried.action) \
                and _same_story(subject, action, carried, subject_carried, actions, lexicon) \
                and not (language.so_far and language.so_far.search(index.text, clause[0], clause[1])):
            # "n'en aurait reçu que 30 000 à ce jour" counts up to now, not in the story's period
            period = carried.period
    action = _prospect(action, mention, sentence, index.text, language, lexicon)
    owner = lexicon.product_owner(obj) if obj else None
    seller_unnamed = False
    if owner and action in _OWNER_ACTIONS:
        seller_unnamed = action == "price" and all(a.canonical != owner for a in index.actors(sentence_no))
        subject = owner

    quantity = _with_count_unit(mention.quantity, obj, lexicon)
    if quantity.kind == "number" and not quantity.unit and obj is None:
        return _Frame(subject, action, obj, period), None  # a bare figure with nothing it could count
    return _Frame(subject, action, obj, period, seller_unnamed), quantity
