"""Editors add workshop series in the admin; bad input is explained beside the field and nothing saved."""

from __future__ import annotations

import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.admin_forms import add_page_url, field_errors
from tests.html import parse
from wagtail_chiiki.models import WorkshopSeriesPage, WorkshopSession

pytestmark = pytest.mark.django_db


def session(**changes) -> dict:
    return {
        "number": "",
        "date": "2024-06-21",
        "precision": "day",
        "start_time": "",
        "end_time": "",
        "topic": "地域づくりビジョンって? 他",
        "status": "scheduled",
        "note": "",
        "venue_name": "",
        "venue_address": "",
        **changes,
    }


def series_form(sessions=None, **changes) -> dict:
    """The add form of a workshop series as the admin posts it, published."""
    fields = {
        "title": "一箕地区まちづくりワークショップ",
        "slug": "ichiki-workshop",
        "summary": "地区の将来を話し合うワークショップです。",
        "title_kana": "",
        "purpose": rich_text("<p>地域づくりビジョンを一緒に考えます。</p>"),
        "organizer": "",
        "organizer_name": "みどり市 地域づくり課",
        "venue_name": "一箕公民館",
        "venue_address": "",
        "latitude": "",
        "longitude": "",
        "access": "",
        "usual_start": "18:30",
        "usual_end": "20:00",
        "sessions": inline_formset(
            sessions
            if sessions is not None
            else [session(), session(date="2024-07-10"), session(date="2024-10-01", precision="month")]
        ),
        "audience": "一箕地区にお住まいの方",
        "capacity": "",
        "fee": "0",
        "fee_note": "",
        "application_method": "url",
        "application_value": "https://www.example.jp/shinsei/ichiki/",
        "application_deadline": "2024-06-19",
        "flyer": "",
        "contact": "",
        "tags": "",
        "update_history": streamfield([]),
        "seo_title": "",
        "search_description": "",
        **changes,
    }
    data = nested_form_data(fields)
    data["action-publish"] = "action-publish"
    return data


def post(editor, community_index, data):
    return editor.post(add_page_url(WorkshopSeriesPage, community_index), data)


def nothing_saved() -> bool:
    return not WorkshopSeriesPage.objects.exists() and not WorkshopSession.objects.exists()


def test_editor_publishes_a_series_with_its_sessions(editor, community_index):
    response = post(editor, community_index, series_form())
    assert response.status_code == 302
    page = WorkshopSeriesPage.objects.get()
    assert page.live
    sessions = list(page.sessions.all())
    assert [(s.date.isoformat(), s.precision) for s in sessions] == [
        ("2024-06-21", "day"),
        ("2024-07-10", "day"),
        ("2024-10-01", "month"),
    ]


def test_a_month_precision_date_is_stored_as_the_first_of_the_month(editor, community_index):
    data = series_form(sessions=[session(date="2024-10-17", precision="month")], application_deadline="")
    assert post(editor, community_index, data).status_code == 302
    assert WorkshopSession.objects.get().date.isoformat() == "2024-10-01"


@pytest.mark.parametrize(
    "row, field, message",
    [
        (
            session(start_time="20:00", end_time="18:30"),
            "sessions-0-end_time",
            "The end time must be after the start time.",
        ),
        (
            session(end_time="20:00"),
            "sessions-0-start_time",
            "Enter the start time too, or leave the end time empty.",
        ),
        (
            session(date="2024-10-01", precision="month", start_time="18:30"),
            "sessions-0-start_time",
            "A session planned only for a month has no times of its own: leave them empty "
            "(the series' usual times are shown), or choose the day.",
        ),
    ],
)
def test_bad_session_times_are_explained_and_nothing_saved(editor, community_index, row, field, message):
    response = post(editor, community_index, series_form(sessions=[row], application_deadline=""))
    assert response.status_code == 200
    assert field_errors(parse(response.content), field) == [message]
    assert nothing_saved()


def test_a_session_number_clash_is_explained_and_nothing_saved(editor, community_index):
    rows = [
        session(number="2"),
        session(date="2024-07-10", number=""),
        session(date="2024-08-07", number="3"),
    ]
    response = post(editor, community_index, series_form(sessions=rows))
    assert response.status_code == 200
    doc = parse(response.content)
    message = "Two sessions would both be number 3: give each session its own number."
    assert field_errors(doc, "sessions-1-number") == [message]
    assert field_errors(doc, "sessions-2-number") == [message]
    assert field_errors(doc, "sessions-0-number") == []
    assert nothing_saved()


def test_a_deadline_after_the_last_session_is_explained_and_nothing_saved(editor, community_index):
    response = post(editor, community_index, series_form(application_deadline="2024-11-01"))
    assert response.status_code == 200
    assert field_errors(parse(response.content), "application_deadline") == [
        "The application deadline is after the last session: choose a day on or before it."
    ]
    assert nothing_saved()


def test_a_deadline_in_the_month_of_a_month_precision_last_session_is_accepted_and_saved(
    editor, community_index
):
    response = post(editor, community_index, series_form(application_deadline="2024-10-20"))

    assert response.status_code == 302
    page = WorkshopSeriesPage.objects.get()
    assert page.live
    assert page.application_deadline == datetime.date(2024, 10, 20)
    last = page.sessions.order_by("date").last()
    assert (last.date, last.precision) == (datetime.date(2024, 10, 1), "month")


@pytest.mark.parametrize(
    "method, value, message",
    [
        ("url", "javascript:alert(1)", "Enter a web address starting with http:// or https://."),
        ("phone", "12345", "Enter a phone number such as 0242-39-1202 (10 or 11 digits, starting with 0)."),
        ("email", "not-an-address", "Enter a valid email address."),
        ("in_person", "", "Say where to apply: the address, number or place."),
    ],
)
def test_a_bad_application_value_is_explained_and_nothing_saved(
    editor, community_index, method, value, message
):
    data = series_form(application_method=method, application_value=value)
    response = post(editor, community_index, data)
    assert response.status_code == 200
    assert field_errors(parse(response.content), "application_value") == [message]
    assert nothing_saved()


def test_usual_end_before_usual_start_is_explained(editor, community_index):
    response = post(editor, community_index, series_form(usual_start="20:00", usual_end="18:00"))
    assert response.status_code == 200
    assert field_errors(parse(response.content), "usual_end") == [
        "The end time must be after the start time."
    ]
    assert nothing_saved()
