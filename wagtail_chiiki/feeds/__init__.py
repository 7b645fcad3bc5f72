"""Feeds and exports: plain data in, bytes out, no queries inside."""

from wagtail_chiiki.feeds.activities import (
    ACTIVITY_COLUMNS,
    activities_csv_response,
    activities_json_response,
)
from wagtail_chiiki.feeds.geojson import geojson_response, organizations_geojson

__all__ = [
    "ACTIVITY_COLUMNS",
    "activities_csv_response",
    "activities_json_response",
    "geojson_response",
    "organizations_geojson",
]
