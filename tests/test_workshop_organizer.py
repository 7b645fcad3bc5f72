"""A series names its organizer only when a visitor may see the organization's page, on every surface.

An organization that is a draft, unpublished, or under a login-, password- or group-restricted
section is neither named nor linked by the series page, its JSON-LD, its iCalendar and CSV, or the
workshop index and its site-wide feeds; English pages name the organizer by its live English
translation, never by a draft or restricted one. Every surface is fetched as an anonymous visitor.
"""

from __future__ import annotations

import csv
import datetime
import io
import json

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.html import parse, text
from wagtail_chiiki.models import CommunityIndexPage

pytestmark = pytest.mark.django_db

HIDDEN_NAME = "非公開の協議会"
HIDDEN_SLUG = "hidden-council"
STATES = ["draft", "unpublished", "login", "password", "group"]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2024, 6, 1))


def restricted_section(home, kind: str) -> CommunityIndexPage:
    """A published section of organizations that only some visitors may see."""
    section = CommunityIndexPage(title="会員向け", slug="members")
    home.add_child(instance=section)
    section.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=section,
        restriction_type={
            "login": PageViewRestriction.LOGIN,
            "password": PageViewRestriction.PASSWORD,
            "group": PageViewRestriction.GROUPS,
        }[kind],
        password="secret" if kind == "password" else "",
    )
    if kind == "group":
        restriction.groups.set([Group.objects.create(name="会員")])
    return section


def hidden_organization(state: str, make_organization, home):
    if state == "draft":
        return make_organization(HIDDEN_NAME, slug=HIDDEN_SLUG, publish=False)
    if state == "unpublished":
        organization = make_organization(HIDDEN_NAME, slug=HIDDEN_SLUG)
        organization.unpublish()
        return organization
    return make_organization(HIDDEN_NAME, slug=HIDDEN_SLUG, parent=restricted_section(home, state))


# Each surface as an anonymous visitor reads it: (the whole body, the organizer names it states).


def body_of(response) -> str:
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def details_organizer(body: str) -> list[str]:
    """The organizer row of the series page's details, with the address of any link in it."""
    doc = parse(body)
    rows = [row for row in doc.one(class_="chiiki-facts").find_all("div") if text(row.find("dt")) == "主催"]
    return [text(row.find("dd")) for row in rows] + [a["href"] for row in rows for a in row.find_all("a")]


def json_ld_organizers(body: str) -> list[str]:
    data = json.loads(text(parse(body).one("script", type="application/ld+json")))
    organizers = [data.get("organizer")] + [event.get("organizer") for event in data["subEvent"]]
    return [value for organizer in organizers if organizer for value in organizer.values()]


def csv_organizers(body: str) -> list[str]:
    return [row["主催者"] for row in csv.DictReader(io.StringIO(body)) if row["主催者"]]


def ical_organizers(body: str) -> list[str]:
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert events, "the calendar has events to check"
    return [str(event[name]) for event in events for name in ("organizer", "contact") if name in event]


def index_organizers(body: str) -> list[str]:
    doc = parse(body)
    assert doc.find_all("li", class_="chiiki-session"), "the list has sessions to check"
    return []


SURFACES = {
    "series page": ("", "series", details_organizer),
    "series JSON-LD": ("", "series", json_ld_organizers),
    "series iCalendar": ("calendar/", "series", ical_organizers),
    "series open-data CSV": ("export/csv/", "series", csv_organizers),
    "workshop index": ("", "index", index_organizers),
    "site-wide iCalendar": ("calendar/", "index", ical_organizers),
    "site-wide open-data CSV": ("export/csv/", "index", csv_organizers),
}


def read(client, pages: dict, surface: str) -> tuple[str, list[str]]:
    suffix, page, organizers = SURFACES[surface]
    body = body_of(client.get(pages[page].url + suffix))
    return body, organizers(body)


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("state", STATES)
def test_a_hidden_organizer_is_neither_named_nor_linked(
    client, make_series, make_organization, home, workshop_index, state, surface
):
    organizer = hidden_organization(state, make_organization, home)
    series = make_series(organizer=organizer, parent=workshop_index)
    body, organizers = read(client, {"series": series, "index": workshop_index}, surface)
    assert organizers == []
    assert HIDDEN_NAME not in body
    assert HIDDEN_SLUG not in body


@pytest.mark.parametrize(
    "surface", ["series page", "series JSON-LD", "series open-data CSV", "site-wide open-data CSV"]
)
def test_a_visible_organizer_is_named_and_linked(
    client, make_series, make_organization, workshop_index, surface
):
    organizer = make_organization("一箕地区ひとみ創造ネットワーク", slug="ichiki")
    series = make_series(organizer=organizer, parent=workshop_index)
    _, organizers = read(client, {"series": series, "index": workshop_index}, surface)
    assert "一箕地区ひとみ創造ネットワーク" in organizers
    if surface == "series page":
        assert organizers[-1] == "/chiiki/ichiki/"
    if surface == "series JSON-LD":
        assert "http://testserver/chiiki/ichiki/" in organizers


def test_the_named_organizer_stands_in_for_a_hidden_organization(
    client, make_series, make_organization, home, workshop_index
):
    organizer = hidden_organization("login", make_organization, home)
    series = make_series(organizer=organizer, organizer_name="みどり市地域づくり課", parent=workshop_index)
    pages = {"series": series, "index": workshop_index}
    assert read(client, pages, "series page")[1] == ["みどり市地域づくり課"]
    assert set(read(client, pages, "series open-data CSV")[1]) == {"みどり市地域づくり課"}


# English pages -----------------------------------------------------------------------------------


def english(page, locales, **fields):
    """The page's English translation (its parents are copied too), published unless told not to."""
    publish = fields.pop("publish", True)
    translated = page.copy_for_translation(locales["en"], copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    revision = translated.save_revision()
    if publish:
        revision.publish()
    translated.refresh_from_db()
    return translated


def english_surfaces(client, series) -> dict[str, tuple[str, list[str]]]:
    return {
        surface: read(client, {"series": series}, surface)
        for surface in ("series page", "series JSON-LD", "series open-data CSV")
    }


def test_english_pages_name_the_organizer_by_its_live_english_translation(
    client, make_series, make_organization, locales
):
    organizer = make_organization("一箕地区ひとみ創造ネットワーク", slug="ichiki")
    series = english(make_series(organizer=organizer), locales)
    english(organizer, locales, title="Ikki Hitomi Network", slug="ikki")
    page = parse(body_of(client.get(series.url)))
    link = page.one(class_="chiiki-facts").find("a", href="/en/chiiki/ikki/")
    assert text(link) == "Ikki Hitomi Network"
    assert client.get(link["href"]).status_code == 200
    (name, url) = json_ld_organizers(body_of(client.get(series.url)))[1:3]
    assert (name, url) == ("Ikki Hitomi Network", "http://testserver/en/chiiki/ikki/")


@pytest.mark.parametrize("state", ["draft", "login"])
def test_english_pages_never_name_a_hidden_english_translation(
    client, make_series, make_organization, locales, state
):
    organizer = make_organization("一箕地区ひとみ創造ネットワーク", slug="ichiki")
    series = english(make_series(organizer=organizer), locales)
    translation = english(
        organizer, locales, title="Unpublished English Name", slug="unpublished-en", publish=state != "draft"
    )
    if state == "login":
        PageViewRestriction.objects.create(page=translation, restriction_type=PageViewRestriction.LOGIN)
    for surface, (body, organizers) in english_surfaces(client, series).items():
        assert "Unpublished English Name" not in body, surface
        assert "unpublished-en" not in body, surface
        assert "Unpublished English Name" not in organizers, surface
    # Whatever the page links as the organizer, an anonymous visitor can open it.
    page = parse(body_of(client.get(series.url)))
    for link in page.one(class_="chiiki-facts").find_all("a"):
        assert client.get(link["href"]).status_code == 200
