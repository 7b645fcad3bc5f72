"""Wagtail hooks of the content checks: the userbar checker, save and publish, admin views and menus.

Imported by the package's ``wagtail_hooks``, which is the module Wagtail loads.
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from wagtail_chiiki.content_checks import views
from wagtail_chiiki.content_checks.config import block_publish_on_errors
from wagtail_chiiki.content_checks.pages import PageReport, check_page
from wagtail_chiiki.content_checks.userbar import add_content_checks

hooks.register("construct_wagtail_userbar", add_content_checks)


def summary(report: PageReport) -> str:
    """One line naming what the rules found: counts, then each rule with how many times."""
    rules = ", ".join(f"{rule.name} ({count})" for rule, count in report.counts())
    return _("Content checks: %(errors)d errors and %(warnings)d warnings. %(rules)s") % {
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "rules": rules,
    }


def _fix_buttons(report: PageReport) -> list:
    if not report.fixable:
        return []
    return [messages.button(reverse("chiiki_content_fixes", args=[report.page.pk]), _("Review fixes"))]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def report_on_save(request, page):
    # Autosave asks for JSON: its messages would pile up unseen.
    if not request.accepts("text/html"):
        return None
    report = check_page(page)
    if report.findings:
        messages.warning(request, summary(report), buttons=_fix_buttons(report))
    return None


@hooks.register("before_publish_page")
def block_publishing_on_errors(request, page):
    """With ``BLOCK_PUBLISH_ON_ERRORS``, a page with errors is kept as a draft (warnings never block)."""
    if not block_publish_on_errors():
        return None
    report = check_page(page)
    if not report.errors:
        return None
    if page.live and page.first_published_at is None:
        # A page being created is saved live before this hook runs: keep it a draft.
        page.live = False
        page.has_unpublished_changes = True
        page.save(update_fields=["live", "has_unpublished_changes"], clean=False)
    messages.error(
        request,
        _("The page was saved as a draft but not published: fix the errors first. %(summary)s")
        % {"summary": summary(report)},
        buttons=_fix_buttons(report),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls")
def content_check_urls():
    return [
        path("chiiki/content-checks/", views.report, name="chiiki_content_report"),
        path("chiiki/content-checks/fix/<int:page_id>/", views.fix_page, name="chiiki_content_fixes"),
    ]


@hooks.register("register_reports_menu_item")
def content_report_menu_item():
    return MenuItem(
        gettext_lazy("Content checks"), reverse("chiiki_content_report"), icon_name="check", order=900
    )


@hooks.register("register_page_header_buttons")
def content_fixes_button(page, user, view_name, next_url=None):
    if page.pk and page.depth > 1 and view_name == "edit":
        yield Button(
            gettext_lazy("Content fixes"),
            reverse("chiiki_content_fixes", args=[page.pk]),
            icon_name="check",
            priority=90,
        )
