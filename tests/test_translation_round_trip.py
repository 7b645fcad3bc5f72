"""Translators' round trip with wagtail-localize: every human text is a PO entry, only those are,
and nothing is lost when the source changes."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Page

from tests.html import parse, text
from tests.round_trip import JAPANESE_RUN, english, export, page_text, translate, visible
from tests.stages import SUBSIDY, make_stages, make_stages_page
from wagtail_chiiki.models import ActivityIndexPage, OrganizationPage, WorkshopIndexPage

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
