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

import attrs

from reconcile.documents import MANIFEST_NAME, TEXT_SUFFIXES, Corpus, load_documents
from reconcile.errors import DocumentError, FxError, ReconcileError
from reconcile.extract import extract_claims, find_organisations
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
Count = Callable[[int, int], None]


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
    on_count: Count | None = None,
    engine: str = "local",
    client: Any = None,
) -> Report:
    """Load, extract, judge and report: the whole pipeline on paths and/or documents.

    ``sources`` is one or several paths (a folder with ``sources.toml``, a JSONL file), Documents
    or Corpora, read as one batch. ``lexicon`` is a Lexicon, or the path of a lexicon file merged
    over the default one, or ``None`` (the default). ``on_progress`` receives a line per stage,
    ``on_count`` ``(documents extracted, documents)`` as extraction goes (for a progress bar);
    ``on_notice`` each problem met on the way (a file that could not be read or was ignored, a
    document id met twice, a loader warning, a document whose extraction failed, ``"<doc id>:
    skipped: <error>"``): the run goes on, and the problems are in the report's ``problems``.
    Without ``on_notice`` the loader's warnings are left to :mod:`warnings`.

    Before anything is read it checks its arguments: :class:`TypeError` for a source, currency
    or lexicon of the wrong type; :class:`DocumentError` for a path that does not exist;
    :class:`FxError` for a currency the rate table does not know. A second document with an id
    already read is kept under an id derived from its path (``"<id>@<file name>"``) and reported.
    No readable document at all raises :class:`DocumentError`.
    ``engine`` names where the stages run (:data:`reconcile.engines.ENGINES`: ``"local"``, the
    default, or ``"dask"`` with a ``distributed.Client`` as ``client``); the report is the same.

    >>> report = run(Document("a", "ByteDance ordered 100,000 H20 chips in 2024.", "en"), currency="eur")
    >>> type(report).__name__, report.currency, [claim.doc_id for claim in report.claims]
    ('Report', 'EUR', ['a'])
    >>> run(42)
    Traceback (most recent call last):
    ...
    TypeError: sources must be paths (str or Path), Documents or Corpora, got int
    """
    items = _as_list(sources)
    target = check_currency(currency, rates)
    say = on_progress or _silent
    table = _lexicon(lexicon)
    documents, problems = _load(items, say, on_notice)
    if not documents:
        where = ", ".join(str(i) for i in items if isinstance(i, (str, Path))) or "the documents given"
        raise DocumentError(where, "no readable document (see the problems above)" if problems else "no document")
    if engine != "local" or client is not None:
        return _run_on(engine, client, documents, table, problems, say, on_notice, target, rates, tolerance, report_single_source)
    claims = _extract(documents, table, problems, say, on_notice, on_count)
    say(f"{len(claims)} claims; reconciling in {target}")
    return reconcile(claims, target, rates, tolerance=tolerance, lexicon=table,
                     report_single_source=report_single_source, problems=tuple(problems), documents=documents)


def check_currency(currency: object, rates: FxRates | None = None) -> str:
    """The report currency as an upper-case ISO 4217 code the rate table knows, checked before
    any work: :class:`TypeError` for a non-string, :class:`FxError` for an unknown code.

    >>> check_currency(" eur ")
    'EUR'
    >>> check_currency("XYZ")
    Traceback (most recent call last):
    ...
    reconcile.errors.FxError: unknown currency 'XYZ'; the rate table knows AUD, BGN, ...
    """
    if not isinstance(currency, str):
        raise TypeError(f"currency must be a str such as 'USD', got {type(currency).__name__}")
    code = currency.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise FxError(f"currency must be an ISO 4217 code such as 'USD', got {currency!r}")
    known = (rates or FxRates.default()).currencies
    if code not in known:
        raise FxError(f"unknown currency {code!r}; the rate table knows {', '.join(known)}")
    return code


def _lexicon(lexicon: Lexicon | str | Path | None) -> Lexicon:
    if lexicon is None:
        return Lexicon.default()
    if isinstance(lexicon, (str, Path)):
        return Lexicon.default().merge(Lexicon.load(lexicon))
    if not isinstance(lexicon, Lexicon):
        raise TypeError(f"lexicon must be a Lexicon, a path or None, got {type(lexicon).__name__}")
    return lexicon


_SOURCE_TYPES = (str, Path, Document, Corpus)


def _as_list(sources: Source | Iterable[Source]) -> list[Source]:
    """The sources as a list, each of a type :func:`run` reads (else :class:`TypeError`)."""
    if isinstance(sources, _SOURCE_TYPES):
        return [sources]
    if not isinstance(sources, Iterable):
        raise TypeError(f"sources must be paths (str or Path), Documents or Corpora, got {type(sources).__name__}")
    items = list(sources)
    for item in items:
        if not isinstance(item, _SOURCE_TYPES):
            raise TypeError(f"sources must be paths (str or Path), Documents or Corpora, got {type(item).__name__}")
    return items


def ignored_files(folder: Path) -> list[Path]:
    """The files of ``folder`` the loader does not read as articles (not ``.txt``/``.md``, not
    the manifest, not hidden), sorted.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name in ("a.txt", "b.html", "sources.toml", ".hidden"):
    ...         _ = (Path(tmp) / name).write_text("x")
    ...     [p.name for p in ignored_files(Path(tmp))]
    ['b.html']
    """
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name != MANIFEST_NAME
        and p.suffix.lower() not in TEXT_SUFFIXES
    )


class _Batch:
    """Documents read so far, each id once: a repeated id is renamed after its path and reported."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.problems: list[ReconcileError] = []
        self._origin: dict[str, str] = {}

    def add(self, document: Document, origin: str) -> None:
        if document.id in self._origin:
            renamed = self._free_id(f"{document.id}@{Path(origin).name or origin}")
            self.problems.append(DocumentError(
                origin, f"id {document.id!r} was already read from {self._origin[document.id]}; "
                f"this document is read as {renamed!r}", field="id"))
            document = attrs.evolve(document, id=renamed)
        self._origin[document.id] = origin
        self.documents.append(document)

    def _free_id(self, wanted: str) -> str:
        candidate, number = wanted, 1
        while candidate in self._origin:
            number += 1
            candidate = f"{wanted}#{number}"
        return candidate

    def read(self, item: Source, say: Say) -> None:
        if isinstance(item, Document):
            self.add(item, "the documents given")
            return
        if isinstance(item, (str, Path)):
            say(f"loading {item}")
            if Path(item).is_dir():
                self.problems.extend(
                    DocumentError(str(p), f"ignored: not a {'/'.join(TEXT_SUFFIXES)} article") for p in ignored_files(Path(item))
                )
            item_name = str(item)
            item = load_documents(item)
        else:
            item_name = "a corpus"
        self.problems.extend(item.problems)
        for document in item:
            self.add(document, item_name)


def _load(items: list[Source], say: Say, on_notice: Say | None) -> tuple[list[Document], list[ReconcileError]]:
    """The documents of every source, and the problems met loading them (paths checked first)."""
    for item in items:
        if isinstance(item, (str, Path)) and not Path(item).exists():
            raise DocumentError(str(item), "no such file or directory")
    batch = _Batch()
    recorder = warnings.catch_warnings(record=True) if on_notice is not None else contextlib.nullcontext(None)
    with recorder as caught:
        if caught is not None:
            warnings.simplefilter("always")
        for item in items:
            batch.read(item, say)
    if on_notice is not None:
        for notice in _notices(batch.problems, caught or []):
            on_notice(notice)
    return batch.documents, batch.problems


def _notices(problems: list[ReconcileError], caught: list[warnings.WarningMessage]) -> list[str]:
    """The loader's problems, then its other warnings, each once, in order."""
    reported = [str(p) for p in problems]
    others = [str(w.message) for w in caught if not any(r in str(w.message) for r in reported)]
    return list(dict.fromkeys([*reported, *others]))


def _extract(
    documents: list[Document],
    lexicon: Lexicon,
    problems: list[ReconcileError],
    say: Say,
    on_notice: Say | None,
    on_count: Count | None = None,
) -> list[Claim]:
    """The claims of the documents, :data:`PROGRESS_EVERY` at a time; failures join ``problems``."""
    say(f"{len(documents)} documents; extracting claims")
    claims: list[Claim] = []
    failed: list[tuple[str, ReconcileError]] = []
    found = find_organisations(documents, lexicon)  # over the whole corpus, as the other engines do
    for start in range(0, len(documents), PROGRESS_EVERY):
        batch = documents[start : start + PROGRESS_EVERY]
        claims.extend(extract_claims(batch, lexicon, errors=failed, organisations=found))
        done = min(start + PROGRESS_EVERY, len(documents))
        if on_count is not None:
            on_count(done, len(documents))
        if len(documents) > PROGRESS_EVERY:
            say(f"extracted {len(claims)} claims from {done}/{len(documents)} documents")
    for doc_id, error in failed:
        if on_notice is not None:
            on_notice(f"{doc_id}: skipped: {error}")
    problems.extend(error for _, error in failed)
    return claims


def _claims(claims: Iterable[Claim]) -> list[Claim]:
    """The claims as a list; :class:`TypeError` for text or anything but Claims."""
    if isinstance(claims, (str, bytes)) or not isinstance(claims, Iterable):
        raise TypeError(
            f"claims must be an iterable of Claim objects (extract_claims gives them), got {type(claims).__name__}"
        )
    batch = list(claims)
    wrong = next((c for c in batch if not isinstance(c, Claim)), None)
    if wrong is not None:
        raise TypeError(f"claims must be Claim objects (extract_claims gives them), got a {type(wrong).__name__}")
    return batch


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
    return Report.of(judgement, tuple(problems), tuple(documents))


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
    documents: Iterable[Document] = (),
) -> Report:
    """Align claims into facts, judge them (:func:`reconcile.judge.judge`) and report.

    Money is compared in ``currency``; ``problems`` (e.g. the loader's) are carried to the report,
    and so are the ``documents`` read, whose outlet, title and url then name the sources in every
    output. The other arguments are the judge's.

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
    >>> reconcile("ByteDance ordered 100,000 chips")
    Traceback (most recent call last):
    ...
    TypeError: claims must be an iterable of Claim objects (extract_claims gives them), got str
    """
    batch = _claims(claims)
    if not isinstance(currency, str):
        raise TypeError(f"currency must be a str such as 'USD', got {type(currency).__name__}")
    judgement = judge(
        batch,
        currency,
        rates,
        tolerance=tolerance,
        lexicon=lexicon,
        unknown_date_window=unknown_date_window,
        report_single_source=report_single_source,
    )
    return Report.of(judgement, problems, documents)
