"""The object slot: the product a figure counts or buys, named near it or carried from the story."""

from __future__ import annotations

from reconcile.extract.index import _DocumentIndex
from reconcile.extract.language import _common, _Language
from reconcile.extract.sentences import Sentence
from reconcile.extract.spans import _distance
from reconcile.lexicon import Lexicon, LexMatch
from reconcile.model import Mention, Quantity

_NO_OBJECT_ACTIONS = frozenset({"value"})

# How many sentences back a product may be carried into a sentence that names none.
_OBJECT_CARRY_SENTENCES = 2


def _countable(products: list[LexMatch], quantity: Quantity) -> list[LexMatch]:
    """The products a figure can be about: apps for user counts, the rest for everything else."""
    units = _common().count_units
    wants_users = quantity.unit == "user"
    return [p for p in products if (units.get(p.canonical) == "user") == wants_users]


def _object(figure: Mention, products: list[LexMatch], lexicon: Lexicon) -> str | None:
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
    noun_end = figure.end + (len(figure.noun) + 8 if figure.noun else 0)
    in_noun = [c for c in clusters if figure.end <= c[0].start <= noun_end]
    nearest = in_noun[0] if in_noun else min(clusters, key=lambda c: _distance(c[0].start, c[-1].end, figure))
    best = max(nearest, key=lambda p: (len(lexicon.product_ancestors(p.canonical)), p.end - p.start))
    return best.canonical


def _may_carry_object(mention: Mention, action: str, sentence_no: int, carried_from: int, continues_deal: bool,
                      same_subject: bool, index: _DocumentIndex, language: _Language) -> bool:
    """Whether a figure whose sentence names no product takes the product of the frame carried
    into it. Counts do ("n'en aurait reçu que 30 000"), shares never ("up 2%"), nor do sums
    earned or owed (revenue, fines: ``other``) or market values. A sum spent does when its
    sentence has the deal for subject, or points back at it with a generic product noun ("on the processors") or a
    purchase step ("pour cette commande"); else only when the same subject's deal was told in the
    same or the previous sentence and the sum has no destination of its own ("dans ses centres de
    données", "capital spending").
    """
    quantity = mention.quantity
    if quantity.kind not in ("money", "percent"):
        return True
    if action in ("other", "value") or quantity.kind == "percent":
        return False
    if action == "price" or continues_deal:
        return True  # a unit price, or a sum that is the deal itself ("Ce partenariat à 5,6 milliards")
    sentence = index.sentences[sentence_no]
    if index.within(index.generic_nouns, sentence.start, sentence.end):
        return True
    if any(index.lexicon.action_stage(a.canonical) not in (None, 0) for a in index.actions(sentence_no)):
        return True
    if not same_subject or sentence_no - carried_from > 1 or (language.company_level and language.company_level.search(sentence.text)):
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
    return not any(p.start <= at + match.end() + 1 and p.end > at for p in index.periods(index.sentence_index(at)))
