"""Translators' round trip with wagtail-localize: every human text is a PO entry, only those are,
nothing is lost when the source changes, and bad PO files change nothing."""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from example_site.demo.english import save_target
from tests.html import parse, text
from tests.stages import make_stages, make_stages_page
from tests.test_support_blocks import SUBSIDY
from wagtail_chiiki.models import (
    ActivityIndexPage,
    Contact,
    MemberGroup,
    OrganizationPage,
    TransportService,
    WorkshopIndexPage,
)

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


SYNCHRONIZED = [
    "0242-39-1202",
    "0242-39-1403",
    "965-8601",
    "chiiki@example.jp",
    "https://",
    "2024-06",
    "37.49",
    "Polygon",
    "139.9",
]


@pytest.mark.django_db
def test_every_human_text_of_an_organization_is_a_po_entry_and_nothing_else_is(organization, locales):
    _translation, po = export(organization, locales["en"])
    msgids = {entry.msgid for entry in po}

    for wanted in [
        "みんなと湊まちづくりネットワーク",
        "任意の協議会",
        organization.summary,
        "写真コンテスト",
        '湊の風景を募集します。<a id="a1">応募要項</a>',
        "作品募集中",
        "一人三点まで応募できます。",
        "詳しくはこちら",
        "関連リンク",
        "湊公民館",
        "ページを公開しました。",
        "みなとバスの運行",
        "湊地区を結ぶ乗合バスです。",
        "みなとバス",
        "週三回運行します。",
        "湊地区区長会",
    ]:
        assert wanted in msgids, wanted
    for value in SYNCHRONIZED:
        assert not [msgid for msgid in msgids if value in msgid], value
    # Every entry says where it comes from, for the translator.
    assert all(entry.msgctxt for entry in po)


@pytest.mark.django_db
def test_snippets_offer_their_names_and_texts_but_not_numbers_or_addresses(organization, locales):
    contact = organization.contact
    _translation, po = export(contact, locales["en"])

    assert {entry.msgctxt for entry in po} == {"name", "department", "address", "phone_note", "hours"}
    _translation, po = export(organization.districts.get(), locales["en"])
    assert [entry.msgctxt for entry in po] == ["name"]


@pytest.mark.django_db
def test_an_organization_translated_through_po_shows_every_text_and_keeps_every_value(
    client, english_tree, community_index, organization, locales
):
    for snippet in (
        organization.contact,
        organization.districts.get(),
        organization.activities.get().category,
    ):
        translate(snippet, locales["en"])
    english_page, filled = translate(organization, locales["en"])
    english_page = OrganizationPage.objects.get(pk=english_page.pk)

    shown = page_text(client, english_page)
    for msgid in filled.values():
        if msgid == organization.slug:
            continue
        assert visible(english(msgid)) in shown, msgid
        for run in JAPANESE_RUN.findall(msgid):
            assert run not in shown.replace("のりもの", ""), run
    # Values that must not differ between languages are the source's.
    for name in ("established", "latitude", "longitude", "legal_form", "service_area"):
        assert getattr(english_page, name) == getattr(organization, name)
    assert list(english_page.links.values_list("kind", "url")) == [("note", "https://note.com/minato")]
    assert english_page.transport_services.get().url == "https://bus.example.jp/"
    english_contact = organization.contact.get_translation(locales["en"])
    assert english_page.contact_id == english_contact.pk
    assert (english_contact.phone, english_contact.fax, english_contact.email) == (
        "0242-39-1202",
        "0242-39-1403",
        "chiiki@example.jp",
    )
    assert "0242-39-1202" in shown
    # A link to another page of the site leads to that page in the reader's language.
    doc = parse(client.get(english_page.url).content.decode())
    index_link = [a for a in doc.one("main").find_all("a") if text(a) == english("組織の一覧")]
    assert [a["href"] for a in index_link] == [community_index.get_translation(locales["en"]).url]
    # Related words are shared by every language (see docs/translation.md).
    assert [tag.name for tag in english_page.tags.all()] == ["のりもの"]


@pytest.mark.django_db
def test_a_changed_source_keeps_earlier_translations_and_asks_only_for_what_is_new(
    client, english_tree, organization, locales
):
    english_page, first = translate(organization, locales["en"])
    page = OrganizationPage.objects.get(pk=organization.pk)
    body = list(page.body.raw_data)
    body = [block for block in body if block["type"] != "links"]  # one removed
    body[0]["value"]["text"] = "写真コンテスト二〇二四"  # one edited
    body.append({"type": "paragraph", "value": "<p>結果は秋に発表します。</p>"})  # one added
    page.body = body
    page.save_revision().publish()

    translation, po = export(OrganizationPage.objects.get(pk=page.pk), locales["en"])
    untranslated = {entry.msgid for entry in po if not entry.msgstr and not entry.obsolete}
    translated = {entry.msgid: entry.msgstr for entry in po if entry.msgstr and not entry.obsolete}

    assert untranslated == {"写真コンテスト二〇二四", "結果は秋に発表します。"}
    assert translated["作品募集中"] == english("作品募集中")
    assert translated["みなとバスの運行"] == english("みなとバスの運行")
    assert "関連リンク" not in translated and "関連リンク" not in untranslated

    english_page, _ = translate(OrganizationPage.objects.get(pk=page.pk), locales["en"], only_new=True)
    shown = page_text(client, OrganizationPage.objects.get(pk=english_page.pk))
    for msgid in ["作品募集中", "みなとバスの運行", "写真コンテスト二〇二四", "結果は秋に発表します。"]:
        assert visible(english(msgid)) in shown, msgid
    assert visible(english("関連リンク")) not in shown


@pytest.mark.django_db
def test_community_index_activity_list_stages_and_workshop_index_translate_through_po(
    client, english_tree, community_index, organization, locales
):
    activities = ActivityIndexPage(
        title="活動一覧", slug="activities", intro=[("paragraph", "<p>活動を探せます。</p>")]
    )
    community_index.add_child(instance=activities)
    activities.save_revision().publish()
    stages = make_stages(locales)
    support = make_stages_page(
        community_index,
        intro=[("paragraph", "<p>市の役割です。</p>")],
        body=[
            ("subsidy", {**SUBSIDY, "window_note": "予算の範囲で随時受け付けます。"}),
            (
                "staffing_program",
                {
                    "name": "地域おこし協力隊",
                    "description": "<p>都市から移り住み、地域の活動を支えます。</p>",
                    "link": {"text": "", "page": None, "url": ""},
                },
            ),
        ],
    )

    workshops = WorkshopIndexPage(
        title="ワークショップの予定",
        slug="workshops",
        intro=[("paragraph", "<p>参加をお待ちしています。</p>")],
    )
    community_index.add_child(instance=workshops)
    workshops.save_revision().publish()

    translate(organization, locales["en"])
    for stage in stages.values():
        translate(stage, locales["en"])
    for page in (activities, support, workshops):
        english_page, filled = translate(Page.objects.get(pk=page.pk).specific, locales["en"])
        shown = page_text(client, Page.objects.get(pk=english_page.pk).specific)
        for msgid in filled.values():
            if msgid != page.slug:
                assert visible(english(msgid)) in shown, (page, msgid)
    shown = page_text(client, community_index.get_translation(locales["en"]))
    assert visible(english("地域の課題に住民が取り組む組織です。")) in shown
    assert visible(english("活動一覧")) in shown  # the link to the activity list, in English


# -- PO files that must not be imported ---------------------------------------------------------------


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


# -- workshop series -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_workshop_series_round_trips_with_its_sessions_and_keeps_dates_times_and_addresses(
    client, english_tree, make_series, locales
):
    series = make_series(
        purpose="<p>地区の将来像を住民で話し合います。</p>",
        venue_address="みどり市一箕町1番地",
        access="バス停から徒歩5分",
        audience="一箕地区に住んでいる方",
        capacity=30,
        application_method="url",
        application_value="https://apply.example.jp/form",
        application_deadline=datetime.date(2024, 6, 14),
        latitude="37.5005",
        longitude="139.958",
    )
    _translation, po = export(series, locales["en"])
    msgids = {entry.msgid for entry in po}
    for wanted in [
        "一箕地区まちづくりワークショップ",
        "地区の将来像を住民で話し合います。",
        "一箕公民館",
        "みどり市一箕町1番地",
        "バス停から徒歩5分",
        "一箕地区に住んでいる方",
        "地域づくりビジョンって? 他",
        "分野別の取組を考えよう3",
    ]:
        assert wanted in msgids, wanted
    for value in ["https://apply.example.jp/form", "2024-06", "18:30", "37.5005", "scheduled", "30"]:
        assert not [msgid for msgid in msgids if value in msgid], value

    english_page, filled = translate(series, locales["en"])
    english_page = type(series).objects.get(pk=english_page.pk)
    shown = page_text(client, english_page)
    for msgid in filled.values():
        if msgid != series.slug:
            assert visible(english(msgid)) in shown, msgid
    assert [(s.date, s.precision, s.start_time, s.status) for s in english_page.sessions.all()] == [
        (s.date, s.precision, s.start_time, s.status) for s in series.sessions.all()
    ]
    assert (english_page.application_value, english_page.latitude, english_page.capacity) == (
        "https://apply.example.jp/form",
        series.latitude,
        30,
    )
    assert "Session 1" in " ".join(
        text(parse(client.get(english_page.url).content.decode()).one("main")).split()
    )
