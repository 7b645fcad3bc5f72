"""The sessions of a workshop series (第1回, 第2回 …): translatable inline rows of the series page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from wagtail_chiiki.schedule import CANCELLED, DAY, MONTH, POSTPONED, SCHEDULED, TENTATIVE


class Precision(models.TextChoices):
    DAY = DAY, _("Day")
    MONTH = MONTH, _("Month only (date to be fixed)")


class SessionStatus(models.TextChoices):
    SCHEDULED = SCHEDULED, _("Scheduled")
    TENTATIVE = TENTATIVE, _("Tentative")
    CANCELLED = CANCELLED, _("Cancelled")
    POSTPONED = POSTPONED, _("Postponed")


def check_times(start, end, *, start_field: str, end_field: str) -> dict[str, str]:
    """Errors of a start and end time pair: an end needs a start and must come after it."""
    if end is not None and start is None:
        return {start_field: _("Enter the start time too, or leave the end time empty.")}
    if start is not None and end is not None and end <= start:
        return {end_field: _("The end time must be after the start time.")}
    return {}


class WorkshopSession(TranslatableMixin, Orderable):
    """One session of a series: its day (or month), times, topic and status; numbered in order."""

    page = ParentalKey("wagtail_chiiki.WorkshopSeriesPage", on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count on from the session before (第1回, 第2回 …)."),
    )
    date = models.DateField(
        _("date"), help_text=_("For a session planned only for a month, any day of that month.")
    )
    precision = models.CharField(
        _("date known to the"), max_length=10, choices=Precision.choices, default=Precision.DAY
    )
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty to use the series' usual times.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("E.g. bring writing things."))
    venue_name = models.CharField(
        _("venue of this session"),
        max_length=200,
        blank=True,
        help_text=_("Only when this session is held somewhere other than the series' venue."),
    )
    venue_address = models.CharField(_("address of this session's venue"), max_length=255, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity of this session"),
        null=True,
        blank=True,
        help_text=_(
            "People this session takes through the application form; empty to use the series' capacity."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("date"), FieldPanel("precision")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time"), FieldPanel("status")]),
        FieldPanel("topic"),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("venue_name"), FieldPanel("venue_address")]),
        FieldPanel("capacity"),
    ]
    api_fields = [
        APIField(name)
        for name in ("number", "date", "precision", "start_time", "end_time", "topic", "status", "note")
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return f"{self.date} {self.topic}".strip()

    def clean(self) -> None:
        super().clean()
        errors = check_times(self.start_time, self.end_time, start_field="start_time", end_field="end_time")
        if self.precision == Precision.MONTH:
            if self.start_time is not None or self.end_time is not None:
                errors["start_time"] = _(
                    "A session planned only for a month has no times of its own: leave them empty "
                    "(the series' usual times are shown), or choose the day."
                )
            if self.date is not None:
                self.date = self.date.replace(day=1)
        if errors:
            raise ValidationError(errors)
