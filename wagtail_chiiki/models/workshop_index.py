"""The upcoming sessions of every workshop series of the site, with a site-wide calendar and CSV."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.listings.workshops import site_series, upcoming_page
from wagtail_chiiki.models.base import ChiikiPage, WithRelatedWords, edit_tabs
from wagtail_chiiki.models.words import RelatedWordItem, related_words_field
from wagtail_chiiki.models.workshops import WorkshopFeeds
from wagtail_chiiki.schedule import Series


class WorkshopIndexTag(RelatedWordItem):
    """The related words (関連ワード) of a workshop index page."""

    content_object = ParentalKey(
        "wagtail_chiiki.WorkshopIndexPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class WorkshopIndexPage(WorkshopFeeds, WithRelatedWords, ChiikiPage):
    """Lists the sessions to come of the live, public workshop series of its site, in its language."""

    intro = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("Shown above the list, e.g. how to take part in workshops."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("sessions per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text=_("Between 5 and 100."),
    )
    tags = related_words_field(WorkshopIndexTag, _("Words residents might search for, e.g. workshop, event."))

    template = "wagtail_chiiki/pages/workshop_index_page.html"
    subpage_types = ["wagtail_chiiki.WorkshopSeriesPage"]

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("intro"),
        WithRelatedWords.related_words_search_field,
    ]
    api_fields = [APIField("intro"), APIField("page_size"), WithRelatedWords.related_words_api_field]
    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("page_size"),
        FieldPanel("tags"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("workshop index page")
        verbose_name_plural = _("workshop index pages")

    def feed_series(self, request) -> list[Series]:
        """Every series a visitor may see in this page's site and language, with all their sessions."""
        return site_series(request, self.locale)

    def csv_filename(self) -> str:
        return "workshops.csv"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming = upcoming_page(request, self.locale, timezone.localdate(), per_page=self.page_size)
        context.update(
            **upcoming,
            query_string="",
            **self.feed_urls(request),
        )
        return context
