"""Periods in text: "cette année", "en 2025", "by July", "Q3 2024" -> a :class:`DateRange`.

Relative expressions resolve against the document's publication date, which may itself be a
range: the result is then the smallest span that holds every reading, one per possible
publication day ("cette année" published 2024-12-06..2025-01-20 is 2024-01-01..2025-12-31).
With no publication date a relative expression resolves to ``None``: a period is never invented.

How it works: the words of each language (months, ordinals, relative phrases, prepositions)
live in ``reconcile/data/periods/<lang>.toml``; they are compiled once into one regular
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
  publication day; with ``by`` ("by July") it is the first one that ends on or after it.
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
  ("(2024)"); "of" is glue only ("third quarter of 2024"), not a year context, as in
  "a total of 2000". :func:`resolve_period` reads a lone year or month as itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from types import MappingProxyType
from typing import Any, Iterator, Mapping

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


# ---------------------------------------------------------------------------- public API


def resolve_period(expr: str, published: DateRange | dt.date | None, lang: str = "en") -> DateRange | None:
    """The span of days an expression names, read against the publication date.

    Returns ``None`` when the expression cannot be read, or is relative and ``published`` is
    ``None``. A non-string ``expr`` or an unreadable ``published`` raises :class:`DateError`.

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
        return _resolve(first[2], pub) if first[2] is not None else None
    if any(_not_a_year(m, text, grammar) for m in grammar.pattern.finditer(text)):
        return None  # "2000 puces": ruled out here, so not handed to dateparser to read as a year
    return _resolve_with_dateparser(text, code, pub)


def find_periods(text: str, lang: str, published: DateRange | dt.date | None) -> list[PeriodMention]:
    """Every period expression in ``text``, in order, with offsets into ``text``.

    A language needs a data file ``reconcile/data/periods/<lang>.toml``; without one this raises
    :class:`DateError` naming the file to add.

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
    for start, end, read in _candidates(text, grammar):
        if read is None:
            continue
        if read.back_years and found:  # "a year earlier": the period named just before, moved back
            period = _years_before(found[-1].period, read.back_years)
        else:
            period = _resolve(read, pub)
        found.append(PeriodMention(start, end, text[start:end], period))
    return found


_WEEKDAY_TO_DATE = re.compile(r",?\s+")


def _candidates(text: str, grammar: _Grammar) -> Iterator[tuple[int, int, _Reading | None]]:
    """The matches in context, read (``None``: matched but not a period, as 31 February), with a
    weekday joined to the date right after it ("lundi 3 mars", "Thursday, Jan. 15"): the date
    decides. Joining here rather than in the regex keeps the scan of every word start cheap."""
    pending: tuple[int, int, _Reading | None] | None = None
    for match in grammar.pattern.finditer(text):
        if not _in_context(match, text, grammar):
            continue
        read = _read(match, grammar)
        if pending is not None:
            is_date = match.group("dmy_day") is not None or match.group("mdy_day") is not None
            if is_date and match.group("prep") is None and _WEEKDAY_TO_DATE.fullmatch(text, pending[1], match.start()):
                weekday_mode = pending[2].mode if pending[2] is not None else "during"
                yield pending[0], match.end(), attrs.evolve(read, mode=weekday_mode) if read is not None else None
                pending = None
                continue
            yield pending
            pending = None
        if read is not None and read.weekday is not None:
            pending = (match.start(), match.end(), read)
        else:
            yield match.start(), match.end(), read
    if pending is not None:
        yield pending


# ---------------------------------------------------------------------------- the grammar


@attrs.frozen
class _Grammar:
    lang: str
    pattern: re.Pattern[str]
    not_a_year_after: re.Pattern[str]
    months: Mapping[str, int]
    relative: Mapping[str, tuple[str, int, tuple[int, int] | None]]
    modes: Mapping[str, str]
    parts: Mapping[str, tuple[int, int]]
    ordinals: Mapping[str, int]
    divisions: Mapping[str, int]
    abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]
    earlier: Mapping[str, int]
    coming_numbers: Mapping[str, int]
    coming_units: Mapping[str, str]
    coming_needs_marker: bool  # the data lists `between` or `trail` words: one must be there


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
    name = f"{code}/periods.toml"
    data = languages.load(code, "periods")
    try:
        months = {_key(k): int(v) for k, v in data["months"].items()}
        abbreviated = {_key(k): int(v) for k, v in data.get("month_abbreviations", {}).items()}
        relative = {
            _key(k): (str(v["unit"]), int(v["offset"]), tuple(v["months"]) if "months" in v else None)
            for k, v in data.get("relative", {}).items()
        }
        modes = {_key(w): mode for mode in MODES for w in data.get("prepositions", {}).get(mode, [])}
        parts = {_key(k): (int(v[0]), int(v[1])) for k, v in data.get("year_parts", {}).items()}
        ordinals = {_key(k): int(v) for k, v in data.get("ordinals", {}).items()}
        divisions = {_key(k): int(v) for k, v in data.get("divisions", {}).items()}
        abbreviations = {k.lower(): int(v) for k, v in data.get("division_abbreviations", {}).items()}
        current = data.get("current_year", {}).get("words", [])
        articles = data.get("articles", {}).get("words", [])
        glue = data.get("glue", {}).get("words", [])
        suffixes = data.get("days", {}).get("suffixes", [])
        spans = data.get("spans", {})
        not_before = data.get("years", {}).get("not_before", [])
        weekdays = {_key(k): int(v) for k, v in data.get("weekdays", {}).items()}
        earlier = {_key(k): int(v) for k, v in data.get("earlier", {}).items()}
        quarter_ending = data.get("quarter_ending", {})
        coming = data.get("coming", {})
        coming_numbers = {_key(k): int(v) for k, v in coming.get("numbers", {}).items()}
        coming_units = {_key(k): str(v) for k, v in coming.get("units", {}).items()}
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DateError(f"{name}: malformed period data: {exc!r}") from exc
    bad_units = sorted({u for u, _, _ in relative.values()} - {"year", "quarter", "month"})
    if bad_units:
        raise DateError(f"{name}: [relative] units must be year, quarter or month, got {bad_units}")
    bad_units = sorted(set(coming_units.values()) - {"year", "quarter", "month"})
    if bad_units:
        raise DateError(f"{name}: [coming.units] must be year, quarter or month, got {bad_units}")
    if any(not 0 <= d <= 6 for d in weekdays.values()) or any(n >= 0 for n in earlier.values()):
        raise DateError(f"{name}: [weekdays] are 0 (Monday)..6, [earlier] offsets negative years")

    def raw(section: str) -> list[str]:  # the words as written in the data file, for the regex
        return list(data.get(section, {}))

    prep_words = [w for mode in MODES for w in data.get("prepositions", {}).get(mode, [])]
    month_names = "(?:" + _alternation(raw("months")) + "|" + _alternation(raw("month_abbreviations")) + r"\.?)"
    rel = _alternation(raw("relative"))
    rel_or_current = "(?:" + rel + "|" + _alternation(current) + ")"
    glue_sep = "(?:" + _alternation(glue) + _SEP + ")?"
    suffix = "(?:" + _alternation(suffixes) + ")?"
    day = r"(?:[0-3]?\d)"
    weekday = _alternation(raw("weekdays"))
    coming_n = rf"(?P<coming_n>{_alternation(coming.get('numbers', {}))}|\d{{1,2}}(?!\d))"
    coming_unit = rf"(?P<coming_unit>{_alternation(coming.get('units', {}))})"
    # "les trois prochaines années" / "les trois années à venir": a language with such words needs
    # one of them (checked when reading), else "les trois années" would be a coming span.
    coming_tail = (
        rf"(?:(?P<coming_between>{_alternation(coming.get('between', []))})\s+)?{coming_unit}"
        rf"(?:\s+(?P<coming_trail>{_alternation(coming.get('trail', []))}))?"
    )
    core = "|".join(
        [
            (
                rf"(?P<span_open>{_alternation(spans.get('open', []))})\s+(?P<span_a>{_YEAR})\s+"
                rf"{_alternation(spans.get('close', []))}\s+(?P<span_b>{_YEAR})"
            ),
            rf"(?P<iso>{_YEAR}-[01]\d-[0-3]\d)(?![-\d])",
            rf"(?P<dash_a>{_YEAR})\s*[-–—]\s*(?P<dash_b>{_YEAR})",
            rf"(?P<coming>{_alternation(coming.get('lead', []))})\s+{coming_n}\s+{coming_tail}",
            rf"(?P<earlier>{_alternation(raw('earlier'))})",
            (
                rf"(?P<qe>{_alternation(quarter_ending.get('before_month', []))})\s+(?:{day}\s+)?"
                rf"(?P<qe_month>{month_names})(?:\s+{day}{suffix}(?!\d))?(?:,?\s+{glue_sep}(?P<qe_year>{_YEAR}))?"
            ),
            rf"(?P<rel>{rel})",
            (
                rf"(?P<part>{_alternation(raw('year_parts'))})(?:\s*-\s*|\s+){glue_sep}"
                rf"(?:(?P<part_year>{_YEAR})|(?P<part_rel>{rel_or_current})"
                rf"|(?P<part_month>{month_names})(?:\s+{glue_sep}(?P<part_month_year>{_YEAR}))?)"
            ),
            (
                rf"(?P<ord>{_alternation(raw('ordinals'))}){_DASH}(?P<div>{_alternation(raw('divisions'))})"
                rf"(?:\s+{glue_sep}(?:(?P<div_year>{_YEAR})|(?P<div_rel>{rel_or_current})))?"
            ),
            (
                rf"(?P<abbr>{_alternation(raw('division_abbreviations'))})(?P<abbr_n>[1-6])"
                rf"(?:\s*['’-]?\s*(?P<abbr_year>{_YEAR}))?"
            ),
            rf"(?P<dmy_day>{day}){suffix}\s+(?P<dmy_month>{month_names})(?:\s+(?P<dmy_year>{_YEAR}))?",
            (
                rf"(?P<mdy_month>{month_names})\s+(?P<mdy_day>{day}){suffix}(?!\d)"
                rf"(?:,?\s+(?P<mdy_year>{_YEAR}))?"
            ),
            (  # a month, of a year, or ending a quarter ("the June quarter"): one scan of the names
                rf"(?P<month>{month_names})(?:(?:\s+(?P<qm_year0>{_YEAR}))?{_DASH}"
                rf"(?P<qm>{_alternation(quarter_ending.get('after_month', []))})(?:\s+{glue_sep}(?P<qm_year>{_YEAR}))?"
                rf"|\s+{glue_sep}(?P<month_year>{_YEAR}))?"
            ),
            rf"(?P<weekday>{weekday})",
            rf"(?P<year>{_YEAR})",
        ]
    )
    prefix = rf"(?:(?P<prep>{_alternation(prep_words)}){_SEP}(?:{_alternation(articles)}{_SEP})?)?"
    starters = {
        w.strip()[:1].lower()
        for w in (*prep_words, *spans.get("open", []), *raw("relative"), *raw("year_parts"), *raw("ordinals"),
                  *raw("division_abbreviations"), *raw("months"), *raw("month_abbreviations"),
                  *raw("weekdays"), *raw("earlier"), *coming.get("lead", []),
                  *quarter_ending.get("before_month", []))
        if w.strip()
    }
    first_char = "[0-9" + "".join(sorted(re.escape(c) for c in starters - set("0123456789"))) + "]"
    # The lookahead rejects most word starts with one character test before the alternations.
    pattern = re.compile(rf"(?<!\w)(?={first_char}){prefix}(?:{core})(?!\w)", re.IGNORECASE)
    not_a_year_after = re.compile(rf"\s*{_alternation(not_before)}(?!\w)", re.IGNORECASE)
    return _Grammar(
        lang=code,
        pattern=pattern,
        not_a_year_after=not_a_year_after,
        months=MappingProxyType({**months, **abbreviated}),
        relative=MappingProxyType(relative),
        modes=MappingProxyType(modes),
        parts=MappingProxyType(parts),
        ordinals=MappingProxyType(ordinals),
        divisions=MappingProxyType(divisions),
        abbreviations=MappingProxyType(abbreviations),
        weekdays=MappingProxyType(weekdays),
        earlier=MappingProxyType(earlier),
        coming_numbers=MappingProxyType(coming_numbers),
        coming_units=MappingProxyType(coming_units),
        coming_needs_marker=bool(coming.get("between") or coming.get("trail")),
    )


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
    ends_with_year = any(
        match.group(g) is not None and match.end(g) == end
        for g in ("year", "month_year", "dmy_year", "mdy_year", "div_year", "abbr_year", "part_year",
                  "span_b", "dash_b", "qe_year", "qm_year", "part_month_year")
    )
    return bool(ends_with_year and grammar.not_a_year_after.match(text, end))


def _lacks_context(match: re.Match[str], text: str) -> bool:
    """A year or a month alone needs a preposition before it (a year may also stand in parentheses)."""
    if match.group("prep") is not None:
        return False
    start, end = match.span()
    if match.group("year") is not None:
        return not (start >= 1 and text[start - 1] == "(" and end < len(text) and text[end] == ")")
    return match.group("month") is not None and match.group("month_year") is None and match.group("qm") is None


# ---------------------------------------------------------------------------- reading a match


@attrs.frozen
class _Reading:
    """What an expression says before the publication date is known."""

    mode: str = "during"
    fixed: DateRange | None = None
    relative: tuple[str, int, tuple[int, int] | None] | None = None
    yearless: tuple[int, int, int] | None = None  # first month, last month, day (0: whole months)
    weekday: int | None = None  # 0 Monday .. 6 Sunday
    coming: tuple[str, int] | None = None  # unit, how many: "the next three years"
    back_years: int = 0  # "a year earlier" (-1): moves the period named before it, in find_periods


def _read(match: re.Match[str], grammar: _Grammar) -> _Reading | None:
    try:
        return _read_groups(match.groupdict(), grammar)
    except (ValueError, KeyError, DateError):
        return None  # 31 February and the like: not a period


@functools.lru_cache(maxsize=8192)
def _read_cached(items: tuple[tuple[str, str | None], ...], lang: str) -> _Reading | None:
    groups = dict(items)
    grammar = _grammar(lang)
    mode = grammar.modes[_key(groups["prep"])] if groups.get("prep") else "during"
    g = {k: v for k, v in groups.items() if v is not None}

    def months_of(first: int, last: int, year: str | None, rel: str | None) -> _Reading:
        if year is not None:
            return _Reading(mode, fixed=_months(int(year), first, last))
        if rel is not None:
            unit, offset, _ = grammar.relative.get(_key(rel), ("year", 0, None))
            if unit != "year":
                return _Reading(mode, relative=(unit, offset, None))
            return _Reading(mode, relative=("year", offset, (first, last)))
        return _Reading(mode, yearless=(first, last, 0))

    if "span_a" in g or "dash_a" in g:
        a, b = (int(g["span_a"]), int(g["span_b"])) if "span_a" in g else (int(g["dash_a"]), int(g["dash_b"]))
        if a > b:
            return None
        return _Reading(mode, fixed=DateRange(dt.date(a, 1, 1), dt.date(b, 12, 31)))
    if "iso" in g:
        digits = g["iso"]  # the key drops the dashes: YYYYMMDD
        return _Reading(mode, fixed=DateRange.day(dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))))
    if "coming" in g:
        if grammar.coming_needs_marker and "coming_between" not in g and "coming_trail" not in g:
            return None
        n = grammar.coming_numbers.get(g["coming_n"]) or int(g["coming_n"])
        return _Reading(mode, coming=(grammar.coming_units[g["coming_unit"]], n)) if n > 0 else None
    if "earlier" in g:
        back = grammar.earlier[_key(g["earlier"])]
        return _Reading(mode, relative=("year", back, None), back_years=back)
    if "qe" in g or "qm" in g:
        month = grammar.months[_key(g.get("qe_month") or g["month"])]
        return months_of((month - 3) % 12 + 1, month, g.get("qe_year") or g.get("qm_year") or g.get("qm_year0"), None)
    if "rel" in g:
        return _Reading(mode, relative=grammar.relative[_key(g["rel"])])
    if "part_month" in g:  # "fin décembre", "at the end of December": the month
        month = grammar.months[_key(g["part_month"])]
        return months_of(month, month, g.get("part_month_year"), None)
    if "part" in g:
        first, last = grammar.parts[_key(g["part"])]
        return months_of(first, last, g.get("part_year"), g.get("part_rel"))
    if "ord" in g:
        size = grammar.divisions[_key(g["div"])]
        n = grammar.ordinals[_key(g["ord"])]
        if n * size > 12:
            return None
        return months_of((n - 1) * size + 1, n * size, g.get("div_year"), g.get("div_rel"))
    if "abbr" in g:
        size = grammar.abbreviations[g["abbr"].lower()]
        n = int(g["abbr_n"])
        if n < 1 or n * size > 12:
            return None
        return months_of((n - 1) * size + 1, n * size, g.get("abbr_year"), None)
    for prefix in ("dmy", "mdy"):
        if f"{prefix}_month" in g:
            month = grammar.months[_key(g[f"{prefix}_month"])]
            day = int(g[f"{prefix}_day"])
            year = g.get(f"{prefix}_year")
            if not 1 <= day <= 31:
                return None
            if year is not None:
                return _Reading(mode, fixed=DateRange.day(dt.date(int(year), month, day)))
            dt.date(2000, month, day)  # a day some year has (29 February included), else ValueError
            return _Reading(mode, yearless=(month, month, day))
    if "month" in g:
        month = grammar.months[_key(g["month"])]
        return months_of(month, month, g.get("month_year"), None)
    if "weekday" in g:
        return _Reading(mode, weekday=grammar.weekdays[_key(g["weekday"])])
    if "year" in g:
        return _Reading(mode, fixed=DateRange.year(int(g["year"])))
    return None


def _read_groups(groups: dict[str, str | None], grammar: _Grammar) -> _Reading | None:
    items = tuple((k, _key(v)) for k, v in groups.items() if v is not None)
    return _read_cached(items, grammar.lang)


# ---------------------------------------------------------------------------- resolving


def _publication(published: Any) -> DateRange | None:
    if published is None:
        return None
    return DateRange.parse(published)


def _month_end(year: int, month: int) -> dt.date:
    return DateRange.month(year, month).end


def _months(year: int, first: int, last: int) -> DateRange:
    """Months ``first``..``last`` ending in ``year``; a first month after the last starts the year
    before (December-February)."""
    return DateRange(dt.date(year - (first > last), first, 1), _month_end(year, last))


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
    return DateRange.hull([_on_day(reading, first), _on_day(reading, last)])


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
    if reading.fixed is not None:
        return reading.fixed
    if reading.coming is not None:
        unit, n = reading.coming
        months = {"year": 12, "quarter": 3, "month": 1}[unit] * n
        return DateRange(day, _months_on(day, months) - dt.timedelta(days=1))
    if reading.weekday is not None:
        back = (day.weekday() - reading.weekday) % 7
        when = day + dt.timedelta(days=(7 - back) % 7) if reading.mode == "by" else day - dt.timedelta(days=back)
        return DateRange.day(when)
    if reading.relative is not None:
        unit, offset, months = reading.relative
        if unit == "year":
            year = day.year + offset
            first, last = months or (1, 12)
            return _months(year, first, last)
        if unit == "quarter":
            index = day.year * 4 + (day.month - 1) // 3 + offset
            year, quarter = divmod(index, 4)
            return DateRange(dt.date(year, quarter * 3 + 1, 1), _month_end(year, quarter * 3 + 3))
        index = day.year * 12 + day.month - 1 + offset
        year, month = divmod(index, 12)
        return DateRange.month(year, month + 1)
    assert reading.yearless is not None
    first, last, day_of_month = reading.yearless
    forward = reading.mode == "by"
    for step in range(10):  # 29 February recurs within 8 years
        # Backwards from next year: a quarter across the new year ("the January quarter",
        # November-January) that ends next year may have begun already.
        year = day.year + step if forward else day.year + 1 - step
        try:
            if day_of_month:
                candidate = DateRange.day(dt.date(year, first, day_of_month))
            else:
                candidate = _months(year, first, last)
        except ValueError:
            continue
        if (forward and candidate.end >= day) or (not forward and candidate.start <= day):
            return candidate
    raise DateError(f"no {first}/{day_of_month} near {day}")  # unreachable for real dates


# ---------------------------------------------------------------------------- dateparser fallback


@functools.lru_cache(maxsize=4096)
def _dateparser_read(text: str, lang: str, base: dt.date) -> DateRange | None:
    import dateparser.date

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
    except Exception:  # dateparser may fail in many ways on odd text: unreadable, not an error
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
