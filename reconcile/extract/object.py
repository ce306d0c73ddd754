"""The object slot: the product a figure counts or buys, named near it or carried from the story.

:data:`OBJECT_RESOLVERS`, in order of precedence:

- ``value_has_no_object``: a market value is the company's, of no product;
- ``list_item_product``: in a list ("12 for model A, 14 for model B", "12 pour le modèle A"), the
  product right after the figure's "for"/"pour", not the one named before the figure;
- ``clause_product``: the most specific product of the cluster nearest the figure, a counted noun
  first ("Ascend 910B" over "Ascend"); not in a relative clause the figure is not in, not a
  product compared with ("celui du H100"); for a percentage, only one of its own clause;
- ``counted_noun_product``: a product named in the figure's counted noun;
- ``maker_family``: a maker named with a generic noun ("puces ... Nvidia") stands for its family;
- ``carried_product``: the product of the frame carried into the figure, when it may carry
  (:func:`_may_carry_object`): counts always, sums spent on the deal, never revenue, fines,
  market values or shares;
- ``no_object``: none.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from reconcile.extract.context import _is_measure
from reconcile.extract.index import _DocumentIndex, _family
from reconcile.extract.language import _common, _Language
from reconcile.extract.resolvers import Found, Resolver, resolver
from reconcile.extract.sentences import Sentence
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity
from reconcile.numerals import alternation, language

if TYPE_CHECKING:
    from reconcile.extract.reading import _Reading

_NOUN_SLACK = 8
"""Characters past the end of a figure's counted noun in which a product still names that noun
("100 000 puces Ascend 910B": the product right after "puces")."""
_SPENDING_CARRY_SENTENCES = 1
"""How many sentences back the same subject's deal may lend its product to a sum spent that does
not point back at it (the same sentence or the one before)."""
_LIST_ITEM_REACH = 30
"""Characters after a figure (and its noun) in which "for"/"pour" and the product it binds stand."""
_DESTINATION_DATE_SLACK = 1
"""Characters after a destination word within which a period starting there is only a date aside
("1,5 milliard d'euros en 2024" is no destination)."""


def _countable(products: list[LexMatch], quantity: Quantity) -> list[LexMatch]:
    """The products a figure can be about: apps for user counts, the rest for everything else."""
    units = _common().count_units
    wants_users = quantity.unit == "user"
    return [p for p in products if (units.get(p.canonical) == "user") == wants_users]


def _object(figure: Mention, products: list[LexMatch], lexicon: Lexicon) -> LexMatch | None:
    """The most specific product of the cluster nearest the figure (a counted noun comes first)."""
    if not products:
        return None
    clusters: list[list[LexMatch]] = []
    cluster_end = -2
    for product in sorted(products, key=lambda p: (p.start, p.end)):
        if clusters and product.start <= cluster_end + 1:
            clusters[-1].append(product)
        else:
            clusters.append([product])
        cluster_end = max(cluster_end, product.end) if len(clusters[-1]) > 1 else product.end
    noun_end = figure.end + (len(figure.noun) + _NOUN_SLACK if figure.noun else 0)
    in_noun = [c for c in clusters if figure.end <= c[0].start <= noun_end]
    nearest = in_noun[0] if in_noun else min(clusters, key=lambda c: _distance(c[0].start, c[-1].end, figure))
    return max(nearest, key=lambda p: (len(lexicon.product_ancestors(p.canonical)), p.end - p.start))


# ---------------------------------------------------------------------------------------------
# Resolvers


@resolver("value_has_no_object")
def _value_has_no_object(reading: _Reading) -> Found[Any] | None:
    own = reading.own_action
    if own.value != "value":
        return None
    return Found(None, own.evidence.origin, own.evidence.start, own.evidence.end)


@functools.cache
def _item_binder(lang: str) -> re.Pattern[str] | None:
    """"for", "pour" (``[counted] item_binders`` of ``numbers.toml``) opening the text after a figure."""
    words = language(lang).counted.item_binders
    return re.compile(rf"\s*(?:{alternation(list(words))})\s", re.IGNORECASE) if words else None


@resolver("list_item_product")
def _list_item_product(reading: _Reading) -> Found[Any] | None:
    mention, text = reading.mention, reading.index.text
    binder = _item_binder(reading.index.doc.lang)
    end = mention.end
    if mention.noun:
        at = text.find(mention.noun, mention.end, mention.end + _LIST_ITEM_REACH)
        end = at + len(mention.noun) if at >= 0 else end
    found = binder.match(text, end, end + _LIST_ITEM_REACH) if binder else None
    if found is None:
        return None
    after = [p for p in reading.products if found.end() <= p.start <= end + _LIST_ITEM_REACH]
    best = min(after, key=lambda p: p.start, default=None)
    return Found(best.canonical, "explicit", best.start, best.end) if best else None


@resolver("clause_product")
def _clause_product(reading: _Reading) -> Found[Any] | None:
    best = _object(reading.mention, reading.products, reading.lexicon)
    return Found(best.canonical, "explicit", best.start, best.end) if best else None


@resolver("counted_noun_product")
def _counted_noun_product(reading: _Reading) -> Found[Any] | None:
    mention = reading.mention
    if not mention.noun:
        return None
    noun_products = reading.lexicon.find_products(mention.noun, reading.index.doc.lang)
    best = _object(Mention(0, 0, "", mention.quantity), noun_products, reading.lexicon) if noun_products else None
    return Found(best.canonical, "explicit", mention.start, mention.end) if best else None


@resolver("maker_family")
def _maker_family(reading: _Reading) -> Found[Any] | None:
    if reading.quantity.unit in ("user", "percent"):
        return None
    family = _family(reading.index, reading.sentence_no)
    return Found(family[0], "explicit", family[1].start, family[1].end) if family else None


@resolver("carried_product")
def _carried_product(reading: _Reading) -> Found[Any] | None:
    carried = reading.carried_deal
    if carried is None or carried.object is None:
        return None
    continues_deal = reading.subject_carried and not reading.anaphors
    same_subject = reading.story_subject.value == carried.subject
    if not _may_carry_object(reading.mention, reading.step_action.value, reading.sentence_no, reading.carried[1],
                             continues_deal, same_subject, reading.index, reading.language):
        return None
    return Found(carried.object, "carried", *reading.carried_span())


@resolver("no_object")
def _no_object(reading: _Reading) -> Found[Any] | None:
    return Found(None, "default")


OWN_OBJECT_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (_list_item_product, _clause_product, _counted_noun_product, _maker_family)
"""The product the figure's own sentence names for it."""

OBJECT_RESOLVERS: tuple[Resolver[_Reading, Any], ...] = (
    _value_has_no_object,
    *OWN_OBJECT_RESOLVERS,
    _carried_product,
    _no_object,
)
"""The object slot, in order of precedence (see the module docstring)."""

OWN_OBJECT_OR_NONE: tuple[Resolver[_Reading, Any], ...] = (*OWN_OBJECT_RESOLVERS, _no_object)
"""The figure's own object, or none: what the action resolvers read."""


def _may_carry_object(mention: Mention, action: str, sentence_no: int, carried_from: int, continues_deal: bool,
                      same_subject: bool, index: _DocumentIndex, language: _Language) -> bool:
    """Whether a figure whose sentence names no product takes the product of the frame carried
    into it. Counts do ("n'en aurait reçu que 30 000"), shares never ("up 2%"), nor do sums
    earned or owed (revenue, fines: ``other``) or market values. A sum spent does when its
    sentence has the deal for subject, or points back at it with a generic product noun ("on the
    processors") or a purchase step ("pour cette commande"); else only when the same subject's
    deal was told in the same or the previous sentence and the sum has no destination of its own
    ("dans ses centres de données", "capital spending").
    """
    quantity = mention.quantity
    if quantity.kind not in ("money", "percent"):
        return True
    if action in ("other", "value") or _is_measure(action) or quantity.kind == "percent":
        return False
    if action == "price" or continues_deal:
        return True  # a unit price, or a sum that is the deal itself ("Ce partenariat à 5,6 milliards")
    sentence = index.sentences[sentence_no]
    if index.generic_nouns.within(sentence.start, sentence.end):
        return True
    if any(index.lexicon.action_stage(a.canonical) not in (None, 0) for a in index.actions(sentence_no)):
        return True
    if not same_subject or sentence_no - carried_from > _SPENDING_CARRY_SENTENCES or (language.company_level and language.company_level.search(sentence.text)):
        return False
    return not _own_destination(mention, sentence, index, language)


def _own_destination(mention: Mention, sentence: Sentence, index: _DocumentIndex, language: _Language) -> bool:
    """Whether a sum is said to go somewhere right after it ("1,5 milliard d'euros dans ses
    centres de données", "$3bn on data centres"), a date aside ("en 2024")."""
    if language.destinations is None:
        return False
    after = index.text[mention.end : sentence.end]
    match = language.destinations.match(after.lstrip())
    if match is None or match.start() != 0:
        return False
    at = mention.end + len(after) - len(after.lstrip())
    return not any(p.start <= at + match.end() + _DESTINATION_DATE_SLACK and p.end > at
                   for p in index.periods(index.sentence_index(at)))
