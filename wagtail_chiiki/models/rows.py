"""Rows that belong to one organization page: activities, transport services, member groups, links."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from wagtail_chiiki.api import SnippetSerializer
from wagtail_chiiki.links import LinkKind
from wagtail_chiiki.models.snippets import ActivityCategory
from wagtail_chiiki.text import fold_fields
from wagtail_chiiki.validators import validate_http_url, validate_link_kind

ORGANIZATION_PAGE = "wagtail_chiiki.OrganizationPage"


class OrganizationRow(TranslatableMixin, Orderable):
    """Rows that belong to one organization page and are translated with it."""

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]


class Activity(OrganizationRow):
    """One activity of an organization, stored as a row so listings can filter across organizations."""

    page = ParentalKey(ORGANIZATION_PAGE, on_delete=models.CASCADE, related_name="activities")
    category = models.ForeignKey(
        ActivityCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Kept by save(): the activity's text and its organization's name, folded for Japanese substring
    # search (see text.py). The page saves every row each time it is saved or published.
    search_text = models.TextField(editable=False, blank=True, default="")
    # A default rather than auto_now_add, so translations keep the source's time and sort alike.
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False, db_index=True)

    panels = [FieldPanel("category"), FieldPanel("title"), FieldPanel("description")]
    api_fields = [
        APIField("category", serializer=SnippetSerializer(ActivityCategory)),
        APIField("title"),
        APIField("description"),
    ]

    class Meta(OrganizationRow.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold_fields(self.title, self.description, self.page.title)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def anchor(self) -> str:
        return f"activity-{self.pk}"


class TransportService(OrganizationRow):
    """A community transport service (地域内交通) the organization runs, such as a named bus."""

    page = ParentalKey(ORGANIZATION_PAGE, on_delete=models.CASCADE, related_name="transport_services")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(
        _("web address"),
        blank=True,
        validators=[validate_http_url],
        help_text=_("Timetable or details page."),
    )

    # Addresses are the same in every language: kept from the source, not shown to translators.
    override_translatable_fields = [SynchronizedField("url", overridable=False)]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("url")]
    api_fields = [APIField("name"), APIField("description"), APIField("url")]

    class Meta(OrganizationRow.Meta):
        verbose_name = _("transport service")
        verbose_name_plural = _("transport services")

    def __str__(self) -> str:
        return self.name


class MemberGroup(OrganizationRow):
    """A group whose members take part in the organization (区長会, 民生児童委員協議会 …)."""

    page = ParentalKey(ORGANIZATION_PAGE, on_delete=models.CASCADE, related_name="member_groups")
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("name")]
    api_fields = [APIField("name")]

    class Meta(OrganizationRow.Meta):
        verbose_name = _("member group")
        verbose_name_plural = _("member groups")

    def __str__(self) -> str:
        return self.name


class OrganizationLink(OrganizationRow):
    """A website or social media account of the organization, shown with an accessible name."""

    page = ParentalKey(ORGANIZATION_PAGE, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices, default=LinkKind.WEBSITE)
    url = models.URLField(_("web address"), validators=[validate_http_url])
    label = models.CharField(
        _("link text"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the kind, e.g. Instagram."),
    )

    override_translatable_fields = [SynchronizedField("url", overridable=False)]
    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("url")]), FieldPanel("label")]
    api_fields = [APIField("kind"), APIField("url"), APIField("label")]

    class Meta(OrganizationRow.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.label_text

    def clean(self):
        super().clean()
        try:
            validate_link_kind(self.kind, self.url)
        except ValidationError as error:
            raise ValidationError({"url": error}) from None

    @property
    def label_text(self) -> str:
        return self.label or str(self.get_kind_display())
