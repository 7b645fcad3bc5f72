"""Reads the structure of rich text as Wagtail stores it: links, headings, paragraphs, tables, images.

Wagtail keeps links to pages and documents as ``<a linktype="page" id="3">`` and images as
``<embed embedtype="image" alt="…" id="7">``; the rules read that form, which is the one saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = {"b", "strong"}
_VOID = {"br", "embed", "img", "hr", "input", "meta", "link", "wbr", "source"}


@dataclass
class Element:
    """An element of interest, its attributes, its text and where it sits in the HTML."""

    tag: str
    attrs: dict[str, str]
    start: int
    end: int = 0
    text: str = ""
    # For a paragraph: whether all its text is inside <b>/<strong>. For a table: the tags inside it.
    all_bold: bool = True
    inner_tags: set[str] = field(default_factory=set)
    outer_tags: frozenset[str] = frozenset()

    @property
    def level(self) -> int:
        return HEADINGS.get(self.tag, 0)


@dataclass(frozen=True)
class Structure:
    links: tuple[Element, ...]
    headings: tuple[Element, ...]
    paragraphs: tuple[Element, ...]
    tables: tuple[Element, ...]
    images: tuple[Element, ...]


class _Scanner(HTMLParser):
    _TRACKED = {"a", "p", "table", *HEADINGS}

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self._line_starts.append(index + 1)
        self.open: list[Element] = []
        self.done: list[Element] = []
        self.bold_depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        start = self._offset()
        for element in self.open:
            element.inner_tags.add(tag)
        if tag in _BOLD:
            self.bold_depth += 1
        if tag == "img" or (tag == "embed" and values.get("embedtype") == "image"):
            end = start + len(self.get_starttag_text() or "")
            self.done.append(Element("img", values, start, end))
        elif tag in self._TRACKED:
            outer = frozenset(element.tag for element in self.open)
            self.open.append(Element(tag, values, start, outer_tags=outer))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                element = self.open.pop(index)
                element.end = self._offset() + len(tag) + 3
                element.text = element.text.strip()
                self.done.append(element)
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data
            if element.tag == "p" and data.strip() and not self.bold_depth:
                element.all_bold = False


@lru_cache(maxsize=256)
def structure(source: str) -> Structure:
    """The links, headings, paragraphs, tables and images of a piece of rich text, in order."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    elements = sorted(scanner.done + scanner.open, key=lambda element: element.start)

    def of(*tags: str) -> tuple[Element, ...]:
        return tuple(element for element in elements if element.tag in tags)

    return Structure(
        links=of("a"),
        headings=of(*HEADINGS),
        paragraphs=of("p"),
        tables=of("table"),
        images=of("img"),
    )
