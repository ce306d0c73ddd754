"""Numerals: the number knowledge of each language (``reconcile/languages/<lang>/numbers.toml``)
and the pieces that read a figure written in digits or in words.

:func:`language` merges a language's ``numbers.toml`` with its month names (``periods.toml``),
the shared currency symbols (``reconcile/data/currencies.toml``) and the product names of the
lexicon data (``reconcile/data/lexicon/models.toml``), once. Adding German is adding a folder
(see :mod:`reconcile.languages`).

>>> digits_value("200 000", language("fr"))
(200000.0, 1.0)
>>> digits_value("12,345", language("fr"))[0], digits_value("12,345", language("en"))[0]
(12.345, 12345.0)
>>> words_value(["quatre-vingt", "dix", "neuf"], language("fr"))
[WordRange(first=0, last=3, value=99.0)]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from reconcile import cldr, languages

_SPACES = re.compile(r"[\s\-]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@functools.lru_cache(maxsize=4096)
def normalise(phrase: str) -> str:
    """The lookup key of a phrase: lower case, straight apostrophes, hyphens and runs of
    spaces as one space, no space around ``$``.

    >>> normalise("Quatre-Vingt  DIX"), normalise("$ CAD"), normalise("jusqu’à")
    ('quatre vingt dix', '$cad', "jusqu'à")
    """
    key = _SPACES.sub(" ", phrase.lower().translate(_APOSTROPHES)).strip()
    return key.replace(" $", "$").replace("$ ", "$")


_OPTIONAL_SPACE = "\x01"


def _regex_form(phrase: str) -> str:
    """A phrase as the trie spells it: like :func:`normalise`, but a space written next to
    ``$`` stays, as an optional space ("c $" matches "C$" and "c $"; "a$" never "a $")."""
    form = _SPACES.sub(" ", phrase.lower().translate(_APOSTROPHES)).strip()
    return form.replace(" $", _OPTIONAL_SPACE + "$").replace("$ ", "$" + _OPTIONAL_SPACE)


def _fragment(char: str, last: bool) -> str:
    # Optional spaces only inside a phrase: a leading or trailing \s* would rescan a run of
    # spaces from every position (quadratic time on "          ...").
    if char == " ":
        return r"[\s\-]+"
    if char == _OPTIONAL_SPACE:
        return r"\s*"
    if char == "'":
        return r"['’‘ʼ]" if last else r"['’‘ʼ]\s*"
    return re.escape(char)


_Trie = dict[str, "_Trie"]
"""A trie of phrases: each character leads to the rest; the key "" marks the end of a phrase."""


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (normalised), built as a trie so that a failed
    attempt costs a character or two, never a pass over every phrase.

    >>> re.fullmatch(alternation(["mille", "milliard", "milliards"]), "milliard") is not None
    True
    """
    trie: _Trie = {}
    for phrase in {_regex_form(p) for p in phrases if normalise(p)}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        ends_here = "" in node
        branches = [
            _fragment(char, last=set(child) == {""}) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return "(?:" + body + ")?"
        return body

    if not trie:
        return r"(?!x)x"
    return "(?:" + emit(trie) + ")"


def _keyed(table: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType({normalise(key): value for key, value in table.items()})


def _currency(value: object) -> tuple[str, float]:
    if isinstance(value, (list, tuple)):
        return str(value[0]), float(value[1])
    return str(value), 1.0


@attrs.frozen
class CountedNouns:
    """What a language's nouns after a figure count (``[counted]`` and ``[counted_nouns]`` of its
    ``numbers.toml``): plural endings and irregular plurals give the singular, a table of aliases
    the canonical count unit, and units of time make a duration, not a count.

    >>> en = language("en").counted
    >>> en.unit("airplanes"), en.unit("Cars"), en.unit("people"), en.unit("companies")
    (('aircraft', 'count'), ('vehicle', 'count'), ('person', 'count'), ('company', 'count'))
    >>> en.unit("month"), en.unit("business"), en.unit("times"), en.unit("iPhones")
    (('month', 'duration'), None, None, ('iPhone', 'count'))
    >>> language("fr").counted.unit("avions"), language("fr").counted.unit("semaines")
    (('aircraft', 'count'), ('week', 'duration'))
    """

    endings: tuple[tuple[str, str], ...] = ()
    """Plural endings and the singular ending that replaces each, longest first."""
    singular_endings: tuple[str, ...] = ()
    """Endings of singular words that look plural ("business", "bus", "analysis")."""
    irregular: Mapping[str, str] = MappingProxyType({})
    """Plurals (and invariable nouns) and their singular: "people" -> "person", "aircraft"."""
    canonical: Mapping[str, str] = MappingProxyType({})
    """A singular noun and the count unit it names: "plane" -> "aircraft", "voiture" -> "vehicle"."""
    durations: Mapping[str, str] = MappingProxyType({})
    """A singular unit of time and the duration unit it names: "mois" -> "month"."""
    not_counted: frozenset[str] = frozenset()
    """Nouns after a figure that count nothing ("times", "fois")."""
    modifiers_first: bool = False
    """Whether modifiers stand before the noun ("two separate public companies")."""
    item_binders: tuple[str, ...] = ()
    """Words binding a figure to the item after it in a list ("12 for model A, 14 for model B")."""
    references: frozenset[str] = frozenset()
    """Determiners that make a number in words a reference, not a count ("the two companies")."""
    modifiers_before: tuple[str, ...] = ()
    """Where modifiers follow the noun, the few that stand before it ("3 000 grandes entreprises")."""

    def singular(self, word: str) -> tuple[str, bool]:
        """The singular of a noun (in lower case) and whether ``word`` was a plural.

        >>> language("en").counted.singular("Companies"), language("fr").counted.singular("journaux")
        (('company', True), ('journal', True))
        """
        folded = normalise(word)
        if folded in self.irregular:
            return self.irregular[folded], True
        if not folded.endswith(self.singular_endings):
            for ending, replacement in self.endings:
                if folded.endswith(ending) and len(folded) > len(ending) + 1:
                    return folded[: -len(ending)] + replacement, True
        return folded, False

    def known(self, word: str) -> bool:
        """Whether ``word`` is a noun of the tables (irregular, counted nouns, durations), which
        counts even where the word is also a function word of the language ("ans", "people").

        >>> language("fr").counted.known("ans"), language("fr").counted.known("les")
        (True, False)
        """
        singular, _ = self.singular(word)
        return normalise(word) in self.irregular or singular in self.canonical or singular in self.durations

    def unit(self, word: str, counted: bool = False) -> tuple[str, str] | None:
        """``(unit, kind)`` of the noun ``word`` after a figure: a known noun or any plural is
        a ``count`` (its canonical unit, else its singular; a name written with capitals
        inside keeps them), a unit of time a ``duration``; ``None`` when ``word`` counts nothing
        or is an unknown singular (a modifier: "a 5 billion deal"), unless ``counted`` says a
        preposition ties it to the figure and it is a name ("16,24 millions d'iPhone"; not
        "300 000 d'ici juin")."""
        folded = normalise(word)
        if folded in self.not_counted:
            return None
        singular, plural = self.singular(word)
        if singular in self.durations:
            return self.durations[singular], "duration"
        if singular in self.canonical:
            return self.canonical[singular], "count"
        if not (plural or counted and any(c.isupper() for c in word)):
            return None  # after a preposition, a singular counts when it is a name ("d'iPhone", "de Mac")
        if any(c.isupper() for c in word[1:]):
            return word[: len(singular)] if word.lower().startswith(singular) else singular, "count"
        return singular, "count"


@attrs.frozen
class Language:
    """Everything quantities need to know of one language, read from its data file."""

    code: str
    decimal: str
    group: str
    words: Mapping[str, float]
    additive_tens: frozenset[int]
    joiners: frozenset[str]
    articles: frozenset[str]
    article_only: frozenset[str]
    standalone_scales: frozenset[str]
    hundred_multiplier_max: int
    scales: Mapping[str, float]
    scale_abbreviations: Mapping[str, float]
    scale_glued: Mapping[str, float]
    qualifiers: Mapping[str, str]
    linked_qualifiers: frozenset[str]
    qualifier_links: tuple[str, ...]
    qualifiers_after: Mapping[str, str]
    range_joiners: Mapping[str, str]
    percent_words: frozenset[str]
    percent_prepositions: tuple[str, ...]
    currencies: Mapping[str, tuple[str, float]]
    prefix_currencies: tuple[str, ...]
    currency_phrases: tuple[str, ...]
    context_symbols: frozenset[str]
    ambiguous: Mapping[str, tuple[str, ...]]
    currency_context: Mapping[str, tuple[str, ...]]
    noun_prepositions: tuple[str, ...]
    nouns: Mapping[str, str]
    modifiers_after: tuple[str, ...]
    modifiers_before: tuple[str, ...]
    products: Mapping[str, str]
    product_prefixes: tuple[str, ...]
    brands: tuple[str, ...]
    model_pattern: str
    months: tuple[str, ...]
    year_prepositions: frozenset[str]
    time_words: tuple[str, ...]
    ordinals: Mapping[str, float]
    ordinal_phrases: tuple[str, ...]
    over_words: frozenset[str]
    decimal_words: tuple[str, ...]
    negative_words: tuple[str, ...]
    word_prefixes: frozenset[str] = frozenset()
    cased_currencies: Mapping[str, tuple[str, float]] = MappingProxyType({})
    cased_prefixes: tuple[str, ...] = ()
    cldr_prefixes: tuple[str, ...] = ()
    own_currency_words: tuple[str, ...] = ()
    fraction_links: tuple[str, ...] = ()
    singular_ranks: frozenset[str] = frozenset()
    rank_only: frozenset[str] = frozenset()
    scale_capitals: Mapping[str, float] = MappingProxyType({})
    capitals_glued: bool = False
    joined_decimals: tuple[str, ...] = ()
    part_of_words: frozenset[str] = frozenset()
    part_of_anywhere: frozenset[str] = frozenset()
    article_after_scale_from: float = float("inf")
    noun_gap_breakers: tuple[str, ...] = ()
    noun_gap_plural_endings: tuple[str, ...] = ()
    noun_gap_singular_endings: tuple[str, ...] = ()
    counted: CountedNouns = CountedNouns()


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _ordinals(fractions: Mapping) -> dict[str, float]:
    """Ordinal denominators with their plural and accent-free spellings."""
    suffix = fractions.get("plural_suffix", "")
    out: dict[str, float] = {}
    for word, value in fractions.get("ordinals", {}).items():
        for form in {word, word + suffix, _without_accents(word), _without_accents(word) + suffix}:
            out.setdefault(form, float(value))
    return out


def _singular_ranks(fractions: Mapping) -> frozenset[str]:
    """Ordinals that, singular after a number above one, are ranks ("the two millionth visitor");
    empty unless the language requires a plural denominator ("two millionths")."""
    if not fractions.get("plural_required"):
        return frozenset()
    suffix = fractions.get("plural_suffix", "")
    keep = {normalise(w) for w in fractions.get("singular_fractions", [])}
    words = (normalise(w) for w in fractions.get("ordinals", {}))
    return frozenset(w for w in words if w not in keep and not (suffix and w.endswith(suffix)))


def available_languages() -> tuple[str, ...]:
    """The languages that have a data folder (see :func:`reconcile.languages.supported`).

    >>> {"en", "fr"} <= set(available_languages())
    True
    """
    return languages.supported()


def language_code(lang: str) -> str:
    """The data folder a language tag reads: ``fr-FR`` -> ``fr``; an unknown language raises
    :class:`~reconcile.errors.UnsupportedLanguage`, as in every stage.

    >>> language_code("fr-CA")
    'fr'
    >>> language_code("xx")
    Traceback (most recent call last):
    ...
    reconcile.errors.UnsupportedLanguage: unsupported language 'xx': supported are en, fr (add one with reconcile.languages.add_path)
    """
    return languages.code(lang)


@languages.on_change
@functools.cache
def _language(code: str) -> Language:
    data = languages.load(code, "numbers")
    return Language(
        code=code,
        **_digit_fields(data),
        **_word_fields(data),
        **_qualifier_fields(data),
        **_currency_fields(
            data, languages.shared("currencies"), code, languages.shared("lexicon/models").get("models", {}).get("brands", [])
        ),
        **_noun_fields(data, languages.shared("lexicon/models")),
        **_date_fields(data, languages.load(code, "periods")),
        **_fraction_fields(data.get("fractions", {})),
        counted=_counted_nouns(data),
    )


def language(lang: str) -> Language:
    """The number knowledge of a language: its ``numbers.toml``, the month names of its
    ``periods.toml``, the shared currency symbols and the product names of the lexicon data,
    loaded once. Raises :class:`~reconcile.errors.UnsupportedLanguage` for an unknown language.

    >>> language("fr-FR").decimal, "nvidia" in language("en").modifiers_before
    (',', True)
    """
    return _language(language_code(lang))


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise(w) for w in values)


def _values(table: Mapping[str, Any]) -> Mapping[str, Any]:
    return _keyed({k: float(v) for k, v in table.items()})


def _digit_fields(data: Mapping) -> dict[str, Any]:
    digits = data.get("digits", {})
    return {
        "decimal": digits.get("decimal", "."),
        "group": digits.get("group", ","),
        "capitals_glued": bool(digits.get("scale_capitals_glued", False)),
        "scale_capitals": MappingProxyType({k: float(v) for k, v in data.get("scale_capitals", {}).items()}),
    }


def _word_fields(data: Mapping) -> dict[str, Any]:
    numbers = data.get("number_words", {})
    return {
        "words": _values(data.get("words", {})),
        "additive_tens": frozenset(int(v) for v in numbers.get("additive_tens", [])),
        "joiners": frozenset(normalise(w) or w for w in numbers.get("joiners", [])),
        "articles": _words(numbers.get("articles", [])),
        "article_only": _words(numbers.get("article_only", [])),
        "standalone_scales": _words(numbers.get("standalone_scales", [])),
        "hundred_multiplier_max": int(numbers.get("hundred_multiplier_max", 99)),
        "article_after_scale_from": float(numbers.get("article_after_scale_from", float("inf"))),
        "scales": _values(data.get("scales", {})),
        "scale_abbreviations": _values(data.get("scale_abbreviations", {})),
        "scale_glued": _values(data.get("scale_glued", {})),
    }


def _qualifier_fields(data: Mapping) -> dict[str, Any]:
    percent = data.get("percent", {})
    return {
        "qualifiers": _keyed({**data.get("qualifiers", {}), **data.get("qualifiers_linked", {})}),
        "linked_qualifiers": _words(data.get("qualifiers_linked", {})),
        "qualifier_links": tuple(data.get("qualifier_links", {}).get("words", [])),
        "qualifiers_after": _keyed(data.get("qualifiers_after", {})),
        "range_joiners": MappingProxyType(dict(data.get("range_joiners", {}))),
        "percent_words": _words(percent.get("words", [])),
        "percent_prepositions": tuple(percent.get("prepositions", [])),
    }


def _cldr_currencies(code: str, data: Mapping) -> dict[str, tuple[str, float]]:
    """The CLDR names of every currency in the language, the head nouns that name one currency
    ("ringgits") unless the data excludes them, and the CLDR symbols ("R$", "₪")."""
    table = data.get("cldr", {})
    excluded = {normalise(word) for word in table.get("bare_names_excluded", [])}
    bare = cldr.bare_names(code, bool(table.get("head_last", True)))
    found = {normalise(k): (v, 1.0) for k, v in bare.items() if normalise(k) not in excluded}
    found.update({normalise(k): (v, 1.0) for k, v in cldr.names(code).items()})
    found.update({normalise(k): (v, 1.0) for k, v in cldr.symbols(code).items()})
    return found


def _currency_fields(data: Mapping, common: Mapping, code: str = "en", brands: Iterable[str] = ()) -> dict[str, Any]:
    """Currencies of a language: CLDR's names and symbols under the shared and the language's
    own tables (which win); codes and local signs (``[cased]``) match only as written, and a
    code that is one of the lexicon's ``brands`` is the brand."""
    symbols = common.get("currencies", {})
    known = _cldr_currencies(code, data)
    currencies = dict(known)
    currencies.update({normalise(k): _currency(v) for k, v in symbols.items()})
    currencies.update({normalise(k): _currency(v) for k, v in data.get("currencies", {}).items()})
    taken = {brand.lower() for brand in brands}
    cased = {c: (c, 1.0) for c in cldr.codes() if c.lower() not in taken}
    cased.update({k: _currency(v) for k, v in common.get("cased", {}).items()})
    words = set(common.get("codes", {}).get("words", []))
    return {
        "cased_prefixes": tuple(sign for sign in cased if sign not in words),
        "currencies": MappingProxyType(currencies),
        "cased_currencies": MappingProxyType(cased),
        "prefix_currencies": tuple(symbols),
        "cldr_prefixes": tuple(cldr.symbols(code)),
        "own_currency_words": tuple(data.get("currencies", {})),
        "currency_phrases": tuple(symbols) + tuple(data.get("currencies", {})) + tuple(known),
        "context_symbols": _words(common.get("context", {}).get("symbols", [])),
        "ambiguous": MappingProxyType({normalise(k): tuple(v) for k, v in common.get("ambiguous", {}).items()}),
        "currency_context": MappingProxyType(
            {k: tuple(normalise(w) for w in v) for k, v in data.get("currency_context", {}).items()}
        ),
        "word_prefixes": _words(data.get("currency_prefixes", {}).get("words", [])),
    }


def _noun_fields(data: Mapping, names: Mapping) -> dict[str, Any]:
    """Counted nouns of the language, and the product and brand names of the lexicon data
    (``reconcile/data/lexicon/models.toml``), brands standing where the language puts them."""
    phrase = data.get("noun_phrase", {})
    models = names.get("models", {})
    modifiers = {"before": list(phrase.get("modifiers_before", [])), "after": list(phrase.get("modifiers_after", []))}
    side = phrase.get("brand_modifiers")
    if side in modifiers:
        modifiers[side] += names.get("noun_phrase", {}).get("brand_modifiers", [])
    return {
        "noun_prepositions": tuple(phrase.get("prepositions", [])),
        "nouns": _keyed(data.get("nouns", {})),
        "modifiers_after": tuple(modifiers["after"]),
        "modifiers_before": tuple(modifiers["before"]),
        "noun_gap_breakers": tuple(phrase.get("gap_breakers", [])),
        "noun_gap_plural_endings": tuple(phrase.get("gap_plural_endings", [])),
        "noun_gap_singular_endings": tuple(phrase.get("gap_singular_endings", [])),
        "products": _keyed(names.get("products", {})),
        "product_prefixes": tuple(models.get("product_prefixes", [])),
        "brands": tuple(models.get("brands", [])),
        "model_pattern": models.get("model_pattern", r"(?!x)x"),
    }


def _counted_nouns(data: Mapping) -> CountedNouns:
    """The ``[counted]`` and ``[counted_nouns]`` tables of a ``numbers.toml``."""
    counted = data.get("counted", {})
    endings = sorted(counted.get("endings", {}).items(), key=lambda pair: -len(pair[0]))
    canonical = {normalise(alias): unit for unit, aliases in data.get("counted_nouns", {}).items() for alias in aliases}
    canonical.update({normalise(unit): unit for unit in data.get("counted_nouns", {})})
    return CountedNouns(
        endings=tuple((normalise(e), r) for e, r in endings),
        singular_endings=tuple(normalise(e) for e in counted.get("singular_endings", [])),
        irregular=MappingProxyType({normalise(k): str(v) for k, v in counted.get("irregular", {}).items()}),
        canonical=MappingProxyType(canonical),
        durations=MappingProxyType({normalise(k): str(v) for k, v in counted.get("durations", {}).items()}),
        not_counted=_words(counted.get("not_counted", [])),
        modifiers_first=bool(counted.get("modifiers_first", False)),
        modifiers_before=tuple(counted.get("modifiers_before", [])),
        references=_words(counted.get("references", [])),
        item_binders=tuple(counted.get("item_binders", [])),
    )


def _date_fields(data: Mapping, periods: Mapping) -> dict[str, Any]:
    """What makes a figure a date: month names (from ``periods.toml``: names, abbreviations
    with their dot, and those also read without it), year prepositions, time words."""
    dates = data.get("dates", {})
    abbreviations = tuple(periods.get("month_abbreviations", {}))
    undotted = tuple(periods.get("figures", {}).get("undotted_months", []))
    return {
        "months": (*periods.get("months", {}), *(a + "." for a in abbreviations), *undotted),
        "year_prepositions": _words(dates.get("year_prepositions", [])),
        "time_words": tuple(dates.get("time_words", [])),
    }


def _fraction_fields(fractions: Mapping) -> dict[str, Any]:
    return {
        "ordinals": _keyed(_ordinals(fractions)),
        "ordinal_phrases": tuple(_ordinals(fractions)),
        "over_words": _words(w for key in ("over", "part_of") for w in fractions.get(key, [])),
        "part_of_words": _words(fractions.get("part_of", [])),
        "part_of_anywhere": _words(fractions.get("part_of_anywhere", [])),
        "decimal_words": tuple(fractions.get("decimal_words", [])),
        "negative_words": tuple(fractions.get("negative_words", [])),
        "joined_decimals": tuple(fractions.get("decimals_joined", [])),
        "singular_ranks": _singular_ranks(fractions),
        "rank_only": _words(fractions.get("plural_only", [])),
        "fraction_links": tuple(fractions.get("scale_links", [])),
    }


# --------------------------------------------------------------------------- digits

_DIGIT_SPACES = re.compile(r"[\s\u00a0\u202f]")


def digits_value(token: str, lang: Language) -> tuple[float, float]:
    """The value of a figure in digits and its step (the unit of its last digit written).

    Spaces of any kind group thousands. With both marks, the last one is the decimal mark.
    With one kind used several times, it groups. Used once, the language's decimal mark is a
    decimal mark; the other mark groups only before exactly three digits.

    >>> en, fr = language("en"), language("fr")
    >>> digits_value("1.234.567", fr)[0], digits_value("1.234.567", en)[0]
    (1234567.0, 1234567.0)
    >>> digits_value("5,6", fr), digits_value("5.6", en)
    ((5.6, 0.1), (5.6, 0.1))
    >>> digits_value("1\u202f234\u202f567,89", fr)[0]
    1234567.89
    """
    compact = _DIGIT_SPACES.sub("", token)
    marks = [c for c in compact if c in ".,"]
    decimal_mark = None
    if marks:
        kinds = set(marks)
        if len(kinds) == 2:
            decimal_mark = marks[-1]
        elif len(marks) == 1:
            mark = marks[0]
            after = len(compact) - compact.index(mark) - 1
            if mark == lang.decimal or after != 3:
                decimal_mark = mark
    if decimal_mark is None:
        integer, fraction = compact.replace(",", "").replace(".", ""), ""
    else:
        head, _, fraction = compact.rpartition(decimal_mark)
        integer = head.replace(",", "").replace(".", "")
    integer = integer or "0"
    value = float(f"{integer}.{fraction}" if fraction else integer)
    step = 10.0 ** -len(fraction) if fraction else 1.0
    return value, step


# --------------------------------------------------------------------------- words


class WordRange(NamedTuple):
    """Number words that make one number: ``tokens[first:last]`` and their value."""

    first: int
    last: int
    """Exclusive."""
    value: float


_NO_SCALE = float("inf")  # no scale word read yet: any scale word may follow

SCALE_FROM = 1000.0
"""A number word of this value or more is a scale word ("mille", "million", "thousand"): it
multiplies the number before it."""


def _kind_of(value: float) -> str:
    if value >= SCALE_FROM:
        return "scale"
    if value == 100:
        return "hundred"
    if value >= 20:
        return "ten"
    return "unit"


def _fits(kind: str, value: float, total: float, current: float, last_scale: float, lang: Language) -> bool:
    """Whether a word of ``kind`` and ``value`` continues the number read so far (``total``
    of the scale words, ``current`` below the last scale word): "vingt" then "deux" does,
    "deux" then "vingt" does not; a scale word must be smaller than the last one, or multiply
    all before it ("cent mille", "thousand million")."""
    if kind == "unit":
        below_hundred = current % 100
        return current % 10 == 0 and (
            value < 10 or below_hundred == 0 or (below_hundred in lang.additive_tens and value >= 10)
        )
    if kind == "ten":
        return current % 100 == 0
    if kind == "hundred":
        return 0 < current <= lang.hundred_multiplier_max or (current == 0 and total > 0)
    return value < last_scale or (current == 0 and 0 < total < value)


def _added(kind: str, value: float, total: float, current: float, last_scale: float) -> tuple[float, float, float]:
    """``(total, current, last_scale)`` after a word that fits."""
    if kind in ("unit", "ten"):
        return total, current + value, last_scale
    if kind == "hundred":
        return total, (current or 1) * 100, last_scale
    if current == 0 and 0 < total < value and last_scale <= value:
        return total * value, 0.0, value
    return total + (current or 1) * value, 0.0, value


def _scale_begins_anew(kind: str, value: float, total: float, current: float, last_scale: float, lang: Language) -> bool:
    """Whether a scale word that cannot continue the number ("million" after "two thousand,
    two") makes a new number of the words read since the last scale word."""
    return kind == "scale" and total > 0 and current > 0 and not _fits(kind, value, total, current, last_scale, lang)


def words_value(tokens: list[str], lang: Language) -> list[WordRange]:
    """Read number words, split where a new number must begin.

    Returns :class:`WordRange` token ranges. Joiners ("et", "and") are tokens too and belong to
    the number around them; a word that is no number word ends the number before it.

    >>> fr, en = language("fr"), language("en")
    >>> words_value("deux cent deux mille".split(), fr)
    [WordRange(first=0, last=4, value=202000.0)]
    >>> words_value("vingt et un".split(), fr)
    [WordRange(first=0, last=3, value=21.0)]
    >>> [tuple(r) for r in words_value("cinq et six millions".split(), fr)]
    [(0, 1, 5.0), (2, 4, 6000000.0)]
    >>> words_value("two hundred and thirty-four thousand".replace("-", " ").split(), en)[0].value
    234000.0
    >>> [r.value for r in words_value("two thousand , two million".split(), en)]
    [2000.0, 2000000.0]
    >>> words_value("one billion twenty five millions".split(), en)[0].value
    1025000000.0
    """
    out: list[WordRange] = []
    start = None
    total = current = 0.0
    last_scale = _NO_SCALE
    last_word = scale_end = current_first = -1
    for index, raw in enumerate(tokens):
        word = normalise(raw)
        if word in lang.joiners or raw in lang.joiners:
            continue
        value = lang.words.get(word)
        kind = "" if value is None else _kind_of(value)
        if start is not None and value is not None and _scale_begins_anew(kind, value, total, current, last_scale, lang):
            # "two thousand, two million": the words after the last scale begin a second number
            out.append(WordRange(start, scale_end, total))
            start, total, last_scale = current_first, 0.0, _NO_SCALE
        elif start is not None and (
            value is None or total == 0 and current == 0  # nothing follows a zero: "three nought four"
            or not _fits(kind, value, total, current, last_scale, lang)
        ):
            out.append(WordRange(start, last_word + 1, total + current))
            start, total, current, last_scale = None, 0.0, 0.0, _NO_SCALE
        if value is None:
            continue
        if start is None:
            start = index
        if current == 0:
            current_first = index
        last_word = index
        total, current, last_scale = _added(kind, value, total, current, last_scale)
        if kind == "scale":
            scale_end = index + 1
    if start is not None:
        out.append(WordRange(start, last_word + 1, total + current))
    return out
