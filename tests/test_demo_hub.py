"""The demo hub: the community index carries what the source page carries, and the demo holds together by links."""

from __future__ import annotations

import datetime
from unittest import mock
from urllib.parse import urldefrag, urlsplit

import pytest
from wagtail.models import Page

from tests.html import parse, text
from tests.queries import request_queries

pytestmark = [pytest.mark.django_db, pytest.mark.shared_media]

HOST = "localhost"
TODAY = datetime.date(2024, 6, 12)

#: What the source page says, in its order; each must appear on the hub (the demo words the topics its way).
SEED_FACTS = [
    "北会津地域づくり委員会",
    "河東地域づくり委員会",
    "NPO法人みんなと湊まちづくりネットワーク",
    "NPO法人大戸まちづくり協議会",
    "永和地区地域づくり協議会",
    "一箕地区ひとみ創造ネットワーク",
    "令和6年6月21日(金)",
    "地域づくりビジョンとは? ほか",
    "令和6年7月10日(水)",
    "地域の課題と活動を整理する ほか",
    "令和6年8月7日(水)",
    "分野ごとの取り組みを考える(1)",
    "令和6年9月11日(水)",
    "分野ごとの取り組みを考える(2)",
    "令和6年10月",
    "分野ごとの取り組みを考える(3)",
    "令和6年6月19日(水)",
    "一箕地区まちづくりワークショップ開催チラシ",
    "地域づくりフェス",
    "住民意識の共有",
    "組織・体制の立ち上げ",
    "取組の試行",
    "自立した組織・体制への移行",
    "自立した組織・体制の確立",
    "地域づくりビジョン推進事業補助金",
    "地域おこし協力隊",
    "集落支援員",
    "0242-39-1202",
    "0242-39-1403",
]


def get(client, url: str):
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        return client.get(url, HTTP_HOST=HOST)


def test_the_hub_carries_every_fact_of_the_source_page_in_its_order(demo, client):
    page_text = text(parse(get(client, "/chiiki/").content.decode()).one("main"))

    positions = [page_text.find(fact) for fact in SEED_FACTS]

    assert [fact for fact, at in zip(SEED_FACTS, positions, strict=True) if at < 0] == []


def test_the_hub_links_each_structured_part_to_its_page(demo, client):
    doc = parse(get(client, "/chiiki/").content.decode())

    hrefs = {a["href"] for a in doc.find_all("a") if a.attrs.get("href")}

    assert "/chiiki/ichiki/" in hrefs  # an organization card
    assert "/chiiki/workshops/ichiki-workshop/" in hrefs  # the sessions' series
    assert any(href.startswith("/chiiki/support/#stage-") for href in hrefs)  # the stage table
    assert {"/chiiki/activities/", "/chiiki/support/", "/chiiki/workshops/", "/chiiki/map/"} <= hrefs


def test_the_hub_renders_in_a_bounded_number_of_queries(demo, client):
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        measured = request_queries(client.__class__(HTTP_HOST=HOST), "/chiiki/")

    assert measured.queries <= HUB_QUERY_BUDGET, measured.queries


#: Measured on the demo hub (every embedded block, six organizations, two series, the index's own
#: related words: 37 before every page type showed them). The aim is 20.
HUB_QUERY_BUDGET = 38


def crawl(client, starts: list[str]) -> tuple[set[str], list[str], list[str]]:
    """Paths reached by links from ``starts`` (query strings dropped), broken links, links to other hosts."""
    seen: set[str] = set()
    broken: list[str] = []
    elsewhere: list[str] = []
    queue = list(starts)
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = get(client, path)
        if response.status_code != 200:
            broken.append(f"{path}: {response.status_code}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for link in parse(response.content.decode()).find_all("a"):
            href = urldefrag(link.attrs.get("href") or "")[0]
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.netloc:
                # Links to other sites are marked as such; a page of the package is never linked absolutely.
                if parts.netloc == HOST or "chiiki-link--external" not in link.classes:
                    elsewhere.append(f"{path} → {href}")
                continue
            if href.startswith("/") and not href.startswith(
                ("/admin/", "/documents/", "/media/", "/static/")
            ):
                queue.append(parts.path)
    return seen, broken, elsewhere


def test_every_page_is_reachable_by_links_from_both_home_pages(demo, client):
    reached, broken, elsewhere = crawl(client, ["/", "/en/"])

    pages = Page.objects.live().filter(depth__gt=1).specific()
    urls = {page.get_url() for page in pages}
    assert broken == []
    assert elsewhere == []
    assert sorted(urls - reached) == []
