"""The pipeline: documents -> claims -> judgement -> report, in one call.

:func:`run` is the one entry the command line calls: load -> extract -> judge -> report.
:func:`reconcile` judges claims and wraps the judgement in a :class:`~reconcile.report.Report`.
Both live here, after the judge and the report, so that the judge never imports the report.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reconcile.documents import Corpus, load_documents
from reconcile.errors import DocumentError, ReconcileError
from reconcile.extract import extract_claims
from reconcile.fx import FxRates
from reconcile.judge import DEFAULT_TOLERANCE, Tolerance, judge
from reconcile.lexicon import Lexicon
from reconcile.model import Claim, DateRange, Document
from reconcile.report import Report

#: Documents extracted between two progress messages.
PROGRESS_EVERY = 100

Source = str | Path | Document | Corpus
"""What :func:`run` reads: a folder with ``sources.toml`` or a JSONL file, a Document, a Corpus."""

Say = Callable[[str], None]


def _silent(message: str) -> None:
    del message


def run(
    sources: Source | Iterable[Source],
    *,
    currency: str = "USD",
    lexicon: Lexicon | str | Path | None = None,
    rates: FxRates | None = None,
    tolerance: Tolerance | float | None = DEFAULT_TOLERANCE,
    report_single_source: bool = False,
    on_progress: Say | None = None,
    on_notice: Say | None = None,
    engine: str = "local",
    client: Any = None,
) -> Report:
    """Load, extract, judge and report: the whole pipeline on paths and/or documents.

    ``sources`` is one or several paths (a folder with ``sources.toml``, a JSONL file), Documents
    or Corpora, read as one batch. ``lexicon`` is a Lexicon, or the path of a lexicon file merged
    over the default one, or ``None`` (the default). ``on_progress`` receives a line per stage;
    ``on_notice`` each problem met on the way (a file that could not be read, a loader warning, a
    document whose extraction failed, ``"<doc id>: skipped: <error>"``): the run goes on, and the
    problems are in the report's ``problems``. ``engine`` names where the stages run
    (:data:`reconcile.engines.ENGINES`: ``"local"``, the default, or ``"dask"`` with a
    ``distributed.Client`` as ``client``); the report is the same. Without ``on_notice`` the loader's warnings are
    left to :mod:`warnings`. Raises :class:`DocumentError` for a path that does not exist, before
    anything is read, and what :func:`reconcile` raises.

    >>> report = run(Document("a", "ByteDance ordered 100,000 H20 chips in 2024.", "en"), currency="eur")
    >>> type(report).__name__, report.currency, [claim.doc_id for claim in report.claims]
    ('Report', 'EUR', ['a'])
    """
    say = on_progress or _silent
    table = _lexicon(lexicon)
    documents, problems = _load(_as_list(sources), say, on_notice)
    if engine != "local" or client is not None:
        return _run_on(engine, client, documents, table, problems, say, on_notice, currency, rates, tolerance,
                       report_single_source)
    claims = _extract(documents, table, problems, say, on_notice)
    say(f"{len(claims)} claims; reconciling in {str(currency).upper()}")
    return reconcile(
        claims,
        currency,
        rates,
        tolerance=tolerance,
        lexicon=table,
        report_single_source=report_single_source,
        problems=tuple(problems),
    )


def _lexicon(lexicon: Lexicon | str | Path | None) -> Lexicon:
    if lexicon is None:
        return Lexicon.default()
    if isinstance(lexicon, (str, Path)):
        return Lexicon.default().merge(Lexicon.load(lexicon))
    return lexicon


def _as_list(sources: Source | Iterable[Source]) -> list[Source]:
    if isinstance(sources, (str, Path, Document, Corpus)):
        return [sources]
    return list(sources)


def _load(items: list[Source], say: Say, on_notice: Say | None) -> tuple[list[Document], list[ReconcileError]]:
    """The documents of every source, and the problems met loading them (paths checked first)."""
    for item in items:
        if isinstance(item, (str, Path)) and not Path(item).exists():
            raise DocumentError(str(item), "no such file or directory")
    documents: list[Document] = []
    problems: list[ReconcileError] = []
    recorder = warnings.catch_warnings(record=True) if on_notice is not None else contextlib.nullcontext(None)
    with recorder as caught:
        if caught is not None:
            warnings.simplefilter("always")
        for item in items:
            if isinstance(item, Document):
                documents.append(item)
                continue
            if isinstance(item, (str, Path)):
                say(f"loading {item}")
                item = load_documents(item)
            documents.extend(item)
            problems.extend(item.problems)
    if on_notice is not None:
        for notice in _notices(problems, caught or []):
            on_notice(notice)
    return documents, problems


def _notices(problems: list[ReconcileError], caught: list[warnings.WarningMessage]) -> list[str]:
    """The loader's problems, then its other warnings, each once, in order."""
    reported = [str(p) for p in problems]
    others = [str(w.message) for w in caught if not any(r in str(w.message) for r in reported)]
    return list(dict.fromkeys([*reported, *others]))


def _extract(
    documents: list[Document], lexicon: Lexicon, problems: list[ReconcileError], say: Say, on_notice: Say | None
) -> list[Claim]:
    """The claims of the documents, :data:`PROGRESS_EVERY` at a time; failures join ``problems``."""
    say(f"{len(documents)} documents; extracting claims")
    claims: list[Claim] = []
    failed: list[tuple[str, ReconcileError]] = []
    for start in range(0, len(documents), PROGRESS_EVERY):
        claims.extend(extract_claims(documents[start : start + PROGRESS_EVERY], lexicon, errors=failed))
        done = min(start + PROGRESS_EVERY, len(documents))
        if len(documents) > PROGRESS_EVERY:
            say(f"extracted {len(claims)} claims from {done}/{len(documents)} documents")
    for doc_id, error in failed:
        if on_notice is not None:
            on_notice(f"{doc_id}: skipped: {error}")
    problems.extend(error for _, error in failed)
    return claims


def _run_on(
    name: str,
    client: Any,
    documents: list[Document],
    lexicon: Lexicon,
    problems: list[ReconcileError],
    say: Say,
    on_notice: Say | None,
    currency: str,
    rates: FxRates | None,
    tolerance: Tolerance | float | None,
    report_single_source: bool,
) -> Report:
    """Extract and judge on the engine registered as ``name`` (:mod:`reconcile.engines`)."""
    from reconcile.engines import get_engine  # engines import the stages; the pipeline imports them on use

    engine = get_engine(name, client)
    say(f"{len(documents)} documents; extracting claims on the {engine.name} engine")
    failed: list[tuple[str, ReconcileError]] = []
    claims = engine.extract(documents, lexicon, failed)
    for doc_id, error in failed:
        if on_notice is not None:
            on_notice(f"{doc_id}: skipped: {error}")
    problems.extend(error for _, error in failed)
    say(f"{len(claims)} claims; reconciling in {str(currency).upper()} on the {engine.name} engine")
    judgement = engine.judge(
        claims, currency, rates, tolerance=tolerance, lexicon=lexicon, report_single_source=report_single_source
    )
    return Report.of(judgement, tuple(problems))


def reconcile(
    claims: Iterable[Claim],
    currency: str = "USD",
    rates: FxRates | None = None,
    *,
    tolerance: Tolerance | float | None = DEFAULT_TOLERANCE,
    lexicon: Lexicon | None = None,
    unknown_date_window: DateRange | None = None,
    report_single_source: bool = False,
    problems: Sequence[Any] = (),
) -> Report:
    """Align claims into facts, judge them (:func:`reconcile.judge.judge`) and report.

    Money is compared in ``currency``; ``problems`` (e.g. the loader's) are carried to the report.
    The other arguments are the judge's.

    >>> import math
    >>> from reconcile.model import Quantity
    >>> chips = lambda v, bound="exact", high=None: Quantity(v, high if high is not None else v, v, "chip", "count", bound)
    >>> mk = lambda i, q, who: Claim(f"{i}#1", i, 0, 1, "x", "x", q, subject="ByteDance", action="order",
    ...                              object="H20", period=DateRange.year(2024), publisher=who)
    >>> report = reconcile([mk("a", chips(200_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")])
    >>> [f.kind for f in report.findings]
    ['agreement']
    >>> report = reconcile([mk("a", chips(120_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")])
    >>> [(f.kind, f.severity) for f in report.findings]
    [('contradiction', 'error')]
    """
    judgement = judge(
        claims,
        currency,
        rates,
        tolerance=tolerance,
        lexicon=lexicon,
        unknown_date_window=unknown_date_window,
        report_single_source=report_single_source,
    )
    return Report.of(judgement, problems)
