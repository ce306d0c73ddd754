"""The output formats, registered by name in one table (as pint registers its unit formats).

:class:`Report`'s ``to_*`` methods and the command line's ``--format`` choices both read
:data:`RENDERERS`; adding a format is one registration here. A renderer is a function
``(report, **options) -> str`` (or another object for a non-text format such as ``frame``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from reconcile.errors import ReconcileError
from reconcile.report.frame import render_frame
from reconcile.report.plot import render_plot
from reconcile.report.text import render_markdown, render_table
from reconcile.report.web import render_html

if TYPE_CHECKING:
    from reconcile.report.report import Report


@attrs.frozen
class Renderer:
    """One output format: its ``name``, the ``render`` function, whether it gives ``text`` (only
    text formats are offered by the command line) and the ``ending`` written after the text in a
    file or on stdout.
    """

    name: str
    render: Callable[..., Any] = attrs.field(eq=False, repr=False)
    description: str = ""
    text: bool = True
    ending: str = "\n"

    def document(self, report: Report, **options: Any) -> str:
        """The rendering as written to a file or stdout (the text and its ending)."""
        if not self.text:
            raise ReconcileError(f"the {self.name!r} format is not text; use Report.render({self.name!r})")
        return str(self.render(report, **options)) + self.ending


class Renderers(Mapping[str, Renderer]):
    """Renderers by name, in registration order; a name is registered once.

    >>> sorted(RENDERERS), RENDERERS.text_formats()
    (['frame', 'html', 'json', 'md', 'plot', 'table'], ('table', 'json', 'md', 'html'))
    """

    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}

    def register(
        self, name: str, render: Callable[..., Any], description: str = "", *, text: bool = True, ending: str = "\n"
    ) -> Renderer:
        if name in self._renderers:
            raise ReconcileError(f"output format {name!r} is already registered")
        renderer = Renderer(name, render, description, text, ending)
        self._renderers[name] = renderer
        return renderer

    def __getitem__(self, name: str) -> Renderer:
        try:
            return self._renderers[name]
        except KeyError:
            raise ReconcileError(f"unknown output format {name!r}; choose one of {', '.join(self)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._renderers)

    def __len__(self) -> int:
        return len(self._renderers)

    def text_formats(self) -> tuple[str, ...]:
        """The formats that give text, in registration order (the command line's choices)."""
        return tuple(name for name, renderer in self._renderers.items() if renderer.text)


def render_json(report: Report, indent: int | None = 2) -> str:
    """The report as a JSON document (schema in :mod:`reconcile.report.schema`)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)


RENDERERS = Renderers()
"""Every output format, by name."""

RENDERERS.register("table", render_table, "a plain-text table of the findings, for terminals")
RENDERERS.register("json", render_json, "the JSON document of reconcile.report.schema")
RENDERERS.register("md", render_markdown, "Markdown: the findings table, then each fact with its claims")
RENDERERS.register("html", render_html, "one self-contained HTML page, no script", ending="")
RENDERERS.register("frame", render_frame, "a pandas DataFrame of the findings, facts or claims", text=False)
RENDERERS.register("plot", render_plot, "a matplotlib figure: each source's interval per fact and the consensus", text=False)
