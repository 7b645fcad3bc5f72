"""Every HTTP response of a feed or an export: the feeds make bytes or lines, this module serves them."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control

from wagtail_chiiki.feeds.spreadsheet import BOM

GEOJSON_CONTENT_TYPE = "application/geo+json"
#: How long browsers and shared caches may keep the GeoJSON feed, in seconds.
GEOJSON_MAX_AGE = 300


def csv_download(
    lines: Iterable[str], *, filename: str, encoding: str = "utf-8", private: bool = False
) -> StreamingHttpResponse:
    """A streamed download of CSV ``lines`` (from ``feeds.spreadsheet.csv_lines``) named ``filename``.

    ``encoding="cp932"`` serves Shift_JIS for older Japanese Excel (without the byte order mark;
    characters it lacks become ``?``); ``private`` forbids every cache to keep it (personal data).
    """
    if encoding == "cp932":
        body = (line.removeprefix(BOM).encode("cp932", errors="replace") for line in lines)
        charset = "shift_jis"
    else:
        body, charset = lines, "utf-8"
    response = StreamingHttpResponse(body, content_type=f"text/csv; charset={charset}")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if private:
        response["Cache-Control"] = "no-store"
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
