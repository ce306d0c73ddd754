"""Every word of a language in one folder, read by one loader.

A language is a folder named by its code (``en``, ``fr``, ``de``) holding up to five files, each
checked against its schema (:mod:`reconcile.languages.schema`) when read:

==================  =================================================================
``numbers.toml``    number words, scales, qualifiers, currency words, counted nouns
``periods.toml``    months, weekdays, relative phrases, prepositions of periods
``cues.toml``       sentence abbreviations, hedges, attribution, anaphors, figure cues
``lexicon.toml``    how aliases of the language match (articles, inflection suffixes),
                    and entries giving the language's aliases (``[[action]]``, ``de = [...]``)
``detection.toml``  function words for detecting the language of a document
==================  =================================================================

A missing file reads as empty: the stage finds less, it does not fail. What belongs to no
language lives in ``reconcile/data/``: currency symbols (``currencies.toml``), outlets and the
actions a permission governs (``cues.toml``), pint's units (``units.txt``) and the story lexicon
(``lexicon/``: actors, products with their count units, actions, and ``models.toml``, the product
and brand names the figure reader needs); :func:`shared` reads the ``.toml`` ones.

The folders shipped are ``reconcile/languages/<lang>/``; :func:`add_path` adds a folder of
language folders, searched first, so a language can be added from data files alone (a shipped
one can be replaced too, before its first use: :mod:`reconcile.quantities` keeps the patterns it
compiled by language code) (the command line reads the folders of the environment variable
``RECONCILE_LANGUAGES``). Every stage asks :func:`code` for the language of a text, so an unknown
language raises :class:`~reconcile.errors.UnsupportedLanguage` (listing those supported)
everywhere, never a silent fallback.

>>> supported()
('en', 'fr')
>>> code("fr-CA"), load("fr", "numbers")["digits"]["decimal"]
('fr', ',')
>>> load("de", "numbers")
Traceback (most recent call last):
...
reconcile.errors.UnsupportedLanguage: unsupported language 'de': supported are en, fr (add one with reconcile.languages.add_path)

Adding German from files (the folder holds ``de/numbers.toml``, ``de/periods.toml``, ...):

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "de").mkdir()
>>> _ = (folder / "de" / "numbers.toml").write_text('[scales]\\n"millionen" = 1e6\\n', encoding="utf-8")
>>> add_path(folder)
>>> supported(), dict(load("de", "numbers")["scales"])
(('de', 'en', 'fr'), {'millionen': 1000000.0})
>>> remove_path(folder)
>>> supported()
('en', 'fr')
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from reconcile.errors import LanguageDataError, UnsupportedLanguage
from reconcile.languages import schema

__all__ = [
    "PARTS",
    "PATH_VARIABLE",
    "add_path",
    "code",
    "load",
    "on_change",
    "remove_path",
    "search_path",
    "shared",
    "source",
    "state",
    "supported",
]

PARTS: Mapping[str, schema.Schema] = MappingProxyType(
    {
        "numbers": schema.NUMBERS,
        "periods": schema.PERIODS,
        "cues": schema.CUES,
        "lexicon": schema.LEXICON,
        "detection": schema.DETECTION,
    }
)
"""The files a language folder may hold (``<part>.toml``) and the schema of each."""

_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}$")
_PACKAGE = resources.files("reconcile.languages")
_added: list[Path] = []  # folders given to add_path, most recent first
_additions = itertools.count(1)
_added_as: dict[Path, int] = {}  # each added folder -> the number of the add_path call that added it
_listeners: list[Callable[[], None]] = []
_F = TypeVar("_F", bound=Callable[..., Any])

PATH_VARIABLE = "RECONCILE_LANGUAGES"
"""An environment variable listing folders of languages (separated by ``os.pathsep``), added at
import as if by :func:`add_path`, the first listed searched first: the command line's way to add
a language."""


# ------------------------------------------------------------------------------ the search path


def search_path() -> tuple[Traversable, ...]:
    """The folders searched for language folders, in order: those added, most recent first,
    then the package's own."""
    return (*_added, _PACKAGE)


def state() -> tuple[tuple[Path, int], ...]:
    """A key for the search path as it is now: a cache keyed by it is rebuilt after
    :func:`add_path` (even of a folder added before, whose files may have changed) and finds
    its old value again after :func:`remove_path` undoes an addition."""
    return tuple((path, _added_as[path]) for path in _added)


def add_path(folder: str | Path) -> None:
    """Search ``folder`` (holding one sub-folder per language) before the others.

    Clears every cache built from language data (see :func:`on_change`). Raises
    :class:`NotADirectoryError` if ``folder`` is no folder.
    """
    path = Path(folder)
    if not path.is_dir():
        raise NotADirectoryError(f"{path}: not a folder of languages")
    if path in _added:
        _added.remove(path)
    _added.insert(0, path)
    _added_as[path] = next(_additions)
    _changed()


def remove_path(folder: str | Path) -> None:
    """Stop searching a folder given to :func:`add_path` (no error if it was not added)."""
    path = Path(folder)
    if path in _added:
        _added.remove(path)
        _changed()


def on_change(cached: _F) -> _F:
    """Clear ``cached`` (a function with a ``functools`` cache, or any callable that clears
    one) whenever the search path changes; returns it unchanged, so it reads as a decorator
    above ``@functools.cache``."""
    _listeners.append(getattr(cached, "cache_clear", cached))
    return cached


def _changed() -> None:
    _find.cache_clear()
    supported.cache_clear()
    _load.cache_clear()
    for clear in _listeners:
        clear()


# ------------------------------------------------------------------------------ languages


@functools.cache
def supported() -> tuple[str, ...]:
    """The codes of the languages with a folder on the search path, sorted.

    >>> "fr" in supported()
    True
    """
    found: set[str] = set()
    for root in search_path():
        if root.is_dir():
            found.update(p.name for p in root.iterdir() if p.is_dir() and _LANGUAGE_FOLDER.match(p.name))
    return tuple(sorted(found))


def code(lang: object) -> str:
    """The language folder a tag reads: ``fr-FR`` and ``fr_CA`` are ``fr``.

    Raises :class:`~reconcile.errors.UnsupportedLanguage` for anything else, listing the
    languages supported.

    >>> code("EN-gb")
    'en'
    >>> code("xx")
    Traceback (most recent call last):
    ...
    reconcile.errors.UnsupportedLanguage: unsupported language 'xx': supported are en, fr (add one with reconcile.languages.add_path)
    """
    primary = re.split(r"[-_]", lang.strip().lower())[0] if isinstance(lang, str) else ""
    if primary not in supported():
        raise UnsupportedLanguage(lang, supported())
    return primary


@functools.cache
def _find(lang: str, part: str) -> Traversable | None:
    """The file of one part of a language: from the first folder on the search path that has
    the language's folder (a language is never read half from one folder, half from another)."""
    for root in search_path():
        folder = root.joinpath(lang)
        if folder.is_dir():
            file = folder.joinpath(f"{part}.toml")
            return file if file.is_file() else None
    return None


def source(lang: str, part: str) -> tuple[str, str] | None:
    """``(name, text)`` of one part's file (``None`` if the language has none), for readers
    that check the file themselves (the lexicon). Raises :class:`UnsupportedLanguage`."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    file = _find(code(lang), part)
    if file is None:
        return None
    return _name(file), _text(file)


def load(lang: str, part: str) -> Mapping[str, Any]:
    """One part of a language's data, checked against its schema, read-only (tables are
    mappings, lists are tuples) and read once; empty if the language has no such file.

    Raises :class:`~reconcile.errors.UnsupportedLanguage` for an unknown language and
    :class:`~reconcile.errors.LanguageDataError` (file, line, key) for a malformed file.

    >>> load("en", "periods")["months"]["july"]
    7
    >>> load("en", "numbers")["dates"]["time_words"][:2]
    ('am', 'pm')
    """
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    return _load(code(lang), part)


@functools.cache
def _load(lang: str, part: str) -> Mapping[str, Any]:
    file = _find(lang, part)
    if file is None:
        return MappingProxyType({})
    return _parse(_name(file), _text(file), PARTS[part])


@functools.cache
def shared(name: str) -> Mapping[str, Any]:
    """A language-independent file of ``reconcile/data/`` (``currencies``, ``cues``,
    ``lexicon/models``), checked and read-only like :func:`load`.

    >>> shared("currencies")["currencies"]["€"]
    'EUR'
    """
    if name not in schema.SHARED:
        raise ValueError(f"unknown shared data {name!r}; expected one of {', '.join(schema.SHARED)}")
    file = resources.files("reconcile.data").joinpath(f"{name}.toml")
    return _parse(f"reconcile/data/{name}.toml", _text(file), schema.SHARED[name])


def _name(file: Traversable) -> str:
    """A file's name for messages: its path, shortened inside the package."""
    text = str(file)
    marker = "reconcile/languages/"
    return text[text.rindex(marker) :] if marker in text.replace("\\", "/") else text


def _text(file: Traversable) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LanguageDataError(str(file), f"unreadable: {exc}") from exc


def _parse(name: str, text: str, kind: schema.Schema) -> Mapping[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else 0
        raise LanguageDataError(name, f"invalid TOML: {exc}", line) from exc
    schema.check(data, kind, name, text)
    frozen = _frozen(data)
    assert isinstance(frozen, Mapping)
    return frozen


def _frozen(value: Any) -> Any:
    """Tables as read-only mappings, lists as tuples, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


for _folder in reversed([f for f in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if f]):
    if Path(_folder).is_dir():
        add_path(_folder)
