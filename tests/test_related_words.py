"""Related words (関連ワード) are translatable: English pages, lists, filters and the API show English
words, ``?tag=<slug>`` filters the same in every language, and the data migration moves taggit tags.
Every page type of the demo shows its words, linking to the community index in the reader's language."""

from __future__ import annotations

import re

import pytest
from wagtail_localize.models import Translation, TranslationSource

from example_site.demo import content
from example_site.demo.english import JAPANESE
from tests.html import parse, text
from wagtail_chiiki.models import (
    ActivityIndexPage,
    CommunityIndexPage,
    OrganizationPage,
    RelatedWord,
    SupportStagesPage,
    WorkshopIndexPage,
    WorkshopSeriesPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_media]

SLUG = content.RELATED_WORDS


def page(model, slug: str, language: str):
    return model.objects.get(slug=slug, locale__language_code=language)


def english_words(spec: dict) -> list[str]:
    return sorted(content.ENGLISH[word] for word in spec["tags"])


def word_links(doc) -> list[tuple[str, str]]:
    """The page's one related-words section, as (word, link); the link is "" for a word as text."""
    section = doc.one("section", class_="chiiki-tags")
    return [(text(li), li.find("a")["href"] if li.find("a") else "") for li in section.find_all("li")]


@pytest.mark.parametrize("spec", content.ORGANIZATIONS[:3], ids=lambda spec: spec["slug"])
def test_an_english_organization_page_shows_english_words_linking_by_slug(client, demo, spec):
    english = page(OrganizationPage, spec["slug"], "en")
    index_url = english.get_parent().url

    links = word_links(parse(client.get(english.url).content))

    assert [name for name, _ in links] == english_words(spec)
    by_name = {content.ENGLISH[word]: SLUG[word] for word in spec["tags"]}
    assert [href for _, href in links] == [f"{index_url}?tag={by_name[name]}" for name, _ in links]
    japanese = page(OrganizationPage, spec["slug"], "ja")
    assert [name for name, _ in word_links(parse(client.get(japanese.url).content))] == sorted(spec["tags"])


#: The demo's pages besides the organizations: model, slug and the words content.py gives them.
SECTION_PAGES = {
    "community index": (CommunityIndexPage, content.INDEX),
    "activity list": (ActivityIndexPage, content.ACTIVITIES),
    "support stages": (SupportStagesPage, content.SUPPORT),
    "workshop index": (WorkshopIndexPage, content.WORKSHOPS),
    "workshop series": (WorkshopSeriesPage, content.WORKSHOP_SERIES[0]),
    "joint event series": (WorkshopSeriesPage, content.WORKSHOP_SERIES[1]),
}


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", SECTION_PAGES)
def test_every_demo_page_shows_its_words_in_the_readers_language_linking_to_the_index(
    client,
    demo,
    name,
    language,
):
    model, spec = SECTION_PAGES[name]
    index_url = page(CommunityIndexPage, content.INDEX["slug"], language).url
    shown = {word: word if language == "ja" else content.ENGLISH[word] for word in spec["tags"]}

    links = word_links(parse(client.get(page(model, spec["slug"], language).url).content))

    expected = sorted((shown[word], f"{index_url}?tag={SLUG[word]}") for word in spec["tags"])
    assert links == expected


def test_the_map_of_the_demo_index_shows_the_words_of_the_index(client, demo):
    for language in ("ja", "en"):
        index = page(CommunityIndexPage, content.INDEX["slug"], language)

        on_map = word_links(parse(client.get(index.url + "map/").content))

        assert on_map == word_links(parse(client.get(index.url).content))


def test_a_word_of_the_english_activity_list_lists_the_organizations_with_it(client, demo):
    activities = page(ActivityIndexPage, content.ACTIVITIES["slug"], "en")
    href = dict(word_links(parse(client.get(activities.url).content)))["Bus"]

    doc = parse(client.get(href).content)

    cards = doc.one("ul", class_="chiiki-card-list").find_all("h3", class_="chiiki-card__title")
    assert len(cards) == len([spec for spec in content.ORGANIZATIONS if "バス" in spec["tags"]])
    assert "Bus" in text(doc.one("p", class_="chiiki-result-count"))


def activity_list(client, language: str, query: str = ""):
    index = ActivityIndexPage.objects.get(locale__language_code=language)
    return parse(client.get(index.url + query).content)


def count(doc) -> int:
    return int(re.search(r"\d+", text(doc.one("p", class_="chiiki-result-count"))).group())


def listed_activities(doc) -> list[str]:
    return [a["href"].rsplit("#", 1)[-1] for a in doc.find_all("a") if "#activity-" in (a.get("href") or "")]


def test_the_english_activity_list_offers_and_clouds_english_words(client, demo):
    doc = activity_list(client, "en")

    select = doc.one("select", name="tag")
    options = {
        o["value"]: re.sub(r" \(\d+\)$", "", text(o)) for o in select.find_all("option") if o.get("value")
    }
    cloud = doc.one("ul", class_="chiiki-word-list").find_all("a")

    used = {word for spec in content.ORGANIZATIONS for word in spec["tags"]}
    assert options == {SLUG[word]: content.ENGLISH[word] for word in used}
    assert list(options.values()) == sorted(options.values())
    for link in cloud:
        slug = link["href"].rsplit("tag=", 1)[-1]
        assert text(link).startswith(options[slug] + " ")
    assert not JAPANESE.search(text(select)) and not any(JAPANESE.search(text(a)) for a in cloud)


@pytest.mark.parametrize("word", ["バス", "写真コンテスト"])
def test_a_tag_filter_by_slug_lists_the_same_in_both_languages(client, demo, word):
    query = f"?tag={SLUG[word]}"
    japanese = activity_list(client, "ja", query)
    english = activity_list(client, "en", query)
    everything = activity_list(client, "en")

    assert listed_activities(japanese) and len(listed_activities(japanese)) == len(listed_activities(english))
    assert count(japanese) == count(english) < count(everything)
    select = english.one("select", name="tag")
    selected = [text(o) for o in select.find_all("option") if o.get("selected") is not None]
    assert [re.sub(r" \(\d+\)$", "", name) for name in selected] == [content.ENGLISH[word]]


def test_the_community_index_filters_by_slug_and_names_the_word_in_each_language(client, demo):
    with_bus = sorted(spec["slug"] for spec in content.ORGANIZATIONS if "バス" in spec["tags"])
    for language, name in (("ja", "バス"), ("en", "Bus")):
        index = page(OrganizationPage, with_bus[0], language).get_parent()
        doc = parse(client.get(f"{index.url}?tag=bus").content)
        cards = doc.one("ul", class_="chiiki-card-list").find_all("h3", class_="chiiki-card__title")
        assert len(cards) == len(with_bus)
        assert name in text(doc.one("p", class_="chiiki-result-count"))


def test_the_api_lists_the_words_of_an_english_page_in_english(client, demo):
    spec = content.ORGANIZATIONS[0]
    english = page(OrganizationPage, spec["slug"], "en")

    response = client.get(f"/api/v2/pages/{english.pk}/")

    assert response.status_code == 200
    assert sorted(response.json()["tags"]) == english_words(spec)


def test_the_search_index_holds_the_words_in_the_pages_language(demo):
    spec = content.ORGANIZATIONS[0]
    english = page(OrganizationPage, spec["slug"], "en")

    assert english.related_words_text() == " ".join(english_words(spec))


# -- translating a word ------------------------------------------------------------------------------


def test_a_related_word_translates_through_its_po_file_and_keeps_its_slug(
    locales, django_capture_on_commit_callbacks
):
    word = RelatedWord.objects.create(name="のりもの", slug="rides", locale=locales["ja"])
    source, _ = TranslationSource.get_or_create_from_instance(word)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])

    po = translation.export_po()
    entries = [entry for entry in po if not entry.obsolete]
    assert [entry.msgid for entry in entries] == ["のりもの"]  # the slug is not a translation entry
    entries[0].msgstr = "Rides"
    assert translation.import_po(po) == []
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    english = word.get_translation(locales["en"])
    assert (english.name, english.slug, english.locale) == ("Rides", "rides", locales["en"])
