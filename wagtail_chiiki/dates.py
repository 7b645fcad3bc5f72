"""Dates and times as Japanese municipal pages write them (令和6年6月21日(金), 18時30分から20時).

Pure functions on ``datetime`` values: no Django, no locale settings, so the output is the same on every
server. A language code that is not Japanese (``ja``, ``ja-jp``…) gets English, in forms that read
naturally and follow the Japanese ones (no ``:00``, as there is no ``00分``):

- dates: ``Wednesday, June 12, 2024``; short weekday ``Wed, June 12, 2024``; no weekday ``June 12, 2024``
- months: ``October 2024``
- times: ``6:30 pm``, ``8 pm``, ``9:05 am``, ``noon``, ``midnight``
- ranges: ``6:30–8 pm`` within one half of the day, ``11 am – 1 pm`` across it, ``from 6:30 pm`` without end

Dates before 1873-01-01 have no era form: Japan kept the lunisolar calendar until 明治5年12月2日, so a
Gregorian date before that is not the day written in the era calendar. ``era_of`` and ``era_year_label``
raise ``ValueError`` for them, and the formatters fall back to the Gregorian style (1870年5月1日).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import NamedTuple


class Era(NamedTuple):
    """A Japanese era: its name and its first day in the Gregorian calendar."""

    name: str
    start: date


# Oldest first. Taishō and Shōwa began on the day of the accession; Heisei and Reiwa on a later day.
ERAS: tuple[Era, ...] = (
    Era("明治", date(1868, 10, 23)),
    Era("大正", date(1912, 7, 30)),
    Era("昭和", date(1926, 12, 25)),
    Era("平成", date(1989, 1, 8)),
    Era("令和", date(2019, 5, 1)),
)

# 明治6年1月1日, the first day Japan counted in the Gregorian calendar.
WAREKI_FROM = date(1873, 1, 1)

WEEKDAY_STYLES = ("short", "long")
DATE_STYLES = ("wareki", "gregorian")

_JA_WEEKDAYS = "月火水木金土日"
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Spelled out rather than taken from strftime, whose names depend on the server's locale.
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def is_japanese(lang: str | None) -> bool:
    """Whether a language code (``ja``, ``ja-jp``, ``ja_JP``) names Japanese."""
    return lang is not None and lang.replace("_", "-").split("-")[0].lower() == "ja"


def era_of(d: date) -> tuple[str, int]:
    """The era name and era year of a day, e.g. ``("令和", 6)``; ``ValueError`` before 1873."""
    d = _as_date(d)
    if d < WAREKI_FROM:
        raise ValueError(f"{d.isoformat()} is before 1873-01-01, when Japan adopted the Gregorian calendar")
    for era in reversed(ERAS):
        if d >= era.start:
            return era.name, d.year - era.start.year + 1
    raise AssertionError("unreachable: WAREKI_FROM lies inside the first era")  # pragma: no cover


def era_year_label(d: date) -> str:
    """The era year of a day as written in Japanese: ``令和6年``, ``令和元年``."""
    name, year = era_of(d)
    return f"{name}{'元' if year == 1 else year}年"


def format_date(
    d: date,
    lang: str = "ja",
    *,
    weekday: bool = True,
    weekday_style: str = "short",
    style: str = "wareki",
) -> str:
    """A day: ``令和6年6月12日(水)`` / ``Wed, June 12, 2024``; ``style`` matters only in Japanese."""
    _check(weekday_style, WEEKDAY_STYLES, "weekday_style")
    _check(style, DATE_STYLES, "style")
    if is_japanese(lang):
        text = f"{_ja_year(d, style)}{d.month}月{d.day}日"
        if weekday:
            text += f"({_JA_WEEKDAYS[d.weekday()]}{'曜日' if weekday_style == 'long' else ''})"
        return text
    text = f"{_EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if weekday:
        name = _EN_WEEKDAYS[d.weekday()]
        text = f"{name if weekday_style == 'long' else name[:3]}, {text}"
    return text


def format_month(d: date, lang: str = "ja", *, style: str = "wareki") -> str:
    """A month, for plans known to month precision: ``令和6年10月`` / ``October 2024``."""
    _check(style, DATE_STYLES, "style")
    if is_japanese(lang):
        return f"{_ja_year(d, style)}{d.month}月"
    return f"{_EN_MONTHS[d.month - 1]} {d.year}"


def format_time(t: time, lang: str = "ja") -> str:
    """A time of day to the minute: ``18時30分``, ``20時`` / ``6:30 pm``, ``8 pm``, ``noon``."""
    if is_japanese(lang):
        return f"{t.hour}時{t.minute}分" if t.minute else f"{t.hour}時"
    clock, half = _en_clock(t)
    return f"{clock} {half}" if half else clock


def format_time_range(start: time, end: time | None = None, lang: str = "ja") -> str:
    """A span of time: ``18時30分から20時``, ``18時30分から`` / ``6:30–8 pm``, ``from 6:30 pm``."""
    if is_japanese(lang):
        return f"{format_time(start, lang)}から{format_time(end, lang) if end is not None else ''}"
    if end is None:
        return f"from {format_time(start, lang)}"
    (start_clock, start_half), (end_clock, end_half) = _en_clock(start), _en_clock(end)
    if start_half and start_half == end_half:
        # One am/pm for both ends, as English event listings write it.
        return f"{start_clock}–{end_clock} {end_half}"
    return f"{format_time(start, lang)} – {format_time(end, lang)}"


def format_date_with_time_range(
    d: date,
    start: time | None,
    end: time | None = None,
    lang: str = "ja",
    *,
    weekday: bool = True,
    weekday_style: str = "short",
    style: str = "wareki",
) -> str:
    """A day and its times: ``令和6年6月21日(金)18時30分から20時`` / ``Friday, June 21, 2024, 6:30–8 pm``."""
    day = format_date(d, lang, weekday=weekday, weekday_style=weekday_style, style=style)
    if start is None:
        return day
    times = format_time_range(start, end, lang)
    # Japanese runs the time straight after the day; English separates it like a list item.
    return f"{day}{times}" if is_japanese(lang) else f"{day}, {times}"


def _as_date(d: date) -> date:
    # A datetime is a date, but comparing one with a plain date raises TypeError.
    return d.date() if isinstance(d, datetime) else d


def _ja_year(d: date, style: str) -> str:
    if style == "wareki" and _as_date(d) >= WAREKI_FROM:
        return era_year_label(d)
    return f"{d.year}年"


def _en_clock(t: time) -> tuple[str, str]:
    """The 12-hour clock reading and ``am``/``pm``; noon and midnight are words with no half."""
    if t.minute == 0 and t.hour in (0, 12):
        return ("midnight" if t.hour == 0 else "noon"), ""
    hour = t.hour % 12 or 12
    clock = f"{hour}:{t.minute:02d}" if t.minute else str(hour)
    return clock, "am" if t.hour < 12 else "pm"


def _check(value: str, allowed: tuple[str, ...], name: str) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}, not {value!r}")
