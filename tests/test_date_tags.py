"""The ``chiiki_dates`` and ``chiiki_labels`` template libraries: language, settings, bad input."""

from datetime import UTC, date, datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation


def render(source: str, lang: str | None = "ja", **context) -> str:
    """Renders a template that loads both libraries, in a language (``None``: translations off)."""
    template = Template("{% load chiiki_dates chiiki_labels %}" + source)
    with translation.override(lang), timezone.override(ZoneInfo("Asia/Tokyo")):
        return template.render(Context(context))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", "令和6年6月21日(金)"),
        ("ja-jp", "令和6年6月21日(金)"),
        ("en", "Fri, June 21, 2024"),
        ("en-us", "Fri, June 21, 2024"),
    ],
)
def test_chiiki_date_follows_the_active_language(lang, expected):
    assert render("{{ day|chiiki_date }}", lang, day=date(2024, 6, 21)) == expected


@pytest.mark.parametrize(
    ("options", "ja", "en"),
    [
        ("noweekday", "令和6年6月21日", "June 21, 2024"),
        ("long", "令和6年6月21日(金曜日)", "Friday, June 21, 2024"),
        ("gregorian", "2024年6月21日(金)", "Fri, June 21, 2024"),
        ("gregorian,long", "2024年6月21日(金曜日)", "Friday, June 21, 2024"),
        ("noweekday, gregorian", "2024年6月21日", "June 21, 2024"),
        ("no-such-option", "令和6年6月21日(金)", "Fri, June 21, 2024"),
    ],
)
def test_chiiki_date_options_override_the_settings_for_one_use(options, ja, en):
    source = f'{{{{ day|chiiki_date:"{options}" }}}}'
    assert render(source, "ja", day=date(2024, 6, 21)) == ja
    assert render(source, "en", day=date(2024, 6, 21)) == en


@pytest.mark.parametrize(
    ("package_settings", "expected"),
    [
        ({"WEEKDAY_STYLE": "long"}, "令和6年6月21日(金曜日)"),
        ({"DATE_STYLE": "gregorian"}, "2024年6月21日(金)"),
        ({"WEEKDAY_STYLE": "long", "DATE_STYLE": "gregorian"}, "2024年6月21日(金曜日)"),
    ],
)
def test_chiiki_date_follows_the_package_settings(settings, package_settings, expected):
    settings.WAGTAIL_CHIIKI = package_settings
    assert render("{{ day|chiiki_date }}", day=date(2024, 6, 21)) == expected


def test_an_option_wins_over_the_package_settings(settings):
    settings.WAGTAIL_CHIIKI = {"WEEKDAY_STYLE": "long", "DATE_STYLE": "gregorian"}
    assert render('{{ day|chiiki_date:"short,wareki" }}', day=date(2024, 6, 21)) == "令和6年6月21日(金)"


@pytest.mark.parametrize(
    "value",
    [
        date(2024, 6, 21),
        datetime(2024, 6, 21, 18, 30),
        # 15:30 UTC on the 20th is 0:30 on the 21st in Japan.
        datetime(2024, 6, 20, 15, 30, tzinfo=UTC),
        "2024-06-21",
        "2024-06-21T18:30:00",
        "2024-06-20T15:30:00+00:00",
    ],
)
def test_chiiki_date_reads_dates_datetimes_and_iso_strings_in_the_current_time_zone(value):
    assert render("{{ value|chiiki_date }}", value=value) == "令和6年6月21日(金)"


@pytest.mark.parametrize(
    "value", [None, "", "not a date", "2024-13-01", 20240621, time(18, 30), [2024, 6, 21]]
)
def test_date_filters_give_nothing_for_values_that_are_not_dates(value):
    output = render(
        "[{{ value|chiiki_date }}|{{ value|chiiki_month }}|{{ value|chiiki_time_tag }}]", value=value
    )
    assert output == "[||]"


def test_chiiki_date_gives_nothing_for_a_missing_variable():
    assert render("[{{ page.no_such_date|chiiki_date }}]") == "[]"


@pytest.mark.parametrize(
    ("lang", "options", "expected"),
    [
        ("ja", "", '<time datetime="2024-06-21">令和6年6月21日(金)</time>'),
        ("ja", "noweekday", '<time datetime="2024-06-21">令和6年6月21日</time>'),
        ("en-us", "", '<time datetime="2024-06-21">Fri, June 21, 2024</time>'),
    ],
)
def test_chiiki_time_tag_wraps_the_date_in_a_time_element_with_its_iso_date(lang, options, expected):
    source = f'{{{{ day|chiiki_time_tag:"{options}" }}}}'
    assert render(source, lang, day=datetime(2024, 6, 21, 18, 30)) == expected


def test_chiiki_time_tag_escapes_what_it_wraps(monkeypatch):
    from wagtail_chiiki import dates

    monkeypatch.setattr(dates, "format_date", lambda *args, **kwargs: "<b>&</b>")
    assert render("{{ day|chiiki_time_tag }}", day=date(2024, 6, 21)) == (
        '<time datetime="2024-06-21">&lt;b&gt;&amp;&lt;/b&gt;</time>'
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ja", "令和6年10月"), ("en", "October 2024")],
)
def test_chiiki_month_writes_month_precision(lang, expected):
    assert render("{{ day|chiiki_month }}", lang, day=date(2024, 10, 1)) == expected


def test_chiiki_month_follows_the_date_style_setting(settings):
    settings.WAGTAIL_CHIIKI = {"DATE_STYLE": "gregorian"}
    assert render("{{ day|chiiki_month }}", day=date(2024, 10, 1)) == "2024年10月"


@pytest.mark.parametrize(
    ("value", "ja", "en"),
    [
        (time(18, 30), "18時30分", "6:30 pm"),
        (time(20, 0), "20時", "8 pm"),
        ("9:00", "9時", "9 am"),
        ("18:30:00", "18時30分", "6:30 pm"),
        (datetime(2024, 6, 21, 9, 0, tzinfo=UTC), "18時", "6 pm"),
        (None, "", ""),
        ("", "", ""),
        ("20240621", "", ""),
        ("2024-06-21", "", ""),
        ("25:00", "", ""),
        ("later", "", ""),
        (date(2024, 6, 21), "", ""),
    ],
)
def test_chiiki_time_writes_times_and_gives_nothing_for_other_values(value, ja, en):
    assert render("{{ value|chiiki_time }}", "ja", value=value) == ja
    assert render("{{ value|chiiki_time }}", "en", value=value) == en


@pytest.mark.parametrize(
    ("lang", "end", "expected"),
    [
        ("ja", time(20, 0), "18時30分から20時"),
        ("ja", None, "18時30分から"),
        ("en-us", time(20, 0), "6:30–8 pm"),
        ("en-us", None, "from 6:30 pm"),
    ],
)
def test_chiiki_time_range_joins_start_and_end(lang, end, expected):
    assert render("{% chiiki_time_range start end %}", lang, start=time(18, 30), end=end) == expected


def test_chiiki_time_range_takes_the_end_as_optional():
    assert render("{% chiiki_time_range start %}", start=time(9, 0)) == "9時から"


@pytest.mark.parametrize("start", [None, "", "soon"])
def test_chiiki_time_range_gives_nothing_without_a_start(start):
    assert render("[{% chiiki_time_range start end %}]", start=start, end=time(20, 0)) == "[]"


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("ja", time(18, 30), time(20, 0), "令和6年6月21日(金)18時30分から20時"),
        ("ja", time(18, 30), None, "令和6年6月21日(金)18時30分から"),
        ("ja", None, time(20, 0), "令和6年6月21日(金)"),
        ("en", time(18, 30), time(20, 0), "Fri, June 21, 2024, 6:30–8 pm"),
        ("en", None, None, "Fri, June 21, 2024"),
    ],
)
def test_chiiki_date_time_range_writes_the_day_then_its_times(lang, start, end, expected):
    source = "{% chiiki_date_time_range day start end %}"
    assert render(source, lang, day=date(2024, 6, 21), start=start, end=end) == expected


def test_chiiki_date_time_range_follows_the_weekday_style_setting(settings):
    settings.WAGTAIL_CHIIKI = {"WEEKDAY_STYLE": "long"}
    source = "{% chiiki_date_time_range day start end %}"
    output = render(source, "en", day=date(2024, 6, 21), start=time(18, 30), end=time(20, 0))
    assert output == "Friday, June 21, 2024, 6:30–8 pm"


def test_chiiki_date_time_range_gives_nothing_without_a_day():
    assert render("[{% chiiki_date_time_range day start %}]", day=None, start=time(18, 30)) == "[]"


@pytest.mark.parametrize(
    ("language_code", "expected"), [("ja", "令和6年6月21日(金)"), ("en-us", "Fri, June 21, 2024")]
)
def test_date_filters_use_the_site_language_while_translations_are_off(settings, language_code, expected):
    settings.LANGUAGE_CODE = language_code
    assert render("{{ day|chiiki_date }}", None, day=date(2024, 6, 21)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("flyer.pdf", "PDF"),
        ("/media/documents/minutes.DOCX", "Word"),
        # A Wagtail document has ``filename``; a FieldFile has ``name``.
        (SimpleNamespace(filename="budget.xlsx"), "Excel"),
        (SimpleNamespace(name="documents/briefing.pptx"), "PowerPoint"),
        ("README", ""),
        (None, ""),
        (42, ""),
    ],
)
def test_file_type_filter_names_the_format(value, expected):
    assert render("{{ value|file_type }}", value=value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (949_248, "927KB"),
        (1_069_548, "1.02MB"),
        ("949248", "927KB"),
        (None, ""),
        ("", ""),
        ("big", ""),
        (-1, ""),
        (1.5, ""),
        (True, ""),
    ],
)
def test_file_size_filter_writes_the_size_or_nothing(value, expected):
    assert render("{{ value|file_size }}", value=value) == expected


def test_file_filters_compose_the_municipal_label():
    document = SimpleNamespace(filename="flyer.pdf", file_size=1_069_548)
    source = "({{ document|file_type }} {{ document.file_size|file_size }})"
    assert render(source, document=document) == "(PDF 1.02MB)"
