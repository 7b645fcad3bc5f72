"""Links: the kinds an organization publishes, and which addresses may become an ``href`` at all."""

from __future__ import annotations

import html
import re
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


#: The hosts each kind of account lives on; a subdomain of one (www., m., page. …) counts too.
#: A kind not named here (a website, other) may be on any host.
KIND_HOSTS: dict[str, tuple[str, ...]] = {
    LinkKind.NOTE: ("note.com", "note.mu"),
    LinkKind.INSTAGRAM: ("instagram.com", "instagr.am"),
    LinkKind.FACEBOOK: ("facebook.com", "fb.com", "fb.me"),
    LinkKind.X: ("x.com", "twitter.com"),
    LinkKind.YOUTUBE: ("youtube.com", "youtu.be"),
    LinkKind.LINE: ("line.me", "lin.ee"),
}


def url_fits_kind(kind: str, url: str) -> bool:
    """Whether ``url`` is on a host of ``kind`` (see ``KIND_HOSTS``): ``instagram`` takes
    www.instagram.com, not facebook.com. Any address fits a kind without hosts of its own."""
    hosts = KIND_HOSTS.get(kind)
    if not hosts:
        return True
    try:
        host = (urlsplit(url or "").hostname or "").rstrip(".")
    except ValueError:
        return False
    return any(host == known or host.endswith("." + known) for known in hosts)


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


#: The only schemes rendered as links; anything else (javascript:, data:, vbscript: …) is plain text.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers drop ASCII tabs and newlines anywhere in a URL and C0 controls and spaces around it,
# so "java\nscript:" is javascript:. The scheme is read the same way here.
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(url: str) -> str:
    """The scheme a browser would read from ``url`` (lower case), or ``""`` for a relative address."""
    # Entities too: in rich text the address is HTML, where "&#106;avascript:" is javascript:.
    cleaned = _IGNORED_IN_URL.sub("", html.unescape(url or "")).strip(_C0_AND_SPACE)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def is_safe_url(url: str) -> bool:
    """True for an address that may be an ``href``: http, https, mailto, tel or relative."""
    scheme = url_scheme(url)
    return not scheme or scheme in SAFE_SCHEMES


def safe_url(url: str) -> str:
    """``url`` when it may be an ``href`` (see ``is_safe_url``), else ``""``: render it as text."""
    return url if url and is_safe_url(url) else ""
