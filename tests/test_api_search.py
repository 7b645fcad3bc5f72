"""Other systems read organizations through the Wagtail API v2; residents find them through Wagtail search.

Search runs on the database backend (``WAGTAILSEARCH_BACKENDS`` of the example site). It splits
text into words at spaces and punctuation only, so a Japanese phrase is one word: ``みなとバス``
finds an activity titled みなとバス, but ``バス`` alone does not (see /work/shared/NOTES.md,
"Japanese search"). The tests below search for what the backend can find: whole Japanese words
and phrases as written, and English words.
"""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import PageViewRestriction

from wagtail_chiiki.models import Activity, Contact, OrganizationPage

API_URL = "/api/v2/pages/"


@pytest.fixture
def minato(make_organization, make_district, make_category, locales):
    """湊's organization as the city page describes it, published."""
    contact = Contact.objects.create(
        name="NPO法人みんなと湊まちづくりネットワーク", phone="0242-95-2201", locale=locales["ja"]
    )
    organization = make_organization(
        "NPO法人みんなと湊まちづくりネットワーク",
        slug="minato",
        districts=[make_district("湊", "minato")],
        activities=[
            (make_category("地域内交通", "transport"), "みなとバス", "湊地区を走る地域内交通です。"),
            (
                make_category("農産物直売所", "farm-stand"),
                "湊産農産物の直売所",
                "Fresh vegetables every Saturday",
            ),
        ],
        links=[("website", "https://minato.example.jp/"), ("youtube", "https://www.youtube.com/@minato")],
        legal_form="npo",
        summary="Minato runs a community bus, a farm stand and first-aid classes.",
        established=datetime.date(2019, 4, 1),
        contact=contact,
        latitude="37.494722",
        longitude="139.929722",
    )
    organization.tags.add("バス", "直売所")
    organization.save_revision().publish()
    return organization


def api_organizations(client, **params) -> list[dict]:
    response = client.get(API_URL, {"type": "wagtail_chiiki.OrganizationPage", "fields": "*", **params})
    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["total_count"] == len(body["items"])
    return body["items"]


# The API ---------------------------------------------------------------------------------------


def test_api_publishes_an_organization_with_its_details(client, minato):
    [item] = api_organizations(client)

    assert item["id"] == minato.pk
    assert item["title"] == "NPO法人みんなと湊まちづくりネットワーク"
    assert item["meta"]["type"] == "wagtail_chiiki.OrganizationPage"
    assert item["meta"]["html_url"] == "http://testserver/chiiki/minato/"
    # Outside i18n_patterns with prefix_default_language=False, Django serves the site's language.
    assert (item["legal_form"], item["legal_form_display"]) == ("npo", "NPO法人")
    assert item["summary"] == "Minato runs a community bus, a farm stand and first-aid classes."
    assert item["established"] == "2019-04-01"
    assert [district["name"] for district in item["districts"]] == ["湊"]
    assert [(a["title"], a["category"]["name"]) for a in item["activities"]] == [
        ("みなとバス", "地域内交通"),
        ("湊産農産物の直売所", "農産物直売所"),
    ]
    assert [(link["kind"], link["url"]) for link in item["links"]] == [
        ("website", "https://minato.example.jp/"),
        ("youtube", "https://www.youtube.com/@minato"),
    ]
    assert (item["contact"]["name"], item["contact"]["phone"]) == (
        "NPO法人みんなと湊まちづくりネットワーク",
        "0242-95-2201",
    )
    assert sorted(item["tags"]) == ["バス", "直売所"]
    assert item["latitude"] == pytest.approx(37.494722)
    assert item["longitude"] == pytest.approx(139.929722)


def test_api_never_shows_a_draft_organization(client, minato, make_organization):
    draft = make_organization("一箕地区ひとみ創造ネットワーク", slug="hitomi", publish=False)

    assert [item["id"] for item in api_organizations(client)] == [minato.pk]
    assert client.get(f"{API_URL}{draft.pk}/").status_code == 404


def test_api_shows_the_published_version_not_unpublished_changes(client, minato):
    minato.summary = "まだ公開していない紹介文"
    minato.save_revision()

    [item] = api_organizations(client)

    assert item["summary"] == "Minato runs a community bus, a farm stand and first-aid classes."


def test_api_never_shows_an_organization_behind_a_view_restriction(client, minato):
    PageViewRestriction.objects.create(page=minato, restriction_type="password", password="secret")

    assert api_organizations(client) == []


def test_api_publishes_the_community_index_introduction(client, community_index):
    response = client.get(API_URL, {"type": "wagtail_chiiki.CommunityIndexPage", "fields": "intro"})

    [item] = response.json()["items"]
    assert [(block["type"], block["value"]) for block in item["intro"]] == [
        ("paragraph", "<p>地域の課題に住民が取り組む組織です。</p>")
    ]


def test_api_search_finds_an_organization_by_its_activity(client, minato):
    assert [item["id"] for item in api_organizations(client, search="みなとバス")] == [minato.pk]


# Wagtail search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("みなとバス", id="activity-title"),
        pytest.param("湊地区を走る地域内交通です", id="activity-description"),
        pytest.param("vegetables Saturday", id="activity-description-words"),
        pytest.param("NPO法人みんなと湊まちづくりネットワーク", id="title"),
        pytest.param("farm stand", id="summary-words"),
        pytest.param("COMMUNITY BUS", id="summary-words-any-case"),
    ],
)
def test_search_finds_an_organization_by_title_summary_and_activities(minato, make_organization, query):
    make_organization("河東地域づくり委員会", slug="kawahigashi", summary="Kawahigashi holds health classes.")

    assert list(OrganizationPage.objects.live().search(query)) == [minato]


def test_search_never_finds_a_draft_organization(minato, make_organization, make_category):
    make_organization(
        "下書きの組織", slug="draft", activities=[(None, "みなとバス", "")], summary="a draft", publish=False
    )

    assert list(OrganizationPage.objects.live().search("みなとバス")) == [minato]


def test_search_suggests_an_organization_as_its_name_is_typed(minato):
    assert list(OrganizationPage.objects.live().autocomplete("NPO法人みんなと")) == [minato]


def test_search_finds_an_activity_added_when_the_organization_is_edited(minato):
    minato.activities.add(Activity(title="救命救急教室", description=""))
    minato.save_revision().publish()

    assert list(OrganizationPage.objects.live().search("救命救急教室")) == [minato]


def test_search_finds_an_organization_by_its_related_words(minato):
    minato.tags.add("乗合バス")
    minato.save_revision().publish()

    assert list(OrganizationPage.objects.live().search("乗合バス")) == [minato]
