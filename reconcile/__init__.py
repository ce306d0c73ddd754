"""reconcile: cross-source fact reconciliation for news figures."""

from reconcile.errors import (
    DateError,
    DocumentError,
    FxError,
    IncompatibleQuantities,
    LexiconError,
    QuantityParseError,
    ReconcileError,
)
from reconcile.model import Claim, DateRange, Document, Fact, Finding, Mention, Quantity

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "DateError",
    "DateRange",
    "Document",
    "DocumentError",
    "Fact",
    "Finding",
    "FxError",
    "IncompatibleQuantities",
    "LexiconError",
    "Mention",
    "Quantity",
    "QuantityParseError",
    "ReconcileError",
]
