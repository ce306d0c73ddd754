"""What one figure's frame is, and what the claims before it leave for the next figure."""

from __future__ import annotations

import attrs

from reconcile.model import DateRange

# The vocabulary of actions the frame rules share.
_METRIC_ACTIONS = frozenset({"value", "users"})
"""Actions whose figure is a state of the subject, not a step of a deal on a product: their object
is dropped ("value") or kept (users of an app), and no frame is carried into them or out of them."""
_NO_OBJECT_ACTIONS = frozenset({"value"})
"""Actions whose figure is of no product (a company's market value)."""
_OWNER_ACTIONS = frozenset({"price", "users"})
"""Actions whose subject is the product's owner: the seller sets a unit price (Nvidia sells the
H200 at $27,000 each, whoever pays it), and an app's users are its owner's."""
_SPENDING_STEPS = frozenset({"plan", "approve", "order", "buy", "receive", "spend"})
"""Steps of a purchase whose money figure is what was spent on it."""
_LEGACY_ACTIONS = frozenset({*_SPENDING_STEPS, "users", "value", "price", "produce", "other"})
"""The actions of the purchase story (the older gold sets' vocabulary); every other id is a measure
of the lexicon's table (revenue, net_loss, share_change ...) or an unknown one (``other:<word>``)."""


def _is_measure(action: str) -> bool:
    """Whether ``action`` is a measure of a company's results or market rather than a step or a
    metric of the purchase story: it tells its own story, like ``other``, and lends no product,
    step or period to the figures after it.

    >>> _is_measure("revenue"), _is_measure("other:split"), _is_measure("order"), _is_measure("other")
    (True, True, False, False)
    """
    return action not in _LEGACY_ACTIONS


@attrs.frozen
class _Frame:
    """What a claim's frame leaves for the figures after it."""

    subject: str | tuple[str, ...] | None
    action: str
    object: str | None
    period: DateRange | None
    seller_unnamed: bool = False
    """The subject is the seller of a unit price, not named in its sentence ("Chaque H200 serait
    facturé 27 000 dollars"): a later "Le groupe" does not mean it."""


@attrs.frozen
class _Context:
    """What the previous claims and sentences of a document leave for the next figure."""

    claim_frame: _Frame | None = None
    claim_sentence: int = -1
