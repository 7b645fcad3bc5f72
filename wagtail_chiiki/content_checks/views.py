"""Admin views: the fixes of a page (reviewed as a diff, saved as a new revision) and the site report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_chiiki.content_checks.config import rules_for_site
from wagtail_chiiki.content_checks.pages import apply_page_fixes, audit, latest_draft, planned_fixes
from wagtail_chiiki.content_checks.rows import HEADER, csv_values, report_rows
from wagtail_chiiki.feeds.responses import csv_download
from wagtail_chiiki.feeds.spreadsheet import csv_lines


@require_http_methods(["GET", "POST"])
def fix_page(request, page_id: int):
    """GET: the fixes the rules offer for the page's newest version, as a diff. POST: apply them."""
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    rule_ids = [rule for rule in request.POST.getlist("rule") or request.GET.getlist("rule") if rule]
    if request.method == "POST":
        revision = apply_page_fixes(page, request.user, rule_ids or None)
        if revision is None:
            messages.warning(request, _("There was nothing to fix."))
        else:
            messages.success(
                request,
                _("The fixes were saved as a new draft of '%(title)s'. Publish it to put them live.")
                % {"title": revision.object_str},
            )
        return redirect("wagtailadmin_pages:edit", page.id)
    draft = latest_draft(page)
    report, changes = planned_fixes(draft, rule_ids or None)
    remaining = [f for f in report.findings if not f.fixable]
    return TemplateResponse(
        request,
        "wagtail_chiiki/content_checks/fix.html",
        {
            "page": page,
            "draft": draft,
            "changes": changes,
            "remaining": [(report.rules.get(f.rule_id), f) for f in remaining],
            "rule_ids": rule_ids,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.id]),
        },
    )


def report(request):
    """Every live page the user may edit, with its findings; ``?rule=`` filters, ``?export=csv`` downloads."""
    pages = (
        PagePermissionPolicy()
        .instances_user_has_permission_for(request.user, "change")
        .live()
        .filter(depth__gt=1)
        .specific()
        .order_by("path")
    )
    rules = rules_for_site(None)
    rule_id = request.GET.get("rule", "")
    if rules.get(rule_id) is None:
        rule_id = ""
    reports = list(audit(pages, [rule_id] if rule_id else ()))
    rows = list(report_rows(reports))
    if request.GET.get("export") == "csv":
        lines = csv_lines([str(h) for h in HEADER], (csv_values(row) for row in rows))
        return csv_download(lines, filename="content-checks.csv")
    return TemplateResponse(
        request,
        "wagtail_chiiki/content_checks/report.html",
        {
            "rows": rows,
            "rules": list(rules),
            "rule_id": rule_id,
            "pages_checked": len(reports),
            "csv_query": f"?export=csv&rule={rule_id}" if rule_id else "?export=csv",
        },
    )
