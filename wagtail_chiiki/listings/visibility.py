"""The one rule deciding which pages a visitor may see named, and snippets in the reader's language.

A page may be named (listed, linked, exported, offered as a translation) when it is live, public
(no view restriction on it or an ancestor), in the request's site (or a given site, where no request
is at hand: an email) and, for listings, in the reader's locale. A reference from one page to another (an organizer, a page chooser) resolves to
the referenced page's translation in the reader's locale when that translation may be named, else
to the page itself when it may be, else to nothing: a draft or private translation is never used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin

from wagtail_chiiki.listings.common import active_locale, site_root_paths, site_roots

P = TypeVar("P", bound=Page)
T = TypeVar("T", bound=TranslatableMixin)


def restricted_q() -> Q:
    """Pages with a view restriction on themselves or an ancestor (login, password or groups).

    One subquery inside the page query, where Wagtail's ``public()`` reads every restriction first.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Q(Exists(restrictions))


def visible(
    pages: QuerySet[P],
    *,
    locale: Locale | None = None,
    request: HttpRequest | None = None,
    site: Site | None = None,
) -> QuerySet[P]:
    """``pages`` a visitor may see named: live and public; in ``locale`` if given; in the request's
    site, or in ``site`` where there is no request (an email names pages of the site it is about)."""
    pages = pages.filter(live=True).exclude(restricted_q())
    if locale is not None:
        pages = pages.filter(locale=locale)
    if request is not None or site is not None:
        pages = pages.filter(in_site_q(request, site=site))
    return pages


def in_site_q(request: HttpRequest | None, *, site: Site | None = None) -> Q:
    """Pages under the site root of the request (else of ``site``) in any of its languages; everything
    when no site serves the request."""
    roots = site_roots(request) if request is not None else site_root_paths(site)
    if roots is None:
        return Q()
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(path__startswith=path)
    return condition


def is_visible(page: Page | None, request: HttpRequest | None = None) -> bool:
    """Whether ``page`` may be named to a visitor (one query)."""
    if page is None:
        return False
    return visible(Page.objects.filter(pk=page.pk), request=request).exists()


def localize_pages(
    pages: Iterable[P | None],
    locale: Locale | None = None,
    request: HttpRequest | None = None,
    *,
    site: Site | None = None,
) -> dict[int, P]:
    """Map each referenced page's pk to what a visitor may see of it in ``locale`` (the active one by
    default): its visible translation, else itself if visible. Hidden references are left out. One
    query for any number of references. ``site`` stands for the request's site where there is none."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = locale or active_locale()
    model = type(pages[0]) if len({type(page) for page in pages}) == 1 else Page
    candidates = visible(
        model._default_manager.filter(
            Q(pk__in=[page.pk for page in pages])
            | Q(translation_key__in={page.translation_key for page in pages}, locale=locale)
        ),
        request=request,
        site=site,
    )
    by_pk: dict[int, P] = {}
    translated: dict = {}
    for candidate in candidates:
        by_pk[candidate.pk] = candidate
        if candidate.locale_id == locale.pk:
            translated[candidate.translation_key] = candidate
    result: dict[int, P] = {}
    for page in pages:
        found = translated.get(page.translation_key) or by_pk.get(page.pk)
        if found is not None:
            result[page.pk] = found
    return result


def resolve_page(
    page: P | None,
    locale: Locale | None = None,
    request: HttpRequest | None = None,
    *,
    site: Site | None = None,
) -> P | None:
    """One page reference (an organizer, a page chooser's value) as a visitor may see it, or None."""
    if page is None:
        return None
    return localize_pages([page], locale, request, site=site).get(page.pk)


def localize_one(obj: T | None, locale: Locale | None = None) -> T | None:
    """One snippet (a contact, a stage) in ``locale`` where translated; a page as ``resolve_page``."""
    return None if obj is None else localize_all([obj], locale).get(obj.pk)


def localize_all(objects: Iterable[T | None], locale: Locale | None = None) -> dict[int, T]:
    """Map each snippet's pk to its translation in ``locale`` (the active one by default), or itself.

    Snippets have no draft state; pages go through ``localize_pages``, which never picks a hidden
    translation."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    if isinstance(objects[0], Page):
        return localize_pages(objects, locale)
    locale = locale or active_locale()
    model = type(objects[0])
    pending = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    translations = {}
    if pending:
        translations = {
            obj.translation_key: obj
            for obj in model._default_manager.filter(translation_key__in=pending, locale=locale)
        }
    return {obj.pk: translations.get(obj.translation_key, obj) for obj in objects}


def visible_parent(page: Page) -> Page | None:
    """The parent of a page being served, if it is live (a live page can sit under a draft one).

    Whoever may see ``page`` passed every view restriction of its ancestors, so the parent is public
    to them; only its live state is left to check, on the parent treebeard keeps with the page.
    """
    parent = page.get_parent() if page.depth > 1 else None
    return parent if parent is not None and parent.live else None


def visible_ancestor(page: Page, model: type[P]) -> P | None:
    """The nearest live ancestor of a page being served that is a ``model``, or None (one query).

    As for ``visible_parent``, whoever may see ``page`` passed the view restrictions of its
    ancestors, and they are in its site unless above the site's root, where they have no URL."""
    return model._default_manager.ancestor_of(page).filter(live=True).order_by("-depth").first()
