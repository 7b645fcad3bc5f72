"""The findings of an audit as table rows, for the admin report, its CSV and the audit command."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.content_checks.pages import PageReport
from wagtail_chiiki.content_rules import Finding, Rule


@dataclass(frozen=True)
class Row:
    """One finding on one page, with what a reader of the report needs to find it."""

    page_id: int
    page_title: str
    url: str
    language: str
    rule: Rule
    finding: Finding

    @property
    def severity_label(self) -> str:
        return str(SEVERITY_LABELS[self.finding.severity])


SEVERITY_LABELS = {"error": _("Error"), "warning": _("Warning")}

HEADER = (
    _("Page ID"),
    _("Page"),
    _("URL"),
    _("Language"),
    _("Rule"),
    _("Problem"),
    _("Severity"),
    _("Field"),
    _("Found text"),
    _("Fixable"),
)


def report_rows(reports: Iterable[PageReport], rule_id: str = "") -> Iterator[Row]:
    for report in reports:
        page = report.page
        url = page.get_url() or ""
        language = page.locale.language_code if getattr(page, "locale_id", None) else ""
        for found in report.findings:
            if rule_id and found.rule_id != rule_id:
                continue
            yield Row(page.pk, page.title, url, language, report.rules.get(found.rule_id), found)


def csv_values(row: Row) -> list[str]:
    """The cells of a row, in the order of ``HEADER``."""
    return [
        str(row.page_id),
        row.page_title,
        row.url,
        row.language,
        row.rule.id,
        str(row.rule.name),
        row.severity_label,
        row.finding.label,
        row.finding.excerpt,
        str(_("Yes") if row.finding.fixable else _("No")),
    ]
