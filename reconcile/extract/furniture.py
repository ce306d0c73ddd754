"""Page furniture: the lines of a web page that are not the article's own statement.

A page saved as text starts and ends with more than the article: menus, the headline, bylines,
captions and their credits, "Also read:" / "Lire aussi" link titles and "Cliquez ici" teasers.
:func:`read_page` gives each line of a document a kind, from the cue words of the language's
``cues.toml`` (section ``[furniture]``) and from the line's shape (a short line of one sentence):

- ``link`` / ``teaser`` / ``menu`` / ``byline`` / ``date_stamp`` (a short line that is only a
  date and a time): not the article's statement; their figures are not claims (:meth:`Page.drops`). A line that is a link cue ("Related", "Lire aussi :") or a
  short line holding a teaser cue and not ending with a full stop ("Cliquez ici pour voir la
  suite", "Lire la suite...") opens a run of link titles:
  the lines after it with a title's shape (short, one sentence, no full stop at the end), up to
  the next paragraph; a byline is short and has no full stop either ("By 2026, ..." is body);
- ``headline`` (the first short line of one sentence, before the body, that does not end with a
  full stop; or a line equal to the document's title) and ``caption`` (a photo cue, or a credit
  in brackets ending the line: "(Jane Doe/AFP)"): the outlet's own words, but usually
  restating the body. Their figures stay claims; :func:`link_repeats` points each one at the
  body claim it repeats (same value and unit, or the body's figure rounded to the headline's
  precision; a compatible frame), so a statement is counted once;
- a paragraph given word for word twice (a standfirst repeated as the first paragraph): each
  copy but the last restates the last, figure by figure;
- ``body``: everything else.

Captions are restatements, not furniture to drop: a caption's figure ("Kellanova has been bought
in a deal worth more than 30 billion dollars (Yui Mok/PA)") is the outlet's own statement, and the
real-news gold (``evaluation/realnews/takeover``) annotates it as such; dropping captions lost
three true figures there. Linked to the body's figure, it is still counted once.

>>> page = read_page("Acme sells 40% stake\\nAcme sold a 40% stake in Widgetco on Monday.\\n"
...                  "Also read:\\nRival buys 12% of Gizmo", "en")
>>> [line.kind for line in page.lines]
['headline', 'body', 'link', 'link']
"""

from __future__ import annotations

import bisect
import decimal
import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from reconcile import languages
from reconcile.dates import find_periods
from reconcile.extract.sentences import split_sentences
from reconcile.model import Claim

__all__ = ["DROPPED", "KINDS", "RESTATING", "Line", "Page", "link_repeats", "read_page"]

KINDS = ("body", "headline", "caption", "link", "teaser", "menu", "byline", "date_stamp")
"""The kinds of line :func:`read_page` tells apart."""
DROPPED = frozenset({"link", "teaser", "menu", "byline", "date_stamp"})
"""Kinds of line whose figures are not claims: they are not the article's statement."""
RESTATING = frozenset({"headline", "caption"})
"""Kinds of line whose figures are claims that usually restate the body's."""

MAX_TITLE = 200
"""A headline, link title, teaser or byline is a line of at most this many characters (and one sentence)."""
MIN_REPEATED = 40
"""A line of at least this many characters given twice is a repeated paragraph; shorter ones
("Advertisement", "Share") repeat by design and say nothing."""
ROUNDING_SHARE = 0.05
"""A headline's rounded figure repeats a body figure at most this share away from it ("$36bn"
for "$35.9bn"), besides being the body figure rounded to the headline's last digit."""

# A photographer's credit closing a caption: "( AFP / JOHN THYS )", "(Jane Doe/PA)".
_CREDIT = re.compile(
    r"""\(\s*[^()\d]{2,40}       # a name or an agency
        \s*/\s*[^()\d]{2,40}\)   # a slash, then the agency or the photographer
        \s*$""",
    re.VERBOSE,
)
MAX_STAMP = 60
"""A line that is only a date (and a time) is at most this many characters: "mardi 4 mars 2025 09h30"."""
_TIME = re.compile(r"\b\d{1,2}\s*[h:.]\s*\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|ET))?", re.IGNORECASE)
_WORDY = re.compile(r"[^\W\d_]{4,}|\d")
_FULL_STOP = re.compile(r"""(?<!\.)\.["»”’)]*\s*$""")  # one dot, not "Suite..."
_SENTENCE_END = re.compile(r"""[.…]["»”’)]*\s*$""")


@attrs.frozen
class Line:
    """One line of a document: its offsets, its :data:`KINDS` kind and, for the earlier copy of
    a repeated paragraph, the start of the copy it restates."""

    start: int
    end: int
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    copy_of: int | None = None


@attrs.frozen
class Page:
    """The lines of a document (non-empty ones, in text order) with their kinds."""

    lines: tuple[Line, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)

    @_starts.default
    def _line_starts(self) -> tuple[int, ...]:
        return tuple(line.start for line in self.lines)

    def line_at(self, offset: int) -> Line | None:
        """The line holding ``offset``, or ``None`` between lines.

        >>> read_page("Title\\nBody text here.", "en").line_at(8).kind
        'body'
        """
        at = bisect.bisect_right(self._starts, offset) - 1
        if at >= 0 and offset < self.lines[at].end:
            return self.lines[at]
        return None

    def drops(self, offset: int) -> bool:
        """Whether a figure at ``offset`` is in furniture that states nothing of the article's.

        >>> read_page("Lire aussi : Gizmo rachète 12 % de Widgetco", "fr").drops(30)
        True
        """
        line = self.line_at(offset)
        return line is not None and line.kind in DROPPED

    def restates(self, offset: int) -> bool:
        """Whether a figure at ``offset`` is in a line that restates the body (a headline, a
        caption, an earlier copy of a repeated paragraph).

        >>> page = read_page("Acme up 5%\\nAcme shares rose 5% on Friday.", "en")
        >>> page.restates(8), page.restates(28)
        (True, False)
        """
        line = self.line_at(offset)
        return line is not None and (line.kind in RESTATING or line.copy_of is not None)


@attrs.frozen
class _Cues:
    links: re.Pattern[str] | None
    teasers: re.Pattern[str] | None
    captions: re.Pattern[str] | None
    bylines: re.Pattern[str] | None
    menus: frozenset[str]


def _alternation(words: Iterable[str]) -> str | None:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’]") for w in ordered) or None


@languages.on_change
@functools.cache
def _cues(lang: str) -> _Cues:
    section: Mapping[str, list[str]] = languages.load(lang, "cues").get("furniture", {})
    links, teasers = _alternation(section.get("links", [])), _alternation(section.get("teasers", []))
    captions, bylines = _alternation(section.get("captions", [])), _alternation(section.get("bylines", []))
    return _Cues(
        # The whole line, or the cue then a colon or a dash and a title ("Also read: ...").
        links=re.compile(rf"^\W*(?:{links})\s*(?:$|[:\-–—»>|]\W*)", re.IGNORECASE) if links else None,
        teasers=re.compile(rf"(?<!\w)(?:{teasers})(?!\w)", re.IGNORECASE) if teasers else None,
        captions=re.compile(rf"(?<!\w)(?:{captions})(?!\w)", re.IGNORECASE) if captions else None,
        # The cue, then a capitalised name or a date ("By Jane Doe", "Par: VG 13-09-2024").
        bylines=re.compile(rf"^\W*(?:{bylines})(?!\w)\s*:?\s*(?=[A-ZÀ-Ý\d])", re.IGNORECASE) if bylines else None,
        menus=frozenset(_fold(w) for w in section.get("menus", [])),
    )


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().strip(" .:…|>»").split())


def _is_short(text: str, lang: str) -> bool:
    """A line of at most :data:`MAX_TITLE` characters and one sentence: a title's shape."""
    return len(text) <= MAX_TITLE and len(split_sentences(text, lang)) <= 1


def _cue_kind(text: str, cues: _Cues, lang: str) -> str | None:
    """The kind a line's own cue words give it, or ``None``."""
    if _fold(text) in cues.menus:
        return "menu"
    if cues.links and cues.links.match(text):
        return "link"
    # Teasers and bylines by length alone: "(...) Cliquez ici", "By J. Doe" cut like two sentences.
    if len(text) <= MAX_TITLE and cues.teasers and cues.teasers.search(text) and not _FULL_STOP.search(text):
        return "teaser"
    if cues.captions and cues.captions.search(text) or _CREDIT.search(text):
        return "caption"
    if len(text) <= MAX_TITLE // 2 and cues.bylines and cues.bylines.match(text) and not _SENTENCE_END.search(text):
        return "byline"
    return "date_stamp" if _is_date_stamp(text, lang) else None


def _is_date_stamp(text: str, lang: str) -> bool:
    """A short line that is a date, a time and at most a few short words ("le", "at", "GMT")."""
    if len(text) > MAX_STAMP:
        return False
    periods = find_periods(text, lang, None)
    if not periods:
        return False
    rest = list(text)
    for period in periods:
        rest[period.start : period.end] = " " * (period.end - period.start)
    return not _WORDY.search(_TIME.sub(" ", "".join(rest)))


@attrs.define
class _Reader:
    """The state of a pass over a page's lines: still before the body, in a run of link titles."""

    lang: str
    title: str | None
    cues: _Cues
    before_body: bool = True
    in_links: bool = False

    def kind(self, text: str) -> str:
        kind = _cue_kind(text, self.cues, self.lang)
        if kind is not None:
            self.in_links = kind in ("link", "teaser") or (self.in_links and kind in DROPPED)
            return kind
        # A title's shape: short, one sentence, no full stop at the end ("?" is a title's too);
        # read only where it decides something (in the body, a line is body).
        titled = (self.in_links or self.before_body) and not _SENTENCE_END.search(text) and _is_short(text, self.lang)
        if self.in_links and titled:
            return "link"
        self.in_links = False
        if self.title and _fold(text) == _fold(self.title):
            return "headline"
        if self.before_body and titled:
            return "headline"
        self.before_body = False
        return "body"


def read_page(text: str, lang: str, title: str | None = None) -> Page:
    """The non-empty lines of ``text`` with their kinds (see the module's docstring); ``title``
    is the document's headline when known (a line equal to it is the headline anywhere).

    >>> page = read_page("Rappel géant de 2 000 voitures\\nPar: J. Dupont 12-03-2024\\n"
    ...     "Le groupe rappelle 2 000 voitures, a-t-il annoncé.\\n(...) Cliquez ici pour voir la suite\\n"
    ...     "Carburant : le gazole à 1,50 euro", "fr")
    >>> [line.kind for line in page.lines]
    ['headline', 'byline', 'body', 'teaser', 'link']
    """
    reader = _Reader(lang, title, _cues(lang))
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(Line(start, start + len(stripped), reader.kind(stripped)))
        offset += len(raw) + 1
    return Page(tuple(_mark_copies(lines, text)))


def _mark_copies(lines: Sequence[Line], text: str) -> list[Line]:
    """Each earlier copy of a paragraph given word for word again points at its last copy."""
    last: dict[str, int] = {}
    for line in lines:
        if line.end - line.start >= MIN_REPEATED:
            last[text[line.start : line.end]] = line.start
    marked = []
    for line in lines:
        copy = last.get(text[line.start : line.end])
        marked.append(attrs.evolve(line, copy_of=copy) if copy is not None and copy != line.start else line)
    return marked


# --- linking a restated figure to the body's ----------------------------------------------------


def _precision(value: float) -> float:
    """The place of a figure's last significant digit: 36e9 -> 1e9, 2.2 -> 0.1."""
    exponent = decimal.Decimal(repr(value)).normalize().as_tuple().exponent
    return 10.0 ** exponent if isinstance(exponent, int) else 1.0


def _same_figure(restated: Claim, body: Claim, exact: bool) -> bool:
    a, b = restated.quantity, body.quantity
    if a.kind != b.kind or (a.unit != b.unit and a.kind != "count"):
        return False
    if exact or a.unit != b.unit:
        return a.stated == b.stated
    gap = abs(a.stated - b.stated)
    return a.stated != 0 and gap <= _precision(a.stated) / 2 and gap <= ROUNDING_SHARE * abs(a.stated)


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    return (str(value),) if value else ()


def _names_agree(a: object, b: object, a_text: str, b_text: str) -> bool:
    """Two frames' names (subjects or objects) agree when equal, when one is unread, or when one
    claim's name is written in the other's sentence: a headline's subject is read from few
    words ("Mars swallows the maker of Pringles" may give Pringles for Mars)."""
    if not a or not b or a == b:
        return True
    return any(name in b_text for name in _names(a)) or any(name in a_text for name in _names(b))


def _compatible(restated: Claim, body: Claim) -> bool:
    """Neither the subjects nor the objects of the two claims contradict each other."""
    return _names_agree(restated.subject, body.subject, restated.sentence, body.sentence) and _names_agree(
        restated.object, body.object, restated.sentence, body.sentence
    )


def _rank(restated: Claim, body: Claim, exact: bool, position: int) -> tuple[int, int, int]:
    """Same figure before a rounded one, then the same action (or an unread one), then text order."""
    action_differs = "other" not in (restated.action, body.action) and restated.action != body.action
    return (0 if exact else 1, int(action_differs), position)


def _repeated(claim: Claim, body: Sequence[Claim]) -> Claim | None:
    """The body claim stating ``claim``'s figure (or the figure the headline rounded) in a
    compatible frame; the best by :func:`_rank`."""
    ranked = [
        (_rank(claim, other, exact, position), other)
        for position, other in enumerate(body)
        for exact in (True, False)
        if _same_figure(claim, other, exact) and _compatible(claim, other)
    ]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def link_repeats(claims: Sequence[Claim], page: Page) -> list[Claim]:
    """``claims`` with ``repeats`` set on those a headline, a caption or an earlier copy of a
    paragraph restates: the id of the body claim they repeat.

    >>> from reconcile.model import Quantity
    >>> page = read_page("Acme earns $36bn\\nAcme earned $35.9bn in 2024.", "en")
    >>> head = Claim("d#1", "d", 11, 16, "$36bn", "", Quantity.exact(36e9, unit="USD", kind="money"))
    >>> body = Claim("d#2", "d", 29, 36, "$35.9bn", "", Quantity.exact(35.9e9, unit="USD", kind="money"))
    >>> [c.repeats for c in link_repeats([head, body], page)]
    ['d#2', None]
    """
    body = [c for c in claims if not page.restates(c.start)]
    by_start = {c.start: c for c in claims}
    linked = []
    for claim in claims:
        line = page.line_at(claim.start)
        target: Claim | None = None
        if line is not None and line.copy_of is not None:
            target = by_start.get(line.copy_of + claim.start - line.start)
        elif line is not None and line.kind in RESTATING:
            target = _repeated(claim, body)
        linked.append(attrs.evolve(claim, repeats=target.id) if target is not None else claim)
    return linked
