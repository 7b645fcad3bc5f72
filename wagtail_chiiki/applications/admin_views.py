"""The admin of workshop applications: series with their counts, one series' sessions and applicants,
a phone application, the CSV, and one applicant's export and erasure.

Every view checks a permission of ``permissions`` and reads series through ``series_for_user``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wagtail_chiiki.applications import emails, export, seats
from wagtail_chiiki.applications.forms import StaffApplicationForm
from wagtail_chiiki.applications.offer import not_started, offer, session_text
from wagtail_chiiki.applications.permissions import ADD, CHANGE, DELETE, EXPORT, VIEW, series_for_user
from wagtail_chiiki.applications.retention import deletion_day, erase
from wagtail_chiiki.applications.views import seats_error_text
from wagtail_chiiki.feeds.responses import csv_download
from wagtail_chiiki.feeds.spreadsheet import csv_lines
from wagtail_chiiki.listings.workshops import series_list
from wagtail_chiiki.models.applications import Application, Registration, RegistrationStatus

TEMPLATES = "wagtail_chiiki/applications/admin/"
CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _series(request, pk: int):
    _require(request, VIEW)
    return get_object_or_404(series_for_user(request.user), pk=pk)


def session_counts(sessions) -> list[dict]:
    """Per session: capacity, people confirmed, people waiting, cancellations and attendance."""
    people = "registrations__application__people"
    rows = sessions.annotate(
        confirmed=Sum(people, filter=Q(registrations__status=CONFIRMED)),
        waitlisted=Sum(people, filter=Q(registrations__status=WAITLISTED)),
        cancelled=Count("registrations", filter=Q(registrations__status=CANCELLED)),
        attended=Sum(people, filter=Q(registrations__attended=True)),
    ).select_related("page", "tally")
    return [
        {
            "row": row,
            "capacity": seats.capacity_of(row),
            "confirmed": row.confirmed or 0,
            "waitlisted": row.waitlisted or 0,
            "cancelled": row.cancelled,
            "attended": row.attended or 0,
            "tally": getattr(row, "tally", None),
        }
        for row in rows
    ]


def _labels(series_page) -> dict[int, str]:
    """Session row id → 第1回 令和…, in the admin's language."""
    values = series_list([series_page], None)[0]
    by_uid = {session.uid: session for session in values.sessions}
    language = translation.get_language() or "ja"
    return {
        row.pk: session_text(by_uid[str(row.translation_key)], language)
        for row in series_page.sessions.all()
        if str(row.translation_key) in by_uid
    }


@never_cache
def index(request):
    _require(request, VIEW)
    series = []
    for page in series_for_user(request.user).prefetch_related("sessions"):
        sessions = list(page.sessions.all())
        labels = _labels(page)
        counts = [
            {**count, "label": labels.get(count["row"].pk, "")}
            for count in session_counts(page.sessions.all())
        ]
        if page.application_method != "form" and not any(c["confirmed"] or c["waitlisted"] for c in counts):
            continue
        series.append({"page": page, "counts": counts, "deletion_day": deletion_day(page, sessions)})
    context = {"page_title": _("Workshop applications"), "header_icon": "form", "series_list": series}
    return TemplateResponse(request, TEMPLATES + "index.html", context)


@never_cache
def series_detail(request, pk: int):
    page = _series(request, pk)
    labels = _labels(page)
    registrations = (
        Registration.objects.filter(session__page=page)
        .select_related("application")
        .order_by("session__sort_order", "status", "waitlist_number", "pk")
    )
    by_session: dict[int, list] = {}
    for registration in registrations:
        by_session.setdefault(registration.session_id, []).append(registration)
    sessions = [
        {
            **counts,
            "label": labels.get(counts["row"].pk, ""),
            "registrations": by_session.get(counts["row"].pk, []),
        }
        for counts in session_counts(page.sessions.all())
    ]
    context = {
        "page_title": page.title,
        "page_subtitle": _("Applications"),
        "header_icon": "form",
        "series": page,
        "sessions": sessions,
        "deletion_day": deletion_day(page),
        "can_add": request.user.has_perm(ADD),
        "can_change": request.user.has_perm(CHANGE),
        "can_export": request.user.has_perm(EXPORT),
        "encodings": export.ENCODINGS,
    }
    return TemplateResponse(request, TEMPLATES + "series.html", context)


@require_POST
def registration_action(request, pk: int, registration_id: int):
    """Attendance marks, a staff cancellation, or filling freed seats from the waitlist."""
    page = _series(request, pk)
    _require(request, CHANGE)
    registration = get_object_or_404(
        Registration.objects.select_related("application", "session__page"),
        pk=registration_id,
        session__page=page,
    )
    action = request.POST.get("action", "")
    if action in ("attended", "absent", "unknown"):
        registration.attended = {"attended": True, "absent": False}.get(action)
        registration.save(update_fields=["attended"])
    elif action == "cancel" and not not_started(registration.session):
        messages.error(request, _("This session has started: mark the attendance instead."))
    elif action == "cancel":
        _cancelled, promoted = seats.cancel(
            registration.application, only_session_ids=[registration.session_id], still_open=not_started
        )
        emails.send_promotions(promoted)
        messages.success(
            request,
            _("Cancelled %(receipt)s; %(count)s moved up from the waitlist.")
            % {"receipt": registration.application.receipt, "count": len(promoted)},
        )
    elif action == "promote":
        promoted = seats.promote([registration.session_id])
        emails.send_promotions(promoted)
        messages.success(request, _("%(count)s moved up from the waitlist.") % {"count": len(promoted)})
    else:
        messages.error(request, _("Unknown action."))
    return redirect("chiiki_applications_series", pk=page.pk)


@never_cache
@sensitive_post_parameters()
def staff_apply(request, pk: int):
    """A phone or counter application, through the same capacity rule as the web form."""
    page = _series(request, pk)
    _require(request, ADD)
    _values, open_sessions = offer(page, request)
    kwargs = {"open_sessions": open_sessions, "choose_sessions": True, "language": page.locale.language_code}
    form = StaffApplicationForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            application, promoted = seats.apply(
                page.pk,
                [row.pk for row in form.chosen_rows()],
                form.applicant(source="staff"),
                join_waitlist=form.cleaned_data["join_waitlist"],
            )
        except seats.SeatsError as error:
            form.add_error(None, seats_error_text(error, open_sessions))
        else:
            emails.send_confirmation(application)
            emails.send_promotions(promoted)
            messages.success(request, _("Application %(receipt)s saved.") % {"receipt": application.receipt})
            return redirect("chiiki_applications_series", pk=page.pk)
    context = {
        "page_title": _("Phone application"),
        "page_subtitle": page.title,
        "header_icon": "form",
        "series": page,
        "form": form,
    }
    return TemplateResponse(request, TEMPLATES + "staff_apply.html", context)


@never_cache
def csv_view(request, pk: int):
    page = _series(request, pk)
    _require(request, EXPORT)
    encoding = request.GET.get("encoding", "utf-8")
    if encoding not in export.ENCODINGS:
        encoding = "utf-8"
    registrations = (
        Registration.objects.filter(session__page=page)
        .select_related("application")
        .order_by("session__sort_order", "pk")
    )
    lines = csv_lines(export.header(), export.rows(registrations, _labels(page)))
    stamp = timezone.localdate().strftime("%Y%m%d")
    return csv_download(
        lines, filename=f"applications-{page.pk}-{stamp}.csv", encoding=encoding, private=True
    )


def _application(request, pk: int) -> Application:
    _require(request, VIEW)
    return get_object_or_404(
        Application.objects.select_related("series").filter(series__in=series_for_user(request.user)), pk=pk
    )


@never_cache
def applicant(request, pk: int):
    """One applicant: their data, a JSON export and erasure."""
    application = _application(request, pk)
    if request.GET.get("format") == "json":
        _require(request, EXPORT)
        return export.applicant_json(application)
    context = {
        "page_title": _("Application %(receipt)s") % {"receipt": application.receipt},
        "header_icon": "user",
        "application": application,
        "data": export.applicant_data(application),
        "can_export": request.user.has_perm(EXPORT),
        "can_delete": request.user.has_perm(DELETE),
    }
    return TemplateResponse(request, TEMPLATES + "applicant.html", context)


@require_POST
def erase_applicant(request, pk: int):
    application = _application(request, pk)
    _require(request, DELETE)
    series_id, receipt = application.series_id, application.receipt
    erase(application)
    messages.success(
        request, _("The data of application %(receipt)s has been erased.") % {"receipt": receipt}
    )
    return redirect("chiiki_applications_series", pk=series_id)
