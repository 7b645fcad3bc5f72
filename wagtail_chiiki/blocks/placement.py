"""Where a block sits: its own DOM id, and heading levels that fit the page outline around it."""

from __future__ import annotations

import uuid

from wagtail import blocks

#: Page templates render their streams under the page's h1; a host that places a stream deeper
#: passes ``chiiki_heading_level`` (e.g. ``{% include_block page.body with chiiki_heading_level=3 %}``).
DEFAULT_HEADING_LEVEL = 2


def placement(parent_context: dict | None) -> dict:
    """``uid`` (the stream child's id, else a fresh one), ``heading_tag`` and ``subheading_tag``."""
    parent_context = parent_context or {}
    try:
        level = int(parent_context.get("chiiki_heading_level", DEFAULT_HEADING_LEVEL))
    except (TypeError, ValueError):
        level = DEFAULT_HEADING_LEVEL
    level = min(max(level, 2), 5)
    # Wagtail gives a stream child's id to its template as ``id``; a block outside a stream (a preview,
    # a list item) gets a fresh one, so two instances never share an id.
    uid = parent_context.get("id") or uuid.uuid4().hex[:12]
    return {"uid": f"b{uid}", "heading_tag": f"h{level}", "subheading_tag": f"h{level + 1}"}


class PlacedBlock(blocks.StructBlock):
    """A struct block whose template gets ``uid``, ``heading_tag`` and ``subheading_tag``."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(placement(parent_context))
        return context
