"""The section version: one key in Django's cache that changes whenever the package's content does.

Every conditional response (ETag) and every cached page of the package is keyed by it, so a
publish, unpublish, move or delete of a package page, or a change to a package snippet, makes them
all fresh at once, never by time alone. ``invalidation.py`` bumps it; nothing here queries the
database.
"""

from __future__ import annotations

import hashlib
import uuid

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.http import quote_etag
from django.utils.translation import get_language

VERSION_KEY = "wagtail_chiiki:section-version"


def section_version() -> str:
    """The current version; a new one is made (and kept with no expiry) when the cache has none."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_section_version() -> str:
    """Make every ETag and cached page of the package stale."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    return version


def request_fingerprint(request: HttpRequest, version: str | None = None) -> str:
    """What a response of the package depends on: the section version, the site's host, the path
    with its query, the language and the day (upcoming sessions change at midnight)."""
    parts = (
        version or section_version(),
        request.get_host(),
        request.get_full_path(),
        get_language() or "",
        timezone.localdate().isoformat(),
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def request_etag(request: HttpRequest, version: str | None = None) -> str:
    """The quoted ETag of ``request_fingerprint``."""
    return quote_etag(request_fingerprint(request, version))
