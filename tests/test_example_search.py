"""The example site's search page finds organizations, activities and series by parts of Japanese words."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.html import parse, text


def found(query: str, prefix: str = "") -> dict[str, list[str]]:
    """The link texts of each result section for ``query`` (``prefix`` "/en" for English)."""
    response = Client().get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    doc = parse(response.content.decode())
    return {
        kind: [text(link) for link in doc.one("section", aria_labelledby=f"results-{kind}").find_all("a")]
        for kind in ("organizations", "activities", "series")
    }


@pytest.fixture
def content(make_organization, make_series, make_category):
    transport = make_category("地域内交通", "transport")
    make_organization(
        "湊地区まちづくり協議会",
        summary="湊地区の自治会と商店会でつくる地域運営組織です。",
        activities=[(transport, "みなとバスの運行", "週三回、公民館と病院を結びます。")],
    )
    make_organization("緑が丘地区振興会", summary="緑が丘の地域運営組織です。")
    make_organization("下書きの会", summary="湊地区で準備中です。", publish=False)
    make_series("一箕地区まちづくりワークショップ", summary="地区の将来を話し合います。")


def test_parts_of_japanese_words_find_each_kind(content):
    assert found("湊地区") == {
        "organizations": ["湊地区まちづくり協議会"],
        "activities": ["みなとバスの運行"],  # its organization's name is part of its folded text
        "series": [],
    }
    assert found("ワークショップ")["series"] == ["一箕地区まちづくりワークショップ"]
    assert found("地域運営組織")["organizations"] == ["湊地区まちづくり協議会", "緑が丘地区振興会"]


def test_width_and_kana_are_folded(content):
    assert found("ﾊﾞｽ")["activities"] == ["みなとバスの運行"]
    assert found("わーくしょっぷ")["series"] == ["一箕地区まちづくりワークショップ"]


def test_every_term_must_match_and_drafts_are_not_found(content):
    assert found("湊地区 商店会")["organizations"] == ["湊地区まちづくり協議会"]
    assert found("湊地区 緑が丘")["organizations"] == []
    assert "下書きの会" not in found("準備中")["organizations"]


def test_without_a_keyword_nothing_is_listed(content):
    response = Client().get("/search/", {"q": "  "})
    assert response.status_code == 200
    assert parse(response.content.decode()).find("section") is None


def test_the_english_search_lists_only_english_pages(content):
    assert found("湊地区", prefix="/en") == {"organizations": [], "activities": [], "series": []}
