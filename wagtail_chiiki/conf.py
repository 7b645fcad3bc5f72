"""The package settings: one namespaced ``WAGTAIL_CHIIKI`` dict, read through ``chiiki_settings``.

Defaults::

    WAGTAIL_CHIIKI = {
        # Template every page template extends; it must define the blocks
        # ``title``, ``content``, ``extra_css`` and ``extra_js`` (as the one
        # ``wagtail start`` creates does).
        "BASE_TEMPLATE": "base.html",
        # "short" writes 令和6年6月21日(金), "long" writes 令和6年6月21日(金曜日).
        "WEEKDAY_STYLE": "short",
        # "wareki" writes Japanese dates in the era calendar (令和6年6月21日),
        # "gregorian" writes 2024年6月21日.
        "DATE_STYLE": "wareki",
        # The background of the organization map (docs/map.md): a tile URL template with {z}/{x}/{y}
        # (None or "" for no background), the source to credit as HTML, and the deepest zoom level.
        # The default is the standard map of the 地理院タイル (GSI tiles), which must be credited.
        "MAP_TILE_URL": "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png",
        "MAP_TILE_ATTRIBUTION": '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>',
        "MAP_MAX_ZOOM": 18,
        # The publisher of the open-data event list (docs/workshops.md): the 6-digit local
        # government code with its check digit, e.g. "072028", and the names, e.g. "福島県", "会津若松市".
        "OPEN_DATA_MUNICIPALITY_CODE": "",
        "OPEN_DATA_PREFECTURE": "",
        "OPEN_DATA_MUNICIPALITY": "",
        # Japanese content checks (docs/content-checks.md): rules switched on or off (or given a
        # severity), per site, extra rules, and whether errors block publishing.
        "CONTENT_CHECKS": {"RULES": {}, "SITES": {}, "EXTRA_RULES": [], "BLOCK_PUBLISH_ON_ERRORS": False},
        # Applications taken on a workshop series page (docs/workshops.md, "Applications"):
        # the privacy policy the form links to (a page id, or a URL or path), the days applications
        # are kept after a series' last session before `chiiki_purge_applications` deletes them,
        # "counts" to keep per-session counts or "delete" to keep nothing, the most people one
        # application may bring, the form posts one client may make per window (Django's cache
        # named by APPLICATION_CACHE), and the sender of the emails (None: DEFAULT_FROM_EMAIL).
        "APPLICATION_PRIVACY_POLICY": None,
        "APPLICATION_RETENTION_DAYS": 90,
        "APPLICATION_RETENTION": "counts",
        "APPLICATION_MAX_PEOPLE": 10,
        "APPLICATION_RATE_LIMIT": 10,
        "APPLICATION_RATE_WINDOW": 3600,
        "APPLICATION_CACHE": "default",
        "APPLICATION_FROM_EMAIL": None,
        # How many organization cards a page of the community index shows, and how many
        # organizations the stages page names at each stage (the rest: a link to the filtered index).
        "INDEX_PAGE_SIZE": 24,
        "STAGE_ORGANIZATIONS_SHOWN": 10,
        # Keep the package's public pages and feeds whole in Django's cache (docs/performance.md),
        # keyed by the section version, so a publish makes them fresh at once.
        "CACHE_PAGES": False,
    }
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.signals import setting_changed

DEFAULTS: dict[str, Any] = {
    "BASE_TEMPLATE": "base.html",
    "WEEKDAY_STYLE": "short",
    "DATE_STYLE": "wareki",
    "MAP_TILE_URL": "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png",
    "MAP_TILE_ATTRIBUTION": '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>',
    "MAP_MAX_ZOOM": 18,
    "OPEN_DATA_MUNICIPALITY_CODE": "",
    "OPEN_DATA_PREFECTURE": "",
    "OPEN_DATA_MUNICIPALITY": "",
    "CONTENT_CHECKS": {},
    "APPLICATION_PRIVACY_POLICY": None,
    "APPLICATION_RETENTION_DAYS": 90,
    "APPLICATION_RETENTION": "counts",
    "APPLICATION_MAX_PEOPLE": 10,
    "APPLICATION_RATE_LIMIT": 10,
    "APPLICATION_RATE_WINDOW": 3600,
    "APPLICATION_CACHE": "default",
    "APPLICATION_FROM_EMAIL": None,
    "INDEX_PAGE_SIZE": 24,
    "STAGE_ORGANIZATIONS_SHOWN": 10,
    "CACHE_PAGES": False,
}

CHOICES: dict[str, tuple[str, ...]] = {
    "WEEKDAY_STYLE": ("short", "long"),
    "DATE_STYLE": ("wareki", "gregorian"),
    "APPLICATION_RETENTION": ("counts", "delete"),
}


class ChiikiSettings:
    """Reads ``settings.WAGTAIL_CHIIKI`` lazily and falls back to ``DEFAULTS``."""

    def __init__(self) -> None:
        self._cache: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._cache is None:
            user = getattr(settings, "WAGTAIL_CHIIKI", {}) or {}
            unknown = set(user) - set(DEFAULTS)
            if unknown:
                raise ValueError(f"Unknown WAGTAIL_CHIIKI settings: {', '.join(sorted(unknown))}")
            merged = {**DEFAULTS, **user}
            for key, allowed in CHOICES.items():
                if merged[key] not in allowed:
                    raise ValueError(f"WAGTAIL_CHIIKI[{key!r}] must be one of {allowed}, not {merged[key]!r}")
            self._cache = merged
        return self._cache

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._load()[name]
        except KeyError:
            raise AttributeError(name) from None

    def reload(self) -> None:
        self._cache = None


chiiki_settings = ChiikiSettings()


def _reload(*, setting: str, **kwargs: Any) -> None:
    if setting == "WAGTAIL_CHIIKI":
        chiiki_settings.reload()


setting_changed.connect(_reload)
