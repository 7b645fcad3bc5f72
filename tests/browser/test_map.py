"""The organization map in Chromium: it starts with no errors although the tiles cannot load here
(no internet), the list beside it is complete, markers are reached by keyboard, popups are text."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, unexpected

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def map_path(demo_site, language: str) -> str:
    return demo_site.path("index", language) + "map/"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_map_starts_without_errors_although_tiles_fail(visit, demo_site, language):
    opened = visit(map_path(demo_site, language), viewport=DESKTOP)
    page = opened.page

    page.locator(".chiiki-map-marker").first.wait_for()
    assert page.locator(".chiiki-map__canvas").is_visible()
    markers = page.locator(".chiiki-map-marker")
    areas = page.locator(".chiiki-map__canvas path.leaflet-interactive")
    assert markers.count() == 6
    assert areas.count() == 6
    page.locator(".chiiki-map__status").wait_for()  # the failed tiles are reported in words
    assert "地理院タイル" in page.locator(".leaflet-control-attribution").inner_text()
    assert any("cyberjapandata.gsi.go.jp" in problem for problem in opened.problems)  # offline here
    # The admin itself asks the internet for news and avatars (releases.wagtail.org, gravatar), which
    # fails here; anything else would be the widget's.
    offline = ("net::ERR_NAME_NOT_RESOLVED", "releases.wagtail.org")
    assert [p for p in unexpected(opened.problems) if not any(word in p for word in offline)] == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"map-{language}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"map-{language}-390.png", full_page=True)


def test_list_has_every_organization_of_the_geojson(visit, demo_site):
    opened = visit(map_path(demo_site, "ja"), java_script_enabled=False)
    page = opened.page
    geojson = json.loads(page.request.get(demo_site.path("index", "ja") + "geojson/").text())

    assert page.locator(".chiiki-map__canvas").is_hidden()
    listed = set(page.locator(".chiiki-map-list__item > a").all_inner_texts())
    assert listed == {feature["properties"]["name"] for feature in geojson["features"]}
    # Every district of every organization has its group, and the organization is in it.
    for feature in geojson["features"]:
        for district in feature["properties"]["districts"]:
            group = page.locator(".chiiki-map-list__district", has_text=district)
            items = group.locator("xpath=following-sibling::ul[1]/li/a")
            assert feature["properties"]["name"] in items.all_inner_texts()


def test_markers_are_reached_by_keyboard_in_page_order_and_open_a_popup(visit, demo_site):
    page = visit(map_path(demo_site, "ja"), viewport=DESKTOP).page
    page.locator(".chiiki-map-marker").first.wait_for()
    geojson = json.loads(page.request.get(demo_site.path("index", "ja") + "geojson/").text())
    located = [f["properties"]["name"] for f in geojson["features"] if f["properties"]["role"] == "location"]

    page.locator(".chiiki-map__canvas").focus()
    reached = []
    for _ in located:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert reached == located  # the map first, then each marker in the order of the pages

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content .chiiki-map-popup")
    popup.wait_for()
    assert popup.locator("a").first.inner_text() == located[-2]
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")


def test_a_name_with_markup_stays_text_in_the_popup(visit, demo_site):
    """Whatever a name holds reaches the popup as text: the feed is served with markup in a name."""
    name = '<img src=x onerror="window.__xss=1">湊<b>太字</b>'
    opened = visit(map_path(demo_site, "ja"), viewport=DESKTOP)
    page = opened.page

    def with_markup(route):
        collection = json.loads(route.fetch().text())
        for feature in collection["features"]:
            feature["properties"]["name"] = name
        route.fulfill(json=collection, headers={"Content-Type": "application/geo+json"})

    page.route("**/geojson/", with_markup)
    page.reload()
    marker = page.locator(".chiiki-map-marker").first
    marker.wait_for()
    assert marker.get_attribute("aria-label") == name
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content .chiiki-map-popup")
    popup.wait_for()

    assert popup.locator(".chiiki-map-popup__title a").inner_text() == name
    assert popup.locator("img, b").count() == 0
    assert page.evaluate("window.__xss") is None
    # The admin itself asks the internet for news and avatars (releases.wagtail.org, gravatar), which
    # fails here; anything else would be the widget's.
    offline = ("net::ERR_NAME_NOT_RESOLVED", "releases.wagtail.org")
    assert [p for p in unexpected(opened.problems) if not any(word in p for word in offline)] == []


def test_admin_map_previews_the_area_and_a_click_places_the_location(minato_in_the_editor):
    opened = minato_in_the_editor
    page = opened.page
    panel = page.evaluate("document.querySelector('[name=service_area]').closest('[role=tabpanel]').id")
    page.click(f'[role=tab][aria-controls="{panel}"]')  # the tab with the location, whatever its label

    canvas = page.locator(".chiiki-area-map")
    canvas.wait_for()
    assert canvas.get_attribute("role") == "region"
    assert page.locator(".chiiki-area-map path.leaflet-interactive").count() == 1  # the saved area
    assert page.locator(".chiiki-area-map .leaflet-marker-icon").count() == 1  # the saved point
    before = page.input_value("input[name=latitude]")
    canvas.click(position={"x": 60, "y": canvas.bounding_box()["height"] - 60})
    assert page.input_value("input[name=latitude]") != before
    assert -90 <= float(page.input_value("input[name=latitude]")) <= 90

    page.fill("textarea[name=service_area]", "{not json")
    page.locator(".chiiki-area-map__status").filter(has_text=" ").wait_for()
    assert page.locator(".chiiki-area-map path.leaflet-interactive").count() == 0
    page.screenshot(path=SCREENSHOTS / "map-admin-1280.png", full_page=False)
    # The admin itself asks the internet for news and avatars (releases.wagtail.org, gravatar), which
    # fails here; anything else would be the widget's.
    offline = ("net::ERR_NAME_NOT_RESOLVED", "releases.wagtail.org")
    assert [p for p in unexpected(opened.problems) if not any(word in p for word in offline)] == []


@pytest.mark.parametrize(
    ("language", "zoom_in", "zoom_out", "close"),
    [("ja", "拡大", "縮小", "閉じる"), ("en", "Zoom in", "Zoom out", "Close")],
)
def test_the_map_controls_speak_the_page_language(visit, demo_site, language, zoom_in, zoom_out, close):
    page = visit(map_path(demo_site, language), viewport=DESKTOP).page
    page.locator(".chiiki-map-marker").first.wait_for()

    assert page.locator(".leaflet-control-zoom-in").get_attribute("aria-label") == zoom_in
    assert page.locator(".leaflet-control-zoom-out").get_attribute("title") == zoom_out
    page.locator(".chiiki-map-marker").first.click()
    page.locator(".leaflet-popup").wait_for()
    assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == close
