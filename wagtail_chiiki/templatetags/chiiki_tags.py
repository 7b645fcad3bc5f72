"""Template tags for links: external links marked visibly and for screen readers, opened safely."""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site
from wagtail.rich_text import RichText, expand_db_html

from wagtail_chiiki.links import is_external_url, is_safe_url, safe_url
from wagtail_chiiki.listings.visibility import visible

register = template.Library()

# Rich text stores links to other sites as bare ``<a href="…">`` elements.
_EXTERNAL_ANCHOR = re.compile(r'<a href="(https?://[^"]+)">(.*?)</a>', re.DOTALL)
# Any href or xlink:href in rich text, quoted either way, to drop those with an unsafe scheme.
_HREF = re.compile(r"""\s(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _request_host(context) -> str | None:
    request = context.get("request")
    try:
        return request.get_host() if request is not None else None
    except Exception:  # a disallowed Host header must not break rendering
        return None


def external_link_html(url: str, text: str) -> SafeString:
    """An anchor to another site: new tab, no opener, an icon and a hidden note for screen readers."""
    return format_html(
        '<a class="chiiki-link chiiki-link--external" href="{}" target="_blank" rel="noopener noreferrer">'
        '{}<span class="chiiki-external-icon" aria-hidden="true"></span>'
        '<span class="chiiki-visually-hidden">{}</span></a>',
        url,
        text,
        _("(external site, opens in a new tab)"),
    )


@register.simple_tag(takes_context=True)
def chiiki_link(context, url: str, text: str, css_class: str = "") -> SafeString:
    """``{% chiiki_link url text %}``: an external link is marked, a link within the site is plain.

    An address with another scheme than http, https, mailto or tel (``javascript:`` …) is no link:
    only ``text`` is shown.
    """
    url = safe_url(url)
    if not url:
        return format_html("{}", text)
    if is_external_url(url, _request_host(context)):
        return external_link_html(url, text)
    classes = " ".join(["chiiki-link", *css_class.split()])
    return format_html('<a class="{}" href="{}">{}</a>', classes, url, text)


@register.simple_tag(takes_context=True)
def chiiki_link_to(context, link) -> SafeString:
    """``{% chiiki_link_to value %}``: a link block's value, to a page of the site or a web address."""
    return chiiki_link(context, link.href, link.get("text", ""))


def richtext_html(value, host: str | None = None) -> SafeString:
    """Rich text expanded like Wagtail's ``richtext``, its links to hosts other than ``host`` marked."""
    if value is None:
        return mark_safe("")
    html = value.source if isinstance(value, RichText) else str(value)
    html = _HREF.sub(_drop_unsafe_href, expand_db_html(html))

    def mark(match: re.Match) -> str:
        url = match.group(1).replace("&amp;", "&")
        if not is_external_url(url, host):
            return match.group(0)
        return external_link_html(url, mark_safe(match.group(2)))

    return mark_safe(_EXTERNAL_ANCHOR.sub(mark, html))


def _drop_unsafe_href(match: re.Match) -> str:
    # Rich text saved by code (importers, a demo loader) is not cleaned by the editor's converter.
    url = next(group for group in match.groups() if group is not None)
    return match.group(0) if is_safe_url(url) else ""


@register.filter(name="chiiki_safe_url")
def chiiki_safe_url(url: str) -> str:
    """``{{ url|chiiki_safe_url }}``: the address if it may be an href (see ``links.is_safe_url``), else ""."""
    return safe_url(url)


@register.filter
def chiiki_local_url(url: str, request) -> str:
    """``{{ url|chiiki_local_url:request }}``: a full address on the site serving ``request`` made
    root-relative, so links within a site work under every host name it answers to."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_url if site is not None else ""
    if root and url and url.startswith(root + "/"):
        return url[len(root) :]
    return url


@register.filter
def chiiki_richtext(value) -> SafeString:
    """``{{ value|chiiki_richtext }}``: rich text whose absolute links are all marked as external.

    Prefer the tag ``{% chiiki_richtext value %}`` in a page: it knows the host serving the page, so
    absolute links to this very site stay plain.
    """
    return richtext_html(value)


@register.simple_tag(takes_context=True, name="chiiki_richtext")
def chiiki_richtext_tag(context, value) -> SafeString:
    """``{% chiiki_richtext value %}``: rich text with its links to other sites marked as external."""
    return richtext_html(value, _request_host(context))


def _live_versions(page) -> list:
    """``page`` and its translations a visitor may see (live and public), with their locales, in one
    query per page and request."""
    if page is None or not hasattr(page, "get_translations"):
        return []
    # Kept on the page object, which lives as long as the request: the <head> links and the
    # language switch both ask.
    if "_chiiki_live_versions" not in page.__dict__:
        page._chiiki_live_versions = list(
            visible(type(page).objects.filter(translation_key=page.translation_key))
            .select_related("locale")
            .order_by("locale__language_code")
        )
    return page._chiiki_live_versions


@register.simple_tag
def chiiki_translations(page) -> list:
    """The live translations of ``page`` with their locales, in one query: ``{% chiiki_translations page as t %}``."""
    return [version for version in _live_versions(page) if version.pk != page.pk]


@register.inclusion_tag("wagtail_chiiki/includes/hreflang.html", takes_context=True)
def chiiki_hreflang(context, page) -> dict:
    """``<link rel="alternate" hreflang>`` for ``page`` in each language it is live in, and x-default."""
    request = context.get("request")
    links = [
        (version.locale.language_code, url)
        for version in _live_versions(page)
        if (url := version.get_full_url(request))
    ]
    if len(links) < 2:
        return {"links": []}
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    fallback = next((url for code, url in links if code == default), links[0][1])
    return {"links": links, "x_default": fallback}
