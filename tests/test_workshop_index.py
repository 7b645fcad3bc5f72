"""The upcoming-sessions list across every series of a site, its site-wide feeds, and query budgets."""

from __future__ import annotations

import csv
import datetime
import io

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from tests.html import parse, text
from tests.queries import request_queries
from wagtail_chiiki.models import WorkshopIndexPage, WorkshopSeriesPage, WorkshopSession

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 7, 1)
SERIES_PAGE_CEILING = 16
UPCOMING_LIST_CEILING = 16
SITE_ICAL_CEILING = 15


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def listed(client, page, query: str = "") -> list[str]:
    doc = parse(client.get(page.url + query).content)
    return [
        text(item.find(class_="chiiki-session__series"))
        + " "
        + text(item.find(class_="chiiki-session__line"))
        for item in doc.find_all("li", class_="chiiki-session")
    ]


def test_upcoming_sessions_of_every_series_soonest_first(client, workshop_index, make_series):
    make_series(
        "A", sessions=[(datetime.date(2024, 6, 1), "day", "済"), (datetime.date(2024, 8, 7), "day", "a2")]
    )
    make_series("B", sessions=[(datetime.date(2024, 7, 10), "day", "b1")], parent=workshop_index)
    assert listed(client, workshop_index) == [
        "B 令和6年7月10日(水)18時30分から20時 b1",
        "A 第2回:令和6年8月7日(水)18時30分から20時 a2",
    ]


def test_drafts_private_series_other_locales_and_sites_are_left_out(
    client, workshop_index, make_series, locales, home
):
    make_series("公開", sessions=[(datetime.date(2024, 7, 10), "day", "")])
    make_series("下書き", sessions=[(datetime.date(2024, 7, 11), "day", "")]).unpublish()
    private = make_series("限定", sessions=[(datetime.date(2024, 7, 12), "day", "")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english = make_series("English", sessions=[(datetime.date(2024, 7, 13), "day", "")])
    english.copy_for_translation(locales["en"], copy_parents=True).save_revision().publish()
    # Another site with its own series.
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="他市", slug="other", locale=locales["ja"])
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other = WorkshopIndexPage(title="他市のワークショップ", slug="w")
    other_home.add_child(instance=other)
    make_series("他市", sessions=[(datetime.date(2024, 7, 14), "day", "")], parent=other)

    assert [line.split(" ")[0] for line in listed(client, workshop_index)] == ["公開", "English"]
    cal = icalendar.Calendar.from_ical(client.get(workshop_index.url + "calendar/").content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["公開", "English"]


def test_site_wide_csv_and_ical_cover_every_series(client, workshop_index, make_series):
    make_series(
        "A", sessions=[(datetime.date(2024, 6, 21), "day", "a1"), (datetime.date(2024, 10, 1), "month", "")]
    )
    make_series("B", sessions=[(datetime.date(2024, 7, 10), "day", "b1")])
    body = b"".join(client.get(workshop_index.url + "export/csv/").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(row["NO"], row["イベント名"], row["開始日"]) for row in rows] == [
        ("1", "A 第1回", "2024-06-21"),
        ("2", "B", "2024-07-10"),
    ]
    cal = icalendar.Calendar.from_ical(client.get(workshop_index.url + "calendar/").content)
    assert len(cal.walk("VEVENT")) == 2


def test_upcoming_sessions_link_their_series_inside_the_site(client, workshop_index, make_series):
    page = make_series("A", sessions=[(datetime.date(2024, 7, 10), "day", "")], parent=workshop_index)
    doc = parse(client.get(workshop_index.url).content)
    links = [item.find("a")["href"] for item in doc.find_all(class_="chiiki-session__series")]
    assert links == ["/chiiki/workshops/" + page.slug + "/"]


def test_sessions_of_one_day_come_all_day_first_then_by_start_time(client, workshop_index, make_series):
    day = datetime.date(2024, 7, 10)
    make_series("夜の部", sessions=[(day, "day", "")])
    make_series(
        "朝の部", sessions=[{"date": day, "start_time": datetime.time(10), "end_time": datetime.time(12)}]
    )
    make_series("終日", sessions=[(day, "day", "")], usual_start=None, usual_end=None)
    assert [line.split(" ")[0] for line in listed(client, workshop_index)] == ["終日", "朝の部", "夜の部"]


def test_a_month_only_session_is_upcoming_until_its_month_is_over(
    client, workshop_index, make_series, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2024, 7, 20))
    sessions = [
        (datetime.date(2024, 6, 1), "month", "六月"),
        (datetime.date(2024, 7, 19), "day", "昨日"),
        (datetime.date(2024, 7, 1), "month", "七月"),
        (datetime.date(2024, 7, 20), "day", "今日"),
    ]
    make_series("A", sessions=sessions)
    assert [line.split(" ")[-1] for line in listed(client, workshop_index)] == ["七月", "今日"]


def test_later_pages_keep_each_session_number_and_the_next_mark(client, workshop_index, make_series):
    workshop_index.page_size = 5
    workshop_index.save_revision().publish()
    make_series("A", sessions=[(TODAY + datetime.timedelta(days=i), "day", f"t{i + 1}") for i in range(7)])
    doc = parse(client.get(workshop_index.url).content)
    first = doc.find_all("li", class_="chiiki-session")[0]
    assert "chiiki-session--next" in first.classes
    numbers = [
        text(n)
        for n in parse(client.get(workshop_index.url + "?page=2").content).find_all(
            class_="chiiki-session__number"
        )
    ]
    assert numbers == ["第6回", "第7回"]


def test_no_sessions_says_so(client, workshop_index):
    doc = parse(client.get(workshop_index.url).content)
    assert text(doc.one(class_="chiiki-empty")) == "現在予定されている回はありません。"


@pytest.mark.parametrize("query", ["?page=abc", "?page=-1", "?page=", "?page=1.5"])
def test_bad_page_numbers_show_the_first_page(client, workshop_index, make_series, query):
    workshop_index.page_size = 5
    workshop_index.save_revision().publish()
    make_series("A", sessions=[(datetime.date(2024, 7, day), "day", f"a{day}") for day in range(10, 16)])
    first_page = listed(client, workshop_index)
    second_page = listed(client, workshop_index, "?page=2")
    assert len(first_page) == 5 and len(second_page) == 1

    response = client.get(workshop_index.url + query)

    assert response.status_code == 200
    assert listed(client, workshop_index, query) == first_page
    current = parse(response.content).one("a", aria_current="page")
    assert text(current) == "1"


def test_a_page_past_the_last_is_a_404(client, workshop_index):
    assert client.get(workshop_index.url + "?page=9").status_code == 404


# Query budgets ----------------------------------------------------------------------------------


def add_series(parent, start: int, stop: int, sessions_each: int = 5) -> None:
    """Live series without revisions, each with its sessions, quickly."""
    now = timezone.now()
    for i in range(start, stop):
        page = WorkshopSeriesPage(
            title=f"講座{i}",
            slug=f"series-{i}",
            summary="概要",
            venue_name="公民館",
            live=True,
            first_published_at=now,
        )
        parent.add_child(instance=page)
        WorkshopSession.objects.bulk_create(
            [
                WorkshopSession(
                    page=page, locale_id=page.locale_id, sort_order=n, date=TODAY + datetime.timedelta(days=n)
                )
                for n in range(sessions_each)
            ]
        )


def test_series_page_queries_do_not_grow_with_sessions(client, make_series):
    one = make_series("一回", sessions=[(datetime.date(2024, 7, 10), "day", "t")])
    forty = make_series(
        "四十回", sessions=[(TODAY + datetime.timedelta(days=i), "day", f"t{i}") for i in range(40)]
    )
    queries_one, queries_forty = (
        request_queries(client, one.url).queries,
        request_queries(client, forty.url).queries,
    )
    assert queries_one == queries_forty
    assert queries_forty <= SERIES_PAGE_CEILING


def test_upcoming_list_queries_do_not_grow_with_series(client, workshop_index):
    add_series(workshop_index, 0, 5)
    queries_five = request_queries(client, workshop_index.url).queries
    ical_five = request_queries(client, workshop_index.url + "calendar/").queries
    add_series(workshop_index, 5, 300)
    queries_many = request_queries(client, workshop_index.url).queries
    ical_many = request_queries(client, workshop_index.url + "calendar/").queries
    assert queries_five == queries_many
    assert queries_many <= UPCOMING_LIST_CEILING
    assert ical_five == ical_many
    assert ical_many <= SITE_ICAL_CEILING
