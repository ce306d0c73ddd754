"""Counts of any counted noun, durations and references (issue 9), in fictional sentences."""

from __future__ import annotations

import pytest

from reconcile import extract_claims
from reconcile.model import Document
from reconcile.numerals import language
from reconcile.quantities import find_quantities


def _read(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.quantity.unit, m.quantity.kind) for m in find_quantities(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Norland Air took delivery of 37 airplanes last spring.", "en", [("37", "aircraft", "count")]),
        ("The carmaker is calling back 2.4 million cars.", "en", [("2.4 million", "vehicle", "count")]),
        ("Velmar will shed 8,500 jobs and keep 41,000 workers.", "en",
         [("8,500", "job", "count"), ("41,000", "employee", "count")]),
        ("The board approved two separate public companies.", "en", [("two", "company", "count")]),
        ("It received 12 jets and 3 widebodies.", "en", [("12", "aircraft", "count"), ("3", "aircraft", "count")]),
        ("Some 600 people attended.", "en", [("Some 600", "person", "count")]),
        ("La compagnie a reçu 18 avions et 4 appareils.", "fr", [("18", "aircraft", "count"), ("4", "aircraft", "count")]),
        ("Le rappel touche 2,4 millions de voitures.", "fr", [("2,4 millions", "vehicle", "count")]),
        ("Le groupe emploie 300 personnes sur trois sites.", "fr",
         [("300", "person", "count"), ("trois", "site", "count")]),
        ("Il a vendu 9,1 millions d'iPhone.", "fr", [("9,1 millions", "iPhone", "count")]),
        ("Elle vise 3 000 grandes entreprises.", "fr", [("3 000", "company", "count")]),
    ],
)
def test_any_plural_or_known_noun_is_counted(text, lang, expected):
    assert _read(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("after a 14-month grounding", "en", "month"),
        ("an eleven-week strike", "en", "week"),
        ("a 42-year-old pilot", "en", "year"),
        ("une grève de six semaines", "fr", "week"),
        ("pendant trois ans", "fr", "year"),
    ],
)
def test_units_of_time_are_durations(text, lang, unit):
    [mention] = find_quantities(text, lang)
    assert (mention.quantity.kind, mention.quantity.unit) == ("duration", unit)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("It signed a 5 billion deal.", "en"),  # an unknown singular is a modifier
        ("It grew 4 times.", "en"),
        ("the two companies merged", "en"),  # a reference to things already named
        ("les deux sociétés ont fusionné", "fr"),
        ("le 3 mars", "fr"),
        ("trois cent mille d'ici juin", "fr"),
    ],
)
def test_no_count_where_the_word_counts_nothing(text, lang):
    assert all(m.quantity.kind != "count" for m in find_quantities(text, lang))


def test_durations_and_ages_are_not_claims():
    text = "After a 14-month grounding, Norland Air said its 42-year-old fleet chief ordered 30 airplanes."
    claims = extract_claims(Document(id="d", lang="en", text=text))
    assert [(c.text, c.quantity.unit) for c in claims] == [("30", "aircraft")]


def test_a_large_count_of_people_is_a_figure_a_small_one_a_source():
    text = "Three people familiar with the plan said Velmar employs 23,000 people."
    claims = extract_claims(Document(id="d", lang="en", text=text))
    assert [c.text for c in claims] == ["23,000"]


def test_singular_rules_are_data():
    en, fr = language("en").counted, language("fr").counted
    assert en.singular("factories") == ("factory", True)
    assert en.singular("business") == ("business", False)
    assert fr.singular("chevaux") == ("cheval", True)


@pytest.mark.parametrize(
    "text",
    ["The QX-12 tanker flew.", "Its 919 LONG 5 jets left.", "The ZR-7 is grounded.", "sales of the Tavio X4 rose"],
)
def test_designations_are_never_figures(text):
    assert find_quantities(text, "en") == []


def test_open_count_units_are_their_own_dimension():
    from reconcile.units import same_dimension

    assert same_dimension("aircraft", "aircraft") and not same_dimension("aircraft", "vehicle")


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("Velmar guided for $3 billion to $4 billion in sales.", "en", 3e9, 4e9),
        ("It will ship 20,000 to 30,000 panels.", "en", 20_000, 30_000),
        ("The margin should reach 7% to 9%.", "en", 7, 9),
        ("Le chantier coûtera 2 à 3 milliards d'euros.", "fr", 2e9, 3e9),
    ],
)
def test_x_to_y_without_from_is_one_range(text, lang, low, high):
    [mention] = find_quantities(text, lang)
    assert (mention.quantity.low, mention.quantity.high, mention.quantity.bound) == (low, high, "range")


@pytest.mark.parametrize("text", ["Sales rose 4% to $9bn.", "It grew 5 to 6 times.", "It cut 10 to 5 jobs."])
def test_x_to_y_of_different_things_stays_two_figures(text):
    assert all(m.quantity.bound != "range" for m in find_quantities(text, "en"))


LIST_LEXICON = """
[[product]]
id = "Orla 3"
aliases = ["Orla 3", "modèle Orla 3"]

[[product]]
id = "Orla 5"
aliases = ["Orla 5", "modèle Orla 5"]

[[product]]
id = "Orla 7"
aliases = ["Orla 7", "modèle Orla 7"]
"""


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Norland Air ordered 12 for the Orla 3, 14 for the Orla 5 and 4 for the Orla 7.", "en"),
        ("Norland Air a commandé 12 pour le modèle Orla 3, 14 pour le modèle Orla 5 et 4 pour le modèle Orla 7.", "fr"),
    ],
)
def test_a_list_binds_each_figure_to_the_item_after_its_for(text, lang):
    from reconcile.lexicon import Lexicon

    lexicon = Lexicon.default() | Lexicon.loads(LIST_LEXICON)
    claims = extract_claims(Document(id="d", lang=lang, text=text), lexicon=lexicon)
    assert [(c.text, c.object) for c in claims] == [("12", "Orla 3"), ("14", "Orla 5"), ("4", "Orla 7")]
