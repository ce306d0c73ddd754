"""The period slot (reconcile/extract/period.py): which period dates a figure, in fictional sentences.

Each row: language, publication date, text, the figure as written, the period expected
("YYYY-MM-DD..YYYY-MM-DD", one day, or None).
"""

from __future__ import annotations

import pytest

from reconcile import extract_claims
from reconcile.model import DateRange, Document

FISCAL = ("Zephyr reported results for its fiscal first quarter ended March 28, 2031. "
          "Quarterly revenue rose to $3 billion. First-quarter profit was $400 million.")
ANNUAL = "Zephyr had revenue of $400 million in the fourth quarter of 2030 and full-year revenue of $1.5 billion."

CASES = [
    # Datelines and reporting days date the report, not the figure.
    ("en", "2031-03-05", "BRIGHTWATER (Mar 5): Zephyr Motors said it sold 12,000 units this year.",
     "12,000", "2031-01-01..2031-12-31"),
    ("en", "2031-03-05", "On Tuesday, Zephyr Motors reported revenue of $4.2 billion.", "$4.2 billion", None),
    ("fr", "2031-03-05", "Zephyr Motors a annoncé mardi un chiffre d'affaires de 4,2 milliards d'euros.",
     "4,2 milliards d'euros", None),
    ("en", "2031-03-05", "date 2031-03-05 Zephyr Motors will buy Quill Foods for $9 billion.", "$9 billion", None),
    # A share move or price is of the news day, its own day when it names one.
    ("en", "2031-03-04", "Zephyr said on Tuesday it would recall 9,000 units. Its shares fell 6%.", "6%",
     "2031-03-04"),
    ("en", "2031-03-05", "Zephyr shares fell 6% after the announcement.", "6%", None),  # the writing day is no period
    ("en", "2031-03-05", "Zephyr closed above $80 billion in market value on Tuesday.", "closed above $80 billion",
     "2031-03-04"),
    ("fr", {"from": "2031-03-04", "to": "2031-03-31"},
     "Le groupe a publié ses comptes mardi 4 mars. L'action Zephyr a reculé de 9 % à la Bourse de Lyon.",
     "9 %", "2031-03-04"),
    ("en", "2031-03-05", "Two trusts hold 18% of the company's stock.", "18%", None),
    # A bracketed year dates the bracket's figure, not the one before it.
    ("en", "2031-03-05", "Revenue was €5.3 billion (2030: €4.9 billion) in the period under review.",
     "€4.9 billion", "2030-01-01..2030-12-31"),
    # "a year ago", "the year-ago quarter": the period named before them, a year back.
    ("en", "2030-11-05", "Zephyr had revenue of $5 billion in the third quarter of 2030, up from $4 billion a year ago.",
     "$4 billion", "2029-07-01..2029-09-30"),
    ("en", "2030-11-05", "Margin was 38% in the third quarter of 2030, compared with 41% in the year-ago quarter.",
     "41%", "2029-07-01..2029-09-30"),
    ("en", "2030-11-05", "Margin was 38% in the third quarter of 2030, compared with 41% in the year-ago quarter.",
     "38%", "2030-07-01..2030-09-30"),
    # A period after another figure, outside the figure's clause, is that figure's.
    ("fr", "2031-03-05",
     "Zephyr rachète Quill pour 9 milliards d'euros, afin de créer un groupe de 30 milliards d'euros de ventes en 2030.",
     "9 milliards d'euros", None),
    ("en", "2031-03-05", "Quill had sales of $6 billion ($5.1 billion in euros) last year.", "$6 billion",
     "2030-01-01..2030-12-31"),
    # Guidance with no period of its own is for the current year.
    ("en", "2031-09-10", "Zephyr cut its outlook and now expects an operating margin of about 6%.", "about 6%",
     "2031-01-01..2031-12-31"),
    # Annual figures are dated to the whole year, not to the quarter named beside them.
    ("en", "2031-01-20", ANNUAL, "$1.5 billion", "2030-01-01..2030-12-31"),
    ("en", "2031-01-20", ANNUAL, "$400 million", "2030-10-01..2030-12-31"),
    # A quarter named without a date to read it by, or a sentence about "the quarter", takes the one
    # quarter the article dates.
    ("en", None, FISCAL, "$3 billion",
     "2030-12-29..2031-03-28"),
    ("en", None, FISCAL, "$400 million",
     "2030-12-29..2031-03-28"),
    # A sentence about what is to come takes no past period from the sentences before.
    ("en", "2031-03-05", "Zephyr bought the Pell chain in 2027 for $2 billion. Zephyr will acquire Quill for $9 billion.",
     "$9 billion", None),
]


def _published(value: object) -> DateRange | None:
    return DateRange.parse(value) if value is not None else None


@pytest.mark.parametrize(("lang", "published", "text", "figure", "want"), CASES, ids=[c[3] + " | " + c[2][:40] for c in CASES])
def test_period_of_a_figure(lang: str, published: object, text: str, figure: str, want: str | None) -> None:
    doc = Document(id="d", lang=lang, text=text, published=_published(published))
    claims = [c for c in extract_claims(doc) if c.text == figure]
    assert claims, [(c.text, str(c.period)) for c in extract_claims(doc)]
    got = claims[0].period
    assert (str(got) if got is not None else None) == want
