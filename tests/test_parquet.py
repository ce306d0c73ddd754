"""Parquet in and out: every field of documents and claims survives the round trip."""

from __future__ import annotations

import attrs
import pytest

pytest.importorskip("pyarrow", reason="Parquet needs the 'parquet' extra (pyarrow)")

from reconcile import extract_claims, load_documents, reconcile
from reconcile.model import STAGES, Claim, Document, Evidence
from reconcile.parquet import (
    ParquetError,
    _claim_row,
    read_claims,
    read_documents,
    read_finding_rows,
    write_claims,
    write_documents,
    write_findings,
)


@pytest.fixture(scope="module")
def corpus():
    return load_documents("seeds")


@pytest.fixture(scope="module")
def claims(corpus):
    return extract_claims(corpus)


def test_documents_round_trip(tmp_path, corpus):
    path = tmp_path / "docs.parquet"
    write_documents(corpus, path)
    assert read_documents(path) == list(corpus)


def test_claims_round_trip_with_their_evidence(tmp_path, claims):
    evidence = (Evidence("subject", "clause_actor", "explicit", 0, 9, "ByteDance"), Evidence("action", "default", "default"))
    claims = [attrs.evolve(claims[0], evidence=evidence), *claims[1:]]
    path = tmp_path / "claims.parquet"
    write_claims(claims, path)
    back = read_claims(path)
    assert back == claims
    assert [c.evidence for c in back] == [c.evidence for c in claims]


def test_every_claim_field_has_a_column(claims):
    row = _claim_row(claims[0])
    for field in attrs.fields(Claim):
        if field.name == "quantity":
            continue
        assert field.name in row or f"{field.name}_start" in row, f"Claim.{field.name} is not written to Parquet"


def test_group_subjects_and_missing_values_survive(tmp_path, claims):
    group = attrs.evolve(claims[0], subject=("Alibaba", "Tencent"), period=None, published=None, attributed_to=None)
    lone = attrs.evolve(claims[0], subject=None, object=None)
    path = tmp_path / "claims.parquet"
    write_claims([group, lone], path)
    assert read_claims(path) == [group, lone]


def test_findings_keep_their_claim_ids_and_details(tmp_path, claims):
    report = reconcile(claims)
    path = tmp_path / "findings.parquet"
    write_findings(report.findings, path)
    rows = read_finding_rows(path)
    assert [r["kind"] for r in rows] == [f.kind for f in report.findings]
    assert rows[0]["claim_ids"] == [c.id for c in report.findings[0].claims]
    assert isinstance(rows[0]["details"], dict)


def test_a_file_of_another_table_or_not_parquet_is_a_typed_error(tmp_path, corpus):
    docs = tmp_path / "docs.parquet"
    write_documents(corpus, docs)
    with pytest.raises(ParquetError, match=r"docs\.parquet: expected reconcile claims \(schema 1\), found documents/1"):
        read_claims(docs)
    junk = tmp_path / "junk.parquet"
    junk.write_text("not parquet", encoding="utf-8")
    with pytest.raises(ParquetError, match=r"junk\.parquet: cannot read as Parquet"):
        read_documents(junk)


def test_an_empty_batch_writes_an_empty_table(tmp_path):
    path = tmp_path / "none.parquet"
    write_claims([], path)
    assert read_claims(path) == []
    write_documents([Document("a", "x")], path)
    assert read_documents(path)[0].published is None


def test_every_stage_survives_the_round_trip(tmp_path, claims):
    staged = [attrs.evolve(claims[0], stage=stage, id=f"s{n}") for n, stage in enumerate(STAGES)]
    path = tmp_path / "claims.parquet"
    write_claims(staged, path)
    assert [c.stage for c in read_claims(path)] == list(STAGES)


def test_a_claims_repeats_survives(tmp_path, claims):
    restated = attrs.evolve(claims[0], repeats=claims[1].id)
    path = tmp_path / "claims.parquet"
    write_claims([restated, claims[1]], path)
    assert [c.repeats for c in read_claims(path)] == [claims[1].id, None]
