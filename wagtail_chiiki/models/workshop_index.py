"""The upcoming sessions of every workshop series of the site, with a site-wide calendar and CSV."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.models.activities import pagination
from wagtail_chiiki.models.base import ChiikiPage, edit_tabs, route_url
from wagtail_chiiki.models.sessions import WorkshopSession
from wagtail_chiiki.models.support import in_site_of
from wagtail_chiiki.models.workshop_data import csv_response, ical_response, series_values, upcoming_sessions
from wagtail_chiiki.models.workshops import WorkshopSeriesPage


class WorkshopIndexPage(RoutablePageMixin, ChiikiPage):
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

    template = "wagtail_chiiki/pages/workshop_index_page.html"
    subpage_types = ["wagtail_chiiki.WorkshopSeriesPage"]

    search_fields = [*ChiikiPage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("page_size")]
    content_panels = [*ChiikiPage.content_panels, FieldPanel("intro"), FieldPanel("page_size")]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("workshop index page")
        verbose_name_plural = _("workshop index pages")

    def series_pages(self, request):
        """Live, public workshop series of the request's site in this page's language."""
        pages = WorkshopSeriesPage.objects.live().public().filter(locale_id=self.locale_id)
        return (
            in_site_of(request, pages, self.locale)
            .select_related("organizer", "contact", "locale")
            .order_by("path")
        )

    def all_series(self, request):
        pages = list(self.series_pages(request))
        sessions = WorkshopSession.objects.filter(page__in=[page.pk for page in pages]).order_by("sort_order")
        return series_values(pages, request, sessions)

    @path("")
    def index(self, request):
        return self.render(request)

    @path("calendar/", name="ical")
    def ical(self, request):
        return ical_response(self.all_series(request), name=self.title, stamp=self.last_published_at)

    @path("export/csv/", name="csv")
    def open_data_csv(self, request):
        return csv_response(self.all_series(request), filename="workshops.csv")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions = upcoming_sessions(self.all_series(request), timezone.localdate())
        pages = pagination(Paginator(sessions, self.page_size), request)
        context.update(
            **pages,
            sessions=pages["page_obj"].object_list,
            query_string="",
            ical_url=route_url(self, "ical", request),
            csv_url=route_url(self, "csv", request),
        )
        return context
