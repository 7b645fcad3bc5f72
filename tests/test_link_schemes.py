"""Only http, https, mailto, tel and relative addresses become links: refused where they are typed
(forms, blocks, the translation editor's overrides, PO files) and rendered as plain text if stored."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

from example_site.demo.english import save_target
from tests.html import parse
from tests.round_trip import translate, upload
from wagtail_chiiki.blocks import LinkBlock
from wagtail_chiiki.links import is_safe_url
from wagtail_chiiki.models import OrganizationLink, OrganizationPage, WorkshopSeriesPage
from wagtail_chiiki.templatetags.chiiki_tags import richtext_html

UNSAFE = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
SAFE = [
    "https://example.jp/",
    "http://example.jp/a?b=c",
    "mailto:chiiki@example.jp",
    "tel:0242391202",
    "/en/",
]


@pytest.mark.parametrize("url", UNSAFE)
def test_addresses_with_other_schemes_are_not_safe(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", [*SAFE, "#top", "?page=2", "minato/"])
def test_web_mail_phone_and_relative_addresses_are_safe(url):
    assert is_safe_url(url)


def render(source: str, **context) -> str:
    return Template("{% load chiiki_tags %}" + source).render(Context(context))


@pytest.mark.parametrize("url", UNSAFE)
def test_a_stored_unsafe_address_renders_as_text_not_a_link(url):
    doc = parse(render("{% chiiki_link url text %}", url=url, text="応募フォーム"))

    assert doc.find_all("a") == []
    assert "応募フォーム" in render("{% chiiki_link url text %}", url=url, text="応募フォーム")


@pytest.mark.parametrize("url", SAFE)
def test_a_safe_address_renders_as_a_link(url):
    doc = parse(render("{% chiiki_link url text %}", url=url, text="リンク"))

    assert doc.one("a")["href"] == url


@pytest.mark.parametrize("url", UNSAFE)
def test_social_links_show_an_unsafe_address_as_its_name_only(url):
    html = render(
        '{% include "wagtail_chiiki/includes/social_links.html" %}',
        owner="湊",
        links=[
            {"kind": "x", "url": url, "label_text": "X"},
            {"kind": "note", "url": SAFE[0], "label_text": "note"},
        ],
    )
    doc = parse(html)

    assert [a["href"] for a in doc.find_all("a")] == [SAFE[0]]
    assert "X" in html


@pytest.mark.parametrize("quote", ['"', "'"])
@pytest.mark.parametrize("url", UNSAFE[:3] + UNSAFE[5:])
def test_rich_text_saved_by_code_loses_unsafe_hrefs_and_keeps_safe_ones(url, quote):
    href = url.replace(quote, "")
    html = str(
        richtext_html(f'<p><a href={quote}{href}{quote}>悪い</a> <a href="https://example.jp/">良い</a></p>')
    )
    links = parse(html).find_all("a")

    assert [a.get("href") for a in links] == [None, "https://example.jp/"]


@pytest.mark.parametrize("url", UNSAFE)
def test_link_block_clean_refuses_the_address(url):
    block = LinkBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "リンク", "page": None, "url": url}))


@pytest.mark.django_db
def test_an_organization_page_never_links_a_stored_script_address(client, make_organization):
    # Stored as an importer could, without the form's validation.
    page = make_organization("湊まちづくり", links=[("website", "https://minato.example.jp/")])
    OrganizationLink.objects.filter(page=page).update(url="javascript:alert(1)")
    OrganizationPage.objects.get(pk=page.pk).save_revision().publish()

    response = client.get(page.url)

    assert response.status_code == 200
    assert "javascript:" not in response.content.decode()


# -- The translation editor: overrides of synchronized addresses ------------------------------------


def url_segment(translation, source_value: str) -> OverridableSegment:
    return next(
        segment
        for segment in OverridableSegment.objects.filter(source=translation.source)
        if json.loads(segment.data_json) == source_value
    )


def put_override(client, translation, segment, value: str, *, multipart: bool = False):
    """The PUT the translation editor sends (a FormData body, i.e. multipart) or a urlencoded one."""
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    if multipart:
        return client.put(
            url, data=encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
        )
    return client.put(url, data=urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


@pytest.mark.django_db
@pytest.mark.parametrize("multipart", [True, False], ids=["form-data", "urlencoded"])
@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,x", "ftp://example.jp/"])
def test_a_translator_cannot_override_a_link_address_with_another_scheme(translator, value, multipart):
    client, translation, english_page = translator
    segment = url_segment(translation, "https://example.jp/hall")

    response = put_override(client, translation, segment, value, multipart=multipart)

    assert response.status_code == 400
    assert "http://" in response.json()["error"]
    assert not SegmentOverride.objects.filter(context=segment.context).exists()
    save_target(translation)
    rendered = client.get(OrganizationPage.objects.get(pk=english_page.pk).url).content.decode()
    assert "javascript:" not in rendered and "data:text" not in rendered


@pytest.mark.django_db
def test_a_translator_may_override_a_link_address_with_another_web_address(translator):
    client, translation, english_page = translator
    segment = url_segment(translation, "https://example.jp/hall")

    response = put_override(client, translation, segment, "https://example.jp/en/hall", multipart=True)

    assert response.status_code == 201
    save_target(translation)
    page = client.get(OrganizationPage.objects.get(pk=english_page.pk).url).content.decode()
    assert "https://example.jp/en/hall" in [a.get("href") for a in parse(page).find_all("a")]


@pytest.mark.django_db
def test_an_override_saved_behind_the_editor_still_renders_as_text(translator):
    client, translation, english_page = translator
    segment = url_segment(translation, "https://example.jp/hall")
    SegmentOverride.objects.create(
        locale=translation.target_locale, context=segment.context, data_json=json.dumps("javascript:alert(1)")
    )

    save_target(translation)
    response = client.get(OrganizationPage.objects.get(pk=english_page.pk).url)

    assert response.status_code == 200
    assert "javascript:" not in response.content.decode()


@pytest.mark.django_db
def test_a_translator_cannot_turn_a_workshop_application_address_into_a_script(
    client, admin_user, english_tree, make_series, locales
):
    series = make_series(application_method="url", application_value="https://example.jp/apply")
    translate(series, locales["en"])
    translation = Translation.objects.get(source__object_id=series.translation_key)
    client.force_login(admin_user)
    segment = url_segment(translation, "https://example.jp/apply")

    assert put_override(client, translation, segment, "javascript:alert(1)").status_code == 400
    assert put_override(client, translation, segment, "https://example.jp/en/apply").status_code == 201
    save_target(translation)
    english = WorkshopSeriesPage.objects.get(translation_key=series.translation_key, locale=locales["en"])
    assert english.application_value == "https://example.jp/en/apply"


@pytest.mark.django_db
def test_a_po_file_cannot_add_a_script_link_to_rich_text(translator):
    client, translation, english_page = translator
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (
            entry.msgid.replace('<a id="a1">', '<a href="javascript:alert(1)">')
            if "<a" in entry.msgid
            else entry.msgid
        )

    messages = upload(client, translation, str(po).encode())

    assert any("Nothing was imported" in text for text in messages), messages
    save_target(translation)
    assert (
        "javascript:" not in client.get(OrganizationPage.objects.get(pk=english_page.pk).url).content.decode()
    )
