"""``manage.py chiiki_roles``: sets up the city's roles and the moderation workflow; safe to run again."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Case, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from wagtail_chiiki.models import OrganizationPage
from wagtail_chiiki.roles import setup_organization_editors, setup_roles


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _(
            "Creates or completes the groups of city administrators, city editors and translators per "
            "language, and the workflow that sends organization editors' changes to city editors. With "
            "--organization, also gives that organization its editors' group and collection."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--organization",
            action="append",
            default=[],
            metavar="SLUG_OR_ID",
            help=gettext_lazy("An organization page (slug or id) to give its editors; may be repeated."),
        )
        parser.add_argument(
            "--editor",
            action="append",
            default=[],
            metavar="USERNAME",
            help=gettext_lazy("A user to add to the editors of the organization given; may be repeated."),
        )

    def handle(self, *args, organization: list[str], editor: list[str], verbosity: int, **options):
        if editor and len(organization) != 1:
            raise CommandError(_("Give exactly one --organization with --editor."))
        users = [self._user(username) for username in editor]
        pages = [self._organization(value) for value in organization]

        roles = setup_roles()
        lines = [roles.administrators.name, roles.editors.name, *(g.name for g in roles.translators.values())]
        lines.append(_("Workflow: %(name)s") % {"name": roles.workflow.name})
        for page in pages:
            team = setup_organization_editors(page, users)
            lines.append(
                _("%(group)s: %(page)s, %(series)d series, collection “%(collection)s”")
                % {
                    "group": team.group.name,
                    "page": page.title,
                    "series": len(team.series),
                    "collection": team.collection.name,
                }
            )
        if verbosity >= 1:
            for line in lines:
                self.stdout.write(f"  {line}")
            self.stdout.write(self.style.SUCCESS(_("Roles are set up.")))

    @staticmethod
    def _user(username: str):
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(_("No user %(username)s.") % {"username": username}) from None

    @staticmethod
    def _organization(value: str) -> OrganizationPage:
        # A slug may name the page in every language: the editors edit the one in the default language.
        pages = (
            OrganizationPage.objects.filter(pk=int(value))
            if value.isdigit()
            else OrganizationPage.objects.none()
        )
        default = Locale.get_default()
        page = (
            pages.first()
            or OrganizationPage.objects.filter(slug=value)
            .order_by(Case(When(locale=default, then=0), default=1), "path")
            .first()
        )
        if page is None:
            raise CommandError(_("No organization page %(value)s.") % {"value": value})
        return page
