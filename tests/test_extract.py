"""extract_claims: scored against hand-annotated gold sets, and one test per behaviour."""

from __future__ import annotations

import datetime as dt
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
from scoring import load_gold, score_claims  # noqa: E402
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


# --- frame ----------------------------------------------------------------------------------


def test_carried_subject_object_and_period_fr():
    doc = fr(
        "Mais ByteDance semble vouloir réduire sa dépendance. "
        "Elle aurait commandé cette année 100 000 puces Ascend 910B de Huawei. "
        "Cependant, elle n’en aurait reçu que 30 000 à cause de la pénurie.",
        published={"from": "2024-09-01", "to": "2024-12-31"},
    )
    ordered, received = extract_claims(doc)
    assert (ordered.subject, ordered.action, ordered.object) == ("ByteDance", "order", "Ascend 910B")
    assert (received.subject, received.action, received.object) == ("ByteDance", "receive", "Ascend 910B")
    assert received.quantity.unit == "chip" and received.quantity.kind == "count"
    assert ordered.period == received.period == DateRange.year(2024)


def test_carried_subject_en_pronoun_and_description():
    doc = en(
        "ByteDance ordered 100,000 Ascend 910B chips from Huawei this year. "
        "The Chinese tech giant had received about 30,000 of them. "
        "It expects between 50,000 and 60,000 more next year.",
        published="2024-11-05",
    )
    claims = extract_claims(doc)
    assert [c.subject for c in claims] == ["ByteDance"] * 3
    assert [c.action for c in claims] == ["order", "receive", "receive"]
    assert [c.period for c in claims] == [DateRange.year(2024), DateRange.year(2024), DateRange.year(2025)]


def test_buyer_not_maker_is_the_subject():
    claim = only(extract_claims(fr(
        "ByteDance prévoit d’acheter pour plus de 5 milliards de dollars de puces IA Ascend de Huawei."
    )))
    assert (claim.subject, claim.action, claim.object) == ("ByteDance", "spend", "Ascend")


def test_group_subject_is_a_sorted_tuple():
    claim = only(extract_claims(en("Tencent, Alibaba and ByteDance have been approved to buy more than 400,000 Nvidia H200 chips.")))
    assert claim.subject == ("Alibaba", "ByteDance", "Tencent")
    assert (claim.action, claim.object) == ("approve", "H200")


def test_metrics_from_units_and_context():
    users, value = extract_claims(fr(
        "Doubao, le chatbot de ByteDance, compte 51 millions d'utilisateurs actifs. "
        "Le H100 a fait de Nvidia une entreprise de 3 000 milliards de dollars."
    ))
    assert (users.subject, users.action, users.object) == ("ByteDance", "users", "Doubao")
    assert (value.subject, value.action, value.object) == ("Nvidia", "value", None)
    price = only(extract_claims(en("Nvidia charges about $12,000 for each H20.")))
    assert (price.subject, price.action, price.object) == ("Nvidia", "price", "H20")


def test_money_earned_is_not_spending():
    sold, revenue = extract_claims(en("Nvidia sold about 1 million H20 chips in China, generating roughly $12 billion in revenue."))
    assert (revenue.subject, revenue.action, revenue.object) == ("Nvidia", "other", "H20")
    assert sold.action == "other"


def test_a_metric_frame_does_not_carry_into_a_deal():
    users, spend = extract_claims(fr(
        "ByteDance compte plus d'un milliard d'utilisateurs sur Douyin. "
        "ByteDance a investi 12 milliards de yuans dans ses centres de données."
    ))
    assert (users.action, users.object) == ("users", "Douyin")
    assert (spend.subject, spend.action, spend.object) == ("ByteDance", "spend", None)


def test_second_figure_of_a_sentence_has_its_own_frame():
    bought, received = extract_claims(en("Rival Tencent bought 200,000 H20 chips, while Alibaba received fewer than 30,000."))
    assert (bought.subject, bought.action) == ("Tencent", "buy")
    assert (received.subject, received.action, received.object) == ("Alibaba", "receive", "H20")
    assert received.quantity.bound == "upper"


# --- hedging and attribution -----------------------------------------------------------------


@pytest.mark.parametrize(
    "doc, hedged",
    [
        (fr("ByteDance aurait commandé 100 000 puces H20."), True),
        (fr("Selon des sources proches, ByteDance a commandé 100 000 puces H20."), True),
        (fr("ByteDance a commandé 100 000 puces H20."), False),
        (en("ByteDance ordered 100,000 H20 chips, people familiar with the matter said."), True),
        (en("ByteDance has ordered about 120,000 H20 chips, according to Reuters."), True),
        (en("ByteDance ordered 100,000 H20 chips."), False),
        (fr("Le portrait de ByteDance : 100 000 puces H20 commandées."), False),
        (en("ByteDance ordered 100,000 H20 chips, two people familiar with the matter said."), True),
        (en("ByteDance ordered 100,000 H20 chips this year, Reuters reported, citing three sources."), True),
        (en("ByteDance ordered 100,000 H20 chips this year, The Information reported."), False),
        # the cue qualifies another clause, not the figure
        (fr("Malgré des commandes de plus de deux millions de puces H200, les entreprises chinoises "
            "ont subi des restrictions à l'importation selon les autorités douanières."), False),
    ],
)
def test_hedging(doc, hedged):
    assert only(extract_claims(doc)).hedged is hedged


@pytest.mark.parametrize(
    "doc, outlet",
    [
        (en("ByteDance plans to spend US$12bn on Nvidia chips next year, the FT reported."), "Financial Times"),
        (fr("ByteDance a commandé 100 000 puces H20, a rapporté le Financial Times."), "Financial Times"),
        (fr("Selon des informations révélées par Reuters, ByteDance aurait commandé 100 000 puces H20."), "Reuters"),
        (fr("The Information a rapporté que ByteDance avait commandé plus de 200 000 Nvidia H20."), "The Information"),
        (fr("Ces autorisations permettent l'achat de 400 000 puces H200. C'est ce qu'annonce l'agence de presse Reuters."), "Reuters"),
        (en("Bloomberg reported the deal. The orders are worth $2 billion, the report said, for H20 chips."), "Bloomberg"),
        (en("ByteDance plans US$12bn Nvidia chip spending - FT"), None),
        (en("ByteDance ordered 100,000 H20 chips, two people said."), None),
    ],
)
def test_attribution(doc, outlet):
    assert only(extract_claims(doc)).attributed_to == outlet


# --- equivalences, repetitions, periods ---------------------------------------------------------


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


@pytest.mark.parametrize(
    "published, expected",
    [
        ({"from": "2024-12-06", "to": "2025-01-20"}, DateRange(dt.date(2024, 1, 1), dt.date(2025, 12, 31))),
        ({"from": "2024-09-01", "to": "2024-12-31"}, DateRange.year(2024)),
        ("2024-10-14", DateRange.year(2024)),
        (None, None),
    ],
)
def test_relative_period_resolves_against_publication(published, expected):
    claim = only(extract_claims(fr("ByteDance a commandé plus de 200 000 Nvidia H20 cette année.", published=published)))
    assert claim.period == expected


def test_explicit_year_needs_no_publication_date():
    claim = only(extract_claims(fr("Un investissement de ByteDance de 7 milliards de dollars en puces Nvidia prévu pour 2025.")))
    assert claim.period == DateRange.year(2025)
    assert (claim.subject, claim.action, claim.object) == ("ByteDance", "spend", "Nvidia AI chips")


def test_nearest_period_wins():
    claim = only(extract_claims(
        fr("The Information a rapporté en septembre que ByteDance avait commandé 200 000 Nvidia H20 cette année.",
           published="2024-10-01")
    ))
    assert claim.period == DateRange.year(2024)


# --- not claims -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        fr("Depuis 2022, les États-Unis limitent les ventes de H20 et de puces 910B à la Chine."),
        fr("Cette décision aurait été confirmée par trois sources anonymes. Une quatrième source l’a démentie."),
        fr("Le H200, deuxième puce IA la plus puissante de Nvidia, est au centre de la rivalité."),
        fr("Une alliance entre deux mastodontes technologiques chinois, ByteDance et Huawei."),
        fr("Ces plateformes traitent des milliards de vidéos quotidiennement."),
        en("BEIJING, Oct 14 (Wire) - Nvidia's A100 and H100 chips were banned in 2022, two people familiar said."),
        en("Steps:\n1. ByteDance buys H20 chips.\n2) Huawei ships Ascend 910B chips."),
        en("The purchase would make it one of the largest owners of Nvidia chips."),
    ],
)
def test_not_claims(doc):
    assert extract_claims(doc) == []


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


# --- frames across sentences: what a later figure inherits, and what it does not ----------------------


def test_money_about_the_company_takes_no_product_from_an_earlier_sentence():
    claims = extract_claims(en(
        "Tencent bought 50,000 H20 chips this year. "
        "The Shenzhen-based company booked 80 billion yuan in revenue in the third quarter, up 8%. "
        "It was also fined 500,000 yuan in 2023.",
        published="2024-11-20",
    ))
    chips, revenue, growth, fine = claims
    assert (chips.subject, chips.action, chips.object) == ("Tencent", "buy", "H20")
    for claim in (revenue, growth, fine):
        assert (claim.subject, claim.action, claim.object) == ("Tencent", "other", None)
    assert revenue.period == growth.period == DateRange(dt.date(2024, 7, 1), dt.date(2024, 9, 30))
    assert fine.period == DateRange.year(2023)


def test_fr_revenue_fine_and_market_value_are_not_deals():
    sales, earlier, fine, value = extract_claims(fr(
        "Huawei a fabriqué 300 000 puces Ascend au troisième trimestre. "
        "Son chiffre d'affaires a atteint 200 milliards de yuans, contre 180 milliards l'an dernier. "
        "Le groupe s'est vu infliger une amende de 2 millions d'euros. "
        "Sa capitalisation atteindrait 90 milliards de dollars.",
        published="2024-11-21",
    ))[1:]
    assert [(c.subject, c.action, c.object) for c in (sales, earlier, fine)] == [("Huawei", "other", None)] * 3
    assert earlier.quantity.unit == "CNY" and earlier.quantity.stated == 180e9
    assert (value.subject, value.action, value.object) == ("Huawei", "value", None)


def test_spending_keeps_the_product_only_when_tied_to_it():
    tied, company = extract_claims(en(
        "ByteDance ordered 40,000 H20 chips. It will pay $500m for the processors. "
        "Separately, the firm plans to raise capital spending to $9bn.",
    ))[1:]
    assert (tied.action, tied.object) == ("spend", "H20")
    assert (company.subject, company.action, company.object) == ("ByteDance", "spend", None)
    _, elsewhere = extract_claims(fr(
        "Alibaba aurait commandé 10 000 puces H20. Le groupe aurait aussi investi 900 millions d'euros dans ses entrepôts."
    ))
    assert (elsewhere.subject, elsewhere.action, elsewhere.object) == ("Alibaba", "spend", None)


def test_a_money_figure_without_any_action_word_is_other():
    claim = only(extract_claims(en("Alibaba is a 250 billion yuan business.")))
    assert (claim.action, claim.object) == ("other", None)


def test_pronoun_takes_the_actor_named_last_even_without_a_figure():
    claims = extract_claims(en(
        "Chinese firms bought 900,000 H20 chips last year. "
        "Alibaba, the largest of them, is now turning to Huawei. "
        "The company expects to spend 30 billion yuan on computing this year. "
        "Its Qwen models serve 90 million users, while its Taobao app counts 800 million daily users.",
        published="2025-03-01",
    ))
    assert [c.subject for c in claims] == ["Chinese companies", "Alibaba", "Alibaba", "Alibaba"]
    assert (claims[1].action, claims[1].object) == ("spend", None)
    assert [c.action for c in claims[2:]] == ["users", "users"]


def test_the_maker_of_the_product_is_not_the_carried_buyer():
    ordered, received = extract_claims(fr(
        "ByteDance a commandé 100 000 puces H20. Nvidia n'a pas commenté. Elle aurait déjà reçu 30 000 puces H20."
    ))
    assert received.subject == "ByteDance" and received.action == "receive"


def test_app_users_belong_to_the_apps_owner():
    _, users = extract_claims(en("Tencent ordered 30,000 H20 chips. Its Douyin rival has 700 million daily users."))
    assert (users.subject, users.action, users.object) == ("ByteDance", "users", "Douyin")


def test_descriptions_point_back_to_the_actor_they_fit():
    claims = extract_claims(en(
        "Tencent bought 8,000 H20 chips. Alibaba declined to comment, and so did Huawei. "
        "The e-commerce giant is said to have ordered 12,000 H20 chips."
    ))
    assert [c.subject for c in claims] == ["Tencent", "Alibaba"]
    assert claims[1].hedged is True and claims[1].action == "order"
    only_named = only(extract_claims(fr("Le groupe de Hangzhou aurait commandé 5 000 puces H20.")))
    assert only_named.subject == "Alibaba"


def test_a_unit_price_belongs_to_the_seller():
    _, price = extract_claims(en("Tencent ordered 100,000 H200 chips. Nvidia charges about $30,000 for each of them."))
    assert (price.subject, price.action, price.object) == ("Nvidia", "price", "H200")
    _, billed = extract_claims(fr("Alibaba a commandé 20 000 puces H20. Chaque puce lui serait facturée 11 000 dollars."))
    assert (billed.subject, billed.action, billed.object) == ("Nvidia", "price", "H20")


def test_the_clause_of_a_figure_chooses_its_action():
    value, price = extract_claims(fr("Nvidia, dont la valorisation dépasse 3 000 milliards de dollars, vend chaque H20 environ 12 000 dollars."))
    assert (value.action, value.object) == ("value", None)
    assert (price.action, price.object) == ("price", "H20")


def test_a_purchase_under_could_is_a_plan():
    _, maybe = extract_claims(en("Tencent bought 20,000 H20 chips. It could also take 15,000 H200 chips if Washington agrees."))
    assert (maybe.subject, maybe.action, maybe.object) == ("Tencent", "plan", "H200")


def test_production_is_its_makers():
    claim = only(extract_claims(en("Analysts expect that Huawei will make 500,000 Ascend chips in 2025.")))
    assert (claim.subject, claim.action, claim.object) == ("Huawei", "produce", "Ascend")


# --- periods -------------------------------------------------------------------------------------


def test_quarter_named_by_its_last_month_and_hyphenated_quarters():
    march, third = extract_claims(en(
        "Tencent's revenue in the March quarter was 160 billion yuan. Its third-quarter revenue was 170 billion yuan.",
        published="2024-12-02",
    ))
    assert march.period == DateRange(dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert third.period == DateRange(dt.date(2024, 7, 1), dt.date(2024, 9, 30))


@pytest.mark.parametrize(
    "published, expected",
    [("2024-11-21", DateRange.parse("2024-11-19")), ({"from": "2024-11-18", "to": "2024-11-30"}, None), (None, None)],
)
def test_a_weekday_is_the_last_such_day_before_a_single_day_publication(published, expected):
    claim = only(extract_claims(en("Nvidia's market value reached $3.5 trillion on Tuesday.", published=published)))
    assert claim.period == expected


def test_the_date_a_statement_was_made_is_not_the_figures_period():
    claim = only(extract_claims(en("Alibaba said on Aug. 12 that it had bought 20,000 H20 chips.", published="2024-08-30")))
    assert claim.period is None
    claim = only(extract_claims(fr("Tencent a déclaré le 4 mars avoir commandé 9 000 puces H20.", published="2024-08-30")))
    assert claim.period is None
    claim = only(extract_claims(en("ByteDance on Tuesday said it had ordered 70,000 H20 chips.", published="2024-08-30")))
    assert claim.period is None


def test_period_carries_only_within_the_same_purchase_story():
    ordered, received, price = extract_claims(fr(
        "ByteDance aurait commandé 60 000 puces H20 cette année. Elle en aurait reçu 20 000. "
        "Chaque puce coûterait 11 000 dollars.",
        published="2024-10-01",
    ))
    assert ordered.period == received.period == DateRange.year(2024)
    assert price.period is None
    group, member = extract_claims(en(
        "Chinese firms ordered 1 million H20 chips for 2025. Tencent alone is expected to take about 200,000.",
    ))
    assert member.subject == "Tencent" and member.action == "order" and member.period == DateRange.year(2025)


# --- hedges and credits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        en("Chinese firms bought an estimated 800,000 H20 chips."),
        en("Analysts estimate that Huawei shipped 300,000 Ascend chips."),
        fr("Le nombre de puces H20 livrées à Tencent est estimé à 50 000."),
    ],
)
def test_estimates_are_hedged(doc):
    assert only(extract_claims(doc)).hedged is True


def test_credit_carries_to_the_hedged_follow_up_of_the_same_paragraph():
    text = (
        "Tencent aurait commandé 100 000 puces H20 cette année, selon Reuters. "
        "Le groupe de Shenzhen pourrait en acheter 50 000 de plus.\n\n"
        "Tencent aurait aussi investi 3 milliards de dollars dans des centres de données."
    )
    first, follow_up, new_paragraph = extract_claims(fr(text))
    assert first.attributed_to == follow_up.attributed_to == "Reuters"
    assert new_paragraph.attributed_to is None
    own = extract_claims(en(
        "ByteDance ordered 30,000 H20 chips, Bloomberg reported. Earlier reports said it would buy 80,000 H20 chips."
    ))
    assert [c.attributed_to for c in own] == ["Bloomberg", None]


def test_sources_pointed_back_to_keep_the_outlet_that_cited_them():
    claims = extract_claims(en(
        "Alibaba ordered 40,000 H20 chips, Bloomberg reported, citing two people familiar with the talks.\n\n"
        "Each chip costs about $11,000, according to one of the people. "
        "Nvidia holds 90,000 units in stock, the people added."
    ))
    assert [c.attributed_to for c in claims] == ["Bloomberg"] * 3
    uncredited = extract_claims(en(
        "Alibaba ordered 40,000 H20 chips, two people said. Each chip costs $11,000, the people added."
    ))
    assert [c.attributed_to for c in uncredited] == [None, None]


@pytest.mark.parametrize(
    "doc, source",
    [
        (fr("Selon le cabinet IDC, Huawei aurait livré 200 000 puces Ascend."), "IDC"),
        (en("Analysts at Jefferies estimate that Tencent spent $4bn on Nvidia chips."), "Jefferies"),
        (en("Tencent bought 9,000 H20 chips, according to data from Counterpoint Research."), "Counterpoint Research"),
        (fr("Alibaba aurait reçu 10 000 puces H20, précise le quotidien, qui cite Les Echos."), "Les Echos"),
        # a company's own word is not a source
        (fr("Selon ByteDance, Doubao compte 60 millions d'utilisateurs."), None),
        (en("Tencent bought 9,000 H20 chips, according to people familiar with the matter."), None),
    ],
)
def test_named_sources_outside_the_outlet_list(doc, source):
    assert only(extract_claims(doc)).attributed_to == source


# --- figures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        fr("Le 2 août, à 10 h 15, Tencent a dévoilé la version 3.0 de son modèle, après avoir acheté des puces H20."),
        en("ByteDance released version 2.5 of its Doubao model, trained on H20 chips."),
        en("Three reasons for buying H20 chips: 1) supply, 2) price, 3) software."),
    ],
)
def test_versions_times_and_inline_numbering_are_not_figures(doc):
    assert extract_claims(doc) == []


def test_elided_nouns_come_from_the_figure_compared_or_the_story():
    now, before = extract_claims(en("Douyin had 750 million daily users in June, up from 600 million a year earlier."))
    assert (before.quantity.unit, before.action, before.object) == ("user", "users", "Douyin")
    _, alone = extract_claims(en("Chinese firms ordered 1 million H200 chips. Alibaba wants roughly 250,000."))
    assert (alone.subject, alone.quantity.unit, alone.object) == ("Alibaba", "chip", "H200")


def test_a_percentage_is_a_change_or_a_share_not_a_step():
    claim = only(extract_claims(fr("Les dépenses d'investissement de Tencent ont bondi de 221 % au premier trimestre.")))
    assert (claim.subject, claim.action, claim.object) == ("Tencent", "other", None)


def test_talks_are_a_plan_and_another_products_step_has_its_own_time():
    ordered, talks = extract_claims(en(
        "Tencent has ordered 90,000 H20 chips for delivery by December. "
        "The group is also in talks to buy 40,000 Ascend chips.",
        published="2025-10-02",
    ))
    assert ordered.period == DateRange(dt.date(2025, 10, 2), dt.date(2025, 12, 31))
    assert (talks.subject, talks.action, talks.object, talks.period) == ("Tencent", "plan", "Ascend", None)


# --- round 3: general rules (fresh sentences) -----------------------------------------------


def test_an_estimate_hedges_only_the_figure_it_qualifies():
    claims = extract_claims(fr("Tencent veut acheter 50 000 puces H20, pour un coût estimé à 600 millions de dollars."))
    assert [(c.text, c.hedged) for c in claims] == [("50 000", False), ("600 millions de dollars", True)]


@pytest.mark.parametrize(
    "doc",
    [
        en("Alibaba is now said to be weighing an order for 30,000 H200 chips."),
        en("Alibaba is also expected to buy 30,000 H200 chips."),
        en("Alibaba bought 30,000 H200 chips, one person said."),
    ],
)
def test_split_modal_phrases_and_a_single_anonymous_person_hedge(doc):
    assert only(extract_claims(doc)).hedged is True


def test_a_relative_clause_does_not_change_the_subject_or_the_object():
    doc = en("Tencent, which used to buy chips from Huawei, has ordered 60,000 H200 chips.")
    claim = only(extract_claims(doc))
    assert (claim.subject, claim.object) == ("Tencent", "H200")


def test_a_maker_named_before_its_units_is_not_the_subject():
    doc = en("Alibaba has received 8,000 Nvidia units. It has also ordered 20,000 more H20 chips.")
    assert [c.subject for c in extract_claims(doc)] == ["Alibaba", "Alibaba"]


def test_a_fronted_complement_is_not_the_subject():
    claim = only(extract_claims(fr("Auprès de Nvidia, Tencent a acheté 40 000 puces H20.")))
    assert claim.subject == "Tencent"


def test_a_description_picks_one_actor_out_of_a_group():
    doc = fr("Alibaba, ByteDance et Tencent ont reçu des licences. Le géant de Hangzhou aurait commandé 70 000 puces H200.")
    assert only(extract_claims(doc)).subject == "Alibaba"


def test_a_group_pointer_does_not_mean_the_seller_a_price_implies():
    doc = fr("Tencent a commandé 10 000 puces H200. Chaque H200 coûterait 25 000 dollars l'unité. "
             "Le groupe a investi 3 milliards de dollars dans ses centres de données.")
    assert [c.subject for c in extract_claims(doc)] == ["Tencent", "Nvidia", "Tencent"]


def test_the_sum_an_order_verb_governs_is_the_orders():
    claim = only(extract_claims(fr("Baidu ? Non : Tencent a commandé pour 3 milliards de dollars de puces H20.")))
    assert (claim.action, claim.object) == ("order", "H20")


def test_a_share_of_a_budget_is_spending_with_no_product_from_another_clause():
    doc = en("Tencent ordered 5,000 H20 chips, and will devote 25% of its AI budget to domestic suppliers.")
    share = extract_claims(doc)[-1]
    assert (share.text, share.action, share.object) == ("25%", "spend", None)


def test_a_future_spending_verb_and_a_charge():
    spend = only(extract_claims(fr("Alibaba consacrera 2 milliards de dollars à ses centres de données.")))
    charge = only(extract_claims(fr("Nvidia a passé une charge de 4 milliards de dollars sur ses stocks.")))
    assert (spend.action, charge.action) == ("spend", "other")


def test_the_product_compared_with_is_not_the_object():
    claim = only(extract_claims(fr("La puce H20 coûte 10 000 dollars l'unité, moins que celui du H200.")))
    assert claim.object == "H20"


def test_an_executive_statement_is_credited_to_the_company():
    doc = en("Tencent will spend $4bn on data centres next year, chief executive Pony Ma said.")
    claim = only(extract_claims(doc))
    assert (claim.subject, claim.attributed_to) == ("Tencent", "Tencent")
    bare = only(extract_claims(en("Tencent will spend $4bn on data centres, President Trump said.")))
    assert bare.attributed_to is None


def test_a_percentage_is_not_dated_by_a_later_clause():
    doc = fr("L'action de Nvidia a gagné 4 %, portée par des commandes attendues d'ici fin 2026.", published="2025-06-02")
    assert only(extract_claims(doc)).period is None
    dated = fr("En 2024, l'action de Nvidia a gagné 4 %, portée par des commandes.", published="2025-06-02")
    assert only(extract_claims(dated)).period == DateRange.parse({"from": "2024-01-01", "to": "2024-12-31"})


def test_a_company_crossing_a_sum_with_no_other_word_is_its_value():
    claim = only(extract_claims(fr("En 2024, le groupe Nvidia franchissait les 3 000 milliards de dollars.")))
    assert (claim.subject, claim.action, claim.object) == ("Nvidia", "value", None)
    revenue = only(extract_claims(fr("Les ventes de Nvidia ont dépassé 30 milliards de dollars.")))
    assert revenue.action == "other"


def test_a_count_up_to_now_takes_no_period_from_the_story():
    doc = en("Alibaba ordered 80,000 H200 chips last year. It has received 12,000 of them so far.", published="2025-05-05")
    order, received = extract_claims(doc)
    assert order.period == DateRange.parse({"from": "2024-01-01", "to": "2024-12-31"})
    assert (received.action, received.period) == ("receive", None)
