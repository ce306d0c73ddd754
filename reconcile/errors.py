"""Typed errors: every failure the library raises on purpose is a ``ReconcileError``.

Each error says what was wrong and where (a document id, a file, an offset), so a batch
can report it and go on with the other documents.
"""

from __future__ import annotations


class ReconcileError(Exception):
    """Base class of every error the library raises on purpose."""


class QuantityParseError(ReconcileError, ValueError):
    """An expression could not be read as a quantity.

    >>> err = QuantityParseError("beaucoup", 0, "no number")
    >>> str(err)
    "cannot parse 'beaucoup' at position 0: no number"
    """

    def __init__(self, text: str, position: int, reason: str) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        super().__init__(f"cannot parse {text!r} at position {position}: {reason}")


class IncompatibleQuantities(ReconcileError, TypeError):
    """Two quantities of different dimensions (money and a count, USD and CNY) were compared."""


class FxError(ReconcileError, LookupError):
    """An exchange rate is missing: unknown currency, or a date outside the table."""


class DateError(ReconcileError, ValueError):
    """A date or period could not be read."""


class DocumentError(ReconcileError):
    """A document or its manifest entry is unusable; names the file and the field."""

    def __init__(self, source: str, message: str, field: str | None = None) -> None:
        self.source = source
        self.field = field
        where = f"{source} [{field}]" if field else source
        super().__init__(f"{where}: {message}")


class LexiconError(ReconcileError):
    """A lexicon file is malformed; names the file and the entry."""


class UnsupportedLanguage(ReconcileError, ValueError):
    """A language has no folder of data (``reconcile/languages/<lang>/`` or a folder added with
    :func:`reconcile.languages.add_path`). Carries ``lang`` (as given) and ``supported``.

    >>> str(UnsupportedLanguage("xx", ("en", "fr")))
    "unsupported language 'xx': supported are en, fr (add one with reconcile.languages.add_path)"
    """

    def __init__(self, lang: object, supported: tuple[str, ...]) -> None:
        self.lang = lang
        self.supported = supported
        listed = ", ".join(supported) or "none"
        super().__init__(
            f"unsupported language {lang!r}: supported are {listed} (add one with reconcile.languages.add_path)"
        )


class LanguageDataError(ReconcileError, ValueError):
    """A language data file is unreadable or holds a key its schema does not know; carries
    ``source`` (the file), ``line`` (1-based, 0 if unknown) and ``key`` (dotted path).

    >>> str(LanguageDataError("de/numbers.toml", "unknown key (known: decimal, group)", 4, "digits.decimals"))
    "de/numbers.toml, line 4: 'digits.decimals': unknown key (known: decimal, group)"
    """

    def __init__(self, source: str, message: str, line: int = 0, key: str | None = None) -> None:
        self.source = source
        self.line = line
        self.key = key
        where = f"{source}, line {line}" if line else source
        what = f"{key!r}: " if key else ""
        super().__init__(f"{where}: {what}{message}")
