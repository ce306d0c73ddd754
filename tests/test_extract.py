"""extract_claims: scored against hand-annotated gold sets, equivalences, ids, input forms and errors.

The frame of each behaviour (sentence -> expected subject, action, object, period, hedge, credit) is
a table of cases in tests/extract_cases.json, run by tests/test_extract_cases.py."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.documents import load_documents
from reconcile.errors import DocumentError
from reconcile.extract import extract_claims, split_sentences
from reconcile.model import DateRange, Document

ROOT = Path(__file__).resolve().parent.parent
# Scoring is evaluation code (evaluation/scoring.py), not the library's: import it from there.
sys.path.insert(0, str(ROOT / "evaluation"))
from scoring import load_gold, score_claims

GOLD_SETS = {
    "seeds (fr)": (ROOT / "seeds", ROOT / "tests" / "gold" / "seeds.json"),
    "corpus_en": (ROOT / "examples" / "corpus_en", ROOT / "examples" / "corpus_en" / "gold.json"),
}


def fr(text: str, published=None, **kw) -> Document:
    return Document(id=kw.pop("id", "d"), text=text, lang="fr", published=published, **kw)


def en(text: str, published=None, **kw) -> Document:
    return Document(id=kw.pop("id", "d"), text=text, lang="en", published=published, **kw)


def only(claims):
    assert len(claims) == 1, [(c.text, c.sentence) for c in claims]
    return claims[0]


# --- gold sets ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_gold_precision_and_recall(name):
    folder, gold_path = GOLD_SETS[name]
    corpus = load_documents(folder)
    assert not corpus.problems
    problems: list = []
    score = score_claims(extract_claims(corpus, errors=problems), load_gold(gold_path))
    print(f"\n{name}: {score.summary()}\n  fields: {score.field_summary()}")
    for gold in score.missed:
        print("  missed", gold["doc_id"], gold["start"], gold["text"])
    for claim in score.spurious:
        print("  spurious", claim.id, claim.text)
    for claim, gold in score.wrong_frames:
        print("  frame", claim.id, (claim.subject, claim.action, claim.object), "gold", (gold["subject"], gold["action"], gold["object"]))
    assert problems == []
    assert score.gold >= 14
    assert score.precision >= 0.9 and score.recall >= 0.9
    assert score.frame_precision >= 0.85 and score.frame_recall >= 0.85
    assert score.fields["period"] >= 0.85 and score.fields["attributed_to"] >= 0.85


def test_gold_offsets_point_at_their_text():
    for folder, gold_path in GOLD_SETS.values():
        texts = {d.id: d.text for d in load_documents(folder)}
        for gold in load_gold(gold_path):
            assert texts[gold["doc_id"]][gold["start"] : gold["end"]] == gold["text"]


def test_claim_offsets_and_sentences_index_the_document():
    for folder, _ in GOLD_SETS.values():
        corpus = load_documents(folder)
        for claim in extract_claims(corpus):
            text = corpus.by_id(claim.doc_id).text
            assert text[claim.start : claim.end] == claim.text
            assert text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence


# --- equivalences and repetitions ---------------------------------------------------------


def test_equivalence_pairs_point_at_each_other():
    for doc in (
        fr("ByteDance prévoit d’acheter pour plus de 40 milliards de yuans (soit environ 5,6 milliards de dollars) de puces Ascend."),
        en("ByteDance will spend RMB40bn (about $5.5bn) on Ascend chips."),
        en("ByteDance plans to buy more than 40 billion yuan, or roughly $4.2 billion, of Huawei's Ascend AI chips."),
    ):
        yuan, dollars = extract_claims(doc)
        assert (yuan.quantity.unit, dollars.quantity.unit) == ("CNY", "USD")
        assert yuan.equivalents == (dollars.id,) and dollars.equivalents == (yuan.id,)
        assert yuan.object == dollars.object == "Ascend"


def test_figures_in_one_sentence_that_are_not_equal_are_not_equivalents():
    bought, received = extract_claims(en("Tencent bought 200,000 H20 chips, while Alibaba received 30,000 H20 chips."))
    assert bought.equivalents == received.equivalents == ()


def test_repeated_figure_stays_a_claim_of_its_own():
    claims = extract_claims(fr(
        "ByteDance investit 5,6 milliards de dollars dans les puces Ascend. "
        "Ce partenariat à 5,6 milliards de dollars est énorme.",
        id="rep",
    ))
    assert [c.id for c in claims] == ["rep#1", "rep#2"]
    assert [c.quantity.stated for c in claims] == [5.6e9, 5.6e9]
    assert [(c.subject, c.action, c.object) for c in claims] == [("ByteDance", "spend", "Ascend")] * 2


# --- provenance, input forms, errors --------------------------------------------------------------


def test_claims_carry_their_provenance():
    doc = en("Tencent bought 200,000 H20 chips.", published="2024-09-20", publisher="Wire", cites=["Reuters"])
    claim = only(extract_claims(doc))
    assert (claim.published, claim.publisher, claim.cites, claim.lang) == (DateRange.parse("2024-09-20"), "Wire", ("Reuters",), "en")
    assert claim.sources == ("Reuters",)


def test_accepts_a_document_a_list_or_a_corpus():
    doc = en("Tencent bought 200,000 H20 chips.")
    assert extract_claims(doc) == extract_claims([doc]) == extract_claims(iter([doc]))
    corpus = load_documents(ROOT / "seeds")
    assert len(extract_claims(corpus)) == len(extract_claims(list(corpus)))


def test_ids_follow_text_order():
    claims = extract_claims(en("Tencent bought 200,000 H20 chips. Alibaba bought 5,000 H20 chips. ByteDance bought 9,000 H20 chips.", id="x"))
    assert [c.id for c in claims] == ["x#1", "x#2", "x#3"]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_a_bad_document_does_not_lose_the_others():
    good = en("Tencent bought 200,000 H20 chips.", id="good")
    unknown_language = Document(id="klingon", text="ByteDance 100 000", lang="tlh")
    problems: list = []
    claims = extract_claims([unknown_language, "not a document", good], errors=problems)
    assert [c.doc_id for c in claims] == ["good"]
    assert [doc_id for doc_id, _ in problems] == ["klingon", "#1"]
    assert all(isinstance(err, DocumentError) for _, err in problems)
    assert "tlh" in str(problems[0][1])


def test_without_an_error_list_problems_are_warned():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = extract_claims([Document(id="klingon", text="1", lang="tlh"), en("Tencent bought 200,000 H20 chips.")])
    assert len(claims) == 1
    assert any("klingon" in str(w.message) for w in caught)


def test_sentences_keep_offsets_and_abbreviations():
    text = "Title line\nThe U.S. curbs bite. Nvidia sells H20 chips! Did it? Yes."
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == ["Title line", "The U.S. curbs bite.", "Nvidia sells H20 chips!", "Did it?", "Yes."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_runs_without_a_sentence_end_are_cut_into_bounded_pieces():
    from reconcile.extract import MAX_SENTENCE

    text = "ByteDance a commandé 100 000 puces H20, " * 200
    sentences = split_sentences(text, "fr")
    assert len(sentences) > 1 and all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert len(extract_claims(fr(text))) == 200


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ByteDance Nvidia H20 puces 0123456789 ,.$€()\nmilliards de dollars soit environ")), max_size=200),
       st.sampled_from(["fr", "en"]))
def test_any_text_gives_claims_that_point_into_it(text, lang):
    problems: list = []
    claims = extract_claims([Document(id="h", text=text, lang=lang)], errors=problems)
    assert problems == []
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.id.startswith("h#")
