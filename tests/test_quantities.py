"""Examples for every bullet of the quantities issue: digits, scale words, number words,
qualifiers, currencies, counted nouns, percentages, what is not a figure, bad input."""

from __future__ import annotations

import math

import pytest

from reconcile.errors import IncompatibleQuantities, QuantityParseError, ReconcileError, UnsupportedLanguage
from reconcile.model import Quantity
from reconcile.quantities import APPROXIMATION, find_quantities, parse_quantity


def only(text: str, lang: str = "en", **kwargs):
    """The single mention found in ``text``."""
    mentions = find_quantities(text, lang, **kwargs)
    assert len(mentions) == 1, mentions
    return mentions[0]


# ----------------------------------------------------------------------------- digits


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_thousands_grouped_by_any_of_the_three_spaces(space):
    for lang in ("fr", "en"):
        assert parse_quantity(f"200{space}000", lang).stated == 200_000
        assert parse_quantity(f"1{space}234{space}567", lang).stated == 1_234_567


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("200,000", "en", 200_000),
        ("5,6", "fr", 5.6),
        ("5.6", "en", 5.6),
        ("1.234.567", "fr", 1_234_567),
        ("1.234.567", "en", 1_234_567),
        ("1,234,567.89", "en", 1_234_567.89),
        ("1.234.567,89", "fr", 1_234_567.89),
        ("12,345", "en", 12_345),
        ("12,345", "fr", 12.345),
        ("3 000 milliards", "fr", 3e12),
        ("0,5", "fr", 0.5),
    ],
)
def test_digits_resolved_by_language(text, lang, value):
    assert parse_quantity(text, lang).stated == pytest.approx(value)


def test_exact_figure_is_a_point():
    q = parse_quantity("200 000", "fr")
    assert (q.low, q.high, q.stated, q.bound, q.kind, q.unit) == (200_000, 200_000, 200_000, "exact", "number", "")


# ----------------------------------------------------------------------------- scale words


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("mille", "fr", 1e3),
        ("3 mille", "fr", 3e3),
        ("1 million", "fr", 1e6),
        ("2 millions", "fr", 2e6),
        ("1 milliard", "fr", 1e9),
        ("5,6 milliards", "fr", 5.6e9),
        ("1 billion", "fr", 1e12),
        ("2 billions", "fr", 2e12),
        ("3 thousand", "en", 3e3),
        ("4 million", "en", 4e6),
        ("1 billion", "en", 1e9),
        ("3 trillion", "en", 3e12),
        ("10k", "en", 1e4),
        ("5m", "en", 5e6),
        ("5 mn", "en", 5e6),
        ("12bn", "en", 12e9),
        ("12 bn", "en", 12e9),
        ("1.5tn", "en", 1.5e12),
    ],
)
def test_scale_words_and_abbreviations(text, lang, value):
    assert parse_quantity(text, lang).stated == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("US$12bn", "en", 12e9, "USD"),
        ("RMB40bn", "en", 40e9, "CNY"),
        ("$5.6 billion", "en", 5.6e9, "USD"),
        ("7 milliards de dollars", "fr", 7e9, "USD"),
        ("16,4 millions de $ CAD", "fr", 16.4e6, "CAD"),
    ],
)
def test_money_with_scale(text, lang, value, unit):
    q = parse_quantity(text, lang)
    assert (q.stated, q.unit, q.kind) == (value, unit, "money")


def test_metres_are_not_millions():
    assert find_quantities("a 10 m drop", "en")[0].quantity.stated == 10
    assert find_quantities("le liquide de 180ml", "fr") == []


# ----------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("deux millions", "fr", 2e6),
        ("quarante milliards", "fr", 4e10),
        ("vingt et un", "fr", 21),
        ("quatre-vingt-dix", "fr", 90),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("soixante et onze", "fr", 71),
        ("deux cent deux mille", "fr", 202_000),
        ("un million", "fr", 1e6),
        ("two hundred thousand", "en", 200_000),
        ("three trillion", "en", 3e12),
        ("one hundred and five", "en", 105),
        ("twenty-one", "en", 21),
        ("a million", "en", 1e6),
    ],
)
def test_number_words(text, lang, value):
    assert parse_quantity(text, lang).stated == value


def test_number_words_with_currency():
    q = parse_quantity("three trillion dollars", "en")
    assert (q.stated, q.unit) == (3e12, "USD")
    q = parse_quantity("quarante milliards de yuans", "fr")
    assert (q.stated, q.unit) == (4e10, "CNY")


def test_lone_article_is_not_a_figure_unless_it_carries_a_scale():
    assert find_quantities("un projet et une entreprise", "fr") == []
    assert find_quantities("a plan, one of many", "en") == []
    assert only("un million de puces", "fr").quantity.stated == 1e6
    assert only("one million users", "en").quantity.stated == 1e6
    assert only("a billion dollars", "en").quantity.stated == 1e9


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        # skipped early: between words that are no part of a figure
        ("un accord sur trois ans", "fr", [("trois", 3.0)]),
        ("une entreprise d'une taille", "fr", []),
        ("(un) accord", "fr", []),
        ("one of them", "en", []),
        # read: the article begins or ends a fraction, or continues a number
        ("un sur trois", "fr", [("un sur trois", 1 / 3)]),
        ("deux sur un", "fr", [("deux", 2.0)]),
        ("one in five", "en", [("one in five", 0.2)]),
        ("mille et un", "fr", [("mille et un", 1001.0)]),
        ("4 mille un", "fr", [("4 mille un", 4001.0)]),
        ("4 thousand one", "en", [("4 thousand one", 4001.0)]),
        ("75 millions un an plus tôt", "fr", [("75 millions", 75e6)]),
        ("3, un accord", "fr", [("3", 3.0)]),
    ],
)
def test_a_lone_article_is_dropped_unless_it_joins_a_figure(text, lang, figures):
    assert [(m.text, m.quantity.stated) for m in find_quantities(text, lang)] == figures


# ----------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("text", "lang", "bound", "low", "high"),
    [
        ("plus de 100", "fr", "lower", 100, math.inf),
        ("au moins 100", "fr", "lower", 100, math.inf),
        ("au-delà de 100", "fr", "lower", 100, math.inf),
        ("près de 100", "fr", "approx", 90, 100),
        ("environ 100", "fr", "approx", 90, 110),
        ("quelque 100", "fr", "approx", 90, 110),
        ("autour de 100", "fr", "approx", 90, 110),
        ("jusqu'à 100", "fr", "upper", 0, 100),
        ("jusqu’à 100", "fr", "upper", 0, 100),
        ("moins de 100", "fr", "upper", 0, 100),
        ("entre 100 et 200", "fr", "range", 100, 200),
        ("de 100 à 200", "fr", "range", 100, 200),
        ("more than 100", "en", "lower", 100, math.inf),
        ("over 100", "en", "lower", 100, math.inf),
        ("at least 100", "en", "lower", 100, math.inf),
        ("about 100", "en", "approx", 90, 110),
        ("around 100", "en", "approx", 90, 110),
        ("roughly 100", "en", "approx", 90, 110),
        ("some 100", "en", "approx", 90, 110),
        ("nearly 100", "en", "approx", 90, 100),
        ("almost 100", "en", "approx", 90, 100),
        ("up to 100", "en", "upper", 0, 100),
        ("fewer than 100", "en", "upper", 0, 100),
        ("less than 100", "en", "upper", 0, 100),
        ("under 100", "en", "upper", 0, 100),
        ("between 100 and 200", "en", "range", 100, 200),
        ("100-200", "en", "range", 100, 200),
        ("100–200", "en", "range", 100, 200),
    ],
)
def test_qualifiers_give_intervals(text, lang, bound, low, high):
    q = parse_quantity(text, lang)
    assert (q.bound, q.low, q.high) == (bound, pytest.approx(low), pytest.approx(high))
    assert q.low <= q.stated <= q.high


def test_lower_bound_money_from_the_issue():
    q = parse_quantity("plus de 40 milliards de yuans", "fr")
    assert (q.bound, q.stated, q.low, q.high, q.unit) == ("lower", 4e10, 4e10, math.inf, "CNY")


def test_approximation_width_uses_precision_when_wider():
    # "environ 3": half a unit (0.5) is wider than 10 % (0.3)
    q = parse_quantity("environ 3", "fr")
    assert (q.low, q.high) == (2.5, 3.5)
    # "environ 5,6 milliards": 10 % (0.56e9) is wider than half the last digit (0.05e9)
    q = parse_quantity("environ 5,6 milliards de dollars", "fr")
    assert (q.low, q.high) == pytest.approx((5.04e9, 6.16e9))


def test_range_shares_scale_and_unit_written_once():
    q = parse_quantity("entre 5 et 6 milliards de dollars", "fr")
    assert (q.low, q.high, q.unit, q.bound) == (5e9, 6e9, "USD", "range")
    q = parse_quantity("$5-6bn", "en")
    assert (q.low, q.high, q.unit) == (5e9, 6e9, "USD")


def test_approximation_table_is_the_one_place():
    assert set(APPROXIMATION) == {"exact", "approx", "near", "lower", "upper"}
    assert APPROXIMATION["lower"].above == math.inf


# ----------------------------------------------------------------------------- currencies


@pytest.mark.parametrize(
    ("text", "lang", "unit", "value"),
    [
        ("$5", "en", "USD", 5),
        ("US$5", "en", "USD", 5),
        ("USD 5", "en", "USD", 5),
        ("5 USD", "en", "USD", 5),
        ("5 dollars", "en", "USD", 5),
        ("5 dollars", "fr", "USD", 5),
        ("1 dollar", "en", "USD", 1),
        ("€5", "fr", "EUR", 5),
        ("5 €", "fr", "EUR", 5),
        ("5 euros", "fr", "EUR", 5),
        ("£5", "en", "GBP", 5),
        ("5 livres sterling", "fr", "GBP", 5),
        ("5 livres", "fr", "GBP", 5),
        ("5 yuans", "fr", "CNY", 5),
        ("5 yuan", "en", "CNY", 5),
        ("5 renminbi", "en", "CNY", 5),
        ("RMB 5", "en", "CNY", 5),
        ("CNY 5", "en", "CNY", 5),
        ("5元", "en", "CNY", 5),
        ("HK$5", "en", "HKD", 5),
        ("5 dollars de Hong Kong", "fr", "HKD", 5),
        ("5 $ CAD", "fr", "CAD", 5),
        ("5 dollars canadiens", "fr", "CAD", 5),
        ("50 cents", "en", "USD", 0.5),
        ("50 pence", "en", "GBP", 0.5),
    ],
)
def test_currencies_to_iso(text, lang, unit, value):
    q = parse_quantity(text, lang)
    assert (q.unit, q.kind, q.stated) == (unit, "money", pytest.approx(value))


def test_yen_sign_default_hint_and_context():
    assert parse_quantity("¥100", "en").unit == "JPY"  # documented default
    assert parse_quantity("¥100", "en", currency_hint="CNY").unit == "CNY"
    assert only("Alibaba paid ¥100 in China", "en").quantity.unit == "CNY"
    assert only("Alibaba a payé ¥100 en Chine", "fr").quantity.unit == "CNY"
    assert only("Sony paid ¥100 in China", "en", currency_hint="JPY").quantity.unit == "JPY"


def test_dollar_sign_hint():
    assert parse_quantity("$5", "en", currency_hint="CAD").unit == "CAD"
    assert parse_quantity("$5", "en", currency_hint="EUR").unit == "USD"  # € is not a $


def test_money_never_compares_with_a_count():
    money = parse_quantity("5 milliards de dollars", "fr")
    chips = parse_quantity("5 milliards de puces", "fr")
    with pytest.raises(IncompatibleQuantities):
        money.overlaps(chips)
    with pytest.raises(IncompatibleQuantities):
        money.overlaps(parse_quantity("5 milliards de yuans", "fr"))


# ----------------------------------------------------------------------------- counted nouns


@pytest.mark.parametrize(
    ("text", "lang", "unit", "noun"),
    [
        ("100 000 puces", "fr", "chip", "puces"),
        ("100,000 chips", "en", "chip", "chips"),
        ("500 processeurs", "fr", "chip", "processeurs"),
        ("500 processors", "en", "chip", "processors"),
        ("500 GPU", "fr", "chip", "GPU"),
        ("500 GPUs", "en", "chip", "GPUs"),
        ("500 accélérateurs", "fr", "chip", "accélérateurs"),
        ("500 accelerators", "en", "chip", "accelerators"),
        ("500 unités", "fr", "item", "unités"),
        ("500 units", "en", "item", "units"),
        ("51 millions d'utilisateurs actifs", "fr", "user", "utilisateurs actifs"),
        ("51 million active users", "en", "user", "active users"),
        ("200 000 Nvidia H20", "fr", "chip", "Nvidia H20"),
        ("100 000 puces Ascend 910B", "fr", "chip", "puces Ascend 910B"),
        ("plus de 400 000 puces H200", "fr", "chip", "puces H200"),
        ("200,000 Nvidia H20 chips", "en", "chip", "Nvidia H20 chips"),
    ],
)
def test_counted_nouns(text, lang, unit, noun):
    mention = only(text, lang)
    assert (mention.quantity.unit, mention.quantity.kind, mention.noun) == (unit, "count", noun)


def test_bare_number_has_no_unit():
    mention = only("il en reste trois.", "fr")
    assert (mention.quantity.unit, mention.quantity.kind, mention.noun) == ("", "number", None)


# ----------------------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("text", "lang"),
    [("27 %", "fr"), ("27%", "fr"), ("27 pour cent", "fr"), ("27 percent", "en"), ("27%", "en"), ("27\u202f%", "fr")],
)
def test_percentages(text, lang):
    q = parse_quantity(text, lang)
    assert (q.stated, q.unit, q.kind) == (27, "percent", "percent")


# ----------------------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nvidia H20", "en"),
        ("les H100 et H200", "fr"),
        ("the A100 and the B200", "en"),
        ("la puce 910B", "fr"),
        ("la puce Ascend 910B", "fr"),
        ("Huawei's Ascend 910 chip", "en"),
        ("en 2022", "fr"),
        ("depuis 2022", "fr"),
        ("pour 2025", "fr"),
        ("in 2024", "en"),
        ("since 2022", "en"),
        ("le 3 mars", "fr"),
        ("le 1er janvier", "fr"),
        ("on March 3", "en"),
        ("on 3 March", "en"),
        ("le 3e trimestre", "fr"),
        ("the 4th quarter", "en"),
        ("à 14h30", "fr"),
        ("à 14 h", "fr"),
        ("at 14:30", "en"),
        ("at 3 pm", "en"),
    ],
)
def test_not_a_figure(text, lang):
    assert find_quantities(text, lang) == []


def test_figures_around_product_names_and_dates():
    text = "Depuis 2022, ByteDance a commandé le 3 mars 100 000 puces H20 pour 2025."
    mentions = find_quantities(text, "fr")
    assert [(m.text, m.quantity.stated, m.noun) for m in mentions] == [("100 000", 100_000, "puces H20")]


def test_offsets_index_into_the_text():
    text = "ByteDance prévoit plus de 40 milliards de yuans (soit environ 5,6 milliards de dollars)."
    mentions = find_quantities(text, "fr")
    assert [text[m.start : m.end] for m in mentions] == [m.text for m in mentions]
    assert [m.text for m in mentions] == ["plus de 40 milliards de yuans", "environ 5,6 milliards de dollars"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", [None, 42, b"200 000", ["200"]])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError):
        find_quantities(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_quantity(bad)  # type: ignore[arg-type]


def test_empty_text_has_no_figures():
    assert find_quantities("") == []
    assert find_quantities("   ", "fr") == []


def test_unparseable_expression_names_text_and_position():
    with pytest.raises(QuantityParseError) as caught:
        parse_quantity("  beaucoup", "fr")
    assert (caught.value.text, caught.value.position) == ("  beaucoup", 2)
    with pytest.raises(QuantityParseError) as caught:
        parse_quantity("environ beaucoup puis 5", "fr")
    assert caught.value.position == 0
    with pytest.raises(QuantityParseError) as caught:
        parse_quantity("5 puces et 6 GPU", "fr")
    assert caught.value.position == 11
    with pytest.raises(QuantityParseError):
        parse_quantity("", "fr")


def test_parse_errors_are_library_errors_not_bare_value_errors():
    with pytest.raises(ReconcileError):
        parse_quantity("H20", "en")


def test_language_tags_and_unknown_languages():
    assert parse_quantity("5,6 milliards", "fr-FR").stated == 5.6e9
    for call in (parse_quantity, find_quantities):  # issue 8: no silent English, one policy for every stage
        with pytest.raises(UnsupportedLanguage, match="'xx': supported are en, fr"):
            call("5.6 billion", "xx")


def test_quantity_is_the_shared_model():
    assert isinstance(parse_quantity("5", "en"), Quantity)


# ----------------------------------------------------------------------------- fractions, signs


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("deux tiers", "fr", 2 / 3),
        ("trois quarts", "fr", 0.75),
        ("un cinquième", "fr", 0.2),
        ("un et demi", "fr", 1.5),
        ("un million et demi", "fr", 1.5e6),
        ("3 millions et demi", "fr", 3.5e6),
        ("3 million and a quarter", "en", 3.25e6),
        ("cinq milliards et trois quarts", "fr", 5.75e9),
        ("un sur trois", "fr", 1 / 3),
        ("two thirds", "en", 2 / 3),
        ("a half", "en", 0.5),
        ("one and a half", "en", 1.5),
        ("three fifths", "en", 0.6),
        ("1 over 20", "en", 0.05),
        ("3/4", "en", 0.75),
        ("2 1/4", "en", 2.25),
        ("two hundred point zero three", "en", 200.03),
        ("deux cent virgule trois", "fr", 200.3),
        ("minus 5", "en", -5),
        ("-9,25", "fr", -9.25),
        ("1e10", "en", 1e10),
        (".08", "en", 0.08),
    ],
)
def test_fractions_decimals_and_signs(text, lang, value):
    assert only(text, lang).quantity.stated == pytest.approx(value)


def test_ranks_are_not_fractions():
    assert find_quantities("le vingt-cinquième anniversaire et le troisième trimestre", "fr") == []
    assert find_quantities("the third quarter", "en") == []


def test_lists_of_small_numbers_are_separate_figures():
    assert [m.quantity.stated for m in find_quantities("Exercises 22,24,26,31.", "en")] == [22, 24, 26, 31]
    assert parse_quantity("22,240,260,310", "en").stated == 22_240_260_310


def test_dollars_and_cents():
    assert parse_quantity("3 dollars 50 cents", "en").stated == 3.5
    assert parse_quantity("treize euros et quarante-cinq cents", "fr").stated == pytest.approx(13.45)
    assert [m.quantity.stated for m in find_quantities("the cost is $4.25 and 32 is the quantity", "en")] == [4.25, 32]


def test_adversarial_text_scans_in_linear_time():
    """Runs of spaces, digits and qualifiers once made the scanner quadratic; 300 kB must take
    well under a second (the bound is generous so that a loaded machine does not fail it)."""
    import time

    text = (" " * 20_000 + "9" * 20_000 + "123 " * 5_000 + "plus de " * 2_000 + "\u202f" * 10_000 + "- " * 5_000) * 3
    started = time.perf_counter()
    for lang in ("fr", "en"):
        find_quantities(text, lang)
    assert time.perf_counter() - started < 3.0


# ----------------------------------------------------------------------------- currency prefixes


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Nvidia became a $3 trillion company.", "$3 trillion", 3e12, "USD"),
        ("A $3 trillion company.", "$3 trillion", 3e12, "USD"),
        ("an $8bn deal", "$8bn", 8e9, "USD"),
        ("a$3", "$3", 3, "USD"),  # lower-case "a" is the article, glued or not
        ("A$3bn", "A$3bn", 3e9, "AUD"),
        ("HK$3bn", "HK$3bn", 3e9, "HKD"),
        ("C$ 5", "C$ 5", 5, "CAD"),
        ("NZ$4", "NZ$4", 4, "NZD"),
        ("an S$5 fee", "S$5", 5, "SGD"),
        ("a US$3bn deal", "US$3bn", 3e9, "USD"),
    ],
)
def test_currency_prefix_is_glued_and_not_the_article(text, figure, value, unit):
    mention = only(text, "en")
    assert (mention.text, mention.quantity.stated, mention.quantity.unit) == (figure, value, unit)


# ----------------------------------------------------------------------------- fractions of scale words


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("half a dozen", "en", 6),
        ("a dozen", "en", 12),
        ("half million", "en", 5e5),
        ("quarter million", "en", 2.5e5),
        ("two thirds of a million", "en", 2e6 / 3),
        ("one and a half million", "en", 1.5e6),
        ("one billion and a half million", "en", 1_000_500_000),
        ("one billion and three quarters million", "en", 1_000_750_000),
        ("une demi-douzaine", "fr", 6),
        ("un demi-million", "fr", 5e5),
        ("quart de million", "fr", 2.5e5),
        ("deux tiers de million", "fr", 2e6 / 3),
        ("un milliard et demi million", "fr", 1_000_500_000),
        ("un million et demi", "fr", 1.5e6),
    ],
)
def test_a_fraction_takes_the_scale_word_after_it(text, lang, value):
    assert only(text, lang).quantity.stated == pytest.approx(value)


def test_fraction_of_a_scale_with_currency():
    q = only("It costs half million usd.", "en").quantity
    assert (q.stated, q.unit) == (5e5, "USD")
    q = only("quarter million us dollars", "en").quantity
    assert (q.stated, q.unit) == (2.5e5, "USD")


def test_a_scale_link_without_a_fraction_is_not_a_scale():
    assert [m.quantity.stated for m in find_quantities("three of a million", "en")] == [1e6]


# ----------------------------------------------------------------------------- parts of a whole, groups


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("two out of five hundred tvs", "en", [0.004]),
        ("two out of five hundreds tvs", "en", [0.004]),
        ("1 in twenty-one", "en", [1 / 21]),
        ("there are 12 out of 10", "en", [12, 10]),  # more than the whole: two figures
        ("huit sur cinq", "fr", [8, 5]),
        ("un sur six et parfois un sur deux", "fr", [1 / 6, 0.5]),
        ("sold 200 in 2 days", "en", [200, 2]),
    ],
)
def test_parts_of_a_whole(text, lang, values):
    assert [m.quantity.stated for m in find_quantities(text, lang)] == pytest.approx(values)


@pytest.mark.parametrize(("lang", "text"), [("en", "12,34,567.89 rupees"), ("fr", "12,34,567.89")])
def test_indian_digit_grouping(lang, text):
    assert only(text, lang).quantity.stated == 1_234_567.89


def test_fast_quantity_equals_a_validated_one():
    for mention in find_quantities("about 5 chips, 1,2,3, more than $4bn and between 3 and 4", "en"):
        q = mention.quantity
        assert q == Quantity(q.low, q.high, q.stated, q.unit, q.kind, q.bound, q.text)
        assert all(isinstance(v, float) for v in (q.low, q.high, q.stated))


# ----------------------------------------------------------------------------- more forms (round 2)


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("4 thousand 3 hundred and 21 is a number", "en", [4321]),
        ("3 hundred and one", "en", [301]),
        ("I count 6 crore and two hundred", "en", [60_000_200]),
        ("4000 3 hundred and 21", "en", [4000, 321]),  # a plain 4000 takes nothing after it
        ("4 thousand 3 hundred and 0", "en", [4300, 0]),
        ("between 3 million and 4 million", "en", [3.5e6]),  # still a range
        ("5 millions 200 000 puces", "fr", [5_200_000]),
        ("Je compte six crore et deux cents", "fr", [60_000_200]),
        ("treize lakh", "fr", [1_300_000]),
    ],
)
def test_digits_and_scale_words_written_as_one_number(text, lang, values):
    assert [m.quantity.stated for m in find_quantities(text, lang)] == values


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1,674.5 G", "en", 1_674_500_000_000),
        ("1,674,200.5 M", "en", 1_674_200_500_000),
        ("5M€", "fr", 5e6),
        ("5 M€", "fr", 5e6),
        ("2millions", "fr", 2e6),
        ("1.3x10^6", "en", 1.3e6),
        ("6.23x10^-4", "en", 0.000623),
        ("deux cent virgule soixante et onze", "fr", 200.71),
    ],
)
def test_capital_prefixes_glued_scales_scientific_and_decimal_words(text, lang, value):
    assert only(text, lang).quantity.stated == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("one point five and two", "en", [1.5, 2]),
        ("deux virgule cinq et trois", "fr", [2.5, 3]),
    ],
)
def test_a_joiner_after_decimal_words_ends_the_number(text, lang, values):
    assert [m.quantity.stated for m in find_quantities(text, lang)] == pytest.approx(values)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("10G", "en"),  # glued, a name (5G, 10G)
        ("1m n'est pas un nombre.", "fr"),  # a metre in lower case
        ("un homme de 1m80", "fr"),
        ("the two millionth visitor", "en"),  # one rank, not 2 nor 2e-6
        ("three fifth", "en"),
        ("Any time to meet on 5/17/2018?", "en"),  # dates in digits
        ("le 17/05/2018", "fr"),
        ("le 17.05.2018", "fr"),
        ("on 2018-05-17", "en"),
        ("https://www.test.com/search?q=30%25%2020%", "en"),  # a web address
    ],
)
def test_more_things_that_are_not_figures(text, lang):
    assert find_quantities(text, lang) == []


def test_plural_denominators_and_singular_exceptions():
    assert only("two millionths", "en").quantity.stated == pytest.approx(2e-6)
    assert only("a three-quarter stake", "en").quantity.stated == 0.75
    assert only("two third", "en").quantity.stated == pytest.approx(2 / 3)


def test_a_date_in_digits_does_not_hide_money_or_other_figures():
    assert [m.quantity.stated for m in find_quantities("le 17.05.2018, 5 puces", "fr")] == [5]
    assert only("$17.05", "en").quantity.stated == 17.05


def test_a_letter_prefix_apart_from_the_dollar_sign_is_not_a_currency_prefix():
    assert only("C $5", "en").quantity.unit == "USD"
    assert only("HK $5", "en").quantity.unit == "USD"
    assert only("pay us $5", "en", currency_hint="CAD").quantity.unit == "CAD"  # the pronoun
    assert only("US $5", "en", currency_hint="CAD").quantity.unit == "USD"  # the country


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three twenty-firsts", 3 / 21),
        ("three twenty firsts", 3 / 21),
        ("one one hundred fifth", 1 / 105),
        ("one one hundred and fifth", 1 / 105),
        ("two hundred fifths", 40),
    ],
)
def test_compound_denominators(text, value):
    assert only(text, "en").quantity.stated == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["a twenty-first", "the twenty-first century", "one hundred and first", "the first quarter"]
)
def test_singular_first_is_always_a_rank(text):
    assert find_quantities(text, "en") == []


def test_a_rank_does_not_swallow_the_money_after_it():
    assert [(m.text, m.quantity.unit) for m in find_quantities("the first £ 100 player", "en")] == [("£ 100", "GBP")]


def test_a_code_in_parts_is_not_a_range():
    values = [m.quantity.stated for m in find_quantities("My phone number is +1-222-2222/2222", "en")]
    assert values == [1, 222, 2222, 2222]
    assert parse_quantity("100-200", "en").bound == "range"


# ----------------------------------------------------------------------------- articles after a scale


@pytest.mark.parametrize(
    ("text", "lang", "written", "value"),
    [
        ("Le chiffre d'affaires atteint 92 millions, contre 75 millions un an plus tôt.", "fr", "75 millions", 75e6),
        ("Les ventes reculent à 160 milliards, après 180 milliards un an auparavant.", "fr", "180 milliards", 180e9),
        ("Elle en vendait soixante-quinze millions une année plus tôt.", "fr", "soixante-quinze millions", 75e6),
        ("Revenue was 640 million, up from 600 million one year earlier.", "en", "600 million", 600e6),
        ("They had six hundred million one day before.", "en", "six hundred million", 600e6),
    ],
)
def test_an_article_after_a_scale_word_belongs_to_the_next_noun(text, lang, written, value):
    mention = find_quantities(text, lang)[-1]
    assert (mention.text, mention.quantity.stated) == (written, value)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Le compteur affiche deux millions un.", "fr", 2_000_001),  # the end of a phrase: a figure
        ("Le village compte trois mille un habitants.", "fr", 3001),  # after mille: a figure
        ("Le film des cent un dalmatiens.", "fr", 101),
        ("Les mille et une nuits.", "fr", 1001),
        ("one hundred one dalmatians", "en", 101),
    ],
)
def test_an_article_ending_a_number_stays_where_no_noun_can_follow(text, lang, value):
    assert only(text, lang).quantity.stated == value


def test_an_article_after_a_scale_word_parses_as_words_after_the_figure():
    assert parse_quantity("75 millions un an plus tôt", "fr").stated == 75e6
    assert parse_quantity("deux millions un", "fr").stated == 2_000_001


# ----------------------------------------------------------------------------- verb qualifiers


@pytest.mark.parametrize(
    ("text", "lang", "written", "bound", "value"),
    [
        ("Apple a franchi la barre des 1 000 milliards de dollars en 2018.", "fr",
         "franchi la barre des 1 000 milliards de dollars", "lower", 1e12),
        ("Le Bitcoin franchissait les 100 000 dollars mardi.", "fr", "franchissait les 100 000 dollars", "lower", 1e5),
        ("La capitalisation dépasse 4 000 milliards de dollars.", "fr", "dépasse 4 000 milliards de dollars",
         "lower", 4e12),
        ("Les commandes ont dépassé les 50 000 unités.", "fr", "dépassé les 50 000", "lower", 5e4),
        ("Le titre est passé au-dessus de 200 euros.", "fr", "au-dessus de 200 euros", "lower", 200),
        ("Le baril glisse sous la barre des 60 dollars.", "fr", "sous la barre des 60 dollars", "upper", 60),
        ("La part de marché n'atteint pas 5 %.", "fr", "n'atteint pas 5 %", "upper", 5),
        ("Les ventes n'ont pas dépassé les 3 000 unités.", "fr", "pas dépassé les 3 000", "upper", 3000),
        ("Un budget proche de 2 milliards d'euros.", "fr", "proche de 2 milliards d'euros", "approx", 2e9),
        ("Microsoft topped the $3 trillion mark in January.", "en", "topped the $3 trillion", "lower", 3e12),
        ("Orders exceeded 80,000 units in May.", "en", "exceeded 80,000", "lower", 8e4),
        ("Shipments surpassed 2 million last quarter.", "en", "surpassed 2 million", "lower", 2e6),
        ("The index closed above 5,000 on Friday.", "en", "closed above 5,000", "lower", 5000),
        ("Sales crossed $10 billion.", "en", "crossed $10 billion", "lower", 1e10),
        ("Its share fell below 10%.", "en", "below 10%", "upper", 10),
        ("Costs did not exceed $5 million.", "en", "not exceed $5 million", "upper", 5e6),
        ("Revenue came in close to $900 million.", "en", "close to $900 million", "approx", 9e8),
    ],
)
def test_verbs_that_bound_a_figure_are_qualifiers(text, lang, written, bound, value):
    mention = only(text, lang)
    assert (mention.text, mention.quantity.bound, mention.quantity.stated) == (written, bound, value)
    assert mention.quantity.text == written


def test_a_verb_bounds_nothing_when_a_word_comes_before_the_figure():
    mention = only("The company passed on 3 deals this year.", "en")
    assert (mention.text, mention.quantity.bound) == ("3", "exact")
    mention = only("Le chiffre dépasse de 3 % les attentes.", "fr")
    assert (mention.text, mention.quantity.bound) == ("3 %", "exact")


def test_a_verb_qualifier_reads_with_parse_quantity():
    q = parse_quantity("topped the 100,000 mark", "en")
    assert (q.low, q.high, q.bound) == (100_000, math.inf, "lower")


# ----------------------------------------------------------------------------- words before the noun


@pytest.mark.parametrize(
    ("text", "lang", "noun", "unit"),
    [
        ("The app has nearly 1 million enterprise users.", "en", "enterprise users", "user"),
        ("Beijing approved 100,000 advanced chips.", "en", "advanced chips", "chip"),
        ("It wants 50,000 more H20 chips.", "en", "more H20 chips", "chip"),
        ("The lab runs 20,000 cutting-edge accelerators.", "en", "cutting-edge accelerators", "chip"),
        ("The cloud unit bought 8,000 powerful Nvidia GPUs.", "en", "powerful Nvidia GPUs", "chip"),
        ("It hosts 4,000 data center servers.", "en", "data center servers", "item"),
        ("Le groupe commande 30 000 nouvelles puces.", "fr", "nouvelles puces", "chip"),
        ("Il a reçu 200 000 puces d'IA.", "fr", "puces d'IA", "chip"),
        ("Elle revendique 40 000 nouveaux abonnés payants.", "fr", "nouveaux abonnés payants", "user"),
        ("Pékin autorise 100 000 autres H20.", "fr", "autres H20", "chip"),
    ],
)
def test_a_counted_noun_after_one_or_two_modifiers(text, lang, noun, unit):
    mention = only(text, lang)
    assert (mention.noun, mention.quantity.unit, mention.quantity.kind) == (noun, unit, "count")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("About 5 million people use such chips.", "en"),  # "people use": a subject, then a verb
        ("Some 3 companies make these chips.", "en"),  # a plural is what is counted
        ("We counted 12 then chips.", "en"),
        ("It kept 200,000 of the chips.", "en"),
        ("In 2024 enterprise users doubled.", "en"),  # a year, then its sentence
        ("Quelque 3 000 clients ont des puces.", "fr"),
        ("Il garde 200 000 de ces puces.", "fr"),
        ("Elle vise 3 000 grandes entreprises clientes.", "fr"),  # no counted noun at all
    ],
)
def test_no_counted_noun_across_a_verb_an_article_or_a_plural(text, lang):
    # the noun right after the figure may be what it counts ("people", "companies"), never the
    # chips named across a verb, an article or another plural
    assert all(m.quantity.unit != "chip" for m in find_quantities(text, lang))


def test_a_model_name_the_data_does_not_know_counts_items_not_chips():
    planes = find_quantities("Aurora a commandé 50 A321neo à Airbus.", "fr")
    assert [(m.quantity.stated, m.quantity.unit, m.noun) for m in planes] == [(50, "item", "A321neo")]
    chips = find_quantities("ByteDance ordered 200,000 H20 this year.", "en")
    assert [(m.quantity.stated, m.quantity.unit) for m in chips] == [(200_000, "chip")]
