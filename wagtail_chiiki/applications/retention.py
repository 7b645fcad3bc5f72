"""How long applications are kept: until ``APPLICATION_RETENTION_DAYS`` after a series' last session.

``purge`` (run daily by ``manage.py chiiki_purge_applications``) then deletes them, keeping per-session
counts in ``SessionTally`` unless ``APPLICATION_RETENTION`` is ``"delete"``. ``erase`` removes one
applicant at their request, giving their seats to the waitlist first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, Sum

from wagtail_chiiki.applications import emails, seats
from wagtail_chiiki.applications.offer import not_started
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.models.applications import Application, Registration, RegistrationStatus, SessionTally
from wagtail_chiiki.models.workshops import WorkshopSeriesPage
from wagtail_chiiki.schedule import last_day


def deletion_day(series: WorkshopSeriesPage, sessions=None) -> datetime.date | None:
    """The day a series' applications are deleted; ``None`` while it has no sessions."""
    rows = list(series.sessions.all()) if sessions is None else sessions
    if not rows:
        return None
    last = max(last_day(row.date, row.precision) for row in rows)
    return last + datetime.timedelta(days=chiiki_settings.APPLICATION_RETENTION_DAYS)


@dataclass(frozen=True)
class Purged:
    series_id: int
    applications: int


def due_series(today: datetime.date) -> list[WorkshopSeriesPage]:
    candidates = WorkshopSeriesPage.objects.filter(applications__isnull=False).distinct()
    return [series for series in candidates.prefetch_related("sessions") if _due(series, today)]


def _due(series: WorkshopSeriesPage, today: datetime.date) -> bool:
    day = deletion_day(series, list(series.sessions.all()))
    return day is not None and day <= today


def purge(today: datetime.date, *, dry_run: bool = False) -> list[Purged]:
    """Deletes the applications of every series past its deletion day; returns how many, per series."""
    done = []
    for series in due_series(today):
        applications = Application.objects.filter(series=series)
        count = applications.count()
        if not dry_run:
            with transaction.atomic():
                if chiiki_settings.APPLICATION_RETENTION == "counts":
                    _keep_counts(series)
                applications.delete()
        done.append(Purged(series.pk, count))
    return done


def _keep_counts(series: WorkshopSeriesPage) -> None:
    confirmed = Q(registrations__status=RegistrationStatus.CONFIRMED)
    counts = series.sessions.annotate(
        n_applications=Count("registrations"),
        n_people=Sum("registrations__application__people", filter=confirmed),
        n_waitlisted=Sum(
            "registrations__application__people",
            filter=Q(registrations__status=RegistrationStatus.WAITLISTED),
        ),
        n_cancelled=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CANCELLED)),
        n_attended=Sum("registrations__application__people", filter=Q(registrations__attended=True)),
    )
    for session in counts:
        tally, _ = SessionTally.objects.get_or_create(session=session)
        tally.applications += session.n_applications
        tally.people += session.n_people or 0
        tally.waitlisted += session.n_waitlisted or 0
        tally.cancelled += session.n_cancelled
        tally.attended += session.n_attended or 0
        tally.save()


def erase(application: Application) -> None:
    """Deletes one applicant's data; the places they held go to the waitlist (who are emailed)."""
    with transaction.atomic():
        _cancelled, promoted = seats.cancel(application, still_open=not_started)
        emails.send_promotions(promoted)
        Registration.objects.filter(application=application).delete()
        application.delete()
