"""Machine translation as a choice: a site plugs in its service; translators review before publishing.

The service here is an offline double (no network): it answers each text with the suite's
stand-in English, as a real service would answer with its translation.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from tests.round_trip import english


class OfflineTranslator(BaseMachineTranslator):
    """A machine translator that needs no network: Japanese to English with the suite's stand-in."""

    display_name = "Offline test translator"

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(english(string.data)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return (source_locale.language_code, target_locale.language_code) == ("ja", "en")


MACHINE = {"CLASS": f"{__name__}.OfflineTranslator", "OPTIONS": {}}


@pytest.fixture
def draft_translation(
    admin_client,
    english_tree,
    make_organization,
    locales,
    django_capture_on_commit_callbacks,
):
    page = make_organization("湊地区まちづくり協議会", slug="minato", summary="湖のほとりの地区です。")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [locales["en"]]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key)


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=MACHINE)
def test_machine_translation_fills_the_entries_and_leaves_the_page_a_draft(
    admin_client, draft_translation, locales, django_capture_on_commit_callbacks
):
    target = draft_translation.get_target_instance()

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[draft_translation.pk]),
        {"next": reverse("wagtailadmin_pages:edit", args=[target.pk])},
    )

    assert response.status_code == 302
    filled = dict(
        StringTranslation.objects.filter(locale=locales["en"]).values_list("translation_of__data", "data")
    )
    assert filled["湖のほとりの地区です。"] == english("湖のほとりの地区です。")
    assert not Page.objects.get(pk=target.pk).live  # a translator reviews, then publishes
    assert admin_client.get("/en/chiiki/minato/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        draft_translation.save_target(publish=True)
    page = admin_client.get("/en/chiiki/minato/")
    assert page.status_code == 200 and english("湖のほとりの地区です。") in page.content.decode()


def test_without_a_configured_service_there_is_no_machine_translation(admin_client, draft_translation):
    response = admin_client.post(reverse("wagtail_localize:machine_translate", args=[draft_translation.pk]))

    assert response.status_code == 404
    assert not StringTranslation.objects.filter(translation_of__data="湖のほとりの地区です。").exists()
