"""Every HTTP response of a feed or an export: the feeds make bytes or lines, this module serves them."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control

GEOJSON_CONTENT_TYPE = "application/geo+json"
#: How long browsers and shared caches may keep the GeoJSON feed, in seconds.
GEOJSON_MAX_AGE = 300


def csv_download(lines: Iterable[str], *, filename: str) -> StreamingHttpResponse:
    """A streamed download of CSV ``lines`` (from ``feeds.spreadsheet.csv_lines``) named ``filename``."""
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_stream(chunks: Iterable[str]) -> StreamingHttpResponse:
    """A JSON document written chunk by chunk."""
    return StreamingHttpResponse(chunks, content_type="application/json; charset=utf-8")


def calendar_response(content: bytes, *, filename: str = "calendar.ics") -> HttpResponse:
    """An iCalendar file shown inline, so that calendar apps subscribe to it."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def geojson_response(
    request: HttpRequest, content: bytes, *, public: bool, filename: str = "organizations.geojson"
) -> HttpResponse:
    """The feed with cache headers: shared caches may keep a public index's feed, never a private
    one's. (Its ETag, like every package page's, is the section version's: ``page_cache.py``.)"""
    response = HttpResponse(content, content_type=f"{GEOJSON_CONTENT_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if public:
        response["Access-Control-Allow-Origin"] = "*"  # open data: other sites' maps may read it
    patch_cache_control(
        response, max_age=GEOJSON_MAX_AGE, **({"public": True} if public else {"private": True})
    )
    return response
