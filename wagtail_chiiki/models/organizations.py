"""The community index page (地域運営組織の紹介) and one page per region management organization."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_chiiki.api import CoordinateSerializer, DistrictSerializer, SnippetSerializer, TagsSerializer
from wagtail_chiiki.areas import AreaField
from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.city_fields import CityFieldPanel, CityFieldsForm, CityInlinePanel
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.feeds import geojson_response, organizations_geojson
from wagtail_chiiki.forms import OrganizationFilterForm
from wagtail_chiiki.localization import localize_all
from wagtail_chiiki.maps import OrganizationMap, by_district, district_areas, map_organizations
from wagtail_chiiki.models.base import ChiikiPage, Tab, edit_tabs, route_url
from wagtail_chiiki.models.snippets import ActivityCategory, Contact, District
from wagtail_chiiki.models.stages import SupportStage, latest_record, stages_in_use
from wagtail_chiiki.validators import latitude_validators, longitude_validators


class LegalForm(models.TextChoices):
    VOLUNTARY = "voluntary", _("Unincorporated association")
    NPO = "npo", _("NPO corporation")
    GENERAL_INCORPORATED = "general_incorporated", _("General incorporated association")
    AUTHORIZED_NEIGHBOURHOOD = "authorized_neighbourhood", _("Authorized neighbourhood association")
    OTHER = "other", _("Other")


class CommunityIndexPage(RoutablePageMixin, ChiikiPage):
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

    template = "wagtail_chiiki/pages/community_index_page.html"
    subpage_types = [
        "wagtail_chiiki.OrganizationPage",
        "wagtail_chiiki.ActivityIndexPage",
        "wagtail_chiiki.SupportStagesPage",
        "wagtail_chiiki.WorkshopSeriesPage",
        "wagtail_chiiki.WorkshopIndexPage",
    ]

    search_fields = [*ChiikiPage.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("list_heading"),
        APIField("closing"),
        APIField("update_history"),
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("list_heading"),
        FieldPanel("closing"),
    ]
    edit_handler = edit_tabs(content_panels)

    class Meta:
        verbose_name = _("community index page")
        verbose_name_plural = _("community index pages")

    def live_organizations(self):
        """Live, public organization pages under this index, in the index's order, with their districts
        and stage."""
        return (
            OrganizationPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("stage")
            .prefetch_related("districts")
            .order_by("path")
        )

    def organizations(self):
        """The live organizations with what the list of cards shows (the thumbnail) prefetched too."""
        return self.live_organizations().select_related("thumbnail").prefetch_related("thumbnail__renditions")

    def organization_map(self, request, locale: Locale | None = None) -> OrganizationMap:
        """The map of this index's organizations and the list by district that goes with it."""
        organizations = map_organizations(self, request, locale or Locale.get_active())
        return OrganizationMap(
            dom_id=f"chiiki-map-{self.pk}",
            title=self.title,
            organizations=organizations,
            groups=by_district(organizations),
            districts=district_areas(organizations),
            geojson_url=route_url(self, "geojson"),
            map_url=route_url(self, "map"),
            tile_url=chiiki_settings.MAP_TILE_URL or "",
            tile_attribution=chiiki_settings.MAP_TILE_ATTRIBUTION or "",
            max_zoom=chiiki_settings.MAP_MAX_ZOOM,
        )

    # -- routes -----------------------------------------------------------------------------------

    @path("")
    def index(self, request):
        return self.render(request)

    @path("map/", name="map")
    def map_view(self, request):
        # The page's own context (base template, dates) without the list and its filters.
        context = ChiikiPage.get_context(self, request)
        context["organization_map"] = self.organization_map(request)
        return TemplateResponse(request, "wagtail_chiiki/pages/community_map_page.html", context)

    @path("geojson/", name="geojson")
    def geojson(self, request):
        organizations = map_organizations(self, request, self.locale)
        content = organizations_geojson(organizations, name=self.title, source=self.get_full_url(request))
        return geojson_response(request, content, public=not self.get_view_restrictions().exists())

    def filter_choices(self, organizations, locale: Locale) -> dict[str, list]:
        """Districts, categories and stages used by these organizations, in the reader's language."""
        districts = District.objects.filter(organizations__in=organizations).distinct()
        categories = ActivityCategory.objects.filter(activities__page__in=organizations).distinct()
        return {
            "districts": _unique_by_slug(localize_all(districts, locale).values()),
            "categories": _unique_by_slug(localize_all(categories, locale).values()),
            "stages": stages_in_use(organizations, locale),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = Locale.get_active()
        organizations = self.organizations()
        form = OrganizationFilterForm(request.GET or None, **self.filter_choices(organizations, locale))
        filters = form.valid_filters() if request.GET else {}
        if "district" in filters:
            organizations = organizations.filter(districts__slug=filters["district"])
        if "category" in filters:
            organizations = organizations.filter(activities__category__slug=filters["category"])
        if "tag" in filters:
            organizations = organizations.filter(tags__name=filters["tag"])
        if "stage" in filters:
            organizations = organizations.filter(stage__number=filters["stage"])
        if filters:
            organizations = organizations.distinct()
        organizations = list(organizations)
        names = localize_all((d for org in organizations for d in org.districts.all()), locale)
        stages = localize_all((org.stage for org in organizations), locale)
        for org in organizations:
            org.district_names = [names[d.pk].name for d in org.districts.all()]
            org.stage_label = str(stages[org.stage_id]) if org.stage_id else ""
        context.update(
            activity_index=self.get_children().live().public().type(_activity_index_model()).first(),
            filter_form=form,
            filters=filters,
            organizations=organizations,
            result_count=len(organizations),
            active_tag=filters.get("tag", ""),
            map_url=route_url(self, "map"),
            geojson_url=route_url(self, "geojson"),
        )
        return context


def _activity_index_model():
    from wagtail_chiiki.models.activities import ActivityIndexPage

    return ActivityIndexPage


def _unique_by_slug(objects) -> list:
    seen: dict[str, object] = {}
    for obj in objects:
        seen.setdefault(obj.slug, obj)
    return sorted(seen.values(), key=lambda obj: (obj.sort_order, obj.name))


class OrganizationTag(TaggedItemBase):
    """The related words (関連ワード) of an organization page."""

    content_object = ParentalKey(
        "wagtail_chiiki.OrganizationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OrganizationPage(ChiikiPage):
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
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=longitude_validators
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
    tags = ClusterTaggableManager(
        through=OrganizationTag,
        blank=True,
        verbose_name=_("related words"),
        help_text=_("Words residents might search for, e.g. bus, market, festival."),
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
        index.RelatedFields("tags", [index.SearchField("name")]),
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
        APIField("tags", serializer=TagsSerializer()),
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
        errors: dict[str, str] = {}
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors[missing] = _("Enter both latitude and longitude, or neither.")
        if self.legal_form == LegalForm.OTHER and not self.legal_form_other.strip():
            errors["legal_form_other"] = _("Name the legal form when you choose “Other”.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Kept beside the history so that listings filter with one join (stage__number).
        latest = latest_record(self.stage_history.all())
        self.stage_id = latest.stage_id if latest else None
        result = super().save(*args, **kwargs)
        # Wagtail indexes on post_save, before modelcluster saves the activity rows and tags that
        # the search fields include: index again once they are stored.
        index.insert_or_update_object(self)
        return result

    @property
    def legal_form_display(self) -> str:
        if self.legal_form == LegalForm.OTHER and self.legal_form_other:
            return self.legal_form_other
        return str(self.get_legal_form_display())

    @property
    def latitude_text(self) -> str:
        return decimal_text(self.latitude)

    @property
    def longitude_text(self) -> str:
        return decimal_text(self.longitude)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = Locale.get_active()
        activities = list(self.activities.all().select_related("category"))
        categories = localize_all((activity.category for activity in activities), locale)
        for activity in activities:
            activity.category_name = categories[activity.category_id].name if activity.category_id else ""
        districts = list(self.districts.all())
        district_names = localize_all(districts, locale)
        contact = localize_all([self.contact], locale).get(self.contact_id) if self.contact_id else None
        context.update(self.stage_context(request, locale))
        context.update(
            activities=activities,
            district_names=[district_names[d.pk].name for d in districts],
            transport_services=list(self.transport_services.all()),
            member_groups=list(self.member_groups.all()),
            links=list(self.links.all()),
            contact=contact,
            tags=list(self.tags.all()),
            index_page=self.get_parent(),
        )
        return context

    def stage_context(self, request, locale: Locale) -> dict:
        """The current stage in the reader's language, since when, and its explanation's address."""
        latest = latest_record(self.stage_history.all().select_related("stage"))
        if latest is None:
            return {"stage": None}
        # Imported here: the stages page lists organizations, so its module imports this one.
        from wagtail_chiiki.models.support import SupportStagesPage

        stage = localize_all([latest.stage], locale)[latest.stage_id]
        stages_page = SupportStagesPage.find_for(request, locale)
        stage_url = f"{stages_page.get_url(request)}#{stage.anchor}" if stages_page else ""
        return {"stage": stage, "stage_reached": latest.reached, "stage_url": stage_url}


def decimal_text(value) -> str:
    """A coordinate without trailing zeros, in the form maps and feeds expect (37.4947)."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)
