"""Nothing goes live untranslated: a translation starts as a draft and goes live when it is published."""

from __future__ import annotations

import types

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.html import parse, text
from tests.stages import make_stages_page, publish_in_english
from wagtail_chiiki.apps import apply_setting_defaults
from wagtail_chiiki.models import (
    ActivityIndexPage,
    CommunityIndexPage,
    OrganizationPage,
    WorkshopIndexPage,
    WorkshopSeriesPage,
)

PAGE_TYPES = [
    CommunityIndexPage,
    OrganizationPage,
    ActivityIndexPage,
    "SupportStagesPage",
    WorkshopSeriesPage,
    WorkshopIndexPage,
]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.jp", "x")
    client.force_login(user)
    return client


@pytest.fixture
def source_page(request, home, community_index, make_organization, make_series):
    """A live Japanese page of each type, under a community index that is already in English."""
    kind = request.param
    if kind is CommunityIndexPage:
        return community_index
    if kind is OrganizationPage:
        return make_organization("湊地区まちづくり協議会", slug="minato")
    if kind is WorkshopSeriesPage:
        return make_series()
    if kind == "SupportStagesPage":
        return make_stages_page(community_index)
    page = kind(title=f"{kind._meta.verbose_name}", slug=kind.__name__.lower())
    community_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def english_parents(page, locales) -> None:
    for ancestor in page.get_ancestors().filter(depth__gte=2).specific():
        if not ancestor.has_translation(locales["en"]):
            publish_in_english(ancestor, locales["en"], f"{ancestor.title} (English)")


def submit_for_translation(client, page, locale) -> None:
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.mark.parametrize(
    "source_page", PAGE_TYPES, indirect=True, ids=lambda kind: getattr(kind, "__name__", kind)
)
def test_starting_a_translation_leaves_the_target_a_draft_until_it_is_published(
    editor, source_page, locales, django_capture_on_commit_callbacks
):
    if source_page.depth > 3:
        english_parents(source_page, locales)
    elif not source_page.get_parent().has_translation(locales["en"]):
        publish_in_english(source_page.get_parent().specific, locales["en"], "Home")

    with django_capture_on_commit_callbacks(execute=True):
        submit_for_translation(editor, source_page, locales["en"])

    target = Page.objects.get(translation_key=source_page.translation_key, locale=locales["en"])
    assert not target.live
    assert target.has_unpublished_changes and target.latest_revision is not None  # waiting to be published
    english_url = "/en" + source_page.url
    editor.logout()
    assert editor.get(english_url).status_code == 404
    # The English parent lists nothing of the untranslated page.
    parent_url = "/en" + source_page.get_parent().url
    listed = editor.get(parent_url)
    assert listed.status_code == 200
    assert source_page.title not in text(parse(listed.content.decode()).one("main"))

    translation = Translation.objects.get(source__object_id=source_page.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    target.refresh_from_db()
    assert target.live
    assert editor.get(english_url).status_code == 200


def test_the_package_makes_translations_drafts_unless_the_site_says_otherwise():
    site_settings = types.SimpleNamespace()
    apply_setting_defaults(site_settings)
    assert site_settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False

    chosen = types.SimpleNamespace(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True)
    apply_setting_defaults(chosen)
    assert chosen.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is True
