"""Figures in text: digits and number words, scale words, qualifiers, currencies, counted nouns.

:func:`find_quantities` scans a text with one compiled regex per language (built from
``reconcile/data/numbers/<lang>.toml`` and ``common.toml``) and returns a :class:`Mention` for
every figure; :func:`parse_quantity` reads one expression.

>>> [m.quantity.stated for m in find_quantities("ByteDance prévoit 7 milliards de dollars en 2025", "fr")]
[7000000000.0]
>>> q = parse_quantity("plus de 40 milliards de yuans", "fr")
>>> (q.low, q.high, q.unit, q.bound)
(40000000000.0, inf, 'CNY', 'lower')

Approximate figures
-------------------
A qualifier turns a figure ``X`` into an interval. The widths live in one table,
:data:`APPROXIMATION`; ``w`` is the relative width of the qualifier and ``h`` half the step of
the last digit written, scaled when decimals are written (``5,6 milliards`` -> step 0.1e9,
h = 0.05e9; ``200 000``, ``1 million``, ``trois`` -> step 1, h = 0.5):

=============================================  ===========  ==========================
qualifier (fr / en)                            bound        interval
=============================================  ===========  ==========================
none                                           exact        [X, X]
environ, autour de, quelque, avoisine /        approx       [X - d, X + d], d = max(w·X, h), w = 10 %
about, around, roughly
près de, presque, proche de, frôle / nearly,   approx       [X - d, X],     d = max(w·X, h), w = 10 %
almost, close to, approaching
plus de, au moins, au-delà de, dépasse,        lower        [X, inf)
a franchi, au-dessus de / more than, over,
at least, topped, exceeded, passed, crossed,
above, closed above
moins de, jusqu'à, sous la barre des,          upper        [0, X]
n'atteint pas, en dessous de / fewer than,
less than, under, up to, below, short of,
not exceed
entre X et Y, de X à Y / between X and Y,      range        [X, Y], stated = (X + Y) / 2
from X to Y, X-Y, X–Y
=============================================  ===========  ==========================

Verbs and prepositions (``[qualifiers_linked]`` in the data files) reach their figure directly or
through a link of ``[qualifier_links]`` ("topped the $3 trillion mark", "a franchi la barre des
1 000 milliards"); ``Mention.text`` begins with the qualifier, as for every qualifier. A negation
is its own, upper, qualifier ("n'a pas dépassé les 100", "did not exceed 5 %").

Currencies
----------
``$`` is the US dollar and ``¥`` the yen unless the caller's ``currency_hint`` names another
currency the symbol can denote (``$``: CAD, AUD, HKD, ...; ``¥``: CNY). Without a hint, ``¥``
is the yuan when the text speaks of China (yuan, renminbi, Chine, China, ...). ``dollars``
alone is USD; ``dollars canadiens``, ``HK$``, ``C$`` are not. A letter prefix is glued to the
``$`` ("C $5" is dollars), and one that is a word counts only in capitals: "a $3", "a$3" and
"pay us $5" are dollars, "A$3" Australian, "US $5" American. Cents and pence are hundredths.

Every ISO 4217 currency is known from the Unicode CLDR (:mod:`reconcile.cldr`): its code, written
in capitals before or after the figure ("MYR 42", "42MYR", "UAH3.04"; a code that is a word in
capitals, "ALL", "TOP", only after it), its names and plurals in the language ("42 Malaysian
ringgits", "12 dinars koweïtiens", "ten shekels") and its symbols ("R$", "₪"); local signs are data
(``[cased]`` in ``reconcile/data/currencies.toml``: "RM5", "Rs 20 crore", "LE 5", "5 zł"). An
ambiguous sign or word ("$", "¥", "kr", "Rs", "dollars", "francs") is chosen among the currencies
that existed at the publication date (``on``; "francs" in 2015 are never French), by the caller's
``currency_hint``, else the outlet's ``country`` (a Singapore paper's "$" is SGD), else its first
candidate. Sub-units join the whole amount ("$20 and 43c", "a dollar and 42 cents", "20 ringgit and
43 sen"). A loss is never a sign: "a loss of $2bn" is +2e9 USD and the claim's measure
(``net_loss``, evaluation/realnews/GUIDELINES.md) says loss; only a written sign or word makes a
figure negative ("-2,22 milliards", "- 1.200.000" at the start of a phrase, "moins quinze").

Other forms read
----------------
Fractions with a numerator ("deux tiers", "trois cinquièmes", "a half", "un et demi",
"un million et demi", "un sur trois", "1 over 20", "3/4", "2 1/4", "½"), decimal words
("deux cent virgule trois", "two hundred point zero three"), signs ("-9,25", "minus 5"),
exponents ("1e10", "1,1^23", "1.3x10^6"), "percent of 10", and money with its cents ("3 dollars
50 cents", "treize euros et quarante-cinq cents"). A fraction takes the scale word after it
("half a dozen", "two thirds of a million", "un demi-million", "one billion and a half
million" = 1 000 500 000); digits and scale words make one number ("4 thousand 3 hundred and
21", "6 crore and two hundred"); capital SI prefixes after digits ("1,674.5 G", "5 M€"); Indian
grouping ("12,34,567.89"). A part of a whole ("1 in 5", "two out of five hundred", "un sur
trois") is never more than the whole: "12 out of 10", "huit sur cinq" are two figures. A list
such as "22,24,26" is several figures.

Counted nouns
-------------
``Mention.noun`` is the noun phrase after the figure when it holds a counted noun or a product
(``[nouns]``, ``[products]``): "100 000 puces Ascend 910B", "puces d'IA", "utilisateurs actifs".
Up to two lower-case words may come first ("1 million enterprise users", "30 000 nouvelles
puces") unless one is a number word or a ``gap_breakers`` word (articles, prepositions, verbs
such as "use"), or, in English, a plural ("3 companies use chips": the companies are counted).

What is not a figure
--------------------
Model names (H20, A100, 910B: letters and digits glued), a figure after a product word
(Ascend 910), years used as dates (a bare 1800..2100, or any 4-digit number after "en",
"depuis", "in", "since"...; "2023-24"), day-month dates (le 3 mars, March 3), times (14:30,
3 pm), dates in digits (17/05/2018, 2018-05-17), digits inside a web address, ordinals and
ranks (3e, 1er, 4th, "le vingt-cinquième", "the third quarter": an ordinal is a denominator
only after a numerator; "the two millionth visitor" is one rank, a denominator after two would
be plural), digits glued to an unknown word (180ml, 5G; "1m" in French is a metre), and a lone
article ("un", "a", "one") that carries no scale word, currency or fraction. Nor is an article
after a scale word of a million or more (``article_after_scale_from``) when a word follows:
"75 millions un an plus tôt" is 75 000 000 and "un an" the phrase after it. At the end of a
phrase ("deux millions un.") or before a currency word, it ends the number: 2 000 001. After
"cent", "mille", "hundred" or "thousand" it is always a figure ("cent un dalmatiens" = 101).
"""

from __future__ import annotations

import datetime
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

import attrs

from reconcile import cldr
from reconcile.errors import QuantityParseError, ReconcileError
from reconcile.model import Mention, Quantity
from reconcile.numerals import (
    SCALE_FROM,
    Language,
    WordRange,
    alternation,
    digits_value,
    language,
    normalise,
    words_value,
)

__all__ = ["APPROXIMATION", "Approximation", "find_quantities", "parse_quantity"]


@attrs.frozen
class Approximation:
    """How a qualifier widens a figure ``X``: ``below``/``above`` are relative widths
    (``math.inf`` for an open side; ``below=1.0`` reaches zero)."""

    bound: str
    below: float
    above: float
    half_step: bool = False


APPROXIMATION: Mapping[str, Approximation] = {
    "exact": Approximation("exact", 0.0, 0.0),
    "approx": Approximation("approx", 0.10, 0.10, half_step=True),
    "near": Approximation("approx", 0.10, 0.0, half_step=True),
    "lower": Approximation("lower", 0.0, math.inf),
    "upper": Approximation("upper", 1.0, 0.0),
}
"""The one table of widths given to qualified figures (see the module docstring)."""

YEARS = (1800, 2100)
"""A bare integer in this span, with nothing counted, is read as a year, not a figure."""

YEARS_AFTER_PREPOSITION = (1000, 2999)
"""A bare integer in this span after a year preposition ("en 1200", "since 1066") is a year."""

def _bounded(pattern: str) -> str:
    """``pattern`` not followed by a word character."""
    return f"(?:{pattern})(?!\\w)"


_VULGAR_FRACTIONS = "\u00bc-\u00be\u2150-\u215e"  # ¼ ½ ¾ and ⅐ .. ⅞, as a character-class range


@attrs.frozen
class _Patterns:
    """The compiled regexes of one language (see :func:`_patterns`)."""

    master: re.Pattern[str]
    """Finds a figure with what is written around it: qualifier, sign, currency, scale, percent."""
    tokeniser: re.Pattern[str]
    """Splits the number words of a match into tokens (words, ordinals, joiners, commas)."""
    noun_phrase: re.Pattern[str]
    """Reads the counted noun or product after a figure."""
    model: re.Pattern[str]
    """A model name (H20, 910B: letters and digits glued)."""
    open_noun: re.Pattern[str]
    """Any noun after a figure (open vocabulary), or a word glued by a hyphen ("20-month")."""


@functools.cache
def _patterns(code: str) -> _Patterns:
    """The regexes of a language, compiled once from its data file."""
    lang = language(code)
    return _Patterns(
        master=re.compile(_master_regex(lang), re.IGNORECASE | re.VERBOSE),
        tokeniser=re.compile(_tokeniser_regex(lang), re.IGNORECASE),
        noun_phrase=re.compile(_noun_phrase_regex(lang), re.IGNORECASE),
        model=re.compile(_model_regex(lang)),
        open_noun=re.compile(_open_noun_regex(lang), re.IGNORECASE),
    )


def _word_joiners(lang: Language) -> list[str]:
    """The joiners that are words ("et", "and"), not marks (",")."""
    return [j for j in lang.joiners if j.isalpha()]


def _word_separator(lang: Language) -> str:
    """What stands between two number words: spaces or hyphens, maybe a joining word or a comma."""
    word_joiners = _word_joiners(lang)
    separator = r"[\s\-]+"
    if word_joiners:
        separator = rf"[\s\-]+(?:{alternation(word_joiners)}[\s\-]+)?"
    if "," in lang.joiners:
        separator = rf"(?:\s*,\s*|{separator})"
    return separator


def _word_sequence_regex(lang: Language) -> str:
    """Number words in a row ("deux cent mille", "a dozen", "trois cinquièmes", "two point five"),
    with the words after a decimal word in the group ``decimal_words``."""
    separator = _word_separator(lang)
    number_word = _bounded(alternation([w for w in lang.words if w not in lang.article_only]))
    ordinal = _bounded(alternation(lang.ordinal_phrases))
    big_words = [w for w, v in lang.words.items() if v >= 100]
    article = only_article = ""
    if lang.article_only:
        only_article = rf"(?:{alternation(lang.article_only)}[\s\-]+)?"
        article = rf"(?:{alternation(lang.article_only)}[\s\-]+(?={_bounded(alternation(big_words))}|{ordinal}))?"
    denominator = rf"(?:{separator}{only_article}{ordinal})?" if lang.ordinals else ""
    word_sequence = rf"{article}(?:{number_word}(?:{separator}{number_word})*{denominator}|{ordinal})"
    scale_only = [w for w in lang.scales if normalise(w) not in lang.words]
    if lang.article_only and scale_only:  # "a dozen", "a dollar": the article is the figure of a scale
        # word or of a currency written in letters
        # of the language's own currency words ("a dollar", "a penny"): CLDR's names would cost
        # a look at every "a" for a figure nobody writes ("a Malaysian ringgit")
        currency_words = [p for p in lang.own_currency_words if _letters_only(p)]
        article_of_scale = (
            rf"{alternation(lang.article_only)}"
            rf"(?=[\s\-]+(?:{_bounded(alternation(scale_only))}|{_bounded(alternation(currency_words))}))"
        )
        word_sequence = rf"(?:{article_of_scale}|{word_sequence})"
    if lang.decimal_words:
        # "virgule soixante et onze" is .71; "point five and two" is 1.5, then 2
        decimal_separator = r"[\s\-]+"
        if lang.joined_decimals and _word_joiners(lang):
            decimal_separator += (
                rf"(?:{alternation(_word_joiners(lang))}[\s\-]+(?={_bounded(alternation(lang.joined_decimals))}))?"
            )
        word_sequence += (
            rf"(?:\s+{_bounded(alternation(lang.decimal_words))}\s+"
            rf"(?P<decimal_words>{number_word}(?:{decimal_separator}{number_word})*))?"
        )
    return word_sequence


def _letters_only(phrase: str) -> bool:
    """Whether a phrase is words only ("dollar", "pound sterling"), no sign ("us $", "€")."""
    return all(word.isalpha() for word in re.split(r"[\s\-']+", phrase))


def _digits_regex(lang: Language) -> str:
    """A figure in digits, one alternative a line."""
    return (
        rf"\d{{0,3}}[{_VULGAR_FRACTIONS}]"  # "½", "2¾"
        r"|\d{1,3}/\d{1,3}(?![/\d])"  # "3/4", not a date "3/4/2020"
        r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:[.,]\d+)?"  # "1 234 567,8": thousands grouped by spaces
        r"|\d+(?:[.,]\d+)*(?:[eE][+\-]?\d+(?!\w)|[x×]10\^[+\-]?\d+)?(?:\^[+\-]?\d+)?"  # "1,234.5", "1e10", "1,1^23"
        rf"|{re.escape(lang.decimal)}\d+"  # ",08": a decimal mark first
    )


def _qualifier_regex(lang: Language) -> str:
    """A qualifier before a figure; a verb or preposition may reach it through a link ("topped
    the $3 trillion mark"), which is then a part of the qualifier, in the group ``qualifier_link``."""
    plain_qualifiers = [q for q in lang.qualifiers if q not in lang.linked_qualifiers]
    return (
        rf"{alternation(plain_qualifiers)}|{_bounded(alternation(lang.linked_qualifiers))}"
        rf"(?P<qualifier_link>\s+{_bounded(alternation(lang.qualifier_links))})?"
    )


def _start_chars(lang: Language) -> str:
    """The characters, other than letters, digits, "-" and "−", a figure with its qualifier or
    currency may begin with, as the inside of a character class."""
    tables = (lang.qualifiers, lang.prefix_currencies, lang.cldr_prefixes, lang.cased_currencies)
    starts = {p[0] for table in tables for p in table if p}
    start_chars = "".join(sorted(re.escape(c) for c in starts | {lang.decimal} if not c.isalnum()))
    return start_chars + _VULGAR_FRACTIONS


def _master_regex(lang: Language) -> str:
    """The master regex (verbose): every group a figure may carry, in the order it is written."""
    negative = ""
    if lang.negative_words:
        negative = rf"|(?P<minus_word>{_bounded(alternation(lang.negative_words))})\s+"
    percent_before = ""
    if lang.percent_prepositions:
        alpha_percent = [w for w in lang.percent_words if w[:1].isalpha()]
        percent_before = (
            rf"(?:(?P<percent_before>{_bounded(alternation(alpha_percent))})\s+"
            rf"{_bounded(alternation(lang.percent_prepositions))}\s+)?"
        )
    scale_word = _bounded(alternation(lang.scales))
    capitals = "|".join(map(re.escape, lang.scale_capitals)) or r"(?!x)x"
    capitals_space = "[ \u00a0\u202f]?" if lang.capitals_glued else "[ \u00a0\u202f]"
    scale_glued = alternation(lang.scale_glued)
    cased = cldr.cased_alternation(lang.cased_currencies)  # codes and local signs, as written
    cased_prefix = cldr.cased_alternation(lang.cased_prefixes)  # less the codes that are words
    # a class of first characters before the trie: most positions fail on one character
    cldr_first = "".join(sorted({re.escape(p[0]) for p in lang.cldr_prefixes if p}))
    cldr_prefix = f"(?=[{cldr_first}]){alternation(lang.cldr_prefixes)}" if cldr_first else r"(?!x)x"
    return rf"""
        (?=[\w\-−{_start_chars(lang)}])(?<!\w)(?<!\d[.,])(?<!\d:)  # not inside a word, a number or a time
        {percent_before}                                   # "percent of" 10
        (?:(?P<qualifier>{_qualifier_regex(lang)})\s*(?=[\d\-−$€£¥￥\w]))?  # "plus de", "topped the"
        (?:(?P<minus_sign>[\-−])(?P<minus_space>[ \u00a0])?(?=\d){negative})?  # "-9,25", "- 1.200.000", "minus 5"
        (?:(?P<currency_before>{alternation(lang.prefix_currencies)}  # "$", "US$", "€"
          |{cldr_prefix}|{cased_prefix})  # CLDR's signs ("R$5"), codes and local signs ("MYR 4", "RM5")
          \s?(?=\d|\w))?
        (?:(?P<digits>{_digits_regex(lang)})               # the figure in digits
          |(?P<number_words>{_word_sequence_regex(lang)}))  # or in words
        (?:(?P<scale_glued>{scale_glued})(?![^\W\d_])       # "12bn", "5M"
          |\s(?P<scale_glued_before_symbol>{scale_glued})(?=[$€£¥￥])  # "5 M€"
          |\s?(?P<scale_abbreviation>{alternation(lang.scale_abbreviations)})(?![^\W\d_])  # "3 mds", "5 bn"
          |{capitals_space}(?P<scale_capital>(?-i:{capitals}))(?![^\W\d_]))?  # "1,674.5 G"
        (?:(?<=[^\W\d_])(?P<fraction_link>[\s\-]+{alternation(lang.fraction_links)})  # half "a" dozen
          (?=[\s\-]+{scale_word}))?
        (?P<scale_words>(?:(?:\s+|-|(?<=\d)){scale_word}){{0,2}})  # "milliards", "thousand million"
        (?(currency_before)|                                # a currency after, unless one came before:
          (?:(?:\s*|-)(?:{alternation(lang.noun_prepositions)}\s*)?  # "de", "of"
            (?P<currency_after>{alternation(lang.currency_phrases)}|{cased})(?![^\W\d_])  # "dollars", "€", "MYR"
            (?P<scale_word_after_currency>(?:\s+{scale_word})?))?)  # "dollars billion"
        (?:\s*(?P<percent_after>{alternation(lang.percent_words)})(?!\w))?  # "%", "pour cent"
        (?:\s+(?P<qualifier_after>{_bounded(alternation(lang.qualifiers_after))}))?  # "environ" after
    """


def _tokeniser_regex(lang: Language) -> str:
    """One number word, ordinal or joining word, or a comma."""
    return rf"{_bounded(alternation(list(lang.words) + list(lang.ordinal_phrases) + _word_joiners(lang)))}|,"


def _model_regex(lang: Language) -> str:
    return f"(?-i:{lang.model_pattern})"


def _noun_phrase_regex(lang: Language) -> str:
    """A counted noun or a product after a figure, maybe after a preposition, modifiers and up
    to two gap words: "puces Ascend 910B", "de puces d'IA", "enterprise users"."""
    product = rf"(?:{_bounded(alternation(lang.products))}|{_model_regex(lang)}(?!\w))"
    brand = _bounded(alternation(lang.brands))
    noun = _bounded(alternation(lang.nouns))
    before = rf"(?:{_bounded(alternation(lang.modifiers_before))}\s+)*" if lang.modifiers_before else ""
    after = rf"(?:\s+{_bounded(alternation(lang.modifiers_after))})*" if lang.modifiers_after else ""
    gap = _noun_gap(lang)
    return (
        # possessive spaces: a long run of them is never given back one by one
        rf"[ \t\u00a0\u202f]*+(?:{alternation(lang.noun_prepositions)}[ \t\u00a0\u202f]*+)?(?P<noun_phrase>"
        # a noun, maybe with a product before or after it: "puces Ascend 910B", "H20 chips"
        rf"{before}(?P<gap_before_noun>(?:{gap}\s+{before}){{0,2}})(?:{brand}\s+)?"
        rf"(?:(?P<product_before_noun>{product})\s+)?"
        rf"(?P<noun>{noun}){after}(?:\s+{brand})?(?:\s+(?P<product_after_noun>{product}))?"
        # or a product first, maybe with a noun after it: "Ascend 910B", "H100 GPUs"
        rf"|{before}(?P<gap_before_product>(?:{gap}\s+{before}){{0,2}})(?:{brand}\s+)?(?P<product>{product})"
        rf"(?:\s+(?P<noun_after_product>{noun}))?)"
    )


def _open_noun_regex(lang: Language) -> str:
    """Any word after a figure, maybe after a preposition and (where modifiers come first) up to
    two modifiers ("two separate public companies"), in the group ``open_noun``; or a word glued
    by a hyphen, in the group ``hyphen_noun`` ("a 20-month grounding", "30-year-old")."""
    gap = ""
    if lang.counted.modifiers_first:  # "1,500 US factory jobs": known modifiers, then up to two others
        known = rf"(?:{_bounded(alternation(lang.modifiers_before))}[ \t\u00a0\u202f]+)*" if lang.modifiers_before else ""
        gap = rf"{known}(?:{_noun_gap(lang)}[ \t\u00a0\u202f]+){{0,2}}"
    elif lang.counted.modifiers_before:
        gap = rf"(?:{_bounded(alternation(lang.counted.modifiers_before))}[ \t\u00a0\u202f]+){{0,2}}"
    return (
        rf"-(?P<hyphen_noun>[^\W\d_]+)"
        rf"|[ \t\u00a0\u202f]*+(?:(?P<preposition>{alternation(lang.noun_prepositions)})"
        rf"(?:(?<=['’])[ \t\u00a0\u202f]?|[ \t\u00a0\u202f]+))?"  # "d'iPads", "d' iPhone", "de véhicules"
        rf"(?P<open_phrase>{gap}(?P<open_noun>[^\W\d_]+))(?![\w'’\-])"
    )


def _noun_gap(lang: Language) -> str:
    """A lower-case word that may stand between a figure and what it counts ("enterprise" in
    "1 million enterprise users"): no number word, no word of ``gap_breakers``, and, where the
    language says so, no plural ("3 companies use chips": "companies" is what is counted)."""
    breakers = alternation([*lang.noun_gap_breakers, *lang.words, *lang.scales])
    singular = "".join(f"|(?<={re.escape(ending)})" for ending in lang.noun_gap_singular_endings)
    plural = "".join(f"(?:(?<!{re.escape(ending)}){singular})" for ending in lang.noun_gap_plural_endings)
    return rf"(?!{breakers}(?![\w\-'’]))(?-i:[a-zß-öø-ÿœæ])[\w\-]*+(?<![\-_]){plural}"


@attrs.frozen
class _Context:
    """Regexes that tell a date, a time or a product number from a figure."""

    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    product_before: re.Pattern[str]
    year_before: re.Pattern[str]
    time_after: re.Pattern[str]


@functools.cache
def _context(code: str) -> _Context:
    lang = language(code)
    month = alternation(lang.months)
    return _Context(
        month_after=re.compile(rf"\s*(?:er|st|nd|rd|th)?\s*{month}(?!\w)", re.IGNORECASE),
        month_before=re.compile(rf"(?<!\w){month}$", re.IGNORECASE),
        product_before=re.compile(rf"(?<!\w){alternation(lang.product_prefixes)}$", re.IGNORECASE),
        year_before=re.compile(rf"(?<!\w){alternation(lang.year_prepositions)}$", re.IGNORECASE),
        time_after=re.compile(rf"\s*(?::\d\d|{alternation(lang.time_words)}(?!\w))", re.IGNORECASE),
    )


@attrs.define
class _Figure:
    """A figure found by the master regex, before ranges are joined. Never changed in place:
    the joining passes build new ones with :func:`attrs.evolve`."""

    start: int
    """Where the mention starts, a qualifier before the figure included."""
    core_start: int
    """Where the figure starts, with its sign, percent word or currency before it."""
    end: int
    value: float
    step: float
    """The unit of the last digit written, scaled (see :data:`APPROXIMATION`)."""
    qualifier: str | None
    """A key of :data:`APPROXIMATION`, or "range"/"range_weak" ("entre", "from") before a range."""
    currency: str | None
    percent: bool
    scaled: bool
    """Whether a scale (word, abbreviation, capital) is written after the figure."""
    bare_integer: bool
    """Four bare digits with nothing around them: maybe a year."""
    scale: float = 1.0
    """What the figure was multiplied by (scale and currency factor)."""
    digits: bool = True
    """Written in digits, not words."""
    article: bool = False
    """A lone article, kept only to begin or end a fraction."""
    other: float | None = None
    """The other end of a range."""
    noun: str | None = None
    noun_unit: str | None = None
    noun_end: int | None = None
    noun_kind: str = "count"
    """``count``, or ``duration`` when the noun is a unit of time."""
    word_scale: float = 1.0
    """The scale written in words after digits ("4 thousand"), which a smaller number may continue."""


@functools.cache
def _cues(code: str, currency: str) -> re.Pattern[str]:
    """The words of a language that, anywhere in a text, point to ``currency``."""
    cues = language(code).currency_context.get(currency, ())
    return re.compile(rf"(?<!\w){alternation(cues)}(?!\w)", re.IGNORECASE)


@attrs.frozen
class _Choice:
    """What decides an ambiguous currency: the caller's hint, the currencies of the outlet's
    country on the publication date (main one first), and that date."""

    hint: str | None = None
    local: tuple[str, ...] = ()
    on: datetime.date | None = None

    @classmethod
    def of(cls, hint: str | None, country: str | None, on: datetime.date | None) -> _Choice:
        local = cldr.in_use(country, on) if country else ()
        return cls(hint.upper() if hint else None, local, on)


def _current(candidates: tuple[str, ...], on: datetime.date | None) -> tuple[str, ...]:
    """The candidates that existed on ``on`` (all of them when none did, or no date is known)."""
    if on is None:
        return candidates
    return tuple(c for c in candidates if cldr.existed(c, on)) or candidates


def _currency_of(symbol: str, lang: Language, choice: _Choice, text: str, memo: dict[str, str]) -> tuple[str, float]:
    """ISO code and factor of a currency word or symbol. An ambiguous one ("$", "francs", "kr")
    is decided, among the candidates that existed at the publication date, by the caller's
    hint, else the outlet's country, else (for "¥") by the words of the text, else the first
    candidate. ``memo`` keeps the text's decision so that it is read once per scan."""
    key = normalise(symbol)
    code, factor = lang.cased_currencies.get(symbol.strip()) or lang.currencies.get(key, ("", 1.0))
    candidates = lang.ambiguous.get(key)
    if not candidates:
        return code, factor
    candidates = _current(candidates, choice.on)
    chosen = next((c for c in (choice.hint, *choice.local) if c in candidates), None)
    if chosen:
        return chosen, factor
    if key not in lang.context_symbols:
        return candidates[0], factor
    if key not in memo:
        memo[key] = next((c for c in candidates[1:] if _cues(lang.code, c).search(text)), candidates[0])
    return memo[key], factor


def _scale_of(match: re.Match[str], lang: Language) -> tuple[float, bool]:
    scale, scaled = 1.0, False
    glued = match["scale_glued"] or match["scale_glued_before_symbol"]
    if glued:
        scale *= lang.scale_glued.get(normalise(glued), 1.0)
        scaled = True
    if match["scale_abbreviation"]:
        scale *= lang.scale_abbreviations.get(normalise(match["scale_abbreviation"]), 1.0)
        scaled = True
    if match["scale_capital"]:
        scale *= lang.scale_capitals[match["scale_capital"]]
        scaled = True
    for word in (match["scale_words"] + " " + (match["scale_word_after_currency"] or "")).split():
        scale *= lang.scales.get(normalise(word), 1.0)
        scaled = True
    return scale, scaled


def _word_scale(match: re.Match[str], lang: Language) -> float:
    """The scale written in words after a figure ("3 hundred", "4 thousand"), else 1."""
    scale = 1.0
    for word in match["scale_words"].split():
        scale *= lang.scales.get(normalise(word), 1.0)
    return scale


def _figures(text: str, code: str, hint: _Choice, strict: bool) -> list[_Figure]:
    master = _patterns(code).master
    memo: dict[str, str] = {}
    out: list[_Figure] = []
    position = 0
    lang = language(code)
    while True:
        match = master.search(text, position)
        if match is None:
            return out
        if not strict and _idle_article(match, text, lang):
            position = match.end()  # a lone "un", "une", "one" before a noun: no figure, joins none
            continue
        try:
            figures = _read(match, text, code, hint, strict, memo)
        except (ValueError, ArithmeticError, IndexError, KeyError):  # pragma: no cover - a bug guard
            figures = []  # one unreadable match never costs the other figures of the text
        if figures is None:
            # Glued to a word ("180ml", "3 USD50"): retry just after this start.
            position = match.start() + 1
            continue
        out.extend(figures)
        if not figures and match["number_words"] and match.end() > match.end("number_words"):
            # Words that are no figure ("the first £100"): what follows them is scanned again.
            position = max(match.end("number_words"), match.start() + 1)
            continue
        position = max(match.end(), match.start() + 1)


# What stands before a lone article: a word and spaces ("prévoit un"), an elided word ("d'un"),
# a punctuation mark ("(un", ". Un"), or nothing but spaces (the start of the text).
_BEFORE_ARTICLE = re.compile(
    r"""(?: (?<!\S)(?P<word>[^\W\d_]+)\s+      # "prévoit un"
          | (?<![\w'’])(?P<elided>[^\W\d_]+['’])  # "d'un", "l'une"
          | (?P<mark>[.!?;:,()«»"“”])\s*        # ". Un", "(un"
          | ^\s*                               # the start of the text
        )$""",
    re.VERBOSE,
)
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)(?!\w)")
_BEFORE_ARTICLE_REACH = 40
"""Characters before a lone article searched for what stands before it."""


def _idle_article(match: re.Match[str], text: str, lang: Language) -> bool:
    """Whether ``match`` is a lone article ("un", "une", "one") between two words that can be
    no part of a figure. Read, it would be kept as an article only to begin or end a fraction
    ("un sur trois", "deux sur un") or to continue a number ("mille un"), and then dropped;
    this early exit skips most French matches ("un accord", "d'une entreprise")."""
    words = match["number_words"]
    if not words or match.start() != match.start("number_words") or match.end() != match.end("number_words"):
        return False
    article = normalise(words)
    if article not in lang.articles or article in lang.ordinals or _glued_to_word(text, match.end()):
        return False
    vocabulary = _figure_vocabulary(lang.code)
    start = match.start()
    before = _BEFORE_ARTICLE.search(text, max(0, start - _BEFORE_ARTICLE_REACH), start)
    if before is None or normalise(before["word"] or before["elided"] or before["mark"] or "") in vocabulary:
        return False
    after = _WORD_AFTER.match(text, match.end())
    return after is not None and normalise(after[1]) not in vocabulary


@functools.cache
def _figure_vocabulary(code: str) -> frozenset[str]:
    """Every word of a phrase that may be a part of a figure or join two figures: number,
    scale, ordinal, currency, percent, qualifier after, joining and "over" words, and every
    mark (not a letter, digit or space) of a joining or "over" word."""
    lang = language(code)
    tables: list[Iterable[str]] = [
        lang.words, lang.scales, lang.scale_abbreviations, lang.scale_glued, lang.scale_capitals, lang.ordinals,
        lang.currencies,
        lang.percent_words, lang.qualifiers_after, lang.joiners, lang.over_words, lang.articles,
    ]
    words = {word for table in tables for phrase in table for word in normalise(phrase).split()}
    marks = {c for phrase in (*lang.joiners, *lang.over_words) for c in phrase if not (c.isalnum() or c.isspace())}
    return frozenset(words | marks)


_LAST_WORD = re.compile(r"[^\s\-]+$")


class _Segment(NamedTuple):
    """One figure of a match in digits or words, before what is written around the match
    (sign, scale, currency, qualifier) is applied. A match holds several in a list ("22,24,26")
    or when its words do not make one number ("cinq et six millions")."""

    start: int
    end: int
    value: float
    step: float
    """The unit of the last digit written: 1 for "200 000", 0.1 for "5,6", 1e-3 for a fraction."""
    year_like: bool
    """Four bare digits, which may be a year ("2025")."""
    article: bool
    """A lone article ("un", "a"), kept only to begin a fraction ("un sur trois")."""


class _Around(NamedTuple):
    """What a match writes around its figures, read once from its groups; the sign belongs
    to the first figure, the scale, currency and percent to the last."""

    start: int
    """Where the match starts, qualifier included."""
    lead_start: int | None
    """Where a percent word, minus or currency written before the first figure starts."""
    qualifier: str | None
    qualifier_after: str | None
    sign: float
    percent: bool
    scale: float
    scaled: bool
    word_scale: float
    currency: str | None
    last_multiplier: float
    """What the last figure is multiplied by: the scale times the currency's factor to its ISO
    unit (0.01 for cents)."""
    marked: bool
    """Whether a scale, a currency word or symbol (known or not) or a percent says the last
    figure is no year."""
    currency_before: bool
    digits: bool

    def qualifier_of(self, first: bool, last: bool) -> str | None:
        """A qualifier before goes to the first figure, one after to the last."""
        return (self.qualifier if first else None) or (self.qualifier_after if last else None)


def _read(
    match: re.Match[str], text: str, code: str, hint: _Choice, strict: bool, memo: dict[str, str]
) -> list[_Figure] | None:
    """The figures of one regex match; ``None`` when the match is glued to a word."""
    lang = language(code)
    if _glued_to_word(text, match.end()):
        return None
    if _article_before_noun(match, text, lang):
        return []
    if match["minus_space"] and _dash_between(text, match.start()):
        return None  # "10 - 20", "Paris - 3 morts": a dash between two things, not a sign
    symbol, symbol_start = _prefix_symbol(match, lang)
    symbol = symbol or match["currency_after"]
    end = match.end()
    if match["number_words"]:
        words = _word_segments(match, _patterns(code).tokeniser, lang, strict)
        if words is None:
            return []
        if words.article_cut and words.segments:
            end = words.segments[-1].end
        symbol = symbol or words.trailing_currency
        if _fraction_link_without_fraction(match, lang):
            return None  # "half a dozen" links a fraction to its scale; "three of a million" does not
        segments = words.segments
    else:
        segments = _digit_segments(match["digits"], match.start("digits"), lang)
    if not segments:
        return []
    around = _around(match, lang, symbol, symbol_start, hint, text, memo)
    return _kept(_figures_of(segments, around, end), text, code, strict)


_WORD_END_BEFORE = re.compile(r"[\w%$€£¥)\]]\s*$")


def _dash_between(text: str, start: int) -> bool:
    """Whether the dash at ``start``, a space after it, follows a word, a figure or a bracket: then
    it separates ("10 - 20"); at the start of a text or after punctuation it is a sign."""
    return _WORD_END_BEFORE.search(text, max(0, start - 10), start) is not None


def _prefix_symbol(match: re.Match[str], lang: Language) -> tuple[str | None, int]:
    """The currency written before the figure and where it starts. A prefix that is also a
    word of the language counts only in capitals: "A$3" is Australian, "a$3" is "a" then "$3"."""
    prefix = match["currency_before"]
    if not prefix:
        return None, -1
    start = match.start("currency_before")
    letters, mark, _ = prefix.partition("$")
    if mark and letters and not letters.isupper() and normalise(letters) in lang.word_prefixes:
        return prefix[len(letters):], start + len(letters)
    return prefix, start


def _qualifier(match: re.Match[str], lang: Language) -> str | None:
    """The kind of the qualifier before the figure ("plus de", "topped the"), or ``None``."""
    written = match["qualifier"]
    if not written:
        return None
    if match["qualifier_link"]:  # "franchi la barre des": the link says nothing of the bound
        written = written[: match.start("qualifier_link") - match.start("qualifier")]
    return lang.qualifiers.get(normalise(written))


def _glued_to_word(text: str, end: int) -> bool:
    """Whether a letter, digit or underscore follows ``end`` ("180ml", "3 USD50")."""
    return end < len(text) and (text[end].isalnum() or text[end] == "_")


def _fraction_link_without_fraction(match: re.Match[str], lang: Language) -> bool:
    """Whether a fraction link ("a" in "half a dozen") follows words that are no fraction."""
    if not match["fraction_link"]:
        return False
    last_word = _LAST_WORD.search(match["number_words"])
    return last_word is None or normalise(last_word[0]) not in lang.ordinals


def _lead_start(match: re.Match[str], symbol_start: int) -> int | None:
    """Where what is written before the first figure (percent word, minus, currency) starts."""
    for group in ("percent_before", "minus_word", "minus_sign", "currency_before"):
        if match[group]:
            return symbol_start if group == "currency_before" else match.start(group)
    return None


def _around(
    match: re.Match[str], lang: Language, symbol: str | None, symbol_start: int,
    hint: _Choice, text: str, memo: dict[str, str],
) -> _Around:
    """Read the groups around the figures of ``match``; ``hint``, ``text`` and ``memo`` decide
    an ambiguous currency symbol (see :func:`_currency_of`)."""
    currency, factor = None, None
    if symbol:
        currency, factor = _currency_of(symbol, lang, hint, text, memo)
    scale, scaled = _scale_of(match, lang)
    percent = bool(match["percent_after"] or match["percent_before"])
    after = match["qualifier_after"]
    return _Around(
        start=match.start(),
        lead_start=_lead_start(match, symbol_start),
        qualifier=_qualifier(match, lang),
        qualifier_after=lang.qualifiers_after.get(normalise(after)) if after else None,
        sign=-1.0 if match["minus_sign"] or match["minus_word"] else 1.0,
        percent=percent,
        scale=scale,
        scaled=scaled,
        word_scale=_word_scale(match, lang),
        currency=currency,
        last_multiplier=scale * (factor or 1.0),
        marked=bool(scaled or symbol or percent),
        currency_before=bool(match["currency_before"]),
        digits=not match["number_words"],
    )


def _figures_of(segments: list[_Segment], around: _Around, end: int) -> list[_Figure]:
    """The figures of a match's segments: the sign and a qualifier before go to the first, the
    scale, currency, percent and a qualifier after to the last (which ends at ``end``)."""
    last_index = len(segments) - 1
    return [_figure(segment, index == 0, index == last_index, around, end) for index, segment in enumerate(segments)]


def _figure(segment: _Segment, first: bool, last: bool, around: _Around, end: int) -> _Figure:
    # the sign goes to the first figure; the scale and the currency's factor to the last
    multiplier = (around.sign if first else 1.0) * (around.last_multiplier if last else 1.0)
    core_start = around.lead_start if first and around.lead_start is not None else segment.start
    return _Figure(
        start=around.start if first and around.qualifier else core_start,
        core_start=core_start,
        end=end if last else segment.end,
        value=_times(segment.value, multiplier),
        step=_times(segment.step, abs(multiplier)) if segment.step < 1 else segment.step,
        qualifier=around.qualifier_of(first, last),
        currency=around.currency if last or (first and around.currency_before) else None,
        percent=around.percent and last,
        scaled=around.scaled and last,
        bare_integer=segment.year_like and around.sign > 0 and not (last and around.marked),
        article=segment.article,
        scale=abs(multiplier) if last else 1.0,
        word_scale=around.word_scale if last else 1.0,
        digits=around.digits,
    )


def _kept(figures: list[_Figure], text: str, code: str, strict: bool) -> list[_Figure]:
    """The figures that are figures: the last one takes the noun after it; dates, times, years
    and product numbers are dropped (unless ``strict``), and so are infinite values."""
    lang, patterns, context = language(code), _patterns(code), _context(code)
    out = []
    for index, figure in enumerate(figures):
        if index == len(figures) - 1 and not figure.currency and not figure.percent:
            figure = _with_noun(figure, text, patterns, lang)
        if not strict and _not_a_figure(figure, text, context, lang):
            continue
        if math.isfinite(figure.value):
            out.append(figure)
    return out


def _word_joiner(gap: str, lang: Language) -> bool:
    """Whether ``gap`` is a joining word ("et", "and"), not a comma."""
    word = normalise(gap)
    return word.isalpha() and word in lang.joiners


def _plain(figure: _Figure, scale_allowed: bool = False, noun_allowed: bool = False) -> bool:
    """Whether a figure is a bare number: no currency, percent, noun (unless ``noun_allowed``),
    range end or (unless ``scale_allowed``) scale."""
    return not (
        figure.currency or figure.percent or (figure.noun and not noun_allowed) or figure.other is not None
        or (figure.scale != 1.0 and not scale_allowed)
    )


_NEXT_WORD = re.compile(r"\s*(\w*)")


def _next_word(text: str, position: int) -> str:
    """The word after ``position`` and the spaces after it ("" when no word follows)."""
    found = _NEXT_WORD.match(text, position)
    return found[1] if found else ""


def _clause_ends(text: str, position: int, lang: Language) -> bool:
    """Whether no word, or only a joining word ("et", "and"), follows ``position``."""
    after = _next_word(text, position)
    return not after.isalpha() or normalise(after) in lang.joiners


_Join = Callable[[_Figure, _Figure, str, Language], "_Figure | None"]
"""A strategy that joins a figure to the one before it, or returns ``None``."""


def _joined_in_turn(figures: list[_Figure], text: str, lang: Language, joins: tuple[_Join, ...]) -> list[_Figure]:
    """The figures, each joined to the one before it by the first of ``joins`` that applies."""
    out: list[_Figure] = []
    for figure in figures:
        joined = None
        if out:
            for join in joins:
                joined = join(out[-1], figure, text, lang)
                if joined is not None:
                    break
        if joined is None:
            out.append(figure)
        else:
            out[-1] = joined
    return out


def _whole_before_fraction(previous: _Figure) -> bool:
    """Whether a figure can be the numerator or whole part of a fraction after it."""
    return _plain(previous) and previous.value.is_integer() and previous.qualifier in (None, "range_weak")


def _part_of_whole(previous: _Figure, figure: _Figure, text: str, lang: Language) -> _Figure | None:
    """"un sur trois", "1 over 20" (ending the clause), "1 in 5": a part is never more than
    the whole ("12 out of 10" is two figures)."""
    over = normalise(text[previous.end : figure.core_start])
    if over not in lang.over_words or not _whole_before_fraction(previous):
        return None
    if not (figure.value and _plain(figure, scale_allowed=True, noun_allowed=over in lang.part_of_anywhere)):
        return None
    if not (over in lang.part_of_anywhere or _clause_ends(text, figure.end, lang)):
        return None
    if over in lang.part_of_words and not previous.value <= figure.value:
        return None
    value = previous.value / figure.value
    return attrs.evolve(previous, end=figure.end, value=value, step=FRACTION_STEP, article=False, bare_integer=False)


def _whole_and_digit_fraction(previous: _Figure, figure: _Figure, text: str, lang: Language) -> _Figure | None:
    """"2 1/4": a whole number and a fraction in digits."""
    if not (figure.digits and previous.digits and "/" in text[figure.core_start : figure.end]):
        return None
    if text[previous.end : figure.core_start].strip() or not _whole_before_fraction(previous):
        return None
    return attrs.evolve(previous, end=figure.end, value=previous.value + figure.value, step=FRACTION_STEP)


def _scale_and_fraction(previous: _Figure, figure: _Figure, text: str, lang: Language) -> _Figure | None:
    """"3 millions et demi", "3 million and a quarter": a fraction of the scale before it."""
    if not previous.scaled or previous.currency or previous.percent:
        return None
    if figure.digits or not 0 < figure.value < 1 or not _word_joiner(text[previous.end : figure.core_start], lang):
        return None
    value = previous.value + _times(figure.value, previous.scale)
    return attrs.evolve(previous, end=figure.end, value=value, currency=figure.currency, noun=figure.noun,
                        noun_unit=figure.noun_unit, article=False)


FRACTION_JOINS: tuple[_Join, ...] = (_part_of_whole, _whole_and_digit_fraction, _scale_and_fraction)
"""How a fraction joins the figure before it, tried in this order."""


def _fractions(figures: list[_Figure], text: str, lang: Language) -> list[_Figure]:
    """Join "un sur trois", "1 over 20" (ending the clause), "2 1/4" and "3 millions et demi"."""
    return _joined_in_turn(figures, text, lang, FRACTION_JOINS)


def _mixed_compounds(figures: list[_Figure], text: str, lang: Language) -> list[_Figure]:
    """Join digits and scale words written as one number: "4 thousand 3 hundred and 21",
    "6 crore and two hundred". The part after a scale word is smaller than that scale."""
    out: list[_Figure] = []
    open_scale = 0.0  # the scale word that ends the figure being built; 0 when none does
    for figure in figures:
        if out and figure.article and _article_after_large_scale(out[-1], figure, open_scale, text, lang):
            open_scale = 0.0  # "75 millions un an plus tôt": "un" is the article of "an"
            continue
        if out and open_scale > 1.0 and _below_open_scale(out[-1], figure, open_scale, text, lang):
            previous = out[-1]
            out[-1] = attrs.evolve(
                figure, start=previous.start, core_start=previous.core_start, value=previous.value + figure.value,
                qualifier=previous.qualifier, digits=True, bare_integer=False, article=False,
            )
            open_scale = figure.word_scale
            continue
        open_scale = _scale_left_open(figure)
        out.append(figure)
    return out


def _article_after_large_scale(
    previous: _Figure, figure: _Figure, open_scale: float, text: str, lang: Language
) -> bool:
    """Whether ``figure`` is an article after a scale word of a million or more, with a noun
    after it ("75 millions un an")."""
    return (
        figure.article and open_scale >= lang.article_after_scale_from
        and text[previous.end : figure.core_start].isspace() and _noun_follows(text, figure.end, lang)
    )


def _below_open_scale(previous: _Figure, figure: _Figure, open_scale: float, text: str, lang: Language) -> bool:
    """Whether ``figure`` continues the number ``previous`` ends with a scale word: a whole
    number below that scale, after a space or a joining word ("4 thousand 3 hundred")."""
    if figure.other is not None:
        return False
    gap = text[previous.end : figure.core_start]
    return (
        (gap.isspace() or _word_joiner(gap, lang) and previous.qualifier != "range")
        and 0 < figure.value < open_scale and figure.value.is_integer() and figure.qualifier is None
        and not figure.percent and figure.start == figure.core_start
    )


def _scale_left_open(figure: _Figure) -> float:
    """The scale word a figure in digits ends with ("4 thousand"), which a smaller number may
    continue; 0 when there is none or the figure is closed (a currency, a percent, a noun)."""
    if (
        figure.digits and figure.word_scale > 1.0 and figure.value.is_integer() and not figure.currency
        and not figure.percent and figure.noun is None and figure.other is None
    ):
        return figure.word_scale
    return 0.0


CENTS_PER_UNIT = 100
"""Cents in a dollar or euro: "15 dollars 50" is 15.50, and 100 cents are no cents."""


def _compound_money(figures: list[_Figure], text: str, lang: Language) -> list[_Figure]:
    """Join "3 dollars 50 cents", "treize euros et quarante-cinq cents", "15 dollars 50"."""
    out: list[_Figure] = []
    for figure in figures:
        cents = _cents_after(out[-1], figure, text, lang) if out else None
        if cents is None:
            out.append(figure)
            continue
        previous = out[-1]
        out[-1] = attrs.evolve(previous, end=figure.end, value=_times(previous.value + cents, 1.0),
                               step=1 / CENTS_PER_UNIT)
    return out


def _cents_after(previous: _Figure, figure: _Figure, text: str, lang: Language) -> float | None:
    """The cents ``figure`` adds to the whole amount of money ``previous``, or ``None``."""
    if not (
        previous.currency and previous.scale == 1.0
        and previous.qualifier not in ("range", "range_weak")  # "above a dollar and 42 cents" is one bound
        and previous.step >= 1 and previous.value.is_integer()
    ):
        return None
    if figure.qualifier is not None or figure.start != figure.core_start:
        return None
    gap = normalise(text[previous.end : figure.core_start])
    if gap and not (gap.isalpha() and gap in lang.joiners):
        return None
    if figure.currency:  # "50 cents": a currency of a hundredth
        return figure.value if figure.scale == 1 / CENTS_PER_UNIT else None
    if (
        not figure.percent and figure.noun is None and figure.scale == 1.0
        and 0 < figure.value < CENTS_PER_UNIT and figure.value.is_integer()
    ):
        return figure.value / CENTS_PER_UNIT
    return None


def _times(value: float, multiplier: float) -> float:
    """``value * multiplier`` without binary noise: 16.4 million is 16400000, not 16399999.99."""
    if multiplier == 1.0 or not (math.isfinite(value) and math.isfinite(multiplier)):
        return value * multiplier
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


_TIMES_TEN = re.compile("[x×]10\\^")
# Thousands grouped the Western way (1,234,567.8 / 1.234.567,8) or the Indian way (12,34,567.8).
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")


FRACTION_STEP = 1e-3
"""The step given to a fraction ("3/4", "deux tiers", "un sur trois"): its last digit is unknown."""

POWER_STEP = 1e-6
"""The step given to a figure raised to a power ("1,1^23"): its last digit is unknown."""


def _digit_segments(token: str, offset: int, lang: Language) -> list[_Segment]:
    """The figures of a token in digits: plain and grouped digits, 3/4, 1e10, 1,1^23, ,08;
    "22,24,26" (marks that group nothing) is a list."""
    end = offset + len(token)
    if token.isascii() and token.isdigit():  # the common case, fast
        return [_Segment(offset, end, float(token), 1.0, len(token) == 4, False)]
    if not token[-1].isdigit():  # a vulgar fraction: "½", "2¾"
        whole = float(token[:-1]) if token[:-1] else 0.0
        return [_Segment(offset, end, whole + unicodedata.numeric(token[-1]), FRACTION_STEP, False, False)]
    if "/" in token:
        numerator, _, denominator = token.partition("/")
        if int(denominator) == 0:
            return []
        return [_Segment(offset, end, int(numerator) / int(denominator), FRACTION_STEP, False, False)]
    if token[0] in ".,":
        value, step = digits_value("0" + token, lang)
        return [_Segment(offset, end, value, step, False, False)]
    return _number_segments(token, offset, lang)


def _number_segments(token: str, offset: int, lang: Language) -> list[_Segment]:
    """Digits with marks, maybe an exponent or a power: "1,234.5", "1e10", "1.3x10^6", "1,1^23";
    several figures when the marks group nothing ("22,24,26"), none for a date ("17.05.2018")."""
    if "10^" in token:  # "1.3x10^6": scientific notation
        token = _TIMES_TEN.sub("e", token)
    base, _, power = token.partition("^")
    mantissa, _, exponent = base.lower().partition("e")
    marks = mantissa.count(".") + mantissa.count(",")
    if marks >= 2 and not _GROUPED.fullmatch(mantissa) and not exponent and not power:
        return _listed_segments(mantissa, offset)
    value, step = digits_value(mantissa, lang)
    try:
        if exponent:
            # through a decimal string: 6.23e-4 is 0.000623, not 0.0006230000000000001
            value, step = float(f"{value!r}e{int(exponent)}"), float(f"{step!r}e{int(exponent)}")
        if power:
            value, step = value ** int(power), POWER_STEP
    except (OverflowError, ZeroDivisionError):
        return []
    if not isinstance(value, float) or not math.isfinite(value):
        return []
    year_like = bool(re.fullmatch(r"\d{4}", token))
    return [_Segment(offset, offset + len(token), value, step, year_like, False)]


def _listed_segments(mantissa: str, offset: int) -> list[_Segment]:
    """"22,24,26", "1.2.3": one figure per part; none for a date in digits ("17.05.2018")."""
    if _NUMERIC_DATE.fullmatch(mantissa):
        return []
    out, position = [], offset
    for part in re.split(r"[.,]", mantissa):
        out.append(_Segment(position, position + len(part), float(part), 1.0, len(part) == 4, False))
        position += len(part) + 1
    return out


class _WordsRead(NamedTuple):
    """The figures of a match's number words."""

    segments: list[_Segment]
    trailing_currency: str | None
    """A currency word the number words swallowed at their end ("quarante-cinq cents")."""
    article_cut: bool
    """Whether the last word, an article, was left to the noun after it ("millions un an")."""


def _word_segments(
    match: re.Match[str], tokeniser: re.Pattern[str], lang: Language, strict: bool
) -> _WordsRead | None:
    """Number-word segments of a match, or ``None`` when the words hold no figure (a rank, "the
    two millionth"). A lone article is kept, flagged, so that "un sur trois" can still become a
    fraction."""
    offset = match.start("number_words")
    tokens = list(tokeniser.finditer(match["number_words"]))
    if match["decimal_words"]:
        tokens = [t for t in tokens if offset + t.start() < match.start("decimal_words")]
    fraction = None
    if tokens and normalise(tokens[-1].group()) in lang.ordinals:
        fraction = _fraction(tokens, match["number_words"], lang)
        if fraction is None or fraction.value is None:  # "the two millionth visitor": one rank, no figure
            return None
        tokens = tokens[: fraction.tokens_before]
    words = [t.group() for t in tokens]
    ranges = words_value(words, lang)
    trailing_currency = None
    if fraction is None:
        trailing_currency, ranges, article_cut = _numbers_alone(ranges, words, match, lang)
    else:
        article_cut = False
    has_currency = bool(match["currency_after"] or match["currency_before"] or trailing_currency)
    segments = [
        _Segment(offset + tokens[first].start(), offset + tokens[last - 1].end(), value, 1.0, False,
                 _lone_article(words[first], last - first, match, has_currency, lang))
        for first, last, value in ranges
        if strict or not _scale_alone(words[first], lang)
    ]
    if fraction is not None:
        segments = _with_fraction(segments, fraction, match, offset, lang)
    elif match["decimal_words"] and segments:
        segments[-1] = _with_decimal_words(segments[-1], match, tokeniser, lang)
    return _WordsRead(segments, trailing_currency, article_cut)


def _numbers_alone(
    ranges: list[WordRange], words: list[str], match: re.Match[str], lang: Language
) -> tuple[str | None, list[WordRange], bool]:
    """For number words with no fraction at their end: a currency word they swallowed at their
    end, the numbers left, and whether the last word, an article, was left to the noun after it."""
    trailing_currency = None if _suffixed(match) else _trailing_currency(ranges, words, lang)
    if trailing_currency is not None:
        ranges = ranges[:-1]
    article_cut = bool(
        not match["decimal_words"] and match.end() == match.end("number_words") and ranges
        and _article_of_next_noun([normalise(w) for w in words], ranges[-1], match.string, match.end(), lang)
    )
    if article_cut:  # "soixante-quinze millions un an plus tôt": "un" is the article of "an"
        first, last, value = ranges[-1]
        ranges[-1] = WordRange(first, last - 1, value - lang.words[normalise(words[last - 1])])
    return trailing_currency, ranges, article_cut


def _has_scale(match: re.Match[str]) -> bool:
    """Whether a scale is written after the figure: glued, abbreviated, a capital or words."""
    return bool(
        match["scale_glued"] or match["scale_glued_before_symbol"] or match["scale_abbreviation"]
        or match["scale_capital"] or match["scale_words"].strip()
    )


def _suffixed(match: re.Match[str]) -> bool:
    """Whether a scale, a currency or a percent is written after the figure."""
    return _has_scale(match) or bool(match["currency_after"] or match["percent_after"])


def _trailing_currency(ranges: list[WordRange], words: list[str], lang: Language) -> str | None:
    """The last word of several numbers when it is a currency ("quarante-cinq cents": "cents"
    is the currency, not a hundred), else ``None``."""
    if len(ranges) < 2:
        return None
    first, last, _ = ranges[-1]
    if last - first == 1 and normalise(words[first]) in lang.currencies:
        return words[first]
    return None


def _lone_article(head_word: str, count: int, match: re.Match[str], has_currency: bool, lang: Language) -> bool:
    """Whether a number of ``count`` words starting with ``head_word`` is a lone article, with no
    scale, minus word or currency ("a $3" is dollars; "un" before "euros" is a figure)."""
    head = normalise(head_word)
    return (
        count == 1 and not _has_scale(match) and head in lang.articles and not match["minus_word"]
        and not (has_currency and (head not in lang.article_only or _currency_word_after(match)))
    )


def _currency_word_after(match: re.Match[str]) -> bool:
    """Whether a currency written in letters follows the words ("a dollar", "a penny"): the
    article is then the figure one; before a sign ("a $3") it is only the article."""
    after = match["currency_after"]
    return bool(after) and after[0].isalpha()


def _article_before_noun(match: re.Match[str], text: str, lang: Language) -> bool:
    """Whether "a dollar" is a noun's modifier ("a dollar store", "a euro zone"), not one dollar."""
    words = match["number_words"]
    return (
        bool(words) and normalise(words) in lang.article_only and _currency_word_after(match)
        and _noun_follows(text, match.end(), lang)
    )


def _scale_alone(head_word: str, lang: Language) -> bool:
    """Whether a number begins with a scale word of a thousand or more that is no figure alone
    ("mille" may be, "million" is not)."""
    head = normalise(head_word)
    return lang.words.get(head, 0) >= SCALE_FROM and head not in lang.standalone_scales


def _with_fraction(
    segments: list[_Segment], fraction: _FractionRead, match: re.Match[str], offset: int, lang: Language
) -> list[_Segment]:
    """The segments with the fraction that ends the words as their last figure."""
    value = fraction.value or 0.0
    start = segments[-1].start if segments else offset
    has_scale = _has_scale(match)
    scale = _scale_of(match, lang)[0] if has_scale else 1.0
    if fraction.whole >= scale > 1.0:
        # "one billion and a half million": the scale is of the fraction only
        value = fraction.whole / scale + fraction.part
    last = _Segment(start, offset + fraction.end, value, FRACTION_STEP, False, fraction.lone and not has_scale)
    return segments[:-1] + [last]


def _with_decimal_words(
    segment: _Segment, match: re.Match[str], tokeniser: re.Pattern[str], lang: Language
) -> _Segment:
    """``segment`` with the decimals written in words after it ("deux cent virgule trois")."""
    fraction_tokens = [t.group() for t in tokeniser.finditer(match["decimal_words"])]
    digits = "".join(str(int(r.value)) for r in words_value(fraction_tokens, lang))
    if not digits:
        return segment
    decimals = float(f"0.{digits}")
    return _Segment(segment.start, match.end("decimal_words"), segment.value + decimals, 10.0 ** -len(digits),
                    False, False)


def _article_of_next_noun(
    words: list[str], number: WordRange, text: str, end: int, lang: Language
) -> bool:
    """Whether the last word of ``number`` (a token range of ``words``, normalised) is an article
    ("un", "one") right after a scale word of at least ``article_after_scale_from``, with a word
    after it that is no part of a figure: "75 millions un an plus tôt" is 75 000 000, "un an"
    the noun phrase after it. At the end of a phrase the article is a figure ("deux millions un.")."""
    first, last, _ = number
    if last - first < 2 or words[last - 1] not in lang.articles:
        return False
    if lang.words.get(words[last - 2], 0.0) < lang.article_after_scale_from:
        return False
    return _noun_follows(text, end, lang)


def _noun_follows(text: str, position: int, lang: Language) -> bool:
    """Whether a word that belongs to no figure (no number, scale, currency or percent word,
    no joiner) follows ``position`` after spaces only."""
    word = normalise(_next_word(text, position))
    return word.isalpha() and not (
        word in lang.words or word in lang.joiners or word in lang.currencies or word in lang.scales
        or word in lang.percent_words or word in lang.ordinals
    )


class _FractionRead(NamedTuple):
    """A fraction that ends a run of number words (see :func:`_fraction`)."""

    tokens_before: int
    """The tokens left before the fraction: separate figures."""
    value: float | None
    """Whole part + numerator / denominator; ``None`` when the words are one rank ("two millionth")."""
    end: int
    """Where the fraction ends in the words written."""
    lone: bool
    """No numerator: "le vingt-cinquième" is a rank, "et demi" ends a figure before it."""
    whole: float
    part: float
    """The fraction itself (numerator / denominator), of no scale word."""


def _fraction(tokens: list[re.Match[str]], written: str, lang: Language) -> _FractionRead | None:
    """Read "trois cinquièmes", "un vingt-cinquième", "cent et trois quarts", "a half".

    A lone fraction (no numerator) is dropped unless it joins the figure before it or a scale
    word follows ("half a million"). ``None`` for a bare "unième" (no numerator, no compound)
    or a rank before the ordinal ("the first quarter"); a value of ``None`` when the words are
    one rank ("two millionth": after two, a denominator would be plural)."""
    words = [normalise(t.group()) for t in tokens]
    if words[-1] in lang.rank_only:  # "the twenty-first century"; "three twenty-firsts" is read
        return None
    found = _denominator(words, tokens, written, lang)
    if found is None:
        return None
    denominator, body = found
    stripped_joiner = bool(body) and words[body[-1]] in lang.joiners
    while body and words[body[-1]] in lang.joiners:
        body.pop()
    end = tokens[-1].end()
    if not body:
        # No numerator: a rank ("le vingt-cinquième"), or the end of "3 millions et demi";
        # the caller keeps it only if it joins a figure before it.
        return _FractionRead(0, 1 / denominator, end, True, 0.0, 1 / denominator)
    ranges = words_value([words[i] for i in body], lang)
    if not ranges:  # "the first quarter": a rank before the ordinal, no numerator
        return None
    first, _, numerator = ranges[-1]
    if stripped_joiner:  # "un et demi", "un million et demi": one more 1/d of the last unit
        value = numerator + _unit_before(words, body[-1], lang) / denominator
        return _FractionRead(first, value, end, False, numerator, 1 / denominator)
    first, whole, numerator, unit = _whole_part(words, ranges, lang)
    if numerator > 1 and not whole and words[-1] in lang.singular_ranks:
        return _FractionRead(len(tokens) - 1, None, 0, False, 0.0, 0.0)
    value = whole + numerator / denominator * unit
    return _FractionRead(first, value, end, False, whole, numerator / denominator)


def _denominator(
    words: list[str], tokens: list[re.Match[str]], written: str, lang: Language
) -> tuple[float, list[int]] | None:
    """The denominator of the ordinal that ends ``words`` and the indices of the words before
    it that remain for a numerator; ``None`` for a bare "unième"."""
    denominator = lang.ordinals[words[-1]]
    body = list(range(len(words) - 1))
    numbers = [i for i in body if words[i] not in lang.joiners]
    if numbers and denominator < 10:
        tens = _tens_of_ordinal(words, tokens, written, numbers[-1], lang)
        if tens:  # "vingt-cinquième" is 25th
            return denominator + tens, [i for i in body if i < numbers[-1]]
    elif denominator == 1:
        return None
    if 1 < denominator < 100:
        return _hundred_of_ordinal(words, body, denominator, lang)
    return denominator, body


def _tens_of_ordinal(
    words: list[str], tokens: list[re.Match[str]], written: str, previous: int, lang: Language
) -> float:
    """The tens word at ``previous`` when it is glued to the ordinal after it, making one
    compound ordinal ("vingt-cinquième", "twenty-fifth"), else 0."""
    tens = lang.words.get(words[previous], 0)
    if not (20 <= tens < 100 and tens % 10 == 0):
        return 0
    gap = written[tokens[previous].end() : tokens[-1].start()]
    body = range(len(words) - 1)
    joined = gap == "-" or normalise(gap) in lang.joiners or len(words_value([words[i] for i in body], lang)) > 1
    return tens if joined else 0


def _hundred_of_ordinal(
    words: list[str], body: list[int], denominator: float, lang: Language
) -> tuple[float, list[int]]:
    """A round hundred after another number makes the ordinal compound: "one one hundred
    fifth" is 1/105; the denominator and the words left for the numerator."""
    numbered = list(body)
    while numbered and words[numbered[-1]] in lang.joiners:
        numbered.pop()
    parts = words_value([words[i] for i in numbered], lang)
    if len(parts) > 1 and parts[-1].value >= 100 and parts[-1].value % 100 == 0:
        return denominator + parts[-1].value, numbered[: parts[-1].first]
    return denominator, body


def _unit_before(words: list[str], index: int, lang: Language) -> float:
    """The scale word at ``index`` that a fraction after "et" is of ("six millions et deux
    tiers"), else 1."""
    value = lang.words.get(words[index], 1.0) if index >= 0 else 1.0
    return value if value >= SCALE_FROM else 1.0


def _whole_part(
    words: list[str], ranges: list[WordRange], lang: Language
) -> tuple[int, float, float, float]:
    """``(first, whole, numerator, unit)`` of a fraction with a numerator: where its words
    begin, the whole number joined before it ("cent et trois quarts", "two and three
    quarters"), its numerator and the scale it is of."""
    first, last, numerator = ranges[-1]
    if len(ranges) > 1 and any(words[i] in lang.joiners for i in range(ranges[-2].last, first)):
        before = ranges[-2]
        return before.first, before.value, numerator, _unit_before(words, before.last - 1, lang)
    joiners = [i for i in range(first, last) if words[i] in lang.joiners]
    if joiners:
        after = words_value([words[i] for i in range(joiners[-1] + 1, last)], lang)
        if len(after) == 1 and after[0].value < 10:
            whole = sum(r.value for r in words_value([words[i] for i in range(first, joiners[-1])], lang))
            return first, whole, after[0].value, _unit_before(words, joiners[-1] - 1, lang)
    return first, 0.0, numerator, 1.0


def _with_noun(figure: _Figure, text: str, patterns: _Patterns, lang: Language) -> _Figure:
    """The figure with the noun phrase after it: a known counted noun or product
    (``noun_phrase``), else any noun (:func:`_with_open_noun`)."""
    following = text[figure.end : figure.end + 1]
    if following == "-":
        return _with_open_noun(figure, text, patterns, lang)  # "a 20-month grounding"
    if following and not (following.isspace() or following.isalnum()):
        return figure  # "1,2,3": a mark, not a word, follows the figure
    found = patterns.noun_phrase.match(text, figure.end)
    if not found:
        return _with_open_noun(figure, text, patterns, lang)
    gap = found["gap_before_noun"] or found["gap_before_product"]
    if gap and figure.bare_integer and YEARS[0] <= figure.value <= YEARS[1]:
        return figure  # "in 2024 enterprise users...": a year, then a noun phrase
    noun_word = found["noun"] or found["noun_after_product"]
    product = found["product_before_noun"] or found["product_after_noun"] or found["product"]
    if noun_word:
        unit = lang.nouns.get(normalise(noun_word), "item")
    else:
        unit = lang.products.get(normalise(product or ""), "item")
    return attrs.evolve(figure, noun=found["noun_phrase"], noun_unit=unit, noun_end=found.end("noun_phrase"))


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0\u202f]+$")
REFERENCE_MAX = 10
"""The largest figure in digits that a determiner makes a reference ("les 2 premières phases");
a figure in words is one at any size ("the two companies")."""
_WORD_BEFORE_REACH = 12
"""Characters before a figure read for the determiner before it."""


def _word_before(text: str, position: int) -> str:
    """The word right before ``position`` (lower case), or ""."""
    found = _WORD_BEFORE.search(text, max(0, position - _WORD_BEFORE_REACH), position)
    return normalise(found.group(1)) if found else ""


def _with_open_noun(figure: _Figure, text: str, patterns: _Patterns, lang: Language) -> _Figure:
    """The figure counting the noun after it, whatever it is ("44 airplanes", "1,5 million de
    véhicules"), or lasting the unit of time after it ("eight-week", "trois ans"): see
    :class:`~reconcile.numerals.CountedNouns`. A bare year counts nothing ("2024 deliveries"),
    and a word glued by a hyphen only as a unit of time."""
    if figure.bare_integer and YEARS[0] <= figure.value <= YEARS[1]:
        return figure
    small = not figure.digits or not figure.scaled and figure.value <= REFERENCE_MAX
    if small and (figure.qualifier == "range" or _word_before(text, figure.start) in lang.counted.references):
        return figure  # "the two companies", "entre deux mastodontes": the parties already named
    found = patterns.open_noun.match(text, figure.end)
    if not found:
        return figure
    word = found["hyphen_noun"] or found["open_noun"]
    folded = normalise(word)
    if folded in lang.months or (folded in lang.noun_gap_breakers or folded in lang.time_words) and not lang.counted.known(word):
        return figure
    read = lang.counted.unit(word, counted=bool(found["preposition"]))
    if read is None or found["hyphen_noun"] and read[1] != "duration":
        return figure
    unit, kind = read
    phrase = "hyphen_noun" if found["hyphen_noun"] else "open_phrase"
    return attrs.evolve(figure, noun=found[phrase], noun_unit=unit, noun_end=found.end(phrase), noun_kind=kind)


_YEAR_SPAN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-–/]$")
_YEAR_SPAN_REACH = 6
"""Characters before a figure read for the start of a span of years: "2023-" and the one before it."""

_YEAR_SPAN_END_BELOW = 100
"""The end of a span of years written with two digits ("2023-24") is below this."""

CONTEXT_WINDOW = 30
"""Characters before a figure searched for a product word, a month or a year preposition."""

LAST_DAY = 31
"""A whole number up to this, next to a month, is a day of that month ("le 3 mars")."""

LAST_HOUR = 24
"""A whole number up to this, before a time word or ":30", is an hour ("14:30", "3 pm")."""


def _not_a_figure(figure: _Figure, text: str, context: _Context, lang: Language) -> bool:
    """Whether a figure is a part of a date, a time, a year or a product name (not money, not a percent)."""
    if figure.currency or figure.percent:
        return False
    start = figure.core_start
    before = text[start - 1] if start else " "
    if before in "-–/" and _ends_span_of_years(figure, text):
        return True  # "2023-24": the end of a span of years
    if before.isdigit() or before in ",." and text[start - 2 : start - 1].isdigit():
        return False  # inside a list of figures ("1,2,3", "1.2.3"): no word before it
    window = text[max(0, start - CONTEXT_WINDOW) : start].rstrip(" \t\u00a0\u202f-")
    # Product names, months and year prepositions end in a letter or a dot: skip the regexes
    # for a figure after a digit, a comma, a bracket...
    after_word = bool(window) and (window[-1].isalpha() or window[-1] in ".'’" and window[-2:-1].isalpha())
    if after_word and context.product_before.search(window) or _designation(figure, text, lang):
        return True
    return _a_year(figure, window, after_word, context) or _a_day_or_hour(figure, text, window, after_word, context)


_DESIGNATION_BEFORE = re.compile(
    r"""(?: (?<![^\W\d_])[A-Z]{1,2}-                    # capitals glued by a hyphen: "KC-46", "F-35"
        | \d[ ](?P<capitals_before>[A-Z]{2,})[ ]      # a figure and a word in capitals: the 8 of "737 MAX 8"
        )$""",
    re.VERBOSE,
)
_DESIGNATION_AFTER = re.compile(r"[ ](?P<capitals_after>[A-Z]{2,})[ ]\d")  # the 737 of "737 MAX 8"
_DESIGNATION_REACH = 12
"""Characters before a figure read for the start of a designation."""


def _designation(figure: _Figure, text: str, lang: Language) -> bool:
    """A model or product designation, never a figure: digits after one or two capitals and a
    hyphen ("KC-46"), or a figure, a word in capitals that is no currency and a figure ("737
    MAX 8", not "17 USD 25"). Digits glued to letters ("A321neo", "H20") make no figure at all."""
    start = figure.core_start
    found = _DESIGNATION_BEFORE.search(text, max(0, start - _DESIGNATION_REACH), start)
    if found is None and not figure.scaled:
        found = _DESIGNATION_AFTER.match(text, figure.end)
    if found is None:
        return False
    capitals = found.groupdict().get("capitals_before") or found.groupdict().get("capitals_after")
    return not capitals or normalise(capitals) not in lang.currencies


def _ends_span_of_years(figure: _Figure, text: str) -> bool:
    """Whether a figure after a dash or slash ends a span of years ("2023-24")."""
    start = figure.core_start
    return (
        figure.value < _YEAR_SPAN_END_BELOW
        and _YEAR_SPAN.search(text, max(0, start - _YEAR_SPAN_REACH), start) is not None
    )


def _a_year(figure: _Figure, window: str, after_word: bool, context: _Context) -> bool:
    """A bare 1800..2100, or a 4-digit number after "en", "in", "since"..."""
    if not figure.bare_integer or figure.noun is not None:
        return False
    if YEARS[0] <= figure.value <= YEARS[1]:
        return True
    low, high = YEARS_AFTER_PREPOSITION
    return low <= figure.value <= high and after_word and context.year_before.search(window) is not None


def _a_day_or_hour(figure: _Figure, text: str, window: str, after_word: bool, context: _Context) -> bool:
    """A day next to a month ("le 3 mars", "March 3"), or an hour ("14:30", "3 pm")."""
    if figure.noun is not None or figure.scaled or not (0 <= figure.value <= LAST_DAY and figure.value.is_integer()):
        return False
    if after_word and context.month_before.search(window):
        return True
    following = text[figure.end : figure.end + 1]
    if not (following.isspace() or following.isalpha() or following == ":"):
        return False
    if context.month_after.match(text, figure.end):
        return True
    return figure.value <= LAST_HOUR and context.time_after.match(text, figure.end) is not None


def _joined(first: _Figure, second: _Figure, text: str, lang: Language) -> bool:
    """Whether two consecutive figures are the two ends of one range."""
    if second.qualifier is not None or first.percent and not second.percent:
        return False
    gap = text[first.end : second.core_start]
    if not gap.strip():
        return False
    needs = lang.range_joiners.get(gap.strip()) or lang.range_joiners.get(normalise(gap))
    if needs == "any":
        mark, before = gap.strip(), first.core_start
        chained = (  # "+1-222-2222", "978-3-16": a code in parts, not a range
            text[second.end : second.end + 1] == mark and text[second.end + 1 : second.end + 2].isdigit()
            or text[before - 1 : before] == mark and text[before - 2 : before - 1].isdigit()
        )
        return (
            first.digits and second.digits and len(gap) - len(gap.strip()) <= 2
            and first.qualifier in (None, "range", "range_weak", "approx") and not chained
        )
    if needs == "range":
        return first.qualifier == "range"
    if needs == "range_weak":
        return first.qualifier in ("range", "range_weak") or _unopened_range(first, second)
    return False


def _unopened_range(first: _Figure, second: _Figure) -> bool:
    """Whether "X to Y" with no "from" or "between" before it is one range: both unqualified,
    ascending, and the second of the kind of the first or giving it its unit once ("$5 billion to
    $6 billion", "8% to 10%", "60,000 to 80,000 modules"; not "5 to 6" alone, nor "3% to $5bn")."""
    if first.qualifier is not None or first.other is not None:
        return False
    if not first.value * (second.scale if first.scale == 1.0 else 1.0) <= second.value:
        return False
    if first.currency or second.currency:
        return first.currency in (None, second.currency) and bool(second.currency)
    if first.percent or second.percent:
        return second.percent
    return first.noun is None and second.noun is not None and second.noun_kind == "count"


def _merge(first: _Figure, second: _Figure) -> _Figure:
    """The range ``first``..``second``; ``first`` takes the scale and unit written once after
    ``second`` ("entre 5 et 6 milliards de dollars", "$5-6bn")."""
    value, step = first.value, first.step
    if first.scale == 1.0 and second.scale != 1.0:
        value, step = value * second.scale, step * second.scale
    return attrs.evolve(
        second,
        start=first.start,
        core_start=first.core_start,
        value=second.value,
        other=value,
        step=min(step, second.step),
        qualifier="range",
        currency=second.currency or first.currency,
        percent=second.percent or first.percent,
        bare_integer=first.bare_integer and second.bare_integer,
    )


def _ranges(figures: list[_Figure], text: str, lang: Language) -> list[_Figure]:
    out: list[_Figure] = []
    for figure in figures:
        if out and out[-1].other is None and _joined(out[-1], figure, text, lang):
            out[-1] = _merge(out[-1], figure)
        else:
            out.append(figure)
    return out


def _interval(figure: _Figure) -> tuple[float, float, float, str]:
    """``(low, high, stated, bound)`` of a figure, from :data:`APPROXIMATION`."""
    x = figure.value
    if figure.other is not None:
        low, high = sorted((figure.other, x))
        return low, high, (low + high) / 2, "range"
    if figure.qualifier is None:
        return x, x, x, "exact"
    rule = APPROXIMATION.get(figure.qualifier or "exact", APPROXIMATION["exact"])
    half = figure.step / 2 if rule.half_step else 0.0
    magnitude = abs(x)

    def width(relative: float) -> float:
        if relative == 0:
            return 0.0
        if math.isinf(relative):
            return math.inf
        return max(relative * magnitude, half)

    if rule.bound == "upper":
        low = 0.0 if x >= 0 else -math.inf
        return low, x, x, "upper"
    return x - width(rule.below), x + width(rule.above), x, rule.bound


def _unit(figure: _Figure) -> tuple[str, str]:
    if figure.currency:
        return figure.currency, "money"
    if figure.percent:
        return "percent", "percent"
    if figure.noun_unit:
        return figure.noun_unit, figure.noun_kind
    return "", "number"


def _mention(figure: _Figure, text: str) -> Mention | None:
    if figure.other is None and figure.qualifier is None:  # the common case, fast
        low = high = stated = figure.value
        bound = "exact"
    else:
        low, high, stated, bound = _interval(figure)
    if not math.isfinite(stated) or not low <= high:  # also false for NaN
        return None
    unit, kind = _unit(figure)
    written = text[figure.start : figure.end]
    quantity = _quantity(float(low), float(high), float(stated), unit, kind, bound, written)
    return Mention(start=figure.start, end=figure.end, text=written, quantity=quantity, noun=figure.noun)


# The slot setters of Quantity, in field order (attrs.frozen makes slotted classes).
_SET_LOW, _SET_HIGH, _SET_STATED, _SET_UNIT, _SET_KIND, _SET_BOUND, _SET_TEXT = (
    vars(Quantity)[field.name].__set__ for field in attrs.fields(Quantity)
)


def _quantity(low: float, high: float, stated: float, unit: str, kind: str, bound: str, text: str) -> Quantity:
    """A :class:`Quantity` built without re-running its validators, the hot path of a text
    full of figures. Only for values :func:`_mention` has checked: floats, a finite stated
    figure, ``low <= high`` (so no NaN), kind and bound from :data:`~reconcile.model.KINDS`
    and :data:`~reconcile.model.BOUNDS`."""
    quantity = object.__new__(Quantity)
    _SET_LOW(quantity, low)
    _SET_HIGH(quantity, high)
    _SET_STATED(quantity, stated)
    _SET_UNIT(quantity, unit)
    _SET_KIND(quantity, kind)
    _SET_BOUND(quantity, bound)
    _SET_TEXT(quantity, text)
    return quantity


def _check(text: object, lang: object, currency_hint: object, country: object = None, on: object = None) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(lang, str):
        raise TypeError(f"lang must be str, not {type(lang).__name__}")
    for name, value in (("currency_hint", currency_hint), ("country", country)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be str or None, not {type(value).__name__}")
    if on is not None and not isinstance(on, datetime.date):
        raise TypeError(f"on must be a datetime.date or None, not {type(on).__name__}")


# A date in digits: 17/05/2018, 5/17/18, 17.05.2018, 2018-05-17.
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/\-])(?:\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([/.\-])\d{1,2}\2\d{1,2})(?![/.,\-]?\d)"
)


# A web address: its digits ("q=30%25%2020%") are no figures.
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _outside_numeric_dates(figures: list[_Figure], text: str) -> list[_Figure]:
    """The figures that are not a part of a date in digits ("17.05.2018"; "$17.05" is money).
    Only a figure next to a date mark is searched, in a window as wide as a date."""
    out = []
    for figure in figures:
        start, end = figure.core_start, figure.end
        if not figure.currency and (text[start - 1 : start] in _DATE_MARKS or text[end : end + 1] in _DATE_MARKS):
            dates = _NUMERIC_DATE.finditer(text, max(0, start - _DATE_REACH_BEFORE), end + _DATE_REACH_AFTER)
            if any(date.start() <= start < date.end() for date in dates):
                continue
        out.append(figure)
    return out


_DATE_REACH_BEFORE, _DATE_REACH_AFTER = 11, 13
"""Characters before and after a figure searched for a date in digits it is a part of: a date
is at most ten characters ("2018-05-17"), and its lookarounds read a few more."""

_DATE_MARKS = frozenset("/-")  # a date with dots is one digits token: see _digit_segments


def _outside_urls(figures: list[_Figure], text: str) -> list[_Figure]:
    """The figures that are not inside a web address."""
    if not figures or not ("://" in text or "www." in text or "WWW." in text):
        return figures
    spans = [found.span() for found in _URL.finditer(text)]
    return [f for f in figures if not any(a <= f.core_start < b for a, b in spans)]


def _scan(text: str, lang: str, currency_hint: _Choice | None, strict: bool) -> list[Mention]:
    """Find the figures, join those that make one number, drop those that are none (unless
    ``strict``), join ranges, and return them as mentions."""
    language_ = language(lang)
    code = language_.code
    figures = _figures(text, code, currency_hint or _Choice(), strict)
    figures = _mixed_compounds(_fractions(figures, text, language_), text, language_)
    if not strict:  # a lone article served only to begin a fraction ("un sur trois")
        figures = [figure for figure in figures if not figure.article]
        figures = _outside_urls(_outside_numeric_dates(figures, text), text)
    figures = _ranges(_compound_money(figures, text, language_), text, language_)
    mentions = []
    for figure in figures:
        if figure.qualifier in ("range", "range_weak") and figure.other is None:
            figure = attrs.evolve(figure, start=figure.core_start, qualifier=None)
        if not strict and _span_of_years(figure):
            continue  # "2023-2025": a span of years
        mention = _mention(figure, text)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _span_of_years(figure: _Figure) -> bool:
    """Whether a range is two years ("2023-2025"), not a figure."""
    return (
        figure.other is not None and figure.bare_integer and figure.noun is None
        and YEARS[0] <= figure.value <= YEARS[1] and YEARS[0] <= figure.other <= YEARS[1]
    )


def find_quantities(
    text: str, lang: str = "en", *, currency_hint: str | None = None, country: str | None = None,
    on: datetime.date | None = None,
) -> list[Mention]:
    """Every figure in ``text``, sorted by start; offsets index into ``text``.

    An ambiguous currency ("$", "francs", "kr", "Rs") is one that existed ``on`` the
    publication date, the ``currency_hint`` if it can be, else the currency of the outlet's
    ``country`` (ISO 3166 alpha-2), else the sign's usual one:

    >>> [m.quantity.unit for m in find_quantities("3 milliards de francs", "fr", country="CH")]
    ['CHF']
    >>> [m.quantity.unit for m in find_quantities("3 milliards de francs", "fr", on=datetime.date(2015, 1, 1))]
    ['CHF']
    >>> [m.quantity.unit for m in find_quantities("It raised $5 million", country="SG")]
    ['SGD']

    ``Mention.noun`` is the counted noun or product written after the figure, or ``None``.
    ``lang`` picks the data file (``fr``, ``en``; ``fr-FR`` reads ``fr``; an unknown language
    reads English). Never raises on any text; a non-str argument is a ``TypeError``.

    >>> [(m.text, m.quantity.stated, m.quantity.unit, m.noun)
    ...  for m in find_quantities("Depuis 2022, ByteDance a commandé 100 000 puces Ascend 910B.", "fr")]
    [('100 000', 100000.0, 'chip', 'puces Ascend 910B')]
    >>> [(m.text, m.quantity.unit) for m in find_quantities("about US$12bn for 200,000 Nvidia H20 chips")]
    [('about US$12bn', 'USD'), ('200,000', 'chip')]
    >>> find_quantities("")
    []
    """
    _check(text, lang, currency_hint, country, on)
    if not text:
        return []
    try:
        return _scan(text, lang, _Choice.of(currency_hint, country, on), strict=False)
    except ReconcileError:
        raise
    except (ValueError, ArithmeticError, IndexError, KeyError):  # pragma: no cover - a bug guard
        return []


_TRAILING = re.compile(r"[\s.,;:!?()\[\]«»\"']*")


def parse_quantity(
    text: str, lang: str = "en", *, currency_hint: str | None = None, country: str | None = None,
    on: datetime.date | None = None,
) -> Quantity:
    """Read one expression as a :class:`Quantity` (``currency_hint``, ``country`` and ``on``
    decide an ambiguous currency as in :func:`find_quantities`).

    Raises :class:`~reconcile.errors.QuantityParseError` (naming the text and the position)
    when no figure starts the expression or a second figure follows; words after the figure
    (what it counts) are allowed.

    >>> parse_quantity("environ 5,6 milliards de dollars", "fr")
    Quantity(low=5040000000.0, high=6160000000.0, stated=5600000000.0, unit='USD', kind='money', bound='approx', text='environ 5,6 milliards de dollars')
    >>> parse_quantity("27 %", "fr").unit
    'percent'
    >>> parse_quantity("beaucoup", "fr")
    Traceback (most recent call last):
    ...
    reconcile.errors.QuantityParseError: cannot parse 'beaucoup' at position 0: no figure
    """
    _check(text, lang, currency_hint, country, on)
    lead = len(text) - len(text.lstrip())
    try:
        mentions = _scan(text, lang, _Choice.of(currency_hint, country, on), strict=True)
    except ReconcileError:
        raise
    except (ValueError, ArithmeticError, IndexError, KeyError) as exc:  # pragma: no cover
        raise QuantityParseError(text, lead, f"unreadable figure ({exc})") from exc
    if not mentions:
        raise QuantityParseError(text, lead, "no figure" if text.strip() else "empty expression")
    first = mentions[0]
    opening = text[lead : first.start]
    if _TRAILING.fullmatch(opening) is None:
        raise QuantityParseError(text, lead, "text before the figure")
    if len(mentions) > 1:
        raise QuantityParseError(text, mentions[1].start, "more than one figure")
    return first.quantity
