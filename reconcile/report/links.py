"""Links to the articles: only plain web addresses become links.

A document's ``url`` comes from the input (a manifest, a JSONL line) and is untrusted: a
``javascript:`` or ``data:`` address would run or load something when clicked. So a URL becomes a
link only when it is ``http`` or ``https`` with a host and no whitespace or control character;
anything else is shown as text, never as an ``href``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

#: The URL schemes that may become links.
LINK_SCHEMES = ("http", "https")


def safe_url(url: object) -> str | None:
    """``url`` when it may become a link, else ``None``.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url("https:///x")
    ('https://example.org/a?b=1', None, None)
    >>> safe_url(" http://example.org/a b"), safe_url(None)
    (None, None)
    """
    if not isinstance(url, str) or not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return url
