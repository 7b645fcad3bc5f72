"""Whole-page caching (``WAGTAIL_CHIIKI["CACHE_PAGES"]``): pages and feeds are kept under the
section version, so a publish makes them fresh at once; purges reach a front-end cache."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import cache
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from tests.html import parse, text
from tests.queries import count_queries

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "chiiki-page-cache"}
REDIS = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:6379/0",
    "KEY_PREFIX": f"wagtail-chiiki-perf-test-{uuid.uuid4().hex[:8]}",
}


def redis_running() -> bool:
    import redis

    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    if request.param == "redis" and not redis_running():
        pytest.fail("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = {"default": LOCMEM if request.param == "locmem" else REDIS}
    settings.WAGTAIL_CHIIKI = {"CACHE_PAGES": True}
    cache.clear()  # with Redis: only the keys of this prefix
    yield request.param
    cache.clear()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def not_modified_queries(client, url: str, etag: str) -> int:
    queries, response = count_queries(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag))
    assert response.status_code == 304
    return queries


def cards(content: bytes) -> list[str]:
    return [text(h) for h in parse(content).one("ul", class_="chiiki-card-list").find_all("h3")]


def test_a_cached_page_is_served_without_rendering_and_a_publish_makes_it_fresh(
    page_cache, client, community_index, make_organization
):
    organization = make_organization("湊地区まちづくり協議会")
    first = client.get(community_index.url)
    rendered = body(first)

    queries, again = count_queries(lambda: client.get(community_index.url))

    assert body(again) == rendered
    assert again["ETag"] == first["ETag"]
    # What a 304 costs (the site, Wagtail's routing, the view-restriction check): no listing.
    assert queries == not_modified_queries(client, community_index.url, first["ETag"])
    organization.title = "湊地区まちづくり協議会(新)"
    organization.save_revision().publish()
    assert cards(body(client.get(community_index.url))) == ["湊地区まちづくり協議会(新)"]


def test_feeds_and_streamed_exports_are_cached_whole(page_cache, client, activity_index, make_organization):
    make_organization("湊地区まちづくり協議会")
    for url in (activity_index.url + "export/csv/", activity_index.url.replace("activities/", "geojson/")):
        first = client.get(url)
        content = body(first)
        queries, again = count_queries(lambda url=url: client.get(url))
        assert body(again) == content
        assert again["Content-Type"] == first["Content-Type"]
        assert queries == not_modified_queries(client, url, first["ETag"])


def test_pages_under_a_view_restriction_and_logged_in_visitors_are_never_served_from_the_cache(
    page_cache, client, admin_client, community_index, make_organization
):
    make_organization("湊地区まちづくり協議会")
    body(client.get(community_index.url))  # cached for anonymous visitors

    editor_queries, response = count_queries(lambda: admin_client.get(community_index.url))
    anonymous_queries, _ = count_queries(lambda: client.get(community_index.url))
    assert editor_queries > anonymous_queries + 5
    assert "ETag" not in response

    PageViewRestriction.objects.create(
        page=community_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(community_index.url).status_code == 200  # the password form, not the page
    assert "chiiki-card-list" not in client.get(community_index.url).content.decode()


class RecordingBackend(BaseBackend):
    """A front-end cache that records what it is asked to purge."""

    purged: list[str] = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        RecordingBackend.purged.append(url)


def test_a_publish_purges_the_page_and_the_section_listings_with_their_feeds(
    settings, community_index, activity_index, make_organization, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    organization = make_organization("湊地区まちづくり協議会")
    RecordingBackend.purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        organization.save_revision().publish()

    base = "http://testserver"
    expected = {
        base + organization.url,
        base + community_index.url,
        base + community_index.url + "map/",
        base + community_index.url + "geojson/",
        base + activity_index.url,
        base + activity_index.url + "export/csv/",
        base + activity_index.url + "export/json/",
    }
    assert expected <= set(RecordingBackend.purged)
    assert base + "/" not in RecordingBackend.purged  # the home page is not the section's
