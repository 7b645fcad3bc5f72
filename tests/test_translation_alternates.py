"""The languages of a page: hreflang alternates, the language switch, and a translated slug."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from example_site.demo.english import save_target
from tests.html import parse
from tests.round_trip import english, export, translate
from wagtail_chiiki.models import ActivityIndexPage

# -- alternates and the language switch ------------------------------------------------------------------


def alternates(client, url: str) -> dict[str, str]:
    doc = parse(client.get(url).content.decode())
    links = doc.one("head").find_all("link", rel="alternate")
    return {link["hreflang"]: link["href"] for link in links if link.get("hreflang")}


@pytest.mark.django_db
def test_every_language_of_a_page_names_all_its_languages_with_hreflang(
    client, english_tree, community_index, locales
):
    english = community_index.get_translation(locales["en"])
    expected = {
        "ja": "http://testserver" + community_index.url,
        "en": "http://testserver" + english.url,
        "x-default": "http://testserver" + community_index.url,
    }

    assert alternates(client, community_index.url) == expected
    assert alternates(client, english.url) == expected
    switch = parse(client.get(english.url).content.decode()).one("nav", class_="chiiki-language-switch")
    assert [(a["hreflang"], a["href"]) for a in switch.find_all("a")] == [("ja", community_index.url)]


@pytest.mark.django_db
def test_a_page_with_no_live_translation_names_no_alternates(client, english_tree, organization, locales):
    assert alternates(client, organization.url) == {}
    english_page, _ = translate(organization, locales["en"])
    Page.objects.get(pk=english_page.pk).specific.unpublish()
    assert alternates(client, organization.url) == {}


@pytest.mark.django_db
def test_a_translator_may_give_a_page_its_own_slug_which_the_english_filters_use(
    client, english_tree, community_index, organization, locales
):
    activities = ActivityIndexPage(title="活動一覧", slug="activities")
    community_index.add_child(instance=activities)
    activities.save_revision().publish()
    translate(activities, locales["en"])
    translation, po = export(organization, locales["en"])
    for entry in po:
        entry.msgstr = "minato-town" if entry.msgctxt == "slug" else english(entry.msgid)
    translation.import_po(po)
    save_target(translation)

    english_page = organization.get_translation(locales["en"])
    assert english_page.url.endswith("/minato-town/") and organization.url.endswith("/minato/")
    english_list = activities.get_translation(locales["en"])
    response = client.get(english_list.url, {"organization": "minato-town"})
    options = parse(response.content.decode()).one("select", name="organization").find_all("option")
    assert [option["value"] for option in options] == ["", "minato-town"]
    assert len(parse(response.content.decode()).find_all("li", class_="chiiki-activity-item")) == 1
