"""The feeds of a workshop series, parsed: iCalendar, schema.org JSON-LD and the open-data CSV."""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import override_settings

from tests.html import parse, text
from wagtail_chiiki.feeds.opendata import EVENT_LIST_COLUMNS_2020
from wagtail_chiiki.models import Contact

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
# What Google's Event documentation requires of every event, and what it recommends.
GOOGLE_REQUIRED = {"name", "startDate", "location"}
GOOGLE_RECOMMENDED = {"description", "endDate", "eventStatus", "offers", "organizer"}


@pytest.fixture
def seed_series(make_series, make_organization, locales):
    organizer = make_organization("一箕地区ひとみ創造ネットワーク", slug="ichiki")
    contact = Contact.objects.create(
        name="みどり市役所", department="地域づくり課", phone="0242-39-1202", locale=locales["ja"]
    )
    return make_series(
        organizer=organizer,
        title_kana="イッキチクマチヅクリワークショップ",
        venue_address="みどり市一箕町",
        latitude=Decimal("37.5005"),
        longitude=Decimal("139.958"),
        access="一箕公民館前バス停すぐ",
        audience="一箕地区にお住まいの方、一箕地区で働いている方",
        capacity=30,
        application_method="url",
        application_value="https://www.example.jp/shinsei/ichiki/",
        application_deadline=datetime.date(2024, 6, 19),
        later_sessions_open=True,
        contact=contact,
    )


def calendar_of(client, url: str) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_ical_has_one_event_per_dated_session_in_tokyo_time(client, seed_series):
    cal = calendar_of(client, seed_series.url + "calendar/")
    events = cal.walk("VEVENT")
    # 第5回 is planned only for October: it is left out.
    assert [event.decoded("dtstart") for event in events] == [
        datetime.datetime(2024, 6, 21, 18, 30, tzinfo=TOKYO),
        datetime.datetime(2024, 7, 10, 18, 30, tzinfo=TOKYO),
        datetime.datetime(2024, 8, 7, 18, 30, tzinfo=TOKYO),
        datetime.datetime(2024, 9, 11, 18, 30, tzinfo=TOKYO),
    ]
    first = events[0]
    assert first.decoded("dtend") == datetime.datetime(2024, 6, 21, 20, 0, tzinfo=TOKYO)
    assert first["dtstart"].params["TZID"] == "Asia/Tokyo"
    assert str(first["summary"]) == "一箕地区まちづくりワークショップ 第1回"
    assert str(first["location"]) == "一箕公民館, みどり市一箕町"
    assert str(first["status"]) == "CONFIRMED"
    assert str(first["url"]) == "http://testserver" + seed_series.url
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tokyo"]


def test_ical_uids_are_stable_across_edits_and_languages(client, seed_series):
    before = [str(e["uid"]) for e in calendar_of(client, seed_series.url + "calendar/").walk("VEVENT")]
    assert before == [f"{s.translation_key}@wagtail-chiiki" for s in seed_series.sessions.all()[:4]]
    page = seed_series.get_latest_revision_as_object()
    page.sessions.first().topic = "内容を変えました"
    page.title = "新しい名前"
    page.save_revision().publish()
    after = [str(e["uid"]) for e in calendar_of(client, seed_series.url + "calendar/").walk("VEVENT")]
    assert after == before


def test_cancelled_and_tentative_sessions_carry_their_ical_status(client, make_series):
    sessions = [
        {"date": datetime.date(2024, 6, 21), "status": "cancelled"},
        {"date": datetime.date(2024, 7, 10), "status": "tentative"},
        {"date": datetime.date(2024, 8, 7), "status": "postponed"},
    ]
    page = make_series(sessions=sessions)
    events = calendar_of(client, page.url + "calendar/").walk("VEVENT")
    assert [str(e["status"]) for e in events] == ["CANCELLED", "TENTATIVE", "CANCELLED"]
    assert str(events[0]["summary"]) == "一箕地区まちづくりワークショップ 第1回 (中止)"


def test_a_session_without_times_is_an_all_day_event(client, make_series):
    page = make_series(sessions=[{"date": datetime.date(2024, 11, 3)}], usual_start=None, usual_end=None)
    (event,) = calendar_of(client, page.url + "calendar/").walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(2024, 11, 3)
    assert event.decoded("dtend") == datetime.date(2024, 11, 4)


def json_ld(client, page) -> dict:
    doc = parse(client.get(page.url).content)
    return json.loads(text(doc.one("script", type="application/ld+json")))


def test_json_ld_event_series_with_dated_sessions_as_sub_events(client, seed_series):
    data = json_ld(client, seed_series)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EventSeries"
    assert data["name"] == "一箕地区まちづくりワークショップ"
    subs = data["subEvent"]
    assert [sub["startDate"] for sub in subs] == [
        "2024-06-21T18:30:00+09:00",
        "2024-07-10T18:30:00+09:00",
        "2024-08-07T18:30:00+09:00",
        "2024-09-11T18:30:00+09:00",
    ]
    first = subs[0]
    assert first["endDate"] == "2024-06-21T20:00:00+09:00"
    assert first["name"] == "一箕地区まちづくりワークショップ 第1回 地域づくりビジョンって? 他"
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert first["location"]["@type"] == "Place"
    assert first["location"]["name"] == "一箕公民館"
    assert first["location"]["address"]["streetAddress"] == "みどり市一箕町"
    assert first["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 37.5005, "longitude": 139.958}
    assert first["organizer"] == {
        "@type": "Organization",
        "name": "一箕地区ひとみ創造ネットワーク",
        "url": "http://testserver/chiiki/ichiki/",
    }
    assert first["offers"]["price"] == 0
    assert first["offers"]["priceCurrency"] == "JPY"
    assert first["offers"]["url"] == "https://www.example.jp/shinsei/ichiki/"


def google_event_problems(event: dict) -> list[str]:
    """What Google's Event structured data documentation would flag: required fields, then recommended."""
    problems = [
        f"missing {name}" for name in sorted(GOOGLE_REQUIRED | GOOGLE_RECOMMENDED) if name not in event
    ]
    if problems:
        return problems
    start = datetime.datetime.fromisoformat(event["startDate"])
    if start.utcoffset() != datetime.timedelta(hours=9):
        problems.append("startDate without the +09:00 offset")
    if datetime.datetime.fromisoformat(event["endDate"]) <= start:
        problems.append("endDate not after startDate")
    place = event["location"]
    if place.get("@type") != "Place" or not place.get("name"):
        problems.append("location is not a named Place")
    if place.get("address", {}).get("@type") != "PostalAddress" or not place["address"].get("streetAddress"):
        problems.append("location has no postal address")
    if event["eventStatus"] not in {
        f"https://schema.org/{s}"
        for s in (
            "EventScheduled",
            "EventCancelled",
            "EventPostponed",
            "EventRescheduled",
            "EventMovedOnline",
        )
    }:
        problems.append("unknown eventStatus")
    offer = event["offers"]
    if not {"price", "priceCurrency", "url", "availability"} <= set(offer):
        problems.append("offer lacks price, currency, url or availability")
    if event["organizer"].get("@type") != "Organization" or not event["organizer"].get("name"):
        problems.append("organizer is not a named Organization")
    return problems


def test_json_ld_sub_events_have_what_google_requires(client, seed_series):
    subs = json_ld(client, seed_series)["subEvent"]
    assert [google_event_problems(sub) for sub in subs] == [[], [], [], []]


def test_json_ld_cannot_be_broken_out_of(client, make_series):
    page = make_series(title="</script><script>alert(1)</script>")
    body = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in body
    assert json_ld(client, page)["name"] == "</script><script>alert(1)</script>"


def test_json_ld_marks_cancelled_sessions(client, make_series):
    page = make_series(sessions=[{"date": datetime.date(2024, 6, 21), "status": "cancelled"}], fee=500)
    (sub,) = json_ld(client, page)["subEvent"]
    assert sub["eventStatus"] == "https://schema.org/EventCancelled"
    assert sub["offers"]["price"] == 500


def csv_rows(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    reader = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    header = next(reader)
    assert tuple(header) == EVENT_LIST_COLUMNS_2020
    return [dict(zip(header, row, strict=True)) for row in reader]


@override_settings(
    WAGTAIL_CHIIKI={
        "OPEN_DATA_MUNICIPALITY_CODE": "072028",
        "OPEN_DATA_PREFECTURE": "福島県",
        "OPEN_DATA_MUNICIPALITY": "みどり市",
    }
)
def test_open_data_csv_has_one_row_per_dated_session(client, seed_series, locales):
    english = seed_series.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Ikki District Community Workshop"
    english.save_revision().publish()
    rows = csv_rows(client, seed_series.url + "export/csv/")
    assert len(rows) == 4
    first, second = rows[0], rows[1]
    assert first["都道府県コード又は市区町村コード"] == "072028"
    assert (first["都道府県名"], first["市区町村名"]) == ("福島県", "みどり市")
    assert [row["NO"] for row in rows] == ["1", "2", "3", "4"]
    assert first["イベント名"] == "一箕地区まちづくりワークショップ 第1回"
    assert first["イベント名_カナ"] == "イッキチクマチヅクリワークショップ"
    assert first["イベント名_英語"] == "Ikki District Community Workshop"
    assert (first["開始日"], first["終了日"]) == ("2024-06-21", "2024-06-21")
    assert (first["開始時間"], first["終了時間"]) == ("18:30", "20:00")
    assert first["説明"] == "地域づくりビジョンって? 他 地区の将来を話し合うワークショップです。"
    assert first["料金(基本)"] == "無料"
    assert first["連絡先名称"] == "みどり市役所 地域づくり課"
    assert first["連絡先電話番号"] == "0242-39-1202"
    assert first["主催者"] == "一箕地区ひとみ創造ネットワーク"
    assert (first["場所名称"], first["住所"]) == ("一箕公民館", "みどり市一箕町")
    assert (first["緯度"], first["経度"]) == ("37.500500", "139.958000")
    assert first["アクセス方法"] == "一箕公民館前バス停すぐ"
    assert first["定員"] == "30"
    # The deadline is the first session's; later ones take applications as they come.
    assert first["参加申込終了日"] == "2024-06-19"
    assert second["参加申込終了日"] == ""
    assert first["参加申込方法"] == "オンライン申込:https://www.example.jp/shinsei/ichiki/"
    assert first["URL"] == "http://testserver" + seed_series.url


def test_open_data_csv_names_cancelled_sessions_and_fees(client, make_series):
    page = make_series(
        sessions=[{"date": datetime.date(2024, 6, 21), "status": "cancelled", "note": "台風のため"}],
        fee=1500,
        fee_note="材料費込み",
    )
    (row,) = csv_rows(client, page.url + "export/csv/")
    assert row["開始日時特記事項"] == "中止"
    assert row["備考"] == "台風のため"
    assert (row["料金(基本)"], row["料金(詳細)"]) == ("1,500円", "材料費込み")
