"""Kinds of external links an organization publishes, shared by the link rows and the social-links block."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkKind(models.TextChoices):
    WEBSITE = "website", _("Website")
    NOTE = "note", "note"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    X = "x", _("X (formerly Twitter)")
    YOUTUBE = "youtube", "YouTube"
    LINE = "line", "LINE"
    OTHER = "other", _("Other")


def is_external_url(url: str, host: str | None = None) -> bool:
    """True for an absolute http(s) link to another host than ``host`` (the site being served)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if host is None:
        return True
    return parts.hostname != urlsplit(f"//{host}").hostname


def tel_uri(phone: str) -> str:
    """A ``tel:`` link for a phone number as written (0242-39-1202 → tel:0242391202); empty without one."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
