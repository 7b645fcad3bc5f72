"""What makes the package's conditional responses and cached pages stale: the section version is
bumped when a package page is published, unpublished, moved or deleted, or a package snippet (or a
view restriction) is saved or deleted. With ``wagtail.contrib.frontend_cache`` installed, the pages
that list the section (and their feeds) and the changed page are purged from the front-end cache
too. Connected once, by ``apps.py``."""

from __future__ import annotations

from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_chiiki.models import (
    ActivityCategory,
    ActivityIndexPage,
    CommunityIndexPage,
    Contact,
    District,
    SupportStage,
    SupportStagesPage,
    WorkshopIndexPage,
)
from wagtail_chiiki.page_cache import PACKAGE
from wagtail_chiiki.versions import bump_section_version

#: Snippets the package's pages show: saving or deleting one changes pages everywhere in the section.
SNIPPETS = (District, ActivityCategory, Contact, SupportStage)
#: Pages that list others of the section: any change may change them, in every language.
LISTING_PAGES = (CommunityIndexPage, ActivityIndexPage, SupportStagesPage, WorkshopIndexPage)
FRONTEND_CACHE = "wagtail.contrib.frontend_cache"


def section_changed(page: Page | None = None) -> None:
    """Bump the version now, and again once the transaction commits: a page rendered in between
    from data not yet committed is then never served under the final version."""
    bump_section_version()
    transaction.on_commit(bump_section_version, robust=True)
    if apps.is_installed(FRONTEND_CACHE):
        transaction.on_commit(partial(purge_front_end, page), robust=True)


def purge_front_end(page: Page | None) -> None:
    """Purge ``page`` and every live listing page of the section, each with its routes, in one batch."""
    # Imported here: the module needs the app installed, which the package does not require.
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    if page is not None:
        batch.add_page(page)
    batch.add_pages(Page.objects.live().type(*LISTING_PAGES).specific().defer_streamfields())
    batch.purge()


def is_package(model) -> bool:
    return model._meta.app_label == PACKAGE


def on_page_change(sender, instance, **kwargs) -> None:
    if is_package(sender):
        section_changed(instance)


def on_page_move(sender, instance, **kwargs) -> None:
    """A move changes the addresses of the moved page and of every page under it."""
    if is_package(sender) or (
        Page.objects.descendant_of(instance).filter(content_type__app_label=PACKAGE).exists()
    ):
        section_changed()


def on_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and is_package(sender):
        section_changed(instance)
    elif is_package(sender) or sender is PageViewRestriction:
        section_changed()


def on_save(sender, instance, **kwargs) -> None:
    section_changed()


def connect() -> None:
    page_published.connect(on_page_change, dispatch_uid="wagtail_chiiki.published")
    page_unpublished.connect(on_page_change, dispatch_uid="wagtail_chiiki.unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="wagtail_chiiki.moved")
    post_delete.connect(on_delete, dispatch_uid="wagtail_chiiki.deleted")
    for model in (*SNIPPETS, PageViewRestriction):
        post_save.connect(on_save, sender=model, dispatch_uid=f"wagtail_chiiki.saved.{model.__name__}")
