"""What makes the package's conditional responses and cached pages stale: the section version is
bumped when a package page is published, unpublished, moved or deleted, or a package snippet (or a
view restriction) is saved or deleted. Connected once, by ``apps.py``."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_chiiki.models import ActivityCategory, Contact, District, SupportStage
from wagtail_chiiki.page_cache import PACKAGE
from wagtail_chiiki.versions import bump_section_version

#: Snippets the package's pages show: saving or deleting one changes pages everywhere in the section.
SNIPPETS = (District, ActivityCategory, Contact, SupportStage)


def section_changed() -> None:
    """Bump the version now, and again once the transaction commits: a page rendered in between
    from data not yet committed is then never served under the final version."""
    bump_section_version()
    transaction.on_commit(bump_section_version, robust=True)


def is_package(model) -> bool:
    return model._meta.app_label == PACKAGE


def on_page_change(sender, instance, **kwargs) -> None:
    if is_package(sender):
        section_changed()


def on_page_move(sender, instance, **kwargs) -> None:
    """A move changes the addresses of the moved page and of every page under it."""
    if is_package(sender) or (
        Page.objects.descendant_of(instance).filter(content_type__app_label=PACKAGE).exists()
    ):
        section_changed()


def on_delete(sender, instance, **kwargs) -> None:
    if is_package(sender) or sender is PageViewRestriction:
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
