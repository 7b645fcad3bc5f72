"""The capacity rule under load: 200 residents at once for a 30-seat session, and cancellations racing
the promotions they cause. Threads over real database connections (``transaction=True``).

On PostgreSQL the applications really run at the same time and the row lock decides; SQLite has one
writer, so there the threads take turns (a lock in the test) and the same assertions hold.
"""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import close_old_connections, connection
from django.db.models import Sum
from wagtail.models import Locale, Page

from tests.applications import FUTURE_SESSIONS
from wagtail_chiiki.applications import emails, seats
from wagtail_chiiki.models import Application, Registration

pytestmark = pytest.mark.django_db(transaction=True)

APPLICANTS = 200
CAPACITY = 30
WORKERS = 40  # real connections at once; PostgreSQL's default max_connections is 100


@pytest.fixture(autouse=True)
def tree_root(transactional_db):
    """The page tree's root, which a transactional test's flush removes with everything else."""
    if not Page.objects.filter(depth=1).exists():
        ja, _ = Locale.objects.get_or_create(language_code="ja")
        Page.add_root(instance=Page(title="Root", slug="root", locale=ja))


@pytest.fixture
def one_session(form_series):
    page = form_series(capacity=CAPACITY, sessions=FUTURE_SESSIONS[:1])
    return page, page.sessions.get()


def run_at_once(jobs):
    """Runs the callables on ``WORKERS`` threads started together; each thread has its own connection."""
    turns = threading.Lock() if connection.vendor == "sqlite" else None
    start = threading.Barrier(min(WORKERS, len(jobs)))

    def run(job):
        try:
            if turns is None:
                return job()
            with turns:
                return job()
        finally:
            close_old_connections()
            connection.close()

    def first(job):
        start.wait()
        return run(job)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(first if i < WORKERS else run, job) for i, job in enumerate(jobs)]
        return [future.result() for future in futures]


def applicant(i: int, people: int) -> seats.Applicant:
    return seats.Applicant(
        name=f"住民{i}", name_kana="じゅうみん", email=f"resident{i}@example.jp", phone="", people=people
    )


def people_counts() -> list[int]:
    counts = [1 + i % 4 for i in range(APPLICANTS)]
    random.Random(15).shuffle(counts)
    return counts


def apply_all(page, session, counts):
    jobs = [
        (lambda i=i, n=n: seats.apply(page.pk, [session.pk], applicant(i, n), join_waitlist=True))
        for i, n in enumerate(counts)
    ]
    return run_at_once(jobs)


def test_two_hundred_at_once_fill_exactly_the_capacity_and_wait_in_arrival_order(one_session):
    page, session = one_session
    apply_all(page, session, people_counts())

    registrations = list(Registration.objects.select_related("application").order_by("pk"))
    assert len(registrations) == APPLICANTS
    assert Application.objects.values("receipt").distinct().count() == APPLICANTS
    confirmed = [r for r in registrations if r.status == "confirmed"]
    waiting = [r for r in registrations if r.status == "waitlisted"]
    assert sum(r.application.people for r in confirmed) == CAPACITY
    assert len(confirmed) + len(waiting) == APPLICANTS
    # Waitlist numbers 1..N, given in the order the applications were saved (under the lock).
    assert [r.waitlist_number for r in waiting] == list(range(1, len(waiting) + 1))
    # Never over the capacity at any moment, and each waiting party did not fit when it came.
    taken = 0
    for registration in registrations:
        if registration.status == "confirmed":
            taken += registration.application.people
            assert taken <= CAPACITY
        else:
            assert registration.application.people > CAPACITY - taken


def test_cancellations_racing_promotions_keep_the_capacity_and_the_order(one_session, smtp_inbox):
    page, session = one_session
    apply_all(page, session, people_counts())
    confirmed = list(Application.objects.filter(registrations__status="confirmed"))

    def cancel(application):
        cancelled, promoted = seats.cancel(application)
        emails.send_promotions(promoted)
        return cancelled, promoted

    # Every confirmed resident cancels, each twice at once (a double click), while newcomers apply.
    jobs = [lambda a=a: cancel(a) for a in confirmed for _ in range(2)]
    jobs += [
        lambda i=i: seats.apply(page.pk, [session.pk], applicant(1000 + i, 1), join_waitlist=True)
        for i in range(20)
    ]
    random.Random(7).shuffle(jobs)
    results = run_at_once(jobs)

    cancelled_ids = [r.pk for result in results if isinstance(result[0], list) for r in result[0]]
    assert sorted(cancelled_ids) == sorted(set(cancelled_ids))  # each place cancelled once
    assert len(cancelled_ids) == len(confirmed)
    promoted_ids = [r.application_id for result in results for r in result[1]]
    assert len(promoted_ids) == len(set(promoted_ids))  # each promoted once

    taken = Registration.objects.filter(session=session, status="confirmed").aggregate(
        people=Sum("application__people")
    )["people"]
    assert taken <= CAPACITY
    still_waiting = list(
        Registration.objects.filter(session=session, status="waitlisted").select_related("application")
    )
    # Nobody left waiting would fit in the seats left, and nobody behind them moved up in their place
    # unless the one waiting was a larger party.
    for waiting in still_waiting:
        assert waiting.application.people > CAPACITY - taken
    promoted = list(Registration.objects.filter(promoted_at__isnull=False).select_related("application"))
    for waiting in still_waiting:
        for moved in promoted:
            if moved.waitlist_number > waiting.waitlist_number:
                assert waiting.application.people > moved.application.people
    # One email to each resident moved up, through the SMTP server.
    messages = smtp_inbox.wait_for(len(promoted))
    assert sorted(m["To"] for m in messages) == sorted(r.application.email for r in promoted)
