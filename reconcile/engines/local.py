"""The local engine: every stage in this process, as :func:`reconcile.pipeline.run` always did."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from reconcile.errors import ReconcileError
from reconcile.extract import extract_claims
from reconcile.fx import FxRates
from reconcile.judge import DEFAULT_TOLERANCE, Judgement, Tolerance, judge
from reconcile.lexicon import Lexicon
from reconcile.model import Claim, DateRange, Document

Failures = list[tuple[str, ReconcileError]]
"""``(doc_id, error)`` of each document whose extraction failed, in document order."""


class Engine(Protocol):
    """What an engine answers: claims of documents, and the judgement of claims."""

    name: str

    def extract(self, documents: Sequence[Document], lexicon: Lexicon, errors: Failures) -> list[Claim]: ...

    def judge(
        self,
        claims: Sequence[Claim],
        currency: str = "USD",
        rates: FxRates | None = None,
        *,
        tolerance: Tolerance | float | None = DEFAULT_TOLERANCE,
        lexicon: Lexicon | None = None,
        unknown_date_window: DateRange | None = None,
        report_single_source: bool = False,
    ) -> Judgement: ...


class LocalEngine:
    """:func:`reconcile.extract.extract_claims` and :func:`reconcile.judge.judge`, in this process.

    >>> engine = LocalEngine()
    >>> failed: Failures = []
    >>> claims = engine.extract([Document("a", "Tencent bought 200,000 H20 chips.", "en")], Lexicon.default(), failed)
    >>> [c.subject for c in claims], failed, [f.kind for f in engine.judge(claims).findings]
    (['Tencent'], [], [])
    """

    name = "local"

    def extract(self, documents: Sequence[Document], lexicon: Lexicon, errors: Failures) -> list[Claim]:
        return extract_claims(documents, lexicon, errors=errors)

    def judge(self, claims: Sequence[Claim], currency: str = "USD", rates: FxRates | None = None, **options: Any) -> Judgement:
        return judge(claims, currency, rates, **options)
