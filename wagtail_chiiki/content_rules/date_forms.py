"""The date rule: dates in slash, dot or hyphen form (2024/6/21, R6.6.21) written in the site's style."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext_lazy as _

from wagtail_chiiki import dates
from wagtail_chiiki.content_rules.core import Context, PatternRule

_WEEKDAY = r"(?:\s?[(（][月火水木金土日](?:曜日?)?[)）])?"
# ASCII letters, digits and URL punctuation around a date mean it is part of an address or a number.
_BEFORE = r"(?<![0-9A-Za-z/.:\-_=#?&])"
_AFTER = r"(?![0-9A-Za-z/_\-]|\.\d)"
_ERAS = {"R": "令和", "H": "平成", "S": "昭和", "令和": "令和", "平成": "平成", "昭和": "昭和"}

_PATTERN = re.compile(
    f"{_BEFORE}(?:"
    r"(?P<year>\d{4})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"|(?P<era>[RHS]|令和|平成|昭和)\s?(?P<era_year>\d{1,2})(?P<era_sep>[/.])(?P<era_month>\d{1,2})"
    r"(?P=era_sep)(?P<era_day>\d{1,2})"
    r"|(?P<short_month>\d{1,2})/(?P<short_day>\d{1,2})(?=\s?[(（][月火水木金土日])"
    f"){_AFTER}{_WEEKDAY}",
    re.IGNORECASE,
)


def _era_start(name: str) -> int:
    return next(era.start.year for era in dates.ERAS if era.name == name)


def parse_date(match: re.Match) -> datetime.date | None:
    """The day a match names, or ``None`` when it names no real day (or no year, as 6/21(金))."""
    try:
        if match.group("year"):
            year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
        elif match.group("era"):
            era = _ERAS[match.group("era").upper() if len(match.group("era")) == 1 else match.group("era")]
            year = _era_start(era) + int(match.group("era_year")) - 1
            month, day = int(match.group("era_month")), int(match.group("era_day"))
        else:
            return None
        return datetime.date(year, month, day)
    except ValueError:
        return None


class DateFormatRule(PatternRule):
    """Dates a screen reader reads as numbers and slashes: written out in the site's date style."""

    id = "date-format"
    name = _("Date in slash or dot form")
    help = _("Write dates out, as 令和6年6月21日(金): 2024/6/21 is read as numbers and slashes.")
    has_fix = True
    pattern = _PATTERN

    def accept(self, match: re.Match, text: str) -> bool:
        if match.group("short_month"):
            month, day = int(match.group("short_month")), int(match.group("short_day"))
            return 1 <= month <= 12 and 1 <= day <= 31
        day = parse_date(match)
        return day is not None and day >= dates.WAREKI_FROM and day.year <= 2100

    def fix(self, match: re.Match, context: Context) -> str | None:
        day = parse_date(match)
        if day is None:
            return None
        return dates.format_date(
            day, context.language, weekday_style=context.weekday_style, style=context.date_style
        )
