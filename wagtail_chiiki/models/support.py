"""The support stages page (活動段階に応じた支援): the city's role, the stages and who is at each, programs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from wagtail_chiiki.api import SnippetSerializer
from wagtail_chiiki.blocks import ContentStreamBlock, SupportStreamBlock
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.listings.common import active_locale
from wagtail_chiiki.listings.stages import stage_views
from wagtail_chiiki.listings.visibility import localize_one
from wagtail_chiiki.models.base import ChiikiPage, WithRelatedWords, edit_tabs
from wagtail_chiiki.models.snippets import Contact
from wagtail_chiiki.models.words import RelatedWordItem, related_words_field


class SupportStagesTag(RelatedWordItem):
    """The related words (関連ワード) of a support stages page."""

    content_object = ParentalKey(
        "wagtail_chiiki.SupportStagesPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class SupportStagesPage(WithRelatedWords, ChiikiPage):
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
    tags = related_words_field(
        SupportStagesTag, _("Words residents might search for, e.g. subsidy, community development vision.")
    )

    template = "wagtail_chiiki/pages/support_stages_page.html"
    subpage_types: list[str] = []

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("stages_note"),
        index.SearchField("body"),
        WithRelatedWords.related_words_search_field,
    ]
    api_fields = [
        APIField("intro"),
        APIField("stages_heading"),
        APIField("stages_note"),
        APIField("body"),
        APIField("contact", serializer=SnippetSerializer(Contact)),
        WithRelatedWords.related_words_api_field,
        APIField("update_history"),
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("stages_heading"),
        FieldPanel("stages_note"),
        FieldPanel("body"),
        FieldPanel("contact"),
        FieldPanel("tags"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("support stages page")
        verbose_name_plural = _("support stages pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = active_locale()
        context.update(
            stages=stage_views(request, locale, shown=chiiki_settings.STAGE_ORGANIZATIONS_SHOWN),
            contact=localize_one(self.contact, locale),
        )
        return context
