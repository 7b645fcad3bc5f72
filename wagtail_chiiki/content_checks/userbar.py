"""The content rules inside Wagtail's own checker (the userbar and the page editor's checks panel).

Each rule with findings on the page becomes an axe rule ``chiiki-<rule id>`` with the rule's message;
its check is told the texts the server found (``needles``) and fails on the elements showing them.
The checks' evaluate functions are in ``wagtail_chiiki/js/content-checks.js``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django.forms import Media
from wagtail.admin.userbar import AccessibilityItem, ContentCheckerItem
from wagtail.models import Page

from wagtail_chiiki.content_checks.pages import PageReport, check_page
from wagtail_chiiki.content_rules import Severity

AXE_PREFIX = "chiiki-"
AXE_TAG = "chiiki"
# axe-core's tags (wcag2a, wcag21aa, best-practice, cat.forms, section508, EN-301-549 …).
_AXE_TAG = re.compile(r"^(wcag\d+a*|best-practice|experimental|section508|cat\.|ACT|TTv5|EN-|RGAA)")
IMPACT = {Severity.ERROR: "serious", Severity.WARNING: "moderate"}


def axe_rule_id(rule_id: str) -> str:
    return f"{AXE_PREFIX}{rule_id}"


class ChiikiChecksMixin:
    """Adds the findings of ``chiiki_report`` to a content checker item's axe configuration."""

    chiiki_report: PageReport

    def _chiiki_found(self) -> dict[str, tuple[Any, list[str]]]:
        found: dict[str, tuple[Any, list[str]]] = {}
        for finding in self.chiiki_report.findings:
            rule = self.chiiki_report.rules.get(finding.rule_id)
            if rule is None or rule.axe_equivalent or not rule.axe_match:
                continue
            needles = found.setdefault(rule.id, (rule, []))[1]
            if finding.excerpt not in needles:
                needles.append(finding.excerpt)
        return found

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        if not run_only or not self._chiiki_found():
            return run_only
        # runOnly takes rule ids or tags, never both: follow what the item gives.
        if all(_AXE_TAG.match(entry) for entry in run_only):
            return [*run_only, AXE_TAG]
        return [*run_only, *(axe_rule_id(rule_id) for rule_id in self._chiiki_found())]

    def get_axe_rules(self, request):
        rules = dict(super().get_axe_rules(request))
        for rule, needles in self._chiiki_found().values():
            check = f"{AXE_PREFIX}{rule.axe_match}"
            rules[axe_rule_id(rule.id)] = {
                "enabled": True,
                "checks": {check: {"options": {"needles": needles}}},
            }
        return rules

    def get_axe_custom_rules(self, request):
        ours = [
            {
                "id": axe_rule_id(rule.id),
                "impact": IMPACT[rule.severity],
                "selector": rule.axe_selector,
                "tags": [AXE_TAG],
                "any": [f"{AXE_PREFIX}{rule.axe_match}"],
                "enabled": True,
            }
            for rule, _needles in self._chiiki_found().values()
        ]
        return [*super().get_axe_custom_rules(request), *ours]

    def get_axe_custom_checks(self, request):
        matches = {rule.axe_match for rule, _needles in self._chiiki_found().values()}
        ours = [{"id": f"{AXE_PREFIX}{match}", "options": {"needles": []}} for match in sorted(matches)]
        return [*super().get_axe_custom_checks(request), *ours]

    def get_axe_messages(self, request):
        messages = dict(super().get_axe_messages(request))
        for rule, _needles in self._chiiki_found().values():
            messages[axe_rule_id(rule.id)] = {"error_name": rule.name, "help_text": rule.help}
        return messages

    @property
    def media(self):
        return super().media + Media(js=["wagtail_chiiki/js/content-checks.js"])


@cache
def _with_checks(base: type) -> type:
    # AccessibilityItem is ContentCheckerItem under a deprecated name: build on the latter.
    base = ContentCheckerItem if base is AccessibilityItem else base
    return type(f"Chiiki{base.__name__}", (ChiikiChecksMixin, base), {})


def add_content_checks(request, items: list, page) -> None:
    """``construct_wagtail_userbar``: every content checker item of a page's userbar gets the rules."""
    if not isinstance(page, Page):
        return
    report = None
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ChiikiChecksMixin):
            report = report or check_page(page)
            upgraded = _with_checks(type(item)).__new__(_with_checks(type(item)))
            upgraded.__dict__.update(item.__dict__)
            upgraded.chiiki_report = report
            items[index] = upgraded
