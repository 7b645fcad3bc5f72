"""The capacity rule: who gets a seat, who waits, and who moves up when seats are freed.

Every change to a session's seats happens inside one transaction that first locks the session's row
(``select_for_update``), then counts and writes. Checking free seats before taking the lock would let
two residents take the last seat. Rows of several sessions are locked in primary-key order so that
two applications for overlapping sessions never deadlock.

Seats go to the first in line among those who fit: a party that does not fit waits; a smaller party
arriving later may take seats the waiting party cannot use; freed seats go through the waitlist in
order, each entry that fits moving up.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.models.applications import Application, Registration, RegistrationStatus
from wagtail_chiiki.models.sessions import WorkshopSession

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone
RECEIPT_LENGTH = 8
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class SeatsError(Exception):
    """An application the rule refuses; ``message`` is for the resident, ``session`` the one concerned."""

    def __init__(self, message, session: WorkshopSession | None = None, seats_left: int | None = None):
        super().__init__(str(message))
        self.message = message
        self.session = session
        self.seats_left = seats_left


class AlreadyApplied(SeatsError):
    pass


class NotEnoughSeats(SeatsError):
    pass


class SessionClosed(SeatsError):
    pass


@dataclass(frozen=True)
class Applicant:
    """The details a resident (or staff on their behalf) gives."""

    name: str
    name_kana: str
    email: str
    phone: str
    people: int
    note: str = ""
    language: str = "ja"
    source: str = "web"


def capacity_of(session: WorkshopSession) -> int | None:
    """Seats of a session in people: its own capacity, else the series'; ``None`` when not limited."""
    return session.capacity if session.capacity is not None else session.page.capacity


def confirmed_people(sessions: Iterable[WorkshopSession]) -> dict[int, int]:
    rows = (
        Registration.objects.filter(session__in=list(sessions), status=RegistrationStatus.CONFIRMED)
        .values("session")
        .annotate(people=Sum("application__people"))
    )
    return {row["session"]: row["people"] or 0 for row in rows}


def _lock(session_ids: Iterable[int]) -> list[WorkshopSession]:
    return list(
        WorkshopSession.objects.select_for_update(of=("self",))
        .filter(pk__in=sorted(set(session_ids)))
        .select_related("page")
        .order_by("pk")
    )


def apply(series_id: int, session_ids: Sequence[int], applicant: Applicant, *, join_waitlist: bool):
    """Saves an application for the sessions of a series; returns it with the sessions promoted on the way.

    Raises a ``SeatsError`` and saves nothing when a session is not of the series, the same email or
    phone already holds a place in one of them, or a party does not fit and may not wait.
    """
    with transaction.atomic():
        sessions = _lock(session_ids)
        if not sessions or len(sessions) != len(set(session_ids)):
            raise SessionClosed(_("The session you chose no longer takes applications."))
        if any(session.page_id != series_id for session in sessions):
            raise SessionClosed(_("The session you chose no longer takes applications."))
        promoted = [reg for session in sessions for reg in _promote_locked(session)]
        _refuse_duplicates(sessions, applicant)
        taken = confirmed_people(sessions)
        statuses = {}
        for session in sessions:
            capacity = capacity_of(session)
            free = None if capacity is None else max(capacity - taken.get(session.pk, 0), 0)
            if free is None or applicant.people <= free:
                statuses[session.pk] = RegistrationStatus.CONFIRMED
            elif join_waitlist:
                statuses[session.pk] = RegistrationStatus.WAITLISTED
            else:
                raise NotEnoughSeats(
                    _("Not enough seats are left for the number of people."), session, seats_left=free
                )
        application = _create_application(series_id, applicant)
        next_numbers = _next_waitlist_numbers(sessions)
        Registration.objects.bulk_create(
            Registration(
                application=application,
                session=session,
                status=statuses[session.pk],
                waitlist_number=next_numbers[session.pk]
                if statuses[session.pk] == RegistrationStatus.WAITLISTED
                else None,
            )
            for session in sessions
        )
    return application, promoted


def _refuse_duplicates(sessions: list[WorkshopSession], applicant: Applicant) -> None:
    same_person = Q(pk__in=[])
    if applicant.email:
        same_person |= Q(application__email__iexact=applicant.email)
    if applicant.phone:
        same_person |= Q(application__phone=applicant.phone)
    duplicate = (
        Registration.objects.filter(session__in=sessions, status__in=ACTIVE).filter(same_person).first()
    )
    if duplicate is not None:
        raise AlreadyApplied(
            _("You have already applied for this session with this email address or phone number."),
            duplicate.session,
        )


def _create_application(series_id: int, applicant: Applicant) -> Application:
    fields = {name: getattr(applicant, name) for name in Applicant.__dataclass_fields__}
    while True:
        receipt = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
        try:
            with transaction.atomic():
                return Application.objects.create(
                    series_id=series_id, receipt=receipt, token_secret=secrets.token_hex(16), **fields
                )
        except IntegrityError:
            if Application.objects.filter(receipt=receipt).exists():
                continue  # the rare receipt drawn twice: draw again
            raise


def _next_waitlist_numbers(sessions: list[WorkshopSession]) -> dict[int, int]:
    rows = (
        Registration.objects.filter(session__in=sessions)
        .values("session")
        .annotate(last=Max("waitlist_number"))
    )
    last = {row["session"]: row["last"] or 0 for row in rows}
    return {session.pk: last.get(session.pk, 0) + 1 for session in sessions}


def _promote_locked(session: WorkshopSession) -> list[Registration]:
    """Moves waitlisted registrations of a locked session up, in order, while they fit."""
    capacity = capacity_of(session)
    waiting = list(
        Registration.objects.filter(session=session, status=RegistrationStatus.WAITLISTED)
        .select_related("application")
        .order_by("waitlist_number")
    )
    if not waiting:
        return []
    free = None if capacity is None else capacity - confirmed_people([session]).get(session.pk, 0)
    promoted = []
    now = timezone.now()
    for registration in waiting:
        if free is not None and registration.application.people > free:
            continue
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        promoted.append(registration)
        if free is not None:
            free -= registration.application.people
    return promoted


def promote(session_ids: Iterable[int]) -> list[Registration]:
    """Fills freed seats (after a cancellation or a larger capacity) from the waitlists, in order."""
    with transaction.atomic():
        return [reg for session in _lock(session_ids) for reg in _promote_locked(session)]


def cancel(application: Application, *, only_session_ids: Iterable[int] | None = None, still_open=None):
    """Cancels an application's places in sessions not yet started (or those given) and fills them again.

    Returns the cancelled and the promoted registrations.
    """
    with transaction.atomic():
        active = Registration.objects.filter(application=application, status__in=ACTIVE)
        if only_session_ids is not None:
            active = active.filter(session_id__in=list(only_session_ids))
        sessions = _lock(active.values_list("session_id", flat=True))
        # Read again under the lock: a racing cancellation may have come first.
        cancelled = list(
            Registration.objects.filter(pk__in=active.values("pk"), status__in=ACTIVE).select_related(
                "session__page"
            )
        )
        if still_open is not None:
            cancelled = [reg for reg in cancelled if still_open(reg.session)]
        now = timezone.now()
        for registration in cancelled:
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
        freed = {reg.session_id for reg in cancelled}
        promoted = [reg for session in sessions if session.pk in freed for reg in _promote_locked(session)]
    return cancelled, promoted


def waitlist_position(registration: Registration) -> int:
    """Place in the queue of a waitlisted registration: 1 for the first still waiting."""
    return (
        Registration.objects.filter(
            session_id=registration.session_id,
            status=RegistrationStatus.WAITLISTED,
            waitlist_number__lte=registration.waitlist_number,
        ).count()
        if registration.status == RegistrationStatus.WAITLISTED
        else 0
    )
