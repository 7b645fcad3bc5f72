"""The demo content passes every content rule: its audit reports no finding, in either language."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from wagtail_chiiki.content_checks.pages import audit
from wagtail_chiiki.content_rules import PACKAGE_RULES

pytestmark = pytest.mark.django_db

EVERY_RULE = {"CONTENT_CHECKS": {"RULES": {rule.id: True for rule in PACKAGE_RULES}}}


def test_audit_command_reports_no_finding_on_the_demo(demo):
    out = io.StringIO()
    call_command("chiiki_audit_content", "--fail-on-errors", stdout=out)
    pages = Page.objects.live().filter(depth__gt=1).count()
    assert pages > 20
    assert out.getvalue().splitlines() == [
        f"{pages} pages checked: 0 findings, 0 errors."
    ] or out.getvalue().splitlines() == [f"{pages} ページを確認：問題 0 件、うちエラー 0 件。"]


@override_settings(WAGTAIL_CHIIKI=EVERY_RULE)
def test_demo_passes_every_rule_including_those_off_by_default(demo):
    reports = list(audit())
    assert {page.locale.language_code for page in (report.page for report in reports)} == {"ja", "en"}
    assert [(r.page.url_path, f.rule_id, f.excerpt) for r in reports for f in r.findings] == []
    assert len(reports[0].rules) == len(PACKAGE_RULES)
