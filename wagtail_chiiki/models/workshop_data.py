"""Workshop series pages as the plain values of ``schedule``, read in a fixed number of queries.

The series page, the upcoming-sessions list and every feed go through ``series_values``: one place
decides the session numbers, the times shown (a session's own or the series' usual ones), the
organizer's and contact's names in the page's language, and the texts the feeds carry.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.feeds.calendar import calendar_ics
from wagtail_chiiki.feeds.opendata import Municipality, event_list_lines
from wagtail_chiiki.feeds.responses import calendar_response, csv_download
from wagtail_chiiki.listings.visibility import localize_all, visible
from wagtail_chiiki.schedule import SCHEDULED, Series, Session, next_session, number_sessions


def series_values(pages: Sequence, request, sessions: Iterable | None = None) -> list[Series]:
    """``Series`` values of workshop series pages, in order; ``sessions`` of all of them, or each
    page's own (in memory, so previews show unsaved sessions)."""
    if not pages:
        return []
    by_page: dict[int, list] = defaultdict(list)
    if sessions is None:
        for page in pages:
            by_page[page.pk] = list(page.sessions.all())
    else:
        for session in sessions:
            by_page[session.page_id].append(session)
    locale = pages[0].locale
    organizers = localize_all((page.organizer for page in pages if page.organizer_id), locale)
    contacts = localize_all((page.contact for page in pages if page.contact_id), locale)
    # Only an English translation a visitor may see gives the English title, never a draft one.
    english = dict(
        visible(
            Page.objects.filter(
                translation_key__in=[page.translation_key for page in pages], locale__language_code="en"
            )
        ).values_list("translation_key", "title")
    )
    with translation.override(locale.language_code):
        return [
            _series(
                page, by_page[page.pk], organizers, contacts, english.get(page.translation_key, ""), request
            )
            for page in pages
            if page.locale_id == locale.pk
        ]


def _series(page, rows: list, organizers: dict, contacts: dict, title_english: str, request) -> Series:
    organizer = organizers.get(page.organizer_id) if page.organizer_id else None
    contact = contacts.get(page.contact_id) if page.contact_id else None
    numbers = number_sessions([row.number for row in rows])
    # A series of one session (a festival) is not numbered: "第1回" would suggest more to come.
    sessions = tuple(
        _session(page, row, number, numbered=len(rows) > 1) for row, number in zip(rows, numbers, strict=True)
    )
    url = page.get_full_url(request) or ""
    return Series(
        title=page.title,
        url=url,
        full_url=url,
        summary=page.summary,
        title_kana=page.title_kana,
        title_english=page.title if translation.get_language() == "en" else title_english,
        organizer=organizer.title if organizer else page.organizer_name,
        organizer_url=(organizer.get_full_url(request) or "") if organizer else "",
        organizer_full_url=(organizer.get_full_url(request) or "") if organizer else "",
        venue_name=page.venue_name,
        venue_address=page.venue_address,
        latitude=page.latitude,
        longitude=page.longitude,
        access=page.access,
        audience=page.audience,
        capacity=page.capacity,
        fee=page.fee,
        fee_text=_("Free") if page.fee == 0 else _("%(fee)s yen") % {"fee": f"{page.fee:,}"},
        fee_note=page.fee_note,
        application=_application_text(page),
        application_url=page.application_value if page.application_method == "url" else "",
        deadline=page.application_deadline,
        later_sessions_open=page.later_sessions_open,
        contact_name=f"{contact.name} {contact.department}".strip() if contact else "",
        contact_phone=contact.phone if contact else "",
        language=translation.get_language(),
        sessions=sessions,
    )


def _session(page, row, number: int, *, numbered: bool) -> Session:
    own_times = row.start_time is not None
    return Session(
        uid=str(row.translation_key),
        number=number,
        label=_("Session %(number)s") % {"number": number} if numbered else "",
        date=row.date,
        precision=row.precision,
        start=row.start_time if own_times else page.usual_start,
        end=row.end_time if own_times else page.usual_end,
        topic=row.topic,
        status=row.status,
        status_label="" if row.status == SCHEDULED else str(row.get_status_display()),
        note=row.note,
        venue_name=row.venue_name,
        venue_address=row.venue_address,
    )


def _application_text(page) -> str:
    if page.application_method == "none":
        return str(page.get_application_method_display())
    return _("%(method)s: %(value)s") % {
        "method": page.get_application_method_display(),
        "value": page.application_value,
    }


@dataclass(frozen=True)
class SessionView:
    """A session as a page shows it: with its series, whether it is over and whether it is next."""

    session: Session
    series: Series
    is_past: bool
    is_next: bool


def session_views(series: Series, today: datetime.date) -> list[SessionView]:
    upcoming = next_session(series.sessions, today)
    return [
        SessionView(
            session, series, session.is_past(today), upcoming is not None and session.uid == upcoming.uid
        )
        for session in series.sessions
    ]


def upcoming_sessions(series_list: Iterable[Series], today: datetime.date) -> list[SessionView]:
    """Every session of ``series_list`` not yet over, soonest first; each series' next one marked."""
    views = []
    for series in series_list:
        upcoming = next_session(series.sessions, today)
        views += [
            SessionView(session, series, False, upcoming is not None and session.uid == upcoming.uid)
            for session in series.sessions
            if not session.is_past(today)
        ]
    return sorted(views, key=lambda view: (view.session.date, view.session.start or datetime.time.min))


def ical_response(series_list: list[Series], *, name: str, stamp: datetime.datetime | None) -> HttpResponse:
    stamp = stamp or datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    return calendar_response(calendar_ics(series_list, name=name, stamp=stamp))


def event_list_download(series_list: list[Series], *, filename: str) -> StreamingHttpResponse:
    municipality = Municipality(
        code=chiiki_settings.OPEN_DATA_MUNICIPALITY_CODE,
        prefecture=chiiki_settings.OPEN_DATA_PREFECTURE,
        name=chiiki_settings.OPEN_DATA_MUNICIPALITY,
    )
    return csv_download(event_list_lines(series_list, municipality), filename=filename)
