"""The support stages page (活動段階に応じた支援): the city's role, the stages and who is at each, programs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from wagtail_chiiki.api import SnippetSerializer
from wagtail_chiiki.blocks import ContentStreamBlock, SupportStreamBlock
from wagtail_chiiki.listings.common import in_site_of
from wagtail_chiiki.listings.visibility import localize_all
from wagtail_chiiki.models.base import ChiikiPage, edit_tabs
from wagtail_chiiki.models.organizations import OrganizationPage
from wagtail_chiiki.models.snippets import Contact
from wagtail_chiiki.models.stages import SupportStage, one_per_number


def stages_for(locale: Locale) -> list[SupportStage]:
    """Every stage, ordered by number, in ``locale`` where translated (else the source), in one query."""
    chosen: dict = {}
    for stage in SupportStage.objects.order_by("number", "pk"):
        current = chosen.get(stage.translation_key)
        if current is None or (stage.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[stage.translation_key] = stage
    # Stages made separately in two languages may share a number: the reader's language wins.
    return one_per_number(sorted(chosen.values(), key=lambda stage: stage.locale_id != locale.pk))


class SupportStagesPage(ChiikiPage):
    """How the city supports organizations stage by stage, which organization is where, and the programs."""

    intro = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("The city's role: why it supports region management organizations and how."),
    )
    stages_heading = models.CharField(
        _("heading of the stages"),
        max_length=120,
        blank=True,
        help_text=_("Heading and table caption of the stages. Leave empty for “Support by stage”."),
    )
    stages_note = models.TextField(
        _("note on the stages"),
        blank=True,
        help_text=_(
            "Shown under the heading. The stages themselves are edited under Snippets › Support stages."
        ),
    )
    body = StreamField(
        SupportStreamBlock(),
        blank=True,
        verbose_name=_("support programs"),
        help_text=_("Subsidies, staffing programs and other support, after the stages."),
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the end of the page, e.g. the community development division."),
    )

    template = "wagtail_chiiki/pages/support_stages_page.html"
    subpage_types: list[str] = []

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("stages_note"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("stages_heading"),
        APIField("stages_note"),
        APIField("body"),
        APIField("contact", serializer=SnippetSerializer(Contact)),
        APIField("update_history"),
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("stages_heading"),
        FieldPanel("stages_note"),
        FieldPanel("body"),
        FieldPanel("contact"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("support stages page")
        verbose_name_plural = _("support stages pages")

    @classmethod
    def find_for(cls, request, locale: Locale) -> SupportStagesPage | None:
        """The live, public stages page of the request's site in ``locale``, if there is one."""
        pages = in_site_of(request, cls.objects.live().public().filter(locale=locale), locale)
        return pages.order_by("path").first()

    def organizations_by_stage(self, request, locale: Locale) -> dict[int, list[OrganizationPage]]:
        """Live, public organizations of this site in ``locale`` with a stage, by stage number."""
        organizations = in_site_of(
            request,
            OrganizationPage.objects.live()
            .public()
            .filter(locale=locale, stage__isnull=False)
            .select_related("stage")
            .defer_streamfields()
            .order_by("path"),
            locale,
        )
        grouped: dict[int, list[OrganizationPage]] = {}
        for organization in organizations:
            grouped.setdefault(organization.stage.number, []).append(organization)
        return grouped

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = Locale.get_active()
        stages = stages_for(locale)
        grouped = self.organizations_by_stage(request, locale)
        for stage in stages:
            stage.current_organizations = grouped.get(stage.number, [])
        contact = localize_all([self.contact], locale).get(self.contact_id) if self.contact_id else None
        context.update(stages=stages, contact=contact)
        return context
