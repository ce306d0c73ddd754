"""The HTML report in a real browser: headless Chromium loads it, shows the findings, and runs
no script that came from article text or metadata.

No Python browser driver: Chromium's ``--dump-dom`` prints the DOM after the load event (and after
``--virtual-time-budget`` of timers), so whatever a script changed shows in the dump. The test fails,
never skips, when Chromium is missing: CI installs it (``.ci/run``).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reconcile import reconcile
from reconcile.documents import load_documents
from reconcile.extract import extract_claims
from reconcile.model import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BROWSER_TIMEOUT_S = 60

SCRIPT_PAYLOAD = "<script>document.title='PWNED'</script>"
IMG_PAYLOAD = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
# Same payloads spelled as attribute breakers, for metadata that may land inside an attribute.
ATTR_PAYLOAD = "\"'><svg onload=\"document.body.setAttribute('data-pwned','1')\">"


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "headless Chromium is required for the HTML report test and was not found "
        "(apt-get install chromium; .ci/run installs it)"
    )


def run_chromium(page: Path, profile: Path, *mode: str) -> subprocess.CompletedProcess:
    command = [
        chromium_binary(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
        *mode,
        page.resolve().as_uri(),
    ]
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S)
    assert result.returncode == 0, f"chromium exited {result.returncode}: {result.stderr[-2000:]}"
    return result


def dump_dom(page: Path, tmp_path: Path) -> Dom:
    result = run_chromium(page, tmp_path / "profile", "--dump-dom")
    assert result.stdout.strip(), f"chromium printed no DOM: {result.stderr[-2000:]}"
    return Dom.parse(result.stdout)


class Dom(HTMLParser):
    """What a test needs from a DOM dump: title, visible text, script bodies, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.text_parts: list[str] = []
        self.scripts: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.tags: list[str] = []
        self._stack: list[str] = []

    @classmethod
    def parse(cls, markup: str) -> Dom:
        dom = cls()
        dom.feed(markup)
        dom.close()
        return dom

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        inside = self._stack[-1] if self._stack else ""
        if inside == "title" and "svg" not in self._stack:  # an SVG's <title> is a tooltip, not the page's
            self.title += data
        elif inside == "script":
            self.scripts.append(data)
        elif inside != "style":
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text_parts))

    def has_attribute(self, name: str) -> bool:
        return any(attr == name for _, attr, _ in self.attributes)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


@pytest.fixture(scope="module")
def seeds_report():
    corpus = load_documents(SEEDS)
    return reconcile(extract_claims(corpus), documents=corpus)


def test_chromium_runs_page_scripts(tmp_path):
    """Control: in this mode Chromium does run scripts, so their absence below means something."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!doctype html><html><head><title>before</title></head><body>"
        "<script>document.title='ran'; document.body.setAttribute('data-ran','1')</script>"
        "<img src=x onerror=\"document.body.setAttribute('data-onerror','1')\"></body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(page, tmp_path)
    assert dom.title == "ran"
    assert dom.has_attribute("data-ran")
    assert dom.has_attribute("data-onerror")


def test_seeds_report_loads_and_shows_every_finding(seeds_report, tmp_path):
    page = tmp_path / "report.html"
    seeds_report.to_html(page)
    assert page.stat().st_size > 0
    dom = dump_dom(page, tmp_path)

    assert seeds_report.findings, "the seeds must yield findings for this test to mean anything"
    shown = normalise(dom.text)
    for finding, verdict in zip(seeds_report.findings, seeds_report.verdicts()):
        assert normalise(finding.message) in shown, f"finding not visible: {finding.message!r}"
        assert normalise(verdict) in shown, f"verdict not visible: {verdict!r}"
    assert "table" in dom.tags
    # the summary: counts by kind and severity, the documents and outlets read
    assert "Read 5 documents from" in shown and "stage_gap" in shown
    assert "Business AM" in shown and "ByteDance achète des puces Nvidia" in shown  # outlet and title
    # a chart per fact, drawn as inline SVG (bars and the consensus band), no script
    assert dom.tags.count("svg") >= len([f for f in seeds_report.facts if f.claims])
    assert "rect" in dom.tags or "polygon" in dom.tags
    assert ("rect", "class", "consensus") in dom.attributes
    assert not dom.scripts


def test_filters_hide_findings_without_script(seeds_report, tmp_path):
    """Unchecking a kind's checkbox hides its findings by CSS alone. The report runs no script, so
    the probe is the test's own page: the report's notebook view with one box unchecked, and a
    script of the test that reads the computed styles into the title."""
    view = seeds_report._repr_html_().replace("id='show-k-stage_gap' checked", "id='show-k-stage_gap'")
    assert "id='show-k-stage_gap'>" in view
    probe = (
        "<script>addEventListener('load', () => {"
        "const shown = k => [...document.querySelectorAll('.finding.' + k)]"
        ".map(e => getComputedStyle(e).display !== 'none');"
        "document.title = JSON.stringify({gap: shown('k-stage_gap'), info: shown('s-info')});});</script>"
    )
    page = tmp_path / "filtered.html"
    page.write_text(f"<!doctype html><html><head><title>-</title></head><body>{view}{probe}</body></html>",
                    encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    shown = json.loads(dom.title)
    assert shown["gap"] == [False] * len(seeds_report.of_kind("stage_gap")) and shown["gap"]
    assert shown["info"] and all(shown["info"])


def test_seeds_report_screenshot_renders(seeds_report, tmp_path):
    page = tmp_path / "report.html"
    seeds_report.to_html(page)
    shot = tmp_path / "report.png"
    run_chromium(page, tmp_path / "profile", "--hide-scrollbars", "--window-size=1280,1600", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000, "a report page with tables renders to more than a blank PNG"


def hostile_documents() -> list[Document]:
    """Two outlets that contradict each other on one figure, with scripts in text and metadata."""
    return [
        Document(
            id="hostile-fr",
            lang="fr",
            published="2024-10-01",
            publisher=f"Le Soir {SCRIPT_PAYLOAD}",
            title=f"Commandes {IMG_PAYLOAD}",
            url="javascript:document.title='PWNED'",
            cites=(f"Agence {ATTR_PAYLOAD}",),
            text=(
                "ByteDance a commandé 100 000 puces Nvidia H20 en 2024 "
                f"{SCRIPT_PAYLOAD} {IMG_PAYLOAD} selon nos informations."
            ),
        ),
        Document(
            id="hostile-en",
            lang="en",
            published="2024-10-02",
            publisher=f"Daily {IMG_PAYLOAD}",
            title=f"Orders {ATTR_PAYLOAD}",
            text=(
                "ByteDance ordered 300,000 Nvidia H20 chips in 2024 "
                f"{IMG_PAYLOAD} {SCRIPT_PAYLOAD} according to people familiar with the matter."
            ),
        ),
    ]


def sentences_in(report) -> list[str]:
    return [claim.sentence for fact in report.facts for claim in fact.claims]


def assert_nothing_ran(dom: Dom) -> None:
    assert "PWNED" not in dom.title
    assert not dom.has_attribute("data-pwned")
    assert not any("PWNED" in body or "data-pwned" in body for body in dom.scripts), "article text inside a <script>"
    from_article = [
        (tag, name, value or "")
        for tag, name, value in dom.attributes
        if "PWNED" in (value or "") or "data-pwned" in (value or "")
    ]
    # Article text may sit in a title= or data- attribute as text, never where a browser runs it.
    assert not [a for a in from_article if a[1].startswith("on")], f"inline handler from article text: {from_article}"
    assert not [a for a in from_article if a[1] in ("href", "src", "action", "formaction")], (
        f"javascript: URL from article metadata: {from_article}"
    )
    assert not any(tag in ("svg", "iframe", "object", "embed") for tag, _, _ in from_article)
    links = [value or "" for _, name, value in dom.attributes if name in ("href", "xlink:href")]
    assert all(link.startswith(("https://", "http://")) for link in links), f"a link that is not http(s): {links}"


def test_article_text_cannot_run_script_in_the_html_report(tmp_path):
    report = reconcile(extract_claims(hostile_documents()))
    assert any("PWNED" in sentence for sentence in sentences_in(report)), (
        "the hostile sentences must reach the report, else this test proves nothing"
    )
    page = tmp_path / "hostile.html"
    report.to_html(page)
    dom = dump_dom(page, tmp_path)

    assert_nothing_ran(dom)
    # The payload is shown to the reader as the text it is.
    assert "document.title='PWNED'" in dom.text


def test_article_text_cannot_run_script_in_the_notebook_view(tmp_path):
    report = reconcile(extract_claims(hostile_documents()))
    page = tmp_path / "notebook_view.html"
    page.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>view</title></head>"
        f"<body>{report._repr_html_()}</body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(page, tmp_path)
    assert dom.title == "view"
    assert_nothing_ran(dom)


def with_hostile_evidence(report):
    """The hostile report with evidence on every claim whose words carry the payloads (extraction
    fills evidence in another branch; here it is set by hand)."""
    import attrs

    from reconcile.model import Evidence
    from reconcile.report import Report

    def evidenced(claim):
        return attrs.evolve(claim, evidence=(
            Evidence("subject", f"clause_actor {SCRIPT_PAYLOAD}", "explicit", 0, 9, f"ByteDance {IMG_PAYLOAD}"),
            Evidence("period", "default", "default", text=ATTR_PAYLOAD),
        ))

    facts = [attrs.evolve(f, claims=[evidenced(c) for c in f.claims]) for f in report.facts]
    findings = [attrs.evolve(f, claims=[evidenced(c) for c in f.claims]) for f in report.findings]
    return Report(facts=facts, findings=findings, currency=report.currency, claims=[evidenced(c) for c in report.claims])


def test_evidence_shows_on_demand_and_cannot_run_script(tmp_path):
    report = with_hostile_evidence(reconcile(extract_claims(hostile_documents())))
    page = tmp_path / "evidence.html"
    report.to_html(page)
    dom = dump_dom(page, tmp_path)
    assert_nothing_ran(dom)
    assert "details" in dom.tags and "summary" in dom.tags
    assert not any(tag == "details" and name == "open" for tag, name, _ in dom.attributes), "evidence starts closed"
    assert "clause_actor <script>document.title='PWNED'</script>" in dom.text
