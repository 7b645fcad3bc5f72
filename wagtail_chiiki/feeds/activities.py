"""CSV and JSON exports of the activity list, streamed row by row.

The column set is part of the package's public interface: add columns at the end, never rename or
reorder them. CSV is UTF-8 with a byte order mark, so Japanese Excel opens it without garbling;
values with several parts (districts, related words) are joined with ``;``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from wagtail_chiiki.feeds.spreadsheet import csv_lines

#: The columns of both exports, in order; docs/exports.md says what each holds.
ACTIVITY_COLUMNS = (
    "id",
    "title",
    "description",
    "category",
    "category_slug",
    "organization",
    "organization_url",
    "url",
    "districts",
    "related_words",
    "added",
)
LIST_SEPARATOR = ";"


def activity_values(row) -> list:
    """The values of ``row`` in column order, read by attribute (no copy of the whole row)."""
    return [getattr(row, column) for column in ACTIVITY_COLUMNS]


def activity_csv_lines(rows: Iterable) -> Iterator[str]:
    """The header, then one CSV line per row, each as soon as it is read."""
    return csv_lines(
        ACTIVITY_COLUMNS,
        (
            [
                LIST_SEPARATOR.join(value) if isinstance(value, list) else value
                for value in activity_values(row)
            ]
            for row in rows
        ),
    )


def json_chunks(rows: Iterable, *, count: int, source: str) -> Iterator[str]:
    """A JSON object ``{"source", "count", "columns", "activities": [...]}`` written row by row."""
    head = json.dumps(
        {"source": source, "count": count, "columns": list(ACTIVITY_COLUMNS)}, ensure_ascii=False
    )
    yield head[:-1] + ', "activities": ['
    separator = ""
    for row in rows:
        yield separator + json.dumps(
            dict(zip(ACTIVITY_COLUMNS, activity_values(row), strict=True)), ensure_ascii=False
        )
        separator = ", "
    yield "]}\n"
