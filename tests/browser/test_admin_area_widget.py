"""The service-area widget in the admin is a Stimulus controller: it starts wherever the widget
appears, also in markup added after the page loaded (an inline panel row, a StreamField block, a
modal), and stops when that markup is removed."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import SCREENSHOTS, unexpected

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AREA = {
    "type": "Polygon",
    "coordinates": [[[139.90, 37.40], [139.95, 37.40], [139.95, 37.45], [139.90, 37.45], [139.90, 37.40]]],
}

# As Wagtail adds an inline panel row or a StreamField block: markup from a <template>, cloned into
# the form of a page that has loaded long ago.
ADD_FROM_TEMPLATE = """html => {
    const template = document.createElement("template");
    template.innerHTML = html;
    const row = document.createElement("div");
    row.id = "added-row";
    row.append(template.content.cloneNode(true));
    document.querySelector("[role=tabpanel]:not([hidden])").append(row);
}"""


def test_a_widget_added_after_the_page_loaded_starts_its_map_and_stops_when_removed(minato_in_the_editor):
    from wagtail_chiiki.areas import AreaWidget

    page = minato_in_the_editor.page
    page.wait_for_load_state("load")
    # The page's own widget (in another tab) started when the page loaded.
    page.locator(".chiiki-area-map").first.wait_for(state="attached")
    assert page.locator(".chiiki-area-map").count() == 1
    html = AreaWidget().render("added_area", "", attrs={"id": "id_added_area"})

    page.evaluate(ADD_FROM_TEMPLATE, html)

    added_map = page.locator("#added-row .chiiki-area-map")
    added_map.wait_for()
    assert added_map.get_attribute("role") == "region"
    assert added_map.locator(".leaflet-pane").count() > 0  # Leaflet has drawn into it
    page.fill("#id_added_area", json.dumps(AREA))
    added_map.locator("path.leaflet-interactive").wait_for()
    assert added_map.locator("path.leaflet-interactive").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#added-row").screenshot(path=SCREENSHOTS / "area-widget-added-row.png")

    page.evaluate("document.getElementById('added-row').remove()")
    page.wait_for_function("document.querySelectorAll('.chiiki-area-map').length === 1")
    offline = ("net::ERR_NAME_NOT_RESOLVED", "releases.wagtail.org")
    assert [
        p for p in unexpected(minato_in_the_editor.problems) if not any(word in p for word in offline)
    ] == []
