"""The support stages page in a browser: steps on a phone, a table on a desktop, stage links that land."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_phone_shows_the_steps_and_hides_the_table_from_everyone(visit, demo_site, language):
    page = visit(demo_site.path("support", language), viewport=PHONE).page

    steps = page.locator("ol.chiiki-steps")
    table = page.locator("table.chiiki-stage-table")
    assert steps.is_visible() and not table.is_visible()
    assert page.locator("li.chiiki-step").count() == 5
    # display: none takes the table out of the accessibility tree as well.
    assert page.get_by_role("table").count() == 0
    assert page.get_by_role("list").filter(has=page.locator("li.chiiki-step")).count() == 1


@pytest.mark.parametrize("language", ["ja", "en"])
def test_desktop_shows_the_table_with_its_headers_and_hides_the_steps(visit, demo_site, language):
    page = visit(demo_site.path("support", language), viewport=DESKTOP).page

    assert page.locator("table.chiiki-stage-table").is_visible()
    assert not page.locator("ol.chiiki-steps").is_visible()
    assert page.get_by_role("table").count() == 1
    assert page.get_by_role("columnheader").count() == 5
    assert page.get_by_role("rowheader").count() == 5
    assert page.locator("table caption").inner_text().strip() != ""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_stage_link_of_an_organization_lands_on_its_stage(visit, demo_site, viewport):
    page = visit(demo_site.path("ichiki", "ja"), viewport=viewport).page

    page.locator(".chiiki-facts__stage a").click()
    page.wait_for_url("**#stage-1")

    target = page.locator("#stage-1") if viewport is PHONE else page.locator("#stage-1-row")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < viewport["height"] / 2
