"""Applications out of the database: the staff CSV (UTF-8 with BOM or cp932, formulas neutralised) and
one applicant's data as JSON for a request to see it."""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils.translation import gettext as _

from wagtail_chiiki.models.applications import Application, Registration

ENCODINGS = ("utf-8", "cp932")


def header() -> list[str]:
    return [
        _("Receipt number"),
        _("Session"),
        _("Status"),
        _("Waitlist number"),
        _("Name"),
        _("Name in kana"),
        _("Email"),
        _("Phone"),
        _("Number of people"),
        _("Note"),
        _("Received through"),
        _("Applied at"),
        _("Attended"),
    ]


def rows(registrations: Iterable[Registration], session_names: dict[int, str]) -> Iterable[list]:
    for registration in registrations:
        application = registration.application
        yield [
            application.receipt,
            session_names.get(registration.session_id, ""),
            registration.get_status_display(),
            registration.waitlist_number or "",
            application.name,
            application.name_kana,
            application.email,
            application.phone,
            application.people,
            application.note,
            application.get_source_display(),
            application.created_at.isoformat(timespec="seconds"),
            {True: _("Yes"), False: _("No")}.get(registration.attended, ""),
        ]


def applicant_data(application: Application) -> dict:
    """Everything kept about one applicant, for a request to see one's own data."""
    return {
        "receipt": application.receipt,
        "series": application.series.title,
        "name": application.name,
        "name_kana": application.name_kana,
        "email": application.email,
        "phone": application.phone,
        "people": application.people,
        "note": application.note,
        "language": application.language,
        "source": application.source,
        "applied_at": application.created_at.isoformat(),
        "sessions": [
            {
                "date": registration.session.date.isoformat(),
                "topic": registration.session.topic,
                "status": registration.status,
                "waitlist_number": registration.waitlist_number,
                "attended": registration.attended,
                "cancelled_at": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
            }
            for registration in application.registrations.select_related("session")
        ],
    }


def applicant_json(application: Application) -> HttpResponse:
    response = HttpResponse(
        json.dumps(applicant_data(application), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="application-{application.receipt}.json"'
    response["Cache-Control"] = "no-store"
    return response
