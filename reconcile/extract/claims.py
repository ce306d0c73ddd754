"""Claims from documents: the figures of each document, each with its frame, hedge and credit."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from reconcile.errors import DocumentError, ReconcileError
from reconcile.extract.context import _Context
from reconcile.extract.equivalents import _link_equivalents
from reconcile.extract.figures import _compared, _is_figure
from reconcile.extract.frame import _Read, _read_frame
from reconcile.extract.furniture import link_repeats, read_page
from reconcile.extract.index import _index
from reconcile.extract.language import _language, has_language
from reconcile.extract.organisations import (
    name_evidence,
    organisation_lexicon,
    organisations,
)
from reconcile.extract.sentences import Sentence
from reconcile.lexicon import Lexicon
from reconcile.model import Claim, Document, Mention, Quantity
from reconcile.quantities import find_quantities


def _claim(doc: Document, claim_id: str, mention: Mention, sentence: Sentence, read: _Read, quantity: Quantity) -> Claim:
    """The claim a figure's reading makes, with its document's provenance."""
    frame = read.frame
    return Claim(
        id=claim_id, doc_id=doc.id, start=mention.start, end=mention.end, text=mention.text,
        sentence=sentence.text, quantity=quantity, subject=frame.subject, action=frame.action,
        stage=read.stage, object=frame.object, period=frame.period, hedged=read.hedged,
        attributed_to=read.attributed_to, sentence_start=sentence.start, lang=doc.lang,
        published=doc.published, publisher=doc.publisher, cites=doc.cites, evidence=read.evidence,
    )


def extract_document(doc: Document, lexicon: Lexicon | None = None, organisations: Lexicon | None = None) -> list[Claim]:
    """The claims of one document, in text order; raises :class:`ReconcileError` subclasses.

    ``organisations`` holds actors found in the corpus without a lexicon (see
    :func:`find_organisations`); the lexicon's own names win where both name a span. Figures
    in page furniture (link titles, teasers, menus, bylines) are not claims; a figure of the
    headline, a caption or a repeated paragraph that the body states too ``repeats`` the body's
    claim (:mod:`reconcile.extract.furniture`).

    >>> doc = Document(id="e", lang="en", published="2024-12-20",
    ...     text="ByteDance will spend RMB40bn (about $5.6bn) on Huawei's Ascend chips next year, the FT reported.")
    >>> [(c.id, c.quantity.unit, c.object, c.attributed_to, c.equivalents) for c in extract_document(doc)]
    [('e#1', 'CNY', 'Ascend', 'Financial Times', ('e#2',)), ('e#2', 'USD', 'Ascend', 'Financial Times', ('e#1',))]
    """
    if not isinstance(doc, Document):
        raise DocumentError(repr(doc)[:60], f"expected a Document, got {type(doc).__name__}")
    if not has_language(doc.lang):
        raise DocumentError(doc.id, f"no extraction data for language {doc.lang!r} (reconcile/languages/)", "lang")
    lexicon = lexicon if lexicon is not None else Lexicon.default()
    language = _language(doc.lang)
    index = _index(doc, lexicon, language, organisations)
    on = doc.published.start if doc.published else None  # the outlet's country and the date decide "$", "francs"
    found = _compared(find_quantities(doc.text, doc.lang, country=doc.country, on=on), index, language)
    page = read_page(doc.text, doc.lang, doc.title)
    mentions = [m for m in found if not page.drops(m.start) and _is_figure(m, index, language)]

    claims: list[Claim] = []
    context = _Context()
    for mention in mentions:
        sentence_no = index.sentence_index(mention.start)
        sentence = index.sentences[sentence_no]
        read = _read_frame(mention, sentence_no, index, context, lexicon, language)
        if read.quantity is None:
            continue
        claims.append(_claim(doc, f"{doc.id}#{len(claims) + 1}", mention, sentence, read, read.quantity))
        context = _Context(read.frame, sentence_no)
    return link_repeats(_link_equivalents(claims, mentions, doc.text, language), page)


def extract_claims(
    docs: Iterable[Document] | Document,
    lexicon: Lexicon | None = None,
    *,
    errors: list[tuple[str, ReconcileError]] | None = None,
    discover: bool = True,
    organisations: Lexicon | None = None,
) -> list[Claim]:
    """The claims of every document (a Corpus, any iterable of Documents, or one Document).

    With ``discover`` (the default), organisations the lexicon does not know are first found in
    the corpus itself (:func:`find_organisations`) and read as actors, so a story needs no
    lexicon to get its subjects; ``discover=False`` reads only the lexicon's.

    A document whose extraction fails does not stop the others: its error (a
    :class:`ReconcileError`; an unexpected exception is wrapped in a :class:`DocumentError`
    naming the document) is appended to ``errors`` as ``(doc_id, error)`` when a list is given,
    else reported with :func:`warnings.warn` (``UserWarning``). The problems a
    :class:`~reconcile.documents.Corpus` met while loading stay in its ``problems``.

    >>> good = Document(id="g", lang="en", text="Tencent bought 200,000 H20 chips.")
    >>> problems = []
    >>> [c.subject for c in extract_claims([Document(id="x", lang="xx", text="1"), good], errors=problems)]
    ['Tencent']
    >>> [(doc_id, type(err).__name__) for doc_id, err in problems]
    [('x', 'DocumentError')]
    """
    if isinstance(docs, (str, bytes)):
        raise TypeError("extract_claims reads Documents, not text: wrap it as Document(id, text, lang)")
    if isinstance(docs, Document):
        docs = [docs]
    documents = list(getattr(docs, "documents", docs))
    lexicon = lexicon if lexicon is not None else Lexicon.default()
    found = organisations if organisations is not None else (find_organisations(documents, lexicon) if discover else None)
    claims: list[Claim] = []
    for number, doc in enumerate(documents):
        doc_id = getattr(doc, "id", f"#{number}")
        try:
            claims.extend(extract_document(doc, lexicon, found))
        except ReconcileError as exc:
            _report(errors, str(doc_id), exc)
        except Exception as exc:  # noqa: BLE001  (a bug on one document must not lose the batch)
            wrapped = DocumentError(str(doc_id), f"extraction failed: {type(exc).__name__}: {exc}")
            wrapped.__cause__ = exc
            _report(errors, str(doc_id), wrapped)
    return claims


def find_organisations(docs: Iterable[Document], lexicon: Lexicon | None = None) -> Lexicon:
    """The organisations a corpus names that ``lexicon`` does not know, as a lexicon of actors.

    Documents that cannot be read (not a Document, an unsupported language) add no evidence.

    >>> docs = [Document("a", "Deal\\nKellanova said it agreed. Shares of Kellanova rose 8%.", "en"),
    ...         Document("b", "Kellanova, which makes Pringles, said Mars will pay $83.50.", "en")]
    >>> find_organisations(docs).actors
    ('Kellanova',)
    """
    lexicon = lexicon if lexicon is not None else Lexicon.default()
    evidence = [name_evidence(doc) for doc in docs if isinstance(doc, Document) and has_language(doc.lang)]
    return organisation_lexicon(organisations(evidence), known=lexicon)


def _report(errors: list | None, doc_id: str, error: ReconcileError) -> None:
    if errors is not None:
        errors.append((doc_id, error))
    else:
        warnings.warn(f"{doc_id}: claims not extracted: {error}", UserWarning, stacklevel=3)
