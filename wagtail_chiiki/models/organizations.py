"""The community index page (地域運営組織の紹介) and one page per region management organization."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_chiiki.api import CoordinateSerializer, DistrictSerializer, SnippetSerializer
from wagtail_chiiki.areas import AreaField
from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.city_fields import CityFieldPanel, CityFieldsForm, CityInlinePanel
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.feeds.geojson import organizations_geojson
from wagtail_chiiki.feeds.responses import geojson_response
from wagtail_chiiki.listings.common import active_locale, query_string_without, route_url
from wagtail_chiiki.listings.maps import map_organizations, organization_map
from wagtail_chiiki.listings.organizations import organization_detail, organization_index
from wagtail_chiiki.listings.related import related_sections
from wagtail_chiiki.listings.workshops import organizer_series, series_sessions
from wagtail_chiiki.models.base import ChiikiPage, Tab, WithRelatedWords, edit_tabs
from wagtail_chiiki.models.location import Located
from wagtail_chiiki.models.snippets import Contact, District
from wagtail_chiiki.models.stages import SupportStage, latest_record
from wagtail_chiiki.models.words import RelatedWordItem, related_words_field


class LegalForm(models.TextChoices):
    VOLUNTARY = "voluntary", _("Unincorporated association")
    NPO = "npo", _("NPO corporation")
    GENERAL_INCORPORATED = "general_incorporated", _("General incorporated association")
    AUTHORIZED_NEIGHBOURHOOD = "authorized_neighbourhood", _("Authorized neighbourhood association")
    OTHER = "other", _("Other")


class CommunityIndexTag(RelatedWordItem):
    """The related words (関連ワード) of a community index page."""

    content_object = ParentalKey(
        "wagtail_chiiki.CommunityIndexPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CommunityIndexPage(RoutablePageMixin, WithRelatedWords, ChiikiPage):
    """An introduction to the city's region management organizations, then the list of them.

    Routes: ``map/`` shows the organizations on a map (and as a list by district), ``geojson/``
    serves the same as GeoJSON.
    """

    intro = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("What a region management organization is, who takes part and what they do."),
    )
    list_heading = models.CharField(
        _("list heading"),
        max_length=120,
        blank=True,
        help_text=_("Heading above the list of organizations. Leave empty for “Organizations”."),
    )
    closing = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("after the list"),
        help_text=_("Shown below the list: events, the city's support, contact."),
    )
    tags = related_words_field(
        CommunityIndexTag,
        _("Words residents might search for, e.g. region management organization, community development."),
    )

    template = "wagtail_chiiki/pages/community_index_page.html"
    subpage_types = [
        "wagtail_chiiki.OrganizationPage",
        "wagtail_chiiki.ActivityIndexPage",
        "wagtail_chiiki.SupportStagesPage",
        "wagtail_chiiki.WorkshopSeriesPage",
        "wagtail_chiiki.WorkshopIndexPage",
    ]

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("intro"),
        WithRelatedWords.related_words_search_field,
    ]
    api_fields = [
        APIField("intro"),
        APIField("list_heading"),
        APIField("closing"),
        WithRelatedWords.related_words_api_field,
        APIField("update_history"),
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("list_heading"),
        FieldPanel("closing"),
        FieldPanel("tags"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("community index page")
        verbose_name_plural = _("community index pages")

    # -- routes -----------------------------------------------------------------------------------

    @path("")
    def index(self, request):
        return self.render(request)

    @path("map/", name="map")
    def map_view(self, request):
        # The page's own context (base template, dates) without the list and its filters.
        context = ChiikiPage.get_context(self, request)
        context["organization_map"] = organization_map(self, request, active_locale())
        return TemplateResponse(request, "wagtail_chiiki/pages/community_map_page.html", context)

    @path("geojson/", name="geojson")
    def geojson(self, request):
        organizations = map_organizations(self, request, self.locale)
        content = organizations_geojson(organizations, name=self.title, source=self.get_full_url(request))
        return geojson_response(request, content, public=not self.get_view_restrictions().exists())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = organization_index(self, request, active_locale(), per_page=chiiki_settings.INDEX_PAGE_SIZE)
        context.update(
            **listing.pages,
            query_string=query_string_without(request.GET, "page"),
            activity_index=listing.activity_index,
            filter_form=listing.form,
            filters=listing.filters,
            organizations=listing.organizations,
            result_count=listing.result_count,
            active_tag=listing.active_tag,
            active_tag_name=listing.active_tag_name,
            map_url=route_url(self, "map", request),
            geojson_url=route_url(self, "geojson", request),
            related_sections=related_sections(self, request, active_locale()),
        )
        return context


class OrganizationTag(RelatedWordItem):
    """The related words (関連ワード) of an organization page."""

    content_object = ParentalKey(
        "wagtail_chiiki.OrganizationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OrganizationPage(Located, WithRelatedWords, ChiikiPage):
    """One region management organization: who it is, where it works, what it does, how to reach it."""

    legal_form = models.CharField(
        _("legal form"), max_length=30, choices=LegalForm.choices, default=LegalForm.VOLUNTARY
    )
    legal_form_other = models.CharField(
        _("other legal form"), max_length=100, blank=True, help_text=_("Only when the legal form is “Other”.")
    )
    districts = ParentalManyToManyField(
        District,
        related_name="organizations",
        blank=True,
        verbose_name=_("districts served"),
        help_text=_("The districts (地区) this organization works in."),
    )
    established = models.DateField(_("date established"), null=True, blank=True)
    summary = models.CharField(
        _("summary"),
        max_length=200,
        help_text=_("One sentence shown in the list of organizations."),
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("thumbnail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the organization's activities, shown in the list."),
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("News, notices, documents and photos of the organization."),
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_area = AreaField(
        verbose_name=_("service area"),
        point_fields=("latitude", "longitude"),
        help_text=_(
            "Where the organization works, as a GeoJSON Polygon or MultiPolygon with positions as "
            "[longitude, latitude]. Paste it from a GIS tool; the map shows it as you edit."
        ),
    )
    stage = models.ForeignKey(
        SupportStage,
        verbose_name=_("current stage"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organizations",
        help_text=_("Set from the latest entry of the stage history."),
    )
    tags = related_words_field(
        OrganizationTag, _("Words residents might search for, e.g. bus, market, festival.")
    )

    base_form_class = CityFieldsForm
    template = "wagtail_chiiki/pages/organization_page.html"
    parent_page_types = ["wagtail_chiiki.CommunityIndexPage"]
    # wagtail-localize skips many-to-many fields: keep the districts of translations in step.
    override_translatable_fields = [SynchronizedField("districts")]
    subpage_types: list[str] = []

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.RelatedFields("activities", [index.SearchField("title"), index.SearchField("description")]),
        WithRelatedWords.related_words_search_field,
        index.FilterField("legal_form"),
    ]
    api_fields = [
        APIField("legal_form"),
        APIField("legal_form_display"),
        APIField("districts", serializer=DistrictSerializer(many=True, read_only=True)),
        APIField("established"),
        APIField("stage", serializer=SnippetSerializer(SupportStage, fields=("id", "number", "name"))),
        APIField("stage_history"),
        APIField("summary"),
        APIField("thumbnail"),
        APIField("body"),
        APIField("activities"),
        APIField("transport_services"),
        APIField("member_groups"),
        APIField("links"),
        APIField("contact", serializer=SnippetSerializer(Contact)),
        APIField("latitude", serializer=CoordinateSerializer()),
        APIField("longitude", serializer=CoordinateSerializer()),
        APIField("service_area"),
        WithRelatedWords.related_words_api_field,
        APIField("update_history"),
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("summary"),
        FieldRowPanel(
            [CityFieldPanel("legal_form"), CityFieldPanel("legal_form_other")], heading=_("Legal form")
        ),
        CityFieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        FieldPanel("established"),
        CityInlinePanel(
            "stage_history",
            heading=_("Support stage"),
            label=_("Stage reached"),
            help_text=_("When the organization reached each stage; the latest one is shown as its stage."),
        ),
        FieldPanel("thumbnail"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    activity_panels = [
        # "Activity" alone is the filter of activity categories (活動分野); a row is one activity (活動).
        InlinePanel(
            "activities", heading=_("Activities"), label=pgettext_lazy("an activity row", "Activity")
        ),
        InlinePanel("transport_services", heading=_("Community transport"), label=_("Transport service")),
        InlinePanel("member_groups", heading=_("Member groups"), label=_("Member group")),
    ]
    contact_panels = [
        InlinePanel("links", heading=_("Websites and social media"), label=_("Link")),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("service_area")],
            heading=_("Location"),
            help_text=_("Where the organization is based, e.g. 37.494722, 139.929722. Both or neither."),
        ),
    ]
    edit_handler = edit_tabs(
        content_panels,
        Tab(activity_panels, heading=_("Activities"), name="activities"),
        Tab(contact_panels, heading=_("Links and contact"), name="links_and_contact"),
    )

    class Meta:
        verbose_name = _("organization page")
        verbose_name_plural = _("organization pages")
        permissions = [
            (
                "decide_city_fields",
                _("Can change what the city decides: support stage, districts, legal form"),
            )
        ]

    def clean(self) -> None:
        super().clean()
        errors = self.location_errors()
        if self.legal_form == LegalForm.OTHER and not self.legal_form_other.strip():
            errors["legal_form_other"] = _("Name the legal form when you choose “Other”.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Kept beside the history so that listings filter with one join (stage__number).
        latest = latest_record(self.stage_history.all())
        self.stage_id = latest.stage_id if latest else None
        return super().save(*args, **kwargs)  # WithRelatedWords indexes the page once its rows are stored

    @property
    def legal_form_display(self) -> str:
        if self.legal_form == LegalForm.OTHER and self.legal_form_other:
            return self.legal_form_other
        return str(self.get_legal_form_display())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        detail = organization_detail(self, request, active_locale())
        context.update(
            activities=detail.activities,
            district_names=detail.district_names,
            stage=detail.stage,
            stage_reached=detail.stage_reached,
            stage_url=detail.stage_url,
            transport_services=list(self.transport_services.all()),
            member_groups=list(self.member_groups.all()),
            links=list(self.links.all()),
            contact=detail.contact,
            index_page=detail.index_page,
            workshops=series_sessions(
                request,
                active_locale(),
                timezone.localdate(),
                pages=organizer_series(self, request, active_locale()),
                when="all",
            ),
        )
        return context
