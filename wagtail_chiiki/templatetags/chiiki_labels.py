"""Template filters for the type and size shown beside a link to a file (``(PDF 1.02MB)``) and for
lists of names.

``{% load chiiki_labels %}``, then ``({{ document.filename|file_type }} {{ document.file_size|file_size }})``.
Both give ``""`` for a value they cannot read, so a missing size leaves no broken label behind.
``{{ organization.district_names|join_names }}`` joins names the reader's way: ``北会津、河東`` /
``Kitaaizu, Kawahigashi``; ``{% list_separator %}`` is what it puts between them.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail_chiiki import labels
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


def _language() -> str:
    # get_language() is None while translations are deactivated (management commands, some tests).
    return get_language() or settings.LANGUAGE_CODE


@register.filter
def join_names(names: Any) -> str:
    """Names (districts, categories) in a row, the active language's way (``labels.join_names``).
    Every list of names on a page is joined through this filter or, in scripts, ``list_separator``."""
    if not names or isinstance(names, str):
        return names or ""
    return labels.join_names(names, _language())


@register.simple_tag
def list_separator() -> str:
    """The separator ``join_names`` puts between names, for a script that joins names itself."""
    return labels.list_separator(_language())
