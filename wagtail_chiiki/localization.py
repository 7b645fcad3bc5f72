"""Show snippets in the reader's language without a query per item.

A translated page can still point at snippets of the source locale (many-to-many fields and inline
rows are copied as they are), so templates look names up through one query per model here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from wagtail.models import DraftStateMixin, Locale, Page, Site, TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)


def localize_all(objects: Iterable[T | None], locale: Locale | None = None) -> dict[int, T]:
    """Map each object's pk to its translation in ``locale`` (the active one by default), or itself.

    As Wagtail's ``.localized``: a translation that is not live (a page in draft) is not shown.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    locale = locale or Locale.get_active()
    model = type(objects[0])
    pending = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    translations = {}
    if pending:
        found = model._default_manager.filter(translation_key__in=pending, locale=locale)
        if issubclass(model, DraftStateMixin):
            found = found.filter(live=True)
        translations = {obj.translation_key: obj for obj in found}
    return {obj.pk: translations.get(obj.translation_key, obj) for obj in objects}


def site_root(request, locale: Locale) -> Page | None:
    """The root page of the request's site in ``locale`` (a translated site has one root per language)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale) or site.root_page
