"""The activity exports: the writers read every column once per row, CSV and JSON hold the same values,
and the list's CSV and JSON downloads hold exactly its filtered rows."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pytest
from django.utils import timezone

from tests.activity_list import export_csv, export_json, get
from tests.html import parse
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


# -- exports ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_exports_hold_exactly_the_filtered_list_on_every_page(client, activity_index, activity_city):
    activity_index.page_size = 5
    activity_index.save_revision().publish()
    query = "?district=oto&sort=organization&page=2"

    rows = export_csv(client, activity_index, query)
    data = export_json(client, activity_index, query)

    expected = ["おおとマルシェ", "花いっぱい運動", "通院の送迎", "季節のつどい"]
    assert [row["title"] for row in rows] == expected
    assert [row["title"] for row in data["activities"]] == expected
    assert data["count"] == 4
    assert data["columns"] == list(ACTIVITY_COLUMNS)
    assert data["source"] == "http://testserver" + activity_index.url


@pytest.mark.django_db
def test_export_rows_carry_names_slugs_addresses_and_lists(client, activity_index, activity_city):
    (row,) = export_csv(client, activity_index, "?q=送迎")
    (item,) = export_json(client, activity_index, "?q=送迎")["activities"]
    activity = activity_city["both"].activities.get(title="通院の送迎")

    assert row == {
        "id": str(activity.pk),
        "title": "通院の送迎",
        "description": "かいものにも使えます。",
        "category": "地域内交通",
        "category_slug": "transport",
        "organization": "二地区合同の会",
        "organization_url": "http://testserver" + activity_city["both"].url,
        "url": f"http://testserver{activity_city['both'].url}#activity-{activity.pk}",
        "districts": "湊;大戸",
        "related_words": "",
        "added": timezone.localdate(activity.created_at).isoformat(),
    }
    assert item["districts"] == ["湊", "大戸"] and item["related_words"] == []
    assert item["id"] == activity.pk and item["added"] == row["added"]


@pytest.mark.django_db
def test_the_page_links_to_both_exports_with_the_current_filters(client, activity_index, activity_city):
    doc = parse(get(client, activity_index, "?district=oto&page=1").content.decode())
    links = [a["href"] for a in doc.one(class_="chiiki-exports").find_all("a")]

    assert links == [
        activity_index.url + "export/csv/?district=oto",
        activity_index.url + "export/json/?district=oto",
    ]
