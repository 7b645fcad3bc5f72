"""The page chooser of an organization's editors: live, public pages of their own site and the pages
they edit, nothing else (image and document choosers follow collection permissions, see roles.py)."""

from __future__ import annotations

from django.db.models import F, Q
from django.http import Http404
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_chiiki.roles import is_organization_editor


def own_pages(user):
    """The pages the user may edit."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add", "change", "publish"})


def choosable_pages(user):
    """Pages an organization editor may see in the page chooser.

    Live public pages of the sites of their own pages (in every language), unless a new title waits
    for publishing (the chooser shows the newest title), plus their own pages and drafts.
    """
    own = own_pages(user)
    root_paths = {page.path[: 2 * Page.steplen] for page in own}
    keys = Page.objects.filter(depth=2, path__in=root_paths).values("translation_key")
    roots = Page.objects.filter(depth=2, translation_key__in=keys)
    sites = Q()
    for root in roots:
        sites |= Q(path__startswith=root.path)
    if not sites:
        return Page.objects.none()
    published = Page.objects.live().public().filter(title=F("draft_title")).filter(sites)
    return Page.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=published.values("pk")))


def limit_page_chooser(pages, request):
    """``construct_page_chooser_queryset``: narrows the chooser for organization editors."""
    if not is_organization_editor(request.user):
        return pages
    allowed = choosable_pages(request.user)
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    # The browse view shows the page it browses above the list: it must be one the editor may see.
    if (
        parent_id is not None
        and not Page.objects.filter(pk=parent_id).filter(Q(depth=1) | Q(pk__in=allowed.values("pk"))).exists()
    ):
        raise Http404
    return pages.filter(pk__in=allowed.values("pk"))
