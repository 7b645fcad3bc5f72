"""A workshop series (第1回…第5回): venue, audience, how to apply, flyer, sessions and their feeds."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_chiiki.api import CoordinateSerializer, SnippetSerializer
from wagtail_chiiki.applications import views as application_views
from wagtail_chiiki.blocks.text import RICH_TEXT_FEATURES
from wagtail_chiiki.feeds.calendar import calendar_ics
from wagtail_chiiki.feeds.jsonld import event_series, json_ld_script
from wagtail_chiiki.feeds.opendata import event_list_lines
from wagtail_chiiki.feeds.responses import calendar_response, csv_download
from wagtail_chiiki.links import tel_uri
from wagtail_chiiki.listings.common import route_url
from wagtail_chiiki.listings.workshops import municipality, series_list, series_page
from wagtail_chiiki.models.base import ChiikiPage, Tab, WithRelatedWords, edit_tabs
from wagtail_chiiki.models.location import Located
from wagtail_chiiki.models.organizations import OrganizationPage
from wagtail_chiiki.models.sessions import check_times
from wagtail_chiiki.models.snippets import Contact
from wagtail_chiiki.models.words import RelatedWordItem, related_words_field
from wagtail_chiiki.models.workshop_forms import WorkshopSeriesForm
from wagtail_chiiki.schedule import Series
from wagtail_chiiki.validators import (
    normalize_phone,
    validate_http_url,
    validate_phone,
)


class ApplicationMethod(models.TextChoices):
    NOT_REQUIRED = "none", _("No application needed")
    URL = "url", _("Online form")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    IN_PERSON = "in_person", _("In person")
    FORM = "form", _("Application form on this page")


class WorkshopFeeds(RoutablePageMixin):
    """The routes of a page of workshop series: the page, its iCalendar and its open-data event list."""

    def feed_series(self, request) -> list[Series]:
        """The series the feeds carry, whole."""
        raise NotImplementedError

    def csv_filename(self) -> str:
        raise NotImplementedError

    def feed_urls(self, request=None) -> dict[str, str]:
        return {"ical_url": route_url(self, "ical", request), "csv_url": route_url(self, "csv", request)}

    @path("")
    def index(self, request):
        return self.render(request)

    @path("calendar/", name="ical")
    def ical(self, request):
        series = self.feed_series(request)
        return calendar_response(calendar_ics(series, name=self.title, stamp=self.last_published_at))

    @path("export/csv/", name="csv")
    def open_data_csv(self, request):
        lines = event_list_lines(self.feed_series(request), municipality())
        return csv_download(lines, filename=self.csv_filename())


class WorkshopSeriesTag(RelatedWordItem):
    """The related words (関連ワード) of a workshop series."""

    content_object = ParentalKey(
        "wagtail_chiiki.WorkshopSeriesPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class WorkshopSeriesPage(WorkshopFeeds, Located, WithRelatedWords, ChiikiPage):
    """A numbered series of workshop sessions with one venue, audience and application, and its feeds."""

    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One sentence shown in lists and in the open-data feed.")
    )
    title_kana = models.CharField(
        _("title in kana"),
        max_length=200,
        blank=True,
        help_text=_("The reading of the title in katakana, for the open-data event list (イベント名_カナ)."),
    )
    purpose = RichTextField(
        _("purpose"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the series is for and what participants will do."),
    )
    organizer = models.ForeignKey(
        OrganizationPage,
        verbose_name=_("organizing organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The region management organization holding the series, if any."),
    )
    organizer_name = models.CharField(
        _("organizer"),
        max_length=200,
        blank=True,
        help_text=_("When the city or another body organizes it, e.g. the community development division."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, help_text=_("E.g. the community centre."))
    venue_address = models.CharField(_("venue address"), max_length=255, blank=True)
    access = models.CharField(
        _("access"), max_length=255, blank=True, help_text=_("How to get there, e.g. the nearest bus stop.")
    )
    usual_start = models.TimeField(
        _("usual start time"),
        null=True,
        blank=True,
        help_text=_("Shown for every session that has no times of its own, e.g. 18:30."),
    )
    usual_end = models.TimeField(_("usual end time"), null=True, blank=True)
    audience = models.TextField(_("who may take part"), blank=True, help_text=_("参加対象者."))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Places per session. Leave empty if not limited.")
    )
    fee = models.PositiveIntegerField(_("fee (yen)"), default=0, help_text=_("0 means free of charge."))
    fee_note = models.CharField(
        _("note on the fee"), max_length=200, blank=True, help_text=_("E.g. materials cost extra.")
    )
    application_method = models.CharField(
        _("how to apply"),
        max_length=20,
        choices=ApplicationMethod.choices,
        default=ApplicationMethod.NOT_REQUIRED,
    )
    application_value = models.CharField(
        _("where to apply"),
        max_length=255,
        blank=True,
        help_text=_(
            "The form's web address, the phone number, the email address, or the counter to apply at."
        ),
    )
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    later_sessions_open = models.BooleanField(
        _("later sessions still take applications"),
        default=False,
        help_text=_("Tick when the deadline is for the first session and people may still join later ones."),
    )
    flyer = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("flyer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    flyer_text = models.CharField(
        _("flyer link text"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the link to the flyer says, e.g. 開催チラシ. Translators translate it; empty uses the "
            "document's title, which is the same in every language. Type and size are added by themselves."
        ),
    )
    contact = models.ForeignKey(
        Contact, verbose_name=_("contact"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = related_words_field(
        WorkshopSeriesTag, _("Words residents might search for, e.g. workshop, vision.")
    )

    base_form_class = WorkshopSeriesForm
    template = "wagtail_chiiki/pages/workshop_series_page.html"
    parent_page_types = [
        "wagtail_chiiki.CommunityIndexPage",
        "wagtail_chiiki.WorkshopIndexPage",
    ]
    subpage_types: list[str] = []
    override_translatable_fields = [
        SynchronizedField("title_kana", overridable=False),
        SynchronizedField("application_value"),
    ]

    search_fields = [
        *ChiikiPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("venue_name"),
        index.RelatedFields("sessions", [index.SearchField("topic")]),
        WithRelatedWords.related_words_search_field,
    ]
    api_fields = [
        APIField(name)
        for name in (
            "summary",
            "title_kana",
            "purpose",
            "organizer_name",
            "venue_name",
            "venue_address",
            "access",
            "usual_start",
            "usual_end",
            "audience",
            "capacity",
            "fee",
            "fee_note",
            "application_method",
            "application_value",
            "application_deadline",
            "later_sessions_open",
            "sessions",
            "update_history",
        )
    ] + [
        APIField("latitude", serializer=CoordinateSerializer()),
        APIField("longitude", serializer=CoordinateSerializer()),
        APIField("contact", serializer=SnippetSerializer(Contact)),
        WithRelatedWords.related_words_api_field,
    ]

    content_panels = [
        *ChiikiPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("title_kana"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                PageChooserPanel("organizer", page_type="wagtail_chiiki.OrganizationPage"),
                FieldPanel("organizer_name"),
            ],
            heading=_("Organizer"),
            help_text=_("Choose the organization, or name the organizer (e.g. the city)."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("access"),
            ],
            heading=_("Venue"),
        ),
        FieldRowPanel([FieldPanel("usual_start"), FieldPanel("usual_end")], heading=_("Usual times")),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session"), min_num=1),
    ]
    participation_panels = [
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("fee")]),
        FieldPanel("fee_note"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("application_method"), FieldPanel("application_value")]),
                FieldRowPanel([FieldPanel("application_deadline"), FieldPanel("later_sessions_open")]),
            ],
            heading=pgettext_lazy("how to apply to a workshop series", "Application"),
        ),
        FieldRowPanel([FieldPanel("flyer"), FieldPanel("flyer_text")]),
        FieldPanel("contact"),
        FieldPanel("tags"),
    ]
    edit_handler = edit_tabs(
        content_panels, Tab(participation_panels, heading=_("Taking part"), name="taking_part")
    )

    class Meta:
        verbose_name = _("workshop series page")
        verbose_name_plural = _("workshop series pages")

    def clean(self) -> None:
        super().clean()
        errors: dict = self.location_errors()
        errors.update(
            check_times(self.usual_start, self.usual_end, start_field="usual_start", end_field="usual_end")
        )
        errors.update(self._application_errors())
        if errors:
            raise ValidationError(errors)

    def _application_errors(self) -> dict[str, ValidationError | str]:
        method, value = self.application_method, self.application_value.strip()
        if method in (ApplicationMethod.NOT_REQUIRED, ApplicationMethod.FORM):
            self.application_value = ""
            return {}
        if not value:
            return {"application_value": _("Say where to apply: the address, number or place.")}
        validators = {
            ApplicationMethod.URL: validate_http_url,
            ApplicationMethod.PHONE: validate_phone,
            ApplicationMethod.EMAIL: validate_email,
        }
        try:
            validators.get(method, lambda value: None)(value)
        except ValidationError as error:
            return {"application_value": error}
        self.application_value = normalize_phone(value) if method == ApplicationMethod.PHONE else value
        return {}

    @property
    def application_uri(self) -> str:
        """A link for the application value: the form, ``tel:`` or ``mailto:``; empty in person."""
        value = self.application_value
        if self.application_method == ApplicationMethod.URL:
            return value
        if self.application_method == ApplicationMethod.PHONE:
            return tel_uri(value)
        if self.application_method == ApplicationMethod.EMAIL:
            return "mailto:" + value
        return ""

    # -- routes -----------------------------------------------------------------------------------

    def feed_series(self, request) -> list[Series]:
        return series_list([self], request)

    @path("apply/", name="apply")
    def apply(self, request):
        return application_views.apply_view(request, self)

    @path("apply/done/", name="applied")
    def applied(self, request):
        return application_views.applied_view(request, self)

    @path("apply/cancel/", name="cancel")
    def cancel_application(self, request):
        return application_views.cancel_view(request, self)

    def csv_filename(self) -> str:
        return f"workshop-{self.pk}.csv"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        view = series_page(self, request, timezone.localdate())
        context.update(
            series=view.series,
            sessions=view.sessions,
            applications_open=view.applications_open,
            contact=view.contact,
            series_latitude=self.latitude_text,
            series_longitude=self.longitude_text,
            json_ld=json_ld_script(event_series(view.series)),
            **self.feed_urls(request),
            apply_url=route_url(self, "apply", request),
            index_page=self.get_parent(),
        )
        return context
