"""The whole pipeline on real articles: load -> extract -> reconcile.

On the five French seeds (which do not contradict each other) and on the English corpus of
``examples/corpus_en`` whose planted cases are listed in ``expected_findings.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile import reconcile
from reconcile.documents import load_documents
from reconcile.extract import extract_claims

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS_EN = ROOT / "examples" / "corpus_en"
EXPECTED = json.loads((CORPUS_EN / "expected_findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds_report():
    return reconcile(extract_claims(load_documents(SEEDS)))


@pytest.fixture(scope="module")
def both_report():
    documents = [*load_documents(SEEDS), *load_documents(CORPUS_EN)]
    return reconcile(extract_claims(documents))


def _subject(value):
    return tuple(value) if isinstance(value, list) else value


def _documents(finding) -> set[str]:
    return {c.doc_id for c in finding.claims}


def _facts_of(report, finding):
    """The facts a finding speaks of (a stage gap spans two)."""
    ids = {finding.fact_id}
    for side in ("earlier", "later"):
        if side in finding.details:
            ids.add(finding.details[side]["fact_id"])
    return [report.fact(i) for i in ids if i is not None]


def matches(report, finding, expected) -> bool:
    if finding.kind != expected["kind"] or not set(expected["docs"]) <= _documents(finding):
        return False
    subject = _subject(expected["subject"])
    if any(c.subject != subject or c.object != expected["object"] for c in finding.claims):
        return False
    facts = _facts_of(report, finding)
    actions = set(expected.get("actions") or [expected["action"]])
    if finding.kind == "conversion_mismatch":
        return all(c.action in actions for c in finding.claims)
    if {f.action for f in facts} != actions:
        return False
    period = expected.get("period")
    if period is not None:
        return all(f.period is None or (f.period.start.isoformat() <= period["to"]
                                        and period["from"] <= f.period.end.isoformat()) for f in facts)
    return True


# --------------------------------------------------------------------------- seeds


def test_seeds_stage_gap_ordered_100000_received_30000(seeds_report):
    gaps = [
        f for f in seeds_report.of_kind("stage_gap")
        if f.details["earlier"]["action"] == "order" and f.details["later"]["action"] == "receive"
        and all(c.object == "Ascend 910B" and c.subject == "ByteDance" for c in f.claims)
    ]
    assert len(gaps) == 1
    (gap,) = gaps
    assert gap.details["ratio"] == pytest.approx(0.3, rel=0.05)
    assert "100 000" in gap.message and "30 000" in gap.message
    assert "not a contradiction" in gap.message


def test_seeds_undated_yuan_conversion_is_consistent(seeds_report):
    checks = [
        f for f in seeds_report.findings
        if f.kind.startswith("conversion_") and any("40 milliards de yuans" in c.text for c in f.claims)
    ]
    assert [f.kind for f in checks] == ["conversion_consistent"]
    (check,) = checks
    assert check.details["date_unknown"] is True
    assert check.details["from_currency"] == "CNY" and check.details["to_currency"] == "USD"
    low, high = check.details["actual_rate"]
    assert 0.13 < low <= high < 0.15
    assert "unknown" in check.message


def test_seeds_do_not_contradict_each_other(seeds_report):
    assert not seeds_report.of_kind("contradiction"), [f.message for f in seeds_report.of_kind("contradiction")]
    assert not seeds_report.of_kind("conversion_mismatch")


def test_seeds_report_renders(seeds_report):
    data = json.loads(seeds_report.to_json())
    assert data["summary"]["findings"].get("stage_gap") == 1
    assert "Ascend 910B" in seeds_report.to_markdown()


# --------------------------------------------------------------------------- English corpus + seeds


def test_expected_cases_are_planted():
    planted = [e["kind"] for e in EXPECTED]
    assert planted.count("contradiction") >= 2
    assert "stage_gap" in planted and "conversion_mismatch" in planted and "agreement" in planted


@pytest.mark.parametrize("expected", EXPECTED, ids=[f"{e['kind']}:{e['docs'][0]}" for e in EXPECTED])
def test_every_expected_finding_is_present(both_report, expected):
    found = [f for f in both_report.findings if matches(both_report, f, expected)]
    assert found, f"missing {expected['kind']} ({expected['note']})"


def test_no_contradiction_where_none_is_planted(both_report):
    planted = [e for e in EXPECTED if e["kind"] == "contradiction"]
    unexpected = [f.message for f in both_report.of_kind("contradiction")
                  if not any(matches(both_report, f, e) for e in planted)]
    assert not unexpected


def test_agreement_across_french_and_english(both_report):
    crossing = [
        f for f in both_report.of_kind("agreement")
        if {c.lang for c in f.claims} >= {"fr", "en"}
    ]
    assert crossing
    assert all(len(_documents(f)) >= 2 for f in crossing)


def test_contradiction_on_h20_names_both_sides(both_report):
    (h20,) = [f for f in both_report.of_kind("contradiction") if all(c.object == "H20" for c in f.claims)]
    sources = sorted(tuple(s["sources"]) for s in h20.details["sides"])
    assert ("Reuters",) in sources and ("The Information",) in sources
    assert "about 120,000" in h20.message and "more than 200,000" in h20.message


def test_dependent_sources_count_once_in_the_7bn_contradiction(both_report):
    (spend,) = [
        f for f in both_report.of_kind("contradiction")
        if all(c.object == "Nvidia AI chips" and c.action == "spend" for c in f.claims)
    ]
    # seed 000 and en_04 both rest on The Information: one source against the FT
    assert spend.details["independent_sources"] == 2


def test_run_is_load_extract_reconcile_in_one_call(seeds_report):
    from reconcile import pipeline

    said: list[str] = []
    report = pipeline.run(SEEDS, on_progress=said.append)
    corpus = load_documents(SEEDS)
    assert report.to_json() == reconcile(extract_claims(corpus), documents=corpus).to_json()
    assert [f.message for f in report.findings] == [f.message for f in seeds_report.findings]
    assert said[0] == f"loading {SEEDS}" and said[-1].endswith("reconciling in USD")


def test_run_reads_paths_and_documents_as_one_batch_and_reports_problems(tmp_path):
    from reconcile import pipeline
    from reconcile.errors import DocumentError
    from reconcile.model import Document

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        '{"id": "klingon", "lang": "tlh", "text": "ByteDance qaStaHvIS 100 000 chips."}\nnot json\n',
        encoding="utf-8",
    )
    extra = Document("extra", "ByteDance ordered 100,000 H20 chips in 2024.", "en")
    notices: list[str] = []
    report = pipeline.run([mixed, extra], currency="eur", on_notice=notices.append)
    assert report.currency == "EUR" and {c.doc_id for c in report.claims} == {"extra"}
    assert any("invalid JSON" in n for n in notices) and any(n.startswith("klingon: skipped:") for n in notices)
    assert len(report.problems) == 2
    with pytest.raises(DocumentError, match="no such file or directory"):
        pipeline.run([extra, tmp_path / "missing"])
