"""reconcile: cross-source fact reconciliation for news figures.

Read many articles about one story, put every figure on a common footing, line up the claims
that speak of the same fact, and say where the sources agree, contradict each other, or
describe different stages of one deal.

>>> from reconcile import Document, extract_claims, reconcile
>>> docs = [
...     Document("a", "ByteDance a commandé 100 000 puces Ascend 910B en 2024.", lang="fr"),
...     Document("b", "ByteDance received 30,000 Ascend 910B chips in 2024.", lang="en"),
... ]
>>> report = reconcile(extract_claims(docs))
>>> [finding.kind for finding in report.findings]
['stage_gap']
"""

from reconcile.dates import PeriodMention, find_periods, resolve_period
from reconcile.documents import Corpus, DocumentWarning, load_documents
from reconcile.errors import (
    DateError,
    DocumentError,
    FxError,
    IncompatibleQuantities,
    LanguageDataError,
    LexiconError,
    QuantityParseError,
    ReconcileError,
    UnsupportedLanguage,
)
from reconcile.extract import extract_claims
from reconcile.fx import FxRates, convert
from reconcile.judge import Tolerance, align
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import (
    Claim,
    DateRange,
    Document,
    Evidence,
    Fact,
    Finding,
    Mention,
    Quantity,
)
from reconcile.pipeline import reconcile
from reconcile.quantities import find_quantities, parse_quantity
from reconcile.report import Report

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Corpus",
    "DateError",
    "DateRange",
    "Document",
    "DocumentError",
    "DocumentWarning",
    "Evidence",
    "Fact",
    "Finding",
    "FxError",
    "FxRates",
    "IncompatibleQuantities",
    "LanguageDataError",
    "LexMatch",
    "Lexicon",
    "LexiconError",
    "Mention",
    "PeriodMention",
    "Quantity",
    "QuantityParseError",
    "ReconcileError",
    "Report",
    "Tolerance",
    "UnsupportedLanguage",
    "align",
    "convert",
    "extract_claims",
    "find_periods",
    "find_quantities",
    "load_documents",
    "parse_quantity",
    "reconcile",
    "resolve_period",
]
