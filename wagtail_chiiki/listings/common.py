"""What every listing shares: the page asked for, the site and language scope, de-duplication."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.paginator import Paginator
from django.core.signals import request_finished, request_started
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, QueryDict
from django.utils import translation
from wagtail.models import Locale, Page, Site

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def first_wins(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    """``items`` keyed by ``key``, in order; where two share a key (a translation and its source,
    two pages with one slug), the first wins."""
    found: dict[K, T] = {}
    for item in items:
        found.setdefault(key(item), item)
    return found


# -- pages of a list ------------------------------------------------------------------------------


def page_number(value: str | None, last: int) -> int:
    """Page 1 for anything that is not a positive whole number; a 404 past the last page."""
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    if number < 1:
        return 1
    if number > last:
        raise Http404
    return number


def pagination(paginator: Paginator, request: HttpRequest) -> dict:
    """The page of ``paginator`` that ``?page=`` asks for, and what includes/pagination.html shows."""
    page = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    return {
        "paginator": paginator,
        "page_obj": page,
        "page_numbers": list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
    }


def route_url(page: Page, name: str, request: HttpRequest | None = None) -> str:
    """The address of a named route of a routable page, e.g. its ``geojson/`` feed: relative to the
    site serving ``request``, so it works under any host name that site answers to."""
    return (page.get_url(request) or "") + page.reverse_subpage(name)


def query_string_without(query: QueryDict, *names: str) -> str:
    """``query`` encoded without the parameters ``names``: the other filters a link keeps."""
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


# -- site and language ----------------------------------------------------------------------------

#: The locales already looked up during the current request, by language code (None outside one).
_request_locales: ContextVar[dict[str, Locale] | None] = ContextVar("chiiki_request_locales", default=None)


def _forget_request_locales(**kwargs) -> None:
    _request_locales.set(None)


def _start_request_locales(**kwargs) -> None:
    _request_locales.set({})


request_started.connect(_start_request_locales, dispatch_uid="wagtail_chiiki_request_locales")
request_finished.connect(_forget_request_locales, dispatch_uid="wagtail_chiiki_forget_locales")


@contextmanager
def locales_kept() -> Iterator[None]:
    """Keeps the locales looked up inside the block, as a request does (for rendering outside one)."""
    token = _request_locales.set({})
    try:
        yield
    finally:
        _request_locales.reset(token)


def active_locale() -> Locale:
    """``Locale.get_active()``, looked up once per request: a page, its listings and every block of
    its streams ask for it, and each lookup is a query. Outside a request it is not kept."""
    memo = _request_locales.get()
    if memo is None:
        return Locale.get_active()
    code = translation.get_language() or ""
    if code not in memo:
        memo[code] = Locale.get_active()
    return memo[code]


def site_root(request: HttpRequest, locale: Locale) -> Page | None:
    """The root page of the request's site in ``locale`` (a translated site has one root per language)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale) or site.root_page


def site_roots(request: HttpRequest) -> list[str] | None:
    """The tree paths of the request's site root in every language; None when no site serves it.

    Read once per request (kept on it): every reference of a page goes through it."""
    cached = getattr(request, "_chiiki_site_roots", False)
    if cached is not False:
        return cached
    site = Site.find_for_request(request)
    roots = None if site is None else site_root_paths(site)
    request._chiiki_site_roots = roots
    return roots


def site_root_paths(site: Site) -> list[str]:
    """The tree paths of ``site``'s root page in every language (one query)."""
    root = site.root_page
    paths = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
    return list(paths) or [root.path]


def in_site_of(request: HttpRequest, pages: QuerySet, locale: Locale) -> QuerySet:
    """``pages`` below the request's site root in ``locale``."""
    root = site_root(request, locale)
    return pages if root is None else pages.descendant_of(root, inclusive=True)
