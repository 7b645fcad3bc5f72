"""Bounded pages: the community index shows its cards a page at a time, keeping the filters, with
the map one click away; its queries do not grow with the organizations."""

from __future__ import annotations

from tests.builders import build_city, make_site
from tests.html import parse, text
from tests.queries import request_queries


def cards(response) -> list[str]:
    return [text(h) for h in parse(response.content).one("ul", class_="chiiki-card-list").find_all("h3")]


def test_the_community_index_shows_a_page_of_cards_with_links_to_the_others_and_the_map(client, db, settings):
    settings.WAGTAIL_CHIIKI = {"INDEX_PAGE_SIZE": 24}
    city = build_city(make_site(), organizations=60, activities=60)

    first = client.get(city.index.url)
    doc = parse(first.content)

    assert len(cards(first)) == 24
    assert "60" in text(doc.one("p", class_="chiiki-result-count"))
    pages = doc.one("nav", class_="chiiki-pagination")
    assert [text(a) for a in pages.find_all("a") if text(a).isdigit()] == ["1", "2", "3"]
    assert doc.one("a", href=city.index.url + "map/")
    last = client.get(city.index.url + "?page=3")
    assert len(cards(last)) == 12
    assert client.get(city.index.url + "?page=4").status_code == 404
    assert len(cards(client.get(city.index.url + "?page=junk"))) == 24


def test_pages_of_a_filtered_index_keep_the_filter(client, db, settings):
    settings.WAGTAIL_CHIIKI = {"INDEX_PAGE_SIZE": 5}
    city = build_city(make_site(), organizations=60, activities=60)
    url = city.index.url + "?district=district-01"

    doc = parse(client.get(url).content)

    links = doc.one("nav", class_="chiiki-pagination").find_all("a")
    assert links and all("district=district-01" in a["href"] and "page=" in a["href"] for a in links)
    second = client.get(city.index.url + "?district=district-01&page=2")
    assert len(cards(second)) == 5


def test_community_index_queries_and_cards_stay_the_same_from_5_to_60_organizations(client, db, settings):
    settings.WAGTAIL_CHIIKI = {"INDEX_PAGE_SIZE": 5}
    home = make_site()
    small = build_city(home, organizations=5, activities=10, slug="small")
    large = build_city(home, organizations=60, activities=120, slug="large")

    few, many = request_queries(client, small.index.url), request_queries(client, large.index.url)

    assert few.queries == many.queries
    assert len(cards(few.response)) == len(cards(many.response)) == 5
    assert request_queries(client, large.index.url + "?page=12").queries == many.queries
