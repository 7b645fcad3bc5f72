"""The translation editor for a user who may only translate, and PO files: bad ones change
nothing, a good one is imported."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.round_trip import export, snapshot, translate, upload
from tests.stages import make_stages, make_stages_page
from wagtail_chiiki.models import ActivityIndexPage, WorkshopIndexPage

# -- the translation editor ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_translation_editor_loads_for_a_user_who_may_only_translate(translator):
    client, translation, english_page = translator

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))

    assert response.status_code == 200
    # wagtail-localize's translation editor, not the plain page form, with a labelled entry per text.
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    segments = [
        segment
        for segment in json.loads(response.context["props"])["segments"]
        if segment["type"] == "string"
    ]
    assert len(segments) == len(translation.export_po())
    labels = {segment["location"]["field"] for segment in segments}
    # Labels come from the package's own verbose names and block labels, in the translator's language.
    assert {"Title", "Other legal form", "Link list"} <= labels, labels
    # The Japanese source is not theirs to edit.
    source = reverse(
        "wagtailadmin_pages:edit", args=[english_page.get_translation(translation.source.locale).pk]
    )
    assert client.get(source).status_code in (302, 403)


@pytest.mark.django_db
def test_the_translation_editor_of_every_page_type_loads_for_a_translator(
    translator, community_index, make_series, locales
):
    client, _translation, _english_page = translator
    activities = ActivityIndexPage(title="活動一覧", slug="activities")
    community_index.add_child(instance=activities)
    activities.save_revision().publish()
    make_stages(locales)
    support = make_stages_page(community_index)
    workshops = WorkshopIndexPage(title="ワークショップの予定", slug="workshops")
    community_index.add_child(instance=workshops)
    workshops.save_revision().publish()
    series = make_series()
    pages = [
        Page.objects.get(pk=page.pk).specific
        for page in (community_index, activities, support, workshops, series)
    ]

    for page in pages:
        english_page = page if page.pk == community_index.pk else translate(page, locales["en"])[0]
        english_page = page.get_translation(locales["en"])
        response = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
        assert response.status_code == 200, page
        assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates], page


# -- PO files that must not be imported ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe not text", "not a PO file"),
        (b'msgid "x"\nmsgstr "y"\n', "another page"),
    ],
)
def test_an_empty_unreadable_or_headerless_file_is_refused_and_changes_nothing(translator, content, message):
    client, translation, _english_page = translator
    before = snapshot(translation)

    messages = upload(client, translation, content)

    assert any(message in text for text in messages), messages
    assert snapshot(translation) == before


@pytest.mark.django_db
def test_a_po_file_of_another_page_is_refused_and_changes_nothing(
    translator, english_tree, community_index, locales
):
    client, translation, _english_page = translator
    other, po = export(Page.objects.get(pk=community_index.pk).specific, locales["en"])
    for entry in po:
        entry.msgstr = "Other page"
    before = snapshot(translation)

    messages = upload(client, translation, str(po).encode())

    assert any("another page" in text for text in messages), messages
    assert snapshot(translation) == before


@pytest.mark.django_db
def test_broken_html_in_a_rich_text_entry_refuses_the_whole_file(translator, locales):
    client, translation, _english_page = translator
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Changed " + entry.msgid if "<a" not in entry.msgid else "<p>Broken <a id='a1'>link</p"
    before = snapshot(translation)

    messages = upload(client, translation, str(po).encode())

    assert any("Nothing was imported" in text for text in messages), messages
    assert snapshot(translation) == before


@pytest.mark.django_db
def test_a_good_po_file_is_imported(translator):
    client, translation, _english_page = translator
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Good " + entry.msgid

    messages = upload(client, translation, str(po).encode())

    assert any("imported" in text for text in messages), messages
    assert set(snapshot(translation).values()) == {"Good " + entry.msgid for entry in po}
