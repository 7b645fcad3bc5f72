"""Helpers of the activity list (活動一覧) tests: a page's listed titles, its status line, its
filter choices and its exports; and ``activity_city``, the organizations they list (a plugin of
tests/conftest.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.html import parse, text
from wagtail_chiiki.feeds import ACTIVITY_COLUMNS


@pytest.fixture
def activity_city(make_organization, make_district, make_category):
    """Three organizations in two districts with transport, market and clean-up activities."""
    minato = make_district("湊", "minato", 1)
    oto = make_district("大戸", "oto", 2)
    transport = make_category("地域内交通", "transport", 1)
    market = make_category("農産物直売所・マルシェ", "market", 2)
    cleanup = make_category("環境美化", "clean-up", 3)
    pages = {
        "minato": make_organization(
            "NPO法人みんなと湊まちづくりネットワーク",
            slug="minato",
            districts=[minato],
            activities=[
                (transport, "みなとバスの運行", "地区内を結ぶバスを走らせています。"),
                (market, "湊産農産物直売所", ""),
                (cleanup, "ｸﾘｰﾝ作戦", "年２回、ＡＢＣ公園を清掃します。"),
            ],
        ),
        "oto": make_organization(
            "NPO法人大戸まちづくり協議会",
            slug="oto",
            districts=[oto],
            activities=[
                (market, "おおとマルシェ", "地元の野菜を販売します。"),
                (cleanup, "花いっぱい運動", ""),
            ],
        ),
        "both": make_organization(
            "二地区合同の会",
            slug="both",
            districts=[minato, oto],
            activities=[(transport, "通院の送迎", "かいものにも使えます。"), (None, "季節のつどい", "")],
        ),
    }
    pages["minato"].tags.add("のりもの", "野菜")
    pages["minato"].save_revision().publish()
    pages["oto"].tags.add("野菜")
    pages["oto"].save_revision().publish()
    return pages


def get(client, page, query: str = ""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response


def listed(response) -> list[str]:
    doc = parse(response.content.decode())
    found = doc.find("ol", class_="chiiki-activity-list")
    return [text(a) for a in found.find_all("a")] if found else []


def status(response) -> str:
    return text(parse(response.content.decode()).one("p", class_="chiiki-result-count"))


def option_labels(response, name: str) -> dict[str, str]:
    select = parse(response.content.decode()).one("select", name=name)
    return {option["value"]: text(option) for option in select.find_all("option")}


def export_csv(client, page, query: str = "") -> list[dict[str, str]]:
    response = client.get(page.url + "export/csv/" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    reader = csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames) == ACTIVITY_COLUMNS
    return list(reader)


def export_json(client, page, query: str = "") -> dict:
    response = client.get(page.url + "export/json/" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(b"".join(response.streaming_content))


ALL = [
    "みなとバスの運行",
    "通院の送迎",
    "湊産農産物直売所",
    "おおとマルシェ",
    "ｸﾘｰﾝ作戦",
    "花いっぱい運動",
    "季節のつどい",
]
