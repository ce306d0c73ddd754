"""The lexicon: data files, alias matching in both languages, hierarchy, merging, errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.errors import LexiconError
from reconcile.lexicon import Lexicon, LexMatch, fold

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LEX = Lexicon.default()


def canonicals(matches: list[LexMatch]) -> list[str]:
    return [m.canonical for m in matches]


def finder(kind: str):
    return {"actor": LEX.find_actors, "product": LEX.find_products, "action": LEX.find_actions}[kind]


# --- the default data -------------------------------------------------------------------------


def test_default_is_cached_and_consistent():
    assert Lexicon.default() is LEX
    LEX.check()


def test_canonical_ids_are_those_of_the_contract():
    assert set(LEX.actors) == {"ByteDance", "Nvidia", "Huawei", "Alibaba", "Tencent", "OpenAI", "Chinese companies"}
    assert {"H20", "H100", "H200", "A100", "Blackwell", "Ascend 910B", "TikTok", "Douyin", "Doubao"} <= set(LEX.products)
    assert {"Nvidia AI chips", "Ascend", "Huawei AI chips"} <= set(LEX.products)
    legacy = {"plan", "order", "buy", "receive", "approve", "spend", "price", "value", "users", "produce", "other"}
    measures = {
        "revenue", "net_profit", "net_loss", "operating_profit", "operating_loss", "margin", "eps", "cash_flow", "debt",
        "cost", "write_down", "fine", "savings", "deal_value", "premium", "stake", "share_price", "share_change",
        "dividend", "job_cuts", "workforce", "recall", "market_share", "price_target", "backlog",
    }
    assert set(LEX.actions) == legacy | measures


def test_hierarchy_owners_groups_and_stages():
    for chip in ("H20", "H100", "H200", "A100", "Blackwell"):
        assert LEX.product_parent(chip) == "Nvidia AI chips"
        assert LEX.product_ancestors(chip) == ("Nvidia AI chips",)
        assert LEX.product_owner(chip) == "Nvidia"
    assert LEX.product_parent("Ascend 910B") == "Ascend"
    assert LEX.product_ancestors("Ascend 910B") == ("Ascend", "Huawei AI chips")
    assert LEX.product_owner("Ascend 910B") == LEX.product_owner("Ascend") == "Huawei"
    for app in ("TikTok", "Douyin", "Doubao"):
        assert LEX.product_owner(app) == "ByteDance"
        assert LEX.product_parent(app) is None
    assert LEX.product_parent("unknown") is None and LEX.product_owner("unknown") is None
    assert LEX.is_group("Chinese companies") and not LEX.is_group("ByteDance") and not LEX.is_group("nobody")
    stages = {a: LEX.action_stage(a) for a in LEX.actions}
    # the steps of a purchase are ordered; metrics and measures have no stage
    assert {a: s for a, s in stages.items() if s is not None} == {
        "plan": 0, "approve": 1, "order": 2, "buy": 3, "receive": 4,
    }
    assert stages["spend"] is stages["revenue"] is stages["other"] is None


# --- every alias finds itself ---------------------------------------------------------------

ALIASES = [
    (kind, canonical, lang, alias)
    for kind, ids in (("actor", LEX.actors), ("product", LEX.products), ("action", LEX.actions))
    for canonical in ids
    for lang in ("fr", "en")
    for alias in LEX.aliases(canonical, kind, lang)
]


@pytest.mark.parametrize(("kind", "canonical", "lang", "alias"), ALIASES)
def test_every_alias_is_found_where_it_stands(kind, canonical, lang, alias):
    phrase = alias.replace("{n}", "3 000 milliards de" if lang == "fr" else "$3")
    text = f"Hier, {phrase} était là."
    matches = [m for m in finder(kind)(text, lang) if m.start <= 6 and m.end >= 6 + len(phrase)]
    assert canonicals(matches) == [canonical], (alias, finder(kind)(text, lang))


# --- the alias families of the story, in both languages -------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La société mère de TikTok a passé des commandes.", "fr", "ByteDance"),
        ("Le propriétaire de TikTok cherche à s'établir.", "fr", "ByteDance"),
        ("La volonté du propriétaire de TikTok d'acquérir.", "fr", "ByteDance"),
        ("The TikTok owner placed orders.", "en", "ByteDance"),
        ("TikTok's parent bought chips.", "en", "ByteDance"),
        ("Bytedance semble chercher.", "fr", "ByteDance"),
        ("NVIDIA et Nvidia.", "fr", "Nvidia"),
        ("Huawei a investi.", "fr", "Huawei"),
        ("Alibaba and Tencent.", "en", "Alibaba"),
        ("rivaux américains tels qu'OpenAI.", "fr", "OpenAI"),
        ("Les entreprises chinoises cherchent.", "fr", "Chinese companies"),
        ("Les géants chinois de la technologie ByteDance.", "fr", "Chinese companies"),
        ("Chinese companies and Chinese tech firms.", "en", "Chinese companies"),
        ("Chinese customers had placed orders.", "en", "Chinese companies"),
    ],
)
def test_actor_families(text, lang, expected):
    assert canonicals(LEX.find_actors(text, lang))[0] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("plus de 200 000 Nvidia H20 cette année", "fr", ["H20"]),
        ("les puces Nvidia H100 et Blackwell", "fr", ["Nvidia AI chips", "H100", "Blackwell"]),
        ("les puces IA H200 de Nvidia", "fr", ["H200"]),
        ("les puces NVIDIA A100", "fr", ["Nvidia AI chips", "A100"]),
        ("le plus gros acheteur de puces IA de Nvidia", "fr", ["Nvidia AI chips"]),
        ("bought Nvidia chips and Nvidia AI chips", "en", ["Nvidia AI chips", "Nvidia AI chips"]),
        ("100 000 puces Ascend 910B de Huawei", "fr", ["Ascend 910B"]),
        ("les puces IA Ascend de Huawei", "fr", ["Ascend"]),
        ("Ascend chips and Huawei chips", "en", ["Ascend", "Huawei AI chips"]),
        ("des puces Huawei", "fr", ["Huawei AI chips"]),
        ("600 000 puces 910C et des Ascend 910C", "fr", ["Ascend", "Ascend"]),
        ("Douyin, TikTok et Doubao", "fr", ["Douyin", "TikTok", "Doubao"]),
    ],
)
def test_product_families(text, lang, expected):
    assert canonicals(LEX.find_products(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Elle aurait commandé 100 000 puces", "fr", ["order"]),
        ("avait passé des commandes pour plus de 200 000", "fr", ["order"]),
        ("des puces commandées en mai", "fr", ["order"]),
        ("ByteDance placed orders for chips", "en", ["order"]),
        ("it ordered 100,000 chips", "en", ["order"]),
        ("ByteDance achète des puces", "fr", ["buy"]),
        ("annonçant son intention d'acheter", "fr", ["plan", "buy"]),
        ("les achats de puces", "fr", ["buy"]),
        ("empêche la Chine d'acquérir", "fr", ["buy"]),
        ("Chinese firms snap up chips they bought", "en", ["buy", "buy"]),
        ("elle n'en aurait reçu que 30 000", "fr", ["receive"]),
        ("les livraisons et les puces livrées", "fr", ["receive", "receive"]),
        ("shipped 30,000 and delivered", "en", ["receive", "receive"]),
        ("ByteDance est autorisé ; ces autorisations ; feu vert", "fr", ["approve", "approve", "approve"]),
        ("the US approved the licence", "en", ["approve", "approve"]),
        ("un investissement de 7 milliards", "fr", ["spend"]),
        ("ByteDance mise donc sur les puces", "fr", ["spend"]),
        ("plans to invest $7bn", "en", ["plan", "spend"]),
        ("un investissement prévu pour 2025", "fr", ["spend", "plan"]),
        ("ByteDance envisagerait de former", "fr", ["plan"]),
        ("Doubao avec 51 millions d'utilisateurs actifs", "fr", ["users"]),
        ("51 million monthly active users", "en", ["users"]),
        ("une entreprise de 3 000 milliards de dollars", "fr", ["value"]),
        ("a company valued at $3 trillion", "en", ["value"]),
        ("le prix de la puce", "fr", ["price"]),
        ("the H20 sells for $12,000", "en", ["price"]),
        ("la production de puces", "fr", ["produce"]),
        # production, revenue, fines, inventory, prices and market value in other words
        ("Huawei will make 600,000 chips", "en", ["produce"]),
        ("Huawei aurait produit 400 000 puces et compte en fabriquer davantage", "fr", ["produce", "produce"]),
        ("Tencent posted revenue of 90 billion yuan on higher sales", "en", ["revenue", "revenue"]),
        ("son chiffre d'affaires et ses ventes", "fr", ["revenue", "revenue"]),
        ("it was fined 3 billion yuan", "en", ["fine"]),
        ("une amende de 2 millions d'euros", "fr", ["fine"]),
        ("units in inventory", "en", ["other"]),
        ("sa capitalisation dépasse", "fr", ["value"]),
        ("each chip is charged at $9,000", "en", ["price"]),
        ("la puce serait facturée 9 000 dollars", "fr", ["price"]),
        ("elle aurait versé puis déboursé 2 milliards", "fr", ["spend", "spend"]),
        ("it paid $2bn in capital spending", "en", ["spend", "spend"]),
        # future forms, charges
        ("Tencent consacrera puis investira 2 milliards", "fr", ["spend", "spend"]),
        ("elle commandera puis achètera et recevra les puces", "fr", ["order", "buy", "receive"]),
        ("une charge de 5 milliards liée aux stocks", "fr", ["cost"]),
        ("Nvidia took a charge and a write-down", "en", ["cost", "write_down"]),
        # measures of a company's results and market (the lexicon's measure table)
        ("Quillfield's net loss widened while its operating profit fell", "en", ["net_loss", "operating_profit"]),
        ("le bénéfice par action et la marge opérationnelle", "fr", ["eps", "margin"]),
        ("the dividend, the stake and the premium", "en", ["dividend", "stake", "premium"]),
        ("les suppressions de postes et les effectifs", "fr", ["job_cuts", "workforce"]),
        ("its market share and the analysts' price target", "en", ["market_share", "price_target"]),
    ],
)
def test_action_families(text, lang, expected):
    assert canonicals(LEX.find_actions(text, lang)) == expected


def test_language_specific_aliases_stay_in_their_language():
    assert LEX.find_actors("la société mère de TikTok", "en") == []
    assert LEX.find_actions("ByteDance placed orders", "fr") == []
    # brand names are valid everywhere, and lang=None searches every language
    assert canonicals(LEX.find_actors("ByteDance", "de")) == ["ByteDance"]
    assert canonicals(LEX.find_actors("TikTok's parent and la société mère de TikTok")) == ["ByteDance", "ByteDance"]


def test_a_product_inside_an_actor_name_is_not_a_product_mention():
    assert LEX.find_products("la société mère de TikTok a commandé", "fr") == []
    matches = LEX.find_products("TikTok's parent owns TikTok", "en")
    assert [(m.canonical, m.start) for m in matches] == [("TikTok", 21)]
    # in another language the actor phrase is not a name, so the product stands
    assert canonicals(LEX.find_products("la société mère de TikTok", "en")) == ["TikTok"]


def test_exclusions_and_lowercase_brands_are_not_matches():
    assert LEX.find_actions("l'ingéniosité est plus que jamais de mise", "fr") == []
    assert LEX.find_actions("in order to comply", "en") == []
    assert LEX.find_products("prices ascend quickly", "en") == []
    assert canonicals(LEX.find_products("Ascend and H200 but not H2000", "en")) == ["Ascend", "H200"]


# --- fuzzy near misses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Byte Dance", "ByteDance"), ("Bytedance", "ByteDance"), ("NVIDIA", "Nvidia"), ("Huaweï", "Huawei"),
     ("Huawe", "Huawei"), ("Alibabba", "Alibaba"), ("Open AI", "OpenAI"), ("Byte-Dance", "ByteDance")],
)
def test_near_misses_of_brand_names(text, expected):
    matches = LEX.find_actors(f"Selon {text}, rien.", "fr")
    assert canonicals(matches) == [expected]
    assert matches[0].text == text
    assert 90 <= matches[0].score <= 100


def test_fuzzy_fallback_does_not_invent():
    assert LEX.find_actors("Hawaii, Pékin et Washington", "fr") == []
    assert canonicals(LEX.find_products("le H2O et la H200", "fr")) == ["H200"]
    fuzzy = [m for m in LEX.find_actors("Tencnet et Huawie", "fr") if m.score < 100]
    assert all(m.score >= 90 for m in fuzzy)


# --- offsets and overlaps -------------------------------------------------------------------


def test_offsets_index_the_original_accented_text():
    text = "À Pékin, l’équipe d’Huaweï a reçu les puces de la société mère de TikTok."
    for match in [*LEX.find_actors(text, "fr"), *LEX.find_products(text, "fr"), *LEX.find_actions(text, "fr")]:
        assert text[match.start:match.end] == match.text
    assert [m.text for m in LEX.find_actors(text, "fr")] == ["Huaweï", "la société mère de TikTok"]


def test_offsets_survive_characters_that_fold_to_other_lengths():
    decomposed = unicodedata.normalize("NFD", "Élysée: la société mère de TikTok a reçu")
    text = "Straße ﬁn — " + decomposed + " Huawei"
    matches = LEX.find_actors(text, "fr")
    assert canonicals(matches) == ["ByteDance", "Huawei"]
    for match in matches:
        assert text[match.start:match.end] == match.text
    assert matches[1].text == "Huawei"
    action = LEX.find_actions(text, "fr")[0]
    assert (action.canonical, text[action.start:action.end]) == ("receive", unicodedata.normalize("NFD", "reçu"))


def test_overlapping_matches_keep_the_longest():
    text = "la société mère de TikTok"
    assert canonicals(LEX.find_actors(text, "fr")) == ["ByteDance"]
    assert canonicals(LEX.find_all(text, "fr")) == ["ByteDance"]
    assert [(m.canonical, m.text) for m in LEX.find_all("ByteDance a commandé des puces Nvidia H20", "fr")] == [
        ("ByteDance", "ByteDance"), ("order", "a commandé"), ("Nvidia AI chips", "des puces Nvidia"), ("H20", "H20"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.text(alphabet=st.sampled_from("aéèçÀ ’'ßﬁ-\u0301\u0308.,xyZ"), max_size=20),
    alias=st.sampled_from(["ByteDance", "la société mère de TikTok", "Huawei", "les entreprises chinoises"]),
)
def test_offsets_always_point_at_the_match(prefix, alias):
    text = f"{prefix} {alias}."
    matches = LEX.find_actors(text, "fr")
    assert matches and matches[-1].end == len(text) - 1
    assert fold(matches[-1].text) == fold(alias) or matches[-1].text.endswith(alias)
    for match in matches:
        assert text[match.start:match.end] == match.text


# --- lookup ---------------------------------------------------------------------------------


def test_lookup_one_name():
    assert LEX.lookup("ByteDance") == "ByteDance"
    assert LEX.lookup("la société mère de TikTok") == "ByteDance"
    assert LEX.lookup("TikTok owner", kind="actor") == "ByteDance"
    assert LEX.lookup("TikTok") == "TikTok"
    assert LEX.lookup("TikTok", kind="actor") is None
    assert LEX.lookup("puces IA Ascend") == "Ascend"
    assert LEX.lookup("Nvidia AI chips") == "Nvidia AI chips"
    assert LEX.lookup("commandées") == "order"
    assert LEX.lookup("  Huaweï ") == "Huawei"
    assert LEX.lookup("Byte Dance") == "ByteDance"
    assert LEX.lookup("") is None and LEX.lookup("Washington") is None
    with pytest.raises(LexiconError, match="unknown kind"):
        LEX.lookup("x", kind="company")
    with pytest.raises(TypeError):
        LEX.lookup(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        LEX.find_actors(None, "fr")  # type: ignore[arg-type]


# --- loading, merging, errors ---------------------------------------------------------------

USER_LEXICON = """
[language.de]
articles = ["der", "die", "das"]
suffixes = ["e", "en", "n"]

[[actor]]
id = "ByteDance"
de = ["die TikTok-Mutter", "der TikTok-Mutterkonzern"]

[[actor]]
id = "Xiaomi"
aliases = ["Xiaomi"]

[[product]]
id = "H20"
parent = "China chips"

[[product]]
id = "China chips"
owner = "Nvidia"

[[action]]
id = "order"
stage = 7
de = ["bestellt", "Bestellung"]
"""


def test_a_users_lexicon_file_extends_and_overrides(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(USER_LEXICON, encoding="utf-8")
    mine = Lexicon.load(path)
    assert mine.actors == ("ByteDance", "Xiaomi")
    merged = LEX | mine
    assert merged.merge(Lexicon()).actors == merged.actors
    assert "Xiaomi" in merged.actors and "Xiaomi" not in LEX.actors
    assert canonicals(merged.find_actors("Die TikTok-Mutter und Xiaomi", "de")) == ["ByteDance", "Xiaomi"]
    assert canonicals(merged.find_actors("la société mère de TikTok", "fr")) == ["ByteDance"]  # kept
    assert canonicals(merged.find_actions("Bestellungen wurden bestellt", "de")) == ["order", "order"]
    assert merged.action_stage("order") == 7 and LEX.action_stage("order") == 2
    assert merged.product_ancestors("H20") == ("China chips",)
    assert LEX.product_ancestors("H20") == ("Nvidia AI chips",)  # the default is untouched
    assert "de" in merged.languages
    merged.check()


def test_replace_drops_the_old_aliases(tmp_path):
    replacing = Lexicon.loads('[[actor]]\nid = "Nvidia"\nreplace = true\naliases = ["Team Green"]')
    merged = LEX.merge(replacing)
    assert canonicals(merged.find_actors("Team Green", "en")) == ["Nvidia"]
    assert merged.find_actors("Nvidia's chips", "en") == []


def test_load_a_folder_of_files(tmp_path):
    (tmp_path / "a.toml").write_text('[[actor]]\nid = "Xiaomi"\naliases = ["Xiaomi"]', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[[actor]]\nid = "Xiaomi"\nfr = ["le fabricant de smartphones"]', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a lexicon", encoding="utf-8")
    lex = Lexicon.load(tmp_path)
    assert lex.aliases("Xiaomi", "actor") == ("Xiaomi", "le fabricant de smartphones")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[actor]\nid = 'x'", r"bad\.toml: invalid TOML"),
        ("[[actor]]\naliases = ['X']", r"bad\.toml: \[\[actor\]\] #1: missing or empty 'id'"),
        ("[[actor]]\nid = 'X'\nalias = ['X']", r"bad\.toml: \[\[actor\]\] #1 \('X'\): unknown field 'alias'"),
        ("[[action]]\nid = 'order'\nstage = 'two'", r"#1 \('order'\): 'stage' must be an integer"),
        ("[[product]]\nid = 'A'\naliases = 'A'\n[[product]]\nid = 'B'\naliases = [1]", r"#2 \('B'\): 'aliases' must be a list"),
        ("[[actor]]\nid = 'X'\n[[actor]]\nid = 'X'", r"#2: duplicate id 'X'"),
        ("[[company]]\nid = 'X'", r"unknown table 'company'"),
        ("actor = 'X'", r"'actor' must be an array of tables"),
        ("[[actor]]\nid = 'X'\ngroup = 'yes'", r"'group' must be true or false"),
        ("[[actor]]\nid = 'X'\nfr = ['  ']", r"'fr' must be a list of non-empty strings"),
        ("[language.fr]\nplurals = ['s']", r"\[language\.fr\]: unknown field"),
    ],
)
def test_malformed_lexicon_files_name_the_file_and_entry(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon.load(path)


def test_unusable_paths_and_dangling_references(tmp_path):
    with pytest.raises(LexiconError, match="no such file"):
        Lexicon.load(tmp_path / "missing.toml")
    with pytest.raises(LexiconError, match="no .toml files"):
        Lexicon.load(tmp_path)
    (tmp_path / "latin1.toml").write_bytes("[[actor]]\nid = 'Soci\xe9t\xe9'".encode("latin-1"))
    with pytest.raises(LexiconError, match="latin1.toml: not UTF-8"):
        Lexicon.load(tmp_path / "latin1.toml")
    dangling = Lexicon.loads('[[product]]\nid = "X1"\nparent = "Nowhere"', source="user.toml")
    with pytest.raises(LexiconError, match=r"user\.toml: \[\[product\]\] 'X1': parent 'Nowhere' is not a product"):
        dangling.check()
    loop = Lexicon.loads('[[product]]\nid = "A"\nparent = "B"\n[[product]]\nid = "B"\nparent = "A"')
    with pytest.raises(LexiconError, match="loop"):
        loop.product_ancestors("A")
    with pytest.raises(TypeError):
        LEX.merge({})  # type: ignore[arg-type]
