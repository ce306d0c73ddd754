"""Actors, products and actions with their aliases in each language, and finding them in text.

The words live in TOML files (``reconcile/data/lexicon/``: actors, products, actions; how each
language's aliases match in ``reconcile/languages/<lang>/lexicon.toml``); this module only knows how to
read and match them. Matching is case-, accent- and inflection-tolerant: text and aliases are
folded character by character (NFKD without combining marks, casefolded, typographic
apostrophes to ``'``), French and English aliases may start with any article of their language
and their words may take the language's inflection suffixes. Brand names missed by one or two
letters ("Byte Dance", "Huawe") are caught by a rapidfuzz fallback on capitalised words.

>>> lex = Lexicon.default()
>>> [(m.canonical, m.text) for m in lex.find_actors("La société mère de TikTok et Huawei", "fr")]
[('ByteDance', 'La société mère de TikTok'), ('Huawei', 'Huawei')]
>>> lex.product_ancestors("Ascend 910B")
('Ascend', 'Huawei AI chips')
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz, process

from reconcile import languages
from reconcile.errors import LexiconError
from reconcile.languages.schema import line_of

__all__ = ["FUZZY_CUTOFF", "KINDS", "LexMatch", "Lexicon", "fold"]

KINDS: tuple[str, ...] = ("actor", "product", "action")
FUZZY_CUTOFF = 90.0
"""Minimum rapidfuzz ``ratio`` (0-100) for a capitalised word to count as a near miss of a brand."""
FUZZY_MIN_LENGTH = 4
"""Shorter words are never matched fuzzily: "H20" and "H200" differ by one letter."""

_ENTRY_FIELDS = frozenset(
    {"id", "aliases", "group", "members", "parent", "owner", "stage", "unit", "exclude", "descriptions", "replace",
     "note"}
)
_LANGUAGE_FIELDS = frozenset({"articles", "suffixes"})
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")
_FIGURE_PLACEHOLDER = "{n}"
# A short run starting with a figure ("3 000 milliards de", "$3") inside an alias.
_FIGURE_PATTERN = r"[$€£¥]?\d(?:[\w\s.,'$€£¥%-]){0,40}?"
# Capitalised words (Latin scripts; CJK has no case) considered for the fuzzy fallback.
_CAPITALISED_RUN = re.compile(
    r"(?<!\w)[A-ZÀ-ÖØ-ÞĀ-ŽŒ][^\W_]*(?:[ -][A-ZÀ-ÖØ-ÞĀ-ŽŒ][^\W_]*){0,2}(?![\w])"
)
_WORD = re.compile(r"[^\W_]+")
# A product named inside an actor's name ("TikTok" in "la société mère de TikTok") is not reported.
_SHADOWED_BY = {"product": "actor"}


# ---------------------------------------------------------------------------------------------
# Folding that keeps offsets


def _fold_char(char: str) -> str:
    if char in "’‘ʼ`´′":
        return "'"
    if char in "‐‑‒–—":
        return "-"
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character (a memo of a pure function)."""

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()  # characters whose folding is not exactly one character

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(folded) != 1:
            self.uneven.add(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Fold ``text`` for matching: no accents, casefolded, one kind of apostrophe and dash.

    >>> fold("Huaweï’s Société")
    "huawei's societe"
    """
    return text.translate(_FOLD)


def _fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, when folding changed its length, the original index of each folded char."""
    folded = text.translate(_FOLD)
    if _FOLD.uneven.isdisjoint(text):
        return folded, None
    index: list[int] = []
    for i, char in enumerate(text):
        index.extend([i] * len(_FOLD[ord(char)]))
    index.append(len(text))
    return folded, index


# ---------------------------------------------------------------------------------------------
# Data


@attrs.frozen
class LexMatch:
    """An actor, product or action found in a text; ``start``/``end`` index the original text.

    ``score`` is 100 for an alias matched exactly (after folding), the rapidfuzz ratio for a
    near miss. ``lang`` is the language of the alias that matched, ``""`` for a brand name valid
    in every language.

    >>> LexMatch("ByteDance", "actor", 0, 9, "Bytedance").score
    100.0
    """

    canonical: str
    kind: str
    start: int
    end: int
    text: str
    score: float = 100.0
    lang: str = ""


@attrs.frozen
class _Entry:
    kind: str
    id: str
    source: str
    aliases: tuple[str, ...] = ()
    by_lang: tuple[tuple[str, tuple[str, ...]], ...] = ()
    excludes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # "" = every language
    descriptions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # per language; not aliases
    group: bool | None = None
    members: tuple[str, ...] | None = None
    parent: str | None = None
    owner: str | None = None
    stage: int | None = None
    unit: str | None = None
    replace: bool = False

    def lang_aliases(self) -> dict[str, tuple[str, ...]]:
        return dict(self.by_lang)


@attrs.frozen
class _LanguageRules:
    articles: tuple[str, ...] | None = None
    suffixes: tuple[str, ...] | None = None


def _union(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*first, *second]))


def _merge_lang_lists(
    first: tuple[tuple[str, tuple[str, ...]], ...], second: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    merged = dict(first)
    for lang, words in second:
        merged[lang] = _union(merged.get(lang, ()), words)
    return tuple(merged.items())


def _merge_entries(base: _Entry, extra: _Entry) -> _Entry:
    if extra.replace:
        return extra

    def pick(name: str) -> Any:
        value = getattr(extra, name)
        return value if value is not None else getattr(base, name)

    return _Entry(
        kind=base.kind,
        id=base.id,
        source=extra.source,
        aliases=_union(base.aliases, extra.aliases),
        by_lang=_merge_lang_lists(base.by_lang, extra.by_lang),
        excludes=_merge_lang_lists(base.excludes, extra.excludes),
        descriptions=_merge_lang_lists(base.descriptions, extra.descriptions),
        group=pick("group"),
        members=pick("members"),
        parent=pick("parent"),
        owner=pick("owner"),
        stage=pick("stage"),
        unit=pick("unit"),
    )


# ---------------------------------------------------------------------------------------------
# Reading TOML


def _string_list(value: Any, where: str, field: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: {field!r} must be a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


@attrs.frozen
class _Place:
    """Where an entry is written, for messages: the file, its text (for line numbers), the
    kind and the entry's number among the entries of its kind (1-based)."""

    source: str
    text: str
    kind: str
    number: int
    entry_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}: [[{self.kind}]] #{self.number}"
        return f"{where} ({self.entry_id!r})" if self.entry_id is not None else where

    def line(self, key: str) -> int:
        return line_of(self.text, (self.kind, self.number - 1, key))


def _parse_entry(kind: str, raw: Any, place: _Place) -> _Entry:
    if not isinstance(raw, dict):
        raise LexiconError(f"{place}: expected a table, got {type(raw).__name__}")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id.strip():
        raise LexiconError(f"{place}: missing or empty 'id'")
    place = attrs.evolve(place, entry_id=entry_id)
    by_lang = _language_aliases(raw, place)
    aliases = _string_list(raw.get("aliases", []), str(place), "aliases")
    for alias in (*aliases, *(a for words in by_lang.values() for a in words)):
        if not fold(alias).replace(_FIGURE_PLACEHOLDER, "").replace("*", "").strip():
            raise LexiconError(f"{place}: alias {alias!r} has nothing to match")
    return _Entry(
        kind=kind,
        id=entry_id.strip(),
        source=place.source,
        aliases=aliases,
        by_lang=tuple(by_lang.items()),
        excludes=_excludes(raw.get("exclude", {}), str(place)),
        descriptions=_descriptions(raw.get("descriptions", {}), str(place)),
        members=_string_list(raw["members"], str(place), "members") if "members" in raw else None,
        **_scalar_fields(raw, str(place)),
    )


def _language_aliases(raw: Mapping[str, Any], place: _Place) -> dict[str, tuple[str, ...]]:
    """The aliases under language codes (``fr = [...]``); any other unknown key is an error
    naming its line."""
    by_lang: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        if key in _ENTRY_FIELDS:
            continue
        if not _LANG_CODE.match(key):
            raise LexiconError(
                f"{place}: unknown field {key!r} at line {place.line(key)} "
                f"(fields: {sorted(_ENTRY_FIELDS)} or a language code)"
            )
        by_lang[key] = _string_list(value, str(place), key)
    return by_lang


def _excludes(raw_exclude: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if isinstance(raw_exclude, list):
        raw_exclude = {"": raw_exclude}
    if not isinstance(raw_exclude, dict):
        raise LexiconError(f"{where}: 'exclude' must be a list or a table of lists per language")
    return tuple((lang, _string_list(words, where, f"exclude.{lang}")) for lang, words in raw_exclude.items())


def _descriptions(raw: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict) or not all(_LANG_CODE.match(lang) for lang in raw):
        raise LexiconError(f"{where}: 'descriptions' must be a table of lists per language code")
    return tuple((lang, _string_list(words, where, f"descriptions.{lang}")) for lang, words in raw.items())


def _scalar_fields(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    """group, stage, parent, owner, unit and replace, each checked."""
    group = raw.get("group")
    if group is not None and not isinstance(group, bool):
        raise LexiconError(f"{where}: 'group' must be true or false, got {group!r}")
    stage = raw.get("stage")
    if stage is not None and (isinstance(stage, bool) or not isinstance(stage, int)):
        raise LexiconError(f"{where}: 'stage' must be an integer, got {stage!r}")
    for field in ("parent", "owner", "unit"):
        if field in raw and not (isinstance(raw[field], str) and raw[field].strip()):
            raise LexiconError(f"{where}: {field!r} must be a non-empty string, got {raw[field]!r}")
    replace = raw.get("replace", False)
    if not isinstance(replace, bool):
        raise LexiconError(f"{where}: 'replace' must be true or false")
    return {
        "group": group,
        "stage": stage,
        "parent": raw.get("parent"),
        "owner": raw.get("owner"),
        "unit": raw.get("unit"),
        "replace": replace,
    }


def _language_rules(rules: Mapping[str, Any], where: str, text: str, path: tuple[str, ...]) -> _LanguageRules:
    unknown = sorted(set(rules) - _LANGUAGE_FIELDS)
    if unknown:
        raise LexiconError(
            f"{where}: unknown field(s) {unknown} at line {line_of(text, (*path, unknown[0]))} "
            f"(fields: {sorted(_LANGUAGE_FIELDS)})"
        )
    return _LanguageRules(
        articles=_string_list(rules["articles"], where, "articles") if "articles" in rules else None,
        suffixes=_string_list(rules["suffixes"], where, "suffixes") if "suffixes" in rules else None,
    )


def _parse_document(data: Mapping[str, Any], source: str, text: str = "") -> Lexicon:
    entries: dict[tuple[str, str], _Entry] = {}
    languages: dict[str, _LanguageRules] = {}
    for key, value in data.items():
        if key in KINDS:
            if not isinstance(value, list):
                raise LexiconError(f"{source}: {key!r} must be an array of tables ([[{key}]])")
            for number, raw in enumerate(value, start=1):
                entry = _parse_entry(key, raw, _Place(source, text, key, number))
                if (key, entry.id) in entries:
                    raise LexiconError(f"{source}: [[{key}]] #{number}: duplicate id {entry.id!r}")
                entries[(key, entry.id)] = entry
        elif key == "language":
            if not isinstance(value, dict):
                raise LexiconError(f"{source}: 'language' must be a table of languages ([language.fr])")
            for lang, rules in value.items():
                where = f"{source}: [language.{lang}]"
                if not _LANG_CODE.match(lang) or not isinstance(rules, dict):
                    raise LexiconError(f"{where}: expected a language code and a table")
                languages[lang] = _language_rules(rules, where, text, ("language", lang))
        else:
            raise LexiconError(
                f"{source}: unknown table {key!r} at line {line_of(text, (key,))} "
                "(expected actor, product, action or language)"
            )
    return Lexicon(entries=entries, languages=languages)


def _loads(text: str, source: str) -> Lexicon:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: invalid TOML: {exc}") from exc
    return _parse_document(data, source, text)


def _read(path: Path) -> Lexicon:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror})") from exc
    return _loads(text, str(path))


_STORY_FILES: tuple[str, ...] = ("actions.toml", "actors.toml", "products.toml")
"""The entries of the shipped lexicon, in ``reconcile/data/lexicon/`` (merged in this order)."""


def _default_lexicon() -> Lexicon:
    """The shipped entries, merged with every supported language's ``lexicon.toml``; one
    object per state of the language search path (the same again once an addition is removed)."""
    return _default_on(languages.state())


@functools.lru_cache(maxsize=8)
def _default_on(state: tuple[tuple[Path, int], ...]) -> Lexicon:
    folder = resources.files("reconcile.data.lexicon")
    lexicon = Lexicon()
    for name in _STORY_FILES:
        lexicon = lexicon.merge(_loads(folder.joinpath(name).read_text(encoding="utf-8"), f"reconcile/data/lexicon/{name}"))
    for lang in languages.supported():
        found = languages.source(lang, "lexicon")
        if found is not None:
            lexicon = lexicon.merge(_language_file(lang, *found))
    return lexicon


def _language_file(lang: str, source: str, text: str) -> Lexicon:
    """A language's ``lexicon.toml``: its matching rules (``articles``, ``suffixes``) at the top,
    and entries (``[[action]]`` with ``id`` and ``<lang> = [...]``) that merge onto the shipped ones.

    >>> lex = _language_file("de", "de/lexicon.toml", 'articles = ["die"]\\n[[action]]\\nid = "order"\\nde = ["bestellt"]')
    >>> lex.lookup("bestellt"), lex.languages
    ('order', ('de',))
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: invalid TOML: {exc}") from exc
    rules = {key: data.pop(key) for key in sorted(_LANGUAGE_FIELDS) if key in data}
    if "language" in data:
        raise LexiconError(f"{source}: unknown table 'language' at line {line_of(text, ('language',))} "
                           f"(the rules of {lang} stand at the top of its own file)")
    lexicon = _parse_document(data, source, text)
    return lexicon.merge(Lexicon(languages={lang: _language_rules(rules, source, text, ())}))


# ---------------------------------------------------------------------------------------------
# Matching


@attrs.frozen
class _Target:
    canonical: str | None  # None: an exclusion, matched only to be dropped
    lang: str
    needs_capital: bool


def _article_pattern(articles: tuple[str, ...]) -> str:
    folded = sorted({fold(a) for a in articles}, key=len, reverse=True)
    elided = [re.escape(a) for a in folded if a.endswith("'")]
    spaced = [re.escape(a).replace(r"\ ", r"\s+") for a in folded if not a.endswith("'")]
    options = []
    if spaced:
        options.append(rf"(?:{'|'.join(spaced)})\s+")
    if elided:
        options.append(rf"(?:{'|'.join(elided)})\s*")
    return f"(?:{'|'.join(options)})?" if options else ""


def _strip_article(alias: str, articles: Iterable[str]) -> str:
    for article in sorted((fold(a) for a in articles), key=len, reverse=True):
        if article.endswith("'") and alias.startswith(article) and len(alias) > len(article):
            return alias[len(article):].lstrip()
        if alias.startswith(article + " "):
            return alias[len(article) + 1:].lstrip()
    return alias


def _alias_pattern(alias: str, rules: _LanguageRules | None) -> tuple[str, int]:
    """A regex for one folded alias and a length used to try longer aliases first."""
    folded = " ".join(fold(alias).split())
    article = ""
    if rules and rules.articles:
        stripped = _strip_article(folded, rules.articles)
        if stripped != folded:
            folded, article = stripped, _article_pattern(rules.articles)
    suffix = ""
    if rules and rules.suffixes:
        endings = sorted({fold(s) for s in rules.suffixes}, key=len, reverse=True)
        suffix = f"(?:{'|'.join(re.escape(e) for e in endings)})?"
    parts = []
    for word in folded.split(" "):
        if word == _FIGURE_PLACEHOLDER:
            parts.append(_FIGURE_PATTERN)
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        elif suffix and len(word) >= 3 and word[-1].isalpha():
            parts.append(re.escape(word) + suffix)
        else:
            parts.append(re.escape(word))
    return article + r"[\s-]+".join(parts), len(folded)


class _Matcher:
    """One compiled regex over the folded aliases of one kind in one language, plus fuzzy fallback."""

    def __init__(self, kind: str, targets: list[tuple[str, _Target, _LanguageRules | None]], fuzzy: bool) -> None:
        self.kind = kind
        compiled = []
        for alias, target, rules in targets:
            pattern, length = _alias_pattern(alias, rules)
            compiled.append((length, target.canonical is None, pattern, target))
        # Longest alias first (exclusions before aliases of the same length) so the regex
        # prefers "la société mère de TikTok" over "TikTok".
        compiled.sort(key=lambda item: (-item[0], not item[1]))
        self.targets = [item[3] for item in compiled]
        branches = "|".join(f"{item[2]}(?P<m{i}>)" for i, item in enumerate(compiled))
        self.regex = re.compile(rf"(?<!\w)(?:{branches})(?![\w])") if compiled else None
        choices: dict[str, str] = {}
        if fuzzy:
            for alias, target, _ in targets:
                if target.canonical is not None and target.lang == "":
                    choices.setdefault(fold(alias), target.canonical)
        self.fuzzy_choices = list(choices)
        self.fuzzy_canonicals = list(choices.values())
        self.near_miss = functools.lru_cache(maxsize=65536)(self._near_miss)

    def _near_miss(self, folded: str) -> tuple[str, float] | None:
        if len(folded.replace(" ", "")) < FUZZY_MIN_LENGTH or not self.fuzzy_choices:
            return None
        best = process.extractOne(folded, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return None
        return self.fuzzy_canonicals[best[2]], float(best[1])

    def find(self, text: str) -> list[LexMatch]:
        if self.regex is None:
            return []
        folded, index = _fold_with_offsets(text)
        found: list[LexMatch] = []
        taken: list[tuple[int, int]] = []
        for match in self.regex.finditer(folded):
            target = self.targets[int(match.lastgroup[1:])]  # type: ignore[index]
            start, end = match.span()
            if index is not None:
                start, end = index[start], index[end - 1] + 1
            taken.append((start, end))
            if target.canonical is None:
                continue
            if target.needs_capital and text[start].islower():
                continue
            found.append(LexMatch(target.canonical, self.kind, start, end, text[start:end], 100.0, target.lang))
        if self.fuzzy_choices:
            found.extend(self._fuzzy(text, taken))
            found.sort(key=lambda m: m.start)
        return found

    def _fuzzy(self, text: str, taken: list[tuple[int, int]]) -> list[LexMatch]:
        # ``taken`` is sorted and non-overlapping (finditer order), so one bisection finds the
        # only exact match that can overlap a span.
        starts = [s for s, _ in taken]
        ends = [e for _, e in taken]
        found = []
        for run in _CAPITALISED_RUN.finditer(text):
            words = [(w.start() + run.start(), w.end() + run.start()) for w in _WORD.finditer(run.group())]
            used: list[tuple[int, int]] = []
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    start, end = words[i][0], words[i + size - 1][1]
                    before = bisect.bisect_left(starts, end) - 1
                    if before >= 0 and ends[before] > start:
                        continue
                    if any(s < end and start < e for s, e in used):
                        continue
                    hit = self.near_miss(fold(text[start:end]))
                    if hit is not None:
                        used.append((start, end))
                        found.append(LexMatch(hit[0], self.kind, start, end, text[start:end], hit[1], ""))
        return found


# ---------------------------------------------------------------------------------------------
# The lexicon


@attrs.frozen(eq=False, repr=False)
class Lexicon:
    """Actors, products and actions with their aliases; load with :meth:`default` or :meth:`load`.

    Two lexicons merge with :meth:`merge` or ``|``: the second one's entries extend the first's
    aliases and override its scalar fields (parent, owner, stage, group); an entry with
    ``replace = true`` replaces the first's entry of the same id entirely.

    >>> lex = Lexicon.default()
    >>> lex.product_owner("H20"), lex.product_owner("TikTok"), lex.is_group("Chinese companies")
    ('Nvidia', 'ByteDance', True)
    >>> lex.action_stage("order"), lex.action_stage("spend")
    (2, None)
    """

    _entries: Mapping[tuple[str, str], _Entry] = attrs.field(factory=dict, alias="entries")
    _languages: Mapping[str, _LanguageRules] = attrs.field(factory=dict, alias="languages")
    _cache: dict = attrs.field(factory=dict, init=False)

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped in ``reconcile/data/lexicon/`` with the matching rules of each
        language's ``lexicon.toml`` (``reconcile/languages/<lang>/``), loaded once."""
        return _default_lexicon()

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Read one TOML file, or every ``*.toml`` of a folder (merged in name order).

        Raises :class:`~reconcile.errors.LexiconError` naming the file and entry at fault.

        >>> Lexicon.load("/no/such/lexicon.toml")
        Traceback (most recent call last):
        ...
        reconcile.errors.LexiconError: /no/such/lexicon.toml: no such file or folder
        """
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix == ".toml" and p.is_file())
            if not files:
                raise LexiconError(f"{path}: no .toml files in this folder")
        elif path.is_file():
            files = [path]
        else:
            raise LexiconError(f"{path}: no such file or folder")
        lexicon = cls()
        for file in files:
            lexicon = lexicon.merge(_read(file))
        return lexicon

    @classmethod
    def loads(cls, text: str, source: str = "<string>") -> Lexicon:
        """Read a lexicon from TOML text.

        >>> lex = Lexicon.loads('[[actor]]\\nid = "Xiaomi"\\naliases = ["Xiaomi"]')
        >>> lex.actors
        ('Xiaomi',)
        """
        return _loads(text, source)

    def merge(self, other: Lexicon) -> Lexicon:
        """This lexicon extended and overridden by ``other`` (also ``self | other``).

        >>> extra = Lexicon.loads('[[actor]]\\nid = "ByteDance"\\nen = ["the Beijing-based company"]')
        >>> merged = Lexicon.default() | extra
        >>> merged.lookup("the Beijing-based company"), Lexicon.default().lookup("the Beijing-based company")
        ('ByteDance', None)
        """
        if not isinstance(other, Lexicon):
            raise TypeError(f"can only merge a Lexicon, got {type(other).__name__}")
        entries = dict(self._entries)
        for key, entry in other._entries.items():
            entries[key] = _merge_entries(entries[key], entry) if key in entries else attrs.evolve(entry, replace=False)
        languages = dict(self._languages)
        for lang, rules in other._languages.items():
            old = languages.get(lang, _LanguageRules())
            languages[lang] = _LanguageRules(
                articles=rules.articles if rules.articles is not None else old.articles,
                suffixes=rules.suffixes if rules.suffixes is not None else old.suffixes,
            )
        return Lexicon(entries=entries, languages=languages)

    def __or__(self, other: Lexicon) -> Lexicon:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self.merge(other)

    def __repr__(self) -> str:
        return (
            f"Lexicon(actors={len(self.actors)}, products={len(self.products)}, "
            f"actions={len(self.actions)}, languages={self.languages})"
        )

    def check(self) -> None:
        """Raise :class:`LexiconError` if a parent, owner or member names no entry, or parents loop.

        >>> Lexicon.default().check()
        """
        for (kind, entry_id), entry in self._entries.items():
            where = f"{entry.source}: [[{kind}]] {entry_id!r}"
            if entry.parent is not None and ("product", entry.parent) not in self._entries:
                raise LexiconError(f"{where}: parent {entry.parent!r} is not a product")
            if entry.owner is not None and ("actor", entry.owner) not in self._entries:
                raise LexiconError(f"{where}: owner {entry.owner!r} is not an actor")
            for member in entry.members or ():
                if ("actor", member) not in self._entries:
                    raise LexiconError(f"{where}: member {member!r} is not an actor")
            if kind == "product":
                self.product_ancestors(entry_id)

    # -- what it holds ----------------------------------------------------------------------

    def _ids(self, kind: str) -> tuple[str, ...]:
        return tuple(entry_id for k, entry_id in self._entries if k == kind)

    @property
    def actors(self) -> tuple[str, ...]:
        """Canonical actor ids, in the order of the files."""
        return self._ids("actor")

    @property
    def products(self) -> tuple[str, ...]:
        """Canonical product ids."""
        return self._ids("product")

    @property
    def actions(self) -> tuple[str, ...]:
        """Canonical action ids (``plan``, ``order``, ... ``other``)."""
        return self._ids("action")

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages with aliases or matching rules.

        >>> Lexicon.default().languages
        ('en', 'fr')
        """
        langs = set(self._languages)
        for entry in self._entries.values():
            langs.update(lang for lang, _ in entry.by_lang)
        return tuple(sorted(langs))

    def aliases(self, canonical: str, kind: str, lang: str | None = None) -> tuple[str, ...]:
        """The aliases of one entry: brand names, then those of ``lang`` (all languages if None).

        >>> Lexicon.default().aliases("Nvidia", "actor")
        ('Nvidia', 'NVIDIA', 'Nvidia Corp', 'Nvidia Corporation')
        """
        entry = self._entries.get((_check_kind(kind), canonical))
        if entry is None:
            return ()
        by_lang = entry.lang_aliases()
        langs = sorted(by_lang) if lang is None else [lang]
        return _union(entry.aliases, (a for code in langs for a in by_lang.get(code, ())))

    def kind_of(self, canonical: str) -> str | None:
        """``actor``, ``product`` or ``action`` for a canonical id, else None.

        >>> Lexicon.default().kind_of("H20")
        'product'
        """
        return next((kind for kind in KINDS if (kind, canonical) in self._entries), None)

    def product_parent(self, product: str) -> str | None:
        """The broader product, or None.

        >>> Lexicon.default().product_parent("H20")
        'Nvidia AI chips'
        """
        entry = self._entries.get(("product", product))
        return entry.parent if entry else None

    def product_ancestors(self, product: str) -> tuple[str, ...]:
        """Broader products, nearest first (the product itself excluded).

        >>> Lexicon.default().product_ancestors("H200")
        ('Nvidia AI chips',)
        """
        chain: list[str] = []
        current = self.product_parent(product)
        while current is not None:
            if current in chain or current == product:
                raise LexiconError(f"product parents loop: {' -> '.join([product, *chain, current])}")
            chain.append(current)
            current = self.product_parent(current)
        return tuple(chain)

    def product_owner(self, product: str) -> str | None:
        """The actor that makes a product, inherited from its ancestors.

        >>> Lexicon.default().product_owner("Ascend 910B")
        'Huawei'
        """
        for name in (product, *self.product_ancestors(product)):
            entry = self._entries.get(("product", name))
            if entry is not None and entry.owner is not None:
                return entry.owner
        return None

    def count_unit(self, product: str, inherited: bool = True) -> str | None:
        """The count unit of a product's figures (``chip``, ``user``), from the product or,
        if ``inherited``, its nearest ancestor that gives one.

        >>> lex = Lexicon.default()
        >>> lex.count_unit("Ascend 910B"), lex.count_unit("Ascend 910B", inherited=False), lex.count_unit("TikTok")
        ('chip', None, 'user')
        """
        names = (product, *self.product_ancestors(product)) if inherited else (product,)
        for name in names:
            entry = self._entries.get(("product", name))
            if entry is not None and entry.unit is not None:
                return entry.unit
        return None

    def descriptions(self, lang: str) -> dict[str, tuple[str, ...]]:
        """Descriptions in ``lang`` that stand for an actor named before ("the Hangzhou-based
        firm"), each with the actors it may describe, in the order of the entries.

        >>> Lexicon.default().descriptions("en")["the Shenzhen-based firm"]
        ('Huawei', 'Tencent')
        """
        out: dict[str, tuple[str, ...]] = {}
        for (_, entry_id), entry in self._entries.items():
            for phrase in dict(entry.descriptions).get(lang, ()):
                out[phrase] = (*out.get(phrase, ()), entry_id)
        return out

    def is_group(self, actor: str) -> bool:
        """Whether an actor stands for several companies ("Chinese companies").

        >>> Lexicon.default().is_group("ByteDance")
        False
        """
        entry = self._entries.get(("actor", actor))
        return bool(entry and entry.group)

    def group_members(self, actor: str) -> tuple[str, ...]:
        """The known members of a group actor (may be empty: the group is open)."""
        entry = self._entries.get(("actor", actor))
        return tuple(entry.members or ()) if entry else ()

    def action_stage(self, action: str) -> int | None:
        """The step of a purchase an action stands for (plan 0 ... receive 4), None for the rest.

        >>> Lexicon.default().action_stage("receive")
        4
        """
        entry = self._entries.get(("action", action))
        return entry.stage if entry else None

    # -- finding ----------------------------------------------------------------------------

    def find_actors(self, text: str, lang: str | None = None) -> list[LexMatch]:
        """Actors named in ``text``, sorted by offset; ``lang`` None uses every language's aliases.

        >>> [(m.canonical, m.start, m.end) for m in Lexicon.default().find_actors("Hier, Byte Dance et NVIDIA.", "fr")]
        [('ByteDance', 6, 16), ('Nvidia', 20, 26)]
        """
        return self._find("actor", text, lang)

    def find_products(self, text: str, lang: str | None = None) -> list[LexMatch]:
        """Products named in ``text``; a generic phrase ("puces Nvidia") maps to its product family.

        A product inside an actor's name ("la société mère de TikTok") is not reported.

        >>> [m.canonical for m in Lexicon.default().find_products("des puces Nvidia H20 et des puces Ascend", "fr")]
        ['Nvidia AI chips', 'H20', 'Ascend']
        """
        return self._find("product", text, lang)

    def find_actions(self, text: str, lang: str | None = None) -> list[LexMatch]:
        """Actions and metrics named in ``text`` (``canonical`` is the action id).

        >>> [m.canonical for m in Lexicon.default().find_actions("Elle aurait commandé 100 000 puces, reçu 30 000.", "fr")]
        ['order', 'receive']
        """
        return self._find("action", text, lang)

    def find_all(self, text: str, lang: str | None = None) -> list[LexMatch]:
        """Actors, products and actions together; where two overlap, the longer is kept.

        >>> [m.canonical for m in Lexicon.default().find_all("la société mère de TikTok", "fr")]
        ['ByteDance']
        """
        candidates = [*self.find_actors(text, lang), *self.find_products(text, lang), *self.find_actions(text, lang)]
        candidates.sort(key=lambda m: (-(m.end - m.start), -m.score, m.start))
        kept: list[LexMatch] = []
        for match in candidates:
            if all(match.end <= k.start or k.end <= match.start for k in kept):
                kept.append(match)
        return sorted(kept, key=lambda m: m.start)

    def lookup(self, name: str, kind: str | None = None) -> str | None:
        """The canonical id for one name (any language), else None.

        >>> lex = Lexicon.default()
        >>> lex.lookup("le propriétaire de TikTok"), lex.lookup("Bytedance", "actor"), lex.lookup("commandées")
        ('ByteDance', 'ByteDance', 'order')
        >>> lex.lookup("Huaweii"), lex.lookup("nothing")
        ('Huawei', None)
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, got {type(name).__name__}")
        kinds = KINDS if kind is None else (_check_kind(kind),)
        stripped = name.strip()
        if not stripped:
            return None
        folded = fold(stripped)
        return self._lookup_id(folded, kinds) or self._lookup_alias(stripped, kinds) or self._lookup_fuzzy(folded, kinds)

    def _lookup_id(self, folded: str, kinds: tuple[str, ...]) -> str | None:
        """A canonical id written as it is (after folding)."""
        for k in kinds:
            for entry_kind, entry_id in self._entries:
                if entry_kind == k and fold(entry_id) == folded:
                    return entry_id
        return None

    def _lookup_alias(self, name: str, kinds: tuple[str, ...]) -> str | None:
        """An alias of any language matching the whole name exactly."""
        for k in kinds:
            for match in self._find(k, name, None):
                if match.start == 0 and match.end == len(name) and match.score == 100.0:
                    return match.canonical
        return None

    def _lookup_fuzzy(self, folded: str, kinds: tuple[str, ...]) -> str | None:
        """The id of the closest id or alias, over :data:`FUZZY_CUTOFF`, any kind."""
        if len(folded) < FUZZY_MIN_LENGTH:
            return None
        best: tuple[float, str] | None = None
        for k in kinds:
            choices = self._lookup_choices(k)
            if not choices:
                continue
            hit = process.extractOne(folded, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None and (best is None or hit[1] > best[0]):
                best = (hit[1], choices[hit[0]])
        return best[1] if best else None

    def _lookup_choices(self, kind: str) -> dict[str, str]:
        """Folded ids and aliases of one kind -> canonical id (built once)."""
        choices: dict[str, str] | None = self._cache.get(("lookup", kind))
        if choices is None:
            choices = {}
            for entry_kind, entry_id in self._entries:
                if entry_kind == kind:
                    for alias in (entry_id, *self.aliases(entry_id, kind)):
                        choices.setdefault(fold(alias), entry_id)
            self._cache[("lookup", kind)] = choices
        return choices

    def _find(self, kind: str, text: str, lang: str | None) -> list[LexMatch]:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        return self._matcher(kind, lang.lower() if lang else None).find(text)

    def _matcher(self, kind: str, lang: str | None) -> _Matcher:
        key = (kind, lang)
        matcher = self._cache.get(key)
        if matcher is None:
            matcher = self._cache[key] = self._build_matcher(kind, lang)
        return matcher

    def _build_matcher(self, kind: str, lang: str | None) -> _Matcher:
        targets: list[tuple[str, _Target, _LanguageRules | None]] = []
        for (entry_kind, entry_id), entry in self._entries.items():
            if entry_kind != kind:
                continue
            for alias in entry.aliases:
                capital = alias[:1].isupper()
                targets.append((alias, _Target(entry_id, "", capital), None))
            for code, aliases in entry.by_lang:
                if lang is None or code == lang:
                    rules = self._languages.get(code)
                    targets.extend((a, _Target(entry_id, code, False), rules) for a in aliases)
            for code, aliases in entry.excludes:
                if code == "" or lang is None or code == lang:
                    rules = self._languages.get(code) if code else None
                    targets.extend((a, _Target(None, code, False), rules) for a in aliases)
        targets.extend(self._shadowing_names(kind, lang, [alias for alias, _, _ in targets]))
        return _Matcher(kind, targets, fuzzy=kind != "action")

    def _shadowing_names(
        self, kind: str, lang: str | None, aliases: list[str]
    ) -> list[tuple[str, _Target, _LanguageRules | None]]:
        """Names of another kind that contain one of ``aliases``, matched only to be dropped.

        "la société mère de TikTok" names ByteDance: the TikTok in it is no product mention.
        """
        shadowing = _SHADOWED_BY.get(kind)
        if not shadowing or not aliases:
            return []
        inner = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(a)) for a in aliases) + r")(?!\w)")
        found: list[tuple[str, _Target, _LanguageRules | None]] = []
        for (entry_kind, _), entry in self._entries.items():
            if entry_kind != shadowing:
                continue
            for code, names in (("", entry.aliases), *entry.by_lang):
                if code and lang is not None and code != lang:
                    continue
                rules = self._languages.get(code) if code else None
                found.extend((n, _Target(None, code, False), rules) for n in names if inner.search(fold(n)))
        return found


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise LexiconError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind
