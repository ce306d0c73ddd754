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
- ``unit_measure``: what the unit says whatever the words: users are ``users``, a sum "each" is a
  ``price``, a sum per share with an earnings word is ``eps``, a sum earned ("$12bn in revenue")
  takes the measure its words name;
- ``percent_measure``: a percentage takes the measure word of its clause ("revenue rose 12 %" is
  ``revenue``, "shares fell 2 %" ``share_change``, "a 33 % premium" ``premium``, "a margin of
  38 %" ``margin``), else the nearest one before it in its sentence; with none it is ``other``
  (a change or a share of nothing named);
- ``action_word``: the action word nearest the figure, in its clause first, a permission or plan
  governing the purchase it names ("approved to buy" is ``approve``), measured by the unit
  (money on a purchase step is ``spend``, a count spent is ``buy``, a sum of a company bought
  with no product is its ``deal_value``, a sum of shares is a ``share_price`` ...);
- ``product_spending``: a sum with no action word that names the product it buys is ``spend``;
- ``governing_word``: a figure no measure word names takes the word that governs it in its
  clause, ``other:<word>`` (the nearest content word before it, else after it: "split into three
  companies" is ``other:split``). Decision: an unknown measure is named by its own word rather
  than pooled under one ``other`` with every unrelated figure; two figures are compared only when
  the same word governs them;
- ``no_action_word``: ``other``, for a figure whose clause holds no content word.

Measures: the lexicon's ``[[action]]`` table (``reconcile/data/lexicon/actions.toml``) holds the
purchase steps and metrics of the older gold sets (``plan`` ... ``produce``, kept as they are) and
the measures of ``evaluation/realnews/GUIDELINES.md`` (``revenue``, ``net_profit``, ``eps``,
``share_change`` ...); a user lexicon adds its own the same way. A measure is refined by the
figure's kind (:data:`KIND_MEASURES`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reconcile import languages
from reconcile.errors import ReconcileError
from reconcile.extract.context import _METRIC_ACTIONS, _SPENDING_STEPS, _is_measure
from reconcile.extract.language import _common, _fold, _Language
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.spans import _distance
from reconcile.lexicon import LexMatch
from reconcile.model import Mention, Quantity

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading

_TAKINGS_WINDOW = 40
"""Characters after a sum in which a word for money earned ("in revenue", "de chiffre d'affaires")
makes it takings, not spending."""


KIND_MEASURES: Mapping[tuple[str, str], str] = {
    ("share_change", "money"): "share_price",  # "shares closed at $80.45": a level, not a move
    ("share_price", "percent"): "share_change",  # "the share price fell 8 %": a move
    ("revenue", "count"): "receive",  # "sales of 16 million phones": units sold are deliveries
    ("eps", "percent"): "eps",
}
"""How a figure's kind refines the measure its word names: (measure, kind) -> measure."""

DEAL_MEASURE = "deal_value"
"""The measure of a takeover's price; in a sentence whose figure names a product it bought, the
deal is that purchase and its words give way to the purchase's."""

EARNINGS_MEASURES = frozenset({"net_profit", "net_loss", "eps", "operating_profit"})
"""Measures whose word makes a sum per share an ``eps`` ("net income of $6bn, or $6.43 per share")."""

_MIN_GOVERNING_LETTERS = 3
"""Shorter words ("up", "to", "in") are never taken as a figure's governing word."""
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


def _refined(measure: str, kind: str) -> str:
    """The measure a word names, as the figure's kind makes it (:data:`KIND_MEASURES`).

    >>> _refined("share_change", "money"), _refined("revenue", "money")
    ('share_price', 'revenue')
    """
    kind = "count" if kind == "number" else kind  # a bare number counts what its noun will say
    return KIND_MEASURES.get((measure, kind), measure)


def _is_other(action: str) -> bool:
    """``other`` or an unknown measure named by its word (``other:split``)."""
    return action == "other" or action.startswith("other:")


@languages.on_change
@functools.cache
def _function_words(lang: str) -> frozenset[str]:
    """Words that govern no figure: the language's function words (``detection.toml``) and its
    ``[measures] not_governing`` words (``cues.toml``: prepositions, auxiliaries)."""
    words: list[str] = []
    for part, section, key in (("detection", None, "function_words"), ("cues", "measures", "not_governing")):
        try:
            data = languages.load(lang, part)
        except ReconcileError:  # a language without that file: none of its words
            continue
        table = data.get(section, {}) if section else data
        words.extend(table.get(key, []))
    return frozenset(_fold(w) for w in words)


def _governing_word(text: str, clause: tuple[int, int], figure: Mention, lang: str) -> re.Match[str] | None:
    """The word that governs a figure no measure word names: the nearest content word before it
    in its clause, else the first after it; a content word is no function word of the language,
    not capitalised (a name) and at least :data:`_MIN_GOVERNING_LETTERS` letters long.

    >>> from reconcile.model import Quantity
    >>> text = "The group split into three companies."
    >>> m = Mention(21, 36, "three companies", Quantity.exact(3, "company", "count"))
    >>> _governing_word(text, (0, 37), m, "en").group(0)
    'split'
    """
    stop = _function_words(lang)

    def content(match: re.Match[str]) -> bool:
        word = match.group(0)  # a capitalised word is a name (the subject), not what it did
        return len(word) >= _MIN_GOVERNING_LETTERS and not word[0].isupper() and _fold(word) not in stop

    before = [m for m in _WORD.finditer(text, clause[0], figure.start) if content(m)]
    if before:
        return before[-1]
    return next((m for m in _WORD.finditer(text, figure.end, clause[1]) if content(m)), None)


def _measure_word(figure: Mention, clause_actions: list[LexMatch], actions: list[LexMatch]) -> LexMatch | None:
    """The measure word (not a step of the purchase story) that governs a figure: the nearest in
    its clause, else the nearest before it in its sentence."""
    own = [a for a in clause_actions if _is_measure(a.canonical)]
    if own:
        return min(own, key=lambda a: (_distance(a.start, a.end, figure), a.start > figure.start))
    before = [a for a in actions if _is_measure(a.canonical) and a.end <= figure.start]
    return before[-1] if before else None


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
    done with it. ``actions`` are the action words of the figure's clause. A measure word is
    refined by the kind (:data:`KIND_MEASURES`).

    >>> _word_measure(Quantity.exact(6e9, "USD", "money"), "net_profit", [], None)
    'net_profit'
    >>> _word_measure(Quantity.exact(2e9, "USD", "money"), "buy", [], None)
    'spend'
    """
    if action is not None and _is_measure(action):
        return _refined(action, quantity.kind)
    return _step_measure(quantity, action, actions, obj)


def _step_measure(quantity: Quantity, action: str | None, actions: list[LexMatch], obj: str | None) -> str:
    """The action a figure's kind makes of a word of the purchase story (see :func:`_word_measure`)."""
    if quantity.kind == "money":
        if action == "value" and any(a.canonical not in _METRIC_ACTIONS | {"price", "other"}
                                     and not _is_measure(a.canonical) for a in actions):
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
    if carried is None or reading.actions or _is_other(carried.action):
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
    if not _is_other(reading.measure.value) or reading.actions or reading.own_object.value is not None \
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
    start, end = reading.mention.end + start, reading.mention.end + end
    outside = [a for a in reading.actions if a.end <= start or end <= a.start]  # not "share" of "per share"
    earnings = _measure_word(reading.mention, [a for a in outside if a in reading.clause_actions], outside)
    if measure == "price" and earnings is not None and earnings.canonical in EARNINGS_MEASURES:
        return Found("eps", "explicit", start, end)  # "net income of $6bn, or $6.43 per share"
    if measure == "other":  # money earned: the measure its words name ("$12bn in revenue")
        named = next((a for a in reading.actions if a.start < end and start < a.end and _is_measure(a.canonical)), None)
        if named is not None:
            return Found(_refined(named.canonical, "money"), "explicit", named.start, named.end)
    return Found(measure, "explicit", start, end)


@resolver("percent_measure")
def _percent_measure(reading: _Reading) -> Found[Any] | None:
    if reading.quantity.kind != "percent":
        return None
    word = _measure_word(reading.mention, reading.clause_actions, reading.actions)
    if word is None:
        return _governing(reading)  # a rise or a share of nothing named, not an amount of any step
    return Found(_refined(word.canonical, "percent"), "explicit", word.start, word.end)


def _governing(reading: _Reading) -> Found[Any]:
    """``other:<word>`` from the figure's governing word, else ``other``."""
    word = _governing_word(reading.text, reading.clause, reading.mention, reading.index.doc.lang)
    if word is None:
        return Found("other", "default")
    return Found(f"other:{_fold(word.group(0))}", "explicit", word.start(), word.end())


@resolver("governing_word")
def _governing_word_resolver(reading: _Reading) -> Found[Any] | None:
    found = _governing(reading)
    return found if found.origin == "explicit" else None


@resolver("action_word")
def _action_word_resolver(reading: _Reading) -> Found[Any] | None:
    word = reading.action_word
    if word is not None and word.canonical == DEAL_MEASURE \
            and (reading.own_object.value is not None or reading.quantity.kind != "money"):
        # "a 40 billion yuan deal for Ascend chips", "an order, the deal put at 500,000 chips": a purchase
        others = [a for a in reading.actions if a.canonical != DEAL_MEASURE]
        word = _action_word(reading.mention, others, _common().governing, reading.clause)
    if word is None:
        return None
    if reading.quantity.kind == "money" and reading.own_object.value is None:
        if word.canonical == "buy":
            return Found(DEAL_MEASURE, "explicit", word.start, word.end)  # "agreed to buy Quillfield for $3bn"
        deal = _deal_before(reading) if word.canonical == "value" else None
        if deal is not None:  # "a deal worth $30bn": the deal governs its worth (not "valued at $9bn in the deal")
            return Found(DEAL_MEASURE, "explicit", deal.start, deal.end)
    measure = _word_measure(reading.quantity, word.canonical, reading.clause_actions, reading.own_object.value)
    return Found(measure, "explicit", word.start, word.end)


def _deal_before(reading: _Reading) -> LexMatch | None:
    """A deal word before the figure in its clause ("a deal worth")."""
    return next((a for a in reversed(reading.clause_actions)
                 if a.canonical == DEAL_MEASURE and a.end <= reading.mention.start), None)


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
    _percent_measure,
    _action_word_resolver,
    _product_spending,
    _governing_word_resolver,
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
