"""Template filters for the type and size shown beside a link to a file: ``(PDF 1.02MB)``.

``{% load chiiki_labels %}``, then ``({{ document.filename|file_type }} {{ document.file_size|file_size }})``.
Both give ``""`` for a value they cannot read, so a missing size leaves no broken label behind.
"""

from __future__ import annotations

from typing import Any

from django import template

from wagtail_chiiki.labels import file_size_label, file_type_label

register = template.Library()


@register.filter
def file_type(value: Any) -> str:
    """``PDF``, ``Word``… from a file name, a URL, a ``FieldFile`` or a Wagtail document."""
    # A Wagtail document has ``filename``; a FieldFile has ``name`` (its path in storage).
    name = getattr(value, "filename", None) or getattr(value, "name", None) or value
    return file_type_label(name) if isinstance(name, str) else ""


@register.filter
def file_size(value: Any) -> str:
    """``927KB``, ``1.02MB`` from a number of bytes."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    try:
        return file_size_label(value)
    except (TypeError, ValueError):
        return ""
