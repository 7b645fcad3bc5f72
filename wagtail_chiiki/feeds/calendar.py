"""iCalendar (RFC 5545) for workshop series, written with the ``icalendar`` library.

Choices, documented in docs/workshops.md:

- one VEVENT per session with a day; a session planned only for a month (令和6年10月予定) is left out,
  since a calendar cannot hold "some day in October" and a made-up day would mislead;
- times in Asia/Tokyo with its VTIMEZONE; a session without a start time is an all-day event;
- the UID is the session's translation key, the same in every language and across edits, so calendar
  apps update the event instead of adding another;
- cancelled and postponed sessions stay in the feed with STATUS:CANCELLED (a calendar that already
  holds them removes them); tentative ones are STATUS:TENTATIVE.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vGeo

from wagtail_chiiki.schedule import CANCELLED, POSTPONED, TENTATIVE, Series, Session
from wagtail_chiiki.text import one_line

TIME_ZONE = "Asia/Tokyo"
UID_DOMAIN = "wagtail-chiiki"
_STATUS = {TENTATIVE: "TENTATIVE", CANCELLED: "CANCELLED", POSTPONED: "CANCELLED"}


def session_uid(session: Session) -> str:
    return f"{session.uid}@{UID_DOMAIN}"


def calendar_ics(series_list: Iterable[Series], *, name: str, stamp: datetime.datetime) -> bytes:
    """A calendar of the dated sessions of ``series_list``; ``stamp`` is the DTSTAMP of every event."""
    cal = Calendar()
    cal.add("prodid", "-//wagtail-chiiki//workshop sessions//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # A title stored before titles were checked may hold a line break, which this property cannot.
    cal.add("x-wr-calname", one_line(name))
    cal.add("x-wr-timezone", TIME_ZONE)
    for series in series_list:
        for session in series.sessions:
            if session.is_dated:
                cal.add_component(_event(series, session, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(series: Series, session: Session, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    summary = f"{series.title} {session.label}".strip()
    if session.status_label:
        summary += f" ({session.status_label})"
    event.add("summary", summary)
    start, end = _span(session)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("status", _STATUS.get(session.status, "CONFIRMED"))
    description = "\n".join(part for part in (session.topic, session.note, series.url) if part)
    if description:
        event.add("description", description)
    location = ", ".join(
        part
        for part in (
            session.venue_name or series.venue_name,
            session.venue_address if session.venue_name else series.venue_address,
        )
        if part
    )
    if location:
        event.add("location", location)
    if not session.venue_name and series.latitude is not None and series.longitude is not None:
        event.add("geo", vGeo((float(series.latitude), float(series.longitude))))
    if series.url:
        event.add("url", series.url)
    return event


def _span(
    session: Session,
) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime | None]:
    if session.start is None:
        return session.date, session.date + datetime.timedelta(days=1)
    zone = ZoneInfo(TIME_ZONE)
    start = datetime.datetime.combine(session.date, session.start, tzinfo=zone)
    end = datetime.datetime.combine(session.date, session.end, tzinfo=zone) if session.end else None
    return start, end
