"""The community index: the list of organizations, its filters, and hostile filter parameters."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import PageViewRestriction

from tests.html import parse, text


@pytest.fixture
def city(make_organization, make_district, make_category):
    """Three organizations in two districts, with transport and market activities."""
    minato = make_district("湊", "minato", 1)
    oto = make_district("大戸", "oto", 2)
    transport = make_category("地域内交通", "transport", 1)
    market = make_category("農産物直売所・マルシェ", "market", 2)
    pages = {
        "minato": make_organization(
            "NPO法人みんなと湊まちづくりネットワーク",
            slug="minato",
            legal_form="npo",
            districts=[minato],
            activities=[(transport, "みなとバス", "地区内を結ぶバス"), (market, "湊産農産物の直売所", "")],
        ),
        "oto": make_organization(
            "NPO法人大戸まちづくり協議会",
            slug="oto",
            legal_form="npo",
            districts=[oto],
            activities=[(market, "おおとマルシェ", "")],
        ),
        "both": make_organization(
            "二地区合同の会", slug="both", districts=[minato, oto], activities=[(transport, "送迎", "")]
        ),
    }
    pages["minato"].tags.add("バス")
    pages["minato"].save_revision().publish()
    return pages


def listed_titles(response) -> list[str]:
    doc = parse(response.content.decode())
    return (
        [text(a) for a in doc.find("ul", class_="chiiki-card-list").find_all("a")]
        if doc.find("ul", class_="chiiki-card-list")
        else []
    )


def result_count(response) -> str:
    return text(parse(response.content.decode()).one(class_="chiiki-result-count"))


@pytest.mark.django_db
def test_index_lists_every_live_organization_with_its_legal_form_districts_and_summary(
    client, community_index, city
):
    response = client.get(community_index.url)

    assert response.status_code == 200
    doc = parse(response.content.decode())
    cards = doc.find_all("article", class_="chiiki-card")
    assert len(cards) == 3
    first = cards[0]
    assert text(first.one(class_="chiiki-card__districts")) == "【湊】"
    assert text(first.one("a")) == "NPO法人みんなと湊まちづくりネットワーク"
    assert first.one("a")["href"] == city["minato"].url
    assert text(first.one(class_="chiiki-badge")) == "NPO法人"
    assert (
        text(first.one(class_="chiiki-card__summary"))
        == "NPO法人みんなと湊まちづくりネットワークの紹介です。"
    )
    assert text(cards[2].one(class_="chiiki-card__districts")) == "【湊、大戸】"
    assert doc.one(class_="chiiki-result-count")["role"] == "status"


@pytest.mark.django_db
def test_index_shows_published_and_updated_dates_in_the_japanese_era_calendar(client, community_index):
    community_index.update_history = [
        ("update", {"date": datetime.date(2024, 6, 12), "description": "団体の紹介を追加しました。"})
    ]
    community_index.save_revision().publish()
    community_index.refresh_from_db()
    local_day = community_index.first_published_at.astimezone(datetime.timezone(datetime.timedelta(hours=9)))

    doc = parse(client.get(community_index.url).content.decode())

    dates = doc.one(class_="chiiki-page-dates")
    published = dates.find_all("time")[0]
    assert published["datetime"] == local_day.date().isoformat()
    assert text(published).startswith("令和")
    history = dates.one("details")
    assert text(history.one("li")) == "令和6年6月12日 団体の紹介を追加しました。"
    assert history.one("time")["datetime"] == "2024-06-12"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?district=minato", ["NPO法人みんなと湊まちづくりネットワーク", "二地区合同の会"]),
        ("?district=oto", ["NPO法人大戸まちづくり協議会", "二地区合同の会"]),
        ("?category=market", ["NPO法人みんなと湊まちづくりネットワーク", "NPO法人大戸まちづくり協議会"]),
        ("?district=oto&category=market", ["NPO法人大戸まちづくり協議会"]),
        ("?district=oto&category=transport", ["二地区合同の会"]),
        ("?tag=バス", ["NPO法人みんなと湊まちづくりネットワーク"]),
    ],
)
def test_filters_narrow_the_list_and_the_count_says_how_many(client, community_index, city, query, expected):
    response = client.get(community_index.url + query)

    assert response.status_code == 200
    assert listed_titles(response) == expected
    assert result_count(response).endswith(f"{len(expected)}件")


@pytest.mark.django_db
def test_filter_form_offers_the_districts_and_categories_in_use_and_keeps_the_choice(
    client, community_index, city
):
    doc = parse(client.get(community_index.url + "?district=oto").content.decode())

    district = doc.one("select", name="district")
    options = [(option["value"], text(option)) for option in district.find_all("option")]
    assert options == [("", "すべての地区"), ("minato", "湊"), ("oto", "大戸")]
    assert district.one("option", selected=True)["value"] == "oto"
    category = doc.one("select", name="category")
    assert [option["value"] for option in category.find_all("option")] == ["", "transport", "market"]
    assert doc.one("form", class_="chiiki-filters")["method"] == "get"
    assert doc.one("label", for_="id_district") is not None


@pytest.mark.django_db
def test_no_match_says_so_and_links_back_to_the_whole_list(client, community_index, city):
    response = client.get(community_index.url + "?district=minato&category=market&tag=マルシェ")

    doc = parse(response.content.decode())
    assert listed_titles(response) == []
    assert doc.one(class_="chiiki-empty").one("a")["href"] == community_index.url


@pytest.mark.django_db
def test_drafts_and_login_restricted_organizations_are_not_listed(
    client, community_index, city, make_organization
):
    make_organization("下書きの組織", slug="draft", publish=False)
    private = make_organization("会員限定の組織", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    titles = listed_titles(client.get(community_index.url))

    assert "下書きの組織" not in titles
    assert "会員限定の組織" not in titles
    assert len(titles) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?district=abc",
        "?district=",
        "?category=",
        "?district=&category=&tag=",
        "?category=%3Cscript%3Ealert(1)%3C/script%3E",
        "?tag=%3Cscript%3Ealert(1)%3C/script%3E",
        "?district=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "?district=' OR 1=1 --",
        "?district=" + "x" * 10_000,
        "?tag=" + "あ" * 10_000,
        "?category=" + "%00" * 20,
        "?unknown=1&page=abc",
    ],
)
def test_hostile_or_unknown_filter_values_give_the_whole_list_and_are_never_reflected_as_markup(
    client, community_index, city, query
):
    response = client.get(community_index.url + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "x" * 10_000 not in html and "あ" * 10_000 not in html
    # A well-formed related word that no page carries is a valid filter with no result.
    expected = 0 if query.startswith("?tag=%3C") else 3
    assert len(listed_titles(response)) == expected


@pytest.mark.django_db
def test_an_unknown_district_is_explained_next_to_the_field(client, community_index, city):
    doc = parse(client.get(community_index.url + "?district=abc&category=market").content.decode())

    error = doc.one(class_="chiiki-field-error")
    assert "地区" in text(error)
    # The valid filter still applies.
    assert [text(a) for a in doc.one("ul", class_="chiiki-card-list").find_all("a")] == [
        "NPO法人みんなと湊まちづくりネットワーク",
        "NPO法人大戸まちづくり協議会",
    ]


@pytest.mark.django_db
def test_repeated_parameters_use_the_last_value(client, community_index, city):
    response = client.get(community_index.url + "?district=minato&district=oto&district=oto")

    assert listed_titles(response) == ["NPO法人大戸まちづくり協議会", "二地区合同の会"]
