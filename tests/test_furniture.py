"""Page furniture and repeated statements (issues 9 and 12), in sentences written for these tests.

Link titles, teasers, menus and bylines state nothing of the article's: their figures are not
claims. A headline, a caption or an earlier copy of a paragraph restates the body: its figure is
a claim whose ``repeats`` names the body claim, so one statement is counted once.
"""

from __future__ import annotations

import attrs
import pytest

from reconcile import extract_claims
from reconcile.extract.furniture import read_page
from reconcile.lexicon import Lexicon
from reconcile.model import Document
from reconcile.report.schema import claim_json

# Two fictional companies a user's lexicon names.
LEXICON = Lexicon.default() | Lexicon.loads(
    '[[actor]]\nid = "Norwind"\naliases = ["Norwind"]\n[[actor]]\nid = "Quillon"\naliases = ["Quillon"]\n', source="test")


def _claims(text: str, lang: str = "en", title: str | None = None):
    return extract_claims([Document(id="d", text=text, lang=lang, title=title, published="2025-03-04")], LEXICON)


# --- which lines are furniture -----------------------------------------------------------------

LINE_KINDS = [
    # (language, text, kinds of its non-empty lines)
    ("en", "Also read:\nBrightway sells 9% of its glass unit\nNorwind raised its revenue by 4% in May, it said.",
     ["link", "link", "body"]),
    ("en", "Related: Quillon hires 300 engineers\nNorwind raised its revenue by 4% in May, it said.", ["link", "body"]),
    ("fr", "Norvent a relevé son chiffre d'affaires de 4 % en mai.\nÀ lire aussi\nBrillac cède 9 % de sa filiale verre",
     ["body", "link", "link"]),
    ("fr", ("Norvent a relevé son chiffre d'affaires de 4 % en mai.\n(...) Cliquez ici pour voir la suite\n"
     "Transport : le billet à 3,20 euros dès lundi\nMétéo : jusqu'à 30 degrés ce week-end ?"), ["body", "teaser", "link", "link"]),
    ("en", "Norwind profit jumps 12%\nBy Jane Marlow\nNorwind said its profit rose 12% in the quarter.",
     ["headline", "byline", "body"]),
    ("fr", "Le bénéfice de Norvent bondit de 12 %\nPar: A. Lenoir 04-03-2025\nNorvent a vu son bénéfice progresser de 12 %.",
     ["headline", "byline", "body"]),
    ("fr", "Norvent triple son bénéfice\nmardi 4 mars 2025 09h30\nNorvent a triplé son bénéfice en 2024.",
     ["headline", "date_stamp", "body"]),
    ("en", "Tuesday, 4 March 2025\nIn March 2025 Norwind said its profit rose 12% in the quarter.", ["date_stamp", "body"]),
    ("en", "Advertisement\nNorwind said its profit rose 12% in the quarter.\nShare", ["menu", "body", "menu"]),
    ("en", "Workers at the Norwind plant in Tarrow on March 2. (Reuters Photo)\nNorwind said it would cut 400 jobs.",
     ["caption", "body"]),
    ("fr", "Norvent va supprimer 400 postes, a annoncé le groupe ( AFP / Paul Remy )\nNorvent supprimera 400 postes d'ici juin.",
     ["caption", "body"]),
    # A body paragraph that opens with a cue word in a sentence of its own is no furniture.
    ("en", "Norwind posts record sales\nBy 2026, Norwind expects sales of $4bn, it said. Related costs fell 3%.",
     ["headline", "body"]),
    # A sentence of the body that holds a teaser's words is no teaser.
    ("en", "Norwind said 40% of readers click here first.\nIt also hired 50 people.", ["body", "body"]),
    ("fr", "Norvent annonce 300 embauches\nLire la suite...\nMétéo : 30 degrés", ["headline", "teaser", "link"]),
    # A headline ends without a full stop; a first line that is a sentence is the body.
    ("en", "Norwind said its profit rose 12% in the quarter.\nIt also hired 50 people.", ["body", "body"]),
]


@pytest.mark.parametrize(("lang", "text", "kinds"), LINE_KINDS)
def test_each_line_gets_its_kind(lang, text, kinds):
    assert [line.kind for line in read_page(text, lang).lines] == kinds


def test_a_line_equal_to_the_documents_title_is_the_headline_anywhere():
    text = "Norwind said its profit rose 12% in the quarter.\nNorwind profit up 12% on strong orders."
    assert [line.kind for line in read_page(text, "en", "Norwind profit up 12% on strong orders").lines] == ["body", "headline"]


# --- figures in furniture are not claims -------------------------------------------------------


def test_figures_in_link_titles_and_teasers_are_not_claims():
    claims = _claims(
        "Norvent a relevé son chiffre d'affaires de 4 % en mai.\n(...) Cliquez ici pour voir la suite\n"
        "Transport : le billet à 3,20 euros dès lundi\nLire aussi : Brillac cède 9 % de sa filiale verre", "fr")
    assert [c.text for c in claims] == ["4 %"]


def test_an_also_read_line_before_the_body_gives_no_claim():
    claims = _claims("Also read: Quillon buys 300 delivery vans for $12m\n"
                     "Norwind raised its revenue by 4% to $80m in May, the company said.")
    assert sorted(c.text for c in claims) == ["$80m", "4%"]


# --- restated figures link to the body's ---------------------------------------------------------


def test_a_headline_figure_the_body_repeats_points_at_the_body_claim():
    first, second = sorted(_claims("Norwind profit jumps to $2.4bn\nNorwind said its net profit rose to $2.4bn last year."),
                           key=lambda c: c.start)
    assert first.repeats == second.id and second.repeats is None


def test_a_rounded_headline_figure_repeats_the_precise_body_figure():
    head, *body = sorted(_claims("Norwind to buy Calder for nearly $12bn\n"
                                 "Norwind agreed to buy Calder for $11.8bn in cash, the companies said."), key=lambda c: c.start)
    assert head.text == "nearly $12bn" and head.repeats == body[0].id


def test_a_headline_figure_the_body_does_not_repeat_stays_a_claim_of_its_own():
    head, body = sorted(_claims("Norwind shares jump 9%\nNorwind said its revenue rose 4% in the quarter."), key=lambda c: c.start)
    assert head.text == "9%" and head.repeats is None and body.repeats is None


def test_a_headline_figure_is_not_linked_to_another_companys_equal_figure():
    head, body = sorted(_claims("Norwind revenue up 4%\nQuillon said its revenue rose 4% in the quarter."), key=lambda c: c.start)
    assert head.subject == "Norwind" and body.subject == "Quillon"
    assert head.repeats is None


def test_a_caption_figure_the_body_states_links_to_it():
    cap, body = sorted(_claims("Workers at the Norwind plant, where the group will invest $400m (Paul Remy/AFP)\n"
                               "Norwind will invest $400m in its Tarrow plant, it said on Monday."), key=lambda c: c.start)
    assert cap.repeats == body.id


def test_a_paragraph_given_twice_links_each_figure_to_the_later_copy():
    paragraph = "Norwind reported revenue of $3.1bn and a net profit of $420m for the year to March."
    claims = sorted(_claims(f"Norwind results\n{paragraph}\n{paragraph}\nIts shares rose 2%."), key=lambda c: c.start)
    first_copy, second_copy = claims[:2], claims[2:4]
    assert [c.repeats for c in first_copy] == [c.id for c in second_copy]
    assert all(c.repeats is None for c in claims[2:])


def test_repeats_is_in_the_json_claim():
    claim = _claims("Norwind said its net profit rose to $2.4bn last year.")[0]
    assert claim_json(claim)["repeats"] is None
    assert claim_json(attrs.evolve(claim, repeats="d#9"))["repeats"] == "d#9"


def test_a_headline_count_links_to_the_body_count():
    head, body = sorted(_claims("Norwind ships 20,000 chips\nNorwind shipped 20,000 chips last month."), key=lambda c: c.start)
    assert head.quantity.kind == "count" and head.repeats == body.id


def test_a_headline_figure_does_not_repeat_a_figure_of_another_currency():
    head, *_ = sorted(_claims("Norwind to invest €500m\nNorwind will invest $500m in its Tarrow plant, it said."),
                      key=lambda c: c.start)
    assert head.repeats is None
