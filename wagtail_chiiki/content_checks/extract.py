"""A page's text as content-rule segments: its title, text fields, rich text, every StreamField block
(the package's and the host site's own) and the rows of its inline panels.

Blocks are read from the stored JSON beside their definitions, so images, documents and snippets
are never loaded. Paths name a field, then block ids and keys, so that a fix can be written back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import models
from django.utils.text import capfirst
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_chiiki.blocks.links import LinkBlock, SocialLinkBlock
from wagtail_chiiki.blocks.media import ImageBlock
from wagtail_chiiki.blocks.text import HeadingBlock
from wagtail_chiiki.blocks.text import RichTextBlock as ChiikiRichTextBlock
from wagtail_chiiki.content_rules import Kind, Path, Segment

#: Fields of ``Page`` itself that readers see; the others (slug, paths, flags) are not text.
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")
_NOT_TEXT = (models.SlugField, models.URLField, models.EmailField)
_HEADING_LEVELS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def page_segments(page: Page) -> list[Segment]:
    """Every piece of text of ``page`` (a specific page, saved or not), in the order of its fields."""
    segments = [
        Segment((name,), value, label=_label(type(page), name))
        for name in PAGE_TEXT_FIELDS
        if (value := getattr(page, name, ""))
    ]
    segments += object_segments(page, (), own_fields_only=True)
    for relation in get_all_child_relations(page):
        accessor = relation.get_accessor_name()
        for index, child in enumerate(getattr(page, accessor).all()):
            segments += object_segments(child, (accessor, index))
    return segments


def object_segments(obj: models.Model, prefix: Path, *, own_fields_only: bool = False) -> list[Segment]:
    """The text fields of a page (those not on ``Page``) or of an inline row."""
    segments: list[Segment] = []
    for field in type(obj)._meta.concrete_fields:
        if own_fields_only and field.model is Page:
            continue
        value = getattr(obj, field.attname, None)
        if not value:
            continue
        path = (*prefix, field.name)
        label = capfirst(str(field.verbose_name))
        from_package = field.model._meta.app_label == "wagtail_chiiki"
        if isinstance(field, StreamField):
            segments += block_segments(field.stream_block, list(value.raw_data), path, label)
        elif isinstance(field, RichTextField):
            segments.append(Segment(path, value, Kind.HTML, label, marks_external_links=from_package))
        elif _is_text_field(field):
            segments.append(Segment(path, value, Kind.TEXT, label))
    return segments


def _is_text_field(field: models.Field) -> bool:
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, _NOT_TEXT)
        and field.editable
        and not field.choices
    )


def _label(model: type[models.Model], name: str) -> str:
    return capfirst(str(model._meta.get_field(name).verbose_name))


def block_segments(block: blocks.Block, raw: Any, path: Path, label: str) -> list[Segment]:
    """The segments of a block's stored value ``raw`` (the JSON form), found at ``path``."""
    return list(_walk(block, raw, path, label, {}))


def _walk(block: blocks.Block, raw: Any, path: Path, label: str, names: dict) -> Iterator[Segment]:
    if raw in (None, "", [], {}):
        return
    # Block labels are lazy translations: translated once per label and walk, not once per block.
    key = (label, id(block))
    if key not in names:
        names[key] = f"{label} › {block.label}" if block.label else label
    name = names[key]
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock) != isinstance(raw, list):
        return  # data that does not fit its block (hand-made or from an older definition)
    if isinstance(block, blocks.StructBlock) and not isinstance(raw, dict):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            if not isinstance(child, dict):
                continue
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _walk(child_block, child.get("value"), (*path, child.get("id", "")), label, names)
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(raw):
            # Stored list items are {"type": "item", "value": …, "id": …}; old data holds bare values.
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                yield from _walk(
                    block.child_block, item["value"], (*path, item.get("id") or index), label, names
                )
            else:
                yield from _walk(block.child_block, item, (*path, index), label, names)
    elif isinstance(block, HeadingBlock):
        level = _HEADING_LEVELS.get(raw.get("level"), 2)
        yield Segment((*path, "text"), raw.get("text", ""), Kind.HEADING, name, level=level)
    elif isinstance(block, ImageBlock):
        yield Segment((*path, "alt_text"), raw.get("alt_text", ""), Kind.ALT, name)
        if raw.get("caption"):
            yield Segment((*path, "caption"), raw["caption"], Kind.TEXT, name)
    elif isinstance(block, LinkBlock | SocialLinkBlock):
        key = "text" if isinstance(block, LinkBlock) else "label"
        if raw.get(key):
            yield Segment((*path, key), raw[key], Kind.LINK, name, url=raw.get("url") or "")
    elif isinstance(block, blocks.StructBlock):
        for key, child_block in block.child_blocks.items():
            if key in raw:
                yield from _walk(child_block, raw[key], (*path, key), name, names)
    elif isinstance(block, blocks.RichTextBlock):
        marks = isinstance(block, ChiikiRichTextBlock)
        yield Segment(path, raw, Kind.HTML, name, marks_external_links=marks)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and isinstance(raw, str):
        yield Segment(path, raw, Kind.TEXT, name)
