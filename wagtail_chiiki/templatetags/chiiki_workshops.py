"""``{% load chiiki_workshops %}``: when a workshop session takes place, inside ``<time datetime>``.

::

    {% chiiki_session_when session %}
    <time datetime="2024-06-21T18:30">令和6年6月21日(金)18時30分から20時</time>
    <time datetime="2024-10">令和6年10月</time>予定 18時30分から20時
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wagtail_chiiki import dates
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.schedule import Session
from wagtail_chiiki.templatetags.chiiki_dates import _date_options, _language

register = template.Library()


@register.simple_tag
def chiiki_session_when(session: Session) -> SafeString:
    """The day and times of a session, or its month and "to be fixed" when only the month is known."""
    lang = _language()
    if session.is_dated:
        text = dates.format_date_with_time_range(
            session.date, session.start, session.end, lang, **_date_options()
        )
        moment = session.date.isoformat()
        if session.start is not None:
            moment += "T" + session.start.strftime("%H:%M")
        return format_html('<time datetime="{}">{}</time>', moment, text)
    month = format_html(
        '<time datetime="{}">{}</time>',
        session.date.strftime("%Y-%m"),
        dates.format_month(session.date, lang, style=chiiki_settings.DATE_STYLE),
    )
    if session.start is None:
        return format_html(_("{month} (date to be fixed)"), month=month)
    times = dates.format_time_range(session.start, session.end, lang)
    return format_html(_("{month} (date to be fixed), {times}"), month=month, times=times)
