"""Template filters and tags over ``wagtail_chiiki.dates`` in the active language and the package settings.

``{% load chiiki_dates %}``, then::

    {{ event.date|chiiki_date }}               令和6年6月21日(金) / Fri, June 21, 2024
    {{ event.date|chiiki_date:"noweekday" }}   令和6年6月21日 / June 21, 2024
    {{ event.date|chiiki_time_tag }}           <time datetime="2024-06-21">令和6年6月21日(金)</time>
    {{ plan.month|chiiki_month }}              令和6年10月 / October 2024
    {{ event.start|chiiki_time }}              18時30分 / 6:30 pm
    {% chiiki_time_range event.start event.end %}               18時30分から20時 / 6:30–8 pm
    {% chiiki_date_time_range event.date event.start event.end %}  令和6年6月21日(金)18時30分から20時

Date options (comma-separated, for ``chiiki_date`` and ``chiiki_time_tag``) override the settings
for one use: ``noweekday``, ``short``, ``long``, ``wareki``, ``gregorian``.

Values may be dates, times, datetimes (aware ones are shown in the current time zone) or ISO strings.
Like Django's own ``date`` filter, these give ``""`` for anything they cannot read rather than raise,
so one bad value does not break a page.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from wagtail_chiiki import dates
from wagtail_chiiki.conf import chiiki_settings

register = template.Library()

# Read by hand: time.fromisoformat refuses "9:00" and reads "20240621" as 20:24:06.21.
_TIME_STRING = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


@register.filter
def chiiki_date(value: Any, options: str = "") -> str:
    """A day with its weekday as the settings say, e.g. ``令和6年6月21日(金)``."""
    day = _to_date(value)
    if day is None:
        return ""
    return dates.format_date(day, _language(), **_date_options(options))


@register.filter
def chiiki_time_tag(value: Any, options: str = "") -> SafeString | str:
    """The day as ``chiiki_date`` writes it, inside a ``<time>`` element machines can read."""
    day = _to_date(value)
    if day is None:
        return ""
    text = dates.format_date(day, _language(), **_date_options(options))
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), text)


@register.filter
def chiiki_month(value: Any) -> str:
    """The month of a day, for plans known only to the month: ``令和6年10月``."""
    day = _to_date(value)
    if day is None:
        return ""
    return dates.format_month(day, _language(), style=chiiki_settings.DATE_STYLE)


@register.filter
def chiiki_time(value: Any) -> str:
    """A time of day: ``18時30分``, ``20時``."""
    moment = _to_time(value)
    if moment is None:
        return ""
    return dates.format_time(moment, _language())


@register.simple_tag
def chiiki_time_range(start: Any, end: Any = None) -> str:
    """``18時30分から20時``; ``18時30分から`` when there is no end."""
    start_time = _to_time(start)
    if start_time is None:
        return ""
    return dates.format_time_range(start_time, _to_time(end), _language())


@register.simple_tag
def chiiki_date_time_range(day: Any, start: Any = None, end: Any = None) -> str:
    """A day followed by its times: ``令和6年6月21日(金)18時30分から20時``."""
    the_day = _to_date(day)
    if the_day is None:
        return ""
    start_time = _to_time(start)
    # An end without a start would read as a start ("20時から"), so it goes too.
    end_time = _to_time(end) if start_time is not None else None
    return dates.format_date_with_time_range(the_day, start_time, end_time, _language(), **_date_options())


def _language() -> str:
    # get_language() is None while translations are deactivated (management commands, some tests).
    return get_language() or settings.LANGUAGE_CODE


def _date_options(options: str = "") -> dict[str, Any]:
    """Keyword arguments for ``dates.format_date`` from the settings and a filter's options."""
    chosen = {part.strip() for part in str(options).split(",")}
    weekday_style = chiiki_settings.WEEKDAY_STYLE
    style = chiiki_settings.DATE_STYLE
    # Unknown words are ignored: a typo in a template should not take the page down.
    for word in chosen:
        if word in dates.WEEKDAY_STYLES:
            weekday_style = word
        elif word in dates.DATE_STYLES:
            style = word
    return {"weekday": "noweekday" not in chosen, "weekday_style": weekday_style, "style": style}


def _to_date(value: Any) -> date | None:
    if isinstance(value, str):
        value = _parse_datetime(value.strip())
    if isinstance(value, datetime):
        return _local(value).date()
    return value if isinstance(value, date) else None


def _to_time(value: Any) -> time | None:
    if isinstance(value, str):
        value = _parse_time(value.strip())
    if isinstance(value, datetime):
        return _local(value).time()
    return value if isinstance(value, time) else None


def _parse_datetime(text: str) -> datetime | None:
    # Reads a bare date ("2024-06-21") too, as midnight.
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_time(text: str) -> time | datetime | None:
    match = _TIME_STRING.fullmatch(text)
    if match is None:
        # A datetime string gives its time of day; a bare date has none.
        return _parse_datetime(text) if ":" in text else None
    hour, minute, second = match.groups()
    try:
        return time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return None


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment
