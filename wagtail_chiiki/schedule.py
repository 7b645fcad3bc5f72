"""The sessions of a workshop series as plain values: numbers, where today falls, the next session.

Pure functions and dataclasses, no queries: the series page, the upcoming-sessions list and every feed
read the same ``Session`` values, so they always agree on 第N回, on what is past and on what is next.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

DAY, MONTH = "day", "month"
SCHEDULED, TENTATIVE, CANCELLED, POSTPONED = "scheduled", "tentative", "cancelled", "postponed"
#: The zone of every session time: the feeds write it by name (iCalendar) or as +09:00 (JSON-LD).
TOKYO = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True)
class Session:
    """One session as every view of it needs it; ``uid`` is stable across edits and languages."""

    uid: str
    number: int
    label: str  # 第1回 / Session 1, in the page's language; empty in a series of one session
    date: datetime.date
    precision: str = DAY
    start: datetime.time | None = None
    end: datetime.time | None = None
    topic: str = ""
    status: str = SCHEDULED
    note: str = ""
    venue_name: str = ""
    venue_address: str = ""
    status_label: str = ""  # 中止, 延期 … in the page's language; empty when scheduled

    @property
    def is_dated(self) -> bool:
        """Whether the session has a day (a month-precision session is only planned for a month)."""
        return self.precision == DAY

    @property
    def last_day(self) -> datetime.date:
        return last_day(self.date, self.precision)

    def is_past(self, today: datetime.date) -> bool:
        return self.last_day < today

    @property
    def takes_place(self) -> bool:
        return self.status not in (CANCELLED, POSTPONED)

    @property
    def starts_at(self) -> datetime.date | datetime.datetime:
        """The start in Tokyo time; the bare day when the session has no start time."""
        return in_tokyo(self.date, self.start)

    @property
    def ends_at(self) -> datetime.datetime | None:
        """The end in Tokyo time, if the session has an end time."""
        return None if self.end is None else in_tokyo(self.date, self.end)


@dataclass(frozen=True)
class Venue:
    """Where a session takes place; coordinates and access notes only for the series' own venue."""

    name: str
    address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    access: str = ""

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Series:
    """What feeds say about a series besides its sessions; money in yen, coordinates as decimals."""

    title: str
    url: str  # inside the site: relative to its root (absolute only for a page of another site)
    full_url: str = ""  # absolute, for feeds read outside the site
    summary: str = ""
    title_kana: str = ""
    title_english: str = ""
    organizer: str = ""  # the organization's name when a visitor may see its page, else the named one
    organizer_url: str = ""
    organizer_full_url: str = ""
    venue_name: str = ""
    venue_address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    access: str = ""
    audience: str = ""
    capacity: int | None = None
    fee: int = 0
    fee_text: str = ""  # 無料 / 500円 / Free, in the page's language
    fee_note: str = ""
    application: str = ""  # how to apply, as a sentence
    application_url: str = ""
    deadline: datetime.date | None = None
    later_sessions_open: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    image_url: str = ""
    language: str = "ja"
    sessions: tuple[Session, ...] = field(default_factory=tuple)

    @property
    def is_free(self) -> bool:
        return self.fee == 0

    def event_name(self, session: Session) -> str:
        """The name of one session as an event: the title and 第N回 (no number in a series of one)."""
        return f"{self.title} {session.label}".strip()

    @property
    def venue(self) -> Venue:
        return Venue(self.venue_name, self.venue_address, self.latitude, self.longitude, self.access)

    def venue_of(self, session: Session) -> Venue:
        """The session's own venue where it has one, else the series' venue with its coordinates."""
        return Venue(session.venue_name, session.venue_address) if session.venue_name else self.venue

    def deadline_for(self, session: Session) -> datetime.date | None:
        """The application deadline of one session.

        The deadline is for the first session after it; when later sessions still take applications,
        they have no deadline of their own. Otherwise it holds for every session.
        """
        if self.deadline is None:
            return None
        if not self.later_sessions_open:
            return self.deadline
        first_after = next((s for s in self.sessions if s.last_day >= self.deadline), None)
        return self.deadline if first_after is None or first_after.uid == session.uid else None


def in_tokyo(day: datetime.date, time: datetime.time | None) -> datetime.date | datetime.datetime:
    """``day`` at ``time`` in Tokyo; the bare day when there is no time."""
    return day if time is None else datetime.datetime.combine(day, time, tzinfo=TOKYO)


def last_day(day: datetime.date, precision: str) -> datetime.date:
    """The session's day, or the last day of its month when only the month is known."""
    if precision == DAY:
        return day
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def number_sessions(explicit: Sequence[int | None]) -> list[int]:
    """第N回 for sessions in order: an explicit number, else one more than the session before (from 1)."""
    numbers: list[int] = []
    for given in explicit:
        numbers.append(given if given is not None else (numbers[-1] + 1 if numbers else 1))
    return numbers


def clashing_numbers(numbers: Iterable[int]) -> set[int]:
    return {number for number, count in Counter(numbers).items() if count > 1}


def next_session(sessions: Iterable[Session], today: datetime.date) -> Session | None:
    """The first session not yet over that still takes place, by date."""
    upcoming = [s for s in sessions if s.takes_place and not s.is_past(today)]
    return min(upcoming, key=lambda s: (s.date, s.start or datetime.time.min), default=None)


def is_over(series: Series, today: datetime.date) -> bool:
    """Whether every session of the series is past: nothing is left to apply for."""
    return bool(series.sessions) and all(s.is_past(today) for s in series.sessions)


def applications_open(series: Series, today: datetime.date) -> bool:
    """Whether a resident can still apply today for some session of the series."""
    upcoming = [s for s in series.sessions if s.takes_place and not s.is_past(today)]
    if not upcoming:
        return False
    if series.deadline is None or today <= series.deadline:
        return True
    return series.later_sessions_open
