"""The resident's pages under a series page: the form, the receipt after applying, and cancelling.

Served through the series page's routes, so the page's privacy and language apply. Nothing here is
cached (``never_cache``) and the posted fields are hidden from error reports.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from wagtail_chiiki.applications import emails, seats
from wagtail_chiiki.applications.forms import ApplicationForm
from wagtail_chiiki.applications.offer import not_started, offer, source_series
from wagtail_chiiki.applications.privacy import privacy_policy_url
from wagtail_chiiki.applications.ratelimit import allow
from wagtail_chiiki.applications.tokens import (
    CANCEL_SALT,
    RECEIPT_MAX_AGE,
    RECEIPT_SALT,
    make_token,
    read_token,
)
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.models.applications import RegistrationStatus

TEMPLATES = "wagtail_chiiki/applications/"


def page_context(page) -> dict:
    return {"page": page, "self": page, "chiiki_base_template": chiiki_settings.BASE_TEMPLATE}


def takes_applications(page) -> bool:
    return page.application_method == "form"


def seats_error_text(error: seats.SeatsError, open_sessions) -> str:
    """The refusal of the capacity rule in words, naming the session and the seats left."""
    names = {item.row.pk: item.text for item in open_sessions}
    session = names.get(error.session.pk, "") if error.session is not None else ""
    if isinstance(error, seats.NotEnoughSeats):
        return _(
            "%(session)s: only %(seats)s seats are left. Choose fewer people, or tick the box to join "
            "the waitlist."
        ) % {"session": session, "seats": error.seats_left}
    if isinstance(error, seats.AlreadyApplied):
        return _(
            "%(session)s: you have already applied with this email address or phone number. Your receipt "
            "is in the email we sent; to change your application, cancel it with the link there and apply "
            "again."
        ) % {"session": session}
    return str(error.message)


@never_cache
@sensitive_post_parameters()
def apply_view(request, page):
    if not takes_applications(page):
        raise Http404
    language = translation.get_language() or "ja"
    series, open_sessions = offer(page, request)
    form_kwargs = {
        "open_sessions": open_sessions,
        "choose_sessions": page.later_sessions_open,
        "language": language,
    }
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST, **form_kwargs)
        if not allow(request, "apply"):
            form.add_error(None, _("Too many applications from your connection. Please try again later."))
            status = 429
        elif form.is_bot:
            form.add_error(None, _("Your application could not be sent. Please leave the last field empty."))
            status = 400
        elif form.is_valid():
            try:
                application, promoted = seats.apply(
                    source_series(page).pk,
                    [row.pk for row in form.chosen_rows()],
                    form.applicant(),
                    join_waitlist=form.cleaned_data["join_waitlist"],
                )
            except seats.SeatsError as error:
                field = "people" if isinstance(error, seats.NotEnoughSeats) else "sessions"
                form.add_error(
                    field if field in form.fields else None, seats_error_text(error, open_sessions)
                )
                series, open_sessions = offer(page, request)
                status = 409
            else:
                emails.send_confirmation(application)
                emails.send_promotions(promoted)
                query = urlencode({"token": make_token(application, RECEIPT_SALT)})
                done = page.url + page.reverse_subpage("applied") + "?" + query
                return HttpResponseRedirect(done)
        else:
            status = 400
    else:
        form = ApplicationForm(**form_kwargs)
    form.describe_errors()
    context = {
        **page_context(page),
        "series": series,
        "open_sessions": open_sessions,
        "form": form,
        "privacy_policy_url": privacy_policy_url(page),
        "retention_days": chiiki_settings.APPLICATION_RETENTION_DAYS,
    }
    return TemplateResponse(request, TEMPLATES + "apply.html", context, status=status)


def _lines(application, page) -> list[dict]:
    return emails.application_lines(application, page)[1]


@never_cache
def applied_view(request, page):
    application = read_token(request.GET.get("token", ""), RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    if application is None or application.series_id != source_series(page).pk:
        raise Http404
    context = {**page_context(page), "application": application, "lines": _lines(application, page)}
    return TemplateResponse(request, TEMPLATES + "applied.html", context)


@never_cache
@sensitive_post_parameters()
def cancel_view(request, page):
    application = read_token(request.GET.get("token", ""), CANCEL_SALT)
    context = {**page_context(page), "application": None, "cancelled": False}
    if application is None or application.series_id != source_series(page).pk:
        return TemplateResponse(request, TEMPLATES + "cancel.html", context, status=404)
    cancellable = [
        registration
        for registration in application.registrations.select_related("session__page")
        if registration.status != RegistrationStatus.CANCELLED and not_started(registration.session)
    ]
    context.update(application=application, lines=_lines(application, page), cancellable=cancellable)
    if request.method == "POST" and cancellable:
        cancelled, promoted = seats.cancel(application, still_open=not_started)
        emails.send_promotions(promoted)
        context.update(cancelled=bool(cancelled), lines=_lines(application, page), cancellable=[])
    return TemplateResponse(request, TEMPLATES + "cancel.html", context)
