"""Demo applications for the festival, which takes applications on its page with a few seats: enough
to fill them and put one party on the waitlist, so the admin and the form show both.

The applicants are made up (example.jp addresses, no real names).
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail_chiiki.applications import seats
from wagtail_chiiki.models import Application, WorkshopSeriesPage

APPLICANTS = [
    seats.Applicant("見本 一郎", "みほん いちろう", "ichiro@example.jp", "", 2, "", "ja", "web"),
    seats.Applicant("見本 花子", "みほん はなこ", "", "0242391202", 2, "車いすで参加します。", "ja", "staff"),
    seats.Applicant("Sample Alex", "さんぷる あれっくす", "alex@example.jp", "", 3, "", "en", "web"),
]


def load_applications(series: WorkshopSeriesPage, record: Callable[[str, str, str], None]) -> None:
    """Applies the made-up applicants for every session of ``series`` once; later runs leave them."""
    sessions = [session.pk for session in series.sessions.all()]
    for applicant in APPLICANTS:
        exists = Application.objects.filter(series=series, name=applicant.name).exists()
        if not exists:
            seats.apply(series.pk, sessions, applicant, join_waitlist=True)
        record("unchanged" if exists else "created", "workshop application", applicant.name_kana)
