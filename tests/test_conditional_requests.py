"""Conditional requests: every package page and feed has an ETag made from the section version
before anything is rendered; a 304 costs a few constant queries; any change to the section changes it."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.builders import add_activity_index, build_city, make_site
from tests.queries import count_queries

ROUTES = ("", "map/", "geojson/")
#: A 304 at depth 4: the site, the locale, Wagtail's routing (two queries a level) and its
#: view-restriction check; nothing of the content.
NOT_MODIFIED_CEILING = 9


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def etag_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        b"".join(response.streaming_content)
    return response["ETag"]


def test_pages_and_feeds_answer_not_modified_to_their_etag(
    client, community_index, activity_index, make_organization
):
    organization = make_organization("湊地区まちづくり協議会")
    urls = [community_index.url + route for route in ROUTES] + [
        organization.url,
        activity_index.url,
        activity_index.url + "export/csv/",
        activity_index.url + "export/json/",
        activity_index.url + "?q=%E3%83%90%E3%82%B9",
    ]
    tags = {url: etag_of(client, url) for url in urls}

    assert len(set(tags.values())) == len(urls)  # each address and query has its own
    for url, etag in tags.items():
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again["ETag"] == etag
        assert again.content == b""


def test_the_etag_depends_on_the_language(client, community_index, locales):
    english = community_index.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()

    assert etag_of(client, community_index.url) != etag_of(client, english.url)


def test_a_not_modified_answer_makes_a_few_queries_whatever_the_number_of_organizations(client, db):
    home = make_site()
    small = build_city(home, organizations=5, activities=10, slug="small")
    large = build_city(home, organizations=60, activities=300, slug="large")
    small_list, large_list = add_activity_index(small.index), add_activity_index(large.index)

    def not_modified_queries(url: str) -> int:
        etag = etag_of(client, url)
        queries, response = count_queries(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag))
        assert response.status_code == 304
        return queries

    def ok_queries(url: str) -> int:
        queries, response = count_queries(lambda: client.get(url))
        assert response.status_code == 200
        return queries

    for route in ROUTES:
        assert not_modified_queries(small.index.url + route) == not_modified_queries(large.index.url + route)
    for url in (small_list.url, small_list.url + "export/csv/"):
        assert not_modified_queries(url) <= NOT_MODIFIED_CEILING
    # A fraction of what the page itself costs.
    assert not_modified_queries(large.index.url) * 2 < ok_queries(large.index.url)
    assert not_modified_queries(large_list.url) * 2 < ok_queries(large_list.url)


def test_publishing_an_organization_changes_the_etag_of_the_index_and_its_feeds(
    client, community_index, make_organization
):
    organization = make_organization("湊地区まちづくり協議会")
    before = {route: etag_of(client, community_index.url + route) for route in ROUTES}

    organization.title = "湊地区まちづくり協議会(新)"
    organization.save_revision().publish()

    for route in ROUTES:
        url = community_index.url + route
        assert client.get(url, HTTP_IF_NONE_MATCH=before[route]).status_code == 200
        assert etag_of(client, url) != before[route]


@pytest.mark.parametrize("change", ["unpublish", "move", "delete", "snippet", "restriction"])
def test_every_kind_of_change_to_the_section_changes_the_etag(
    client, community_index, make_organization, make_district, change
):
    organization = make_organization("湊地区まちづくり協議会")
    other = make_organization("一箕地区まちづくり協議会")
    district = make_district("湊", "minato")
    before = etag_of(client, community_index.url)

    if change == "unpublish":
        organization.unpublish()
    elif change == "move":
        organization.move(other, pos="last-child")
    elif change == "delete":
        organization.delete()
    elif change == "snippet":
        district.name = "湊町"
        district.save()
    else:
        PageViewRestriction.objects.create(page=organization, restriction_type=PageViewRestriction.LOGIN)

    assert etag_of(client, community_index.url) != before


def test_saving_a_draft_keeps_the_etag(client, community_index, make_organization):
    organization = make_organization("湊地区まちづくり協議会")
    before = etag_of(client, community_index.url)

    organization.title = "下書きの名前"
    organization.save_revision()

    assert etag_of(client, community_index.url) == before


def test_a_private_page_answers_its_login_before_any_etag(client, community_index):
    PageViewRestriction.objects.create(page=community_index, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(community_index.url, HTTP_IF_NONE_MATCH="*")

    assert response.status_code == 302
    assert "ETag" not in response
