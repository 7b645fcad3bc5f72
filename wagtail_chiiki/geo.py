"""Service areas as GeoJSON geometries: parsing and checking what editors paste, no Django models.

An area is a GeoJSON ``Polygon`` or ``MultiPolygon`` (RFC 7946): positions are ``[longitude,
latitude]``, every ring has at least four positions and ends where it starts. A ``Feature`` or a
``FeatureCollection`` of one feature is accepted as pasted from other tools; only its geometry is kept.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: The largest area accepted, in bytes of compact JSON: a district outline needs a few kilobytes.
AREA_MAX_BYTES = 200 * 1024
AREA_TYPES = ("Polygon", "MultiPolygon")


def parse_area(text: str) -> dict | None:
    """The geometry in ``text`` (GeoJSON), checked; ``None`` for empty text."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text.encode()) > AREA_MAX_BYTES * 4:  # far too big even with generous whitespace
        raise _too_big(len(text.encode()))
    try:
        value = json.loads(text)
    except RecursionError:
        raise _invalid(
            _("The area is nested too deeply to be GeoJSON: paste a Polygon or a MultiPolygon."),
            code="area_too_deep",
        ) from None
    except ValueError as error:
        raise ValidationError(
            _("The area is not valid GeoJSON (line %(line)s, column %(column)s): %(problem)s."),
            code="area_not_json",
            params={"line": error.lineno, "column": error.colno, "problem": error.msg},
        ) from None
    return clean_area(value)


def clean_area(value: Any) -> dict | None:
    """The geometry of ``value`` (a parsed GeoJSON object) if it is a valid area; else ValidationError."""
    if value in (None, "", {}):
        return None
    geometry = _geometry_of(value)
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        _check_polygon(coordinates, polygon_number=None)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise _invalid(_("A MultiPolygon needs a list of polygons."))
        for number, polygon in enumerate(coordinates, start=1):
            _check_polygon(polygon, polygon_number=number)
    cleaned = {"type": geometry["type"], "coordinates": coordinates}
    size = len(area_json(cleaned).encode())
    if size > AREA_MAX_BYTES:
        raise _too_big(size)
    return cleaned


def area_json(area: dict | None) -> str:
    """An area as compact JSON text, as stored and served."""
    return "" if area is None else json.dumps(area, separators=(",", ":"), ensure_ascii=False)


def _geometry_of(value: Any) -> dict:
    if not isinstance(value, dict) or "type" not in value:
        raise _invalid(_("Paste a GeoJSON object with a “type”, such as a Polygon."))
    if value["type"] == "FeatureCollection":
        features = value.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise _invalid(_("A FeatureCollection must hold exactly one feature, the area."))
        value = features[0]
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    if not isinstance(value, dict) or value.get("type") not in AREA_TYPES:
        found = value.get("type") if isinstance(value, dict) else None
        raise _invalid(
            _("An area must be a Polygon or a MultiPolygon, not %(type)s."), params={"type": found or "—"}
        )
    return value


def _check_polygon(rings: Any, *, polygon_number: int | None) -> None:
    where = {"polygon": polygon_number or 1}
    if not isinstance(rings, list) or not rings:
        raise _invalid(_("Polygon %(polygon)s has no rings of positions."), params=where)
    for ring_number, ring in enumerate(rings, start=1):
        where = {**where, "ring": ring_number}
        if not isinstance(ring, list) or len(ring) < 4:
            raise _invalid(
                _("Ring %(ring)s of polygon %(polygon)s needs at least four positions."), params=where
            )
        for position in ring:
            _check_position(position, where)
        if ring[0][:2] != ring[-1][:2]:
            raise _invalid(
                _(
                    "Ring %(ring)s of polygon %(polygon)s is not closed: its last position must be "
                    "the same as its first."
                ),
                params=where,
                code="area_not_closed",
            )


def _check_position(position: Any, where: dict) -> None:
    if (
        not isinstance(position, list)
        or len(position) not in (2, 3)
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in position)
    ):
        raise _invalid(
            _("Ring %(ring)s of polygon %(polygon)s has a position that is not [longitude, latitude]."),
            params=where,
        )
    longitude, latitude = position[0], position[1]
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        raise _invalid(
            _(
                "Ring %(ring)s of polygon %(polygon)s has the position [%(lon)s, %(lat)s], out of range: "
                "GeoJSON gives the longitude (-180 to 180) first, then the latitude (-90 to 90)."
            ),
            params={**where, "lon": longitude, "lat": latitude},
            code="area_out_of_range",
        )


def _invalid(message, *, params: dict | None = None, code: str = "invalid_area") -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _too_big(size: int) -> ValidationError:
    return ValidationError(
        _("The area is %(size)s KB; at most %(limit)s KB is accepted. Simplify the outline (fewer points)."),
        code="area_too_big",
        params={"size": f"{size / 1024:,.0f}", "limit": AREA_MAX_BYTES // 1024},
    )


def decimal_text(value) -> str:
    """A coordinate without trailing zeros, in the form maps and feeds expect (37.4947)."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)
