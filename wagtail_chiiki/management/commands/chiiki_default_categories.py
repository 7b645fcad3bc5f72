"""``manage.py chiiki_default_categories``: adds the default activity categories; safe to run again."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from wagtail_chiiki.defaults import Action, DefaultCategoriesError, InstallReport, install_default_categories


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A str, not a lazy string: argparse runs the description through a regular expression.
        return _(
            "Adds the default activity categories (neighbourhood clean-up, disaster preparedness, "
            "community transport …) to the default locale, with translations in the site's Japanese and "
            "English locales. Categories that exist are kept as they are, so running it again is safe."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("Show what would be added without saving anything."),
        )

    def handle(self, *args, dry_run: bool, verbosity: int, **options):
        try:
            report = install_default_categories(dry_run=dry_run)
        except DefaultCategoriesError as error:
            raise CommandError(str(error)) from None

        if verbosity >= 1:
            self.write_outcomes(report)
        for locale in report.skipped_locales:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Skipped locale %(locale)s: there is no default wording in its language; "
                        "translate the categories in the admin."
                    )
                    % {"locale": describe(locale)}
                )
            )

        counts = {"created": report.created, "kept": report.kept}
        if dry_run:
            summary = _(
                "Dry run, nothing was saved. Activity categories to create: %(created)s, to keep: %(kept)s."
            )
        else:
            summary = _("Activity categories created: %(created)s, kept: %(kept)s.")
        self.stdout.write(self.style.SUCCESS(summary % counts))

    def write_outcomes(self, report: InstallReport) -> None:
        labels = {action: action.label for action in Action}
        if report.dry_run:
            labels[Action.CREATED] = _("would be created")
        for locale, outcomes in report.by_locale().items():
            heading = (
                _("Source locale %(locale)s:") if locale == report.source_locale else _("Locale %(locale)s:")
            )
            self.stdout.write(heading % {"locale": describe(locale)})
            for outcome in outcomes:
                row = {
                    "action": labels[outcome.action],
                    "slug": outcome.category.slug,
                    "name": outcome.category.name,
                }
                self.stdout.write("  " + _("%(action)s: %(slug)s (%(name)s)") % row)


def describe(locale: Locale) -> str:
    name = locale.get_display_name()
    return f"{name} ({locale.language_code})" if name else locale.language_code
