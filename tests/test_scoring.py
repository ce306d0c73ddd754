"""evaluation/scoring.py: the gold-set scorer the evaluation script and the gold tests use."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

from reconcile.extract import extract_claims
from reconcile.model import Document

ROOT = Path(__file__).resolve().parent.parent
# Scoring is evaluation code, not the library's: it lives in evaluation/, outside the package.
sys.path.insert(0, str(ROOT / "evaluation"))
import scoring
from scoring import score_claims


def en(text: str) -> Document:
    return Document(id="d", text=text, lang="en")


def test_doctests():
    assert doctest.testmod(scoring, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS).failed == 0


def test_score_counts_misses_and_spurious_claims():
    claims = extract_claims(en("Tencent bought 200,000 H20 chips. Alibaba bought 5,000 H20 chips."))
    gold = [
        {"doc_id": "d", "start": 15, "end": 22, "value": 200000, "subject": "Tencent", "action": "buy", "object": "H20"},
        {"doc_id": "d", "start": 0, "end": 7, "value": 1, "subject": None, "action": "other", "object": None},
    ]
    score = score_claims(claims, gold)
    assert (score.claims, score.gold, score.matched, score.frames_right) == (2, 2, 1, 1)
    assert score.precision == score.recall == 0.5
    assert [c.text for c in score.spurious] == ["5,000"]
