"""The action slot (the measure): what a figure counts of a deal or a company, from its words and units.

:data:`ACTION_RESOLVERS`, in order of precedence:

- ``possibility_plan``: a purchase step under a modal of possibility ("could also take up to
  20,000 units", "pourrait acheter") is a ``plan``; it refines the step the rest of the list
  reads (:data:`STEP_ACTION_RESOLVERS`);
- ``carried_step``: a sentence with no action word whose frame is carried ("Elle n'en aurait reçu
  que 30 000" after an order) continues the carried step, measured by this figure's unit;
- ``order_amount``: the sum an order verb governs is the order's ("ont commandé pour 16 milliards");
  it refines the measure (:data:`MEASURE_RESOLVERS`) when that is spending or a price;
- ``crossing_value``: a sum a company crosses ("franchissait les 1 000 milliards de dollars") in a
  sentence with no action word and no product is its market ``value``; it refines a measure of
  ``other``;
- ``budget_share``: a share of a budget is spending ("40% of that chip budget");
- ``unit_measure``: what the unit says whatever the words: users are ``users``, a percentage is a
  change or a share (``other``), a sum "each" is a ``price``, a sum earned is ``other``;
- ``action_word``: the action word nearest the figure, in its clause first, a permission or plan
  governing the purchase it names ("approved to buy" is ``approve``), measured by the unit
  (money on a purchase step is ``spend``, a count spent is ``buy``, ...);
- ``product_spending``: a sum with no action word that names the product it buys is ``spend``;
- ``no_action_word``: ``other``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reconcile.extract.context import _METRIC_ACTIONS, _SPENDING_STEPS
from reconcile.extract.language import _Language
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.spans import _distance
from reconcile.lexicon import LexMatch
from reconcile.model import Mention, Quantity

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading

_TAKINGS_WINDOW = 40
"""Characters after a sum in which a word for money earned ("in revenue", "de chiffre d'affaires")
makes it takings, not spending."""


def _action_word(figure: Mention, actions: list[LexMatch], governing: Mapping[str, frozenset[str]],
                 clause: tuple[int, int] | None = None) -> LexMatch | None:
    """The action word nearest the figure, within its clause when the clause has one ("Nvidia,
    dont la valorisation dépasse X, vend chaque H20 Y": X is a value, Y a price); the word of a
    permission or a plan before the figure when it governs the word found ("approved to buy")."""
    if not actions:
        return None
    in_clause = [a for a in actions if clause and clause[0] <= a.start and a.end <= clause[1]]
    nearest = min(in_clause or actions, key=lambda a: (_distance(a.start, a.end, figure), a.start > figure.start))
    for ruler, governed in governing.items():
        if nearest.canonical in governed:
            ruling = next((a for a in actions if a.canonical == ruler and a.end <= figure.start), None)
            if ruling is not None:
                return ruling
    return nearest


def _unit_measure(quantity: Quantity, after: str, language: _Language) -> tuple[str, int, int] | None:
    """The action a figure's unit makes of it whatever the words, and the offsets (in ``after``,
    the rest of its sentence; ``(0, 0)``: the figure itself) of what said so.

    >>> from reconcile.extract.language import _language
    >>> _unit_measure(Quantity.exact(27000, "USD", "money"), " each, one person said.", _language("en"))
    ('price', 1, 5)
    """
    if quantity.unit == "user":
        return "users", 0, 0
    if quantity.kind == "percent":
        return "other", 0, 0  # a rise or a share, not an amount of any step ("dépenses en hausse de 221 %")
    if quantity.kind != "money":
        return None
    lead = len(after) - len(after.lstrip())
    if language.unit_price and (match := language.unit_price.match(after.lstrip())) and match.start() == 0:
        return "price", lead + match.start(), lead + match.end()
    if language.takings and (match := language.takings.search(after[:_TAKINGS_WINDOW])):
        return "other", match.start(), match.end()  # money earned, not spent
    return None


def _word_measure(quantity: Quantity, action: str | None, actions: list[LexMatch], obj: str | None) -> str:
    """The action a figure's kind makes of the action word found near it (None: no word).

    Money with no action word is spending when its sentence names the product it buys ("a
    40 billion yuan deal for Ascend chips"), else ``other``: a sum alone says nothing of what was
    done with it. ``actions`` are the action words of the figure's clause.
    """
    if quantity.kind == "money":
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


def _metric(quantity: Quantity, action: str | None, actions: list[LexMatch], obj: str | None, after: str,
            language: _Language) -> str:
    """The action a figure's unit and context make of the action word found near it."""
    unit = _unit_measure(quantity, after, language)
    return unit[0] if unit else _word_measure(quantity, action, actions, obj)


# ---------------------------------------------------------------------------------------------
# Resolvers


@resolver("possibility_plan")
def _possibility_plan(reading: _Reading) -> Found[Any] | None:
    prospective, step = reading.language.prospective, reading.step_action.value
    if prospective is None or step == "plan" or reading.lexicon.action_stage(step) is None:
        return None
    cue = prospective.search(reading.text, reading.sentence.start, reading.mention.start)
    return Found("plan", "explicit", cue.start(), cue.end()) if cue else None


@resolver("carried_step")
def _carried_step(reading: _Reading) -> Found[Any] | None:
    carried = reading.carried_deal
    if carried is None or reading.actions or carried.action == "other":
        return None
    measure = _metric(reading.quantity, carried.action, [], reading.deal_object, reading.after, reading.language)
    return Found(measure, "carried", *reading.carried_span())


@resolver("order_amount")
def _order_amount(reading: _Reading) -> Found[Any] | None:
    if reading.quantity.kind != "money" or reading.measure.value not in ("spend", "price"):
        return None
    start = reading.clause[0]
    before = reading.text[start : reading.mention.start]
    for pattern in reading.language.order_amounts:
        match = pattern.search(before)
        if match:
            return Found("order", "explicit", start + match.start(), start + match.end())
    return None


@resolver("crossing_value")
def _crossing_value(reading: _Reading) -> Found[Any] | None:
    thresholds = reading.language.thresholds
    if reading.measure.value != "other" or reading.actions or reading.own_object.value is not None \
            or reading.quantity.kind != "money" or thresholds is None:
        return None
    match = thresholds.search(reading.text, reading.clause[0], reading.mention.end)
    return Found("value", "explicit", match.start(), match.end()) if match else None


@resolver("budget_share")
def _budget_share(reading: _Reading) -> Found[Any] | None:
    if reading.quantity.kind != "percent":
        return None
    for pattern in reading.language.budget_shares:
        match = pattern.match(reading.after)
        if match:
            return Found("spend", "explicit", reading.mention.end + match.start(), reading.mention.end + match.end())
    return None


@resolver("unit_measure")
def _unit_measure_resolver(reading: _Reading) -> Found[Any] | None:
    unit = _unit_measure(reading.quantity, reading.after, reading.language)
    if unit is None:
        return None
    measure, start, end = unit
    if start == end:
        return Found(measure, "explicit", reading.mention.start, reading.mention.end)
    return Found(measure, "explicit", reading.mention.end + start, reading.mention.end + end)


@resolver("action_word")
def _action_word_resolver(reading: _Reading) -> Found[Any] | None:
    word = reading.action_word
    if word is None:
        return None
    measure = _word_measure(reading.quantity, word.canonical, reading.clause_actions, reading.own_object.value)
    return Found(measure, "explicit", word.start, word.end)


@resolver("product_spending")
def _product_spending(reading: _Reading) -> Found[Any] | None:
    own = reading.own_object
    if reading.quantity.kind != "money" or own.value is None:
        return None
    return Found("spend", own.evidence.origin, own.evidence.start, own.evidence.end)


@resolver("no_action_word")
def _no_action_word(reading: _Reading) -> Found[Any] | None:
    return Found("other", "default")


MEASURE_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (
    _unit_measure_resolver,
    _action_word_resolver,
    _product_spending,
    _no_action_word,
)
"""What the figure's unit and its nearest action word make of it."""

OWN_ACTION_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (
    _order_amount,
    _crossing_value,
    _budget_share,
    *MEASURE_RESOLVERS,
)
"""The action read in the figure's own sentence."""

STEP_ACTION_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_carried_step, *OWN_ACTION_RESOLVERS)
"""The step of the deal, before a modal of possibility."""

ACTION_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_possibility_plan, *STEP_ACTION_RESOLVERS)
"""The action slot, in order of precedence (see the module docstring)."""
