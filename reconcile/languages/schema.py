"""The schema of each kind of language data file: which tables and keys it may hold.

A schema is a mapping from a key to what its value is: a :class:`Value` (:data:`WORDS` a list of
strings, :data:`TEXT`, :data:`NUMBER`, :data:`FLAG`, or any :data:`VALUE` that is no table), a
nested schema (a table with these keys only), or :class:`Words` (a table whose keys are words of
the language, each mapped to a value or, with ``entry``, to a table of those keys).
:func:`check` rejects a value of the wrong kind (``modal = "soll"`` for ``["soll"]``: a string
would be read letter by letter) and any other key with a :class:`~reconcile.errors.LanguageDataError` naming
the file, the line and the key: a typo never silently does nothing. TOML parsers give no line
numbers, so :func:`line_of` finds the key in the text. The lexicon checks its own entries with
the same :func:`line_of`.

>>> text = '[digits]\\ndecimal = ","\\ndecimals = "."\\n'
>>> check({"digits": {"decimal": ",", "decimals": "."}}, NUMBERS, "de/numbers.toml", text)
Traceback (most recent call last):
...
reconcile.errors.LanguageDataError: de/numbers.toml, line 3: 'digits.decimals': unknown key (known: decimal, group, scale_capitals_glued)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import attrs

from reconcile.errors import LanguageDataError

__all__ = [
    "CUES", "DETECTION", "FLAG", "LEXICON", "NUMBER", "NUMBERS", "PERIODS", "SHARED", "TEXT", "VALUE", "WORDS",
    "Value", "Words", "check", "line_of",
]

@attrs.frozen
class Value:
    """A key holding a value, not a table: ``kind`` names what it must be and ``accepts``
    checks it."""

    kind: str
    accepts: Callable[[object], bool] = attrs.field(eq=False, repr=False)


WORDS = Value("a list of strings", lambda v: isinstance(v, list) and all(isinstance(w, str) for w in v))
TEXT = Value("a string", lambda v: isinstance(v, str))
NUMBER = Value("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
FLAG = Value("true or false", lambda v: isinstance(v, bool))
VALUE = Value("a value, not a table", lambda v: not isinstance(v, Mapping))
_KINDS = {"words": WORDS, "text": TEXT, "number": NUMBER, "flag": FLAG, "value": VALUE}


@attrs.frozen
class Words:
    """A table keyed by words of the language (any key); ``entry`` gives the keys of each value
    when the values are tables themselves (``"this year" = { unit = "year", offset = 0 }``)."""

    entry: Mapping[str, object] | None = None


Schema = Mapping[str, object]


def _fields(names: str, **tables: object) -> dict[str, object]:
    """A table with these value keys and these nested tables. Keys are space-separated, each
    ``name`` (a list of strings) or ``name:kind`` (``text``, ``number``, ``flag``, ``value``)."""
    fields: dict[str, object] = {}
    for name in names.split():
        key, _, kind = name.partition(":")
        fields[key] = _KINDS[kind or "words"]
    return {**fields, **tables}


NUMBERS: Schema = {
    "digits": _fields("decimal:text group:text scale_capitals_glued:flag"),
    "words": Words(),
    "number_words": _fields(
        "additive_tens:value joiners articles article_only article_after_scale_from:number standalone_scales "
        "hundred_multiplier_max:number"
    ),
    "scales": Words(),
    "scale_abbreviations": Words(),
    "scale_capitals": Words(),
    "scale_glued": Words(),
    "qualifiers": Words(),
    "qualifiers_linked": Words(),
    "qualifier_links": _fields("words"),
    "qualifiers_after": Words(),
    "range_joiners": Words(),
    "percent": _fields("prepositions words"),
    "currencies": Words(),
    "currency_prefixes": _fields("words"),
    "currency_context": Words(),
    "cldr": _fields("head_last:flag bare_names_excluded"),
    "noun_phrase": _fields(
        "prepositions modifiers_after modifiers_before brand_modifiers:text gap_breakers gap_plural_endings "
        "gap_singular_endings"
    ),
    "nouns": Words(),
    "counted": _fields("singular_endings not_counted modifiers_first:flag modifiers_before references item_binders", endings=Words(), irregular=Words(),
                       durations=Words()),
    "counted_nouns": Words(),
    "dates": _fields("year_prepositions time_words"),
    "fractions": _fields(
        "plural_suffix:text plural_required:flag singular_fractions plural_only over part_of part_of_anywhere decimal_words "
        "decimals_joined scale_links negative_words",
        ordinals=Words(),
    ),
}
"""``<lang>/numbers.toml``: number words, scales, qualifiers, currency words, counted nouns."""

PERIODS: Schema = {
    "months": Words(),
    "month_abbreviations": Words(),
    "figures": _fields("undotted_months"),
    "days": _fields("suffixes"),
    "relative": Words(entry=_fields("unit:text offset:number months:value")),
    "weekdays": Words(),
    "earlier": Words(),
    "quarter_ending": _fields("after_month before_month after_rank"),
    "coming": _fields("lead between trail", units=Words(), numbers=Words()),
    "current_year": _fields("words"),
    "prepositions": _fields("during since by after"),
    "articles": _fields("words"),
    "glue": _fields("words"),
    "year_parts": Words(),
    "ordinals": Words(),
    "divisions": Words(),
    "division_abbreviations": Words(),
    "spans": _fields("open close"),
    "years": _fields("not_before"),
    "future": _fields("words"),
}
"""``<lang>/periods.toml``: months, relative phrases, prepositions of periods."""

CUES: Schema = {
    "sentences": _fields("abbreviations"),
    "hedge": _fields("modal estimates prospective conditional:text not_conditional reported speech_endings"),
    "attribution": _fields(
        "cues follows back_references executives executive_speech introducers not_sources source_references"
    ),
    "equivalence": _fields("between"),
    "subject": _fields(
        "anaphors joiners relative_openers fronted_complements maker_nouns_after maker_nouns_before"
    ),
    "figures": _fields(
        "source_nouns not_figures not_after comparisons unit_price elliptic_followers order_amounts budget_shares "
        "thresholds takings"
    ),
    "objects": _fields("company_level compared_with destinations generic_nouns"),
    "organisations": _fields("not_names legal_suffixes after person_before place_before"),
    "periods": _fields(
        "so_far statement_verbs statement_glue market_words market_measures guidance_words whole_year "
        "future_words quarter_words"
    ),
    "measures": _fields("not_governing"),
    "stage": _fields("estimate forecast plan target"),
    "furniture": _fields("links teasers captions bylines menus"),
}
"""``<lang>/cues.toml``: what the extract stage reads around a figure (hedges, sources, anaphors)."""

DETECTION: Schema = _fields("function_words")
"""``<lang>/detection.toml``: function words for detecting a document's language."""

LEXICON: Schema = _fields("articles suffixes actor:value product:value action:value")
"""``<lang>/lexicon.toml``: how aliases of the language are matched, and entries in the lexicon's
format (``[[action]]`` with ``id`` and ``<lang> = [...]``) that the lexicon checks itself."""

SHARED: Mapping[str, Schema] = {
    "currencies": {"currencies": Words(), "codes": _fields("words"), "cased": Words(), "ambiguous": Words(), "context": _fields("symbols")},
    "cues": {"outlets": Words(), "governing": Words()},
    "lexicon/models": {
        "products": Words(),
        "models": _fields("product_prefixes brands model_pattern:text"),
        "noun_phrase": _fields("brand_modifiers"),
    },
}
"""Language-independent files of ``reconcile/data/``, by name."""


def check(data: Mapping[str, object], schema: Schema, source: str, text: str) -> None:
    """Raise :class:`~reconcile.errors.LanguageDataError` at the first key ``schema`` does not
    know, or a table where a value is expected (and the reverse)."""
    _check(data, schema, source, text, ())


def _check(data: Mapping[str, object], schema: Schema, source: str, text: str, path: tuple[str, ...]) -> None:
    for key, value in data.items():
        where = (*path, key)
        if key not in schema:
            known = ", ".join(sorted(schema)) or "none"
            raise LanguageDataError(source, f"unknown key (known: {known})", line_of(text, where), ".".join(where))
        _check_value(value, schema[key], source, text, where)


def _check_value(value: object, expected: object, source: str, text: str, where: tuple[str, ...]) -> None:
    if isinstance(expected, Value):
        if not expected.accepts(value):
            shown = "a table" if isinstance(value, Mapping) else repr(value)
            message = f"expected {expected.kind}, got {shown}"
            raise LanguageDataError(source, message, line_of(text, where), ".".join(where))
        return
    if not isinstance(value, Mapping):
        raise LanguageDataError(source, "expected a table", line_of(text, where), ".".join(where))
    if isinstance(expected, Words):
        if expected.entry is not None:
            for word, entry in value.items():
                _check_value(entry, expected.entry, source, text, (*where, word))
        return
    assert isinstance(expected, Mapping)
    _check(value, expected, source, text, where)


# ------------------------------------------------------------------------------ finding a line

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"""^\s*(?P<key>(?:"[^"]*"|'[^']*'|[\w\-.\s])+?)\s*=""")


def _split_key(dotted: str) -> tuple[str, ...]:
    """``a."b.c".d`` -> ``("a", "b.c", "d")``."""
    parts = re.findall(r"""\s*("[^"]*"|'[^']*'|[^.]+)\s*(?:\.|$)""", dotted)
    return tuple(p.strip().strip("\"'") for p in parts)


def line_of(text: str, path: Iterable[str | int]) -> int:
    """The 1-based line where the key at ``path`` is written (a table header for a table), 0 if
    not found. An ``int`` in ``path`` is the index of an array-of-tables entry (``[[actor]]``).

    >>> line_of('[a]\\nx = 1\\n[b]\\n"x y" = 2\\n', ["b", "x y"])
    4
    >>> line_of('[[actor]]\\nid = "A"\\n[[actor]]\\nid = "B"\\nnte = 1\\n', ["actor", 1, "nte"])
    5
    """
    wanted = tuple(path)
    words = tuple(p for p in wanted if isinstance(p, str))
    seen: dict[tuple[str, ...], int] = {}
    table: tuple[str | int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = _split_key(header.group("name"))
            if line.lstrip().startswith("[["):
                index = seen.get(name, -1) + 1
                seen[name] = index
                table = (*name, index)
            else:
                table = _under_entry(name, seen)
            if table == wanted:
                return number
            continue
        key = _KEY_LINE.match(line)
        if key and (*table, *_split_key(key.group("key"))) == wanted:
            return number
    return _first_mention(text, words[-1]) if words else 0


def _under_entry(name: tuple[str, ...], seen: dict[tuple[str, ...], int]) -> tuple[str | int, ...]:
    """A table header's path, with the index of the array-of-tables entry it belongs to
    (``[actor.descriptions]`` after the second ``[[actor]]`` is ``("actor", 1, "descriptions")``)."""
    for size in range(len(name) - 1, 0, -1):
        if name[:size] in seen:
            return (*name[:size], seen[name[:size]], *name[size:])
    return name


def _first_mention(text: str, key: str) -> int:
    """The first line naming ``key`` as a key (an inline table: ``{ unit = "year", offzet = 1 }``)."""
    pattern = re.compile(rf"""(?:^|[\s{{,"'])["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 0
