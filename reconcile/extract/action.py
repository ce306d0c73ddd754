"""The action slot (the measure): what a figure counts of a deal or a company, from its words and units."""

from __future__ import annotations

from collections.abc import Mapping

from reconcile.extract.language import _Language, _language  # noqa: F401  (_language: doctests)
from reconcile.extract.sentences import Sentence
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

# Actions whose figure is a state of the subject, not a step of a deal on a product: their
# object is dropped ("value") or kept (users of an app), and no frame is carried into them.
_METRIC_ACTIONS = frozenset({"value", "users"})
_NO_OBJECT_ACTIONS = frozenset({"value"})
# Steps of a purchase whose money figure is what was spent on it.
_SPENDING_STEPS = frozenset({"plan", "approve", "order", "buy", "receive", "spend"})
# Actions whose subject is the product's owner: the seller sets a unit price (Nvidia sells the
# H200 at $27,000 each, whoever pays it), and an app's users are its owner's.
_OWNER_ACTIONS = frozenset({"price", "users"})


def _action(figure: Mention, actions: list[LexMatch], governing: Mapping[str, frozenset[str]],
            clause: tuple[int, int] | None = None) -> str | None:
    """The action word nearest the figure, within its clause when the clause has one ("Nvidia,
    dont la valorisation dépasse X, vend chaque H20 Y": X is a value, Y a price)."""
    if not actions:
        return None
    in_clause = [a for a in actions if clause and clause[0] <= a.start and a.end <= clause[1]]
    nearest = min(in_clause or actions, key=lambda a: (_distance(a.start, a.end, figure), a.start > figure.start))
    chosen = nearest.canonical
    for ruler, governed in governing.items():
        if chosen in governed and any(a.canonical == ruler and a.end <= figure.start for a in actions):
            return ruler
    return chosen


def _metric(quantity: Quantity, action: str | None, actions: list[LexMatch], obj: str | None, after: str,
            language: _Language) -> str:
    """The action a figure's unit and context make of the action word found near it.

    Money with no action word is spending when its sentence names the product it buys ("a
    40 billion yuan deal for Ascend chips"), else ``other``: a sum alone says nothing of what was
    done with it.
    """
    if quantity.unit == "user":
        return "users"
    if quantity.kind == "percent":
        return "other"  # a rise or a share, not an amount of any step ("dépenses en hausse de 221 %")
    if quantity.kind == "money":
        if language.unit_price and (match := language.unit_price.match(after.lstrip())) and match.start() == 0:
            return "price"
        if language.takings and (match := language.takings.search(after[:40])):
            return "other"  # money earned, not spent
        if action == "value" and any(a.canonical not in _METRIC_ACTIONS | {"price", "other"} for a in actions):
            return "spend"
        if action == "other" or (action is None and obj is None):
            return "other"
        if action in _SPENDING_STEPS or action is None:
            return "spend"
        return action
    if quantity.kind == "count" and action == "spend":
        return "buy"
    if quantity.kind == "count" and action == "price":
        return "other"  # units sold: a count is no price
    return action or "other"


def _amount_of(action: str, mention: Mention, before: str, after: str, language: _Language) -> str:
    """The action a sum's own wording makes of it: the amount an order verb governs is the order's
    ("ont commandé pour 16 milliards de dollars"), a share of a budget is spending ("40% of
    that chip budget", "10 % de son budget informatique").

    >>> fr = _language("fr")
    >>> sum_ = Mention(0, 0, "2 milliards", Quantity.exact(2e9, "USD", "money"))
    >>> _amount_of("spend", sum_, "Alibaba a commandé pour ", " de puces.", fr)
    'order'
    >>> share = Mention(0, 0, "10 %", Quantity.exact(10, "percent", "percent"))
    >>> _amount_of("other", share, "Elle a consacré ", " de son budget aux puces.", fr)
    'spend'
    """
    quantity = mention.quantity
    if quantity.kind == "money" and action in ("spend", "price") and any(p.search(before) for p in language.order_amounts):
        return "order"
    if quantity.kind == "percent" and any(p.match(after) for p in language.budget_shares):
        return "spend"
    return action


def _prospect(action: str, mention: Mention, sentence: Sentence, text: str, language: _Language,
              lexicon: Lexicon) -> str:
    """A purchase step under a modal of possibility ("could also take up to 20,000 units",
    "pourrait acheter") is a plan."""
    if language.prospective is None or action == "plan" or lexicon.action_stage(action) is None:
        return action
    return "plan" if language.prospective.search(text, sentence.start, mention.start) else action
