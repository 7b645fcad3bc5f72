"""Preview values for blocks that point at a database object: the newest one in the library."""

from __future__ import annotations

from collections.abc import Callable

from wagtail import blocks


def newest_object_preview(block: blocks.StructBlock, model, value: Callable[[object], dict]):
    """``value(obj)`` for the newest ``obj`` of ``model`` as block data; the block's default if none."""
    obj = model._default_manager.order_by("-pk").first()
    if obj is None:
        return block.get_default()
    return block.to_python(value(obj))
