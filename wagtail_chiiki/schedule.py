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

DAY, MONTH = "day", "month"
SCHEDULED, TENTATIVE, CANCELLED, POSTPONED = "scheduled", "tentative", "cancelled", "postponed"


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


@dataclass(frozen=True)
class Series:
    """What feeds say about a series besides its sessions; money in yen, coordinates as decimals."""

    title: str
    url: str
    summary: str = ""
    title_kana: str = ""
    title_english: str = ""
    organizer: str = ""
    organizer_url: str = ""
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


def applications_open(series: Series, today: datetime.date) -> bool:
    """Whether a resident can still apply today for some session of the series."""
    upcoming = [s for s in series.sessions if s.takes_place and not s.is_past(today)]
    if not upcoming:
        return False
    if series.deadline is None or today <= series.deadline:
        return True
    return series.later_sessions_open
