"""The command line: formats, output file, exit codes, problems on stderr, python -m."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.cli import EXIT_CONTRADICTION, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def contradicting(tmp_path) -> Path:
    path = tmp_path / "two.jsonl"
    rows = [
        {"id": "a", "lang": "en", "published": "2024-10-01", "publisher": "Wire A",
         "text": "ByteDance ordered 100,000 Nvidia H20 chips in 2024."},
        {"id": "b", "lang": "en", "published": "2024-10-02", "publisher": "Wire B",
         "text": "ByteDance ordered 300,000 Nvidia H20 chips in 2024."},
    ]
    lines = [json.dumps(rows[0]), "this line is not JSON", json.dumps(rows[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_seeds_table(tmp_path):
    code, out, err = cli(str(SEEDS))
    assert code == EXIT_OK
    assert out.startswith("SEVERITY")
    assert "stage_gap" in out and "conversion_consistent" in out
    assert "documents; extracting claims" in err  # progress on stderr, not in the report


def test_seeds_json_is_the_report_schema():
    code, out, _ = cli(str(SEEDS), "--format", "json", "--quiet")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["schema_version"] == "2" and data["currency"] == "USD"
    assert data["summary"]["findings"]["stage_gap"] == 1


def test_markdown_and_currency():
    code, out, _ = cli(str(SEEDS), "--format", "md", "--currency", "eur", "-q")
    assert code == EXIT_OK
    assert out.startswith("# Reconciliation report") and "(currency EUR)" in out


def test_html_to_file(tmp_path):
    target = tmp_path / "report.html"
    code, out, err = cli(str(SEEDS), "--format", "html", "-o", str(target))
    assert code == EXIT_OK and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "report written to" in err


def test_fail_on_contradiction(contradicting):
    code, out, err = cli(str(contradicting), "--fail-on-contradiction")
    assert code == EXIT_CONTRADICTION
    assert "contradiction" in out
    # the bad line is reported on stderr and did not stop the run
    assert "line 2" in err and "invalid JSON" in err
    code, _, _ = cli(str(contradicting))
    assert code == EXIT_OK


def test_no_contradiction_in_seeds_passes_the_gate():
    code, _, _ = cli(str(SEEDS), "--fail-on-contradiction", "-q")
    assert code == EXIT_OK


@pytest.mark.parametrize(
    "argv",
    [
        ["/no/such/path"],
        [str(SEEDS), "--format", "pdf"],
        [str(SEEDS), "--currency", "dollars"],
        [str(SEEDS), "--currency", "XYZ"],
        [],
    ],
)
def test_bad_usage_or_input_exits_2(argv):
    code, out, err = cli(*argv)
    assert code == EXIT_USAGE
    assert out == ""
    assert err


def test_bad_lexicon_exits_2(tmp_path):
    bad = tmp_path / "lexicon.toml"
    bad.write_text("[[actor\nthis is not toml", encoding="utf-8")
    code, _, err = cli(str(SEEDS), "--lexicon", str(bad))
    assert code == EXIT_USAGE
    assert "lexicon.toml" in err


def test_python_dash_m(contradicting):
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", str(contradicting), "--format", "json", "--fail-on-contradiction"],
        check=False, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == EXIT_CONTRADICTION
    assert json.loads(done.stdout)["summary"]["contradictions"] == 1
    helped = subprocess.run(
        [sys.executable, "-m", "reconcile", "--help"], check=False, capture_output=True, text=True, timeout=60
    )
    assert helped.returncode == EXIT_OK and "Exit codes" in helped.stdout


def test_several_paths_are_one_batch(capsys):
    root = Path(__file__).resolve().parent.parent
    code = run([str(root / "seeds"), str(root / "examples" / "corpus_en"), "--format", "json", "-q"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    documents = {claim["doc_id"] for claim in data["claims"]}
    assert any(d.startswith("00") for d in documents) and any(d.startswith("en_") for d in documents)
    assert data["summary"]["contradictions"] >= 2


def test_a_document_that_fails_extraction_is_reported_and_the_rest_go_on(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "klingon", "lang": "tlh", "text": "ByteDance qaStaHvIS 100 000 chips."}\n'
        '{"id": "good", "lang": "en", "text": "ByteDance ordered 100,000 H20 chips in 2024."}\n',
        encoding="utf-8",
    )
    code = run([str(path), "--format", "json", "-q"])
    captured = capsys.readouterr()
    assert code == 0
    assert "klingon" in captured.err
    assert {claim["doc_id"] for claim in json.loads(captured.out)["claims"]} == {"good"}


def test_the_table_says_each_finding_in_one_short_line():
    code, out, _ = cli(str(SEEDS), str(ROOT / "examples" / "corpus_en"), "-q")
    assert code == EXIT_OK
    lines = out.split("\n\n")[0].splitlines()[2:]  # the rows, before the blank line and the summary
    kinds = ("error", "warning", "info")
    assert lines and all(line.split()[0] in kinds for line in lines), "a finding spread over several lines"
    messages = sorted(len(line.split(None, 2)[2]) for line in lines)
    assert messages[len(messages) // 2] < 200, messages
    code, verbose, _ = cli(str(SEEDS), str(ROOT / "examples" / "corpus_en"), "-q", "--verbose")
    assert code == EXIT_OK and "Sentences:" in verbose and len(verbose) > 2 * len(out)


# --------------------------------------------------------------------------- input hygiene (issue 12)


def _jsonl(path: Path, *rows: dict) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_the_same_id_in_two_paths_is_kept_under_a_new_id_and_reported(tmp_path):
    first = _jsonl(tmp_path / "first.jsonl", {"id": "story", "lang": "en", "publisher": "Wire A",
                                              "text": "Zephyr Motors delivered 1,000 trucks in 2023."})
    second = _jsonl(tmp_path / "second.jsonl", {"id": "story", "lang": "en", "publisher": "Wire B",
                                                "text": "Zephyr Motors delivered 4,000 trucks in 2023."})
    code, out, err = cli(str(first), str(second), "--format", "json")
    assert code == EXIT_OK
    assert "'story' was already read from" in err and "story@second.jsonl" in err
    data = json.loads(out)
    assert {d["id"] for d in data["documents"]} == {"story", "story@second.jsonl"}
    assert any("story@second.jsonl" in p for p in data["problems"])
    code, _, _ = cli(str(first), str(second), "--strict", "-q")
    assert code == EXIT_SKIPPED


@pytest.mark.parametrize("files", [{}, {"page.html": "<p>Zephyr Motors sold 12 trucks.</p>"}])
def test_no_readable_document_exits_2_with_a_message(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = cli(str(tmp_path))
    assert code == EXIT_USAGE and out == ""
    assert "no readable document" in err or "no document" in err
    if files:
        assert "page.html: ignored" in err  # the ignored file is named


def test_ignored_files_are_listed_and_strict_fails_on_them(tmp_path):
    (tmp_path / "a.txt").write_text("Zephyr Motors delivered 1,000 trucks in 2023.", encoding="utf-8")
    (tmp_path / "notes.html").write_text("<p>not an article</p>", encoding="utf-8")
    code, out, err = cli(str(tmp_path), "--format", "json")
    assert code == EXIT_OK and "notes.html: ignored" in err
    assert any("notes.html" in p for p in json.loads(out)["problems"])
    code, out, err = cli(str(tmp_path), "--strict")
    assert code == EXIT_SKIPPED and out.startswith("SEVERITY") and "--strict" in err


def test_currency_and_output_are_checked_before_any_work(tmp_path):
    code, out, err = cli(str(SEEDS), "--currency", "XYZ")
    assert code == EXIT_USAGE and "unknown currency 'XYZ'" in err and "loading" not in err and out == ""
    code, out, err = cli(str(SEEDS), "-o", str(tmp_path / "missing" / "r.html"))
    assert code == EXIT_USAGE and "cannot write the report" in err and "loading" not in err and out == ""
    code, out, err = cli(str(SEEDS), "-o", str(tmp_path))
    assert code == EXIT_USAGE and "it is a folder" in err and "loading" not in err and out == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal():
    out, err = io.StringIO(), _Terminal()
    assert run([str(SEEDS)], stdout=out, stderr=err) == EXIT_OK
    assert "extracting [" in err.getvalue() and "5/5 documents" in err.getvalue()
    code, _, piped = cli(str(SEEDS))
    assert code == EXIT_OK and "extracting [" not in piped


def test_wrong_argument_types_raise_type_error():
    from reconcile import pipeline, reconcile

    with pytest.raises(TypeError, match="sources must be"):
        pipeline.run(42)
    with pytest.raises(TypeError, match="sources must be"):
        pipeline.run([SEEDS, 3.5])
    with pytest.raises(TypeError, match="currency must be a str"):
        pipeline.run(SEEDS, currency=840)
    with pytest.raises(TypeError, match="lexicon must be"):
        pipeline.run(SEEDS, lexicon=["Zephyr"])
    with pytest.raises(TypeError, match="got str"):
        reconcile("Zephyr Motors delivered 1,000 trucks.")
    with pytest.raises(TypeError, match="got a dict"):
        reconcile([{"text": "1,000"}])
