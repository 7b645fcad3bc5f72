"""Blocks that tell residents something: the contact block and notices with a period."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.blocks import assert_marked_as_external, render, render_on
from tests.html import text
from wagtail_chiiki.blocks import ContactBlock, PeriodNoticeBlock
from wagtail_chiiki.models import Contact


@pytest.fixture
def contact(locales):
    return Contact.objects.create(
        name="会津若松市役所",
        department="地域づくり課",
        postal_code="965-8601",
        address="福島県会津若松市東栄町3-46",
        phone="0242-39-1202",
        phone_note="直通",
        fax="0242-39-1403",
        email="chiiki@city.example.jp",
        form_url="https://www.city.example.jp/form/chiiki/",
        locale=locales["ja"],
    )


# Contact --------------------------------------------------------------------------------------


def test_contact_block_lets_residents_call_fax_and_write(contact):
    block = ContactBlock()
    value = block.to_python({"heading": "", "contact": contact.pk})

    with translation.override("en"):
        section = render(block, value).one("section", class_="chiiki-contact")

    heading = section.one("h2")
    assert text(heading) == "Contact"
    assert section["aria-labelledby"] == heading["id"]
    phone = section.one("a", href="tel:0242391202")
    assert text(phone) == "0242-39-1202"
    assert "(直通)" in text(phone.parent)
    assert "0242-39-1403" in text(section)
    assert section.find("a", href="tel:0242391403") is None  # a fax number is not for calling
    mail = section.one("a", href="mailto:chiiki@city.example.jp")
    assert text(mail) == "chiiki@city.example.jp"
    assert_marked_as_external(section.one("a", href="https://www.city.example.jp/form/chiiki/"))
    assert "〒965-8601 福島県会津若松市東栄町3-46" in text(section)


def test_contact_block_heading_can_be_renamed(contact):
    block = ContactBlock()

    heading = render(
        block, block.to_python({"heading": "このページのお問い合わせ", "contact": contact.pk})
    ).one("h2")

    assert text(heading) == "このページのお問い合わせ"


# Notices with a period --------------------------------------------------------------------------

CONTEST = {
    "title": "湊町フォト&動画コンテスト",
    "body": "<p>湊の魅力を写した作品を募集しています。</p>",
    "starts": "2024-06-01",
    "ends": "2024-09-30",
    "link": {"text": "コンテストの公式サイト", "page": None, "url": "https://contest.example.jp/"},
}


def render_notice_on(day: datetime.date, data: dict = CONTEST):
    return render_on(day, PeriodNoticeBlock(), data).one("section", class_="chiiki-notice")


@pytest.mark.parametrize(
    ("today", "status", "status_text"),
    [
        (datetime.date(2024, 5, 31), "upcoming", "Opens soon"),
        (datetime.date(2024, 6, 1), "open", "Open now"),
        (datetime.date(2024, 9, 30), "open", "Open now"),
        (datetime.date(2024, 10, 1), "closed", "Closed"),
    ],
)
def test_notice_shows_by_itself_whether_it_is_open(today, status, status_text):
    notice = render_notice_on(today)

    assert f"chiiki-notice--{status}" in notice.classes
    assert text(notice.one("span", class_="chiiki-status")) == status_text
    assert f"chiiki-status--{status}" in notice.one("span", class_="chiiki-status").classes


def test_notice_shows_its_period_as_machine_readable_dates():
    notice = render_notice_on(datetime.date(2024, 7, 1))

    period = notice.one("p", class_="chiiki-notice__period")
    assert [time["datetime"] for time in period.find_all("time")] == ["2024-06-01", "2024-09-30"]
    assert text(notice.one("h2")).startswith("湊町フォト&動画コンテスト")
    assert_marked_as_external(notice.one("a", href="https://contest.example.jp/"))


def test_notice_without_a_closing_day_never_closes():
    notice = render_notice_on(datetime.date(2030, 1, 1), {**CONTEST, "ends": None})

    assert "chiiki-notice--open" in notice.classes
    assert [time["datetime"] for time in notice.find_all("time")] == ["2024-06-01"]


def test_notice_refuses_a_closing_day_before_the_opening_day():
    block = PeriodNoticeBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({**CONTEST, "starts": "2024-09-30", "ends": "2024-06-01"}))

    assert set(excinfo.value.block_errors) == {"ends"}


def test_notice_may_open_and_close_on_the_same_day():
    notice = render_notice_on(
        datetime.date(2024, 8, 7), {**CONTEST, "starts": "2024-08-07", "ends": "2024-08-07"}
    )

    assert "chiiki-notice--open" in notice.classes


def test_notice_details_link_may_be_left_empty():
    notice = render_notice_on(
        datetime.date(2024, 7, 1), {**CONTEST, "link": {"text": "", "page": None, "url": ""}}
    )

    assert notice.find("a") is None


def test_notice_details_link_needs_an_address_once_it_has_text():
    block = PeriodNoticeBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({**CONTEST, "link": {"text": "詳しくはこちら", "page": None, "url": ""}}))

    assert set(excinfo.value.block_errors) == {"link"}
