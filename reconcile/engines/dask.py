"""The Dask engine: the stages of the local engine, partitioned over a ``dask.distributed`` cluster.

- **Extraction** is a map over partitions of documents. Organisations are found over the whole
  corpus first, as a map (:func:`~reconcile.extract.organisations.name_evidence` per document)
  and a reduce (:func:`~reconcile.extract.organisations.organisations` over the evidence, in
  document order); the lexicon of organisations is then broadcast and each partition runs
  :func:`~reconcile.extract.extract_document` on its documents.
- **Alignment and judging** are a group-by on the fact's blocking key
  (:func:`~reconcile.judge.block_key`) with a shuffle: every claim goes to the bucket of a stable
  hash of its key, so each fact is whole in one bucket, where it is aligned and its figures put on
  one footing by the judge's own functions. The corpus window and the claims that restate another
  (stated conversions) are a map and a reduce over the claim partitions.
- **Source trust** is an iterative aggregate: each round, every bucket scores the sides of its
  contested facts with the broadcast trust (:func:`reconcile.judge.trust._trust_round`), the
  per-outlet totals are summed, the trust updated and broadcast again until it settles.
- The detectors read the whole batch (a stage gap joins facts of different actions, a stated
  conversion two facts), so they run on the client over the gathered verdicts, as does the report.

Trust totals are summed per bucket then across buckets, so an outlet's trust can differ from the
local engine's in the last bits of a float; the report rounds it (6 digits) and is identical.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
from distributed import Client, Future

from reconcile.engines.local import Failures
from reconcile.errors import DocumentError, FxError, ReconcileError
from reconcile.extract import extract_document, has_language
from reconcile.extract.organisations import NameEvidence, name_evidence, organisation_lexicon, organisations
from reconcile.fx import FxRates
from reconcile.judge import DEFAULT_TOLERANCE, Judgement, Tolerance, block_key
from reconcile.judge.align import align
from reconcile.judge.batch import Batch, Verdict
from reconcile.judge.conversions import stated_conversions
from reconcile.judge.core import (
    _decided,
    _gc_paused,
    _normalised,
    _repeated,
    _shadowed_by_equivalence,
    _stage_lookup,
    finding_order,
)
from reconcile.judge.kinds import FINDING_KINDS
from reconcile.judge.normalise import FxWindow, corpus_window
from reconcile.judge.trust import _trust_round
from reconcile.lexicon import Lexicon
from reconcile.model import Claim, DateRange, Document

#: Documents per extraction partition (a task each).
DOCUMENTS_PER_PARTITION = 50
#: Claims per partition when claims are handed to the judge directly.
CLAIMS_PER_PARTITION = 50_000
#: Buckets of the shuffle per worker thread of the cluster.
BUCKETS_PER_THREAD = 2
#: Source-trust settings: the defaults of :func:`reconcile.judge.trust.source_trust`.
TRUST_INITIAL, TRUST_DAMPENING, TRUST_IMPLICATION, TRUST_ITERATIONS, TRUST_EPSILON = 0.8, 0.3, 0.5, 20, 1e-4

Portable = tuple[type, tuple[Any, ...], dict[str, Any]]
"""An exception as its class, args and attributes: errors whose ``__init__`` takes several
arguments (:class:`DocumentError`) do not survive pickling otherwise."""


def _portable(error: BaseException) -> Portable:
    return (type(error), error.args, dict(vars(error)))


def _restored(portable: Portable) -> ReconcileError:
    cls, args, state = portable
    error: ReconcileError = cls.__new__(cls, *args)  # type: ignore[assignment]
    error.args = args
    error.__dict__.update(state)
    return error


def chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    """``items`` in consecutive lists of at most ``size``.

    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    """
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def bucket_of(claim: Claim, buckets: int) -> int:
    """The shuffle bucket of a claim: a hash of its blocking key that is the same in every process
    (Python's own ``hash`` of a string is salted per process).

    >>> from reconcile.model import Quantity
    >>> c = Claim("d#1", "d", 0, 1, "1", "1", Quantity.exact(1, "chip", "count"), subject="Acme", action="order")
    >>> bucket_of(c, 8) == bucket_of(c, 8) and 0 <= bucket_of(c, 8) < 8
    True
    """
    return zlib.crc32(repr(block_key(claim)).encode("utf-8")) % buckets


# --- tasks run on the workers -------------------------------------------------------------------


def _evidence_task(documents: list[Document]) -> list[NameEvidence]:
    return [name_evidence(doc) for doc in documents if isinstance(doc, Document) and has_language(doc.lang)]


def _extract_task(
    documents: list[Document], lexicon: Lexicon, found: Lexicon
) -> tuple[list[Claim], list[tuple[str, Portable]]]:
    """The loop of :func:`reconcile.extract.extract_claims` over one partition."""
    claims: list[Claim] = []
    failed: list[tuple[str, Portable]] = []
    for number, doc in enumerate(documents):
        doc_id = str(getattr(doc, "id", f"#{number}"))
        try:
            claims.extend(extract_document(doc, lexicon, found))
        except ReconcileError as exc:
            failed.append((doc_id, _portable(exc)))
        except Exception as exc:  # noqa: BLE001  (a bug on one document must not lose the batch)
            wrapped = DocumentError(doc_id, f"extraction failed: {type(exc).__name__}: {exc}")
            failed.append((doc_id, _portable(wrapped)))
    return claims, failed


def _survey_task(claims: list[Claim]) -> tuple[DateRange | None, set[str], set[str]]:
    """One claim partition's publication span, its restated claims and its money currencies.

    A stated conversion links claims of one document, and a document is never split."""
    by_id = {c.id: c for c in claims}
    currencies = {c.quantity.unit for c in claims if c.quantity.kind == "money"}
    return corpus_window(claims), _shadowed_by_equivalence(claims, by_id) | _repeated(claims, by_id), currencies


def _split_task(claims: list[Claim], buckets: int) -> list[list[Claim]]:
    """The map side of the shuffle: a partition's claims by bucket."""
    out: list[list[Claim]] = [[] for _ in range(buckets)]
    for claim in claims:
        out[bucket_of(claim, buckets)].append(claim)
    return out


def _pick(split: list[list[Claim]], bucket: int) -> list[Claim]:
    return split[bucket]


def _bucket_task(
    *parts: list[Claim], shadowed: set[str], target: str, fx: FxWindow, tol: Tolerance
) -> tuple[list[Verdict], dict[str, FxError]]:
    """The reduce side of the shuffle: the bucket's facts, aligned and put on one footing."""
    claims = [claim for part in parts for claim in part]
    return _normalised(align(claims), shadowed, target, fx, tol)


def _contests(verdicts: list[Verdict]) -> list[tuple[str, list[frozenset[str]]]]:
    return [(v.fact.id, [side.outlets for side in v.sides]) for v in verdicts if v.independents >= 2]


def _contests_task(judged: tuple[list[Verdict], dict[str, FxError]]) -> list[tuple[str, list[frozenset[str]]]]:
    return _contests(judged[0])


def _outlets_task(contests: list[tuple[str, list[frozenset[str]]]]) -> set[str]:
    return {outlet for _, sides in contests for side in sides for outlet in side}


def _encode_task(
    contests: list[tuple[str, list[frozenset[str]]]], index: Mapping[str, int]
) -> list[list[tuple[int, ...]]]:
    return [[tuple(index[o] for o in side) for side in sides] for _, sides in contests]


def _backing_task(encoded: list[list[tuple[int, ...]]], outlets: int) -> list[int]:
    backing = [0] * outlets
    for sides in encoded:
        for side in sides:
            for i in side:
                backing[i] += 1
    return backing


def _round_task(encoded: list[list[tuple[int, ...]]], trust: list[float]) -> list[float]:
    return _trust_round(encoded, trust, TRUST_DAMPENING, TRUST_IMPLICATION)[0]


def _decide_task(
    judged: tuple[list[Verdict], dict[str, FxError]],
    contests: list[tuple[str, list[frozenset[str]]]],
    encoded: list[list[tuple[int, ...]]],
    trust: list[float] | None,
    target: str,
) -> tuple[list[Verdict], dict[str, FxError]]:
    """The bucket's verdicts with their consensus, weighed with the settled trust."""
    verdicts, failures = judged
    confidences: dict[str, list[float]] = {}
    if trust is not None and contests:
        rows = _trust_round(encoded, trust, TRUST_DAMPENING, TRUST_IMPLICATION)[1]
        confidences = dict(zip((fact_id for fact_id, _ in contests), rows))
    return [_decided(v, confidences.get(v.fact.id), target) for v in verdicts], failures


def _sum(vectors: Sequence[Sequence[float]]) -> list[float]:
    total = [0.0] * len(vectors[0])
    for vector in vectors:
        for i, value in enumerate(vector):
            total[i] += value
    return total


# --- the engine ---------------------------------------------------------------------------------


@attrs.frozen
class _Trust:
    """The settled trust of every outlet, the trust the sides were last scored with, and where
    each bucket's contests live on the cluster."""

    names: tuple[str, ...]
    values: list[float] | None
    scored: list[float] | None
    contests: list[Future]
    encoded: list[Future]


class DaskEngine:
    """The stages of :class:`~reconcile.engines.local.LocalEngine` on a ``dask.distributed`` client.

    ``client`` is a :class:`distributed.Client`: of a ``LocalCluster`` on one machine, or of a
    real cluster (``Client("tcp://scheduler:8786")``); the workers need ``reconcile`` installed.
    Without one, ``Client()`` is made: the scheduler named by Dask's configuration
    (``DASK_SCHEDULER_ADDRESS``), else a ``LocalCluster`` of this machine's cores.
    """

    name = "dask"

    def __init__(self, client: Client | None = None) -> None:
        self.client = client if client is not None else Client()

    def _scatter(self, partitions: list[list[Any]]) -> list[Future]:
        """The partitions sent to the workers (none for an empty corpus)."""
        return self.client.scatter(partitions) if partitions else []

    @property
    def buckets(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return threads * BUCKETS_PER_THREAD

    def extract(self, documents: Sequence[Document], lexicon: Lexicon, errors: Failures) -> list[Claim]:
        """Claims of every document, in document order; failures appended to ``errors``."""
        parts = self._scatter(chunks(documents, DOCUMENTS_PER_PARTITION))
        evidence = self.client.gather(self.client.map(_evidence_task, parts))
        found = organisation_lexicon(organisations(e for part in evidence for e in part), known=lexicon)
        shared_lexicon, shared_found = self.client.scatter([_cold(lexicon), _cold(found)], broadcast=True)
        extracted = self.client.gather(self.client.map(_extract_task, parts, lexicon=shared_lexicon, found=shared_found))
        claims: list[Claim] = []
        for part_claims, failed in extracted:
            claims.extend(part_claims)
            errors.extend((doc_id, _restored(portable)) for doc_id, portable in failed)
        return claims

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
    ) -> Judgement:
        """What :func:`reconcile.judge.judge` decides, with facts judged bucket by bucket.

        Claims of one document must be in one partition (stated conversions link them): claims
        are cut into partitions only between documents.
        """
        tol = Tolerance.of(tolerance)
        target = _target(currency)
        batch_claims = list(claims)
        parts = self._scatter(_document_partitions(batch_claims, CLAIMS_PER_PARTITION))
        with _gc_paused(len(batch_claims) >= 20_000):
            surveys = self.client.gather(self.client.map(_survey_task, parts))
            window = DateRange.hull(window for window, _, _ in surveys)
            shadowed = set().union(*(s for _, s, _ in surveys)) if surveys else set()
            fx = FxWindow(rates, window, unknown_date_window)
            if any(unit != target for _, _, units in surveys for unit in units) and target not in fx.table.currencies:
                known = ", ".join(fx.table.currencies)
                raise FxError(f"unknown report currency {target!r}; the rate table knows {known}")
            judged = self._shuffled(parts, shadowed, target, fx, tol)
            trust = self._trust(judged)
            decided = self.client.gather(
                self.client.map(_decide_task, judged, trust.contests, trust.encoded, trust=trust.scored, target=target)
            )
            return _judgement(batch_claims, decided, target, fx, tol, lexicon, report_single_source, trust)

    def _shuffled(self, parts: list[Future], shadowed: set[str], target: str, fx: FxWindow, tol: Tolerance) -> list[Future]:
        """Group-by on the blocking key: split each partition by bucket, then judge each bucket."""
        buckets = self.buckets
        splits = self.client.map(_split_task, parts, buckets=buckets)
        shared = self.client.scatter([shadowed, fx, tol], broadcast=True)
        judged = []
        for bucket in range(buckets):
            pieces = [self.client.submit(_pick, split, bucket) for split in splits]
            judged.append(
                self.client.submit(_bucket_task, *pieces, shadowed=shared[0], target=target, fx=shared[1], tol=shared[2])
            )
        return judged

    def _trust(self, judged: list[Future]) -> _Trust:
        """Source trust as an iterative aggregate: a round per bucket, a sum, until it settles."""
        contests = self.client.map(_contests_task, judged)
        outlets = self.client.gather(self.client.map(_outlets_task, contests))
        names = tuple(sorted(set().union(*outlets))) if outlets else ()
        [index] = self.client.scatter([{name: i for i, name in enumerate(names)}], broadcast=True)
        encoded = self.client.map(_encode_task, contests, index=index)
        if not names:
            return _Trust(names, None, None, contests, encoded)
        backing = [int(b) for b in _sum(self.client.gather(self.client.map(_backing_task, encoded, outlets=len(names))))]
        trust = scored = [TRUST_INITIAL] * len(names)
        for _ in range(max(1, TRUST_ITERATIONS)):
            scored = trust  # the sides' confidences are those of the last round's input trust
            totals = _sum(self.client.gather(self.client.map(_round_task, encoded, trust=trust, pure=False)))
            updated = [min(0.99, totals[i] / backing[i]) for i in range(len(names))]
            change = max((abs(a - b) for a, b in zip(updated, trust)), default=0.0)
            trust = updated
            if change < TRUST_EPSILON:
                break
        return _Trust(names, trust, scored, contests, encoded)


def _cold(lexicon: Lexicon) -> Lexicon:
    """The lexicon without its matchers cache (built on first use, unpicklable: a warm lexicon
    cannot be sent to the workers; each worker builds its own)."""
    return attrs.evolve(lexicon)


def _target(currency: str) -> str:
    target = currency.strip().upper() if isinstance(currency, str) else currency
    if not isinstance(target, str) or len(target) != 3 or not target.isalpha():
        raise FxError(f"currency must be an ISO 4217 code such as 'USD', got {currency!r}")
    return target


def _document_partitions(claims: Sequence[Claim], size: int) -> list[list[Claim]]:
    """Claims in partitions of about ``size``, cut only where the document changes."""
    parts: list[list[Claim]] = []
    current: list[Claim] = []
    docs: dict[str, int] = {}
    for claim in claims:
        docs.setdefault(claim.doc_id, len(docs))
    for claim in sorted(claims, key=lambda c: docs[c.doc_id]):
        if len(current) >= size and current[-1].doc_id != claim.doc_id:
            parts.append(current)
            current = []
        current.append(claim)
    return parts + ([current] if current else [])


def _verdicts(decided: Sequence[tuple[list[Verdict], dict[str, FxError]]]) -> Iterator[Verdict]:
    for verdicts, _ in decided:
        yield from verdicts


def _judgement(
    claims: list[Claim],
    decided: Sequence[tuple[list[Verdict], dict[str, FxError]]],
    target: str,
    fx: FxWindow,
    tol: Tolerance,
    lexicon: Lexicon | None,
    single: bool,
    trust: _Trust,
) -> Judgement:
    """The gathered verdicts in fact order, measured conversions and every detector's findings."""
    by_id = {c.id: c for c in claims}
    judged = tuple(sorted(_verdicts(decided), key=lambda v: v.fact.id))
    failures = {claim_id: exc for _, part in decided for claim_id, exc in part.items()}
    batch = Batch(
        claims=tuple(claims),
        verdicts=judged,
        currency=target,
        tolerance=tol,
        stage=_stage_lookup(lexicon),
        conversions=stated_conversions(claims, by_id, fx, tol, judged),
        fx_failures=tuple((by_id[claim_id], exc) for claim_id, exc in sorted(failures.items())),
        report_single_source=single,
    )
    findings = sorted(FINDING_KINDS.detect(batch), key=finding_order)
    values = trust.values or []
    return Judgement(
        facts=tuple(v.fact for v in judged),
        findings=tuple(findings),
        currency=target,
        claims=tuple(claims),
        tolerance=tol,
        window=fx.window or fx.given_window,
        trust=dict(sorted(zip(trust.names, values))),
    )
