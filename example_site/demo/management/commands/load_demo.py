"""``manage.py load_demo``: builds the demo site (Japanese and English); safe to run again."""

from django.core.management.base import BaseCommand

from example_site.demo.accounts import accounts_text
from example_site.demo.loader import DemoLoader, counts


class Command(BaseCommand):
    help = (
        "Loads a demo of wagtail-chiiki: a home page, the community index, six region management "
        "organizations with their districts, activities and contact, images, a PDF flyer, English "
        "translations made with wagtail-localize, an admin user admin/admin, a city editor and one editor per "
        "organization with the moderation workflow. Running it again "
        "updates the demo in place and duplicates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname", default="localhost", help="Hostname of the demo site (default: localhost)."
        )
        parser.add_argument("--port", type=int, default=80, help="Port of the demo site (default: 80).")

    def handle(self, *args, hostname, port, verbosity, **options):
        log = self.stdout.write if verbosity >= 1 else None
        report = DemoLoader(hostname=hostname, port=port, log=log).run()

        if verbosity >= 2:
            for line in report.lines:
                self.stdout.write(f"  {line}")
        summary = ", ".join(f"{count} {action}" for action, count in sorted(report.actions.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {summary}."))
        for name, count in counts().items():
            self.stdout.write(f"  {name}: {count}")
        if report.missing_english:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.missing_english)} texts have no English (see the warning above)."
                )
            )
        self.stdout.write(
            "\nRun `python example_site/manage.py runserver` and open:\n"
            "  http://127.0.0.1:8000/          (日本語)\n"
            "  http://127.0.0.1:8000/en/       (English)\n"
            "  http://127.0.0.1:8000/admin/    (log in as admin / admin)\n"
        )
        self.stdout.write(accounts_text() + "\n")
