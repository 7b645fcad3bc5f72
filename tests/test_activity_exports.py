"""The activity exports' writers: every column read once per row, CSV and JSON holding the same values."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from wagtail_chiiki.feeds.activities import ACTIVITY_COLUMNS, activity_csv_lines, json_chunks
from wagtail_chiiki.listings.activities import ExportRow


@dataclass(frozen=True)
class CountingRow:
    """An export row that counts how often each of its columns is read."""

    row: ExportRow
    reads: dict

    def __getattr__(self, name):
        self.reads[name] = self.reads.get(name, 0) + 1
        return getattr(self.row, name)


def rows(count: int) -> list[ExportRow]:
    return [
        ExportRow(
            id=n,
            title=f"買い物バス {n}",
            description="週2回、地区を回ります。",
            category="交通",
            category_slug="transport",
            organization="みなと地域協議会",
            organization_url="https://example.jp/org/",
            url=f"https://example.jp/org/#activity-{n}",
            districts=["港", "中央"],
            related_words=["バス"],
            added="2026-04-01",
        )
        for n in range(count)
    ]


def test_the_csv_reads_each_column_of_a_row_once():
    reads: dict = {}
    lines = list(activity_csv_lines([CountingRow(row, reads) for row in rows(3)]))
    assert len(lines) == 4
    assert reads == dict.fromkeys(ACTIVITY_COLUMNS, 3)


def test_csv_and_json_hold_the_same_values_in_column_order():
    data = rows(2)
    table = list(csv.reader(io.StringIO("".join(activity_csv_lines(data)).lstrip("\ufeff"))))
    document = json.loads("".join(json_chunks(data, count=2, source="https://example.jp/list/")))
    assert table[0] == list(ACTIVITY_COLUMNS) == document["columns"]
    for line, item in zip(table[1:], document["activities"], strict=True):
        assert list(item) == list(ACTIVITY_COLUMNS)
        expected = [";".join(v) if isinstance(v, list) else str(v) for v in item.values()]
        assert line == expected
    assert table[1][ACTIVITY_COLUMNS.index("districts")] == "港;中央"
