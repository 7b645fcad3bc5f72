"""A rate limit per client through Django's cache (local memory by default, Redis in production).

The client's address is kept only as a keyed hash in the cache key, and only for the window.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches

from wagtail_chiiki.conf import chiiki_settings


def client_key(request, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]
    return f"wagtail_chiiki:rate:{scope}:{digest}"


def allow(request, scope: str) -> bool:
    """Counts one attempt of the client; ``False`` once it made more than the limit in the window."""
    cache = caches[chiiki_settings.APPLICATION_CACHE]
    key = client_key(request, scope)
    window = chiiki_settings.APPLICATION_RATE_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= chiiki_settings.APPLICATION_RATE_LIMIT
