"""The activity list (活動一覧): every organization's activities, filtered, searched and exported."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.feeds.activities import activity_csv_lines, json_chunks
from wagtail_chiiki.feeds.responses import csv_download, json_stream
from wagtail_chiiki.listings.activities import ActivityListing, scope_organizations
from wagtail_chiiki.listings.common import active_locale, pagination, query_string_without, route_url
from wagtail_chiiki.models.base import ChiikiPage, WithRelatedWords, edit_tabs
from wagtail_chiiki.models.organizations import CommunityIndexPage
from wagtail_chiiki.models.words import RelatedWordItem, related_words_field


class ActivityIndexTag(RelatedWordItem):
    """The related words (関連ワード) of an activity index page."""

    content_object = ParentalKey(
        "wagtail_chiiki.ActivityIndexPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ActivityIndexPage(RoutablePageMixin, WithRelatedWords, ChiikiPage):
    """Lists the activities of the live, public organization pages of its scope, in its language."""

    intro = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("Shown above the list, e.g. how residents can join an activity."),
    )
    scope = models.ForeignKey(
        CommunityIndexPage,
        verbose_name=_("organizations from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The community index whose organizations are listed. Leave empty to use the community index "
            "this page is placed under, or else every organization of the site."
        ),
    )
    page_size = models.PositiveSmallIntegerField(
        _("activities per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text=_("Between 5 and 100."),
    )
    tags = related_words_field(
        ActivityIndexTag, _("Words residents might search for, e.g. community development, volunteering.")
    )

    template = "wagtail_chiiki/pages/activity_index_page.html"
    subpage_types: list[str] = []

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("intro"),
        WithRelatedWords.related_words_search_field,
    ]
    api_fields = [
        APIField("intro"),
        APIField("page_size"),
        WithRelatedWords.related_words_api_field,
        APIField("update_history"),
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("scope", page_type="wagtail_chiiki.CommunityIndexPage"),
        FieldPanel("page_size"),
        FieldPanel("tags"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("activity index page")
        verbose_name_plural = _("activity index pages")

    # -- what is listed ---------------------------------------------------------------------------

    def organizations(self, request):
        """The organization pages this list may show (see ``listings.activities.scope_organizations``)."""
        return scope_organizations(self, request)

    def listing(self, request) -> ActivityListing:
        return ActivityListing(self.organizations(request), request.GET, active_locale())

    # -- routes -----------------------------------------------------------------------------------

    @path("")
    def index(self, request):
        return self.render(request)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return csv_download(
            activity_csv_lines(self.listing(request).export_rows(request)), filename="activities.csv"
        )

    @path("export/json/", name="export_json")
    def export_json(self, request):
        listing = self.listing(request)
        return json_stream(
            json_chunks(
                listing.export_rows(request), count=listing.count(), source=self.get_full_url(request)
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.listing(request)
        counts = listing.facet_counts()
        listing.form.show_counts(counts)
        paginator = Paginator(listing.page_rows(), self.page_size)
        paginator.count = listing.count()  # added up from the facet query: no COUNT(*) of its own
        pages = pagination(paginator, request)
        page = pages["page_obj"]
        context.update(
            listing=listing,
            filter_form=listing.form,
            filters=listing.filters,
            keyword=listing.keyword,
            activities=listing.items(page.object_list, request),
            **pages,
            result_count=paginator.count,
            query_string=query_string_without(request.GET, "page"),
            # The related words keep the other filters, as their counts do.
            tag_query_string=query_string_without(request.GET, "page", "tag"),
            tag_cloud=listing.tag_cloud(counts["tag"]),
            export_csv_url=route_url(self, "export_csv", request),
            export_json_url=route_url(self, "export_json", request),
        )
        return context
