"""Hypothesis properties of the quantity normalisers: each one an invariant."""

from __future__ import annotations

import math
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from reconcile import quantities
from reconcile.errors import ReconcileError
from reconcile.numerals import language
from reconcile.quantities import _scan, find_quantities, parse_quantity

SPACES = st.sampled_from([" ", "\u00a0", "\u202f"])
LANGS = st.sampled_from(["fr", "en"])

# Scale words as written in each language, and the value they stand for.
SCALES = {
    "fr": [("", 1), (" mille", 1e3), (" millions", 1e6), (" milliards", 1e9), (" billions", 1e12)],
    "en": [("", 1), (" thousand", 1e3), (" million", 1e6), (" billion", 1e9), (" trillion", 1e12), ("bn", 1e9), ("k", 1e3)],
}


def render(integer: int, decimals: str, lang: str, space: str, group_with_space: bool) -> str:
    """``integer`` with thousands grouped by ``space`` (or the language's group mark) and
    ``decimals`` after the language's decimal mark."""
    lang_data = language(lang)
    digits = f"{integer:,}".replace(",", space if group_with_space else lang_data.group)
    return digits + (lang_data.decimal + decimals if decimals else "")


@settings(max_examples=300)
@given(
    integer=st.integers(min_value=0, max_value=10**12),
    decimals=st.one_of(st.just(""), st.from_regex(r"\A[0-9]{1,2}\Z")),
    lang=LANGS,
    space=SPACES,
    group_with_space=st.booleans(),
    scale_index=st.integers(min_value=0, max_value=6),
)
def test_formatting_round_trip(integer, decimals, lang, space, group_with_space, scale_index):
    scales = SCALES[lang]
    word, factor = scales[scale_index % len(scales)]
    text = render(integer, decimals, lang, space, group_with_space) + word
    expected = float(f"{integer}.{decimals}" if decimals else integer) * factor
    assert parse_quantity(text, lang).stated == _close_to(expected)


def _close_to(value: float):
    import pytest

    return pytest.approx(value, rel=1e-12)


@settings(max_examples=300)
@given(number=st.integers(min_value=0, max_value=10**12), lang=LANGS)
def test_number_words_from_num2words_parse_back(number, lang):
    words = num2words(number, lang=lang)
    assert parse_quantity(words, lang).stated == number


@settings(max_examples=200)
@given(number=st.integers(min_value=0, max_value=10**9), lang=LANGS, data=st.data())
def test_qualified_intervals_hold_the_stated_figure(number, lang, data):
    qualifier = data.draw(st.sampled_from(sorted(q for q, c in language(lang).qualifiers.items() if "range" not in c)))
    quantity = parse_quantity(f"{qualifier} {number}", lang)
    assert quantity.low <= quantity.stated <= quantity.high
    assert quantity.contains(number)
    category = language(lang).qualifiers[qualifier]
    if category == "lower":
        assert quantity.bound == "lower" and quantity.high == math.inf and quantity.low == number


@settings(max_examples=100)
@given(low=st.integers(min_value=0, max_value=10**6), width=st.integers(min_value=0, max_value=10**6), lang=LANGS)
def test_ranges_keep_their_ends(low, width, lang):
    opener, joiner = ("entre", "et") if lang == "fr" else ("between", "and")
    quantity = parse_quantity(f"{opener} {low} {joiner} {low + width}", lang)
    assert (quantity.low, quantity.high) == (low, low + width)
    assert quantity.low <= quantity.stated <= quantity.high


def _check_mentions(text: str, mentions) -> None:
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        q = mention.quantity
        assert q.low <= q.stated <= q.high and not math.isnan(q.stated)


# Text drawn from what the scanner reacts to: digits, the three spaces, marks, words.
PIECES = st.sampled_from(
    ["0", "1", "12", "345", "2022", " ", "\u00a0", "\u202f", ",", ".", "-", "–", "%", "$", "€", "¥", "'", "’",
     "plus de", "environ", "entre", "et", "à", "de", "between", "and", "about", "over", "more than", "un",
     "a", "one", "vingt", "quatre-vingt", "mille", "millions", "milliards", "billion", "bn", "k", "m",
     "dollars", "yuans", "puces", "H20", "Ascend", "910B", "mars", "h", ":", "er", "e"]
)


@settings(max_examples=400)
@given(pieces=st.lists(PIECES, max_size=30), lang=LANGS)
def test_scanner_never_fails_on_figure_like_text(pieces, lang):
    text = "".join(pieces)
    # the internal scanner, without find_quantities' last-resort guard
    _check_mentions(text, _scan(text, lang, None, strict=False))
    _check_mentions(text, find_quantities(text, lang))


@settings(max_examples=300)
@given(text=st.text(max_size=200), lang=st.sampled_from(["fr", "en", "en-GB", "fr-CA"]))
def test_find_quantities_on_arbitrary_text(text, lang):
    _check_mentions(text, _scan(text, lang, None, strict=False))
    try:
        mentions = find_quantities(text, lang)
    except ReconcileError:  # pragma: no cover - the only errors allowed out
        return
    _check_mentions(text, mentions)


@settings(max_examples=200)
@given(text=st.text(max_size=60), lang=LANGS)
def test_parse_quantity_raises_only_library_errors(text, lang):
    try:
        quantity = parse_quantity(text, lang)
    except ReconcileError:
        return
    assert quantity.low <= quantity.stated <= quantity.high


ARTICLE_AFTER_SCALE = {
    "fr": ([(" millions", 1e6), (" milliards", 1e9)], ["un an plus tôt", "une fois", "un trimestre avant"]),
    "en": ([(" million", 1e6), (" billion", 1e9)], ["one year earlier", "one day before"]),
}


@settings(max_examples=100)
@given(number=st.integers(min_value=1, max_value=999), lang=LANGS, data=st.data())
def test_an_article_after_a_large_scale_word_never_adds_one(number, lang, data):
    scales, tails = ARTICLE_AFTER_SCALE[lang]
    scale, factor = data.draw(st.sampled_from(scales))
    tail = data.draw(st.sampled_from(tails))
    for figure in (str(number), num2words(number, lang=lang)):
        mentions = find_quantities(f"contre {figure}{scale} {tail}", lang)
        assert [m.quantity.stated for m in mentions] == [number * factor]


# What stands around a lone article: words that may or may not be a part of a figure, joining
# and "over" words, elisions, marks, digits.
AROUND_ARTICLES = st.sampled_from(
    ["un", "une", "Un", "one", "sur", "et", "and", "mille", "millions", "deux", "two", "thousand", "3", "25",
     "d'", "l'", "accord", "an", "year", "dollars", "%", "out of", "in", "over", "demi", "half", "tiers",
     "third", "cent", "hundred", ".", ",", "(", "«", "puces", "chips", "mars", "2024", "plus de", "about"]
)
SEPARATORS = st.sampled_from([" ", "", "-", "  ", "\u00a0"])


@settings(max_examples=400)
@given(pieces=st.lists(st.tuples(AROUND_ARTICLES, SEPARATORS), max_size=10), lang=LANGS)
def test_skipping_a_lone_article_changes_no_figure(pieces, lang):
    # The early exit for "un accord" must give what reading the article and dropping it gives.
    text = "".join(word + separator for word, separator in pieces)
    with mock.patch.object(quantities, "_idle_article", return_value=False):
        read = [(m.start, m.end, m.quantity, m.noun) for m in find_quantities(text, lang)]
    assert [(m.start, m.end, m.quantity, m.noun) for m in find_quantities(text, lang)] == read


# --------------------------------------------------------------------- currencies (issue 11)

from reconcile import cldr

CLDR_NAMES = {lang: sorted(cldr.names(lang).items()) for lang in ("en", "fr")}


@settings(max_examples=300, deadline=None)
@given(lang=LANGS, data=st.data(), amount=st.integers(min_value=2, max_value=999))
def test_every_cldr_currency_name_parses_to_its_code(lang, data, amount):
    """Every CLDR name of a currency ("Malaysian ringgits", "dinars koweïtiens") written after a
    figure gives that currency, unless the language's own table decides the name (a "dollar"
    alone is the US one, "francs" depend on the outlet and the date)."""
    name, code = data.draw(st.sampled_from(CLDR_NAMES[lang]))
    own = language(lang).currencies.get(name)
    expected = own[0] if own else code
    found = find_quantities(f"They paid {amount} {name} for it.", lang)
    assert [(m.quantity.stated, m.quantity.unit) for m in found] == [(amount, expected)] or (
        name in language(lang).scales or name in language(lang).words  # a name that is a number word
    )


WHOLE_AND_PART = {
    "en": [("${whole} and {part}c", "USD"), ("{whole} dollars and {part} cents", "USD"),
           ("{whole} ringgit and {part} sen", "MYR"), ("{whole} UAH {part} kopiykas", "UAH")],
    "fr": [("{whole} euros et {part} centimes", "EUR"), ("{whole} dollars et {part} cents", "USD")],
}


@settings(max_examples=200, deadline=None)
@given(lang=LANGS, data=st.data(), whole=st.integers(min_value=1, max_value=9999), part=st.integers(min_value=1, max_value=99))
def test_compound_amounts_add_up(lang, data, whole, part):
    pattern, code = data.draw(st.sampled_from(WHOLE_AND_PART[lang]))
    quantity = parse_quantity(pattern.format(whole=whole, part=part), lang)
    assert (quantity.stated, quantity.unit) == (_close_to(whole + part / 100), code)


RANGES = {
    "en": ["about ${a}-${b}", "around {a}-{b} dollars", "between ${a} and ${b}", "from {a} to {b} euros"],
    "fr": ["entre {a} et {b} euros", "de {a} à {b} dollars", "environ {a}-{b} euros"],
}


@settings(max_examples=200, deadline=None)
@given(lang=LANGS, data=st.data(), a=st.integers(min_value=1, max_value=10**6), gap=st.integers(min_value=1, max_value=10**6))
def test_a_range_comes_back_with_its_bounds_in_order(lang, data, a, gap):
    written = data.draw(st.sampled_from(RANGES[lang])).format(a=a, b=a + gap)
    quantity = parse_quantity(written, lang)
    assert (quantity.low, quantity.high, quantity.bound) == (a, a + gap, "range")


SIGNS = {"en": ["-{x}", "minus {x}", "- {x}"], "fr": ["-{x}", "moins {x}", "- {x}", "négatif {x}"]}


@settings(max_examples=200, deadline=None)
@given(lang=LANGS, data=st.data(), integer=st.integers(min_value=1, max_value=10**9), decimals=st.from_regex(r"\A[0-9]{0,2}\Z"))
def test_a_sign_round_trips(lang, data, integer, decimals):
    figure = render(integer, decimals, lang, " ", False)
    written = data.draw(st.sampled_from(SIGNS[lang])).format(x=figure)
    expected = float(f"{integer}.{decimals}" if decimals else integer)
    assert parse_quantity(written, lang).stated == _close_to(-expected)
    assert parse_quantity(figure, lang).stated == _close_to(expected)
