"""A translator's dashboard: what is not translated, partly translated or out of date in their language."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from tests.html import parse, text
from tests.queries import count_queries
from tests.round_trip import translate
from tests.stages import publish_in_english
from wagtail_chiiki import translation_status
from wagtail_chiiki.models import OrganizationPage


@pytest.fixture
def english_home(home, community_index, locales):
    publish_in_english(home, locales["en"], "Home")
    return publish_in_english(community_index, locales["en"], "Region management organizations").get_parent()


@pytest.fixture
def translator(client, django_user_model, english_home):
    """A user who may edit the English tree only: no rights at all on the Japanese pages."""
    group = Group.objects.create(name="English translators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=english_home, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("translator", password="x")
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def organizations(make_organization, locales, english_home, django_capture_on_commit_callbacks):
    """Minato fully translated then changed, Oto started but untranslated, Ikki not started."""
    minato = make_organization("湊地区まちづくり協議会", slug="minato")
    oto = make_organization("大戸地区地域づくり協議会", slug="oto")
    ikki = make_organization("一箕地区まちづくり協議会", slug="ikki")
    translate(minato, locales["en"])
    minato.summary = "新しい紹介文です。"
    minato.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [locales["en"]]).create_translations(oto)  # as "Translate" does
    return {"minato": minato, "oto": oto, "ikki": ikki}


def panel(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return parse(response.content.decode()).one("section", class_="chiiki-translation-status")


def group_items(section, key: str) -> dict[str, str]:
    """The tasks listed in one group of the panel: link text → address."""
    group = section.find("div", class_="chiiki-translation-group", data_group=key)
    return {text(a): a["href"] for a in group.find_all("a")} if group else {}


def test_the_panel_lists_what_is_not_started_partly_translated_and_out_of_date(
    client, translator, organizations
):
    section = panel(client)

    not_started = group_items(section, "not-started")
    assert "Start translating: 一箕地区まちづくり協議会" in not_started
    assert not_started["Start translating: 一箕地区まちづくり協議会"] == (
        reverse("wagtail_localize:submit_page_translation", args=[organizations["ikki"].pk])
        + "?select_locale=en"
    )
    assert not any("湊" in title or "大戸" in title for title in not_started)

    partly = group_items(section, "partly-translated")
    [(label, url)] = [(label, url) for label, url in partly.items() if "大戸" in label]
    english_oto = Page.objects.get(
        translation_key=organizations["oto"].translation_key, locale__language_code="en"
    )
    assert url == reverse("wagtailadmin_pages:edit", args=[english_oto.pk])
    assert "entries untranslated" in text(section)

    out_of_date = group_items(section, "out-of-date")
    assert list(out_of_date) == ["Sync: 湊地区まちづくり協議会"]
    assert "/update/" in out_of_date["Sync: 湊地区まちづくり協議会"]


def test_a_translator_starts_a_translation_from_the_panel_without_rights_on_the_source(
    client, translator, organizations, locales, django_capture_on_commit_callbacks
):
    url = group_items(panel(client), "not-started")["Start translating: 一箕地区まちづくり協議会"]
    opened = client.get(url)
    assert opened.status_code == 200, opened.get("Location")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url.split("?")[0], {"locales": [locales["en"].pk]})

    assert response.status_code == 302
    english = OrganizationPage.objects.get(slug="ikki", locale=locales["en"])
    assert not english.live
    assert "一箕" not in "".join(group_items(panel(client), "not-started"))


def test_without_the_submit_permission_pages_to_start_are_named_but_not_linked(
    client, translator, organizations
):
    translator.groups.get().permissions.remove(Permission.objects.get(codename="submit_translation"))

    section = panel(client)

    group = section.one("div", class_="chiiki-translation-group", data_group="not-started")
    assert "一箕地区まちづくり協議会" in text(group) and group.find_all("a") == []
    assert group_items(section, "partly-translated")  # continuing a started translation needs no more


def test_users_who_translate_nothing_see_no_panel(client, django_user_model, organizations):
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert not parse(response.content.decode()).find_all("section", class_="chiiki-translation-status")


def test_the_panel_reads_the_same_number_of_queries_for_two_or_twenty_pages(
    translator, make_organization, english_home
):
    def queries() -> int:
        count, statuses = count_queries(lambda: translation_status.language_statuses(translator))
        assert statuses and statuses[0].not_started.total >= 2
        return count

    for number in range(2):
        make_organization(f"組織{number}", slug=f"org-a{number}")
    queries()  # content types and the default locale are cached by the first read
    few = queries()
    for number in range(18):
        make_organization(f"組織{number}", slug=f"org-b{number}")
    many = queries()

    assert few == many
    assert many <= 12
