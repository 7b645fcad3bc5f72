"""Which sessions of a series take applications now, with their seats left, in the page's language.

Applications are held by the sessions of the series page in the site's default language (the source of
its translations): a resident applying on the English page takes a seat in the same session.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from wagtail_chiiki import dates
from wagtail_chiiki.applications.seats import capacity_of, confirmed_people
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.listings.workshops import series_list
from wagtail_chiiki.models.sessions import WorkshopSession
from wagtail_chiiki.schedule import Series, Session


@dataclass(frozen=True)
class OpenSession:
    """A session a resident can apply for: the row that holds its seats and how the page names it."""

    row: WorkshopSession
    session: Session
    text: str
    seats_left: int | None


def source_series(page):
    """The series page whose sessions hold the seats: the default-language one when it exists."""
    source = page.get_translation_or_none(Locale.get_default())
    return source.specific if source is not None else page


def starts_at(day: datetime.date, start: datetime.time | None) -> datetime.datetime:
    """When a session starts, in the site's time zone; the day's start when it has no time."""
    return timezone.make_aware(datetime.datetime.combine(day, start or datetime.time.min))


def not_started(row: WorkshopSession, now: datetime.datetime | None = None) -> bool:
    """Whether a session row (with its page) has yet to start: places in it may still be cancelled."""
    return starts_at(row.date, row.start_time or row.page.usual_start) > (now or timezone.now())


def session_text(session: Session, language: str) -> str:
    """``第1回 令和6年6月21日(金)18時30分から20時`` / ``Session 1: Fri, June 21, 2024, 6:30–8 pm``."""
    when = dates.format_date_with_time_range(
        session.date,
        session.start,
        session.end,
        language,
        weekday_style=chiiki_settings.WEEKDAY_STYLE,
        style=chiiki_settings.DATE_STYLE,
    )
    if not session.label:
        return when
    return _("%(label)s: %(when)s") % {"label": session.label, "when": when}


def offer(page, request, now: datetime.datetime | None = None) -> tuple[Series, list[OpenSession]]:
    """The series as the page shows it, and its sessions that take applications at ``now``.

    A session takes applications while it has a day, takes place, has not started and its deadline
    (the series' deadline, or none for later sessions when the series says so) has not passed.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    series = series_list([page], request)[0]
    rows = {
        str(row.translation_key): row
        for row in WorkshopSession.objects.filter(page=source_series(page)).select_related("page")
    }
    taken = confirmed_people(rows.values())
    language = translation.get_language() or "ja"
    open_sessions = []
    for session in series.sessions:
        row = rows.get(session.uid)
        if row is None or not session.is_dated or not session.takes_place:
            continue
        if starts_at(session.date, session.start) <= now:
            continue
        deadline = series.deadline_for(session)
        if deadline is not None and today > deadline:
            continue
        capacity = capacity_of(row)
        seats_left = None if capacity is None else max(capacity - taken.get(row.pk, 0), 0)
        open_sessions.append(OpenSession(row, session, session_text(session, language), seats_left))
    return series, open_sessions
