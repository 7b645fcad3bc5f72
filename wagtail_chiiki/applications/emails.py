"""Emails to applicants: the confirmation (with an iCalendar file and the cancel link) and the notice
to those moved up from the waitlist. Sent after the transaction commits, in the applicant's language.

A failed send is logged by application number only, never with the address or name.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlencode

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from wagtail_chiiki.applications.offer import session_text
from wagtail_chiiki.applications.seats import waitlist_position
from wagtail_chiiki.applications.tokens import CANCEL_SALT, make_token
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.feeds.calendar import calendar_ics
from wagtail_chiiki.listings.visibility import resolve_page
from wagtail_chiiki.listings.workshops import series_list
from wagtail_chiiki.models.applications import Application, Registration, RegistrationStatus
from wagtail_chiiki.schedule import Series

logger = logging.getLogger(__name__)


def page_in(page, language: str):
    """The series page as the applicant may see it, by the one visibility rule (``resolve_page``): its
    translation in ``language`` when that is live, public and on the series' site, else the page
    itself when it is; None when no visitor may see either (a draft, a private page, no site)."""
    site = page.get_site()
    if site is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    shown = resolve_page(page, locale, site=site)
    return shown.specific if shown is not None else None


def cancel_url(application: Application, page) -> str:
    """The cancel link of ``page`` (a page a visitor may see, from ``page_in``)."""
    query = urlencode({"token": make_token(application, CANCEL_SALT)})
    return (page.get_full_url() or "") + page.reverse_subpage("cancel") + "?" + query


def application_lines(application: Application, page) -> tuple[Series, list[dict]]:
    series = series_list([page], None)[0]
    by_uid = {session.uid: session for session in series.sessions}
    registrations = application.registrations.select_related("session").order_by("session__sort_order")
    lines = []
    for registration in registrations:
        session = by_uid.get(str(registration.session.translation_key))
        if session is None:
            continue
        lines.append(
            {
                "session": session,
                "text": session_text(session, application.language),
                "status": registration.status,
                "status_label": registration.get_status_display(),
                "position": waitlist_position(registration),
            }
        )
    return series, lines


def _message(application: Application, template: str, subject: str) -> EmailMessage | None:
    if not application.email:
        return None
    source = application.series.specific
    page = page_in(source, application.language)
    series, lines = application_lines(application, page or source)
    if page is None:
        # No page a visitor may see: the mail still tells the applicant where they stand, without a
        # link to the series or its cancel page.
        series = replace(series, url="", full_url="", organizer_url="", organizer_full_url="")
    context = {
        "application": application,
        "series": series,
        "lines": lines,
        "cancel_url": cancel_url(application, page) if page is not None else "",
    }
    message = EmailMessage(
        subject=subject % {"title": series.title, "receipt": application.receipt},
        body=render_to_string(template, context),
        from_email=chiiki_settings.APPLICATION_FROM_EMAIL,
        to=[application.email],
    )
    confirmed = {line["session"].uid for line in lines if line["status"] == RegistrationStatus.CONFIRMED}
    if confirmed:
        attendance = replace(series, sessions=tuple(s for s in series.sessions if s.uid in confirmed))
        stamp = timezone.now().replace(microsecond=0).astimezone(datetime.UTC)
        message.attach(
            "workshop.ics", calendar_ics([attendance], name=series.title, stamp=stamp), "text/calendar"
        )
    return message


def _send(application: Application, template: str, subject: str) -> None:
    with translation.override(application.language):
        try:
            message = _message(application, template, subject)
            if message is not None:
                message.send()
        except Exception as error:
            # The error's class only: SMTP errors quote the recipient's address.
            logger.error(
                "Could not send the email of workshop application %s (%s)",
                application.pk,
                type(error).__name__,
            )


def send_confirmation(application: Application) -> None:
    """After commit: the receipt, the sessions and their status, the calendar file and the cancel link."""
    pk = application.pk
    transaction.on_commit(
        lambda: _send(
            Application.objects.select_related("series").get(pk=pk),
            "wagtail_chiiki/applications/email/confirmation.txt",
            _("Application received: %(title)s (receipt %(receipt)s)"),
        )
    )


def send_promotions(registrations: Iterable[Registration]) -> None:
    """After commit: one email to each applicant moved up from the waitlist."""
    pks = sorted({registration.application_id for registration in registrations})
    for pk in pks:
        transaction.on_commit(
            lambda pk=pk: _send(
                Application.objects.select_related("series").get(pk=pk),
                "wagtail_chiiki/applications/email/promoted.txt",
                _("A seat is yours: %(title)s (receipt %(receipt)s)"),
            )
        )
