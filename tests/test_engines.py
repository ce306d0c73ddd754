"""The Dask engine gives the report of the local engine, on a LocalCluster of two worker processes.

One cluster for the module (starting one costs seconds); the corpora are the repository's own:
the French seeds, the seeds with the English corpus, and the own corpus with its lexicon. The
engine's partition sizes are lowered so that even these small corpora are cut into several
partitions and buckets, as a large corpus would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile import pipeline
from reconcile.engines import ENGINES, get_engine
from reconcile.errors import DocumentError, ReconcileError
from reconcile.model import Claim, Document, Quantity

distributed = pytest.importorskip("distributed")
dask_engine = pytest.importorskip("reconcile.engines.dask")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS_EN = ROOT / "examples" / "corpus_en"
OWN = ROOT / "examples" / "own_corpus"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


@pytest.fixture(autouse=True)
def small_partitions(monkeypatch):
    """Several partitions even on a handful of documents or claims."""
    monkeypatch.setattr(dask_engine, "DOCUMENTS_PER_PARTITION", 2)
    monkeypatch.setattr(dask_engine, "CLAIMS_PER_PARTITION", 5)


def _both(sources, client, **options) -> tuple[str, str]:
    local = pipeline.run(sources, **options)
    dask = pipeline.run(sources, engine="dask", client=client, **options)
    return local.to_json(), dask.to_json()


@pytest.mark.parametrize(
    ("sources", "options"),
    [
        ([SEEDS], {}),
        ([SEEDS, CORPUS_EN], {}),
        ([SEEDS, CORPUS_EN], {"currency": "EUR"}),
        ([OWN / "articles.jsonl"], {"lexicon": OWN / "lexicon.toml"}),
    ],
    ids=["seeds", "seeds+corpus_en", "seeds+corpus_en-EUR", "own_corpus"],
)
def test_same_report_on_both_engines(client, sources, options):
    local, dask = _both(sources, client, **options)
    assert '"findings": []' not in local  # the corpora have findings to compare
    assert dask == local


def test_a_failing_document_is_a_problem_on_both_engines(client):
    docs = [
        Document("a", "Acme ordered 20,000 widgets in 2024, Reuters reported.", "en", publisher="Wire One"),
        Document("b", "Dans un texte sans langue connue, 3 000 unités.", "xx"),
        Document("c", "Acme ordered 35,000 widgets in 2024, the FT said.", "en", publisher="Daily Two"),
    ]
    notices: dict[str, list[str]] = {"local": [], "dask": []}
    reports = {
        name: pipeline.run(docs, engine=name, client=client if name == "dask" else None, on_notice=notices[name].append)
        for name in notices
    }
    assert reports["dask"].to_json() == reports["local"].to_json()
    assert notices["dask"] == notices["local"] and len(notices["dask"]) == 1
    assert isinstance(reports["dask"].problems[0], DocumentError)


def test_claims_judged_directly_on_both_engines(client):
    """The judge alone on claims (what the scale benchmark runs), stated conversions included."""
    def claim(doc: str, n: int, value: float, unit: str, publisher: str, **extra) -> Claim:
        quantity = Quantity(value * 0.95, value * 1.05, value, unit, "money", "approx", f"{value} {unit}")
        return Claim(f"{doc}#{n}", doc, n * 10, n * 10 + 5, "x", "x", quantity, subject="Acme", action="spend",
                     publisher=publisher, **extra)

    claims = [
        claim("a", 1, 4e9, "CNY", "Wire One", equivalents=("a#2",)),
        claim("a", 2, 9e8, "USD", "Wire One", equivalents=("a#1",)),
        claim("b", 1, 5.6e8, "USD", "Daily Two"),
        claim("c", 1, 1.1e9, "USD", "Weekly Three"),
        claim("d", 1, 5.5e8, "USD", "Monthly Four"),
    ]
    local = pipeline.reconcile(claims)
    dask = dask_engine.DaskEngine(client).judge(claims)
    assert [f.kind for f in dask.findings] == [f.kind for f in local.findings]
    assert pipeline.Report.of(dask).to_json() == local.to_json()


def test_engines_by_name():
    assert sorted(ENGINES) == ["dask", "local"]
    with pytest.raises(ReconcileError, match="unknown engine"):
        pipeline.run(Document("a", "Acme sold 3 units.", "en"), engine="spark")
    with pytest.raises(ReconcileError, match="takes no client"):
        get_engine("local", client=object())
