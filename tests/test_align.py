"""Alignment: which claims speak of the same (subject, action, object, kind, period)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.judge.align import align, block_key, common_period, period_clusters, subject_key
from reconcile.model import Claim, DateRange, Quantity

Y2024, Y2025, Y2026 = DateRange.year(2024), DateRange.year(2025), DateRange.year(2026)
_ids = itertools.count()


def claim(
    doc="a",
    value=100.0,
    *,
    unit="chip",
    kind="count",
    subject="ByteDance",
    action="order",
    obj="H20",
    period=None,
) -> Claim:
    n = next(_ids)
    return Claim(
        id=f"{doc}#{n}",
        doc_id=doc,
        start=0,
        end=1,
        text=str(value),
        sentence=f"sentence {n}",
        quantity=Quantity.exact(value, unit, kind),
        subject=subject,
        action=action,
        object=obj,
        period=period,
    )


def ids(fact) -> set[str]:
    return {c.id for c in fact.claims}


def test_same_product_aligns_across_documents_and_languages():
    fr = claim("fr", 200_000, period=Y2024)
    en = claim("en", 210_000, period=Y2024)
    facts = align([fr, en])
    assert len(facts) == 1
    assert ids(facts[0]) == {fr.id, en.id}
    assert facts[0].object == "H20" and facts[0].period == Y2024


def test_product_does_not_align_with_its_parent_family():
    h20 = claim("a", 200_000, obj="H20")
    family = claim("b", 1_000_000, obj="Nvidia AI chips")
    facts = align([h20, family])
    assert sorted(len(f.claims) for f in facts) == [1, 1]
    assert {f.object for f in facts} == {"H20", "Nvidia AI chips"}


def test_group_subject_aligns_with_group_not_with_member():
    group_a = claim("a", 400_000, subject=("Tencent", "ByteDance", "Alibaba"), action="approve", obj="H200")
    group_b = claim("b", 400_000, subject=("Alibaba", "ByteDance", "Tencent"), action="approve", obj="H200")
    member = claim("c", 100_000, subject="ByteDance", action="approve", obj="H200")
    facts = align([group_a, group_b, member])
    by_subject = {f.subject: f for f in facts}
    assert ids(by_subject[("Alibaba", "ByteDance", "Tencent")]) == {group_a.id, group_b.id}
    assert ids(by_subject["ByteDance"]) == {member.id}


def test_overlapping_periods_align_disjoint_do_not():
    a = claim("a", 1, period=Y2024)
    b = claim("b", 1, period=DateRange("2024-06-01", "2025-06-30"))
    c = claim("c", 1, period=Y2026)
    facts = align([a, b, c])
    assert sorted(sorted(ids(f)) for f in facts) == sorted([sorted([a.id, b.id]), [c.id]])


def test_a_bridging_period_cannot_glue_disjoint_years():
    a = claim("a", 1, period=Y2024)
    bridge = claim("b", 1, period=DateRange(Y2024.start, Y2025.end))
    c = claim("c", 1, period=Y2025)
    for fact in align([a, bridge, c]):
        periods = [x.period for x in fact.claims]
        assert all(p.overlaps(q) for p in periods for q in periods)
    assert not any({a.id, c.id} <= ids(f) for f in align([a, bridge, c]))


def test_an_undated_claim_is_its_own_fact_beside_the_dated_ones_of_its_block():
    plan_2025 = claim("a", 7e9, unit="USD", kind="money", action="spend", obj=None, period=Y2025)
    plan_2026 = claim("b", 9e9, unit="USD", kind="money", action="spend", obj=None, period=Y2026)
    undated = claim("c", 40e9, unit="CNY", kind="money", action="spend", obj=None)
    facts = align([plan_2025, plan_2026, undated])
    assert [sorted(ids(f)) for f in facts] == [[plan_2025.id], [plan_2026.id], [undated.id]]
    assert facts[-1].period is None and facts[-1].unit == "CNY"


def test_undated_claims_alone_make_an_undated_fact():
    a, b = claim("a", 5.6e9, unit="USD", kind="money", obj="Ascend"), claim("b", 5.6e9, unit="USD", kind="money", obj="Ascend")
    (fact,) = align([a, b])
    assert fact.period is None and fact.id.endswith("/undated")


def test_money_blocks_across_currencies_but_counts_keep_their_unit():
    usd = claim("a", 7e9, unit="USD", kind="money", action="spend")
    cny = claim("b", 50e9, unit="CNY", kind="money", action="spend")
    chips = claim("c", 7, unit="chip", action="spend")
    users = claim("d", 7, unit="user", action="spend")
    assert block_key(usd) == block_key(cny)
    assert block_key(chips) != block_key(users)
    assert len(align([usd, cny, chips, users])) == 3


def test_different_actions_are_different_facts():
    ordered = claim("a", 100_000, obj="Ascend 910B", period=Y2024)
    received = claim("a", 30_000, action="receive", obj="Ascend 910B", period=Y2024)
    assert len(align([ordered, received])) == 2


def test_fact_ids_are_unique_stable_and_readable():
    claims = [claim(d, 1, period=p) for d in "abc" for p in (Y2024, Y2026)]
    first = [f.id for f in align(claims)]
    again = [f.id for f in align(list(reversed(claims)))]
    assert first == again
    assert len(set(first)) == len(first)
    assert "ByteDance/order/H20/count-chip/2024-01-01..2024-12-31" in first


def test_subject_key_normalises_groups():
    assert subject_key(["Tencent", "Alibaba"]) == ("Alibaba", "Tencent")
    assert subject_key(("ByteDance", "ByteDance")) == "ByteDance"


def test_common_period_is_the_intersection():
    a = claim("a", 1, period=DateRange("2024-01-01", "2024-12-31"))
    b = claim("b", 1, period=DateRange("2024-10-01", "2025-03-31"))
    assert common_period([a, b, claim("c", 1)]) == DateRange("2024-10-01", "2024-12-31")
    assert common_period([claim("d", 1)]) is None


days = st.integers(min_value=0, max_value=3 * 365)


@st.composite
def periods(draw):
    start = draw(days)
    length = draw(st.integers(min_value=0, max_value=400))
    origin = dt.date(2023, 1, 1)
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    return DateRange(origin + dt.timedelta(days=start), origin + dt.timedelta(days=start + length))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(periods(), st.sampled_from(["order", "buy"]), st.sampled_from(["H20", "H200"])), max_size=25))
def test_alignment_invariants(specs):
    claims = [claim("d", 1, action=a, obj=o, period=p) for p, a, o in specs]
    facts = align(claims)
    placed = [c.id for f in facts for c in f.claims]
    # every claim is in some fact; a dated claim in exactly one
    assert {c.id for c in claims} == set(placed)
    for c in claims:
        if c.period is not None:
            assert placed.count(c.id) == 1
    for fact in facts:
        keys = {block_key(c) for c in fact.claims}
        assert len(keys) == 1
        dated = [c.period for c in fact.claims if c.period is not None]
        # all dated claims of a fact share at least one day
        if dated:
            assert max(p.start for p in dated) <= min(p.end for p in dated)
            assert fact.period == common_period(fact.claims)
    # clusters are minimal: no two dated clusters of a block could be merged
    for key in {block_key(c) for c in claims}:
        block = [c for c in claims if block_key(c) == key]
        clusters = period_clusters(block)
        for left, right in itertools.combinations(clusters, 2):
            merged = [c.period for c in left + right]
            assert max(p.start for p in merged) > min(p.end for p in merged)
