"""Reading articles and what is known of them into a :class:`Corpus` of :class:`Document`.

Two layouts are read by :func:`load_documents`:

* a folder of ``.txt`` / ``.md`` files with a ``sources.toml`` manifest, one ``[[document]]``
  entry per file::

      [[document]]
      file = "000_2ce192f800cc9e70.txt"   # required; the document id is the file's stem
      language = "fr"                      # or lang; detected from the text when absent
      title = "..."                        # optional; never guessed
      publisher = "Business AM"            # optional
      url = "https://..."                  # optional
      country = "SG"                       # optional, the outlet's country (ISO 3166 alpha-2):
                                           # it decides a bare "$" or "francs"
      cites = ["Reuters"]                  # the outlets the article rests on
      published = "2025-01-06"             # a day, { from = ..., to = ... }, or null (unknown)
      id = "..."                           # optional, overrides the file stem
      # other keys (basis, notes) are for people and ignored

  TOML has no ``null``: a line ``key = null`` is read as an absent key.
* a JSONL file (``.jsonl`` / ``.ndjson``), one object per line with ``text`` (required), ``id``
  (default ``<file stem>-<line>``), ``lang`` or ``language``, ``published``, ``publisher``,
  ``cites``, ``title``, ``url``, ``country``.

A batch never dies on one bad text: an unreadable, non-UTF-8 or empty file, or a bad JSONL line,
becomes a :class:`~reconcile.errors.DocumentError` in ``Corpus.problems`` (and a
:class:`DocumentWarning`) and the others load. A manifest that lies (an entry whose file is
missing, an invalid date) raises, naming the file and the field: metadata that is wrong is worse
than metadata that is missing. A text file without a manifest entry loads with default metadata
and a :class:`DocumentWarning`.

When no language is given, :func:`detect_language` picks the language whose function words
(``reconcile/languages/<lang>/detection.toml``) are most frequent in the text, ``"en"`` if none is.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, overload

import attrs

from reconcile import languages
from reconcile.errors import DateError, DocumentError
from reconcile.model import DateRange, Document

__all__ = ["Corpus", "DocumentWarning", "UnknownDocument", "detect_language", "load_documents"]

MANIFEST_NAME = "sources.toml"
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
DEFAULT_LANGUAGE = "en"
_DETECTION_SAMPLE = 20_000  # characters read for language detection: plenty, and bounded
_NULL_LINE = re.compile(r"^(\s*[A-Za-z0-9_-]+\s*=\s*)null(\s*(?:#.*)?)$", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


class DocumentWarning(UserWarning):
    """A document loaded with default metadata, or a file skipped and reported in ``problems``."""


class UnknownDocument(DocumentError, KeyError):
    """No document has this id in the corpus."""

    def __str__(self) -> str:  # KeyError would print the message quoted
        return Exception.__str__(self)


def _documents(value: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(value)


def _problems(value: Iterable[DocumentError]) -> tuple[DocumentError, ...]:
    return tuple(value)


@attrs.frozen
class Corpus:
    """The documents loaded, in a stable order, and the files that could not be.

    >>> corpus = Corpus([Document("a", "ByteDance a commandé 100 000 puces.", "fr")])
    >>> len(corpus), corpus[0].id, corpus.by_id("a").lang, [d.id for d in corpus]
    (1, 'a', 'fr', ['a'])
    >>> corpus.by_id("b")
    Traceback (most recent call last):
    ...
    reconcile.documents.UnknownDocument: b [id]: no document with this id (known: a)
    """

    documents: tuple[Document, ...] = attrs.field(default=(), converter=_documents)
    problems: tuple[DocumentError, ...] = attrs.field(default=(), converter=_problems, eq=False)
    _index: Mapping[str, Document] = attrs.field(init=False, eq=False, repr=False)

    @_index.default
    def _build_index(self) -> Mapping[str, Document]:
        index: dict[str, Document] = {}
        for document in self.documents:
            if not isinstance(document, Document):
                raise TypeError(f"a Corpus holds Document objects, got {type(document).__name__}")
            if document.id in index:
                raise DocumentError(document.id, "two documents share this id", field="id")
            index[document.id] = document
        return index

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    @overload
    def __getitem__(self, key: int) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Document, ...]: ...
    @overload
    def __getitem__(self, key: str) -> Document: ...

    def __getitem__(self, key: int | slice | str) -> Document | tuple[Document, ...]:
        """A document by position, a tuple by slice, or a document by id (as :meth:`by_id`)."""
        if isinstance(key, str):
            return self.by_id(key)
        try:
            return self.documents[key]
        except IndexError:
            raise UnknownDocument(f"#{key}", f"no document at this position (corpus of {len(self)})", field="index") from None

    @property
    def ids(self) -> tuple[str, ...]:
        """Document ids in corpus order."""
        return tuple(d.id for d in self.documents)

    def by_id(self, doc_id: str) -> Document:
        """The document with this id; :class:`UnknownDocument` (a ``DocumentError`` and ``KeyError``) if none."""
        try:
            return self._index[doc_id]
        except KeyError:
            known = ", ".join(self._index) or "none"
            raise UnknownDocument(doc_id, f"no document with this id (known: {known})", field="id") from None


# ---------------------------------------------------------------------------------------------
# Language


@languages.on_change
@functools.cache
def _function_words() -> Mapping[str, frozenset[str]]:
    """The function words of every supported language (its ``detection.toml``)."""
    words: dict[str, frozenset[str]] = {}
    for lang in languages.supported():
        listed = languages.load(lang, "detection").get("function_words", ())
        words[lang] = frozenset(w.casefold() for w in listed)
    return words


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The language whose function words are most frequent in ``text``; ``default`` if none.

    Cheap and meant for news articles of a few hundred words, not for one-line snippets.

    >>> detect_language("ByteDance a commandé des puces pour la Chine et les États-Unis.")
    'fr'
    >>> detect_language("ByteDance ordered the chips for its data centres in Malaysia.")
    'en'
    >>> detect_language("H20 H200 A100")
    'en'
    """
    words = _WORD.findall(text[:_DETECTION_SAMPLE].casefold().replace("’", "'"))
    counts = {lang: sum(1 for w in words if w in vocabulary) for lang, vocabulary in _function_words().items()}
    if not counts:
        return default
    best = max(counts.values())
    if best == 0:
        return default
    winners = sorted(lang for lang, count in counts.items() if count == best)
    return default if default in winners else winners[0]


# ---------------------------------------------------------------------------------------------
# Fields


def _optional_str(value: Any, source: str, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise DocumentError(source, f"expected a string, got {value!r}", field=field)
    return value.strip() or None


def _cites(value: Any, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DocumentError(source, f"expected a list of outlet names, got {value!r}", field="cites")
    return tuple(v.strip() for v in value if v.strip())


def _published(value: Any, source: str) -> DateRange | None:
    if value is None:
        return None
    try:
        return DateRange.parse(value)
    except DateError as exc:
        raise DocumentError(source, f"invalid date: {exc}", field="published") from exc


def _language(meta: Mapping[str, Any], source: str) -> str | None:
    if "language" in meta and "lang" in meta and meta["language"] != meta["lang"]:
        raise DocumentError(source, f"'language' {meta['language']!r} and 'lang' {meta['lang']!r} disagree", field="language")
    value = meta.get("language", meta.get("lang"))
    field = "language" if "language" in meta else "lang"
    lang = _optional_str(value, source, field)
    return lang.lower() if lang else None


_COUNTRY = re.compile(r"[A-Za-z]{2}")


def _country(value: object, source: str) -> str | None:
    """An outlet's country, two letters (ISO 3166 alpha-2), upper case; raises a
    :class:`DocumentError` naming the field otherwise.

    >>> _country("sg", "x.toml"), _country(None, "x.toml")
    ('SG', None)
    """
    country = _optional_str(value, source, "country")
    if country is None:
        return None
    if not _COUNTRY.fullmatch(country):
        raise DocumentError(source, f"expected a two-letter country code (ISO 3166), got {country!r}", field="country")
    return country.upper()


@attrs.frozen
class _Metadata:
    """What a manifest entry or a JSONL object says of one document, already validated."""

    doc_id: str | None = None
    lang: str | None = None
    published: DateRange | None = None
    publisher: str | None = None
    cites: tuple[str, ...] = ()
    title: str | None = None
    url: str | None = None
    country: str | None = None

    @classmethod
    def read(cls, meta: Mapping[str, Any], source: str) -> _Metadata:
        doc_id = meta.get("id")
        if doc_id is not None and not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            raise DocumentError(source, f"expected a string, got {doc_id!r}", field="id")
        return cls(
            doc_id=str(doc_id).strip() or None if doc_id is not None else None,
            lang=_language(meta, source),
            published=_published(meta.get("published"), source),
            publisher=_optional_str(meta.get("publisher"), source, "publisher"),
            cites=_cites(meta.get("cites"), source),
            title=_optional_str(meta.get("title"), source, "title"),
            url=_optional_str(meta.get("url"), source, "url"),
            country=_country(meta.get("country"), source),
        )

    def document(self, default_id: str, text: str) -> Document:
        return Document(
            id=self.doc_id or default_id,
            text=text,
            lang=self.lang or detect_language(text),
            published=self.published,
            publisher=self.publisher,
            cites=self.cites,
            title=self.title,
            url=self.url,
            country=self.country,
        )


def _report(problems: list[DocumentError], problem: DocumentError) -> None:
    problems.append(problem)
    warnings.warn(f"skipped: {problem}", DocumentWarning, stacklevel=4)


# ---------------------------------------------------------------------------------------------
# Folder + manifest


def _parse_manifest(manifest: Path) -> list[Any]:
    """The ``[[document]]`` entries of a manifest; a manifest that cannot be read at all raises."""
    try:
        raw_text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(str(manifest), f"cannot read the manifest: {exc}") from exc
    try:
        data = tomllib.loads(_NULL_LINE.sub(r"# \1null\2", raw_text))
    except tomllib.TOMLDecodeError as exc:
        raise DocumentError(str(manifest), f"invalid TOML: {exc}") from exc
    except RecursionError as exc:
        raise DocumentError(str(manifest), "invalid TOML: nested too deeply") from exc
    raw_entries = data.get("document", [])
    if not isinstance(raw_entries, list):
        raise DocumentError(str(manifest), "expected [[document]] entries", field="document")
    return raw_entries


def _inside(folder: Path, name: str) -> Path:
    """The path of ``name`` in ``folder``; a name (or a link) that leads out of the folder raises.

    >>> _inside(Path("/tmp/corpus"), "../secret.txt")
    Traceback (most recent call last):
    ...
    reconcile.errors.DocumentError: ../secret.txt [file]: leads outside the folder /tmp/corpus
    """
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise DocumentError(name, f"leads outside the folder {folder}", field="file")
    return path


def _is_file(path: Path, name: str) -> bool:
    try:
        return path.is_file()
    except OSError as exc:  # a name too long for the file system, say
        raise DocumentError(name[:200], f"unusable file name: {exc.strerror}", field="file") from exc


@attrs.frozen
class _Manifest:
    """The valid entries of a manifest by file name, and the names of the entries that failed."""

    entries: Mapping[str, _Metadata]
    failed: frozenset[str]


def _manifest_entry(entry: Any, number: int, folder: Path, manifest: Path) -> tuple[str, _Metadata]:
    where = f"{manifest} entry #{number}"
    if not isinstance(entry, dict):
        raise DocumentError(where, "expected a table", field="document")
    name = entry.get("file")
    if not isinstance(name, str) or not name.strip():
        raise DocumentError(where, "has no 'file'", field="file")
    name = name.strip()
    if not _is_file(_inside(folder, name), name):
        raise DocumentError(name, f"listed in {manifest} (entry #{number}) but not found in {folder}", field="file")
    return name, _Metadata.read(entry, name)


def _read_manifest(manifest: Path, folder: Path, problems: list[DocumentError]) -> _Manifest:
    """Each valid entry by file name; an entry that fails is reported in ``problems`` and skipped."""
    entries: dict[str, _Metadata] = {}
    failed: set[str] = set()
    for number, entry in enumerate(_parse_manifest(manifest), start=1):
        try:
            name, meta = _manifest_entry(entry, number, folder, manifest)
            if name in entries:
                raise DocumentError(name, f"listed twice in {manifest} (entry #{number})", field="file")
        except DocumentError as problem:
            _report(problems, problem)
            if problem.source not in entries:  # a repeated entry leaves the first one standing
                failed.add(problem.source)
            continue
        entries[name] = meta
    return _Manifest(entries, frozenset(failed))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
LEGACY_ENCODING = "cp1252"  # Windows-1252: Latin-1's printable characters plus curly quotes, €, œ


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM); else Windows-1252 with a warning; binary data raises."""
    if b"\x00" in raw:
        raise DocumentError(str(path), "binary data, not text (NUL byte)", field="text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:
        text = ""
    if not text or _CONTROL.search(text):
        raise DocumentError(
            str(path), f"not UTF-8 text (invalid byte at offset {utf8_error.start})", field="text"
        ) from utf8_error
    warnings.warn(f"{path}: not UTF-8; decoded as {LEGACY_ENCODING}", DocumentWarning, stacklevel=5)
    return text


def _read_text(path: Path) -> str:
    try:
        text = _decode(path.read_bytes(), path)
    except OSError as exc:
        raise DocumentError(str(path)[:300], f"cannot read: {exc.strerror}", field="text") from exc
    if not text.strip():
        raise DocumentError(str(path), "empty file", field="text")
    return text


def _names(folder: Path, manifest: _Manifest | None, only: str | None) -> list[str]:
    if only is not None:
        return [only]
    on_disk = {p.name for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()}
    listed = set(manifest.entries) if manifest is not None else set()
    failed = manifest.failed if manifest is not None else frozenset()
    return sorted((on_disk | listed) - failed)


def _load_folder(folder: Path, only: str | None = None) -> Corpus:
    problems: list[DocumentError] = []
    manifest_path = folder / MANIFEST_NAME
    manifest = _read_manifest(manifest_path, folder, problems) if manifest_path.is_file() else None
    names = _names(folder, manifest, only)
    if manifest is None and names:
        warnings.warn(
            f"{folder}: no {MANIFEST_NAME}; {len(names)} file(s) loaded with default metadata",
            DocumentWarning,
            stacklevel=3,
        )
    documents: list[Document] = []
    seen: set[str] = set()
    for name in names:
        path = folder / name
        try:
            text = _read_text(_inside(folder, name))
        except DocumentError as problem:
            _report(problems, problem)
            continue
        meta = manifest.entries.get(name) if manifest is not None else None
        if manifest is not None and meta is None:
            warnings.warn(
                f"{path}: no entry in {MANIFEST_NAME}; loaded with default metadata", DocumentWarning, stacklevel=3
            )
        document = (meta or _Metadata()).document(Path(name).stem, text)
        if document.id in seen:
            _report(problems, DocumentError(str(path), f"another document already has id {document.id!r}", field="id"))
            continue
        seen.add(document.id)
        documents.append(document)
    return Corpus(documents, problems)


# ---------------------------------------------------------------------------------------------
# JSONL


def _jsonl_document(line: bytes, path: Path, number: int) -> Document:
    source = f"{path} line {number}"
    try:
        decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(source, f"not UTF-8 (invalid byte at column {exc.start + 1})") from exc
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise DocumentError(source, f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    except (ValueError, RecursionError) as exc:  # an integer past Python's digit limit; nesting too deep
        raise DocumentError(source, f"unreadable JSON: {str(exc)[:120] or 'nested too deeply'}") from exc
    if not isinstance(obj, dict):
        raise DocumentError(source, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise DocumentError(source, "missing 'text'" if text is None else f"'text' must be a string, got {text!r}", field="text")
    if not text.strip():
        raise DocumentError(source, "empty text", field="text")
    return _Metadata.read(obj, source).document(f"{path.stem}-{number}", text)


def _load_jsonl(path: Path) -> Corpus:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read: {exc.strerror}") from exc
    documents: list[Document] = []
    problems: list[DocumentError] = []
    seen: set[str] = set()
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            document = _jsonl_document(line, path, number)
        except DocumentError as problem:
            _report(problems, problem)
            continue
        if document.id in seen:
            _report(problems, DocumentError(f"{path} line {number}", f"another document already has id {document.id!r}", field="id"))
            continue
        seen.add(document.id)
        documents.append(document)
    return Corpus(documents, problems)


# ---------------------------------------------------------------------------------------------


def load_documents(path: str | Path) -> Corpus:
    """Read a folder (texts + ``sources.toml``), a JSONL file, or one ``.txt``/``.md`` file.

    Documents come in file-name order (folder) or line order (JSONL).

    >>> from pathlib import Path
    >>> seeds = Path(__file__).parent.parent / "seeds"
    >>> corpus = load_documents(seeds)
    >>> len(corpus), corpus[4].publisher, corpus.by_id("003_5ea87f24b2afe1fb").published
    (5, 'Business AM', None)
    >>> str(corpus[0].published), corpus[0].lang, corpus[0].cites
    ('2024-12-01..2025-01-31', 'fr', ('The Information',))
    >>> load_documents("/no/such/folder")
    Traceback (most recent call last):
    ...
    reconcile.errors.DocumentError: /no/such/folder: no such file or folder
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path must be a str or Path, got {type(path).__name__}")
    path = Path(path)
    if path.is_dir():
        return _load_folder(path)
    if not path.exists():
        raise DocumentError(str(path), "no such file or folder")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _load_jsonl(path)
    if suffix in TEXT_SUFFIXES:
        return _load_folder(path.parent, only=path.name)
    if path.name == MANIFEST_NAME:
        return _load_folder(path.parent)
    raise DocumentError(str(path), f"expected a folder, a {'/'.join(JSONL_SUFFIXES)} file or a {'/'.join(TEXT_SUFFIXES)} file")
