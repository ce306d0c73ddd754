"""The stage slot: cues of each language decide whether a figure is done, planned, the company's
forecast, someone else's estimate or a target. Sentences are made up for these tests."""

from __future__ import annotations

import pytest

from reconcile import extract_claims
from reconcile.model import STAGES, Claim, Document, Quantity
from reconcile.report.schema import claim_json


def stages(lang: str, text: str) -> list[tuple[str, str]]:
    doc = Document(id="d", text=text, lang=lang, published={"from": "2025-03-01", "to": "2025-03-01"})
    return [(c.text, c.stage) for c in extract_claims([doc])]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Quillfield reported revenue of $4.2 billion.", ["actual"]),
        ("en", "Analysts had expected revenue of $4 billion.", ["estimate"]),
        ("en", "Quillfield reported revenue of $4.2 billion, above the consensus of $4 billion.", ["actual", "estimate"]),
        ("en", "Quillfield expects revenue of $5 billion next year.", ["forecast"]),
        ("en", "Quillfield will invest $200 million in its new plant.", ["plan"]),
        ("en", "Its target is an operating margin of 12%.", ["target"]),
        ("fr", "Le groupe Ormeau compte investir 50 millions d'euros dans son usine.", ["plan"]),
        ("fr", "Les analystes attendaient un chiffre d'affaires de 3 milliards d'euros.", ["estimate"]),
        ("fr", "Ormeau a réalisé un chiffre d'affaires de 3,1 milliards d'euros.", ["actual"]),
        # a takeover agreed, not completed: what will be paid
        ("en", "Quillfield is buying Larkspur in a deal worth $9 billion.", ["plan"]),
        ("fr", "Ormeau a annoncé le rachat de Pivoine pour 2 milliards d'euros.", ["plan"]),
        ("en", "Looking ahead, we expect revenue of about $5 billion.", ["forecast"]),
    ],
)
def test_the_nearest_cue_decides_the_stage(lang, text, expected):
    assert [stage for _, stage in stages(lang, text)] == expected


def test_the_stage_has_its_evidence():
    doc = Document(id="d", text="Analysts had expected revenue of $4 billion.", lang="en")
    [claim] = extract_claims([doc])
    evidence = claim.evidence_for("stage")
    assert (evidence.resolver, evidence.origin, evidence.text) == ("cue_in_clause", "explicit", "Analysts had expected")


def test_a_claim_defaults_to_actual_and_refuses_an_unknown_stage():
    claim = Claim("c", "d", 0, 1, "5", "5.", Quantity.exact(5))
    assert claim.stage == "actual" and claim_json(claim)["stage"] == "actual"
    assert set(STAGES) == {"actual", "plan", "forecast", "estimate", "target"}
    with pytest.raises(ValueError):
        Claim("c", "d", 0, 1, "5", "5.", Quantity.exact(5), stage="rumour")
