"""The language data extraction reads: the shared cues (``reconcile/data/cues.toml``: outlets, what
a permission governs) and each language's ``cues.toml`` in ``reconcile/languages/<lang>/`` (hedge
cues, equivalence markers, words that carry a subject), loaded once per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from reconcile import languages
from reconcile.lexicon import Lexicon


@attrs.frozen
class _Common:
    outlets: re.Pattern[str] | None
    outlet_names: Mapping[str, str]
    count_units: Mapping[str, str]
    governing: Mapping[str, frozenset[str]]


@attrs.frozen
class _Language:
    abbreviations: frozenset[str]
    modal: re.Pattern[str] | None
    estimates: re.Pattern[str] | None
    reported: re.Pattern[str] | None
    speech_ending: re.Pattern[str] | None
    conditional: re.Pattern[str] | None
    not_conditional: frozenset[str]
    attribution: re.Pattern[str] | None
    follows: tuple[re.Pattern[str], ...]
    back_references: re.Pattern[str] | None
    equivalence: tuple[re.Pattern[str], ...]
    anaphors: re.Pattern[str] | None
    anaphor_words: frozenset[str]
    joiners: frozenset[str]
    source_nouns: re.Pattern[str] | None
    not_figures: frozenset[str]
    unit_price: re.Pattern[str] | None
    takings: re.Pattern[str] | None
    elliptic_followers: frozenset[str]
    generic_nouns: re.Pattern[str] | None
    prospective: re.Pattern[str] | None
    introducers: re.Pattern[str] | None
    descriptions: Mapping[str, frozenset[str]]
    not_after: frozenset[str]
    comparisons: re.Pattern[str] | None
    statement_date: re.Pattern[str] | None
    statement_next: re.Pattern[str] | None
    company_level: re.Pattern[str] | None
    source_references: re.Pattern[str] | None
    not_sources: frozenset[str]
    destinations: re.Pattern[str] | None
    relative_openers: re.Pattern[str] | None
    executives: re.Pattern[str] | None
    executive_speech: re.Pattern[str] | None
    order_amounts: tuple[re.Pattern[str], ...]
    budget_shares: tuple[re.Pattern[str], ...]
    compared_products: re.Pattern[str] | None
    thresholds: re.Pattern[str] | None
    so_far: re.Pattern[str] | None
    fronted_complements: frozenset[str]
    maker_nouns_after: re.Pattern[str] | None
    maker_nouns_before: re.Pattern[str] | None


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def _phrases(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One pattern matching any of ``words`` on word boundaries, longest first."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in words)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", flags)


def _ending(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for a clause that ends with one of ``words``."""
    pattern = _phrases(words)
    return re.compile(rf"(?:{pattern.pattern})\W*$", re.IGNORECASE) if pattern else None


@languages.on_change
@functools.cache
def _common() -> _Common:
    """The cues every language shares (``reconcile/data/cues.toml``) and the count units of the
    shipped lexicon's products."""
    data = languages.shared("cues")
    outlet_names = {alias: canonical for canonical, aliases in data.get("outlets", {}).items() for alias in aliases}
    lexicon = Lexicon.default()
    units = {product: lexicon.count_unit(product, inherited=False) for product in lexicon.products}
    return _Common(
        outlets=_phrases(outlet_names, flags=0),
        outlet_names=outlet_names,
        count_units={product: unit for product, unit in units.items() if unit is not None},
        governing={k: frozenset(v) for k, v in data.get("governing", {}).items()},
    )


def has_language(lang: str) -> bool:
    """Whether ``lang`` is a language code with a data folder (``reconcile/languages/<lang>/``).

    >>> has_language("fr"), has_language("xx")
    (True, False)
    """
    return lang in languages.supported()


def _language_data(lang: str) -> Mapping[str, Any]:
    """A language's ``cues.toml``, as the loader checked it."""
    return languages.load(lang, "cues")


def _sentence_abbreviations(lang: str, listed: Iterable[str]) -> frozenset[str]:
    """The abbreviations of ``cues.toml`` and the month abbreviations of ``periods.toml``
    written with a capital and a dot ("Sept."), none of which ends a sentence."""
    months = languages.load(lang, "periods").get("month_abbreviations", {})
    return frozenset([*listed, *(m[:1].upper() + m[1:] + "." for m in months)])


@languages.on_change
@functools.cache
def _language(lang: str) -> _Language:
    data = _language_data(lang)
    section = lambda name: data.get(name, {})
    compiled = lambda patterns: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    conditional = section("hedge").get("conditional") or ""
    described = Lexicon.default().descriptions(lang)  # "the Hangzhou-based firm": story, in the lexicon
    descriptions = {_fold(k): frozenset(v) for k, v in described.items()}
    anaphors = [*section("subject").get("anaphors", []), *described]
    periods = section("periods")
    statement = _phrases(periods.get("statement_verbs", []))
    glue = _phrases(periods.get("statement_glue", []))
    statement_date = (
        re.compile(rf"{statement.pattern}(?:\s+{glue.pattern})?\s*$" if glue else rf"{statement.pattern}\s*$", re.IGNORECASE)
        if statement else None
    )
    statement_next = re.compile(rf"\s*,?\s*{statement.pattern}", re.IGNORECASE) if statement else None
    return _Language(
        abbreviations=_sentence_abbreviations(lang, section("sentences").get("abbreviations", [])),
        modal=_phrases(section("hedge").get("modal", [])),
        estimates=_phrases(section("hedge").get("estimates", [])),
        reported=_phrases(section("hedge").get("reported", [])),
        speech_ending=_ending(section("hedge").get("speech_endings", [])),
        conditional=re.compile(conditional, re.IGNORECASE) if conditional else None,
        not_conditional=frozenset(_fold(w) for w in section("hedge").get("not_conditional", [])),
        attribution=_phrases(section("attribution").get("cues", [])),
        follows=compiled(section("attribution").get("follows", [])),
        back_references=_phrases(section("attribution").get("back_references", [])),
        equivalence=compiled(section("equivalence").get("between", [])),
        anaphors=_phrases(anaphors),
        anaphor_words=frozenset(_fold(a) for a in anaphors),
        joiners=frozenset(_fold(j) for j in section("subject").get("joiners", [])),
        source_nouns=_phrases(section("figures").get("source_nouns", [])),
        not_figures=frozenset(_fold(w) for w in section("figures").get("not_figures", [])),
        unit_price=_phrases(section("figures").get("unit_price", [])),
        takings=_phrases(section("figures").get("takings", [])),
        elliptic_followers=frozenset(_fold(w) for w in section("figures").get("elliptic_followers", [])),
        generic_nouns=_phrases(section("objects").get("generic_nouns", [])),
        prospective=_phrases(section("hedge").get("prospective", [])),
        introducers=_phrases(section("attribution").get("introducers", [])),
        descriptions=descriptions,
        not_after=frozenset(_fold(w) for w in section("figures").get("not_after", [])),
        comparisons=_ending(section("figures").get("comparisons", [])),
        statement_date=statement_date,
        statement_next=statement_next,
        company_level=_phrases(section("objects").get("company_level", [])),
        source_references=_phrases(section("attribution").get("source_references", [])),
        not_sources=frozenset(_fold(w) for w in section("attribution").get("not_sources", [])),
        destinations=_phrases(section("objects").get("destinations", [])),
        relative_openers=_phrases(section("subject").get("relative_openers", [])),
        executives=_phrases(section("attribution").get("executives", [])),
        executive_speech=_phrases(section("attribution").get("executive_speech", [])),
        order_amounts=compiled(section("figures").get("order_amounts", [])),
        budget_shares=compiled(section("figures").get("budget_shares", [])),
        compared_products=_ending(section("objects").get("compared_with", [])),
        thresholds=_phrases(section("figures").get("thresholds", [])),
        so_far=_phrases(section("periods").get("so_far", [])),
        fronted_complements=frozenset(_fold(w) for w in section("subject").get("fronted_complements", [])),
        maker_nouns_after=_phrases(section("subject").get("maker_nouns_after", [])),
        maker_nouns_before=_ending(section("subject").get("maker_nouns_before", [])),
    )
