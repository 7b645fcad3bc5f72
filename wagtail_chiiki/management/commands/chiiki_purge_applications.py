"""``manage.py chiiki_purge_applications``: delete workshop applications past their retention period.

Run it daily (cron, a systemd timer). It prints counts only, never names.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail_chiiki.applications.retention import purge


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _(
            "Deletes the workshop applications of series whose last session is older than the retention period."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("Say what would be deleted; delete nothing.")
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help=gettext_lazy("Act as if today were YYYY-MM-DD."),
        )

    def handle(self, *args, dry_run: bool = False, today: datetime.date | None = None, **options):
        done = purge(today or timezone.localdate(), dry_run=dry_run)
        for item in done:
            if dry_run:
                line = ngettext(
                    "Series %(series)s: %(count)d application would be deleted.",
                    "Series %(series)s: %(count)d applications would be deleted.",
                    item.applications,
                )
            else:
                line = ngettext(
                    "Series %(series)s: %(count)d application deleted.",
                    "Series %(series)s: %(count)d applications deleted.",
                    item.applications,
                )
            self.stdout.write(line % {"series": item.series_id, "count": item.applications})
        total = sum(item.applications for item in done)
        if dry_run:
            summary = ngettext(
                "%(series)d series, %(count)d application would be deleted in all.",
                "%(series)d series, %(count)d applications would be deleted in all.",
                total,
            )
        else:
            summary = ngettext(
                "%(series)d series, %(count)d application deleted in all.",
                "%(series)d series, %(count)d applications deleted in all.",
                total,
            )
        self.stdout.write(summary % {"series": len(done), "count": total})
