"""Applications for workshop sessions: who applied, for which sessions, and what is left after deletion.

Personal data lives in ``Application`` only; ``Registration`` ties an application to one session with
its status (confirmed, waitlisted, cancelled) and attendance; ``SessionTally`` keeps the counts of a
session once its applications are deleted (docs/workshops.md, "Personal data").
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApplicationSource(models.TextChoices):
    WEB = "web", _("Web form")
    STAFF = "staff", _("Entered by staff (phone, counter)")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", pgettext_lazy("an application", "Cancelled")


class Application(models.Model):
    """One resident's application to one series: contact details, party size and the sessions chosen."""

    series = models.ForeignKey(
        "wagtail_chiiki.WorkshopSeriesPage",
        verbose_name=_("workshop series"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    receipt = models.CharField(_("receipt number"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_kana = models.CharField(_("name in kana"), max_length=100)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    people = models.PositiveSmallIntegerField(_("number of people"))
    note = models.TextField(_("note"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10, default="ja")
    source = models.CharField(
        _("received through"), max_length=10, choices=ApplicationSource.choices, default=ApplicationSource.WEB
    )
    token_secret = models.CharField(max_length=32, editable=False)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop application")
        verbose_name_plural = _("workshop applications")
        ordering = ["created_at", "pk"]
        permissions = [("export_application", _("Can download and export workshop applications"))]

    def __str__(self) -> str:
        # The receipt number, never the name: this string may reach logs and admin messages.
        return self.receipt


class Registration(models.Model):
    """An application's place in one session: confirmed, waitlisted (with its position) or cancelled."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="registrations")
    session = models.ForeignKey(
        "wagtail_chiiki.WorkshopSession",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    # Order of arrival on the waitlist; kept after promotion so the order stays visible.
    waitlist_number = models.PositiveIntegerField(_("waitlist number"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up from the waitlist at"), null=True, blank=True)

    class Meta:
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        ordering = ["session_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "session"], name="chiiki_one_registration"),
            models.UniqueConstraint(fields=["session", "waitlist_number"], name="chiiki_one_waitlist_number"),
        ]

    def __str__(self) -> str:
        return f"{self.application.receipt} {self.status}"


class SessionTally(models.Model):
    """The counts of a session kept when its applications are deleted after the retention period."""

    session = models.OneToOneField(
        "wagtail_chiiki.WorkshopSession", on_delete=models.CASCADE, related_name="tally"
    )
    applications = models.PositiveIntegerField(_("applications"), default=0)
    people = models.PositiveIntegerField(_("people confirmed"), default=0)
    waitlisted = models.PositiveIntegerField(_("people still waitlisted"), default=0)
    cancelled = models.PositiveIntegerField(_("cancelled applications"), default=0)
    attended = models.PositiveIntegerField(_("people who attended"), default=0)
    reduced_at = models.DateTimeField(_("applications deleted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("session tally")
        verbose_name_plural = _("session tallies")

    def __str__(self) -> str:
        return f"{self.session_id}: {self.people}"
