"""Related words (関連ワード) on every page type: one section from the base template, the words in the
reader's language, each linking to the nearest visible community index filtered by it, or plain
text when there is none; the index is looked up only when a page has words.

The demo's pages and their English are checked in tests/test_related_words.py."""

from __future__ import annotations

import pytest

from tests.html import parse, text
from tests.queries import count_queries, request_queries
from tests.stages import make_stages_page, publish_in_english
from wagtail_chiiki.listings.words import PageWords, page_word_links
from wagtail_chiiki.models import (
    ActivityIndexPage,
    CommunityIndexPage,
    RelatedWord,
    WorkshopIndexPage,
    WorkshopSeriesPage,
)

pytestmark = pytest.mark.django_db

BUS = "%E3%83%90%E3%82%B9"  # the slug バス, as a query string carries it
HEALTH = "%E5%81%A5%E5%BA%B7"  # 健康
SUBSIDY = "%E8%A3%9C%E5%8A%A9%E9%87%91"  # 補助金


def word_list(html: bytes) -> list[tuple[str, str]] | None:
    """The page's related words as (name, link), in order (the link is "" for a word shown as
    text); None when the page has no related-words section."""
    doc = parse(html)
    sections = doc.find_all("section", class_="chiiki-tags")
    if not sections:
        return None
    [section] = sections
    assert text(section.one("h2", id="chiiki-tags-heading")) in ("関連ワード", "Related words")
    assert section["aria-labelledby"] == "chiiki-tags-heading"
    return [(text(item), item.find("a")["href"] if item.find("a") else "") for item in section.find_all("li")]


def publish_with_words(page, *words: str):
    page.tags.add(*words)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def section(community_index, activity_index, workshop_index, make_organization, make_series):
    """One page of each type: the community index and, under it, an organization, the activity list,
    the stages page, the workshop index, a series under the index and one under the workshop index."""
    return {
        "community index": community_index,
        "organization": make_organization("湊まちづくりネットワーク", slug="minato"),
        "activity list": activity_index,
        "support stages": make_stages_page(community_index),
        "workshop index": workshop_index,
        "series under the index": make_series(slug="series-a"),
        "series under the workshop index": make_series(
            "地域づくりフェス", slug="series-b", parent=workshop_index
        ),
    }


#: The queries a page with words makes beyond the one reading them: the reader's language where the
#: page does not look it up anyway (the workshop pages), and the index above the parent where the
#: parent is none (Wagtail's routing keeps the parent on the page it serves: no query).
WORD_QUERIES = {
    "community index": 0,
    "organization": 0,
    "activity list": 0,
    "support stages": 0,
    "workshop index": 1,
    "series under the index": 1,
    "series under the workshop index": 2,
}


@pytest.mark.parametrize("name", WORD_QUERIES)
def test_each_page_type_links_its_words_to_the_index_looked_up_only_when_it_has_words(
    client, section, community_index, name
):
    page = section[name]
    assert word_list(client.get(page.url).content) is None
    without_words = request_queries(client, page.url).queries

    page = publish_with_words(page, "バス", "健康")
    with_words = request_queries(client, page.url)

    assert word_list(with_words.content) == [
        ("バス", f"{community_index.url}?tag={BUS}"),
        ("健康", f"{community_index.url}?tag={HEALTH}"),
    ]
    assert with_words.queries - without_words == WORD_QUERIES[name], (without_words, with_words.queries)


@pytest.mark.parametrize("name", WORD_QUERIES)
def test_a_page_without_words_makes_one_query_for_them(rf, section, name):
    page = type(section[name]).objects.get(pk=section[name].pk)

    queries, words = count_queries(lambda: page_word_links(page, rf.get(page.url)))

    assert (queries, words) == (1, PageWords(words=(), index_url=""))


@pytest.mark.parametrize("name", WORD_QUERIES)
def test_each_english_page_type_shows_english_words_linking_to_the_english_index(
    client, section, home, community_index, locales, name
):
    page = publish_with_words(section[name], "バス", "健康")
    for word, english in (("バス", "Bus"), ("健康", "Health")):
        translation = RelatedWord.objects.get(name=word).copy_for_translation(locales["en"])
        translation.name = english
        translation.save()
    publish_in_english(home, locales["en"], "Home")
    english_index = publish_in_english(community_index, locales["en"], "Organizations")
    if name == "series under the workshop index":
        publish_in_english(section["workshop index"], locales["en"], "Workshops")
    if page.pk == community_index.pk:
        english = english_index
    else:
        english = publish_in_english(page, locales["en"], "In English")

    assert english.url.startswith("/en/")
    assert word_list(client.get(english.url).content) == [
        ("Bus", f"{english_index.url}?tag={BUS}"),
        ("Health", f"{english_index.url}?tag={HEALTH}"),
    ]


def test_the_words_are_the_last_section_after_the_contact(client, section):
    page = publish_with_words(section["organization"], "バス")

    doc = parse(client.get(page.url).content)

    sections = [child for child in doc.one("article").children if not isinstance(child, str)]
    assert "chiiki-tags" in sections[-1].classes


def test_the_map_of_an_index_shows_the_index_words(client, community_index):
    index = publish_with_words(community_index, "バス")

    assert word_list(client.get(index.url + "map/").content) == [("バス", f"{index.url}?tag={BUS}")]


def test_a_page_without_a_community_index_above_it_shows_its_words_as_text(client, home):
    stages = publish_with_words(make_stages_page(home), "補助金")
    activities = ActivityIndexPage(title="活動一覧", slug="activities", page_size=20)
    home.add_child(instance=activities)
    activities = publish_with_words(activities, "バス")

    assert word_list(client.get(stages.url).content) == [("補助金", "")]
    assert word_list(client.get(activities.url).content) == [("バス", "")]


def test_pages_under_a_draft_index_show_their_words_as_text(client, section, community_index):
    pages = {
        name: publish_with_words(section[name], "バス")
        for name in ("organization", "workshop index", "series under the workshop index", "support stages")
    }
    community_index.unpublish()

    for name, page in pages.items():
        assert word_list(client.get(page.url).content) == [("バス", "")], name


def test_a_draft_index_in_preview_shows_its_words_as_text(community_index):
    index = publish_with_words(community_index, "バス")
    index.unpublish()

    response = index.make_preview_request()

    assert word_list(response.content) == [("バス", "")]


def test_the_nearest_visible_index_is_the_one_linked(client, community_index):
    inner = CommunityIndexPage(title="北会津の地域運営組織", slug="kitaaizu")
    community_index.add_child(instance=inner)
    inner.save_revision().publish()
    workshops = WorkshopIndexPage(title="北会津のワークショップ", slug="kitaaizu-workshops", page_size=20)
    inner.add_child(instance=workshops)
    workshops = publish_with_words(workshops, "補助金")

    assert word_list(client.get(workshops.url).content) == [("補助金", f"{inner.url}?tag={SUBSIDY}")]

    inner.unpublish()
    assert word_list(client.get(workshops.url).content) == [
        ("補助金", f"{community_index.url}?tag={SUBSIDY}")
    ]


def test_the_api_and_the_search_carry_the_words_of_an_index_page(client, section):
    page = publish_with_words(section["workshop index"], "連続講座")

    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    assert response.json()["tags"] == ["連続講座"]
    assert list(WorkshopIndexPage.objects.live().search("連続講座")) == [page]


def test_a_workshop_series_is_found_by_a_word_added_when_it_is_edited(section):
    page = publish_with_words(section["series under the index"], "連続講座")

    assert list(WorkshopSeriesPage.objects.live().search("連続講座")) == [page]
