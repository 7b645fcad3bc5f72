"""Pages that link each other: the index to its sections, an organization to its workshops, stage badges."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from tests.html import parse, text
from tests.stages import history, make_stages_page
from wagtail_chiiki.models import SupportStage

pytestmark = pytest.mark.django_db


def test_community_index_links_its_visible_sections(client, community_index, activity_index, workshop_index):
    stages_page = make_stages_page(community_index)
    stages_page.unpublish()

    nav = parse(client.get("/chiiki/").content.decode()).one("nav", class_="chiiki-related-sections")

    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs == ["/chiiki/activities/", "/chiiki/workshops/", "/chiiki/map/"]


def test_organization_page_lists_its_workshop_series_held_and_to_come(client, make_organization, make_series):
    organization = make_organization("一箕地区まちづくり協議会", slug="ikki")
    make_series(organizer=organization, application_deadline=datetime.date(2024, 6, 19))
    make_series("ほかの会のワークショップ")

    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2024, 8, 1)):
        doc = parse(client.get("/chiiki/ikki/").content.decode())

    section = doc.one("section", class_="chiiki-organization-workshops")
    assert [text(a) for a in section.find_all("h3")] == ["一箕地区まちづくりワークショップ"]
    sessions = section.find_all("li", class_="chiiki-session")
    assert len(sessions) == 5
    assert sum("chiiki-session--past" in s.classes for s in sessions) == 2


def test_stage_badge_on_a_card_links_to_the_stage_explanation(
    client, community_index, make_organization, locales
):
    stage = SupportStage.objects.create(number=1, name="設立段階", goal="組織をつくる", locale=locales["ja"])
    make_stages_page(community_index)
    make_organization("湊地域づくり委員会", stage_history=history((stage, datetime.date(2024, 4, 1))))

    doc = parse(client.get("/chiiki/").content.decode())

    assert doc.one("a", class_="chiiki-badge--stage")["href"] == "/chiiki/support/#stage-1"
