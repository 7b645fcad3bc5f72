"""Query budget of the activity list (活動一覧) and its exports: the same for 10 and 10,000 activities.

Two cities are built once for the module (``tests/builders.py``), each under its own community
index with its own activity list: a small one (3 organizations, 10 activities, 5 a page, so that
it has a page 2) and a large one (500 organizations, 10,000 activities, 20 a page). Every request
below is made against both and must cost the same number of queries, within a ceiling.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from tests.builders import add_activity_index, build_city, make_site
from tests.queries import request_queries
from wagtail_chiiki.feeds import ACTIVITY_COLUMNS
from wagtail_chiiki.models import Activity, OrganizationPage

LISTING_CEILING = 22  # 21 before every page type showed its related words (one query reads them)
EXPORT_CEILING = 21

LARGE = {"organizations": 500, "activities": 10_000, "page_size": 20}
SMALL = {"organizations": 3, "activities": 10, "page_size": 5}

# GET parameters, each of which must narrow the list (or order or page it) in both cities.
LISTING_CASES = {
    "unfiltered": {},
    "category": {"category": "transport"},
    "district": {"district": "district-01"},
    "organization": {"organization": "org-0001"},
    "tag": {"tag": "バス"},
    "keyword": {"q": "バス"},
    "combined": {"category": "transport", "district": "district-01", "tag": "バス", "q": "バス"},
    "newest": {"sort": "newest"},
    "newest, district": {"sort": "newest", "district": "district-01"},
    "page 2": {"page": "2"},
    "last page": {"page": "last"},
}
EXPORT_CASES = {
    "unfiltered": ({}, {}),
    "category": ({"category": "transport"}, {"category__slug": "transport"}),
    "keyword": ({"q": "バス"}, {"search_text__contains": "ばす"}),
    "district, newest": (
        {"district": "district-01", "sort": "newest"},
        {"page__districts__slug": "district-01"},
    ),
}


@pytest.fixture(scope="module")
def cities(django_db_setup, django_db_blocker):
    """Both cities, built once in a transaction that is rolled back after the module's tests."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        home = make_site()
        built = {}
        for name, size in (("small", SMALL), ("large", LARGE)):
            city = build_city(
                home, organizations=size["organizations"], activities=size["activities"], slug=name
            )
            city.listing = add_activity_index(city.index, page_size=size["page_size"])
            built[name] = city
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    cache.clear()  # Wagtail's cached site root paths name the site that was rolled back


def activity_state(city) -> dict:
    """What the listing reads of each activity."""
    rows = Activity.objects.filter(page__in=city.organizations).values_list(
        "pk", "search_text", "locale_id", "translation_key", "sort_order", "category_id", "created_at"
    )
    return {pk: tuple(rest) for pk, *rest in rows}


@pytest.mark.django_db
def test_built_city_is_what_editors_make(client, cities):
    """The builder's shortcuts leave the tree, the pages and the rows as publishing them would."""
    assert Page.find_problems() == ([], [], [], [], [])
    for city in cities.values():
        listed = OrganizationPage.objects.descendant_of(city.index).live().public()
        assert listed.count() == len(city.organizations)
        assert all(page.locale_id == city.index.locale_id for page in listed)
        keys = Activity.objects.filter(page__in=city.organizations).values_list("translation_key", flat=True)
        assert len(set(keys)) == len(keys) == city.activity_count
    small = cities["small"]
    assert client.get(small.organizations[0].url).status_code == 200
    before = activity_state(small)
    for page in small.organizations:
        OrganizationPage.objects.get(pk=page.pk).save_revision().publish()
    assert activity_state(small) == before


def query_string(city, params: dict) -> str:
    if params.get("page") == "last":
        params = {**params, "page": -(-city.activity_count // city.listing.page_size)}
    return "?" + urlencode(params) if params else ""


@pytest.mark.django_db
@pytest.mark.parametrize("params", LISTING_CASES.values(), ids=LISTING_CASES.keys())
def test_listing_queries_do_not_grow_with_activities(client, cities, params):
    counts, results = {}, {}
    for name, city in cities.items():
        measured = request_queries(client, city.listing.url + query_string(city, params))
        counts[name], response = measured.queries, measured.response
        results[name] = response.context["result_count"]
        assert len(response.context["activities"]) > 0
        if set(params) - {"sort", "page"}:  # the filter was applied, not dropped as invalid
            assert 0 < results[name] < city.activity_count
        else:
            assert results[name] == city.activity_count

    assert counts["small"] == counts["large"]
    assert counts["large"] <= LISTING_CEILING


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["csv", "json"])
@pytest.mark.parametrize(("params", "lookup"), EXPORT_CASES.values(), ids=EXPORT_CASES.keys())
def test_export_queries_do_not_grow_with_activities(client, cities, export, params, lookup):
    counts = {}
    for name, city in cities.items():
        url = city.listing.url + city.listing.reverse_subpage(f"export_{export}") + query_string(city, params)
        measured = request_queries(client, url)
        counts[name], body = measured.queries, measured.content
        expected = Activity.objects.filter(page__in=city.organizations, **lookup).distinct().count()
        assert 0 < expected <= city.activity_count
        if export == "csv":
            assert body.startswith("\ufeff".encode())
            header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
            assert header == list(ACTIVITY_COLUMNS)
            assert len(rows) == expected
            assert all(len(row) == len(header) for row in rows)
        else:
            data = json.loads(body)
            assert data["columns"] == list(ACTIVITY_COLUMNS)
            assert data["count"] == len(data["activities"]) == expected
            assert {activity["id"] for activity in data["activities"]} == set(
                Activity.objects.filter(page__in=city.organizations, **lookup).values_list("pk", flat=True)
            )

    assert counts["small"] == counts["large"]
    assert counts["large"] <= EXPORT_CEILING
