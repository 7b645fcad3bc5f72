"""Workshop series and their sessions as the plain values of ``schedule``, for pages and feeds alike.

One place decides the session numbers, the times shown (a session's own or the series' usual ones),
and what a series names: its organizer only when a visitor may see the organization's page (in the
reader's language through its visible translation only), the English title only from a visible
translation. The series page and the feeds read whole series; the workshop index reads only the
sessions it shows, chosen, ordered and windowed by the database.

The page models call this module; it never imports them (the series page class comes from the app
registry).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.feeds.opendata import Municipality
from wagtail_chiiki.listings.common import pagination
from wagtail_chiiki.listings.visibility import localize_all, localize_pages, visible
from wagtail_chiiki.models.sessions import SessionStatus, WorkshopSession
from wagtail_chiiki.models.snippets import Contact
from wagtail_chiiki.schedule import (
    MONTH,
    SCHEDULED,
    Series,
    Session,
    applications_open,
    is_over,
    next_session,
    number_sessions,
)

#: What a session row gives its ``Session`` value (read as plain rows for the workshop index).
_SESSION_FIELDS = (
    "id",
    "page_id",
    "translation_key",
    "number",
    "date",
    "precision",
    "start_time",
    "end_time",
    "topic",
    "status",
    "note",
    "venue_name",
    "venue_address",
)
_STATUS_LABELS = dict(SessionStatus.choices)


@dataclass(frozen=True)
class SessionView:
    """A session as a page shows it: with its series, whether it is over and whether it is next."""

    session: Session
    series: Series
    is_past: bool
    is_next: bool


@dataclass(frozen=True)
class SeriesSessions:
    """A series with the sessions a list shows of it, and whether the whole series is over (every
    session past, whichever sessions are shown): a series that is over offers no application."""

    series: Series
    sessions: list[SessionView]
    is_over: bool


@dataclass(frozen=True)
class SeriesPageView:
    """What the series page shows besides its own fields: the series, its sessions, its contact."""

    series: Series
    sessions: tuple[SessionView, ...]
    applications_open: bool
    contact: Contact | None = None


@dataclass(frozen=True)
class _References:
    """What series point at, as a visitor may see it in the series' language."""

    organizers: dict = field(default_factory=dict)  # organizer pk → the visible organization page
    contacts: dict = field(default_factory=dict)  # contact pk → the contact in the series' language
    english_titles: dict = field(default_factory=dict)  # translation key → live English title


# -- whole series: the series page and every feed --------------------------------------------------


def series_page(page, request: HttpRequest, today: datetime.date) -> SeriesPageView:
    """The series page's values; its own sessions in memory, so previews show unsaved ones."""
    references = _references([page], request, page.locale)
    series = _series_list([page], request, references, {page.pk: list(page.sessions.all())})[0]
    return SeriesPageView(
        series=series,
        sessions=tuple(session_views(series, today)),
        applications_open=applications_open(series, today),
        contact=references.contacts.get(page.contact_id),
    )


def series_list(pages: Sequence, request: HttpRequest) -> list[Series]:
    """Whole ``Series`` of ``pages`` (of one language), in order: every session, organizer, contact."""
    if not pages:
        return []
    sessions = WorkshopSession.objects.filter(page__in=[page.pk for page in pages]).order_by("sort_order")
    by_page: dict[int, list] = defaultdict(list)
    for session in sessions:
        by_page[session.page_id].append(session)
    return _series_list(pages, request, _references(pages, request, pages[0].locale), by_page)


def visible_series(request: HttpRequest, locale: Locale) -> QuerySet:
    """The series a visitor may see: live, public, of the request's site, in ``locale``, in tree order."""
    pages = apps.get_model("wagtail_chiiki", "WorkshopSeriesPage").objects.all()
    return visible(pages, locale=locale, request=request).order_by("path")


def site_series(request: HttpRequest, locale: Locale) -> list[Series]:
    """Every visible series of the site in ``locale``, whole: the workshop index's feeds."""
    return series_list(
        list(visible_series(request, locale).select_related("organizer", "contact", "locale")), request
    )


def series_sessions(
    request: HttpRequest | None,
    locale: Locale,
    today: datetime.date,
    *,
    pages: QuerySet | None = None,
    when: str = "upcoming",
) -> list[SeriesSessions]:
    """Visible series (``pages`` narrows them) with their sessions ``when`` asks for, in a fixed
    number of queries; a series with none of them is left out. ``when``: ``upcoming``, ``past`` (newest
    first) or ``all``."""
    shown = visible_series(request, locale)
    if pages is not None:
        shown = shown.filter(pk__in=pages.values("pk"))
    result = []
    for series in series_list(list(shown.select_related("organizer", "contact", "locale")), request):
        views = [
            view for view in session_views(series, today) if when == "all" or view.is_past == (when == "past")
        ]
        if when == "past":
            views.reverse()
        if views:
            result.append(SeriesSessions(series, views, is_over(series, today)))
    return result


def organizer_series(organization: Page, request: HttpRequest | None, locale: Locale) -> QuerySet:
    """The visible series organized by ``organization`` (any of its translations), in tree order."""
    return visible_series(request, locale).filter(organizer__translation_key=organization.translation_key)


def municipality() -> Municipality:
    """The publisher the open-data event list names, from the package settings."""
    return Municipality(
        code=chiiki_settings.OPEN_DATA_MUNICIPALITY_CODE,
        prefecture=chiiki_settings.OPEN_DATA_PREFECTURE,
        name=chiiki_settings.OPEN_DATA_MUNICIPALITY,
    )


def session_views(series: Series, today: datetime.date) -> list[SessionView]:
    upcoming = next_session(series.sessions, today)
    return [
        SessionView(
            session, series, session.is_past(today), upcoming is not None and session.uid == upcoming.uid
        )
        for session in series.sessions
    ]


# -- the workshop index: the sessions to come, a page of them at a time -----------------------------


def upcoming_sessions(request: HttpRequest, locale: Locale, today: datetime.date) -> QuerySet:
    """Sessions not yet over of the visible series, soonest first (series in tree order)."""
    not_over = Q(date__gte=today) | Q(precision=MONTH, date__gte=today.replace(day=1))
    return WorkshopSession.objects.filter(
        not_over, page__in=visible_series(request, locale).values("pk")
    ).order_by(
        "date",
        Coalesce("start_time", "page__usual_start").asc(nulls_first=True),
        "page__path",
        "sort_order",
    )


def upcoming_page(request: HttpRequest, locale: Locale, today: datetime.date, *, per_page: int) -> dict:
    """The page of upcoming sessions ``?page=`` asks for: the pagination context and ``sessions``.

    Only the shown sessions (with their series) are read whole; the other sessions of those series,
    which decide 第N回 and the next session, are read as plain rows.
    """
    upcoming = upcoming_sessions(request, locale, today).select_related("page")
    context = pagination(Paginator(upcoming, per_page), request)
    shown = list(context["page_obj"].object_list)
    series_pages = {row.page_id: row.page for row in shown}
    by_page: dict[int, list] = defaultdict(list)
    siblings = WorkshopSession.objects.filter(page__in=series_pages).order_by("sort_order")
    for row in siblings.values(*_SESSION_FIELDS):
        by_page[row["page_id"]].append(SimpleNamespace(**row))
    with translation.override(locale.language_code):
        series = {pk: _series(page, by_page[pk], request, _References()) for pk, page in series_pages.items()}
    by_pk = {
        row.id: session
        for page_id, rows in by_page.items()
        for row, session in zip(rows, series[page_id].sessions, strict=True)
    }
    context["sessions"] = [_upcoming_view(by_pk[row.pk], series[row.page_id], today) for row in shown]
    return context


def _upcoming_view(session: Session, series: Series, today: datetime.date) -> SessionView:
    upcoming = next_session(series.sessions, today)
    return SessionView(session, series, False, upcoming is not None and upcoming.uid == session.uid)


# -- building the values ---------------------------------------------------------------------------


def _references(pages: Sequence, request: HttpRequest, locale: Locale) -> _References:
    english_titles = {}
    if locale.language_code != "en":
        # The series' own translations: live and public is enough, whichever site serves them.
        english = Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages], locale__language_code="en"
        )
        english_titles = dict(visible(english).values_list("translation_key", "title"))
    return _References(
        organizers=localize_pages((page.organizer for page in pages if page.organizer_id), locale, request),
        contacts=localize_all((page.contact for page in pages if page.contact_id), locale),
        english_titles=english_titles,
    )


def _series_list(pages: Sequence, request, references: _References, sessions: dict) -> list[Series]:
    with translation.override(pages[0].locale.language_code):
        return [_series(page, sessions.get(page.pk, []), request, references) for page in pages]


def _series(page, rows: list, request, references: _References) -> Series:
    organizer = references.organizers.get(page.organizer_id)
    contact = references.contacts.get(page.contact_id)
    numbers = number_sessions([row.number for row in rows])
    # A series of one session (a festival) is not numbered: "第1回" would suggest more to come.
    sessions = tuple(
        _session(page, row, number, numbered=len(rows) > 1) for row, number in zip(rows, numbers, strict=True)
    )
    english = translation.get_language() == "en"
    return Series(
        title=page.title,
        url=page.get_url(request) or "",
        full_url=page.get_full_url(request) or "",
        summary=page.summary,
        title_kana=page.title_kana,
        title_english=page.title if english else references.english_titles.get(page.translation_key, ""),
        organizer=organizer.title if organizer else page.organizer_name,
        organizer_url=(organizer.get_url(request) or "") if organizer else "",
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
        status_label="" if row.status == SCHEDULED else str(_STATUS_LABELS.get(row.status, row.status)),
        note=row.note,
        venue_name=row.venue_name,
        venue_address=row.venue_address,
    )


def _application_text(page) -> str:
    # "none" and the form on the page itself have no value of their own to name.
    if page.application_method == "none" or not page.application_value:
        return str(page.get_application_method_display())
    return _("%(method)s: %(value)s") % {
        "method": page.get_application_method_display(),
        "value": page.application_value,
    }
