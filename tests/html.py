"""A small HTML tree for tests, built with the standard library's ``html.parser``.

::

    doc = parse(response.content.decode())
    link = doc.find("a", class_="chiiki-link--external")
    assert link["rel"].split() == ["noopener", "noreferrer"]
    assert text(doc.find("h2")) == "お問い合わせ"

Elements are matched by tag, CSS class (one of the element's classes), id and any other
attribute (``aria_label="…"`` matches ``aria-label``; ``True`` means "present"). Void elements
(``<img>``, ``<input>``…) close themselves; an end tag closes the nearest open element with its
name, and a stray end tag is ignored, so markup the browser would accept parses here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


class Element:
    """One element: ``tag``, ``attrs`` (a dict), ``children`` (elements and strings), ``parent``."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None = None):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def __repr__(self) -> str:
        attrs = "".join(f' {name}="{value}"' for name, value in self.attrs.items())
        return f"<{self.tag}{attrs}>"

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        return text(self)

    def iter(self) -> Iterator[Element]:
        """Every element below this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def matches(self, tag: str | None = None, *, class_: str | None = None, **attrs) -> bool:
        if tag is not None and self.tag != tag:
            return False
        if class_ is not None and class_ not in self.classes:
            return False
        for name, wanted in attrs.items():
            name = name.rstrip("_").replace("_", "-")
            if name not in self.attrs:
                return False
            if wanted is not True and self.attrs[name] != wanted:
                return False
        return True

    def find_all(self, tag: str | None = None, *, class_: str | None = None, **attrs) -> list[Element]:
        return [element for element in self.iter() if element.matches(tag, class_=class_, **attrs)]

    def find(self, tag: str | None = None, *, class_: str | None = None, **attrs) -> Element | None:
        return next((e for e in self.iter() if e.matches(tag, class_=class_, **attrs)), None)

    def one(self, tag: str | None = None, *, class_: str | None = None, **attrs) -> Element:
        """The only matching element; fails the test, saying what was asked, when there are 0 or more."""
        found = self.find_all(tag, class_=class_, **attrs)
        assert len(found) == 1, f"expected one {tag or '*'} {class_ or ''} {attrs}, found {len(found)}"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag):
        element = self.current
        while element is not None and element.tag != tag:
            element = element.parent
        if element is not None and element.parent is not None:
            self.current = element.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str | bytes) -> Element:
    """The document (or fragment) as a tree whose root is a ``#document`` element."""
    if isinstance(html, bytes):
        html = html.decode()
    builder = _TreeBuilder()
    builder.feed(str(html))
    builder.close()
    return builder.root


def text(element: Element | None) -> str:
    """The text content with runs of white space collapsed to one space and the ends trimmed."""
    if element is None:
        return ""
    parts: list[str] = []

    def collect(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style", "template"):
                collect(child)

    collect(element)
    return re.sub(r"\s+", " ", "".join(parts)).strip()
