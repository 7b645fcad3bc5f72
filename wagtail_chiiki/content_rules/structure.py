"""Structure rules: link text, links to documents and other sites, headings, tables and images."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.content_rules.core import Context, Finding, Kind, Rule, Segment, Severity
from wagtail_chiiki.content_rules.markup import Element, structure

_HTML = frozenset({Kind.HTML})


def _plain(text: str) -> str:
    """Text folded for comparing with word lists: NFKC, lower case, no spaces or end punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s。、.,!！?？:：「」『』()（）>→»]+", "", text)


_VAGUE_LINK_TEXT = {
    _plain(text)
    for text in (
        "こちら",
        "ここ",
        "こちらから",
        "ここから",
        "こちらをクリック",
        "ここをクリック",
        "クリック",
        "こちらをご覧ください",
        "詳細",
        "詳細はこちら",
        "詳しくはこちら",
        "もっと見る",
        "リンク",
        "click here",
        "click",
        "here",
        "this",
        "this page",
        "more",
        "read more",
        "link",
    )
}
_BARE_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


class LinkTextRule(Rule):
    """Link text that says nothing on its own (こちら, click here) or is a bare web address."""

    id = "link-text"
    name = _("Link text does not say where it leads")
    help = _("Name the destination in the link text (e.g. 申請書の様式) instead of こちら or a web address.")
    kinds = frozenset({Kind.HTML, Kind.LINK})
    axe_match = "link"
    axe_selector = "a"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        if segment.kind is Kind.LINK:
            if self.vague(segment.text):
                yield self.finding(segment, 0, len(segment.text))
            return
        for link in structure(segment.text).links:
            if self.vague(link.text):
                yield self.finding(segment, link.start, link.end, excerpt=link.text)

    @staticmethod
    def vague(text: str) -> bool:
        return _plain(text) in _VAGUE_LINK_TEXT or bool(_BARE_URL.match(text))


_FILE_SUFFIX = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|csv|zip|jtd|txt)(?:[?#].*)?$", re.IGNORECASE)
_TYPE_AND_SIZE = re.compile(
    r"(PDF|Word|Excel|PowerPoint|ワード|エクセル|CSV|ZIP|ODT|ODS|DOCX?|XLSX?|PPTX?|JTD|TXT|テキスト)"
    r"[^\d]{0,6}\d[\d,.]*\s*(?:[KMG]i?B|バイト|キロバイト|メガバイト)",
    re.IGNORECASE,
)


class DocumentLinkRule(Rule):
    """A link to a file (PDF, Word …) in rich text whose text does not give its type and size."""

    id = "document-link"
    name = _("Link to a file without its type and size")
    help = _("Add the file type and size after the link text, as in 申請書(PDF 120KB).")
    kinds = _HTML
    axe_match = "link"
    axe_selector = "a"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        for link in structure(segment.text).links:
            is_file = link.attrs.get("linktype") == "document" or _FILE_SUFFIX.search(
                link.attrs.get("href", "")
            )
            if is_file and not _TYPE_AND_SIZE.search(link.text):
                yield self.finding(segment, link.start, link.end, excerpt=link.text)


_EXTERNAL_MARK = re.compile(
    r"外部|別ウィンドウ|新しいウィンドウ|新しいタブ|external|new window|new tab", re.I
)


class ExternalLinkRule(Rule):
    """A link to another site that does not say so, in text the package does not mark by itself."""

    id = "external-link"
    name = _("Link to another site not marked")
    help = _("Say that the link leads to another site, e.g. (外部サイト).")
    severity = Severity.WARNING
    kinds = _HTML
    axe_match = "link"
    axe_selector = "a"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        if segment.marks_external_links:
            return
        for link in structure(segment.text).links:
            parts = urlsplit(link.attrs.get("href", ""))
            if parts.scheme not in ("http", "https") or parts.hostname in context.hosts:
                continue
            if not _EXTERNAL_MARK.search(link.text) and not _EXTERNAL_MARK.search(
                link.attrs.get("title", "")
            ):
                yield self.finding(segment, link.start, link.end, excerpt=link.text)


def _levels(segment: Segment) -> Iterator[tuple[int, int, int, str]]:
    """The headings of a segment as (level, start, end, text)."""
    if segment.kind is Kind.HEADING:
        yield segment.level, 0, len(segment.text), segment.text
    elif segment.kind is Kind.HTML:
        for heading in structure(segment.text).headings:
            yield heading.level, heading.start, heading.end, heading.text


class HeadingOrderRule(Rule):
    """A heading more than one level below the one before it (h2 then h4), within one field."""

    id = "heading-order"
    name = _("Heading level skipped")
    help = _("Go down one level at a time: a section (h2), then a subsection (h3).")
    kinds = frozenset({Kind.HTML, Kind.HEADING})
    axe_equivalent = "heading-order"

    def check_all(self, segments: Sequence[Segment], context: Context) -> Iterator[Finding]:
        previous: dict[str | int, int] = {}
        for segment in segments:
            if segment.kind not in self.kinds:
                continue
            # The page title is the h1 above every field.
            field = segment.path[0]
            for level, start, end, text in _levels(segment):
                if level > previous.get(field, 1) + 1:
                    yield self.finding(segment, start, end, excerpt=text)
                previous[field] = level


class EmptyHeadingRule(Rule):
    """A heading with no text: screen-reader users jump to it and hear nothing."""

    id = "empty-heading"
    name = _("Empty heading")
    help = _("Give the heading text, or remove it.")
    kinds = frozenset({Kind.HTML, Kind.HEADING})
    axe_equivalent = "empty-heading"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        for _level, start, end, text in _levels(segment):
            if not text.strip():
                yield self.finding(segment, start, end, excerpt="")


class BoldHeadingRule(Rule):
    """A short paragraph all in bold standing in for a heading."""

    id = "bold-heading"
    name = _("Bold paragraph used as a heading")
    help = _("Use a heading (h3, h4) so that screen-reader users can jump to it.")
    severity = Severity.WARNING
    kinds = _HTML
    axe_equivalent = "p-as-heading"
    max_length = 40

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        for paragraph in structure(segment.text).paragraphs:
            text = paragraph.text
            if text and paragraph.all_bold and len(text) <= self.max_length and not text.endswith("。"):
                yield self.finding(segment, paragraph.start, paragraph.end, excerpt=text)


class TableStructureRule(Rule):
    """A data table without a caption or without header cells."""

    id = "table-structure"
    name = _("Table without a caption or header cells")
    help = _("Give the table a caption, and mark its header row or column as headers (th).")
    kinds = _HTML
    axe_match = "table"
    axe_selector = "table"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        for table in structure(segment.text).tables:
            if _is_layout(table):
                continue
            if "caption" not in table.inner_tags or "th" not in table.inner_tags:
                yield self.finding(segment, table.start, table.end, excerpt=table.text[:40])


def _is_layout(table: Element) -> bool:
    """Marked as presentation, or holding or held by another table."""
    nested = "table" in table.inner_tags or "table" in table.outer_tags
    return table.attrs.get("role") in ("presentation", "none") or nested


class LayoutTableRule(Rule):
    """A table used to lay out the page (role="presentation", or tables inside tables)."""

    id = "layout-table"
    name = _("Table used for layout")
    help = _("Tables are read cell by cell: lay text out with headings and lists instead.")
    severity = Severity.WARNING
    kinds = _HTML
    axe_match = "layout-table"
    axe_selector = "table"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        for table in structure(segment.text).tables:
            if _is_layout(table):
                yield self.finding(segment, table.start, table.end, excerpt=table.text[:40])


_FILE_NAME = re.compile(
    r"^\S+\.(?:jpe?g|png|gif|webp|svg|bmp|heic|tiff?|avif)$|^(?:IMG|DSC|DSCN|DSCF|PXL|P)[_-]?\d{3,}",
    re.IGNORECASE,
)
_MEANINGLESS_ALT = {
    _plain(text) for text in ("画像", "写真", "イメージ", "図", "image", "photo", "picture", "img")
}


class ImageAltRule(Rule):
    """Alternative text that is missing, empty without the image marked decorative, a file name, or 画像."""

    id = "image-alt"
    name = _("Image without a useful alternative text")
    help = _("Describe what the image shows; not its file name, and not just 画像 or 写真.")
    kinds = frozenset({Kind.HTML, Kind.ALT})
    axe_match = "alt"
    axe_selector = "img"

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        if segment.kind is Kind.ALT:
            if self.useless(segment.text):
                yield self.finding(segment, 0, len(segment.text))
            return
        for image in structure(segment.text).images:
            decorative = (
                image.attrs.get("role") in ("presentation", "none")
                or image.attrs.get("aria-hidden") == "true"
            )
            alt = image.attrs.get("alt")
            if alt is None or (not alt.strip() and not decorative) or (alt.strip() and self.useless(alt)):
                yield self.finding(segment, image.start, image.end, excerpt=alt or "")

    @staticmethod
    def useless(alt: str) -> bool:
        return not alt.strip() or _plain(alt) in _MEANINGLESS_ALT or bool(_FILE_NAME.match(alt.strip()))
