"""extract_claims on the table of cases in tests/extract_cases.json: a document, and the fields
expected of each of its claims in text order (see the file's "about")."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from reconcile.extract import extract_claims
from reconcile.model import Claim, DateRange, Document

CASES = json.loads((Path(__file__).resolve().parent / "extract_cases.json").read_text(encoding="utf-8"))["cases"]
QUANTITY_FIELDS = ("unit", "kind", "bound")


def read(claim: Claim, field: str) -> Any:
    """A claim's field in the shape the table writes it."""
    if field in QUANTITY_FIELDS:
        return getattr(claim.quantity, field)
    if field == "stated":
        return claim.quantity.stated
    return getattr(claim, field)


def expected(field: str, value: Any) -> Any:
    if field == "subject" and isinstance(value, list):
        return tuple(sorted(value))
    if field == "period" and value is not None:
        return DateRange.parse(value)
    return value


@pytest.mark.parametrize("case", CASES, ids=[f"{c['group']}: {c['name']} [{i}]" for i, c in enumerate(CASES)])
def test_case(case):
    doc = Document(id="d", lang=case["lang"], text=case["text"], published=case.get("published"))
    claims = extract_claims(doc)
    assert len(claims) == len(case["claims"]), [(c.text, c.sentence) for c in claims]
    for number, (claim, fields) in enumerate(zip(claims, case["claims"]), 1):
        for field, value in fields.items():
            got, want = read(claim, field), expected(field, value)
            if field == "stated":
                assert math.isclose(got, want), (number, field, got, want)
            else:
                assert got == want, (number, field, got, want)


def test_cases_are_well_formed():
    known = {"subject", "action", "object", "period", "hedged", "attributed_to", "text", "stated", *QUANTITY_FIELDS}
    for case in CASES:
        assert {"group", "name", "lang", "text", "claims"} <= case.keys() <= {"group", "name", "lang", "text", "claims",
                                                                              "published"}
        for fields in case["claims"]:
            assert fields.keys() <= known, fields.keys() - known
