"""The translators' round trip as the tests make it: a PO file exported, filled with a stand-in
English and imported; and its fixtures (a plugin of tests/conftest.py): the English tree, an
organization with every field and block, and a user who may only translate."""

from __future__ import annotations

import datetime
import hashlib
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from example_site.demo.english import save_target
from tests.html import parse, text
from wagtail_chiiki.models import Contact, MemberGroup, OrganizationPage, TransportService

JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
TAG = re.compile(r"<[^>]+>")


def english(msgid: str) -> str:
    """A stand-in English for a Japanese text: each Japanese run becomes a token, markup stays."""
    return JAPANESE_RUN.sub(lambda m: "en" + hashlib.sha1(m.group().encode()).hexdigest()[:8], msgid)


def visible(msgid: str) -> str:
    """What a reader sees of a text, without spaces (the page's text is compared without them too)."""
    return "".join(html.unescape(TAG.sub("", msgid)).split())


def export(obj, locale) -> tuple[Translation, list]:
    source, _ = TranslationSource.update_or_create_from_instance(obj)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    return translation, translation.export_po()


def translate(obj, locale, *, only_new: bool = False):
    """Exports the PO file, fills its entries (only the untranslated ones with ``only_new``), imports
    it and publishes the translation; returns the translated object and the entries filled."""
    translation, po = export(obj, locale)
    filled = {}
    for entry in po:
        if entry.obsolete or (only_new and entry.msgstr):
            continue
        entry.msgstr = english(entry.msgid)
        filled[entry.msgctxt] = entry.msgid
    assert translation.import_po(po) == []
    save_target(translation)
    return translation.source.get_translated_instance(locale), filled


def page_text(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return "".join(text(parse(response.content.decode()).one("main")).split())


@pytest.fixture
def english_tree(home, community_index, locales):
    """The English home and community index, so that English pages have parents."""
    for page in (home, community_index):
        translate(Page.objects.get(pk=page.pk).specific, locales["en"])


@pytest.fixture
def organization(make_organization, make_district, make_category, locales, community_index):
    """An organization page with every field and block a city fills in, in Japanese."""
    district = make_district("湊", "minato")
    category = make_category("地域内交通", "transport")
    contact = Contact.objects.create(
        name="地域づくり課",
        department="地域振興係",
        postal_code="965-8601",
        address="みどり市中央一丁目1番1号",
        phone="0242-39-1202",
        phone_note="直通",
        fax="0242-39-1403",
        email="chiiki@example.jp",
        form_url="https://example.jp/form",
        hours="平日8時30分から17時15分",
        locale=locales["ja"],
    )
    page = make_organization(
        "みんなと湊まちづくりネットワーク",
        slug="minato",
        legal_form="other",
        legal_form_other="任意の協議会",
        districts=[district],
        activities=[(category, "みなとバスの運行", "湊地区を結ぶ乗合バスです。")],
        links=[("note", "https://note.com/minato")],
        contact=contact,
        latitude="37.494722",
        longitude="139.929722",
        established=datetime.date(2019, 4, 1),
        body=[
            ("heading", {"text": "写真コンテスト", "level": "h2"}),
            ("paragraph", '<p>湊の風景を募集します。<a href="https://example.jp/photo">応募要項</a></p>'),
            (
                "notice",
                {
                    "title": "作品募集中",
                    "body": "<p>一人三点まで応募できます。</p>",
                    "starts": datetime.date(2024, 6, 1),
                    "ends": datetime.date(2024, 8, 31),
                    "link": {"text": "詳しくはこちら", "page": None, "url": "https://example.jp/contest"},
                },
            ),
            (
                "links",
                {
                    "heading": "関連リンク",
                    "links": [
                        {"text": "湊公民館", "page": None, "url": "https://example.jp/hall"},
                        {"text": "組織の一覧", "page": community_index, "url": ""},
                    ],
                },
            ),
        ],
        update_history=[
            ("update", {"date": datetime.date(2024, 6, 12), "description": "ページを公開しました。"})
        ],
    )
    page.transport_services = [
        TransportService(name="みなとバス", description="週三回運行します。", url="https://bus.example.jp/")
    ]
    page.member_groups = [MemberGroup(name="湊地区区長会")]
    page.tags.add("のりもの")
    page.service_area = {
        "type": "Polygon",
        "coordinates": [[[139.92, 37.49], [139.94, 37.49], [139.94, 37.50], [139.92, 37.49]]],
    }
    page.save_revision().publish()
    return OrganizationPage.objects.get(pk=page.pk)


@pytest.fixture
def translator(client, django_user_model, english_tree, organization, locales):
    """A user who may edit (translate) the English tree only, and the organization's translation."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Translators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    english_home = Page.objects.get(pk=organization.get_parent().get_parent().pk).get_translation(
        locales["en"]
    )
    GroupPagePermission.objects.create(
        group=group, page=english_home, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("translator", password="x")
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the tests read the admin's messages in English
    profile.save()
    client.force_login(user)
    english_page, _ = translate(organization, locales["en"])
    translation = Translation.objects.get(source__object_id=organization.translation_key)
    return client, translation, english_page


def upload(client, translation, content: bytes):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = client.post(
        url, {"file": SimpleUploadedFile("page.po", content), "next": "/admin/"}, follow=True
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def snapshot(translation) -> dict:
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale_id=translation.target_locale_id
        ).values_list("context__path", "data")
    )
