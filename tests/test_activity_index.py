"""The activity list (活動一覧): scope, filters with counts, Japanese keywords, order, pages, exports."""

from __future__ import annotations

import csv
import datetime
import io
import json
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction, Site

from tests.html import parse, text
from tests.stages import history, make_stages
from wagtail_chiiki.feeds import ACTIVITY_COLUMNS
from wagtail_chiiki.models import ActivityIndexPage, CommunityIndexPage


@pytest.fixture
def city(make_organization, make_district, make_category):
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


# -- what is listed --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_lists_every_activity_of_live_organizations_by_category_then_organization(
    client, activity_index, city
):
    response = get(client, activity_index)

    assert listed(response) == ALL
    assert "7" in status(response)


@pytest.mark.django_db
def test_each_activity_links_to_its_place_on_its_organization_page(client, activity_index, city):
    doc = parse(get(client, activity_index).content.decode())
    link = doc.one("ol", class_="chiiki-activity-list").find("a")
    url, anchor = link["href"].split("#")

    assert url == city["minato"].url
    organization = parse(client.get(url).content.decode())
    assert text(organization.one(id=anchor)).count("みなとバスの運行") == 1


@pytest.mark.django_db
def test_each_activity_shows_its_category_organization_and_districts(client, activity_index, city):
    doc = parse(get(client, activity_index, "?organization=both").content.decode())
    items = doc.find_all("li", class_="chiiki-activity-item")

    assert text(items[0].one(class_="chiiki-badge")) == "地域内交通"
    assert "二地区合同の会" in text(items[0].one(class_="chiiki-activity-item__organization"))
    assert "湊、大戸" in text(items[0].one(class_="chiiki-activity-item__districts"))
    assert items[1].find(class_="chiiki-badge") is None


@pytest.mark.django_db
def test_drafts_private_pages_other_sites_and_other_languages_are_never_listed_or_exported(
    client, activity_index, city, make_organization, make_category, home, locales
):
    events = make_category("交流イベント", "events")
    make_organization("下書きの会", slug="draft", activities=[(events, "下書きの祭り", "")], publish=False)
    private = make_organization("会員限定の会", slug="private", activities=[(events, "会員の集い", "")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # Another site's community index, with its own organization.
    other_home = home.get_parent().add_child(
        instance=type(home)(title="別の市", slug="other", locale=home.locale)
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other_index = other_home.add_child(instance=CommunityIndexPage(title="他市の組織", slug="chiiki"))
    make_organization(
        "他市の会", slug="elsewhere", parent=other_index, activities=[(events, "他市の祭り", "")]
    )
    # An English translation of one organization: listed only on the English list.
    city["oto"].copy_for_translation(locales["en"], copy_parents=True).save_revision().publish()

    hidden = {"下書きの祭り", "会員の集い", "他市の祭り"}
    assert not hidden & set(listed(get(client, activity_index)))
    assert listed(get(client, activity_index)) == ALL
    assert [row["title"] for row in export_csv(client, activity_index)] == ALL
    assert [row["title"] for row in export_json(client, activity_index)["activities"]] == ALL


@pytest.mark.django_db
def test_a_chosen_scope_lists_that_index_only_wherever_the_page_is_placed(
    client, home, community_index, city, make_organization
):
    second = home.add_child(instance=CommunityIndexPage(title="別の一覧", slug="second"))
    second.save_revision().publish()
    make_organization("別一覧の会", slug="second-org", parent=second, activities=[(None, "別一覧の活動", "")])
    anywhere = ActivityIndexPage(title="活動", slug="all-activities", scope=second)
    home.add_child(instance=anywhere)
    anywhere.save_revision().publish()
    whole_site = ActivityIndexPage(title="市内の活動", slug="site-activities")
    home.add_child(instance=whole_site)
    whole_site.save_revision().publish()

    assert listed(get(client, anywhere)) == ["別一覧の活動"]
    assert sorted(listed(get(client, whole_site))) == sorted([*ALL, "別一覧の活動"])


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
def test_filters_combine_and_the_status_counts_the_results(client, activity_index, city, query, expected):
    response = get(client, activity_index, query)

    assert listed(response) == expected
    assert f"{len(expected)}件" in status(response)


@pytest.mark.django_db
def test_each_choice_shows_how_many_activities_it_would_leave_with_the_other_filters(
    client, activity_index, city
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
def test_the_form_keeps_the_choices_and_works_as_a_plain_get_form(client, activity_index, city):
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
def test_keywords_match_parts_of_words_in_any_width_or_kana(client, activity_index, city, keyword, expected):
    response = client.get(activity_index.url, {"q": keyword, "organization": ""})

    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.django_db
def test_related_words_are_a_filter_not_a_keyword(client, activity_index, city):
    # のりもの is a related word of 湊: it describes the organization, not each of its activities.
    assert listed(client.get(activity_index.url, {"q": "のりもの"})) == []
    assert len(listed(client.get(activity_index.url, {"tag": "のりもの"}))) == 3


@pytest.mark.django_db
def test_editing_an_organization_updates_what_its_activities_are_found_by(client, activity_index, city):
    page = city["both"]
    page.title = "ふれあい交通の会"
    page.save_revision().publish()

    assert listed(client.get(activity_index.url, {"q": "ふれあい"})) == ["通院の送迎", "季節のつどい"]
    assert listed(client.get(activity_index.url, {"q": "二地区"})) == []


# -- order and pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sort_by_organization_follows_the_index_order_and_newest_puts_new_rows_first(
    client, activity_index, city, make_organization
):
    by_organization = listed(get(client, activity_index, "?sort=organization"))
    assert by_organization == [
        "みなとバスの運行",
        "湊産農産物直売所",
        "ｸﾘｰﾝ作戦",
        "おおとマルシェ",
        "花いっぱい運動",
        "通院の送迎",
        "季節のつどい",
    ]
    make_organization("新しい会", slug="new", activities=[(None, "新しい活動", "")])
    assert listed(get(client, activity_index, "?sort=newest"))[0] == "新しい活動"


@pytest.mark.django_db
def test_pages_are_stable_disjoint_and_cover_every_result(client, activity_index, city):
    activity_index.page_size = 5
    activity_index.save_revision().publish()
    for sort in ("category", "organization", "newest"):
        first = get(client, activity_index, f"?sort={sort}")
        second = get(client, activity_index, f"?sort={sort}&page=2")
        titles = listed(first) + listed(second)
        assert len(listed(first)) == 5
        assert sorted(titles) == sorted(ALL)
        assert listed(first) == listed(get(client, activity_index, f"?sort={sort}&page=1"))
    doc = parse(get(client, activity_index, "?category=&page=2").content.decode())
    nav = doc.one("nav", class_="chiiki-pagination")
    assert nav.one("a", aria_current="page")["href"] == "?category=&page=2"
    assert nav.one("a", rel="prev")["href"] == "?category=&page=1"
    assert doc.one("ol", class_="chiiki-activity-list")["start"] == "6"


# -- related words -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_related_words_link_to_the_filtered_list_with_their_counts(client, activity_index, city):
    doc = parse(get(client, activity_index).content.decode())
    words = {text(a).split(" ")[0]: a for a in doc.one("ul", class_="chiiki-word-list").find_all("a")}

    assert set(words) == {"のりもの", "野菜"}
    assert words["野菜"]["href"] == "?tag=%E9%87%8E%E8%8F%9C"
    assert "5件" in text(words["野菜"])
    assert len(listed(get(client, activity_index, words["のりもの"]["href"]))) == 3
    # Under a filter, the words keep it: their counts are counted under it.
    filtered = parse(get(client, activity_index, "?category=market&tag=野菜&page=1").content.decode())
    links = {
        text(a).split(" ")[0]: a["href"] for a in filtered.one("ul", class_="chiiki-word-list").find_all("a")
    }
    assert links["野菜"] == "?category=market&tag=%E9%87%8E%E8%8F%9C"
    assert "2件" in text(filtered.one("ul", class_="chiiki-word-list").one("a", aria_current="true"))


# -- bad input -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?page=0",
        "?page=-1",
        "?page=abc",
        "?page=",
        "?page=1.5",
        "?page=" + "9" * 5000,
        "?category=unknown",
        "?category=%3Cscript%3Ealert(1)%3C/script%3E",
        "?tag=%3Cscript%3Ealert(1)%3C/script%3E",
        "?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "?organization=' OR 1=1 --",
        "?q=' OR 1=1 --",
        "?q=" + "あ" * 10_000,
        "?q=%00%00",
        "?district=%00",
        "?sort=title",
        "?sort=-pk",
        "?category=market&category=transport&category=market",
    ],
)
def test_hostile_or_unknown_parameters_give_a_normal_page_and_are_never_reflected_as_markup(
    client, activity_index, city, query
):
    response = get(client, activity_index, query)

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "あ" * 101 not in html
    assert listed(response) in (ALL, [], ["湊産農産物直売所", "おおとマルシェ"])
    for export in ("export/csv/", "export/json/"):
        assert client.get(activity_index.url + export + query).status_code == 200


@pytest.mark.django_db
def test_a_page_past_the_end_is_a_clean_404(client, activity_index, city):
    assert client.get(activity_index.url + "?page=2").status_code == 404
    assert client.get(activity_index.url + "?page=99999").status_code == 404


@pytest.mark.django_db
def test_an_unknown_value_is_explained_and_the_valid_filters_still_apply(client, activity_index, city):
    doc = parse(get(client, activity_index, "?category=nothing&district=oto").content.decode())

    assert "分野" in text(doc.one(class_="chiiki-field-error"))
    assert len(doc.find_all("li", class_="chiiki-activity-item")) == 4


@pytest.mark.django_db
def test_repeated_parameters_use_the_last_value(client, activity_index, city):
    assert listed(get(client, activity_index, "?district=oto&district=minato&category=market")) == [
        "湊産農産物直売所"
    ]


@pytest.mark.django_db
def test_a_long_keyword_is_shortened_not_refused(client, activity_index, city):
    doc = parse(get(client, activity_index, "?q=" + "バス" + "あ" * 10_000).content.decode())

    assert len(doc.one("form", class_="chiiki-filters").one("input", name="q")["value"]) == 100
    assert doc.find(class_="chiiki-field-error") is None


@pytest.mark.django_db
def test_junk_after_an_export_address_is_a_404(client, activity_index, city):
    for junk in ("export/csv/x/", "export/", "export/xml/", "export/csv/?page=2&junk"):
        assert client.get(activity_index.url + junk).status_code == (200 if "?" in junk else 404)


# -- exports ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_exports_hold_exactly_the_filtered_list_on_every_page(client, activity_index, city):
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
def test_export_rows_carry_names_slugs_addresses_and_lists(client, activity_index, city):
    (row,) = export_csv(client, activity_index, "?q=送迎")
    (item,) = export_json(client, activity_index, "?q=送迎")["activities"]
    activity = city["both"].activities.get(title="通院の送迎")

    assert row == {
        "id": str(activity.pk),
        "title": "通院の送迎",
        "description": "かいものにも使えます。",
        "category": "地域内交通",
        "category_slug": "transport",
        "organization": "二地区合同の会",
        "organization_url": "http://testserver" + city["both"].url,
        "url": f"http://testserver{city['both'].url}#activity-{activity.pk}",
        "districts": "湊;大戸",
        "related_words": "",
        "added": timezone.localdate(activity.created_at).isoformat(),
    }
    assert item["districts"] == ["湊", "大戸"] and item["related_words"] == []
    assert item["id"] == activity.pk and item["added"] == row["added"]


@pytest.mark.django_db
def test_the_page_links_to_both_exports_with_the_current_filters(client, activity_index, city):
    doc = parse(get(client, activity_index, "?district=oto&page=1").content.decode())
    links = [a["href"] for a in doc.one(class_="chiiki-exports").find_all("a")]

    assert links == [
        activity_index.url + "export/csv/?district=oto",
        activity_index.url + "export/json/?district=oto",
    ]


# -- property-based: any parameters at all ---------------------------------------------------------------

KNOWN_VALUES = [
    "market",
    "oto",
    "minato",
    "both",
    "野菜",
    "のりもの",
    "newest",
    "organization",
    "1",
    "2",
    "0",
    "-1",
]
parameter_values = st.one_of(
    st.sampled_from(KNOWN_VALUES),
    st.text(max_size=30),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --", "%_%"]),
)
parameters = st.dictionaries(
    st.one_of(
        st.sampled_from(["q", "category", "district", "organization", "stage", "tag", "sort", "page"]),
        st.text(max_size=8),
    ),
    st.one_of(parameter_values, st.lists(parameter_values, min_size=1, max_size=3)),
    max_size=6,
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=parameters)
def test_any_parameters_give_a_page_or_a_404_and_exports_hold_what_the_page_counts(
    client, activity_index, city, query
):
    response = client.get(activity_index.url, query)
    assert response.status_code in (200, 404)
    rows = export_csv(client, activity_index, "?" + urlencode(query, doseq=True))
    data = export_json(client, activity_index, "?" + urlencode(query, doseq=True))

    assert [row["title"] for row in rows] == [item["title"] for item in data["activities"]]
    assert data["count"] == len(rows)
    assert {row["title"] for row in rows} <= set(ALL)
    if response.status_code == 404:
        assert int(str(query["page"][-1] if isinstance(query["page"], list) else query["page"])) > 1
        return
    html = response.content.decode()
    doc = parse(html)
    shown = doc.one("p", class_="chiiki-result-count")
    assert f"{len(rows)}件" in text(shown)
    assert len(listed(response)) == min(len(rows), activity_index.page_size)
    for value in (v for values in query.values() for v in (values if isinstance(values, list) else [values])):
        if "<" in value:
            assert value not in html


@pytest.mark.django_db
def test_the_community_index_links_to_its_activity_list(client, community_index, activity_index, city):
    doc = parse(get(client, community_index).content.decode())

    link = doc.one(class_="chiiki-see-also").one("a")
    assert link["href"] == activity_index.url
    assert "活動一覧" in text(link)


@pytest.mark.django_db
def test_a_community_index_without_activity_list_has_no_link(client, community_index, city):
    assert parse(get(client, community_index).content.decode()).find(class_="chiiki-see-also") is None


# -- support stages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_stage_filter_lists_the_activities_of_organizations_at_that_stage(
    client, activity_index, city, locales
):
    stages = make_stages(locales)
    for slug, number in (("minato", 4), ("oto", 1), ("both", 1)):
        page = city[slug]
        page.stage_history = history((stages[number], datetime.date(2024, 5, 31)))
        page.save_revision().publish()

    response = get(client, activity_index, "?stage=1")

    assert listed(response) == ["通院の送迎", "おおとマルシェ", "花いっぱい運動", "季節のつどい"]
    assert option_labels(response, "stage") == {
        "": "すべての段階",
        "1": f"{stages[1]}（4件）",
        "4": f"{stages[4]}（3件）",
    }
    assert listed(get(client, activity_index, "?stage=1&district=minato")) == ["通院の送迎", "季節のつどい"]
    assert [row["title"] for row in export_csv(client, activity_index, "?stage=4")] == [
        "みなとバスの運行",
        "湊産農産物直売所",
        "ｸﾘｰﾝ作戦",
    ]


@pytest.mark.django_db
def test_without_stages_there_is_no_stage_filter_and_a_stage_value_is_explained(client, activity_index, city):
    assert parse(get(client, activity_index).content.decode()).find("select", name="stage") is None

    doc = parse(get(client, activity_index, "?stage=9").content.decode())
    assert "段階" in text(doc.one(class_="chiiki-field-error"))
    assert len(doc.find_all("li", class_="chiiki-activity-item")) == len(ALL)
