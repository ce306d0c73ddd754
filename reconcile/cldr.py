"""Currency knowledge from the Unicode CLDR (through ``babel``): every ISO 4217 code, its names
and plural forms in a language, its symbols, and the dates it was in use in each territory.

A leaf: it imports nothing of the pipeline. Everything is read once and cached.

>>> names("en")["malaysian ringgits"], names("fr")["dinars koweïtiens"]
('MYR', 'KWD')
>>> existed("FRF", datetime.date(2010, 1, 1)), existed("CHF", datetime.date(2010, 1, 1))
(False, True)
>>> in_use("SG", datetime.date(2024, 5, 1))
('SGD',)
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from babel import Locale, UnknownLocaleError
from babel.core import get_global

__all__ = ["bare_names", "cased_alternation", "codes", "existed", "in_use", "names", "symbols"]

_PARENTHESIS = re.compile(r"\(")

# Codes of ISO 4217 that are no money a news figure is counted in (metals, test and fund codes);
# their CLDR names ("Gold", "Unknown Currency") would read ordinary words as currencies.
_NOT_MONEY = frozenset(
    ["XAG", "XAU", "XPD", "XPT", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XRE", "XFO", "XFU", "XDR", "USN", "USS", "BOV", "CLF", "COU", "MXV", "UYI", "UYW", "CHE", "CHW"]
)


def _lower(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@functools.cache
def codes() -> frozenset[str]:
    """Every ISO 4217 code CLDR names, less the metals, funds and test codes.

    >>> {"MYR", "UAH", "FRF"} <= codes(), "XAU" in codes()
    (True, False)
    """
    return frozenset(str(code) for code in Locale("en").currencies if code not in _NOT_MONEY)


@functools.cache
def _spans() -> Mapping[str, tuple[tuple[datetime.date, datetime.date | None], ...]]:
    """For each code, the spans of dates it was legal tender in some territory."""
    spans: dict[str, list[tuple[datetime.date, datetime.date | None]]] = {}
    for entries in get_global("territory_currencies").values():
        for code, start, end, tender in entries:
            if tender and start:
                spans.setdefault(code, []).append((datetime.date(*start), datetime.date(*end) if end else None))
    return MappingProxyType({code: tuple(found) for code, found in spans.items()})


def existed(code: str, on: datetime.date) -> bool:
    """Whether the currency ``code`` was in use somewhere on ``on`` (a code CLDR dates nowhere,
    such as a crypto-currency, always counts as existing).

    >>> existed("DEM", datetime.date(2001, 6, 1)), existed("DEM", datetime.date(2003, 1, 1))
    (True, False)
    """
    spans = _spans().get(code.upper())
    if not spans:
        return True
    return any(start <= on and (end is None or on <= end) for start, end in spans)


@functools.cache
def in_use(country: str, on: datetime.date | None = None) -> tuple[str, ...]:
    """The currencies legal tender in ``country`` (ISO 3166 alpha-2) on ``on`` (today when
    ``None``), the main one first; empty for an unknown country.

    >>> in_use("CH"), in_use("FR", datetime.date(1995, 1, 1)), in_use("ZZ")
    (('CHF',), ('FRF',), ())
    """
    day = on or datetime.date.today()
    entries = get_global("territory_currencies").get(country.upper(), [])
    return tuple(
        code for code, start, end, tender in entries
        if tender and start and datetime.date(*start) <= day and (end is None or day <= datetime.date(*end))
    )


@functools.cache
def _locale(lang: str) -> Locale | None:
    """CLDR's data for ``lang``, or ``None`` for a language CLDR does not know (a language a
    user added with reconcile.languages.add_path reads no CLDR names)."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    return word + ("x" if word.endswith(("eau", "au")) else "s")


def _forms(locale: Locale, code: str) -> Iterable[str]:
    """A currency's name, CLDR's plural forms, and a regular plural of the name (CLDR writes
    some plurals as the singular: "dinar koweïtiens"): every word in French, the last in English."""
    name = locale.currencies.get(code, "")
    yield name
    yield from locale._data["currency_names_plural"].get(code, {}).values()
    words = name.split()
    if words and locale.language == "fr":
        yield " ".join(_plural(word) for word in words)
    elif words:
        yield " ".join([*words[:-1], _plural(words[-1])])


@functools.cache
def names(lang: str) -> Mapping[str, str]:
    """Every CLDR name of a currency in ``lang`` (singular and plural forms), lower case -> code.
    A name CLDR gives two codes keeps the code in use today.

    >>> names("en")["ukrainian hryvnias"], names("fr")["nouveaux shekels israéliens"]
    ('UAH', 'ILS')
    """
    locale = _locale(lang)
    found: dict[str, str] = {}
    if locale is None:
        return MappingProxyType(found)
    today = datetime.date.today()
    for code in sorted(codes(), key=lambda c: not existed(c, today)):  # codes in use first
        for form in _forms(locale, code):
            if form and not _PARENTHESIS.search(form):
                found.setdefault(_lower(form), code)
    return MappingProxyType(found)


@functools.cache
def bare_names(lang: str, head_last: bool) -> Mapping[str, str]:
    """The head noun of each CLDR name ("ringgit" of "Malaysian ringgit", "shekel" of "shekel
    israélien") -> code, when the head names one currency in use today and nothing else.
    ``head_last``: the head is the last word (English) or the first (French).

    >>> bare_names("en", True)["ringgits"], "dollars" in bare_names("en", True)
    ('MYR', False)
    """
    today = datetime.date.today()
    heads: dict[str, set[str]] = {}
    for name, code in names(lang).items():
        words = name.split()
        if len(words) > 1 and existed(code, today):
            heads.setdefault(words[-1] if head_last else words[0], set()).add(code)
    return MappingProxyType({head: next(iter(c)) for head, c in heads.items() if len(c) == 1 and head not in names(lang)})


@functools.cache
def symbols(lang: str) -> Mapping[str, str]:
    """The symbols CLDR gives currencies in ``lang`` that are not the code itself ("R$", "₪",
    "NT$") -> code; a symbol two currencies share is left out.

    >>> symbols("en")["₪"], symbols("en")["R$"]
    ('ILS', 'BRL')
    """
    seen: dict[str, set[str]] = {}
    locale = _locale(lang)
    for code, symbol in locale.currency_symbols.items() if locale else ():
        if code in codes() and symbol != code and not symbol.isalpha():
            seen.setdefault(symbol, set()).add(code)
    return MappingProxyType({symbol: next(iter(c)) for symbol, c in seen.items() if len(c) == 1})


def cased_alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` exactly as written (case-sensitive, even inside an
    ignore-case pattern), built as a trie.

    >>> bool(re.fullmatch(cased_alternation(["MYR", "MXN"]), "myr", re.IGNORECASE))
    False
    """
    trie: dict[str, dict] = {}
    for phrase in set(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(rest) for char, rest in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    if not trie:
        return r"(?!x)x"
    # A class of the first characters fails fast where no phrase starts: the regex engine would
    # otherwise try each branch of the trie at every position.
    first = "".join(re.escape(char) for char in sorted(trie))
    return f"(?-i:(?=[{first}]){emit(trie)})"
