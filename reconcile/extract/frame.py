"""The frame of one figure: every slot decided by its list of named resolvers, with evidence.

The lists, each in order of precedence, live beside the rules they name:
:data:`~reconcile.extract.subject.SUBJECT_RESOLVERS`, :data:`~reconcile.extract.action.ACTION_RESOLVERS`,
:data:`~reconcile.extract.object.OBJECT_RESOLVERS`, :data:`~reconcile.extract.period.PERIOD_RESOLVERS`,
:data:`~reconcile.extract.stage.STAGE_RESOLVERS`, :data:`~reconcile.extract.hedge.HEDGE_RESOLVERS` and
:data:`~reconcile.extract.attribution.ATTRIBUTION_RESOLVERS`.
"""

from __future__ import annotations

import attrs

from reconcile.extract.attribution import ATTRIBUTION_RESOLVERS, _CreditQuery
from reconcile.extract.context import _Context, _Frame
from reconcile.extract.figures import _with_count_unit
from reconcile.extract.hedge import HEDGE_RESOLVERS
from reconcile.extract.index import _DocumentIndex
from reconcile.extract.language import _Language
from reconcile.extract.reading import _Reading
from reconcile.extract.resolvers import Decision, decide
from reconcile.lexicon import Lexicon
from reconcile.model import Evidence, Mention, Quantity


@attrs.frozen
class _Read:
    """One figure's frame, its quantity (``None``: not a claim) and the evidence of every slot."""

    frame: _Frame
    quantity: Quantity | None
    hedged: bool = False
    attributed_to: str | None = None
    evidence: tuple[Evidence, ...] = ()
    stage: str = "actual"


def _read_frame(mention: Mention, sentence_no: int, index: _DocumentIndex, context: _Context,
                lexicon: Lexicon, language: _Language) -> _Read:
    """Subject, action, stage, object and period of one figure, its hedge and credit, and its quantity."""
    reading = _Reading(mention, sentence_no, index, context, lexicon, language)
    subject, action, obj, period = reading.subject, reading.action, reading.object, reading.period
    owner = lexicon.product_owner(obj.value) if obj.value else None
    # The seller a unit price implies, not named in its sentence: a later "Le groupe" does not mean it.
    seller_unnamed = bool(owner) and action.value == "price" \
        and all(a.canonical != owner for a in index.actors(sentence_no))
    frame = _Frame(subject.value, action.value, obj.value, period.value, seller_unnamed)
    quantity = _with_count_unit(mention.quantity, obj.value, lexicon)
    if quantity.kind == "number" and not quantity.unit and obj.value is None:
        return _Read(frame, None)  # a bare figure with nothing it could count
    hedged: Decision[bool] = decide("hedged", HEDGE_RESOLVERS, reading, index.text)
    query = _CreditQuery(index, sentence_no, mention, subject.value)
    credit: Decision[str | None] = decide("attributed_to", ATTRIBUTION_RESOLVERS, query, index.text)
    stage = reading.stage
    evidence = (subject.evidence, action.evidence, stage.evidence, obj.evidence, period.evidence, hedged.evidence,
                credit.evidence)
    return _Read(frame, quantity, hedged.value, credit.value, evidence, stage.value)
