"""The admin offers the snippets of the page's own language: one district per place, not one per language."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin_forms import add_page_url, organization_form
from tests.html import parse, text
from tests.stages import publish_in_english
from wagtail_chiiki.models import OrganizationPage

DISTRICTS = [("湊", "minato", "Minato"), ("大戸", "oto", "Oto"), ("一箕", "ikki", "Ikki")]


@pytest.fixture
def districts(make_district, locales):
    made = {}
    for order, (name, slug, english) in enumerate(DISTRICTS):
        district = make_district(name, slug, order)
        translation = district.copy_for_translation(locales["en"])
        translation.name = english
        translation.save()
        made[slug] = (district, translation)
    return made


def offered(response, name: str) -> list[str]:
    doc = parse(response.content.decode())
    return [box["value"] for box in doc.find_all("input", type="checkbox", name=name)]


def test_the_japanese_add_form_offers_each_district_once_in_japanese(editor, community_index, districts):
    response = editor.get(add_page_url(OrganizationPage, community_index))

    assert response.status_code == 200
    assert sorted(offered(response, "districts")) == sorted(str(ja.pk) for ja, _ in districts.values())


def test_a_district_of_another_language_posted_to_the_form_is_refused_and_nothing_saved(
    editor,
    community_index,
    districts,
):
    english_minato = districts["minato"][1]
    data = organization_form()
    data["districts"] = [english_minato.pk]
    response = editor.post(add_page_url(OrganizationPage, community_index), data)

    assert response.status_code == 200
    assert "districts" in response.context["form"].errors
    assert not OrganizationPage.objects.filter(slug="minato").exists()


def test_an_english_page_keeps_the_districts_it_shares_with_its_source(
    editor,
    community_index,
    make_organization,
    districts,
    locales,
):
    ja_minato, en_minato = districts["minato"]
    page = make_organization("湊地区まちづくり協議会", slug="minato", districts=[ja_minato])
    publish_in_english(community_index.get_parent().specific, locales["en"], "Home")
    publish_in_english(community_index, locales["en"], "Region management organizations")
    english = publish_in_english(page, locales["en"], "Minato council")

    response = editor.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))

    values = offered(response, "districts")
    assert sorted(values) == sorted([str(en.pk) for _, en in districts.values()] + [str(ja_minato.pk)])
    checked = [
        box["value"]
        for box in parse(response.content.decode()).find_all("input", name="districts", checked=True)
    ]
    assert checked == [str(ja_minato.pk)]


def test_the_promote_tab_says_where_the_address_comes_from(editor, community_index):
    response = editor.get(add_page_url(OrganizationPage, community_index))

    doc = parse(response.content.decode())
    promote = doc.one(id="tab-promote")
    slug_input = promote.one("input", name="slug")
    described = [doc.one(id=ident) for ident in slug_input["aria-describedby"].split()]
    assert any("romaji" in text(element) for element in described)
