"""The open-data event list (自治体標準オープンデータセット イベント一覧) of workshop sessions, as CSV.

Follows the 2020 column set of the Municipal Standard Open Data Set (32 columns, in the order below;
docs/workshops.md says how each is filled). Another version of the standard is another column tuple
and row function here. One row per session with a day; UTF-8 with a byte order mark, dates
``YYYY-MM-DD``, times ``hh:mm``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wagtail_chiiki.feeds.spreadsheet import csv_lines
from wagtail_chiiki.schedule import Series, Session

OPEN_DATA_VERSION = "自治体標準オープンデータセット イベント一覧 (2020)"

#: The 2020 column set, in order.
EVENT_LIST_COLUMNS_2020 = (
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "イベント名",
    "イベント名_カナ",
    "イベント名_英語",
    "開始日",
    "終了日",
    "開始時間",
    "終了時間",
    "開始日時特記事項",
    "説明",
    "料金(基本)",
    "料金(詳細)",
    "連絡先名称",
    "連絡先電話番号",
    "連絡先内線番号",
    "主催者",
    "場所名称",
    "住所",
    "方書",
    "緯度",
    "経度",
    "アクセス方法",
    "駐車場情報",
    "定員",
    "参加申込終了日",
    "参加申込終了時間",
    "参加申込方法",
    "URL",
    "備考",
)


@dataclass(frozen=True)
class Municipality:
    """The publisher of the data set: its code (6 digits with the check digit) and names."""

    code: str = ""
    prefecture: str = ""
    name: str = ""


def event_list_row(series: Series, session: Session, *, number: int, municipality: Municipality) -> dict:
    """One session as a row of the 2020 event list, keyed by column name."""
    venue = series.venue_of(session)
    deadline = series.deadline_for(session)
    return {
        "都道府県コード又は市区町村コード": municipality.code,
        "NO": number,
        "都道府県名": municipality.prefecture,
        "市区町村名": municipality.name,
        "イベント名": series.event_name(session),
        "イベント名_カナ": series.title_kana,
        "イベント名_英語": series.title_english,
        "開始日": session.date.isoformat(),
        "終了日": session.date.isoformat(),
        "開始時間": _hhmm(session.start),
        "終了時間": _hhmm(session.end),
        "開始日時特記事項": session.status_label,
        "説明": " ".join(part for part in (session.topic, series.summary) if part),
        "料金(基本)": series.fee_text,
        "料金(詳細)": series.fee_note,
        "連絡先名称": series.contact_name,
        "連絡先電話番号": series.contact_phone,
        "連絡先内線番号": "",
        "主催者": series.organizer,
        "場所名称": venue.name,
        "住所": venue.address,
        "方書": "",
        "緯度": "" if venue.latitude is None else venue.latitude,
        "経度": "" if venue.longitude is None else venue.longitude,
        "アクセス方法": venue.access,
        "駐車場情報": "",
        "定員": "" if series.capacity is None else series.capacity,
        "参加申込終了日": deadline.isoformat() if deadline else "",
        "参加申込終了時間": "",
        "参加申込方法": series.application,
        "URL": series.full_url,
        "備考": session.note,
    }


def event_list_lines(series_list: Iterable[Series], municipality: Municipality) -> Iterator[str]:
    """The header, then one CSV line per dated session, numbered from 1 in the file."""
    dated = ((series, session) for series in series_list for session in series.sessions if session.is_dated)
    rows = (
        event_list_row(series, session, number=number, municipality=municipality)
        for number, (series, session) in enumerate(dated, start=1)
    )
    return csv_lines(
        EVENT_LIST_COLUMNS_2020, ([row[column] for column in EVENT_LIST_COLUMNS_2020] for row in rows)
    )


def _hhmm(value) -> str:
    return value.strftime("%H:%M") if value is not None else ""
