"""``manage.py chiiki_setup``: checks the settings, sets up locales and categories, builds the pages."""

from __future__ import annotations

from django.core.checks import ERROR, run_checks
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from wagtail_chiiki.management.commands.chiiki_default_categories import Command as CategoriesCommand
from wagtail_chiiki.site_setup import SetupError, set_up_site


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A str, not a lazy string: argparse runs the description through a regular expression.
        return _(
            "Sets a site up for wagtail-chiiki: reports the system checks, relabels or adds locales, adds "
            "the default activity categories in every locale and, with --pages-under, the section's pages "
            "as drafts in every language. What exists is kept, so running it again is safe."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("Show what would be done without saving anything."),
        )
        parser.add_argument(
            "--relabel",
            action="append",
            default=[],
            metavar="OLD=NEW",
            help=gettext_lazy(
                "Give the locale OLD the language code NEW, with all its pages and snippets, e.g. en=ja for "
                "a Japanese site that was migrated while LANGUAGE_CODE was still English. Repeatable."
            ),
        )
        parser.add_argument(
            "--pages-under",
            metavar="PAGE",
            help=gettext_lazy(
                "Build the section (community index with its map, activity list, support stages page, "
                "workshop index) under this page: its id or its URL path, e.g. / or /town/."
            ),
        )

    def handle(
        self, *args, dry_run: bool, relabel: list[str], pages_under: str | None, verbosity: int, **options
    ):
        self.report_checks()
        try:
            pairs = dict(pair.split("=", 1) for pair in relabel)
        except ValueError:
            raise CommandError(_("--relabel takes OLD=NEW, e.g. en=ja.")) from None
        parent = find_parent(pages_under) if pages_under else None
        try:
            report = set_up_site(relabel=pairs, parent=parent, dry_run=dry_run)
        except SetupError as error:
            raise CommandError(str(error)) from None
        for line in report.locales + report.pages:
            self.stdout.write("  " + line)
        if report.categories is not None and verbosity >= 1:
            CategoriesCommand(stdout=self.stdout, stderr=self.stderr).write_outcomes(report.categories)
        if dry_run:
            self.stdout.write(self.style.SUCCESS(_("Dry run, nothing was saved.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("The site is set up for wagtail-chiiki.")))

    def report_checks(self) -> None:
        """The package's system checks, the locale one included; the setup goes on and may fix that one."""
        for message in run_checks(databases=["default"]):
            if not (message.id or "").startswith("wagtail_chiiki."):
                continue
            style = self.style.ERROR if message.level >= ERROR else self.style.WARNING
            self.stdout.write(style(f"{message.id}: {message.msg}"))
            if message.hint:
                self.stdout.write(f"    {message.hint}")


def find_parent(value: str) -> Page:
    """A page by id, or by its URL path in the default site (``/`` is the site's root page)."""
    page = None
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
    elif (site := Site.objects.filter(is_default_site=True).select_related("root_page").first()) is not None:
        path = "/".join(part for part in value.split("/") if part)
        url_path = site.root_page.url_path + (path + "/" if path else "")
        page = Page.objects.filter(url_path=url_path, locale_id=site.root_page.locale_id).first()
    if page is None or page.is_root():
        raise CommandError(_("No page %(page)s to build the section under.") % {"page": value})
    return page
