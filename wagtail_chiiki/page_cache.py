"""Conditional requests and whole-page caching of the package's pages and feeds.

``conditional_serve`` wraps Wagtail's serving of a package page (an ``on_serve_page`` hook that runs
inside Wagtail's view-restriction check). Before anything is rendered it computes the ETag from the
section version (``versions.py``), the host, the path and query, the language and the day, and
answers 304 when the client has it. With ``WAGTAIL_CHIIKI["CACHE_PAGES"]`` it also keeps whole
responses in Django's cache under the same fingerprint, so a publish makes them fresh at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.versions import request_fingerprint, section_version

PACKAGE = "wagtail_chiiki"
#: Cached pages outlive their version only this long (seconds): freshness comes from the version
#: key, the timeout only returns the space of old versions.
CACHE_TIMEOUT = 24 * 60 * 60
#: Headers a cached response keeps; cookies and per-request headers are never stored.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Cache-Control",
    "Access-Control-Allow-Origin",
    "Vary",
)

Serve = Callable[[object, HttpRequest, tuple, dict], HttpResponseBase]


def applies_to(page, request: HttpRequest) -> bool:
    """Conditional answers and caching are for anonymous GET and HEAD requests of package pages."""
    user = getattr(request, "user", None)
    return (
        page._meta.app_label == PACKAGE
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
    )


def page_key(fingerprint: str) -> str:
    return f"{PACKAGE}:page:{fingerprint}"


def conditional_serve(serve: Serve) -> Serve:
    """The ``on_serve_page`` hook: a 304 before rendering, a cached copy when there is one."""

    def inner(page, request: HttpRequest, args: tuple, kwargs: dict) -> HttpResponseBase:
        if not applies_to(page, request):
            return serve(page, request, args, kwargs)
        fingerprint = request_fingerprint(request, section_version())
        etag = quote_etag(fingerprint)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            not_modified["ETag"] = etag
            return not_modified
        caching = chiiki_settings.CACHE_PAGES
        if caching:
            stored = cache.get(page_key(fingerprint))
            if stored is not None:
                return from_cache(stored, etag)
        response = serve(page, request, args, kwargs)
        if response.status_code != 200:
            return response
        response["ETag"] = etag
        if caching and not response.cookies and not page.get_view_restrictions().exists():
            store(response, page_key(fingerprint))
        return response

    return inner


def from_cache(stored: dict, etag: str) -> HttpResponse:
    response = HttpResponse(stored["content"], status=200)
    for name, value in stored["headers"].items():
        response[name] = value
    response["ETag"] = etag
    return response


def store(response: HttpResponseBase, key: str) -> None:
    """Keep ``response`` under ``key``; a streamed one once its last chunk has been sent."""
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    if not response.streaming:
        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(lambda rendered: store(rendered, key))
            return
        cache.set(key, {"headers": headers, "content": response.content}, CACHE_TIMEOUT)
        return

    chunks: list[bytes] = []

    def tee(content: Iterator[bytes]) -> Iterator[bytes]:
        for chunk in content:
            chunks.append(chunk)
            yield chunk
        cache.set(key, {"headers": headers, "content": b"".join(chunks)}, CACHE_TIMEOUT)

    response.streaming_content = tee(response.streaming_content)
