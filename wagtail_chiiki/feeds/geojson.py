"""The organizations of a community index as GeoJSON (RFC 7946): a FeatureCollection, lon/lat order.

Each organization gives one feature per thing it has on the map: its location (a ``Point``) and its
service area (a ``Polygon`` or ``MultiPolygon``), told apart by the ``role`` property
(``"location"`` or ``"service_area"``). An organization with neither gives one feature with a
``null`` geometry, so that every organization of the list is in the feed. Separate features rather
than a ``GeometryCollection``: most GIS tools read one geometry type per feature. docs/map.md
describes the properties.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the values only: a feed never reads the database
    from wagtail_chiiki.listings.maps import MapOrganization


def organization_properties(organization: MapOrganization) -> dict:
    """The properties every feature of ``organization`` carries (simplestyle colours included)."""
    return {
        "id": organization.id,
        "name": organization.name,
        "url": organization.full_url,
        "districts": organization.district_names,
        "stage": organization.stage or None,
        "stage_number": organization.stage_number,
        "categories": organization.categories,
        "marker-color": organization.colour,
        "stroke": organization.colour,
        "fill": organization.colour,
    }


def organization_features(organization: MapOrganization) -> list[dict]:
    properties = organization_properties(organization)
    features = []
    if organization.located:
        point = {"type": "Point", "coordinates": [organization.longitude, organization.latitude]}
        features.append(_feature(f"{organization.id}-location", point, {**properties, "role": "location"}))
    if organization.area:
        features.append(
            _feature(f"{organization.id}-area", organization.area, {**properties, "role": "service_area"})
        )
    if not features:
        features.append(_feature(f"{organization.id}", None, {**properties, "role": None}))
    return features


def organizations_geojson(organizations: Iterable[MapOrganization], *, name: str, source: str) -> bytes:
    """The FeatureCollection of ``organizations`` as UTF-8 JSON; ``name`` and ``source`` say whose."""
    collection = {
        "type": "FeatureCollection",
        "name": name,
        "source": source,
        "features": [feature for org in organizations for feature in organization_features(org)],
    }
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()


def _feature(feature_id: str, geometry: dict | None, properties: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "geometry": geometry, "properties": properties}
