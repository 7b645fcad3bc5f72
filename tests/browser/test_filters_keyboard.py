"""The list of organizations can be filtered with the keyboard alone, with or without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from wagtail_chiiki.models import OrganizationPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MAX_TAB_PRESSES = 60
IS_FOCUSED = "element => element === document.activeElement"


def tab_to(page, selector: str) -> int:
    """Presses Tab until the element matching ``selector`` has focus; returns how many presses it took."""
    target = page.locator(selector)
    for presses in range(1, MAX_TAB_PRESSES + 1):
        page.keyboard.press("Tab")
        if target.evaluate(IS_FOCUSED):
            return presses
    pytest.fail(f"Tab never reached {selector} in {MAX_TAB_PRESSES} presses")


def _screenshot(page, name: str) -> None:
    """The visible part of the page, to look at the focus styles."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def number_in(text: str) -> int:
    match = re.search(r"\d+", text)
    assert match, f"no number in {text!r}"
    return int(match.group())


@pytest.mark.parametrize("java_script_enabled", [True, False], ids=["javascript", "no-javascript"])
def test_filter_by_district_with_the_keyboard_only(visit, demo_site, java_script_enabled):
    opened = visit(demo_site.path("index", "ja"), java_script_enabled=java_script_enabled)
    page = opened.page
    cards = page.locator(".chiiki-card-list .chiiki-card")
    count_before = page.get_by_role("status").inner_text()
    assert number_in(count_before) == cards.count() > 1

    district = page.locator("select[name=district]")
    tab_to(page, "select[name=district]")
    assert district.evaluate("element => getComputedStyle(element).outlineStyle") == "solid", "no focus ring"
    if java_script_enabled:
        _screenshot(page, "focus-district-select")
    for _ in range(district.locator("option").count()):
        if district.input_value() == "minato":
            break
        page.keyboard.press("ArrowDown")
    assert district.input_value() == "minato"

    tab_to(page, ".chiiki-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert parse_qs(urlsplit(page.url).query)["district"] == ["minato"]
    count_after = page.get_by_role("status").inner_text()
    assert count_after != count_before
    expected = (
        OrganizationPage.objects.live().filter(locale__language_code="ja", districts__slug="minato").count()
    )
    assert number_in(count_after) == cards.count() == expected
    assert all("湊" in label for label in page.locator(".chiiki-card__districts").all_inner_texts())
    assert page.locator("select[name=district]").input_value() == "minato", "the form forgot the choice"
    assert opened.problems == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(visit, demo_site):
    opened = visit(demo_site.path("minato", "ja"))
    page = opened.page
    skip_link = page.locator(".skip-link")
    assert skip_link.bounding_box()["y"] + skip_link.bounding_box()["height"] <= 0, (
        "shown before it has focus"
    )

    page.keyboard.press("Tab")
    assert skip_link.evaluate(IS_FOCUSED), "the skip link is not the first tab stop"
    assert skip_link.bounding_box()["y"] >= 0, "the focused skip link is off screen"
    _screenshot(page, "focus-skip-link")

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "Tab left the main content"
    assert opened.problems == []


def test_an_unknown_district_is_explained_in_the_description_of_the_select(visit, demo_site):
    opened = visit(demo_site.path("index", "en") + "?district=nowhere")
    page = opened.page
    district = page.get_by_label("District", exact=True)
    expect(district).to_have_attribute("aria-invalid", "true")
    expect(district).to_have_accessible_description(re.compile(r"not in the list"))
    assert number_in(page.get_by_role("status").inner_text()) == page.locator(".chiiki-card").count() > 1
    assert opened.problems == []


@pytest.mark.parametrize("java_script_enabled", [True, False], ids=["javascript", "no-javascript"])
def test_search_activities_by_keyword_with_the_keyboard_only(visit, demo_site, java_script_enabled):
    opened = visit(demo_site.path("activities", "ja"), java_script_enabled=java_script_enabled)
    page = opened.page
    total = number_in(page.get_by_role("status").inner_text())

    tab_to(page, "input[name=q]")
    # Half-width katakana, as some phone keyboards type it: found all the same.
    page.keyboard.type("ﾊﾞｽ")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert parse_qs(urlsplit(page.url).query)["q"] == ["ﾊﾞｽ"]
    found = number_in(page.get_by_role("status").inner_text())
    assert 0 < found < total
    titles = page.locator(".chiiki-activity-item").all_inner_texts()
    assert len(titles) == found
    # Each result says バス itself: in its title, description, category or organization name.
    assert all(re.search("バス|ばす", text) for text in titles), titles
    assert page.locator("input[name=q]").input_value() == "ﾊﾞｽ", "the form forgot the keyword"

    # The first result leads to its place on its organization page.
    tab_to(page, ".chiiki-activity-item a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    anchor = urlsplit(page.url).fragment
    assert anchor.startswith("activity-")
    expect(page.locator(f"#{anchor}")).to_be_visible()
    assert opened.problems == []
