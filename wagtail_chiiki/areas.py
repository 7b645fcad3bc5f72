"""The service-area field: GeoJSON stored as JSON, edited as text with a map preview in the admin.

The widget is a plain textarea; ``wagtail_chiiki/js/area-widget.js``, a Stimulus controller started
wherever the widget appears (inline panel rows and blocks added later too), adds a Leaflet map beside it
(a click places the organization's point, the area is previewed as it is typed). Without JavaScript,
or if the map cannot start, the plain fields still work.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.geo import AREA_MAX_BYTES, area_json, clean_area, parse_area

LEAFLET = "wagtail_chiiki/vendor/leaflet/"


def validate_area(value: Any) -> None:
    """A model-level check, for areas set in code (imports, the demo) and saved with full_clean."""
    clean_area(value)


class AreaWidget(forms.Textarea):
    """A GeoJSON textarea the admin script turns into a map preview (and a point picker)."""

    def __init__(self, attrs: dict | None = None, *, point_fields: tuple[str, str] | None = None):
        defaults = {"rows": 6, "spellcheck": "false", "class": "chiiki-area-input"}
        super().__init__({**defaults, **(attrs or {})})
        self.point_fields = point_fields

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The Stimulus controller ``chiiki-area`` (area-widget.js) and its values.
        data = {
            "data-controller": "chiiki-area",
            "data-chiiki-area-tile-url-value": chiiki_settings.MAP_TILE_URL or "",
            "data-chiiki-area-attribution-value": chiiki_settings.MAP_TILE_ATTRIBUTION or "",
            "data-chiiki-area-max-zoom-value": str(chiiki_settings.MAP_MAX_ZOOM),
            "data-chiiki-area-map-label-value": str(_("Map of the location and area")),
            "data-chiiki-area-map-help-value": str(
                _(
                    "Click the map to place the location. The area pasted above is shown on the map "
                    "as you type; it cannot be drawn on the map."
                )
                if self.point_fields
                else _(
                    "The area pasted above is shown on the map as you type; it cannot be drawn on the map."
                )
            ),
            "data-chiiki-area-invalid-label-value": str(_("The area above is not valid GeoJSON yet.")),
        }
        if self.point_fields:
            (
                data["data-chiiki-area-latitude-field-value"],
                data["data-chiiki-area-longitude-field-value"],
            ) = self.point_fields
        context["widget"]["attrs"].update(data)
        return context

    @property
    def media(self) -> forms.Media:
        return forms.Media(
            css={"all": [LEAFLET + "leaflet.css", "wagtail_chiiki/css/admin-map.css"]},
            js=[LEAFLET + "leaflet.js", "wagtail_chiiki/js/area-widget.js"],
        )


class AreaFormField(forms.CharField):
    """GeoJSON text in, a checked geometry (or None) out; errors say what is wrong and where."""

    widget = AreaWidget

    def __init__(self, *, point_fields: tuple[str, str] | None = None, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        kwargs.setdefault("widget", AreaWidget(point_fields=point_fields))
        super().__init__(strip=True, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return value

    def to_python(self, value):
        if isinstance(value, dict):
            return clean_area(value)
        return parse_area(super().to_python(value))

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != (initial if isinstance(initial, dict) or initial is None else None)
        except forms.ValidationError:
            return True


class AreaField(models.JSONField):
    """A Polygon or MultiPolygon (GeoJSON, ``[longitude, latitude]``), or null."""

    def __init__(self, *args, point_fields: tuple[str, str] | None = None, **kwargs):
        self.point_fields = point_fields
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [validate_area])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # Stored as a plain JSONField: the migrations need no import of this module.
        for key, default in (("null", True), ("blank", True)):
            if kwargs.get(key) is default:
                kwargs.pop(key)
        kwargs.pop("validators", None)
        return name, "django.db.models.JSONField", args, {"null": True, "blank": True, **kwargs}

    def formfield(self, **kwargs):
        # Past JSONField's own form field (its "Enter a valid JSON." says nothing of areas).
        return super(models.JSONField, self).formfield(
            **{"form_class": AreaFormField, "point_fields": self.point_fields, **kwargs}
        )


__all__ = ["AREA_MAX_BYTES", "AreaField", "AreaFormField", "AreaWidget", "area_json", "validate_area"]
