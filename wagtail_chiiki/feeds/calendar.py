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

from icalendar import Calendar, Event, vGeo

from wagtail_chiiki.schedule import CANCELLED, POSTPONED, TENTATIVE, TOKYO, Series, Session
from wagtail_chiiki.text import one_line

UID_DOMAIN = "wagtail-chiiki"
_STATUS = {TENTATIVE: "TENTATIVE", CANCELLED: "CANCELLED", POSTPONED: "CANCELLED"}


def session_uid(session: Session) -> str:
    return f"{session.uid}@{UID_DOMAIN}"


#: The DTSTAMP of a calendar whose page was never published (a preview).
NEVER_PUBLISHED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def calendar_ics(series_list: Iterable[Series], *, name: str, stamp: datetime.datetime | None) -> bytes:
    """A calendar of the dated sessions of ``series_list``; ``stamp`` is the DTSTAMP of every event."""
    stamp = stamp or NEVER_PUBLISHED
    cal = Calendar()
    cal.add("prodid", "-//wagtail-chiiki//workshop sessions//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # A title stored before titles were checked may hold a line break, which this property cannot.
    cal.add("x-wr-calname", one_line(name))
    cal.add("x-wr-timezone", TOKYO.key)
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
    summary = series.event_name(session)
    if session.status_label:
        summary += f" ({session.status_label})"
    event.add("summary", summary)
    event.add("dtstart", session.starts_at)
    if session.start is None:  # an all-day event ends the next day
        event.add("dtend", session.date + datetime.timedelta(days=1))
    elif session.end is not None:
        event.add("dtend", session.ends_at)
    event.add("status", _STATUS.get(session.status, "CONFIRMED"))
    description = "\n".join(part for part in (session.topic, session.note, series.full_url) if part)
    if description:
        event.add("description", description)
    venue = series.venue_of(session)
    location = ", ".join(part for part in (venue.name, venue.address) if part)
    if location:
        event.add("location", location)
    if venue.located:
        event.add("geo", vGeo((float(venue.latitude), float(venue.longitude))))
    if series.full_url:
        event.add("url", series.full_url)
    return event
