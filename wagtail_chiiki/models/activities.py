"""The activity list (活動一覧): every organization's activities, filtered, searched and exported."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.feeds import activities_csv_response, activities_json_response
from wagtail_chiiki.listings import ActivityListing
from wagtail_chiiki.localization import site_root
from wagtail_chiiki.models.base import ChiikiPage, edit_tabs, route_url
from wagtail_chiiki.models.organizations import CommunityIndexPage, OrganizationPage


class ActivityIndexPage(RoutablePageMixin, ChiikiPage):
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

    template = "wagtail_chiiki/pages/activity_index_page.html"
    subpage_types: list[str] = []

    search_fields = [*ChiikiPage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("page_size"), APIField("update_history")]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("scope", page_type="wagtail_chiiki.CommunityIndexPage"),
        FieldPanel("page_size"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("activity index page")
        verbose_name_plural = _("activity index pages")

    # -- what is listed ---------------------------------------------------------------------------

    def scope_page(self, request) -> Page | None:
        """The page whose organizations are listed, in this page's language where translated."""
        if self.scope_id:
            chosen = Page.objects.filter(pk=self.scope_id).values("translation_key")
            translated = Page.objects.filter(translation_key__in=chosen, locale_id=self.locale_id).first()
            return translated or Page.objects.filter(pk=self.scope_id).first()
        parent_index = CommunityIndexPage.objects.ancestor_of(self).order_by("-depth").first()
        if parent_index:
            return parent_index
        return site_root(request, self.locale)

    def organizations(self, request):
        """Live, public organization pages of the scope in this page's language: what may be listed."""
        scope = self.scope_page(request)
        if scope is None:
            return OrganizationPage.objects.none()
        return OrganizationPage.objects.descendant_of(scope).live().public().filter(locale_id=self.locale_id)

    def listing(self, request) -> ActivityListing:
        return ActivityListing(self.organizations(request), request.GET, Locale.get_active())

    # -- routes -----------------------------------------------------------------------------------

    @path("")
    def index(self, request):
        return self.render(request)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return activities_csv_response(self.listing(request).export_rows(request), filename="activities.csv")

    @path("export/json/", name="export_json")
    def export_json(self, request):
        listing = self.listing(request)
        return activities_json_response(
            listing.export_rows(request), count=listing.count(), source=self.get_full_url(request)
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
        query = request.GET.copy()
        query.pop("page", None)
        # The related words keep the other filters, as their counts do.
        tag_query = query.copy()
        tag_query.pop("tag", None)
        context.update(
            listing=listing,
            filter_form=listing.form,
            filters=listing.filters,
            keyword=listing.keyword,
            activities=listing.annotate(list(page.object_list)),
            **pages,
            result_count=paginator.count,
            query_string=query.urlencode(),
            tag_query_string=tag_query.urlencode(),
            tag_cloud=listing.tag_cloud(counts["tag"]),
            export_csv_url=route_url(self, "export_csv", request),
            export_json_url=route_url(self, "export_json", request),
        )
        return context


def pagination(paginator: Paginator, request) -> dict:
    """The page of ``paginator`` that ``?page=`` asks for, and what includes/pagination.html shows."""
    page = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    return {
        "paginator": paginator,
        "page_obj": page,
        "page_numbers": list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
    }


def page_number(value: str | None, last: int) -> int:
    """Page 1 for anything that is not a positive whole number; a 404 past the last page."""
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    if number < 1:
        return 1
    if number > last:
        raise Http404
    return number
