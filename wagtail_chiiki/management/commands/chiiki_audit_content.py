"""``manage.py chiiki_audit_content``: checks every live page with the Japanese content rules."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_chiiki.content_checks.pages import audit
from wagtail_chiiki.content_checks.rows import HEADER, csv_values, report_rows
from wagtail_chiiki.feeds.spreadsheet import csv_lines


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _(
            "Checks the text of every live page with the content rules (machine-dependent characters, "
            "dates, link text …) and lists what they find."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rule", action="append", default=[], help=gettext_lazy("Only this rule (repeatable).")
        )
        parser.add_argument("--csv", action="store_true", help=gettext_lazy("Write the findings as CSV."))
        parser.add_argument(
            "--fail-on-errors",
            action="store_true",
            help=gettext_lazy("Exit with an error status when a page has an error."),
        )

    def handle(self, *args, rule: list[str], csv: bool, fail_on_errors: bool, **options):
        reports = list(audit(rule_ids=rule))
        rows = list(report_rows(reports))
        if csv:
            for line in csv_lines([str(h) for h in HEADER], (csv_values(r) for r in rows)):
                self.stdout.write(line, ending="")
        else:
            for row in rows:
                self.stdout.write(
                    f"{row.url or row.page_title}\t{row.rule.id}\t{row.severity_label}\t"
                    f"{row.finding.label}\t{row.finding.excerpt}"
                )
        errors = sum(len(report.errors) for report in reports)
        summary = _("%(pages)d pages checked: %(findings)d findings, %(errors)d errors.") % {
            "pages": len(reports),
            "findings": len(rows),
            "errors": errors,
        }
        (sys.stderr if csv else self.stdout).write(summary + "\n")
        if fail_on_errors and errors:
            raise CommandError(_("Content checks found errors."))
