"""schema.org JSON-LD for a workshop series: an ``EventSeries`` whose dated sessions are ``subEvent``.

Each sub-event carries what Google's Event documentation requires (``name``, ``startDate``,
``location`` with an address) and what it recommends where known (``endDate``, ``eventStatus``,
``eventAttendanceMode``, ``description``, ``organizer``, ``offers``, ``image``). Sessions known only
to the month have no ``startDate`` a search engine accepts and are left out, as in the iCal feed.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString

from wagtail_chiiki.schedule import CANCELLED, POSTPONED, Series, Session, Venue, in_tokyo

SCHEMA = "https://schema.org/"
_EVENT_STATUS = {CANCELLED: "EventCancelled", POSTPONED: "EventPostponed"}
# Characters that could end the <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_series(series: Series) -> dict[str, Any]:
    """The series as a JSON-LD object (a dict ready for ``json.dumps``)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": series.title,
        "url": series.full_url,
        "inLanguage": series.language,
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": _place(series.venue),
    }
    if series.summary:
        data["description"] = series.summary
    if series.organizer:
        data["organizer"] = _organizer(series)
    if series.image_url:
        data["image"] = [series.image_url]
    dated = [session for session in series.sessions if session.is_dated]
    if dated:
        data["startDate"] = dated[0].starts_at.isoformat()
        last = dated[-1]
        data["endDate"] = in_tokyo(last.date, last.end or last.start).isoformat()
    data["subEvent"] = [_event(series, session) for session in dated]
    return data


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


def _event(series: Series, session: Session) -> dict[str, Any]:
    name = " ".join(part for part in (series.event_name(session), session.topic) if part)
    event: dict[str, Any] = {
        "@type": "Event",
        "@id": f"{series.full_url}#session-{session.uid}",
        "name": name,
        "startDate": session.starts_at.isoformat(),
        "eventStatus": SCHEMA + _EVENT_STATUS.get(session.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": _place(series.venue_of(session)),
        "url": series.full_url,
        "offers": _offer(series),
    }
    if session.ends_at is not None:
        event["endDate"] = session.ends_at.isoformat()
    description = " ".join(part for part in (session.topic, session.note) if part) or series.summary
    if description:
        event["description"] = description
    if series.organizer:
        event["organizer"] = _organizer(series)
    if series.image_url:
        event["image"] = [series.image_url]
    return event


def _place(venue: Venue) -> dict[str, Any]:
    place: dict[str, Any] = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address or venue.name,
            "addressCountry": "JP",
        },
    }
    if venue.located:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return place


def _organizer(series: Series) -> dict[str, Any]:
    organizer: dict[str, Any] = {"@type": "Organization", "name": series.organizer}
    if series.organizer_full_url:
        organizer["url"] = series.organizer_full_url
    return organizer


def _offer(series: Series) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": series.fee,
        "priceCurrency": "JPY",
        "url": series.application_url or series.full_url,
        "availability": SCHEMA + "InStock",
    }
    return offer
