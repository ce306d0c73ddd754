"""Loading documents: the seed folder, JSONL, direct construction, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
import warnings
from pathlib import Path

import pytest

from reconcile.documents import Corpus, DocumentWarning, UnknownDocument, detect_language, load_documents
from reconcile.errors import DocumentError
from reconcile.model import DateRange, Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def manifest_entries() -> list[dict]:
    # read independently of the loader (the seed manifest writes `published = null`, which TOML lacks)
    text = (SEEDS / "sources.toml").read_text(encoding="utf-8").replace("published = null", "")
    return tomllib.loads(text)["document"]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


def write_manifest(folder: Path, entries: str) -> None:
    (folder / "sources.toml").write_text(entries, encoding="utf-8")


# --- the seeds ----------------------------------------------------------------------------------


def test_the_seed_folder_loads_cleanly():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_documents(SEEDS)
    entries = manifest_entries()
    assert len(corpus) == 5 and corpus.problems == ()
    assert corpus.ids == tuple(Path(e["file"]).stem for e in entries)
    assert corpus.ids[0] == "000_2ce192f800cc9e70"
    for document, entry in zip(corpus, entries):
        assert document.text == (SEEDS / entry["file"]).read_text(encoding="utf-8")
        assert document.lang == entry["language"] == "fr"
        assert document.cites == tuple(entry["cites"])
        assert document.title == entry.get("title")
        assert document.publisher == entry.get("publisher")
        if entry.get("published") is None:
            assert document.published is None
        else:
            expected = DateRange(entry["published"]["from"], entry["published"]["to"])
            assert document.published == expected
    assert corpus.by_id("003_5ea87f24b2afe1fb").published is None
    assert corpus.by_id("004_42fc832b30304d07").publisher == "Business AM"
    assert corpus.by_id("001_c204f0c458efb32b").cites == ("Financial Times", "The Information")
    assert corpus.by_id("001_c204f0c458efb32b").title is None  # never guessed
    assert corpus[0].published == DateRange(dt.date(2024, 12, 1), dt.date(2025, 1, 31))


def test_one_file_and_the_manifest_path_load_too():
    single = load_documents(SEEDS / "004_42fc832b30304d07.txt")
    assert single.ids == ("004_42fc832b30304d07",) and single[0].publisher == "Business AM"
    assert load_documents(str(SEEDS / "sources.toml")).ids == load_documents(SEEDS).ids


# --- the corpus ---------------------------------------------------------------------------------


def test_corpus_from_documents_built_in_a_script():
    docs = [Document("b", "ByteDance ordered chips.", "en"), Document("a", "Huawei a livré.", "fr")]
    corpus = Corpus(docs)
    assert list(corpus) == docs and len(corpus) == 2
    assert corpus[1].id == "a" and corpus[-1].id == "a" and corpus[:1] == (docs[0],)
    assert corpus["b"] is docs[0] and corpus.by_id("a") is docs[1]
    with pytest.raises(UnknownDocument) as caught:
        corpus.by_id("c")
    assert isinstance(caught.value, DocumentError) and isinstance(caught.value, KeyError)
    assert "c [id]: no document with this id (known: b, a)" == str(caught.value)
    with pytest.raises(DocumentError, match="no document at this position"):
        corpus[5]
    with pytest.raises(DocumentError, match="two documents share this id"):
        Corpus([docs[0], docs[0]])
    with pytest.raises(TypeError):
        Corpus(["not a document"])  # type: ignore[list-item]
    assert Corpus() == Corpus([]) and len(Corpus()) == 0


# --- bad files in a folder ------------------------------------------------------------------------


def test_binary_and_empty_files_are_reported_and_the_others_load(seed_copy):
    (seed_copy / "000_2ce192f800cc9e70.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seed_copy / "002_7b16a96ed3c31638.txt").write_text("  \n\n", encoding="utf-8")
    with pytest.warns(DocumentWarning) as caught:
        corpus = load_documents(seed_copy)
    assert corpus.ids == ("001_c204f0c458efb32b", "003_5ea87f24b2afe1fb", "004_42fc832b30304d07")
    assert len(corpus.problems) == 2
    binary, empty = corpus.problems
    assert "000_2ce192f800cc9e70.txt" in str(binary) and "binary" in str(binary) and binary.field == "text"
    assert "002_7b16a96ed3c31638.txt" in str(empty) and "empty file" in str(empty)
    assert sum("skipped" in str(w.message) for w in caught) == 2


def test_a_legacy_encoding_is_decoded_with_a_warning(seed_copy):
    (seed_copy / "000_2ce192f800cc9e70.txt").write_bytes("Soci\xe9t\xe9 g\xe9n\xe9rale : 3 milliards d\x80".encode("latin-1"))
    with pytest.warns(DocumentWarning, match=r"000_2ce192f800cc9e70\.txt: not UTF-8; decoded as cp1252"):
        corpus = load_documents(seed_copy)
    assert corpus.by_id("000_2ce192f800cc9e70").text == "Société générale : 3 milliards d€"
    assert len(corpus) == 5 and not corpus.problems


def only_problem(corpus, field):
    assert len(corpus.problems) == 1, corpus.problems
    problem = corpus.problems[0]
    assert problem.field == field
    return problem


def test_a_manifest_entry_whose_file_is_missing_is_reported_and_the_others_load(seed_copy):
    (seed_copy / "002_7b16a96ed3c31638.txt").unlink()
    with pytest.warns(DocumentWarning, match=r"skipped: 002_7b16a96ed3c31638\.txt \[file\]: listed in .*sources\.toml \(entry #3\) but not found"):
        corpus = load_documents(seed_copy)
    assert only_problem(corpus, "file").source == "002_7b16a96ed3c31638.txt"
    assert len(corpus) == 4 and "002_7b16a96ed3c31638" not in corpus.ids


def test_a_manifest_entry_without_a_file_key_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("ByteDance a commandé des puces.", encoding="utf-8")
    write_manifest(tmp_path, '[[document]]\nlanguage = "fr"\n')
    with pytest.warns(DocumentWarning, match=r"entry #1 \[file\]: has no 'file'"):
        corpus = load_documents(tmp_path)
    assert "entry #1" in str(only_problem(corpus, "file"))
    assert corpus.ids == ("a",)  # on disk, so it loads with default metadata


@pytest.mark.parametrize(
    "published",
    ['"2025-13-01"', '"soon"', '{ from = "2025-02-01", to = "2025-01-01" }', '{ from = "2025-01-01" }', "12"],
)
def test_an_invalid_date_skips_that_document_naming_file_and_field(tmp_path, published):
    (tmp_path / "a.txt").write_text("ByteDance a commandé des puces.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Alibaba a commandé des puces.", encoding="utf-8")
    write_manifest(tmp_path, f'[[document]]\nfile = "a.txt"\npublished = {published}\n[[document]]\nfile = "b.txt"\n')
    with pytest.warns(DocumentWarning, match=r"a\.txt \[published\]: invalid date"):
        corpus = load_documents(tmp_path)
    assert only_problem(corpus, "published").source == "a.txt"
    assert corpus.ids == ("b",)


@pytest.mark.parametrize(
    ("entry", "field"),
    [('cites = "Reuters"\ntitle = 3', "title"), ("cites = [1, 2]", "cites"), ("publisher = []", "publisher"),
     ('language = "fr"\nlang = "en"', "language")],
)
def test_badly_typed_manifest_fields_skip_that_document(tmp_path, entry, field):
    (tmp_path / "a.txt").write_text("ByteDance a commandé des puces.", encoding="utf-8")
    write_manifest(tmp_path, f'[[document]]\nfile = "a.txt"\n{entry}\n')
    with pytest.warns(DocumentWarning, match=rf"a\.txt \[{field}\]"):
        corpus = load_documents(tmp_path)
    assert only_problem(corpus, field) and len(corpus) == 0


def test_manifest_shapes_that_raise_or_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    write_manifest(tmp_path, "[[document]\nfile = 'a.txt'")
    with pytest.raises(DocumentError, match=r"sources\.toml: invalid TOML"):
        load_documents(tmp_path)
    write_manifest(tmp_path, "document = 'a.txt'")
    with pytest.raises(DocumentError, match=r"sources\.toml \[document\]: expected \[\[document\]\] entries"):
        load_documents(tmp_path)
    write_manifest(tmp_path, "x = " + "[" * 500 + "]" * 500)
    with pytest.raises(DocumentError, match=r"sources\.toml: invalid TOML: nested too deeply"):
        load_documents(tmp_path)
    write_manifest(tmp_path, "[[document]]\nfile = 'a.txt'\n[[document]]\nfile = 'a.txt'")
    with pytest.warns(DocumentWarning, match=r"a\.txt \[file\]: listed twice"):
        corpus = load_documents(tmp_path)
    assert corpus.ids == ("a",) and only_problem(corpus, "file")


@pytest.mark.parametrize("name", ["../secret.txt", "/etc/hostname", "sub/../../secret.txt"])
def test_a_manifest_cannot_read_outside_its_folder(tmp_path, name):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("SECRET 42 million dollars", encoding="utf-8")
    (folder / "ok.txt").write_text("Alibaba ordered 10 jets.", encoding="utf-8")
    write_manifest(folder, f'[[document]]\nfile = "{name}"\n[[document]]\nfile = "ok.txt"\n')
    with pytest.warns(DocumentWarning, match="leads outside the folder"):
        corpus = load_documents(folder)
    assert corpus.ids == ("ok",) and only_problem(corpus, "file")
    assert all("SECRET" not in d.text for d in corpus)


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "ok.txt").write_text("Alibaba ordered 10 jets.", encoding="utf-8")
    with pytest.warns(DocumentWarning):
        corpus = load_documents(folder)
    assert corpus.ids == ("ok",) and "outside the folder" in str(only_problem(corpus, "file"))


def test_a_very_long_file_name_is_a_typed_problem(tmp_path):
    (tmp_path / "ok.txt").write_text("Alibaba ordered 10 jets.", encoding="utf-8")
    write_manifest(tmp_path, f'[[document]]\nfile = "{"x" * 5000}.txt"\n[[document]]\nfile = "ok.txt"\n')
    with pytest.warns(DocumentWarning):
        corpus = load_documents(tmp_path)
    assert corpus.ids == ("ok",) and only_problem(corpus, "file")


@pytest.mark.parametrize(
    "line",
    ['{"id": "big", "text": "x", "n": ' + "9" * 4301 + "}", '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"],
    ids=["int-past-the-digit-limit", "nested-too-deep"],
)
def test_a_jsonl_line_python_cannot_read_is_skipped_and_the_others_load(tmp_path, line):
    path = tmp_path / "a.jsonl"
    path.write_text(line + '\n{"id": "ok", "text": "Alibaba ordered 10 jets."}\n', encoding="utf-8")
    with pytest.warns(DocumentWarning, match=r"a\.jsonl line 1: unreadable JSON"):
        corpus = load_documents(path)
    assert corpus.ids == ("ok",) and len(corpus.problems) == 1


def test_a_file_without_manifest_entry_loads_with_defaults_and_a_warning(seed_copy):
    (seed_copy / "005_extra.md").write_text("ByteDance ordered 100,000 chips from Nvidia, the company said.", encoding="utf-8")
    with pytest.warns(DocumentWarning, match=r"005_extra\.md: no entry in sources\.toml"):
        corpus = load_documents(seed_copy)
    extra = corpus.by_id("005_extra")
    assert len(corpus) == 6 and corpus.ids[-1] == "005_extra"
    assert (extra.lang, extra.published, extra.publisher, extra.cites, extra.title) == ("en", None, None, (), None)


def test_a_folder_without_manifest_warns_once_and_detects_languages(tmp_path):
    (tmp_path / "b.txt").write_text("ByteDance a commandé des puces pour ses centres de données.", encoding="utf-8")
    (tmp_path / "a.md").write_text("ByteDance ordered chips for its data centres.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    with pytest.warns(DocumentWarning, match="no sources.toml; 2 file"):
        corpus = load_documents(tmp_path)
    assert [(d.id, d.lang) for d in corpus] == [("a", "en"), ("b", "fr")]


def test_manifest_accepts_toml_dates_null_and_overrides(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Huawei a livré 30 000 puces.", encoding="utf-8")
    write_manifest(
        tmp_path,
        "[[document]]\nfile = 'a.txt'\npublished = 2025-01-06\nlang = 'FR'\nurl = 'https://example.org/a'\n"
        "[[document]]\nfile = 'b.txt'\npublished = null  # unknown\nid = 'bee'\ncites = 'Reuters'\n"
        "[[document]]\nfile = 'c.txt'\npublished = { from = 2024-09-01, to = '2024-12-31' }\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_documents(tmp_path)
    a, b, c = corpus
    assert a.published == DateRange.day(dt.date(2025, 1, 6)) and a.lang == "fr" and a.url == "https://example.org/a"
    assert (b.id, b.published, b.cites) == ("bee", None, ("Reuters",))
    assert c.published == DateRange(dt.date(2024, 9, 1), dt.date(2024, 12, 31))


def test_two_files_with_one_stem_keep_the_first(tmp_path):
    (tmp_path / "a.md").write_text("ByteDance a commandé.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("ByteDance a reçu.", encoding="utf-8")
    with pytest.warns(DocumentWarning):
        corpus = load_documents(tmp_path)
    assert corpus.ids == ("a",) and corpus[0].text == "ByteDance a commandé."
    assert "a.txt" in str(corpus.problems[0]) and corpus.problems[0].field == "id"


def test_unusable_paths_raise(tmp_path):
    with pytest.raises(DocumentError, match="no such file or folder"):
        load_documents(tmp_path / "missing")
    (tmp_path / "data.csv").write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"data\.csv: expected a folder"):
        load_documents(tmp_path / "data.csv")
    with pytest.raises(TypeError):
        load_documents(42)  # type: ignore[arg-type]


# --- JSONL --------------------------------------------------------------------------------------


def test_jsonl_loads_in_line_order_and_reports_bad_lines(tmp_path):
    good = [
        {"id": "x1", "text": "ByteDance a commandé 100 000 puces.", "lang": "fr", "published": "2024-09-15",
         "publisher": "Le Monde", "cites": ["Reuters"], "title": "Titre", "url": "https://example.org"},
        {"id": "x0", "text": "ByteDance ordered chips from Nvidia for its data centres.",
         "published": {"from": "2024-01-01", "to": "2024-12-31"}},
        {"text": "Huawei a livré 30 000 puces à ByteDance.", "language": "fr"},
    ]
    lines = [
        json.dumps(good[0]),
        "{not json",
        json.dumps(good[1]),
        json.dumps({"id": "y", "lang": "fr"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "z", "text": "x", "published": "2024-02-30"}),
        json.dumps({"id": "x1", "text": "duplicate"}),
        json.dumps(good[2]),
        json.dumps({"id": "w", "text": "   "}),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8") + b"\n" + b'{"id": "v", "text": "caf\xe9"}\n')
    with pytest.warns(DocumentWarning):
        corpus = load_documents(path)
    assert corpus.ids == ("x1", "x0", "articles-9")
    first, second, third = corpus
    assert (first.lang, first.published, first.publisher, first.cites, first.title, first.url) == (
        "fr", DateRange.day(dt.date(2024, 9, 15)), "Le Monde", ("Reuters",), "Titre", "https://example.org"
    )
    assert (second.lang, second.published) == ("en", DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert third.lang == "fr"
    messages = [str(p) for p in corpus.problems]
    assert len(messages) == 7
    expected = {2: "invalid JSON", 4: "missing 'text'", 6: "expected a JSON object", 7: "invalid date",
                8: "already has id 'x1'", 10: "empty text", 11: "not UTF-8"}
    for message, (line, reason) in zip(messages, expected.items()):
        assert f"articles.jsonl line {line}" in message and reason in message


def test_an_empty_jsonl_file_is_an_empty_corpus(tmp_path):
    path = tmp_path / "none.ndjson"
    path.write_text("\n\n", encoding="utf-8")
    assert len(load_documents(path)) == 0


# --- language detection -------------------------------------------------------------------------


def test_detect_language_on_the_seeds_and_short_texts():
    for path in sorted(SEEDS.glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "fr"
    assert detect_language("The Information reported that the TikTok owner placed orders.") == "en"
    assert detect_language("") == "en" and detect_language("", default="fr") == "fr"
