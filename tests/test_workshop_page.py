"""The workshop series page: numbered sessions in Japanese and English, marks, application, privacy."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_day(monkeypatch):
    """Makes ``timezone.localdate()`` return the given day."""

    def set_day(day: datetime.date):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return set_day


def session_lines(response) -> list[str]:
    doc = parse(response.content)
    return [text(line) for line in doc.find_all("p", class_="chiiki-session__line")]


def test_sessions_read_as_the_city_writes_them(client, make_series):
    page = make_series()
    lines = session_lines(client.get(page.url))
    assert lines == [
        "第1回:令和6年6月21日(金)18時30分から20時 地域づくりビジョンって? 他",
        "第2回:令和6年7月10日(水)18時30分から20時 地域課題、地域活動の整理 他",
        "第3回:令和6年8月7日(水)18時30分から20時 分野別の取組を考えよう1",
        "第4回:令和6年9月11日(水)18時30分から20時 分野別の取組を考えよう2",
        "第5回:令和6年10月予定 18時30分から20時 分野別の取組を考えよう3",
    ]


def english(page, locales):
    """The page's English translation, published (its parents are copied too)."""
    translated = page.copy_for_translation(locales["en"], copy_parents=True)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def test_sessions_read_naturally_in_english(client, make_series, locales):
    page = english(make_series(), locales)
    lines = session_lines(client.get(page.url))
    assert lines[0] == "Session 1: Fri, June 21, 2024, 6:30–8 pm — 地域づくりビジョンって? 他"
    assert lines[4] == "Session 5: October 2024 (date to be fixed), 6:30–8 pm — 分野別の取組を考えよう3"


def test_dates_carry_machine_readable_time_elements(client, make_series):
    page = make_series()
    doc = parse(client.get(page.url).content)
    times = [line.find("time")["datetime"] for line in doc.find_all("p", class_="chiiki-session__line")]
    assert times == [
        "2024-06-21T18:30",
        "2024-07-10T18:30",
        "2024-08-07T18:30",
        "2024-09-11T18:30",
        "2024-10",
    ]


def test_past_sessions_are_marked_and_the_next_one_highlighted(client, make_series, on_day):
    page = make_series(
        application_method="url",
        application_value="https://www.example.jp/shinsei/ichiki/",
        application_deadline=datetime.date(2024, 6, 19),
        later_sessions_open=True,
    )
    on_day(datetime.date(2024, 7, 20))
    doc = parse(client.get(page.url).content)
    items = doc.find_all("li", class_="chiiki-session")
    assert ["chiiki-session--past" in item.classes for item in items] == [True, True, False, False, False]
    assert ["chiiki-session--next" in item.classes for item in items] == [False, False, True, False, False]
    assert text(items[2].find(class_="chiiki-status--open")) == "次回"
    # After the first deadline, later sessions still take applications.
    assert text(doc.one(class_="chiiki-workshop__applications")) == "申込受付中"


def test_applications_close_after_the_deadline_without_rolling_applications(client, make_series, on_day):
    page = make_series(
        application_method="phone",
        application_value="0242-39-1202",
        application_deadline=datetime.date(2024, 6, 19),
    )
    on_day(datetime.date(2024, 6, 20))
    doc = parse(client.get(page.url).content)
    assert text(doc.one(class_="chiiki-workshop__applications")) == "受付終了"
    assert doc.find("a", href="tel:0242391202") is not None


def test_cancelled_session_keeps_its_number_and_says_so(client, make_series):
    sessions = [
        {"date": datetime.date(2024, 6, 21), "topic": "一回目"},
        {"date": datetime.date(2024, 7, 10), "topic": "二回目", "status": "cancelled"},
    ]
    page = make_series(sessions=sessions)
    doc = parse(client.get(page.url).content)
    second = doc.find_all("li", class_="chiiki-session")[1]
    assert "chiiki-session--off" in second.classes
    assert text(second.find(class_="chiiki-status--upcoming")) == "中止"
    assert text(second.find(class_="chiiki-session__number")) == "第2回"


def test_a_series_of_one_session_is_not_numbered(client, make_series):
    page = make_series("地域づくりフェス", sessions=[(datetime.date(2028, 10, 15), "day", "活動紹介")])
    assert session_lines(client.get(page.url)) == ["令和10年10月15日(日)18時30分から20時 活動紹介"]


def test_explicit_number_continues_the_count(client, make_series):
    sessions = [
        {"date": datetime.date(2024, 6, 21), "number": 3},
        {"date": datetime.date(2024, 7, 10)},
    ]
    page = make_series(sessions=sessions)
    doc = parse(client.get(page.url).content)
    assert [text(n) for n in doc.find_all(class_="chiiki-session__number")] == ["第3回", "第4回"]


def test_page_links_every_feed_and_shows_the_flyer_with_type_and_size(client, make_series):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    flyer = Document.objects.create(
        title="開催チラシ", file=ContentFile(b"%PDF" + b"0" * 949_000, name="flyer.pdf")
    )
    page = make_series(flyer=flyer)
    doc = parse(client.get(page.url).content)
    hrefs = [a["href"] for a in doc.one(class_="chiiki-feeds").find_all("a")]
    assert hrefs == [page.url + "calendar/", page.url + "export/csv/"]
    assert text(doc.one("a", class_="chiiki-document-link")) == "開催チラシ[PDF:927KB]"
    for href in hrefs:
        assert client.get(href).status_code == 200


@pytest.mark.parametrize("junk", ["calendar/extra/", "export/csv/more/", "calendar.ics", "nothing-here/"])
def test_junk_after_a_feed_url_is_a_404(client, make_series, junk):
    page = make_series()
    assert client.get(page.url + junk).status_code == 404


def test_feeds_of_a_login_restricted_series_need_a_login(client, make_series, django_user_model):
    page = make_series()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for suffix in ("", "calendar/", "export/csv/"):
        response = client.get(page.url + suffix)
        assert response.status_code == 302, suffix
        assert "login" in response["Location"]
    client.force_login(django_user_model.objects.create_user("resident", password="x"))
    assert client.get(page.url + "calendar/").status_code == 200


def test_draft_series_serves_no_feed(client, make_series):
    page = make_series()
    page.unpublish()
    assert client.get(page.url + "calendar/").status_code == 404


def test_json_ld_is_in_the_page(client, make_series):
    page = make_series()
    doc = parse(client.get(page.url).content)
    script = doc.one("script", type="application/ld+json")
    data = json.loads(text(script))
    assert data["@type"] == "EventSeries"
    assert len(data["subEvent"]) == 4


def test_api_publishes_the_series_with_its_sessions(client, make_series):
    from tests.test_api_search import API_URL

    page = make_series(application_method="email", application_value="chiikidukuri@example.jp")
    response = client.get(API_URL, {"type": "wagtail_chiiki.WorkshopSeriesPage", "fields": "*"})
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["id"] == page.pk
    assert (item["application_method"], item["application_value"]) == ("email", "chiikidukuri@example.jp")
    assert (item["usual_start"], item["usual_end"]) == ("18:30:00", "20:00:00")
    assert [(s["date"], s["precision"], s["topic"]) for s in item["sessions"]][-1] == (
        "2024-10-01",
        "month",
        "分野別の取組を考えよう3",
    )
