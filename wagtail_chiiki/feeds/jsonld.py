"""schema.org JSON-LD for a workshop series: an ``EventSeries`` whose dated sessions are ``subEvent``.

Each sub-event carries what Google's Event documentation requires (``name``, ``startDate``,
``location`` with an address) and what it recommends where known (``endDate``, ``eventStatus``,
``eventAttendanceMode``, ``description``, ``organizer``, ``offers``, ``image``). Sessions known only
to the month have no ``startDate`` a search engine accepts and are left out, as in the iCal feed.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString

from wagtail_chiiki.schedule import CANCELLED, POSTPONED, Series, Session

SCHEMA = "https://schema.org/"
JST = datetime.timezone(datetime.timedelta(hours=9))
_EVENT_STATUS = {CANCELLED: "EventCancelled", POSTPONED: "EventPostponed"}
# Characters that could end the <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_series(series: Series) -> dict[str, Any]:
    """The series as a JSON-LD object (a dict ready for ``json.dumps``)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": series.title,
        "url": series.url,
        "inLanguage": series.language,
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": _place(series.venue_name, series.venue_address, series),
    }
    if series.summary:
        data["description"] = series.summary
    if series.organizer:
        data["organizer"] = _organizer(series)
    if series.image_url:
        data["image"] = [series.image_url]
    dated = [session for session in series.sessions if session.is_dated]
    if dated:
        data["startDate"] = _moment(dated[0].date, dated[0].start)
        last = dated[-1]
        data["endDate"] = _moment(last.date, last.end or last.start)
    data["subEvent"] = [_event(series, session) for session in dated]
    return data


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


def _event(series: Series, session: Session) -> dict[str, Any]:
    name = f"{series.title} {session.label}".strip()
    if session.topic:
        name += f" {session.topic}"
    event: dict[str, Any] = {
        "@type": "Event",
        "@id": f"{series.url}#session-{session.uid}",
        "name": name,
        "startDate": _moment(session.date, session.start),
        "eventStatus": SCHEMA + _EVENT_STATUS.get(session.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": _place(
            session.venue_name or series.venue_name,
            session.venue_address if session.venue_name else series.venue_address,
            None if session.venue_name else series,
        ),
        "url": series.url,
        "offers": _offer(series),
    }
    if session.end is not None:
        event["endDate"] = _moment(session.date, session.end)
    description = " ".join(part for part in (session.topic, session.note) if part) or series.summary
    if description:
        event["description"] = description
    if series.organizer:
        event["organizer"] = _organizer(series)
    if series.image_url:
        event["image"] = [series.image_url]
    return event


def _moment(day: datetime.date, time: datetime.time | None) -> str:
    """``2024-06-21T18:30:00+09:00``; a bare date when there is no time."""
    if time is None:
        return day.isoformat()
    return datetime.datetime.combine(day, time, tzinfo=JST).isoformat()


def _place(name: str, address: str, series: Series | None) -> dict[str, Any]:
    place: dict[str, Any] = {
        "@type": "Place",
        "name": name,
        "address": {"@type": "PostalAddress", "streetAddress": address or name, "addressCountry": "JP"},
    }
    if series is not None and series.latitude is not None and series.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(series.latitude),
            "longitude": float(series.longitude),
        }
    return place


def _organizer(series: Series) -> dict[str, Any]:
    organizer: dict[str, Any] = {"@type": "Organization", "name": series.organizer}
    if series.organizer_url:
        organizer["url"] = series.organizer_url
    return organizer


def _offer(series: Series) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": series.fee,
        "priceCurrency": "JPY",
        "url": series.application_url or series.url,
        "availability": SCHEMA + "InStock",
    }
    return offer
