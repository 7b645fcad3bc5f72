"""The sections a community index links to: its activity list, the support stages, the workshops."""

from __future__ import annotations

from django.apps import apps
from django.http import HttpRequest
from wagtail.models import Locale, Page

from wagtail_chiiki.listings.common import in_site_of
from wagtail_chiiki.listings.stages import PageLink
from wagtail_chiiki.listings.visibility import visible

#: The page types an index links to, in the order the links show.
RELATED_TYPES = ("ActivityIndexPage", "SupportStagesPage", "WorkshopIndexPage")


def related_sections(index: Page, request: HttpRequest | None, locale: Locale) -> tuple[PageLink, ...]:
    """The first visible page of each related type in the index's site and ``locale``, in one query;
    the activity list of this index is preferred to another one."""
    models = [apps.get_model("wagtail_chiiki", name) for name in RELATED_TYPES]
    pages = in_site_of(request, visible(Page.objects.type(*models), locale=locale), locale)
    pages = pages.select_related("content_type").order_by("path")
    first: dict[str, Page] = {}
    for page in pages:
        name = page.content_type.model_class().__name__
        below_index = page.path.startswith(index.path)
        if name not in first or (below_index and not first[name].path.startswith(index.path)):
            first[name] = page
    return tuple(
        PageLink(first[name].title, first[name].get_url(request) or "")
        for name in RELATED_TYPES
        if name in first
    )
