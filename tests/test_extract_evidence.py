"""Evidence: every claim says, for each frame slot, which named resolver decided it, from what span,
and whether the value was explicit in the clause, carried from context or a default."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from reconcile.documents import load_documents
from reconcile.extract import extract_claims
from reconcile.extract.action import ACTION_RESOLVERS
from reconcile.extract.attribution import ATTRIBUTION_RESOLVERS
from reconcile.extract.hedge import HEDGE_RESOLVERS
from reconcile.extract.object import OBJECT_RESOLVERS
from reconcile.extract.period import PERIOD_RESOLVERS
from reconcile.extract.stage import STAGE_RESOLVERS
from reconcile.extract.subject import SUBJECT_RESOLVERS
from reconcile.model import Document

ROOT = Path(__file__).resolve().parent.parent
SLOTS = ("subject", "action", "stage", "object", "period", "hedged", "attributed_to")
RESOLVERS = {
    "subject": SUBJECT_RESOLVERS,
    "action": ACTION_RESOLVERS,
    "stage": STAGE_RESOLVERS,
    "object": OBJECT_RESOLVERS,
    "period": PERIOD_RESOLVERS,
    "hedged": HEDGE_RESOLVERS,
    "attributed_to": ATTRIBUTION_RESOLVERS,
}


def claims_of(lang: str, text: str, published=None):
    return extract_claims(Document(id="d", lang=lang, text=text, published=published))


def test_every_claim_has_one_evidence_per_slot_pointing_into_its_document():
    corpus = load_documents(ROOT / "seeds")
    claims = extract_claims(corpus)
    assert claims
    for claim in claims:
        assert tuple(e.slot for e in claim.evidence) == SLOTS
        text = corpus.by_id(claim.doc_id).text
        for evidence in claim.evidence:
            assert evidence.resolver in {r.name for r in RESOLVERS[evidence.slot]}
            if evidence.origin == "default":
                assert (evidence.start, evidence.end, evidence.text) == (None, None, "")
            elif evidence.start is not None:
                assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize("slot", SLOTS)
def test_each_list_has_unique_names_and_ends_with_its_default(slot):
    names = [r.name for r in RESOLVERS[slot]]
    assert len(names) == len(set(names))
    assert names[-1] in {"no_subject", "no_action_word", "actual", "no_object", "no_period", "not_hedged", "no_credit"}


def test_a_subject_carried_from_the_previous_sentence():
    _, received = claims_of(
        "en", "ByteDance ordered 100,000 Ascend 910B chips from Huawei this year. It had received about 30,000 of them.",
        "2024-11-05",
    )
    subject = received.evidence_for("subject")
    assert (subject.resolver, subject.origin) == ("carried_subject", "carried")
    assert subject.text == "ByteDance ordered 100,000 Ascend 910B chips from Huawei this year."
    assert received.evidence_for("object").origin == received.evidence_for("period").origin == "carried"
    action = received.evidence_for("action")
    assert (action.resolver, action.origin, action.text) == ("action_word", "explicit", "received")


def test_an_explicit_subject_object_and_period_point_at_their_words():
    ordered = claims_of("en", "ByteDance ordered 100,000 Ascend 910B chips from Huawei this year.", "2024-11-05")[0]
    found = {e.slot: (e.resolver, e.origin, e.text) for e in ordered.evidence}
    assert found["subject"] == ("actor_before", "explicit", "ByteDance")
    assert found["object"] == ("clause_product", "explicit", "Ascend 910B chips")
    assert found["period"] == ("nearest_period", "explicit", "this year")


def test_a_defaulted_action_object_and_period():
    claim = claims_of("en", "Alibaba is a 250 billion yuan business.")[0]
    for slot, resolver in (("object", "no_object"), ("period", "no_period"),
                           ("hedged", "not_hedged"), ("attributed_to", "no_credit")):
        evidence = claim.evidence_for(slot)
        assert (evidence.resolver, evidence.origin, evidence.confident) == (resolver, "default", False)
    # no measure word: the word that governs the figure names its measure
    action = claim.evidence_for("action")
    assert (claim.action, action.resolver, action.text) == ("other:business", "governing_word", "business")
    bare = claims_of("en", "Alibaba: 250 billion yuan.")[0]
    assert (bare.action, bare.evidence_for("action").resolver, bare.evidence_for("action").origin) == \
        ("other", "no_action_word", "default")


def test_a_refining_resolver_wins_and_shows_its_cue():
    _, maybe = claims_of("en", "Tencent bought 20,000 H20 chips. It could also take 15,000 H200 chips if Washington agrees.")
    action = maybe.evidence_for("action")
    assert (maybe.action, action.resolver, action.text) == ("plan", "possibility_plan", "could")


def test_a_price_belongs_to_the_seller_by_the_product_owner_resolver():
    _, price = claims_of("en", "Tencent ordered 100,000 H200 chips. Nvidia charges about $30,000 for each of them.")
    assert price.evidence_for("subject").resolver == "product_owner"
    assert (price.evidence_for("action").resolver, price.evidence_for("action").text) == ("unit_measure", "for each")


def test_hedge_and_credit_carried_from_the_report_before():
    [claim] = claims_of(
        "fr", "Selon Reuters, ByteDance envisage de former un modèle. "
        "Elle aurait commandé cette année 100 000 puces Ascend 910B de Huawei.",
        {"from": "2024-09-01", "to": "2024-12-31"},
    )
    hedged, credit = claim.evidence_for("hedged"), claim.evidence_for("attributed_to")
    assert (claim.hedged, hedged.origin) == (True, "explicit")
    assert (claim.attributed_to, credit.resolver, credit.origin) == ("Reuters", "report_goes_on", "carried")


def test_evidence_is_not_part_of_equality():
    first = claims_of("en", "Tencent bought 200,000 H20 chips.")[0]
    assert attrs.evolve(first, evidence=()) == first


def test_the_only_actor_a_description_fits_points_at_the_description():
    [claim] = claims_of("fr", "Le groupe de Hangzhou aurait commandé 5 000 puces H20.")
    subject = claim.evidence_for("subject")
    assert (claim.subject, subject.resolver, subject.origin) == ("Alibaba", "carried_subject", "carried")
    assert subject.text == "Le groupe de Hangzhou"


def test_an_organisation_no_lexicon_knows_is_found_in_the_corpus_and_read_as_subject():
    from reconcile import Document, extract_claims

    docs = [
        Document("a", "Deal news\nKellanova said on Wednesday it had agreed to be bought. Shares of Kellanova rose 8%.", "en"),
        Document("b", "Kellanova, which makes Pringles, said its sales reached $13 billion in 2023.", "en"),
    ]
    claims = extract_claims(docs)
    sales = next(c for c in claims if c.text.startswith("$13"))
    assert sales.subject == "Kellanova"
    assert sales.evidence_for("subject").origin == "explicit"
    assert all(c.subject is None for c in extract_claims(docs, discover=False))


def test_a_name_after_a_persons_title_or_a_place_preposition_is_no_organisation():
    from reconcile import Document
    from reconcile.extract import find_organisations

    docs = [
        Document("a", "x\nChief executive Steve Cahillane said the group, based in Chicago, grew. Acme Corp. said so.", "en"),
        Document("b", "x\nAcme said revenue rose. Analyst Jane Roe said Acme would gain; Chicago agreed.", "en"),
    ]
    assert find_organisations(docs).actors == ("Acme",)


def test_after_a_colon_the_figures_own_segment_names_the_subject():
    from reconcile import Document, extract_claims

    text = ("Une commande que Washington vient de geler : Nvidia a annoncé mardi une charge de "
            "5,5 milliards de dollars liée aux stocks de H20. Washington a confirmé. Washington a gelé les ventes.")
    [claim] = extract_claims([Document("d", text, "fr")])
    assert claim.subject == "Nvidia"
    assert claim.evidence_for("subject").resolver == "actor_in_segment"


def test_text_instead_of_documents_is_a_type_error_not_a_warning_per_character():
    import pytest

    from reconcile import extract_claims

    with pytest.raises(TypeError, match="Documents, not text"):
        extract_claims("Acme sold 12 jets.")
