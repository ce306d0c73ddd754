"""The report's renderings: JSON schema, frames, Markdown, HTML (escaped, CSP), table."""

from __future__ import annotations

import json
import math
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import reconcile
from reconcile.errors import ReconcileError
from reconcile.model import Claim, DateRange, Quantity
from reconcile.report import SCHEMA_VERSION, Report, format_interval, format_number

SCRIPT = "<script>alert('x')</script>"
HANDLER = "<img src=x onerror=\"alert(1)\">"


def make_claim(doc, quantity, *, sentence=None, publisher=None, **extra) -> Claim:
    return Claim(
        id=f"{doc}#1",
        doc_id=doc,
        start=0,
        end=len(quantity.text),
        text=quantity.text,
        sentence=sentence or f"ByteDance ordered {quantity.text} H20.",
        quantity=quantity,
        subject=extra.pop("subject", "ByteDance"),
        action=extra.pop("action", "order"),
        object=extra.pop("obj", "H20"),
        period=extra.pop("period", DateRange.year(2024)),
        publisher=publisher or f"Outlet {doc}",
        **extra,
    )


@pytest.fixture(scope="module")
def report() -> Report:
    more = Quantity(200_000, math.inf, 200_000, "chip", "count", "lower", "plus de 200 000")
    about = Quantity(114_000, 126_000, 120_000, "chip", "count", "approx", "about 120,000 | x")
    hostile = make_claim("evil", about, sentence=f"ByteDance ordered {SCRIPT} {HANDLER} about 120,000 chips.",
                         publisher=f"Daily {HANDLER}")
    ordered = make_claim("002", Quantity.exact(100_000, "chip", "count", "100 000"), obj="Ascend 910B")
    received = make_claim("002b", Quantity.exact(30_000, "chip", "count", "30 000"), obj="Ascend 910B", action="receive")
    return reconcile([make_claim("fr", more), hostile, ordered, received])


def test_findings_and_facts(report):
    assert {f.kind for f in report.findings} == {"contradiction", "stage_gap"}
    assert report.findings[0].kind == "contradiction"  # errors first
    assert len(report.facts) == 3
    assert report.fact(report.findings[0].fact_id).object == "H20"
    with pytest.raises(ReconcileError):
        report.fact("nope")


def test_json_follows_the_documented_schema(report):
    data = json.loads(report.to_json())
    assert data["schema_version"] == SCHEMA_VERSION == "2"
    assert set(data) == {"schema_version", "currency", "tolerance", "window", "summary", "findings", "facts",
                         "claims", "documents", "trust", "problems"}
    assert data["summary"]["contradictions"] == 1
    assert data["summary"]["claims"] == 4
    finding = data["findings"][0]
    assert set(finding) == {"kind", "severity", "fact_id", "message", "verdict", "confidence", "why", "claims", "documents", "details"}
    assert 0 <= finding["confidence"] <= 1 and finding["why"]
    assert finding["documents"] == ["evil", "fr"]
    fact = next(f for f in data["facts"] if f["id"] == finding["fact_id"])
    assert set(fact) == {"id", "subject", "action", "object", "kind", "unit", "period", "consensus", "claims"}
    assert fact["period"] == {"from": "2024-01-01", "to": "2024-12-31"}
    claim = next(c for c in data["claims"] if c["id"] == "fr#1")
    assert claim["quantity"]["high"] is None  # infinity is null
    assert claim["quantity"]["low"] == 200_000
    assert claim["sources"] == ["Outlet fr"]
    # every details value is plain JSON (no NaN/Infinity tokens)
    assert "Infinity" not in report.to_json() and "NaN" not in report.to_json()


def test_json_of_group_subject_is_a_list():
    q = Quantity(400_000, math.inf, 400_000, "chip", "count", "lower", "plus de 400 000")
    one = make_claim("a", q, subject=("Alibaba", "ByteDance", "Tencent"), obj="H200", action="approve")
    data = json.loads(reconcile([one]).to_json())
    assert data["facts"][0]["subject"] == ["Alibaba", "ByteDance", "Tencent"]


def test_to_frame(report):
    pd = pytest.importorskip("pandas")  # pandas is in the test extra; this never skips in CI
    findings = report.to_frame()
    assert list(findings.columns[:4]) == ["kind", "severity", "fact_id", "message"]
    assert len(findings) == len(report.findings)
    facts = report.to_frame("facts")
    assert len(facts) == len(report.facts) and "consensus_low" in facts.columns
    claims = report.to_frame("claims")
    assert len(claims) == 4 and "sentence" in claims.columns
    assert isinstance(findings, pd.DataFrame)
    with pytest.raises(ReconcileError):
        report.to_frame("nonsense")


def test_to_frame_without_pandas_says_what_to_install(report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ReconcileError, match="pip install"):
        report.to_frame()


def test_markdown_escapes_and_lists_claims(report):
    md = report.to_markdown()
    assert md.startswith("# Reconciliation report")
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "about 120,000 \\| x" in md  # a pipe cannot break the table
    assert "| error | contradiction |" in md


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_escaped_and_locked_down(report, tmp_path):
    path = tmp_path / "r.html"
    page = report.to_html(path)
    assert path.read_text(encoding="utf-8") == page
    assert "<script" not in page.lower()
    assert "<img" not in page and "&lt;img src=x onerror=" in page
    assert "default-src 'none'; style-src 'unsafe-inline'" in page
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    assert not [name for name, _ in parsed.attrs if name in ("src", "action")]
    assert all(value.startswith(("https://", "http://")) for name, value in parsed.attrs if name == "href")
    text = " ".join(parsed.text)
    assert "<script>alert('x')</script>" in text  # shown as text
    # findings come first, the contradiction is highlighted
    assert page.index("Findings") < page.index("Facts")
    assert "finding k-contradiction s-error" in page
    for finding, verdict in zip(report.findings, report.verdicts()):
        assert html_text(finding.message) in " ".join(text.split())
        assert html_text(verdict) in " ".join(text.split())


def html_text(message: str) -> str:
    return " ".join(message.split())


def test_repr_html_is_escaped(report):
    fragment = report._repr_html_()
    assert "<script" not in fragment.lower() and "&lt;script&gt;" in fragment
    assert "<html" not in fragment


def test_table_and_str(report):
    table = report.to_table(width=100)
    assert str(report) == report.to_table()
    assert table.splitlines()[0].startswith("SEVERITY")
    assert "contradiction" in table and "stage_gap" in table
    findings = table.splitlines()[2 : 2 + len(report.findings)]
    assert [line.split()[:2] for line in findings] == [[f.severity, f.kind] for f in report.findings]
    assert all(verdict in line for verdict, line in zip(report.verdicts(), findings))  # one line each
    assert table.splitlines()[-1] == report.summary()
    verbose = report.to_table(width=100, verbose=True)
    assert all(" ".join(f.message.split()[:6]) in " ".join(verbose.split()) for f in report.findings)


def test_empty_report_renders_everywhere():
    empty = reconcile([])
    assert "(no findings)" in empty.to_table()
    assert json.loads(empty.to_json())["findings"] == []
    assert "No findings." in empty.to_markdown() and "No findings." in empty.to_html()


def test_problems_are_carried():
    empty = reconcile([], problems=["bad.txt: not UTF-8"])
    assert json.loads(empty.to_json())["problems"] == ["bad.txt: not UTF-8"]
    assert "problem: bad.txt: not UTF-8" in empty.to_table()


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (999, "999"), (1500, "1,500"), (2.5e6, "2.5 M"), (5.6e9, "5.6 bn"), (-3e9, "-3 bn"), (0.1372, "0.137")],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_interval_shapes():
    assert format_interval(1, 1, "") == "1"
    assert format_interval(-math.inf, math.inf, "USD") == "any USD"
    assert format_interval(-math.inf, 5, "chip") == "≤ 5 chip"


bounds = st.sampled_from(["exact", "approx", "lower", "upper"])


@st.composite
def random_claims(draw):
    claims = []
    for i in range(draw(st.integers(min_value=0, max_value=8))):
        value = draw(st.floats(min_value=1, max_value=1e12, allow_nan=False))
        bound = draw(bounds)
        low, high = {
            "exact": (value, value),
            "approx": (value * 0.9, value * 1.1),
            "lower": (value, math.inf),
            "upper": (0.0, value),
        }[bound]
        quantity = Quantity(low, high, value, "chip", "count", bound, draw(st.text(max_size=12)))
        claims.append(
            make_claim(
                f"d{i}", quantity,
                sentence=draw(st.text(max_size=40)),
                action=draw(st.sampled_from(["order", "receive"])),
                period=draw(st.sampled_from([None, DateRange.year(2024), DateRange.year(2025)])),
                hedged=draw(st.booleans()),
            )
        )
    return claims


@settings(max_examples=40, deadline=None)
@given(random_claims())
def test_any_report_serialises_consistently(claims):
    report = reconcile(claims)
    data = json.loads(report.to_json())
    ids = {c["id"] for c in data["claims"]}
    assert data["summary"]["claims"] == len(ids) == len(claims)
    assert sum(data["summary"]["findings"].values()) == len(data["findings"])
    for finding in data["findings"]:
        assert set(finding["claims"]) <= ids and finding["message"]
    for fact in data["facts"]:
        assert set(fact["claims"]) <= ids
    page = report.to_html()
    assert "<script" not in page.lower().replace("&lt;script", "")
    assert report.to_markdown() and report.to_table()


def _evidenced_claim() -> Claim:
    from reconcile.model import Evidence

    return Claim(
        "ev#1", "ev", 17, 19, "12", "ByteDance bought 12 <b>chips</b>.", Quantity.exact(12, "chip", "count", "12"),
        subject="ByteDance", action="buy",
        evidence=(
            Evidence("subject", "clause_actor", "explicit", 0, 9, "ByteDance"),
            Evidence("period", "default", "default"),
        ),
    )


def test_json_documents_each_claims_evidence():
    data = json.loads(reconcile([_evidenced_claim()]).to_json())
    assert data["schema_version"] == "2"
    assert data["claims"][0]["evidence"] == [
        {"slot": "subject", "resolver": "clause_actor", "origin": "explicit", "start": 0, "end": 9, "text": "ByteDance"},
        {"slot": "period", "resolver": "default", "origin": "default", "start": None, "end": None, "text": ""},
    ]
    from reconcile.report import schema

    for key in ("evidence", "slot", "resolver", "origin", "start", "end", "text"):
        assert f'"{key}"' in schema.__doc__


def test_html_shows_evidence_in_a_closed_details_without_script():
    report = reconcile([_evidenced_claim()])
    page = report.to_html()
    assert "<details class='evidence'><summary>evidence</summary>" in page
    assert "<td>clause_actor</td><td>explicit</td><td>ByteDance</td><td>0–9</td>" in page
    assert "<details open" not in page and "<script" not in page
    assert "content=\"default-src 'none'; style-src 'unsafe-inline'\"" in page
    # no evidence recorded: no empty details
    plain = reconcile([make_claim("p", Quantity.exact(1, "chip", "count", "1"))])
    assert "<details class='evidence'" not in plain.to_html()


def test_renderers_are_one_registry_shared_by_report_and_cli():
    from reconcile.cli import build_parser
    from reconcile.report import RENDERERS, Renderers

    assert list(RENDERERS) == ["table", "json", "md", "html", "frame", "plot"]
    choices = next(a.choices for a in build_parser()._actions if a.dest == "format")
    assert tuple(choices) == RENDERERS.text_formats() == ("table", "json", "md", "html")
    report = reconcile([make_claim("p", Quantity.exact(1, "chip", "count", "1"))])
    assert report.render("md") == report.to_markdown() and report.render("table", width=80) == report.to_table(80)
    with pytest.raises(ReconcileError, match="unknown output format 'csv'"):
        report.render("csv")
    with pytest.raises(ReconcileError, match="already registered"):
        RENDERERS.register("json", lambda r: "")
    mine = Renderers()
    mine.register("count", lambda r: str(len(r.findings)))
    assert mine["count"].document(report) == f"{len(report.findings)}\n"


def test_the_schema_lists_every_registered_finding_kind():
    import re

    from reconcile.judge import FINDING_KINDS
    from reconcile.report import schema

    listed = schema.__doc__.split('"kind": ')[1].split("#")[0]
    assert re.findall(r'"(\w+)"', listed) == list(FINDING_KINDS)


def test_title_and_url_reach_json_and_markdown():
    from reconcile.model import Document

    docs = [
        Document("fr", "x", "fr", publisher="Le Soir", title="Des puces | <b>commandées</b>",
                 url="https://example.org/fr"),
        Document("evil", "x", "en", publisher="Daily", title="Orders", url="javascript:alert(1)"),
    ]
    more = Quantity(200_000, math.inf, 200_000, "chip", "count", "lower", "plus de 200 000")
    about = Quantity(114_000, 126_000, 120_000, "chip", "count", "approx", "about 120,000")
    report = reconcile([make_claim("fr", more), make_claim("evil", about)], documents=docs)
    data = json.loads(report.to_json())
    claim = next(c for c in data["claims"] if c["doc_id"] == "fr")
    assert (claim["title"], claim["url"]) == ("Des puces | <b>commandées</b>", "https://example.org/fr")
    assert [d["id"] for d in data["documents"]] == ["fr", "evil"] and "text" not in data["documents"][0]
    assert data["summary"]["documents"] == 2 and data["summary"]["severities"] == {"error": 1}
    assert data["findings"][0]["verdict"] == report.verdicts()[0]
    md = report.to_markdown()
    assert "[Des puces \\| &lt;b&gt;commandées&lt;/b&gt;](<https://example.org/fr>)" in " ".join(md.split())
    assert "javascript:" not in md  # an address that is not http(s) never becomes a link
    assert max(len(line) for line in md.splitlines()) <= 100 + 40  # wrapped; a long word may overrun


def test_plot_draws_one_panel_per_fact_with_the_consensus(report):
    pytest.importorskip("matplotlib")  # in the test extra; this never skips in CI
    import matplotlib

    matplotlib.use("Agg")
    fig = report.plot()
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert len(panels) == len(report.facts)
    assert any("ByteDance · order · H20" in ax.get_title(loc="left") for ax in panels)
    assert fig.not_drawn == []
    with pytest.raises(ReconcileError, match="nothing to plot"):
        report.plot(min_claims=99)
