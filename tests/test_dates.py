"""Era dates, weekdays and time ranges as Japanese municipal pages write them, and their English forms."""

from datetime import date, datetime, time

import pytest

from wagtail_chiiki.dates import (
    ERAS,
    era_of,
    era_year_label,
    format_date,
    format_date_with_time_range,
    format_month,
    format_time,
    format_time_range,
    is_japanese,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(1873, 1, 1), ("明治", 6)),
        (date(1912, 7, 29), ("明治", 45)),
        (date(1912, 7, 30), ("大正", 1)),
        (date(1926, 12, 24), ("大正", 15)),
        (date(1926, 12, 25), ("昭和", 1)),
        (date(1989, 1, 7), ("昭和", 64)),
        (date(1989, 1, 8), ("平成", 1)),
        (date(2019, 4, 30), ("平成", 31)),
        (date(2019, 5, 1), ("令和", 1)),
        (date(2024, 6, 12), ("令和", 6)),
    ],
)
def test_era_of_gives_era_name_and_year_on_both_sides_of_each_change(day, expected):
    assert era_of(day) == expected


def test_era_of_accepts_a_datetime():
    assert era_of(datetime(2019, 5, 1, 0, 0)) == ("令和", 1)


def test_eras_are_listed_oldest_first_from_meiji_to_reiwa():
    assert [(era.name, era.start) for era in ERAS] == [
        ("明治", date(1868, 10, 23)),
        ("大正", date(1912, 7, 30)),
        ("昭和", date(1926, 12, 25)),
        ("平成", date(1989, 1, 8)),
        ("令和", date(2019, 5, 1)),
    ]


@pytest.mark.parametrize("day", [date(1872, 12, 31), date(1868, 10, 23), date(1800, 1, 1)])
def test_era_of_refuses_days_before_japan_took_the_gregorian_calendar(day):
    with pytest.raises(ValueError, match="1873-01-01"):
        era_of(day)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 6, 12), "令和6年"),
        (date(2019, 5, 1), "令和元年"),
        (date(2019, 12, 31), "令和元年"),
        (date(2020, 1, 1), "令和2年"),
        (date(1989, 1, 8), "平成元年"),
        (date(1926, 12, 25), "昭和元年"),
    ],
)
def test_era_year_label_writes_the_first_year_as_gannen(day, expected):
    assert era_year_label(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(1926, 12, 24), "大正15年12月24日(金)"),
        (date(1926, 12, 25), "昭和元年12月25日(土)"),
        (date(1989, 1, 7), "昭和64年1月7日(土)"),
        (date(1989, 1, 8), "平成元年1月8日(日)"),
        (date(2019, 4, 30), "平成31年4月30日(火)"),
        (date(2019, 5, 1), "令和元年5月1日(水)"),
        (date(2024, 6, 12), "令和6年6月12日(水)"),
        (date(2024, 6, 1), "令和6年6月1日(土)"),
        (date(2024, 10, 10), "令和6年10月10日(木)"),
    ],
)
def test_format_date_writes_the_era_date_with_a_short_weekday_and_no_zero_padding(day, expected):
    assert format_date(day) == expected


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (date(2024, 6, 10), "令和6年6月10日(月)", "令和6年6月10日(月曜日)"),
        (date(2024, 6, 11), "令和6年6月11日(火)", "令和6年6月11日(火曜日)"),
        (date(2024, 6, 12), "令和6年6月12日(水)", "令和6年6月12日(水曜日)"),
        (date(2024, 6, 13), "令和6年6月13日(木)", "令和6年6月13日(木曜日)"),
        (date(2024, 6, 14), "令和6年6月14日(金)", "令和6年6月14日(金曜日)"),
        (date(2024, 6, 15), "令和6年6月15日(土)", "令和6年6月15日(土曜日)"),
        (date(2024, 6, 16), "令和6年6月16日(日)", "令和6年6月16日(日曜日)"),
    ],
)
def test_format_date_names_every_weekday_in_both_styles(day, short, long):
    assert format_date(day, "ja", weekday_style="short") == short
    assert format_date(day, "ja", weekday_style="long") == long


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"weekday": False}, "令和6年6月12日"),
        ({"style": "gregorian"}, "2024年6月12日(水)"),
        ({"style": "gregorian", "weekday_style": "long"}, "2024年6月12日(水曜日)"),
        ({"style": "gregorian", "weekday": False}, "2024年6月12日"),
    ],
)
def test_format_date_in_japanese_without_weekday_or_in_the_gregorian_style(kwargs, expected):
    assert format_date(date(2024, 6, 12), "ja", **kwargs) == expected


def test_format_date_falls_back_to_gregorian_years_before_1873():
    assert format_date(date(1872, 12, 31)) == "1872年12月31日(火)"
    assert format_date(date(1873, 1, 1)) == "明治6年1月1日(水)"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "Wed, June 12, 2024"),
        ({"weekday_style": "long"}, "Wednesday, June 12, 2024"),
        ({"weekday": False}, "June 12, 2024"),
        # Eras are a Japanese convention: English is Gregorian whatever the style.
        ({"style": "wareki", "weekday_style": "long"}, "Wednesday, June 12, 2024"),
        ({"style": "gregorian"}, "Wed, June 12, 2024"),
    ],
)
def test_format_date_in_english_is_month_day_year_with_an_optional_weekday(kwargs, expected):
    assert format_date(date(2024, 6, 12), "en", **kwargs) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 6, 10), "Monday, June 10, 2024"),
        (date(2024, 6, 11), "Tuesday, June 11, 2024"),
        (date(2024, 6, 13), "Thursday, June 13, 2024"),
        (date(2024, 6, 14), "Friday, June 14, 2024"),
        (date(2024, 6, 15), "Saturday, June 15, 2024"),
        (date(2024, 6, 16), "Sunday, June 16, 2024"),
        (date(2019, 1, 1), "Tuesday, January 1, 2019"),
    ],
)
def test_format_date_names_english_weekdays_in_full_in_the_long_style(day, expected):
    assert format_date(day, "en", weekday_style="long") == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", "令和6年6月12日(水)"),
        ("ja-jp", "令和6年6月12日(水)"),
        ("ja_JP", "令和6年6月12日(水)"),
        ("JA", "令和6年6月12日(水)"),
        ("en", "Wed, June 12, 2024"),
        ("en-us", "Wed, June 12, 2024"),
        ("en-gb", "Wed, June 12, 2024"),
        # Any other language gets English, the lingua franca of a Japanese municipal site.
        ("fr", "Wed, June 12, 2024"),
        ("jav", "Wed, June 12, 2024"),
        ("", "Wed, June 12, 2024"),
    ],
)
def test_format_date_reads_django_language_codes(lang, expected):
    assert format_date(date(2024, 6, 12), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("ja-jp", True), ("ja", True), ("en-us", False), (None, False)]
)
def test_is_japanese_looks_at_the_language_part_of_the_code(lang, expected):
    assert is_japanese(lang) is expected


@pytest.mark.parametrize(
    ("kwargs", "message"), [({"style": "kanji"}, "style"), ({"weekday_style": "x"}, "weekday_style")]
)
def test_format_date_refuses_unknown_styles(kwargs, message):
    with pytest.raises(ValueError, match=message):
        format_date(date(2024, 6, 12), **kwargs)


@pytest.mark.parametrize(
    ("day", "lang", "style", "expected"),
    [
        (date(2024, 10, 1), "ja", "wareki", "令和6年10月"),
        (date(2024, 10, 31), "ja", "gregorian", "2024年10月"),
        (date(2019, 4, 30), "ja", "wareki", "平成31年4月"),
        (date(2019, 5, 1), "ja", "wareki", "令和元年5月"),
        (date(2024, 10, 1), "en", "wareki", "October 2024"),
        (date(2025, 1, 15), "en-us", "gregorian", "January 2025"),
    ],
)
def test_format_month_writes_month_precision_dates(day, lang, style, expected):
    assert format_month(day, lang, style=style) == expected


@pytest.mark.parametrize(
    ("moment", "ja", "en"),
    [
        (time(18, 30), "18時30分", "6:30 pm"),
        (time(20, 0), "20時", "8 pm"),
        (time(9, 0), "9時", "9 am"),
        (time(9, 5), "9時5分", "9:05 am"),
        (time(12, 0), "12時", "noon"),
        (time(12, 15), "12時15分", "12:15 pm"),
        (time(0, 0), "0時", "midnight"),
        (time(0, 30), "0時30分", "12:30 am"),
        (time(18, 30, 59), "18時30分", "6:30 pm"),
    ],
)
def test_format_time_drops_zero_minutes_in_both_languages(moment, ja, en):
    assert format_time(moment, "ja") == ja
    assert format_time(moment, "en") == en


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (time(18, 30), time(20, 0), "18時30分から20時"),
        (time(9, 0), time(12, 15), "9時から12時15分"),
        (time(13, 0), time(15, 30), "13時から15時30分"),
        (time(18, 30), None, "18時30分から"),
    ],
)
def test_format_time_range_in_japanese_joins_with_kara(start, end, expected):
    assert format_time_range(start, end, "ja") == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (time(18, 30), time(20, 0), "6:30–8 pm"),
        (time(9, 0), time(11, 30), "9–11:30 am"),
        (time(9, 0), time(12, 15), "9 am – 12:15 pm"),
        (time(11, 0), time(13, 0), "11 am – 1 pm"),
        (time(10, 0), time(12, 0), "10 am – noon"),
        (time(12, 0), time(13, 30), "noon – 1:30 pm"),
        (time(22, 0), time(0, 0), "10 pm – midnight"),
        (time(18, 30), None, "from 6:30 pm"),
    ],
)
def test_format_time_range_in_english_shares_am_or_pm_within_one_half_of_the_day(start, end, expected):
    assert format_time_range(start, end, "en-us") == expected


def test_format_time_range_defaults_to_japanese():
    assert format_time_range(time(18, 30), time(20, 0)) == "18時30分から20時"


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((time(18, 30), time(20, 0), "ja"), {}, "令和6年6月21日(金)18時30分から20時"),
        ((time(18, 30), None, "ja-jp"), {}, "令和6年6月21日(金)18時30分から"),
        (
            (time(18, 30), time(20, 0), "ja"),
            {"weekday_style": "long"},
            "令和6年6月21日(金曜日)18時30分から20時",
        ),
        ((time(18, 30), time(20, 0), "ja"), {"style": "gregorian"}, "2024年6月21日(金)18時30分から20時"),
        ((None, None, "ja"), {}, "令和6年6月21日(金)"),
        ((time(18, 30), time(20, 0), "en"), {"weekday_style": "long"}, "Friday, June 21, 2024, 6:30–8 pm"),
        ((time(18, 30), None, "en"), {}, "Fri, June 21, 2024, from 6:30 pm"),
        ((time(18, 30), time(20, 0), "en"), {"weekday": False}, "June 21, 2024, 6:30–8 pm"),
        ((None, None, "en"), {}, "Fri, June 21, 2024"),
    ],
)
def test_format_date_with_time_range_puts_the_times_after_the_day(args, kwargs, expected):
    assert format_date_with_time_range(date(2024, 6, 21), *args, **kwargs) == expected
