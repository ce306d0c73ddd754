"""Periods in text: "cette année", "en 2025", "by July", "Q3 2024" -> a :class:`DateRange`.

Relative expressions resolve against the document's publication date, which may itself be a
range: the result is then the smallest span that holds every reading, one per possible
publication day ("cette année" published 2024-12-06..2025-01-20 is 2024-01-01..2025-12-31).
With no publication date a relative expression resolves to ``None``: a period is never invented.

How it works: the words of each language (months, ordinals, relative phrases, prepositions)
live in ``reconcile/languages/<lang>/periods.toml``; they are compiled once into one regular
expression per language that finds the candidates, and the resolution is plain date arithmetic.
:mod:`dateparser` is used only by :func:`resolve_period` for expressions that grammar does not
know (``"15 janvier 2025"`` is known, ``"il y a deux ans"`` goes to dateparser), behind a cache.

Rules, all documented here once:

- Prepositions set a *mode*. ``during`` (en, pour, in, for, ...): the period itself.
  ``since`` (depuis, since, plus tôt, earlier): from the period's start to the publication day.
  ``by`` (d'ici, d'ici fin, jusqu'en, by, by the end of, until): from the publication day to the
  period's end ("d'ici fin 2026" published 2026-01-15 is 2026-01-15..2026-12-31); a period already
  over at publication is itself. ``after`` (plus tard, later): what is left of the period after
  the publication day. ``since``, ``by`` and ``after`` need a publication date, else ``None``.
- A month, day, weekday or quarter without a year ("en septembre", "au troisième trimestre",
  "the June quarter", "on Thursday", "lundi") is the most recent one that starts on or before the
  publication day; with ``by`` ("by July"), or after a word of the future in its sentence
  (``[future]``: "will report results on April 24", "publiera ses comptes le 24 avril"), it is
  the first one that ends on or after it.
- A weekday names one day only when the publication date is a single day; against a range of
  days (which does not say which week) or no date it is ``None``.
- Parts of a year: early/début = January-April, mid/mi = May-August, late/fin = September-December;
  quarters (T3, Q3, troisième trimestre, third quarter, "third-quarter revenue") and halves (S1,
  H2, premier semestre). A part of a month ("at the end of December", "fin juin", "early March")
  is that month: the text does not say how many days the part spans.
- A quarter named by its last month ("the June quarter", "the quarter ended June 30", "le
  trimestre clos fin juin") is the three months ending with that month, across a new year if
  need be ("the February quarter" is December-February).
- Coming spans ("over the next three years", "au cours des trois prochaines années", "the next
  12 months") run from the publication day to the day before the same day so many units later
  (published 2025-02-21: 2025-02-21..2028-02-20).
- "a year earlier" / "l'année précédente" (the ``[earlier]`` data) refer back: in :func:`find_periods`
  they are the nearest period before them in the same text moved back by that many years ("172
  million at the end of December, up from 78.6 million a year earlier": December of the year
  before); with no period before them, and always in :func:`resolve_period`, they are the year(s)
  before the publication year, like "last year".
- Also read: days ("6 décembre 2024", "December 6, 2024", ISO "2024-12-06"), spans of years
  ("entre 2023 et 2025", "from 2023 to 2025", "2023-2025"), and impossible dates are not periods.
- A year is four digits 1900..2099, never part of a digit group ("200 000", "3 000", "2 025") and
  never followed by a scale, currency or count word listed in the data ("2000 milliards").
  In :func:`find_periods` a year alone (or a month alone) is a period only after a preposition
  of the data file (en, pour, depuis, d'ici, in, for, since, by, ...) or inside parentheses
  ("(2024)", or heading a comparison: "€5.3 billion (2023: €4.9 billion)"); "of" is glue only ("third quarter of 2024"), not a year context, as in
  "a total of 2000". :func:`resolve_period` reads a lone year or month as itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from reconcile import languages
from reconcile.errors import DateError
from reconcile.model import DateRange

MODES: tuple[str, ...] = ("during", "since", "by", "after")
_DASH = r"(?:\s*[-‐‑]\s*|\s+)"  # between words that may be hyphenated: "third-quarter", "June-quarter"
_YEAR = r"(?:19|20)\d\d(?!\d)(?![.,]\d)"
_SEP = r"(?:(?<=['’])\s*|\s+)"  # a space, or nothing after an elided article (l', d')
_DATEPARSER_BASES = (dt.date(1950, 6, 15), dt.date(2050, 6, 15))


@attrs.frozen
class PeriodMention:
    """A period found in a text: offsets into the text, the words, and the resolved span
    (``None`` when it is relative and the publication date is unknown)."""

    start: int
    end: int
    text: str
    period: DateRange | None
    earlier: bool = False  # "a year ago", "l'année précédente": the period before, moved back


# ---------------------------------------------------------------------------- public API


def resolve_period(expr: str, published: DateRange | dt.date | None, lang: str = "en") -> DateRange | None:
    """The span of days an expression names, read against the publication date.

    Returns ``None`` when the expression cannot be read, or is relative and ``published`` is
    ``None``. A non-string ``expr`` or an unreadable ``published`` raises :class:`DateError`; a
    language without a data folder raises :class:`~reconcile.errors.UnsupportedLanguage` (it is
    not guessed: dateparser reads only what a supported language's words do not).

    >>> pub = DateRange.parse({"from": "2024-12-06", "to": "2025-01-20"})
    >>> str(resolve_period("cette année", pub, "fr"))
    '2024-01-01..2025-12-31'
    >>> str(resolve_period("prévu pour 2025", None, "fr")), resolve_period("next year", None)
    ('2025-01-01..2025-12-31', None)
    >>> str(resolve_period("Q3 2024", None)), str(resolve_period("by July", dt.date(2025, 3, 10)))
    ('2024-07-01..2024-09-30', '2025-03-10..2025-07-31')
    >>> str(resolve_period("depuis janvier", dt.date(2025, 3, 10), "fr"))
    '2025-01-01..2025-03-10'
    >>> resolve_period("bientôt", None, "fr") is None
    True
    """
    if not isinstance(expr, str):
        raise DateError(f"a period expression must be text, got {type(expr).__name__}")
    pub = _publication(published)
    code = _language(lang)
    text = " ".join(expr.split())
    if not text:
        return None
    grammar = _grammar(code)
    match = grammar.pattern.fullmatch(text)
    if match is not None:
        read = _read(match, grammar)
        return _resolve(read, pub) if read is not None else None
    first = next(_candidates(text, grammar), None)
    if first is not None:
        return _resolve(first.reading, pub) if first.reading is not None else None
    if any(_not_a_year(m, text, grammar) for m in grammar.pattern.finditer(text)):
        return None  # "2000 puces": ruled out here, so not handed to dateparser to read as a year
    return _resolve_with_dateparser(text, code, pub)


def find_periods(text: str, lang: str, published: DateRange | dt.date | None) -> list[PeriodMention]:
    """Every period expression in ``text``, in order, with offsets into ``text``.

    A language needs a data folder (``reconcile/languages/<lang>/``, see :mod:`reconcile.languages`);
    without one this raises :class:`~reconcile.errors.UnsupportedLanguage`, as every stage does.

    >>> pub = DateRange.parse({"from": "2024-09-01", "to": "2024-12-31"})
    >>> [(m.text, str(m.period)) for m in find_periods(
    ...     "Elle aurait commandé cette année 100 000 puces, dont 200 000 en 2025.", "fr", pub)]
    [('cette année', '2024-01-01..2024-12-31'), ('en 2025', '2025-01-01..2025-12-31')]
    >>> [(m.text, m.period) for m in find_periods("orders placed this year", "en", None)]
    [('this year', None)]
    >>> for m in find_periods("172 million at the end of December, up from 78.6 million a year "
    ...                       "earlier; third-quarter sales rose on Thursday.", "en", dt.date(2026, 1, 15)):
    ...     print(m.text, m.period)
    the end of December 2025-12-01..2025-12-31
    a year earlier 2024-12-01..2024-12-31
    third-quarter 2025-07-01..2025-09-30
    Thursday 2026-01-15
    """
    if not isinstance(text, str):
        raise DateError(f"find_periods needs text, got {type(text).__name__}")
    pub = _publication(published)
    code = _language(lang)
    grammar = _grammar(code)
    found: list[PeriodMention] = []
    last_quarter = False  # the last period found is a quarter named by its rank
    for candidate in _candidates(text, grammar):
        read = candidate.reading
        if read is None:
            continue
        if last_quarter and _ends_quarter(candidate, found[-1], text, grammar, pub):
            ended = _resolve(read, pub)
            assert ended is not None  # _ends_quarter checked it is one day
            found[-1] = PeriodMention(found[-1].start, candidate.end, text[found[-1].start : candidate.end],
                                      _quarter_ending_on(ended.start))
            last_quarter = False
            continue
        last_quarter = read.quarter
        if read.back_years and found:  # "a year earlier": the period named just before, moved back
            period = _years_before(found[-1].period, read.back_years)
        else:
            period = _resolve(_ahead(read, text, candidate.start, grammar), pub)
        found.append(PeriodMention(candidate.start, candidate.end, text[candidate.start : candidate.end], period,
                                   earlier=bool(read.back_years)))
    return found


_WEEKDAY_TO_DATE = re.compile(r",?\s+")


def _ends_quarter(candidate: _Candidate, quarter: PeriodMention, text: str, grammar: _Grammar,
                  pub: DateRange | None) -> bool:
    """A day right after a quarter named by its rank and a word of its end ("first quarter ended
    December 25, 2010", "premier trimestre fiscal 2011 (terminé le 25 décembre 2010)")."""
    if grammar.quarter_ended is None or candidate.reading is None:
        return False
    day = _resolve(candidate.reading, pub)
    return (day is not None and day.start == day.end
            and grammar.quarter_ended.fullmatch(text, quarter.end, candidate.start) is not None)
_SENTENCE_END = re.compile(r"[.!?\n]\s")


def _ahead(read: _Reading, text: str, start: int, grammar: _Grammar) -> _Reading:
    """A yearless date or a weekday after a word of the future in its sentence lies ahead of
    the publication day ("the results will be published on April 24"), not behind it."""
    if grammar.future is None or (read.yearless is None and read.weekday is None):
        return read
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    return attrs.evolve(read, forward=True) if grammar.future.search(text, opening, start) else read


@attrs.frozen
class _Candidate:
    """A match in context and its reading (``None``: matched but not a period, as 31 February)."""

    start: int
    end: int
    reading: _Reading | None


def _candidates(text: str, grammar: _Grammar) -> Iterator[_Candidate]:
    """The matches in context, read, with a weekday joined to the date right after it ("lundi 3
    mars", "Thursday, Jan. 15"): the date decides. Joining here rather than in the regex keeps
    the scan of every word start cheap."""
    pending: _Candidate | None = None
    for match in grammar.pattern.finditer(text):
        if not _in_context(match, text, grammar):
            continue
        read = _read(match, grammar)
        if pending is not None:
            if _is_date_after(match, text, pending):
                mode = pending.reading.mode if pending.reading is not None else "during"
                yield _Candidate(pending.start, match.end(), attrs.evolve(read, mode=mode) if read is not None else None)
                pending = None
                continue
            yield pending
            pending = None
        candidate = _Candidate(match.start(), match.end(), read)
        if read is not None and read.weekday is not None:
            pending = candidate
        else:
            yield candidate
    if pending is not None:
        yield pending


def _is_date_after(match: re.Match[str], text: str, weekday: _Candidate) -> bool:
    """A day of a month right after a weekday ("lundi 3 mars"), with no preposition of its own."""
    is_date = match.group("day_first_day") is not None or match.group("month_first_day") is not None
    return is_date and match.group("preposition") is None and bool(
        _WEEKDAY_TO_DATE.fullmatch(text, weekday.end, match.start())
    )


# ---------------------------------------------------------------------------- the grammar

UNITS: tuple[str, ...] = ("year", "quarter", "month")
"""The units of relative periods and coming spans."""
_MONTHS_IN = MappingProxyType({"year": 12, "quarter": 3, "month": 1})


@attrs.frozen
class _MonthSpan:
    """Months ``first``..``last`` of a year (1..12); ``first > last`` crosses the new year."""

    first: int
    last: int


@attrs.frozen
class _Relative:
    """A period named relative to the publication day: the ``unit`` (year, quarter, month)
    ``offset`` units away (-1 the previous, 0 the current), or only ``months`` of that year."""

    unit: str
    offset: int
    months: _MonthSpan | None = None


@attrs.frozen
class _Grammar:
    """The compiled words of one language: the pattern that finds period expressions, and the
    tables that read what it matched (keys as :func:`_key` makes them)."""

    lang: str
    pattern: re.Pattern[str]
    not_a_year_after: re.Pattern[str]
    months: Mapping[str, int]
    relative: Mapping[str, _Relative]
    modes: Mapping[str, str]
    parts: Mapping[str, _MonthSpan]
    ordinals: Mapping[str, int]
    divisions: Mapping[str, int]
    division_letters: Mapping[str, int]
    weekdays: Mapping[str, int]
    earlier: Mapping[str, int]
    coming_numbers: Mapping[str, int]
    coming_units: Mapping[str, str]
    coming_needs_marker: bool  # the data lists `between` or `trail` words: one must be there
    future: re.Pattern[str] | None  # "will", "va": a yearless date after them in its sentence is ahead
    quarter_ended: re.Pattern[str] | None  # between "first quarter" and the day it ended: " ended "


_KEY_DROP = str.maketrans({"’": "'", ".": None, "-": None, "‐": None, "‑": None})


def _key(words: str) -> str:
    """How a matched phrase is looked up in the data: case, dots, hyphens and spacing ignored."""
    return "".join(words.lower().translate(_KEY_DROP).split())


def _word_tokens(word: str) -> list[str]:
    out: list[str] = []
    for char in word.strip().lower():
        if char == "'":
            out.append("['’]")
        elif char.isspace():
            if not out or out[-1] != _DASH:
                out.append(_DASH)  # "next-year", "first-half" as well as "next year"
        elif char == "-":
            out.append(r"[-‐‑\s]?")
        else:
            out.append(re.escape(char))
    return out


def _alternation(words: Any) -> str:
    """One regex for a list of words, as a trie: shared prefixes are tried once, which keeps the
    scan of every word start cheap; the longest word wins (greedy optional branches)."""
    trie: dict[str, Any] = {}
    for word in {w for w in words if w and w.strip()}:
        node = trie
        for token in _word_tokens(word):
            node = node.setdefault(token, {})
        node[""] = {}
    if not trie:
        return r"(?!x)x"
    return "(?:" + _render(trie) + ")"


def _render(node: dict[str, Any]) -> str:
    branches = [token + _render(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


def _language(lang: Any) -> str:
    if not isinstance(lang, str) or not lang.strip():
        raise DateError(f"a language code must be text such as 'fr', got {lang!r}")
    return languages.code(lang)


@languages.on_change
@functools.cache
def _grammar(code: str) -> _Grammar:
    """The grammar of a language, built once from its ``periods.toml``."""
    data = languages.load(code, "periods")
    name = f"{code}/periods.toml"
    try:
        tables = _tables(data)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DateError(f"{name}: malformed period data: {exc!r}") from exc
    _check_tables(tables, name)
    coming = data.get("coming", {})
    return _Grammar(
        lang=code,
        pattern=_pattern(data),
        not_a_year_after=re.compile(
            rf"\s*{_alternation(data.get('years', {}).get('not_before', []))}(?!\w)", re.IGNORECASE
        ),
        coming_needs_marker=bool(coming.get("between") or coming.get("trail")),
        future=_future_pattern(data.get("future", {}).get("words", [])),
        quarter_ended=_quarter_ended_pattern(data.get("quarter_ending", {}).get("after_rank", [])),
        **tables,
    )


_QUARTER_LABEL = r"[^.;:\n]{0,24}?"
"""What may stand between a quarter's rank and the word of its end: "fiscal 2011 (", ", which"."""


def _quarter_ended_pattern(words: list[str]) -> re.Pattern[str] | None:
    """The text between a quarter named by its rank and the day it ended."""
    if not words:
        return None
    return re.compile(rf"{_QUARTER_LABEL}(?<!\w){_alternation(words)}\s+", re.IGNORECASE)


def _future_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Words after which, in the same sentence, a yearless date or weekday lies ahead."""
    if not words:
        return None
    return re.compile(rf"(?<!\w){_alternation(words)}(?!\w)", re.IGNORECASE)


def _keyed(table: Mapping[str, Any], value: Any = int) -> Mapping[str, Any]:
    return MappingProxyType({_key(k): value(v) for k, v in table.items()})


def _relative(entry: Mapping[str, Any]) -> _Relative:
    months = _MonthSpan(*map(int, entry["months"])) if "months" in entry else None
    return _Relative(str(entry["unit"]), int(entry["offset"]), months)


def _tables(data: Mapping[str, Any]) -> dict[str, Any]:
    """The lookup tables of a language's period words (raises on a malformed value)."""
    prepositions = data.get("prepositions", {})
    coming = data.get("coming", {})
    return {
        "months": _keyed({**data.get("months", {}), **data.get("month_abbreviations", {})}),
        "relative": _keyed(data.get("relative", {}), _relative),
        "modes": MappingProxyType({_key(w): mode for mode in MODES for w in prepositions.get(mode, [])}),
        "parts": _keyed(data.get("year_parts", {}), lambda v: _MonthSpan(int(v[0]), int(v[1]))),
        "ordinals": _keyed(data.get("ordinals", {})),
        "divisions": _keyed(data.get("divisions", {})),
        "division_letters": MappingProxyType(
            {k.lower(): int(v) for k, v in data.get("division_abbreviations", {}).items()}
        ),
        "weekdays": _keyed(data.get("weekdays", {})),
        "earlier": _keyed(data.get("earlier", {})),
        "coming_numbers": _keyed(coming.get("numbers", {})),
        "coming_units": _keyed(coming.get("units", {}), str),
    }


def _check_tables(tables: Mapping[str, Any], name: str) -> None:
    bad_units = sorted({r.unit for r in tables["relative"].values()} - set(UNITS))
    if bad_units:
        raise DateError(f"{name}: [relative] units must be year, quarter or month, got {bad_units}")
    bad_units = sorted(set(tables["coming_units"].values()) - set(UNITS))
    if bad_units:
        raise DateError(f"{name}: [coming.units] must be year, quarter or month, got {bad_units}")
    if any(not 0 <= d <= 6 for d in tables["weekdays"].values()) or any(n >= 0 for n in tables["earlier"].values()):
        raise DateError(f"{name}: [weekdays] are 0 (Monday)..6, [earlier] offsets negative years")


@attrs.frozen
class _Pieces:
    """Regex pieces shared by several expressions of one language."""

    month_name: str  # a month's name or its abbreviation, maybe with a dot
    relative: str  # "this year", "l'an dernier"
    relative_or_current: str  # the same, or "the year" / "l'année"
    glue: str  # optional "of" / "de" and a space
    day: str
    day_suffix: str  # optional "st", "er"


def _pieces(data: Mapping[str, Any]) -> _Pieces:
    def words(section: str, key: str = "words") -> list[str]:
        return list(data.get(section, {}).get(key, []))

    relative = _alternation(data.get("relative", {}))
    return _Pieces(
        month_name=(
            f"(?:{_alternation(data.get('months', {}))}|{_alternation(data.get('month_abbreviations', {}))}\\.?)"
        ),
        relative=relative,
        relative_or_current=f"(?:{relative}|{_alternation(words('current_year'))})",
        glue=f"(?:{_alternation(words('glue'))}{_SEP})?",
        day=r"(?:[0-3]?\d)",
        day_suffix=f"(?:{_alternation(words('days', 'suffixes'))})?",
    )


def _pattern(data: Mapping[str, Any]) -> re.Pattern[str]:
    """The one pattern of a language: an optional preposition (and article), then one of the
    expressions of :func:`_expressions`, behind a cheap test of the first character."""
    prepositions = [w for mode in MODES for w in data.get("prepositions", {}).get(mode, [])]
    articles = data.get("articles", {}).get("words", [])
    prefix = rf"(?:(?P<preposition>{_alternation(prepositions)}){_SEP}(?:{_alternation(articles)}{_SEP})?)?"
    core = "|".join(_expressions(data, _pieces(data)))
    first_char = "[0-9" + "".join(sorted(re.escape(c) for c in _starters(data, prepositions) - set("0123456789"))) + "]"
    # The lookahead rejects most word starts with one character test before the alternations.
    return re.compile(rf"(?<!\w)(?={first_char}){prefix}(?:{core})(?!\w)", re.IGNORECASE)


def _starters(data: Mapping[str, Any], prepositions: list[str]) -> set[str]:
    """The first characters of every word that may open an expression."""
    tables = ("relative", "year_parts", "ordinals", "division_abbreviations", "months", "month_abbreviations",
              "weekdays", "earlier")
    words = [
        *prepositions,
        *data.get("spans", {}).get("open", []),
        *(w for table in tables for w in data.get(table, {})),
        *data.get("coming", {}).get("lead", []),
        *data.get("quarter_ending", {}).get("before_month", []),
    ]
    return {w.strip()[:1].lower() for w in words if w.strip()}


def _expressions(data: Mapping[str, Any], p: _Pieces) -> list[str]:
    """The expressions a period may take, tried in this order at each position; each names
    its groups after what they hold."""
    spans = data.get("spans", {})
    quarter_ending = data.get("quarter_ending", {})
    return [
        (  # "entre 2023 et 2025", "from 2023 to 2025"
            rf"(?P<span_open>{_alternation(spans.get('open', []))})\s+(?P<span_first_year>{_YEAR})\s+"
            rf"{_alternation(spans.get('close', []))}\s+(?P<span_last_year>{_YEAR})"
        ),
        rf"(?P<iso_date>{_YEAR}-[01]\d-[0-3]\d)(?![-\d])",
        rf"(?P<dash_first_year>{_YEAR})\s*[-–—]\s*(?P<dash_last_year>{_YEAR})",  # "2023-2025"
        _coming_expression(data.get("coming", {})),
        rf"(?P<earlier>{_alternation(data.get('earlier', {}))})",  # "a year earlier"
        (  # "the quarter ended June 30", "le trimestre clos fin juin"
            rf"(?P<quarter_end_words>{_alternation(quarter_ending.get('before_month', []))})\s+"
            rf"(?:(?P<quarter_end_day_first>{p.day})\s+)?"
            rf"(?P<quarter_end_month>{p.month_name})(?:\s+(?P<quarter_end_day>{p.day}){p.day_suffix}(?!\d))?"
            rf"(?:,?\s+{p.glue}(?P<quarter_end_year>{_YEAR}))?"
        ),
        rf"(?P<relative>{p.relative})",  # "cette année", "last quarter"
        (  # "fin 2024", "début d'année", "at the end of December"
            rf"(?P<year_part>{_alternation(data.get('year_parts', {}))})(?:\s*-\s*|\s+){p.glue}"
            rf"(?:(?P<year_part_year>{_YEAR})|(?P<year_part_relative>{p.relative_or_current})"
            rf"|(?P<year_part_month>{p.month_name})(?:\s+{p.glue}(?P<year_part_month_year>{_YEAR}))?)"
        ),
        (  # "third quarter of 2024", "premier semestre"
            rf"(?P<ordinal>{_alternation(data.get('ordinals', {}))}){_DASH}"
            rf"(?P<division>{_alternation(data.get('divisions', {}))})"
            rf"(?:\s+{p.glue}(?:(?P<division_year>{_YEAR})|(?P<division_relative>{p.relative_or_current})))?"
        ),
        (  # "Q3 2024", "T3", "H1'25"
            rf"(?P<division_letter>{_alternation(data.get('division_abbreviations', {}))})(?P<division_number>[1-6])"
            rf"(?:\s*['’-]?\s*(?P<division_letter_year>{_YEAR}))?"
        ),
        (  # "6 décembre 2024"
            rf"(?P<day_first_day>{p.day}){p.day_suffix}\s+(?P<day_first_month>{p.month_name})"
            rf"(?:\s+(?P<day_first_year>{_YEAR}))?"
        ),
        (  # "December 6, 2024"
            rf"(?P<month_first_month>{p.month_name})\s+(?P<month_first_day>{p.day}){p.day_suffix}(?!\d)"
            rf"(?:,?\s+(?P<month_first_year>{_YEAR}))?"
        ),
        (  # a month, of a year, or ending a quarter ("the June quarter"): one scan of the names
            rf"(?P<month_name>{p.month_name})(?:(?:\s+(?P<quarter_month_year_before>{_YEAR}))?{_DASH}"
            rf"(?P<quarter_after_month>{_alternation(quarter_ending.get('after_month', []))})"
            rf"(?:\s+{p.glue}(?P<quarter_month_year>{_YEAR}))?"
            rf"|\s+{p.glue}(?P<month_year>{_YEAR}))?"
        ),
        rf"(?P<weekday>{_alternation(data.get('weekdays', {}))})",
        rf"(?P<year>{_YEAR})",
    ]


def _coming_expression(coming: Mapping[str, Any]) -> str:
    """"les trois prochaines années" / "les trois années à venir" / "the next three years". A
    language with `between` or `trail` words needs one of them (checked when reading), else "les
    trois années" would be a coming span."""
    count = rf"(?P<coming_count>{_alternation(coming.get('numbers', {}))}|\d{{1,2}}(?!\d))"
    unit = rf"(?P<coming_unit>{_alternation(coming.get('units', {}))})"
    tail = (
        rf"(?:(?P<coming_between>{_alternation(coming.get('between', []))})\s+)?{unit}"
        rf"(?:\s+(?P<coming_trail>{_alternation(coming.get('trail', []))}))?"
    )
    return rf"(?P<coming_lead>{_alternation(coming.get('lead', []))})\s+{count}\s+{tail}"


_YEAR_GROUPS: tuple[str, ...] = (
    "year", "month_year", "day_first_year", "month_first_year", "division_year", "division_letter_year",
    "year_part_year", "span_last_year", "dash_last_year", "quarter_end_year", "quarter_month_year",
    "year_part_month_year",
)
"""The groups that hold a year and may end a match."""


def _in_context(match: re.Match[str], text: str, grammar: _Grammar) -> bool:
    """The rules that keep numbers which are not years (and words which are not months) out."""
    return not _not_a_year(match, text, grammar) and not _lacks_context(match, text)


def _not_a_year(match: re.Match[str], text: str, grammar: _Grammar) -> bool:
    """A digit group's tail ("200 000", "1,2025") or a number with a count word after it."""
    start, end = match.span()
    if text[start].isdigit() and start >= 1:
        before = text[start - 1]
        if before in ".," and start >= 2 and text[start - 2].isdigit():
            return True
        if before.isspace() and start >= 2 and text[start - 2].isdigit():
            return True
    ends_with_year = any(match.group(g) is not None and match.end(g) == end for g in _YEAR_GROUPS)
    return bool(ends_with_year and grammar.not_a_year_after.match(text, end))


def _lacks_context(match: re.Match[str], text: str) -> bool:
    """A year or a month alone needs a preposition before it (a year may also stand in parentheses,
    alone or heading a comparison: "(2024)", "(2023: €4.9 billion)")."""
    if match.group("preposition") is not None:
        return False
    start, end = match.span()
    if match.group("year") is not None:
        return not (start >= 1 and text[start - 1] == "(" and end < len(text) and text[end] in "):")
    return (
        match.group("month_name") is not None
        and match.group("month_year") is None
        and match.group("quarter_after_month") is None
    )


# ---------------------------------------------------------------------------- reading a match


@attrs.frozen
class _Yearless:
    """Months or a day named without their year ("en septembre", "le 3 mars"): ``day`` 0 for
    whole months."""

    months: _MonthSpan
    day: int = 0


@attrs.frozen
class _Coming:
    """A span from the publication day: ``count`` units ("the next three years")."""

    unit: str
    count: int


@attrs.frozen
class _Reading:
    """What an expression says before the publication date is known."""

    mode: str = "during"
    fixed: DateRange | None = None
    relative: _Relative | None = None
    yearless: _Yearless | None = None
    weekday: int | None = None  # 0 Monday .. 6 Sunday
    coming: _Coming | None = None
    back_years: int = 0  # "a year earlier" (-1): moves the period named before it, in find_periods
    quarter: bool = False  # a quarter named by its rank ("first quarter", "Q1"): an end day may follow
    forward: bool = False  # after a word of the future ("will report on April 24"): the next such date


def _read(match: re.Match[str], grammar: _Grammar) -> _Reading | None:
    try:
        return _read_groups(match.groupdict(), grammar)
    except (ValueError, KeyError, DateError):
        return None  # 31 February and the like: not a period


def _read_groups(groups: dict[str, str | None], grammar: _Grammar) -> _Reading | None:
    items = tuple((k, _key(v)) for k, v in groups.items() if v is not None)
    return _read_cached(items, grammar.lang)


Groups = Mapping[str, str]
"""The groups a match filled, keyed (see :func:`_key`)."""


@functools.lru_cache(maxsize=8192)
def _read_cached(items: tuple[tuple[str, str], ...], lang: str) -> _Reading | None:
    groups = dict(items)
    grammar = _grammar(lang)
    mode = grammar.modes[groups["preposition"]] if "preposition" in groups else "during"
    for opening_groups, reader in _READERS:
        if any(group in groups for group in opening_groups):
            return reader(groups, grammar, mode)
    return None


def _months_reading(mode: str, months: _MonthSpan, year: str | None, relative: str | None, grammar: _Grammar) -> _Reading:
    """Months of a year: a given year, a relative year ("fin de l'année prochaine"), or none."""
    if year is not None:
        return _Reading(mode, fixed=_months(int(year), months))
    if relative is not None:
        named = grammar.relative.get(relative, _Relative("year", 0))
        if named.unit != "year":
            return _Reading(mode, relative=_Relative(named.unit, named.offset))
        return _Reading(mode, relative=_Relative("year", named.offset, months))
    return _Reading(mode, yearless=_Yearless(months))


def _read_span(g: Groups, grammar: _Grammar, mode: str) -> _Reading | None:
    first, last = (
        (int(g["span_first_year"]), int(g["span_last_year"])) if "span_first_year" in g
        else (int(g["dash_first_year"]), int(g["dash_last_year"]))
    )
    if first > last:
        return None
    return _Reading(mode, fixed=DateRange(dt.date(first, 1, 1), dt.date(last, 12, 31)))


def _read_iso_date(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    digits = g["iso_date"]  # the key drops the dashes: YYYYMMDD
    return _Reading(mode, fixed=DateRange.day(dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))))


def _read_coming(g: Groups, grammar: _Grammar, mode: str) -> _Reading | None:
    if grammar.coming_needs_marker and "coming_between" not in g and "coming_trail" not in g:
        return None
    count = grammar.coming_numbers.get(g["coming_count"]) or int(g["coming_count"])
    return _Reading(mode, coming=_Coming(grammar.coming_units[g["coming_unit"]], count)) if count > 0 else None


def _read_earlier(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    back = grammar.earlier[g["earlier"]]
    return _Reading(mode, relative=_Relative("year", back), back_years=back)


def _read_quarter_ending(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    month = grammar.months[g.get("quarter_end_month") or g["month_name"]]
    year = g.get("quarter_end_year") or g.get("quarter_month_year") or g.get("quarter_month_year_before")
    day = g.get("quarter_end_day") or g.get("quarter_end_day_first")
    if year is not None and day is not None:  # "the quarter ended December 25, 2010": a fiscal quarter
        return _Reading(mode, fixed=_quarter_ending_on(dt.date(int(year), month, int(day))))
    return _months_reading(mode, _MonthSpan((month - 3) % 12 + 1, month), year, None, grammar)


def _quarter_ending_on(last: dt.date) -> DateRange:
    """The quarter that ends on ``last``: three months back to the day after (a fiscal quarter
    ending on 25 December starts on 26 September; one ending on 30 June is April-June)."""
    if last == _month_end(last.year, last.month):
        return DateRange(_months_on(last.replace(day=1), -2), last)
    return DateRange(_months_on(last, -3) + dt.timedelta(days=1), last)


def _read_relative(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    return _Reading(mode, relative=grammar.relative[g["relative"]])


def _read_year_part(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    if "year_part_month" in g:  # "fin décembre", "at the end of December": the month
        month = grammar.months[g["year_part_month"]]
        return _months_reading(mode, _MonthSpan(month, month), g.get("year_part_month_year"), None, grammar)
    part = grammar.parts[g["year_part"]]
    return _months_reading(mode, part, g.get("year_part_year"), g.get("year_part_relative"), grammar)


def _division(n: int, size: int) -> _MonthSpan | None:
    """The ``n``-th division of ``size`` months of a year (quarter 3 = July..September)."""
    return _MonthSpan((n - 1) * size + 1, n * size) if 1 <= n and n * size <= 12 else None


def _read_division(g: Groups, grammar: _Grammar, mode: str) -> _Reading | None:
    size = grammar.divisions[g["division"]]
    months = _division(grammar.ordinals[g["ordinal"]], size)
    if months is None:
        return None
    read = _months_reading(mode, months, g.get("division_year"), g.get("division_relative"), grammar)
    return attrs.evolve(read, quarter=size == _MONTHS_IN["quarter"])


def _read_division_letter(g: Groups, grammar: _Grammar, mode: str) -> _Reading | None:
    months = _division(int(g["division_number"]), grammar.division_letters[g["division_letter"]])
    if months is None:
        return None
    return _months_reading(mode, months, g.get("division_letter_year"), None, grammar)


def _read_day(g: Groups, grammar: _Grammar, mode: str) -> _Reading | None:
    order = "day_first" if "day_first_month" in g else "month_first"
    month = grammar.months[g[f"{order}_month"]]
    day = int(g[f"{order}_day"])
    year = g.get(f"{order}_year")
    if not 1 <= day <= 31:
        return None
    if year is not None:
        return _Reading(mode, fixed=DateRange.day(dt.date(int(year), month, day)))
    dt.date(2000, month, day)  # a day some year has (29 February included), else ValueError
    return _Reading(mode, yearless=_Yearless(_MonthSpan(month, month), day))


def _read_month(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    month = grammar.months[g["month_name"]]
    return _months_reading(mode, _MonthSpan(month, month), g.get("month_year"), None, grammar)


def _read_weekday(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    return _Reading(mode, weekday=grammar.weekdays[g["weekday"]])


def _read_year(g: Groups, grammar: _Grammar, mode: str) -> _Reading:
    return _Reading(mode, fixed=DateRange.year(int(g["year"])))


_Reader = Callable[[Groups, _Grammar, str], _Reading | None]
_READERS: tuple[tuple[tuple[str, ...], _Reader], ...] = (
    (("span_first_year", "dash_first_year"), _read_span),
    (("iso_date",), _read_iso_date),
    (("coming_lead",), _read_coming),
    (("earlier",), _read_earlier),
    (("quarter_end_words", "quarter_after_month"), _read_quarter_ending),
    (("relative",), _read_relative),
    (("year_part",), _read_year_part),
    (("ordinal",), _read_division),
    (("division_letter",), _read_division_letter),
    (("day_first_month", "month_first_month"), _read_day),
    (("month_name",), _read_month),
    (("weekday",), _read_weekday),
    (("year",), _read_year),
)
"""Which reader reads a match, by the first group it filled, in order: a quarter named by its
month before the month alone, a part of a month before a part of a year."""


# ---------------------------------------------------------------------------- resolving


def _publication(published: Any) -> DateRange | None:
    if published is None:
        return None
    return DateRange.parse(published)


def _month_end(year: int, month: int) -> dt.date:
    return DateRange.month(year, month).end


def _months(year: int, months: _MonthSpan) -> DateRange:
    """Months ``first``..``last`` ending in ``year``; a first month after the last starts the year
    before (December-February)."""
    return DateRange(dt.date(year - (months.first > months.last), months.first, 1), _month_end(year, months.last))


def _same_day_years_on(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (earlier if negative); 29 February becomes the 28th."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, _month_end(year, day.month).day))


def _months_on(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day if it has fewer days."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


def _years_before(period: DateRange | None, years: int) -> DateRange | None:
    """``period`` moved by ``years``; whole months stay whole months (February 2073 a year
    earlier is 1..29 February 2072)."""
    if period is None:
        return None
    end = period.end
    whole_months = period.start.day == 1 and end == _month_end(end.year, end.month)
    moved_end = _month_end(end.year + years, end.month) if whole_months else _same_day_years_on(end, years)
    return DateRange(_same_day_years_on(period.start, years), moved_end)


def _resolve(reading: _Reading, pub: DateRange | None) -> DateRange | None:
    if pub is None:
        if reading.fixed is not None and reading.mode == "during":
            return reading.fixed
        return None
    if reading.weekday is not None and pub.start != pub.end:
        return None  # a range of publication days does not say which week
    return _resolve_on(reading, pub.start, pub.end)


@functools.lru_cache(maxsize=8192)
def _resolve_on(reading: _Reading, first: dt.date, last: dt.date) -> DateRange:
    """The hull of the readings on the first and the last possible publication day: the bounds
    of every rule move forward with the publication day (the start of a ``by`` reading falls back
    to the period's start once the period is over, which is before any earlier reading's start),
    so these two bound every day in between."""
    hull = DateRange.hull([_on_day(reading, first), _on_day(reading, last)])
    assert hull is not None  # the hull of two ranges
    return hull


def _on_day(reading: _Reading, day: dt.date) -> DateRange:
    base = _base(reading, day)
    if reading.mode == "since":
        return DateRange(base.start, max(day, base.start)) if base.start <= day else base
    if reading.mode == "by":
        return DateRange(day, base.end) if day <= base.end else base
    if reading.mode == "after" and base.start <= day <= base.end:
        return DateRange(day, base.end)
    return base


def _base(reading: _Reading, day: dt.date) -> DateRange:
    """The period a reading names on publication day ``day``, before its mode applies."""
    if reading.fixed is not None:
        return reading.fixed
    if reading.coming is not None:
        months = _MONTHS_IN[reading.coming.unit] * reading.coming.count
        return DateRange(day, _months_on(day, months) - dt.timedelta(days=1))
    if reading.weekday is not None:
        back = (day.weekday() - reading.weekday) % 7
        ahead = reading.mode == "by" or reading.forward
        when = day + dt.timedelta(days=(7 - back) % 7) if ahead else day - dt.timedelta(days=back)
        return DateRange.day(when)
    if reading.relative is not None:
        return _relative_base(reading.relative, day)
    assert reading.yearless is not None
    return _yearless_base(reading.yearless, day, forward=reading.mode == "by" or reading.forward)


def _relative_base(relative: _Relative, day: dt.date) -> DateRange:
    """The year, quarter or month ``relative.offset`` units from the one holding ``day``."""
    if relative.unit == "year":
        return _months(day.year + relative.offset, relative.months or _MonthSpan(1, 12))
    if relative.unit == "quarter":
        year, quarter = divmod(day.year * 4 + (day.month - 1) // 3 + relative.offset, 4)
        return DateRange(dt.date(year, quarter * 3 + 1, 1), _month_end(year, quarter * 3 + 3))
    year, month = divmod(day.year * 12 + day.month - 1 + relative.offset, 12)
    return DateRange.month(year, month + 1)


_LEAP_CYCLE_YEARS = 10
"""How many years are tried for a yearless day: 29 February recurs within 8."""


def _yearless_base(yearless: _Yearless, day: dt.date, forward: bool) -> DateRange:
    """The latest such months or day starting on or before ``day`` (``forward``: the first
    ending on or after it)."""
    for step in range(_LEAP_CYCLE_YEARS):
        # Backwards from next year: a quarter across the new year ("the January quarter",
        # November-January) that ends next year may have begun already.
        year = day.year + step if forward else day.year + 1 - step
        try:
            if yearless.day:
                candidate = DateRange.day(dt.date(year, yearless.months.first, yearless.day))
            else:
                candidate = _months(year, yearless.months)
        except ValueError:
            continue
        if (forward and candidate.end >= day) or (not forward and candidate.start <= day):
            return candidate
    raise DateError(f"no {yearless.months.first}/{yearless.day} near {day}")  # unreachable for real dates


# ---------------------------------------------------------------------------- dateparser fallback


@functools.lru_cache(maxsize=4096)
def _dateparser_read(text: str, lang: str, base: dt.date) -> DateRange | None:
    import dateparser.date  # type: ignore[import-untyped]

    try:
        parser = dateparser.date.DateDataParser(
            languages=[lang],
            settings={
                "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
                "PREFER_DATES_FROM": "past",
                "RETURN_TIME_AS_PERIOD": False,
            },
        )
        data = parser.get_date_data(text)
    except ValueError as exc:
        raise DateError(f"dateparser does not know the language {lang!r}: {exc}") from exc
    except Exception:  # noqa: BLE001 - dateparser may fail in many ways on odd text: unreadable, not an error
        return None
    found = data.date_obj if data is not None else None
    if found is None:
        return None
    day = found.date()
    if data.period == "year":
        return DateRange.year(day.year)
    if data.period == "month":
        return DateRange.month(day.year, day.month)
    if data.period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return DateRange(monday, monday + dt.timedelta(days=6))
    return DateRange.day(day)


def _resolve_with_dateparser(text: str, lang: str, pub: DateRange | None) -> DateRange | None:
    readings = [_dateparser_read(text, lang, base) for base in _DATEPARSER_BASES]
    if readings[0] is None:
        return None
    if readings[0] == readings[1]:
        return readings[0]  # the same whatever the base date: absolute
    if pub is None:
        return None
    a, b = _dateparser_read(text, lang, pub.start), _dateparser_read(text, lang, pub.end)
    if a is None or b is None:
        return None
    return DateRange.hull([a, b])
