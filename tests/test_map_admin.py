"""Editors set an organization's place and service area (and a district's area) in the admin.

Bad input shows a clear error beside the field and saves nothing; the widget is a plain textarea
that the admin script turns into a map.
"""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.admin_forms import add_page_url, field_errors, organization_form, saved_rows
from tests.html import parse
from wagtail_chiiki.geo import AREA_MAX_BYTES, clean_area, parse_area
from wagtail_chiiki.models import District, OrganizationPage

pytestmark = pytest.mark.django_db


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[139.90, 37.46], [139.92, 37.46], [139.92, 37.48], [139.90, 37.48], [139.90, 37.46]]],
}


def polygon(ring: list) -> str:
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def huge_area() -> str:
    """A closed ring of about 1 MB of JSON."""
    ring = [[139.9 + i * 1e-7, 37.4 + (i % 7) * 1e-6] for i in range(40_000)]
    ring.append(ring[0])
    text = polygon(ring)
    assert len(text) > 1_000_000
    return text


BAD_AREAS = [
    pytest.param("{type: Polygon", "The area is not valid GeoJSON (line 1, column 2)", id="not-json"),
    pytest.param(
        polygon([[139.9, 37.46], [139.92, 37.46], [139.92, 37.48], [139.9, 37.48]]),
        "Ring 1 of polygon 1 is not closed: its last position must be the same as its first.",
        id="not-closed",
    ),
    pytest.param(
        polygon([[37.46, 139.9], [37.46, 139.92], [37.48, 139.92], [37.46, 139.9]]),
        "Ring 1 of polygon 1 has the position [37.46, 139.9], out of range",
        id="latitude-first",
    ),
    pytest.param(
        json.dumps({"type": "Point", "coordinates": [139.9, 37.4]}),
        "An area must be a Polygon or a MultiPolygon, not Point.",
        id="point",
    ),
    pytest.param(huge_area(), f"at most {AREA_MAX_BYTES // 1024} KB is accepted", id="one-megabyte"),
]


@pytest.mark.parametrize(("area", "message"), BAD_AREAS)
def test_organization_with_a_bad_area_shows_the_error_and_saves_nothing(
    editor, community_index, area, message
):
    before = saved_rows()

    response = editor.post(
        add_page_url(OrganizationPage, community_index),
        organization_form(
            service_area=area,
            latitude="37.4733",
            longitude="139.8944",
            activities=[{"category": "", "title": "みなとバス", "description": ""}],
        ),
    )

    assert response.status_code == 200
    errors = field_errors(parse(response.content.decode()), "service_area")
    assert any(message in error for error in errors), errors
    assert saved_rows() == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"latitude": "137.5", "longitude": "139.9"}, "latitude", "Latitude must be between -90 and 90."),
        ({"latitude": "37.5", "longitude": "239.9"}, "longitude", "Longitude must be between -180 and 180."),
    ],
)
def test_organization_with_a_point_out_of_range_saves_nothing(
    editor, community_index, changes, field, message
):
    before = saved_rows()

    response = editor.post(add_page_url(OrganizationPage, community_index), organization_form(**changes))

    assert response.status_code == 200
    assert message in field_errors(parse(response.content.decode()), field)
    assert saved_rows() == before


def test_organization_is_saved_with_its_place_and_area(editor, community_index):
    feature = {"type": "Feature", "properties": {"name": "湊"}, "geometry": SQUARE}

    response = editor.post(
        add_page_url(OrganizationPage, community_index),
        organization_form(service_area=json.dumps(feature), latitude="37.4415", longitude="140.021"),
    )

    assert response.status_code == 302
    page = OrganizationPage.objects.get(slug="minato")
    assert page.service_area == SQUARE  # the geometry of a pasted feature, nothing else
    assert (str(page.latitude), str(page.longitude)) == ("37.441500", "140.021000")


def test_organization_form_has_the_area_field_with_its_map_widget(editor, community_index):
    response = editor.get(add_page_url(OrganizationPage, community_index))
    doc = parse(response.content.decode())

    textarea = doc.one("textarea", name="service_area")
    assert textarea["data-controller"] == "chiiki-area"
    assert (
        textarea["data-chiiki-area-latitude-field-value"],
        textarea["data-chiiki-area-longitude-field-value"],
    ) == ("latitude", "longitude")
    scripts = [script.get("src", "") for script in doc.find_all("script")]
    assert any(src.endswith("wagtail_chiiki/vendor/leaflet/leaflet.js") for src in scripts)
    assert any(src.endswith("wagtail_chiiki/js/area-widget.js") for src in scripts)


def test_district_area_is_checked_and_saved(editor, locales):
    url = reverse("wagtailsnippets_wagtail_chiiki_district:add")
    fields = {"name": "湊", "slug": "minato", "sort_order": "30", "locale": "ja"}

    refused = editor.post(url, {**fields, "area": polygon([[139.9, 37.4], [140.0, 37.4], [140.0, 37.5]])})
    assert refused.status_code == 200
    assert any("at least four positions" in e for e in field_errors(parse(refused.content.decode()), "area"))
    assert not District.objects.exists()

    saved = editor.post(url, {**fields, "area": json.dumps(SQUARE)})
    assert saved.status_code == 302
    assert District.objects.get(slug="minato").area == SQUARE


# The checks themselves --------------------------------------------------------------------------


def test_empty_text_is_no_area():
    assert parse_area("  ") is None
    assert clean_area(None) is None


def test_a_multipolygon_and_a_one_feature_collection_are_areas():
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"], SQUARE["coordinates"]]}
    assert clean_area(multi) == multi
    collection = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": SQUARE}]}
    assert clean_area(collection) == SQUARE


@pytest.mark.parametrize(
    "value",
    [
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon", "coordinates": [[["139.9", 37.4]] * 4]},
        {"type": "Polygon", "coordinates": [[[True, 37.4]] * 4]},
        {"type": "MultiPolygon", "coordinates": []},
        {"type": "FeatureCollection", "features": []},
        [1, 2, 3],
    ],
)
def test_malformed_areas_are_refused(value):
    with pytest.raises(ValidationError):
        clean_area(value)


def test_an_area_set_in_code_is_checked_by_full_clean(make_organization):
    page = make_organization("湊", slug="minato-code")
    page.service_area = {"type": "Polygon", "coordinates": [[[139.9, 37.4], [140.0, 37.4], [140.0, 37.5]]]}

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "service_area" in error.value.message_dict
