"""``manage.py chiiki_purge_applications``: delete workshop applications past their retention period.

Run it daily (cron, a systemd timer). It prints counts only, never names.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail_chiiki.applications.retention import purge


class Command(BaseCommand):
    help = (
        "Deletes the workshop applications of series whose last session is older than the retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted; delete nothing."
        )
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Act as if today were YYYY-MM-DD."
        )

    def handle(self, *args, dry_run: bool = False, today: datetime.date | None = None, **options):
        done = purge(today or timezone.localdate(), dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        for item in done:
            self.stdout.write(f"series {item.series_id}: {verb} {item.applications} application(s)")
        self.stdout.write(
            f"{len(done)} series, {sum(item.applications for item in done)} application(s) {verb}"
        )
