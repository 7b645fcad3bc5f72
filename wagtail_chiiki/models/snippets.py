"""Translatable snippets shared by many pages: districts, activity categories and contact points."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_chiiki.areas import AreaField
from wagtail_chiiki.links import tel_uri
from wagtail_chiiki.validators import normalize_phone, validate_http_url, validate_phone


class SluggedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A named, ordered snippet whose slug stays the same in every language (used in filter URLs)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in filter links such as ?district=minato. Letters, digits and hyphens."),
    )
    sort_order = models.PositiveIntegerField(
        _("sort order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    # The slug names the snippet in filter URLs of every language, so translators never see it.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        # The database refuses a second slug in one language; say so beside the field instead.
        if self.slug and self.locale_id:
            taken = type(self).objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError(
                    {"slug": _("This slug is already used in this language. Choose another.")}
                )


class District(SluggedSnippet):
    """A district (地区) of the city that an organization serves."""

    area = AreaField(
        verbose_name=_("area"),
        help_text=_(
            "The district's outline, as a GeoJSON Polygon or MultiPolygon with positions as "
            "[longitude, latitude]. Shown faintly under the organizations on the map."
        ),
    )

    panels = [*SluggedSnippet.panels, FieldPanel("area")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="wagtail_chiiki_district_slug_locale"),
        ]


class ActivityCategory(SluggedSnippet):
    """A kind of activity (環境美化, 防災・防犯, 地域内交通 …) used to group and filter activities."""

    description = models.TextField(_("description"), blank=True)

    panels = [*SluggedSnippet.panels, FieldPanel("description")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("activity category")
        verbose_name_plural = _("activity categories")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="wagtail_chiiki_category_slug_locale"),
        ]


class Contact(TranslatableMixin, index.Indexed, models.Model):
    """A contact point (お問い合わせ), e.g. the city's community development division, shared by pages."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("Who to contact, e.g. the division or the organization.")
    )
    department = models.CharField(
        _("department or person"), max_length=200, blank=True, help_text=_("Optional section or person.")
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    phone_note = models.CharField(
        _("phone note"), max_length=50, blank=True, help_text=_("Shown after the number, e.g. direct line.")
    )
    fax = models.CharField(_("fax"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    form_url = models.URLField(
        _("contact form URL"),
        blank=True,
        validators=[validate_http_url],
        help_text=_("A web form residents can use instead of email."),
    )
    hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, help_text=_("E.g. weekdays 8:30 to 17:15.")
    )

    override_translatable_fields = [
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("fax", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("form_url", overridable=False),
    ]
    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("department")], heading=_("Who")),
        MultiFieldPanel([FieldPanel("postal_code"), FieldPanel("address")], heading=_("Where")),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("phone_note"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("form_url"),
                FieldPanel("hours"),
            ],
            heading=_("How"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("department")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} {self.department}".strip()

    def clean(self) -> None:
        super().clean()
        self.phone = normalize_phone(self.phone)
        self.fax = normalize_phone(self.fax)

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)
