"""What ``manage.py chiiki_setup`` does to a site: locales, default categories and the section's pages.

Each step adds what is missing and keeps what exists, so running it again changes nothing. The page
tree is made as drafts in the parent's language and, through wagtail-localize, in every other
locale, with the page titles in each language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import get_supported_language_variant, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from wagtail_chiiki.defaults import InstallReport, install_default_categories, language_of
from wagtail_chiiki.models import ActivityIndexPage, CommunityIndexPage, SupportStagesPage, WorkshopIndexPage


class SetupError(Exception):
    """The site cannot be set up as asked (the message says why and what to do)."""


@dataclass(frozen=True)
class SectionPage:
    """One page of the section: its type, slug in the source language and default title."""

    model: type[Page]
    slug: str
    title: str  # a lazy msgid, rendered in each locale's language


# The community index first: the other pages go under it (its map is its own `map/` route).
SECTION = (
    SectionPage(
        CommunityIndexPage, "chiiki", pgettext_lazy("default page title", "Region management organizations")
    ),
    SectionPage(ActivityIndexPage, "activities", pgettext_lazy("default page title", "Activity list")),
    SectionPage(SupportStagesPage, "support", pgettext_lazy("default page title", "Support by stage")),
    SectionPage(WorkshopIndexPage, "workshops", pgettext_lazy("default page title", "Workshops")),
)


@dataclass
class SetupReport:
    """What was done (or, on a dry run, would be done), as lines for the command to print."""

    dry_run: bool
    locales: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    categories: InstallReport | None = None


def title_in(section_page: SectionPage, locale: Locale) -> str:
    with translation.override(language_of(locale)):
        return str(section_page.title)


def set_up_locales(report: SetupReport, relabel: dict[str, str]) -> None:
    """Relabels locales as asked, then adds a locale for every content language that has none."""
    for old, new in relabel.items():
        if Locale.objects.filter(language_code=new).exists():
            # Relabelled on an earlier run, or the site has both languages: nothing to relabel.
            report.locales.append(
                _("kept the locales: the site has %(new)s already, so %(old)s was not relabelled")
                % {"old": old, "new": new}
            )
            continue
        locale = Locale.objects.filter(language_code=old).first()
        if locale is None:
            raise SetupError(_("There is no locale %(old)s to relabel.") % {"old": old})
        locale.language_code = new
        locale.save()
        report.locales.append(_("relabelled locale %(old)s as %(new)s") % {"old": old, "new": new})
    existing = set(Locale.objects.values_list("language_code", flat=True))
    for code, _name in get_content_languages().items():
        if code not in existing:
            Locale.objects.create(language_code=code)
            report.locales.append(_("added locale %(code)s") % {"code": code})


def build_section(report: SetupReport, parent: Page) -> None:
    """The section's pages under ``parent`` as drafts, then their translations in every other locale."""
    index = ensure_child(report, parent, SECTION[0])
    pages = [index, *(ensure_child(report, index, item) for item in SECTION[1:])]
    for locale in Locale.objects.exclude(pk=parent.locale_id).order_by("language_code"):
        if not parent.has_translation(locale):
            # As wagtail-localize's locale synchronisation does: the parent's translation follows its source.
            parent.copy_for_translation(locale, copy_parents=True, alias=True)
            report.pages.append(
                _("added %(title)s in %(locale)s as an alias of its source")
                % {"title": parent.title, "locale": locale.language_code}
            )
        for page, item in zip(pages, SECTION, strict=True):
            if not page.has_translation(locale):
                translate_draft(page, locale, title_in(item, locale))
                report.pages.append(
                    _("added the %(locale)s draft of %(title)s")
                    % {"locale": locale.language_code, "title": page.title}
                )


def ensure_child(report: SetupReport, parent: Page, item: SectionPage) -> Page:
    """The parent's child of this type, made as a draft when it has none."""
    existing = item.model.objects.child_of(parent).first()
    if existing is not None:
        report.pages.append(_("kept %(title)s") % {"title": existing.title})
        return existing
    page = item.model(title=title_in(item, parent.locale), slug=item.slug, locale=parent.locale, live=False)
    parent.add_child(instance=page)
    page.save_revision()
    report.pages.append(_("added the draft %(title)s") % {"title": page.title})
    return page


def translate_draft(page: Page, locale: Locale, title: str) -> None:
    """A wagtail-localize translation of the page as a draft, its title already translated."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation_record, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation_record.export_po()
    for entry in po:
        if entry.msgid == page.title and title != page.title:
            entry.msgstr = title
    translation_record.import_po(po)
    translation_record.save_target(publish=False)


@transaction.atomic
def set_up_site(*, relabel: dict[str, str], parent: Page | None, dry_run: bool) -> SetupReport:
    """Locales, then the default categories in every locale, then (given a parent) the section's pages."""
    report = SetupReport(dry_run=dry_run)
    set_up_locales(report, relabel)
    default_code = get_supported_language_variant(settings.LANGUAGE_CODE)
    if not Locale.objects.filter(language_code=default_code).exists():
        raise SetupError(
            _(
                "There is no locale for LANGUAGE_CODE %(code)s: relabel the site's locale with "
                "--relabel OLD=%(code)s, or add %(code)s to WAGTAIL_CONTENT_LANGUAGES."
            )
            % {"code": default_code}
        )
    report.categories = install_default_categories(every_locale=True)
    if parent is not None:
        build_section(report, parent.specific)
    if dry_run:
        transaction.set_rollback(True)
    return report
