"""The activity list's filters with their counts, and Japanese keywords in any width or kana."""

from __future__ import annotations

import pytest

from tests.activity_list import get, listed, option_labels, status
from tests.html import parse

# -- filters and their counts --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?category=market", ["湊産農産物直売所", "おおとマルシェ"]),
        ("?district=oto", ["通院の送迎", "おおとマルシェ", "花いっぱい運動", "季節のつどい"]),
        ("?organization=minato", ["みなとバスの運行", "湊産農産物直売所", "ｸﾘｰﾝ作戦"]),
        (
            "?tag=野菜",
            ["みなとバスの運行", "湊産農産物直売所", "おおとマルシェ", "ｸﾘｰﾝ作戦", "花いっぱい運動"],
        ),
        ("?district=oto&category=transport", ["通院の送迎"]),
        ("?district=minato&category=clean-up&tag=のりもの", ["ｸﾘｰﾝ作戦"]),
        ("?district=oto&organization=minato", []),
    ],
)
def test_filters_combine_and_the_status_counts_the_results(
    client, activity_index, activity_city, query, expected
):
    response = get(client, activity_index, query)

    assert listed(response) == expected
    assert f"{len(expected)}件" in status(response)


@pytest.mark.django_db
def test_each_choice_shows_how_many_activities_it_would_leave_with_the_other_filters(
    client, activity_index, activity_city
):
    response = get(client, activity_index, "?district=oto")

    categories = option_labels(response, "category")
    assert categories["transport"] == "地域内交通（1件）"
    assert categories["market"] == "農産物直売所・マルシェ（1件）"
    assert categories["clean-up"] == "環境美化（1件）"
    # A filter's own choices are counted without it, so the reader can switch district.
    districts = option_labels(response, "district")
    assert districts == {"": "すべての地区", "minato": "湊（5件）", "oto": "大戸（4件）"}
    # Choices that would leave nothing are left out; a chosen one stays, with its count.
    assert option_labels(response, "organization") == {
        "": "すべての組織",
        "oto": "NPO法人大戸まちづくり協議会（2件）",
        "both": "二地区合同の会（2件）",
    }
    assert option_labels(response, "tag") == {"": "すべての関連ワード", "野菜": "野菜（2件）"}
    chosen = option_labels(get(client, activity_index, "?district=oto&organization=minato"), "organization")
    assert chosen["minato"] == "NPO法人みんなと湊まちづくりネットワーク（0件）"


@pytest.mark.django_db
def test_the_form_keeps_the_choices_and_works_as_a_plain_get_form(client, activity_index, activity_city):
    doc = parse(get(client, activity_index, "?category=market&q=直売&sort=newest").content.decode())
    form = doc.one("form", class_="chiiki-filters")

    assert form["method"] == "get" and form["action"] == activity_index.url
    assert form.one("select", name="category").one("option", selected=True)["value"] == "market"
    assert form.one("select", name="sort").one("option", selected=True)["value"] == "newest"
    keyword = form.one("input", name="q")
    assert keyword["value"] == "直売" and keyword["type"] == "search"
    assert [label["for"] for label in form.find_all("label")][0] == "id_q"
    assert form.one("button", type="submit")
    assert doc.one(class_="chiiki-result-count")["role"] == "status"


# -- Japanese keyword search ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("keyword", "expected"),
    [
        ("バス", ["みなとバスの運行"]),
        ("直売", ["湊産農産物直売所", "おおとマルシェ"]),  # also the category 農産物直売所・マルシェ
        ("ばす", ["みなとバスの運行"]),
        ("ﾊﾞｽ", ["みなとバスの運行"]),
        ("クリーン", ["ｸﾘｰﾝ作戦"]),
        ("abc", ["ｸﾘｰﾝ作戦"]),
        ("ＡＢＣ", ["ｸﾘｰﾝ作戦"]),
        ("２回", ["ｸﾘｰﾝ作戦"]),
        ("カイモノ", ["通院の送迎"]),
        ("マルシェ", ["湊産農産物直売所", "おおとマルシェ"]),
        ("湊 直売", ["湊産農産物直売所"]),
        ("湊　直売", ["湊産農産物直売所"]),
        ("大戸まちづくり", ["おおとマルシェ", "花いっぱい運動"]),  # the organization's name
        ("存在しない言葉", []),
        ("%", []),
        ("_", []),
    ],
)
def test_keywords_match_parts_of_words_in_any_width_or_kana(
    client, activity_index, activity_city, keyword, expected
):
    response = client.get(activity_index.url, {"q": keyword, "organization": ""})

    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.django_db
def test_related_words_are_a_filter_not_a_keyword(client, activity_index, activity_city):
    # のりもの is a related word of 湊: it describes the organization, not each of its activities.
    assert listed(client.get(activity_index.url, {"q": "のりもの"})) == []
    assert len(listed(client.get(activity_index.url, {"tag": "のりもの"}))) == 3


@pytest.mark.django_db
def test_editing_an_organization_updates_what_its_activities_are_found_by(
    client, activity_index, activity_city
):
    page = activity_city["both"]
    page.title = "ふれあい交通の会"
    page.save_revision().publish()

    assert listed(client.get(activity_index.url, {"q": "ふれあい"})) == ["通院の送迎", "季節のつどい"]
    assert listed(client.get(activity_index.url, {"q": "二地区"})) == []
