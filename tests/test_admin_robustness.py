"""Input that used to give a server error in the admin is a form error, and nothing is saved; stored
data that slipped past the checks never breaks a feed."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse

from tests.admin_forms import add_page_url, field_errors, organization_form, saved_rows
from tests.html import parse
from tests.test_workshop_admin import series_form
from wagtail_chiiki.models import (
    ActivityCategory,
    District,
    OrganizationPage,
    WorkshopIndexPage,
    WorkshopSeriesPage,
)

pytestmark = pytest.mark.django_db


LINE_BREAKS = ["一箕地区\nワークショップ", "一箕地区\r\nワークショップ", "一箕地区\u2028ワークショップ"]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# Titles are one line ---------------------------------------------------------------------------


@pytest.mark.parametrize("title", LINE_BREAKS)
def test_a_series_title_with_a_line_break_is_a_form_error(editor, community_index, title):
    response = editor.post(add_page_url(WorkshopSeriesPage, community_index), series_form(title=title))

    assert response.status_code == 200
    assert field_errors(parse(response.content.decode()), "title") == [
        "A title is one line: remove the line breaks."
    ]
    assert not WorkshopSeriesPage.objects.exists()


def test_an_organization_title_with_a_line_break_is_a_form_error(editor, community_index):
    before = saved_rows()

    response = editor.post(
        add_page_url(OrganizationPage, community_index), organization_form(title="湊\nまちづくり")
    )

    assert response.status_code == 200
    assert field_errors(parse(response.content.decode()), "title")
    assert saved_rows() == before


def test_calendars_of_a_title_stored_with_line_breaks_still_answer(client, community_index, make_series):
    index = WorkshopIndexPage(title="ワークショップ", slug="workshops")
    community_index.add_child(instance=index)
    index.save_revision().publish()
    series = make_series(
        parent=index,
        sessions=[{"date": datetime.date(2024, 6, 21), "topic": "一\r\n二", "note": "三\u2028四"}],
    )
    # As data saved before titles were checked, or by code that skips the checks.
    WorkshopSeriesPage.objects.filter(pk=series.pk).update(title="一箕地区\r\nワークショップ\u2028第1期")

    for url in (series.url + "calendar/", index.url + "calendar/", series.url + "export/csv/", series.url):
        response = client.get(url)
        assert response.status_code == 200, url
    calendar = icalendar.Calendar.from_ical(client.get(series.url + "calendar/").content)
    assert str(calendar["X-WR-CALNAME"]) == "一箕地区 ワークショップ 第1期"
    (event,) = calendar.walk("VEVENT")
    assert "一箕地区" in str(event["SUMMARY"])


# Areas nested too deeply -------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_a_deeply_nested_organization_area_is_a_form_error(editor, community_index, depth):
    before = saved_rows()

    response = editor.post(
        add_page_url(OrganizationPage, community_index),
        organization_form(service_area=nested(depth), latitude="37.47", longitude="139.89"),
    )

    assert response.status_code == 200
    errors = field_errors(parse(response.content.decode()), "service_area")
    assert errors and all("GeoJSON" in error or "Polygon" in error for error in errors), errors
    assert saved_rows() == before


@pytest.mark.parametrize(
    "area",
    [nested(100_000), '{"type": "Polygon", "coordinates": ' + nested(50_000) + "}"],
    ids=["array", "coordinates"],
)
def test_a_deeply_nested_district_area_is_a_form_error(editor, locales, area):
    url = reverse("wagtailsnippets_wagtail_chiiki_district:add")

    response = editor.post(url, {"name": "湊", "slug": "minato", "sort_order": "0", "area": area})

    assert response.status_code == 200
    assert field_errors(parse(response.content.decode()), "area")
    assert not District.objects.exists()


# Slugs taken in the language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "name", "extra"),
    [(District, "district", {"area": ""}), (ActivityCategory, "activitycategory", {"description": ""})],
)
def test_a_slug_already_used_in_the_language_is_a_form_error(editor, locales, model, name, extra):
    model.objects.create(name="湊", slug="minato", locale=locales["ja"])
    add = reverse(f"wagtailsnippets_wagtail_chiiki_{name}:add")

    response = editor.post(add, {"name": "湊その2", "slug": "minato", "sort_order": "0", **extra})

    assert response.status_code == 200
    assert field_errors(parse(response.content.decode()), "slug") == [
        "This slug is already used in this language. Choose another."
    ]
    assert model.objects.count() == 1


@pytest.mark.parametrize(
    ("model", "name", "extra"),
    [(District, "district", {"area": ""}), (ActivityCategory, "activitycategory", {"description": ""})],
)
def test_editing_a_snippet_onto_another_slug_is_a_form_error(editor, locales, model, name, extra):
    model.objects.create(name="湊", slug="minato", locale=locales["ja"])
    other = model.objects.create(name="大戸", slug="oto", locale=locales["ja"])
    edit = reverse(f"wagtailsnippets_wagtail_chiiki_{name}:edit", args=[other.pk])

    response = editor.post(edit, {"name": "大戸", "slug": "minato", "sort_order": "0", **extra})

    assert response.status_code == 200
    assert field_errors(parse(response.content.decode()), "slug")
    assert model.objects.get(pk=other.pk).slug == "oto"
    # Saving it unchanged is no clash with itself.
    assert editor.post(edit, {"name": "大戸", "slug": "oto", "sort_order": "1", **extra}).status_code == 302


def test_the_same_slug_in_another_language_is_accepted(editor, locales):
    District.objects.create(name="湊", slug="minato", locale=locales["ja"])
    add = reverse("wagtailsnippets_wagtail_chiiki_district:add") + "?locale=en"

    response = editor.post(add, {"name": "Minato", "slug": "minato", "sort_order": "0", "area": ""})

    assert response.status_code == 302
    assert District.objects.filter(slug="minato").count() == 2
