"""Parquet in and out: documents, claims and findings as Arrow tables.

Extraction and judging can then run as separate jobs (extract once, judge many times with other
tolerances or currencies), and a user can load the claims into pandas, DuckDB or Spark. Needs the
``parquet`` extra (``pip install 'reconcile[parquet]'``, which brings ``pyarrow``).

Each table is flat where a reader would filter (``quantity_low``, ``quantity_unit``,
``period_start`` …) and nested where the data is a list (``cites``, ``equivalents``,
``evidence``). Dates are Arrow ``date32``; an unknown period or publication date is null. The
schema's version is stored in the file's metadata (``reconcile.schema``) and checked on reading.

>>> import tempfile, pathlib
>>> from reconcile import Document, extract_claims
>>> doc = Document("d1", "Apple earned $6bn in 2010, Reuters said.", "en", published="2011-01-18")
>>> claims = extract_claims([doc])
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "claims.parquet"
...     write_claims(claims, path)
...     read_claims(path) == claims
True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.errors import ReconcileError
from reconcile.model import Claim, DateRange, Document, Evidence, Finding, Quantity

if TYPE_CHECKING:
    import pyarrow as pa

SCHEMA_VERSION = "1"
_METADATA_KEY = b"reconcile.schema"


class ParquetError(ReconcileError):
    """A Parquet file is not one reconcile wrote, or pyarrow is missing; names the file."""


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ParquetError("Parquet needs pyarrow: pip install 'reconcile[parquet]'") from exc
    return pyarrow


# --- rows --------------------------------------------------------------------------------------


def _range_row(prefix: str, value: DateRange | None) -> dict[str, dt.date | None]:
    return {f"{prefix}_start": value.start if value else None, f"{prefix}_end": value.end if value else None}


def _range_of(row: Mapping[str, Any], prefix: str) -> DateRange | None:
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    return DateRange(start, end) if start is not None and end is not None else None


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "text": doc.text, "lang": doc.lang, **_range_row("published", doc.published),
        "publisher": doc.publisher, "cites": list(doc.cites), "title": doc.title, "url": doc.url,
        "country": doc.country,
    }


def _document_of(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["id"], text=row["text"], lang=row["lang"], published=_range_of(row, "published"),
        publisher=row["publisher"], cites=tuple(row["cites"] or ()), title=row["title"], url=row["url"],
        country=row.get("country"),
    )


_QUANTITY_FIELDS = ("low", "high", "stated", "unit", "kind", "bound", "text")


def _claim_row(claim: Claim) -> dict[str, Any]:
    subject = claim.subject
    row: dict[str, Any] = {
        "id": claim.id, "doc_id": claim.doc_id, "start": claim.start, "end": claim.end, "text": claim.text,
        "sentence": claim.sentence, "sentence_start": claim.sentence_start, "lang": claim.lang,
        "subject": list(subject) if isinstance(subject, tuple) else ([subject] if subject else []),
        "subject_is_group": isinstance(subject, tuple),
        "action": claim.action, "stage": claim.stage, "object": claim.object, "hedged": claim.hedged,
        "attributed_to": claim.attributed_to, "equivalents": list(claim.equivalents),
        "repeats": claim.repeats, "publisher": claim.publisher, "cites": list(claim.cites),
        **_range_row("period", claim.period), **_range_row("published", claim.published),
        "evidence": [
            {"slot": e.slot, "resolver": e.resolver, "origin": e.origin, "start": e.start, "end": e.end, "text": e.text}
            for e in claim.evidence
        ],
    }
    row.update({f"quantity_{name}": getattr(claim.quantity, name) for name in _QUANTITY_FIELDS})
    return row


def _claim_of(row: Mapping[str, Any]) -> Claim:
    members = tuple(row["subject"] or ())
    subject: Any = members if row["subject_is_group"] else (members[0] if members else None)
    quantity = Quantity(**{name: row[f"quantity_{name}"] for name in _QUANTITY_FIELDS})
    return Claim(
        id=row["id"], doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"],
        sentence=row["sentence"], quantity=quantity, subject=subject, action=row["action"],
        stage=row.get("stage") or "actual", object=row["object"],
        period=_range_of(row, "period"), hedged=row["hedged"], attributed_to=row["attributed_to"],
        equivalents=tuple(row["equivalents"] or ()), sentence_start=row["sentence_start"], lang=row["lang"],
        published=_range_of(row, "published"), publisher=row["publisher"], cites=tuple(row["cites"] or ()),
        evidence=tuple(Evidence(**e) for e in row["evidence"] or ()), repeats=row.get("repeats"),
    )


def _finding_row(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind, "severity": finding.severity, "message": finding.message, "fact_id": finding.fact_id,
        "claim_ids": [c.id for c in finding.claims], "details": json.dumps(finding.details, default=str, ensure_ascii=False),
    }


# --- tables ------------------------------------------------------------------------------------


def _schemas(pa: Any) -> dict[str, pa.Schema]:
    strings = pa.list_(pa.string())
    date_range = lambda prefix: [(f"{prefix}_start", pa.date32()), (f"{prefix}_end", pa.date32())]
    evidence = pa.list_(pa.struct([
        ("slot", pa.string()), ("resolver", pa.string()), ("origin", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
    ]))
    return {
        "documents": pa.schema([
            ("id", pa.string()), ("text", pa.string()), ("lang", pa.string()), *date_range("published"),
            ("publisher", pa.string()), ("cites", strings), ("title", pa.string()), ("url", pa.string()),
            ("country", pa.string()),
        ]),
        "claims": pa.schema([
            ("id", pa.string()), ("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
            ("text", pa.string()), ("sentence", pa.string()), ("sentence_start", pa.int64()), ("lang", pa.string()),
            ("quantity_low", pa.float64()), ("quantity_high", pa.float64()), ("quantity_stated", pa.float64()),
            ("quantity_unit", pa.string()), ("quantity_kind", pa.string()), ("quantity_bound", pa.string()),
            ("quantity_text", pa.string()),
            ("subject", strings), ("subject_is_group", pa.bool_()), ("action", pa.string()), ("stage", pa.string()),
            ("object", pa.string()), *date_range("period"), ("hedged", pa.bool_()), ("attributed_to", pa.string()), ("equivalents", strings),
            ("repeats", pa.string()),
            *date_range("published"), ("publisher", pa.string()), ("cites", strings), ("evidence", evidence),
        ]),
        "findings": pa.schema([
            ("kind", pa.string()), ("severity", pa.string()), ("message", pa.string()), ("fact_id", pa.string()),
            ("claim_ids", strings), ("details", pa.string()),
        ]),
    }


def _write(table_name: str, rows: Iterable[Mapping[str, Any]], path: str | Path) -> None:
    pa = _arrow()
    schema = _schemas(pa)[table_name]
    schema = schema.with_metadata({_METADATA_KEY: f"{table_name}/{SCHEMA_VERSION}".encode()})
    table = pa.Table.from_pylist(list(rows), schema=schema)
    pa.parquet.write_table(table, str(path))


def _read(table_name: str, path: str | Path) -> list[dict[str, Any]]:
    pa = _arrow()
    try:
        table = pa.parquet.read_table(str(path))
    except (OSError, pa.ArrowException) as exc:
        raise ParquetError(f"{path}: cannot read as Parquet: {exc}") from exc
    found = (table.schema.metadata or {}).get(_METADATA_KEY, b"").decode()
    if found != f"{table_name}/{SCHEMA_VERSION}":
        raise ParquetError(f"{path}: expected reconcile {table_name} (schema {SCHEMA_VERSION}), found {found or 'no reconcile schema'}")
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def write_documents(documents: Iterable[Document], path: str | Path) -> None:
    """Write documents (with their text and metadata) to a Parquet file."""
    _write("documents", (_document_row(d) for d in documents), path)


def read_documents(path: str | Path) -> list[Document]:
    """Documents written by :func:`write_documents`; :class:`ParquetError` for any other file."""
    return [_document_of(row) for row in _read("documents", path)]


def write_claims(claims: Iterable[Claim], path: str | Path) -> None:
    """Write claims, with their quantities, periods, provenance and evidence, to a Parquet file."""
    _write("claims", (_claim_row(c) for c in claims), path)


def read_claims(path: str | Path) -> list[Claim]:
    """Claims written by :func:`write_claims`, equal to those written (evidence included)."""
    return [_claim_of(row) for row in _read("claims", path)]


def write_findings(findings: Sequence[Finding], path: str | Path) -> None:
    """Write findings (kind, severity, message, fact, claim ids, details as JSON) to a Parquet file.

    Findings refer to claims by id: write the claims too to keep what they rest on.
    """
    _write("findings", (_finding_row(f) for f in findings), path)


def read_finding_rows(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a findings file, as dicts (``details`` decoded from JSON)."""
    rows = _read("findings", path)
    for row in rows:
        row["details"] = json.loads(row["details"]) if row["details"] else {}
    return rows
