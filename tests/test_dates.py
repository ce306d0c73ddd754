"""Periods: words in French and English resolved against a publication date (a day, a range, or unknown)."""

import datetime as dt

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import DateError, DateRange, ReconcileError, UnsupportedLanguage
from reconcile.dates import PeriodMention, _grammar, find_periods, resolve_period

D = dt.date
SPAN = DateRange.parse({"from": "2024-12-06", "to": "2025-01-20"})  # seed 001: across a new year
DAY = D(2025, 3, 10)


def R(start: str, end: str) -> DateRange:
    return DateRange(start, end)


# ------------------------------------------------------------------ every expression, both languages

ABSOLUTE = [
    ("fr", "en 2025", DateRange.year(2025)),
    ("en", "in 2025", DateRange.year(2025)),
    ("fr", "pour 2025", DateRange.year(2025)),
    ("en", "for 2025", DateRange.year(2025)),
    ("fr", "2025", DateRange.year(2025)),
    ("en", "2025", DateRange.year(2025)),
    ("fr", "au troisième trimestre 2024", R("2024-07-01", "2024-09-30")),
    ("fr", "au 3e trimestre 2024", R("2024-07-01", "2024-09-30")),
    ("fr", "T3 2024", R("2024-07-01", "2024-09-30")),
    ("en", "Q3 2024", R("2024-07-01", "2024-09-30")),
    ("en", "in the third quarter of 2024", R("2024-07-01", "2024-09-30")),
    ("fr", "mars 2025", DateRange.month(2025, 3)),
    ("en", "March 2025", DateRange.month(2025, 3)),
    ("fr", "en décembre 2024", DateRange.month(2024, 12)),
    ("en", "Dec. 2024", DateRange.month(2024, 12)),
    ("fr", "le 6 décembre 2024", DateRange.day(D(2024, 12, 6))),
    ("fr", "1er mars 2025", DateRange.day(D(2025, 3, 1))),
    ("en", "December 6, 2024", DateRange.day(D(2024, 12, 6))),
    ("en", "6 December 2024", DateRange.day(D(2024, 12, 6))),
    ("fr", "premier semestre 2025", R("2025-01-01", "2025-06-30")),
    ("en", "H2 2024", R("2024-07-01", "2024-12-31")),
    ("fr", "début 2025", R("2025-01-01", "2025-04-30")),
    ("fr", "mi-2025", R("2025-05-01", "2025-08-31")),
    ("fr", "fin 2024", R("2024-09-01", "2024-12-31")),
    ("en", "early 2025", R("2025-01-01", "2025-04-30")),
    ("en", "mid-2025", R("2025-05-01", "2025-08-31")),
    ("en", "the end of 2024", R("2024-09-01", "2024-12-31")),
    ("fr", "entre 2023 et 2025", R("2023-01-01", "2025-12-31")),
    ("en", "from 2023 to 2025", R("2023-01-01", "2025-12-31")),
    ("en", "2023-2025", R("2023-01-01", "2025-12-31")),
]


@pytest.mark.parametrize(("lang", "expr", "expected"), ABSOLUTE)
def test_absolute_expressions_need_no_publication_date(lang, expr, expected):
    assert resolve_period(expr, None, lang) == expected
    assert resolve_period(expr, SPAN, lang) == expected
    assert resolve_period(expr, DAY, lang) == expected


# (lang, expression, on DAY = 2025-03-10, on SPAN = 2024-12-06..2025-01-20)
RELATIVE = [
    ("fr", "cette année", DateRange.year(2025), R("2024-01-01", "2025-12-31")),
    ("en", "this year", DateRange.year(2025), R("2024-01-01", "2025-12-31")),
    ("fr", "l'an prochain", DateRange.year(2026), R("2025-01-01", "2026-12-31")),
    ("fr", "l’année prochaine", DateRange.year(2026), R("2025-01-01", "2026-12-31")),
    ("en", "next year", DateRange.year(2026), R("2025-01-01", "2026-12-31")),
    ("fr", "l'année dernière", DateRange.year(2024), R("2023-01-01", "2024-12-31")),
    ("fr", "l'an dernier", DateRange.year(2024), R("2023-01-01", "2024-12-31")),
    ("en", "last year", DateRange.year(2024), R("2023-01-01", "2024-12-31")),
    ("fr", "depuis janvier", R("2025-01-01", "2025-03-10"), R("2024-01-01", "2025-01-20")),
    ("en", "since January", R("2025-01-01", "2025-03-10"), R("2024-01-01", "2025-01-20")),
    ("en", "by July", R("2025-03-10", "2025-07-31"), R("2024-12-06", "2025-07-31")),
    ("fr", "d'ici juillet", R("2025-03-10", "2025-07-31"), R("2024-12-06", "2025-07-31")),
    ("fr", "en septembre", DateRange.month(2024, 9), DateRange.month(2024, 9)),
    ("en", "in September", DateRange.month(2024, 9), DateRange.month(2024, 9)),
    ("fr", "en mars", DateRange.month(2025, 3), DateRange.month(2024, 3)),
    ("en", "in March", DateRange.month(2025, 3), DateRange.month(2024, 3)),
    ("fr", "au troisième trimestre", R("2024-07-01", "2024-09-30"), R("2024-07-01", "2024-09-30")),
    ("en", "in the third quarter", R("2024-07-01", "2024-09-30"), R("2024-07-01", "2024-09-30")),
    ("en", "in Q1", R("2025-01-01", "2025-03-31"), R("2024-01-01", "2025-03-31")),
    ("fr", "plus tôt cette année", R("2025-01-01", "2025-03-10"), R("2024-01-01", "2025-01-20")),
    ("en", "earlier this year", R("2025-01-01", "2025-03-10"), R("2024-01-01", "2025-01-20")),
    ("en", "later this year", R("2025-03-10", "2025-12-31"), R("2024-12-06", "2025-12-31")),
    ("fr", "le mois dernier", DateRange.month(2025, 2), R("2024-11-01", "2024-12-31")),
    ("en", "last month", DateRange.month(2025, 2), R("2024-11-01", "2024-12-31")),
    ("fr", "ce trimestre", R("2025-01-01", "2025-03-31"), R("2024-10-01", "2025-03-31")),
    ("fr", "la fin de l'année", R("2025-09-01", "2025-12-31"), R("2024-09-01", "2025-12-31")),
    ("fr", "depuis 2022", R("2022-01-01", "2025-03-10"), R("2022-01-01", "2025-01-20")),
    ("en", "since 2022", R("2022-01-01", "2025-03-10"), R("2022-01-01", "2025-01-20")),
    ("fr", "d'ici fin 2025", R("2025-03-10", "2025-12-31"), R("2024-12-06", "2025-12-31")),  # from publication
    ("en", "by 2027", R("2025-03-10", "2027-12-31"), R("2024-12-06", "2027-12-31")),
    ("fr", "6 décembre", DateRange.day(D(2024, 12, 6)), DateRange.day(D(2024, 12, 6))),
    ("en", "Dec 6", DateRange.day(D(2024, 12, 6)), DateRange.day(D(2024, 12, 6))),
]


@pytest.mark.parametrize(("lang", "expr", "on_day", "on_span"), RELATIVE)
def test_relative_expressions_resolve_against_the_publication(lang, expr, on_day, on_span):
    assert resolve_period(expr, DAY, lang) == on_day
    assert resolve_period(expr, DateRange.day(DAY), lang) == on_day
    assert resolve_period(expr, SPAN, lang) == on_span


@pytest.mark.parametrize(("lang", "expr"), [(lang, expr) for lang, expr, _, _ in RELATIVE])
def test_relative_expressions_without_a_publication_date_are_never_invented(lang, expr):
    assert resolve_period(expr, None, lang) is None
    mentions = find_periods(f"… {expr} …", lang, None)
    assert [(m.text, m.period) for m in mentions] == [(expr, None)]


def test_a_month_is_the_most_recent_one_not_after_publication():
    assert resolve_period("en septembre", D(2024, 9, 1), "fr") == DateRange.month(2024, 9)
    assert resolve_period("en septembre", D(2024, 8, 31), "fr") == DateRange.month(2023, 9)
    assert resolve_period("by September", D(2024, 10, 1), "en") == R("2024-10-01", "2025-09-30")


def test_a_publication_range_gives_the_span_of_every_reading():
    # published at any time in autumn 2024 or up to mid-2025: "en septembre" is Sept 2024 or Sept 2025
    autumn = DateRange.parse({"from": "2024-09-01", "to": "2025-10-01"})
    assert resolve_period("en septembre", autumn, "fr") == R("2024-09-01", "2025-09-30")


def test_dateparser_reads_what_the_grammar_does_not():
    assert resolve_period("il y a deux ans", DAY, "fr") == DateRange.year(2023)
    assert resolve_period("il y a deux ans", None, "fr") is None
    assert resolve_period("yesterday", DAY, "en") == DateRange.day(D(2025, 3, 9))
    assert resolve_period("15/01/2025", None, "fr") == DateRange.day(D(2025, 1, 15))


def test_a_language_without_a_data_folder_is_unsupported_not_guessed():
    # Issue 8: one policy for every stage; no silent dateparser reading of a language we have no words for.
    for lang in ("de", "xx"):
        with pytest.raises(UnsupportedLanguage, match=f"'{lang}': supported are en, fr"):
            resolve_period("März 2025", None, lang)
        with pytest.raises(UnsupportedLanguage, match=f"'{lang}'"):
            find_periods("im Jahr 2025", lang, None)
    assert issubclass(UnsupportedLanguage, ReconcileError) and issubclass(UnsupportedLanguage, ValueError)


def test_spelling_variants_are_the_same_phrase():
    for text in ("ce mois-ci", "ce mois ci", "Ce  Mois-Ci", "l’an dernier", "L'an  dernier", "déc. 2024", "dec 2024"):
        assert len(find_periods(f"x {text} y", "fr", DAY)) == 1, text
    assert resolve_period("ce mois ci", DAY, "fr") == DateRange.month(2025, 3)
    assert resolve_period("déc. 2024", None, "fr") == DateRange.month(2024, 12)


def test_iso_dates_are_days_and_impossible_dates_are_not_periods():
    found = find_periods("publié le 2024-12-06, révisé le 2024-02-30.", "fr", None)
    assert [(m.text, m.period) for m in found] == [("2024-12-06", DateRange.day(D(2024, 12, 6)))]
    assert find_periods("le 31 février", "fr", DAY) == []
    assert resolve_period("29 February", D(2025, 3, 1), "en") == DateRange.day(D(2024, 2, 29))


@pytest.mark.parametrize("expr", ["bientôt", "", "   ", "beaucoup de puces", "3 000", "200 000", "2000 puces",
                                  "31 février 2025"])
def test_unreadable_expressions_give_none(expr):
    assert resolve_period(expr, DAY, "fr") is None


def test_malformed_inputs_raise_date_errors():
    with pytest.raises(DateError, match="text"):
        resolve_period(2025, None, "fr")
    with pytest.raises(DateError):
        resolve_period("cette année", "not a date", "fr")
    with pytest.raises(DateError, match="text"):
        find_periods(None, "fr", None)
    assert issubclass(DateError, ReconcileError)


def test_language_codes_with_a_region_use_the_language_file():
    assert resolve_period("cette année", DAY, "fr-FR") == DateRange.year(2025)
    assert [m.text for m in find_periods("in Q3 2024", "en_GB", None)] == ["in Q3 2024"]


# ------------------------------------------------------------------ finding periods in text


def test_find_periods_in_seed_like_french():
    text = (
        "Un investissement colossal de 7 milliards de dollars prévu pour 2025. Depuis 2022, les "
        "États-Unis ont mis en place des restrictions. En mai, des responsables ont demandé… The "
        "Information a rapporté en septembre que la société avait passé des commandes pour plus de "
        "200 000 Nvidia H20 cette année. Plus tôt cette année, ByteDance a dévoilé un outil."
    )
    found = find_periods(text, "fr", SPAN)
    assert all(isinstance(m, PeriodMention) and text[m.start : m.end] == m.text for m in found)
    assert [(m.text, m.period) for m in found] == [
        ("pour 2025", DateRange.year(2025)),
        ("Depuis 2022", R("2022-01-01", "2025-01-20")),
        ("En mai", DateRange.month(2024, 5)),
        ("en septembre", DateRange.month(2024, 9)),
        ("cette année", R("2024-01-01", "2025-12-31")),
        ("Plus tôt cette année", R("2024-01-01", "2025-01-20")),
    ]


def test_find_periods_in_english():
    text = (
        "ByteDance plans to spend $7bn in 2025 and ordered 200,000 chips this year; deliveries are due "
        "by July, after a record Q3 2024 and March 2025 sales (2024)."
    )
    found = find_periods(text, "en", DateRange.day(D(2025, 1, 10)))
    assert [(m.text, str(m.period)) for m in found] == [
        ("in 2025", "2025-01-01..2025-12-31"),
        ("this year", "2025-01-01..2025-12-31"),
        ("by July", "2025-01-10..2025-07-31"),
        ("Q3 2024", "2024-07-01..2024-09-30"),
        ("March 2025", "2025-03-01..2025-03-31"),
        ("2024", "2024-01-01..2024-12-31"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "plus de 200 000 puces H20"),
        ("fr", "une entreprise de 3 000 milliards de dollars"),
        ("fr", "2 025 000 utilisateurs et 1 999 commandes"),
        ("fr", "pour 2000 puces"),
        ("fr", "en 2000 milliards de yuans"),
        ("fr", "un ratio de 1,2025 et 12,2024"),
        ("fr", "2025 utilisateurs"),
        ("fr", "la planète mars"),
        ("en", "more than 200,000 chips and 2,000 users"),
        ("en", "orders for 2000 chips"),
        ("en", "2019 chips shipped"),
        ("en", "they may sell"),
        ("en", "a total of 2000"),
    ],
)
def test_numbers_and_words_that_are_not_periods_are_not_reported(lang, text):
    assert find_periods(text, lang, SPAN) == []


def test_month_names_agree_with_dateparser_language_data():
    """dateparser is an independent oracle for the month words of the data files."""
    for lang in ("fr", "en"):
        for name, month in _grammar(lang).months.items():
            parsed = dateparser.parse(f"{name} 2025", languages=[lang])
            assert parsed is not None and (parsed.year, parsed.month) == (2025, month), (lang, name)


# ------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None)
@given(st.integers(1990, 2090), st.sampled_from([("fr", "en"), ("fr", "pour"), ("en", "in"), ("en", "for")]))
def test_a_year_after_in_is_that_year(year, lang_prep):
    lang, prep = lang_prep
    expected = DateRange.year(year)
    assert resolve_period(f"{prep} {year}", None, lang) == expected
    found = find_periods(f"Le plan prévu {prep} {year}, dit-on.", lang, None)
    assert [(m.text, m.period) for m in found] == [(f"{prep} {year}", expected)]


publication_days = st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31))


@settings(max_examples=80, deadline=None)
@given(publication_days, st.integers(0, 800), st.sampled_from([("fr", "cette année"), ("en", "this year")]))
def test_this_year_spans_the_years_of_every_publication_day(first, length, lang_expr):
    lang, expr = lang_expr
    pub = DateRange(first, first + dt.timedelta(days=length))
    period = resolve_period(expr, pub, lang)
    assert period == DateRange(D(pub.start.year, 1, 1), D(pub.end.year, 12, 31))
    assert period.contains(pub.start) and period.contains(pub.end)


@settings(max_examples=60, deadline=None)
@given(publication_days, st.integers(0, 400), st.integers(0, 400),
       st.sampled_from([("fr", "en septembre"), ("en", "by July"), ("fr", "depuis janvier"),
                        ("en", "last month"), ("fr", "au troisième trimestre"), ("en", "Dec 6"),
                        ("en", "the June quarter"), ("en", "the January quarter"), ("fr", "d'ici fin 2026"),
                        ("en", "by the end of 2026"), ("en", "over the next three years"), ("fr", "fin décembre"),
                        ("en", "by July 2030")]))
def test_a_publication_range_contains_the_reading_on_each_of_its_days(first, length, offset, lang_expr):
    lang, expr = lang_expr
    pub = DateRange(first, first + dt.timedelta(days=length))
    inside = first + dt.timedelta(days=min(offset, length))
    over_range, on_day = resolve_period(expr, pub, lang), resolve_period(expr, inside, lang)
    assert over_range.start <= on_day.start and on_day.end <= over_range.end


# ------------------------------------------------------------------ moved from extraction (round 2)
# "the June quarter", "third-quarter", weekdays, parts of months, coming spans, "a year earlier".

PUB = D(2026, 1, 15)  # a Thursday
WEEK_RANGE = DateRange.parse({"from": "2025-12-20", "to": "2026-01-15"})

# (lang, expression, on PUB, on WEEK_RANGE)
MOVED = [
    ("en", "in the June quarter", R("2025-04-01", "2025-06-30"), R("2025-04-01", "2025-06-30")),
    ("en", "the quarter ending in June", R("2025-04-01", "2025-06-30"), R("2025-04-01", "2025-06-30")),
    ("en", "the quarter ended June 30, 2024", R("2024-04-01", "2024-06-30"), R("2024-04-01", "2024-06-30")),
    ("en", "the December quarter", R("2025-10-01", "2025-12-31"), R("2025-10-01", "2025-12-31")),
    ("en", "the February quarter", R("2025-12-01", "2026-02-28"), R("2025-12-01", "2026-02-28")),  # Dec-Feb
    ("en", "the June-quarter of 2025", R("2025-04-01", "2025-06-30"), R("2025-04-01", "2025-06-30")),
    ("fr", "au trimestre clos fin juin", R("2025-04-01", "2025-06-30"), R("2025-04-01", "2025-06-30")),
    ("fr", "le trimestre achevé le 30 septembre 2024", R("2024-07-01", "2024-09-30"), R("2024-07-01", "2024-09-30")),
    ("en", "third-quarter", R("2025-07-01", "2025-09-30"), R("2025-07-01", "2025-09-30")),
    ("en", "first-half 2025", R("2025-01-01", "2025-06-30"), R("2025-01-01", "2025-06-30")),
    ("en", "next-year", DateRange.year(2027), R("2026-01-01", "2027-12-31")),
    ("fr", "au troisième trimestre", R("2025-07-01", "2025-09-30"), R("2025-07-01", "2025-09-30")),
    ("en", "in the first half", R("2026-01-01", "2026-06-30"), R("2025-01-01", "2026-06-30")),
    ("fr", "au premier semestre", R("2026-01-01", "2026-06-30"), R("2025-01-01", "2026-06-30")),
    ("en", "in the first half of last year", R("2025-01-01", "2025-06-30"), R("2024-01-01", "2025-06-30")),
    ("fr", "au premier semestre de l'an dernier", R("2025-01-01", "2025-06-30"), R("2024-01-01", "2025-06-30")),
    ("en", "last year", DateRange.year(2025), R("2024-01-01", "2025-12-31")),
    ("fr", "l'an dernier", DateRange.year(2025), R("2024-01-01", "2025-12-31")),
    ("en", "the end of December", DateRange.month(2025, 12), DateRange.month(2025, 12)),
    ("fr", "fin décembre", DateRange.month(2025, 12), DateRange.month(2025, 12)),
    ("en", "early March", DateRange.month(2025, 3), DateRange.month(2025, 3)),
    ("fr", "début mars 2025", DateRange.month(2025, 3), DateRange.month(2025, 3)),
    ("fr", "d'ici fin 2026", R("2026-01-15", "2026-12-31"), R("2025-12-20", "2026-12-31")),
    ("en", "by the end of 2026", R("2026-01-15", "2026-12-31"), R("2025-12-20", "2026-12-31")),
    ("fr", "d'ici juin 2026", R("2026-01-15", "2026-06-30"), R("2025-12-20", "2026-06-30")),
    ("en", "over the next three years", R("2026-01-15", "2029-01-14"), R("2025-12-20", "2029-01-14")),
    ("fr", "au cours des trois prochaines années", R("2026-01-15", "2029-01-14"), R("2025-12-20", "2029-01-14")),
    ("en", "in the next 12 months", R("2026-01-15", "2027-01-14"), R("2025-12-20", "2027-01-14")),
    ("fr", "dans les 12 prochains mois", R("2026-01-15", "2027-01-14"), R("2025-12-20", "2027-01-14")),
    ("fr", "les deux années à venir", R("2026-01-15", "2028-01-14"), R("2025-12-20", "2028-01-14")),
    # With nothing before them to refer to, "a year earlier" is the year before publication.
    ("en", "a year earlier", DateRange.year(2025), R("2024-01-01", "2025-12-31")),
    ("fr", "l'année précédente", DateRange.year(2025), R("2024-01-01", "2025-12-31")),
]


@pytest.mark.parametrize(("lang", "expr", "on_day", "on_range"), MOVED)
def test_expressions_moved_from_extraction_resolve_here(lang, expr, on_day, on_range):
    assert resolve_period(expr, PUB, lang) == on_day
    assert resolve_period(expr, WEEK_RANGE, lang) == on_range
    [mention] = find_periods(f"… {expr} …", lang, PUB)
    assert mention.period == on_day and expr.endswith(mention.text)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Nvidia's value passed $4tn on Thursday.", "Thursday"),
    ("en", "The shares rose on Monday.", "Monday"),
    ("fr", "Le titre a bondi lundi de 3 %.", "lundi"),
    ("fr", "Nvidia a franchi mardi la barre des 4 000 milliards.", "mardi"),
])
def test_a_weekday_is_the_last_such_day_on_or_before_a_single_publication_day(lang, text, expected):
    weekday = _grammar(lang).weekdays[expected.lower()]
    [mention] = find_periods(text, lang, PUB)
    day = PUB - dt.timedelta(days=(PUB.weekday() - weekday) % 7)
    assert (mention.text, mention.period) == (expected, DateRange.day(day))
    assert [m.period for m in find_periods(text, lang, WEEK_RANGE)] == [None]  # which week? unknown
    assert [m.period for m in find_periods(text, lang, None)] == [None]


def test_weekdays_by_a_day_and_before_a_date():
    assert resolve_period("jeudi", PUB, "fr") == DateRange.day(PUB)  # the publication day itself
    assert resolve_period("by Friday", PUB, "en") == R("2026-01-15", "2026-01-16")
    # A weekday before a date is part of it: the date decides, whatever the publication.
    for lang, text, day in [("fr", "lundi 3 mars 2025", D(2025, 3, 3)), ("en", "Thursday, Jan. 15", D(2026, 1, 15))]:
        assert [(m.text, m.period) for m in find_periods(f"le {text}.", lang, PUB)] == [(text, DateRange.day(day))]
        assert resolve_period(text, PUB, lang) == DateRange.day(day)


@pytest.mark.parametrize(("lang", "text", "first", "earlier"), [
    ("en", "172 million at the end of December, up from 78.6 million a year earlier",
     DateRange.month(2025, 12), DateRange.month(2024, 12)),
    ("en", "revenue in the June quarter rose 10% from the previous year", R("2025-04-01", "2025-06-30"),
     R("2024-04-01", "2024-06-30")),
    ("fr", "150 millions en décembre, contre 75 millions l'année précédente",
     DateRange.month(2025, 12), DateRange.month(2024, 12)),
    ("en", "sales on Feb. 29, 2024 and two years earlier", DateRange.day(D(2024, 2, 29)),
     DateRange.day(D(2022, 2, 28))),
])
def test_a_year_earlier_moves_the_period_named_before_it(lang, text, first, earlier):
    assert [m.period for m in find_periods(text, lang, PUB)] == [first, earlier]


def test_a_year_earlier_after_an_unresolved_period_stays_unresolved():
    found = find_periods("100 million this year, up from 80 million a year earlier", "en", None)
    assert [(m.text, m.period) for m in found] == [("this year", None), ("a year earlier", None)]
    assert resolve_period("a year earlier", None, "en") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "les trois années"),  # no "prochaines" / "à venir": not a span to come
    ("en", "the quarter"),
    ("fr", "le trimestre"),
    ("en", "the Sundays"),
])
def test_near_misses_of_the_moved_expressions_are_not_periods(lang, text):
    assert find_periods(f"x {text} y", lang, PUB) == []


@settings(max_examples=80, deadline=None)
@given(publication_days, st.sampled_from([(lang, name) for lang in ("fr", "en") for name in _grammar(lang).weekdays]))
def test_a_weekday_is_within_the_seven_days_up_to_the_publication_day(day, lang_name):
    lang, name = lang_name
    period = resolve_period(name, day, lang)
    assert period.start == period.end
    assert 0 <= (day - period.start).days < 7
    assert period.start.weekday() == _grammar(lang).weekdays[name]
    assert resolve_period(name, DateRange(day, day + dt.timedelta(days=1)), lang) is None


@settings(max_examples=80, deadline=None)
@given(publication_days, st.integers(1, 12), st.sampled_from(["en", "fr"]))
def test_a_quarter_named_by_its_month_is_the_latest_begun_by_publication(day, month, lang):
    name = next(k for k, v in _grammar(lang).months.items() if v == month)
    expr = f"the {name} quarter" if lang == "en" else f"le trimestre clos fin {name}"
    period = resolve_period(expr, day, lang)
    assert period.end == DateRange.month(period.end.year, month).end and period.start.day == 1
    assert (period.end.year * 12 + period.end.month) - (period.start.year * 12 + period.start.month) == 2
    assert period.start <= day < D(period.start.year + 1, period.start.month, 1)  # the next one starts later


@settings(max_examples=80, deadline=None)
@given(publication_days, st.integers(1, 5), st.sampled_from(["en", "fr"]))
def test_a_coming_span_runs_from_publication_to_the_day_before_the_anniversary(day, years, lang):
    expr = f"over the next {years} years" if lang == "en" else f"au cours des {years} prochaines années"
    period = resolve_period(expr, day, lang)
    leap_day = (day.month, day.day) == (2, 29)
    anniversary = D(day.year + years, day.month, 28 if leap_day else day.day)
    assert period.start == day and period.end + dt.timedelta(days=1) == anniversary


@settings(max_examples=60, deadline=None)
@given(st.integers(1950, 2090), st.integers(1, 12), st.sampled_from([("en", "in", "a year earlier"),
                                                                      ("fr", "en", "l'année précédente")]))
def test_a_year_earlier_is_the_same_month_one_year_back(year, month, words):
    lang, prep, earlier = words
    name = max((k for k, v in _grammar(lang).months.items() if v == month), key=len)  # the full name
    found = find_periods(f"{prep} {name} {year}, contre {earlier}", lang, None)
    assert [m.period for m in found] == [DateRange.month(year, month), DateRange.month(year - 1, month)]


def test_a_year_heading_a_bracketed_comparison_is_a_period():
    found = find_periods("Sales were €5.3 billion (2030: €4.9 billion).", "en", None)
    assert [(m.text, str(m.period)) for m in found] == [("2030", "2030-01-01..2030-12-31")]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Zephyr will report its results on April 24.", "en", "2031-04-24"),
        ("Zephyr reported its results on April 24.", "en", "2030-04-24"),
        ("Zephyr publiera ses comptes le 24 avril.", "fr", "2031-04-24"),
        ("Zephyr is due to report on Thursday.", "en", "2031-03-13"),
    ],
)
def test_a_yearless_date_after_a_word_of_the_future_lies_ahead(text, lang, want):
    [found] = find_periods(text, lang, D(2031, 3, 10))
    assert str(found.period) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Zephyr posted its results for the first quarter ended March 28, 2031.", "en", "2030-12-29..2031-03-28"),
        ("Ventes du premier trimestre fiscal 2031 (terminé le 28 mars 2031) en hausse.", "fr", "2030-12-29..2031-03-28"),
        ("Sales for the quarter ended June 30, 2031 rose.", "en", "2031-04-01..2031-06-30"),
        ("Sales in the three months ended March 28, 2031 rose.", "en", "2030-12-29..2031-03-28"),
    ],
)
def test_a_quarter_ending_on_a_given_day_is_the_three_months_to_that_day(text, lang, want):
    [found] = find_periods(text, lang, None)
    assert str(found.period) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("full-year 2030 deliveries", "en", "2030-01-01..2030-12-31"),
        ("revenue in fiscal year 2030", "en", "2030-01-01..2030-12-31"),
        ("FY 2030 revenue", "en", "2030-01-01..2030-12-31"),
        ("sur l'exercice fiscal 2030", "fr", "2030-01-01..2030-12-31"),
    ],
)
def test_full_and_fiscal_years_are_the_year_when_no_fiscal_calendar_is_given(text, lang, want):
    [found] = find_periods(text, lang, None)
    assert str(found.period) == want
