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
