"""Support-program blocks: a subsidy that knows whether it takes applications, and staffing programs."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests.blocks import assert_marked_as_external, block_errors, render, render_on
from tests.html import parse, text
from tests.stages import SUBSIDY
from wagtail_chiiki.blocks import ContentStreamBlock, StaffingProgramBlock, SubsidyBlock, SupportStreamBlock
from wagtail_chiiki.models import Contact


def render_subsidy_on(day: datetime.date, data: dict = SUBSIDY, language: str = "ja"):
    return render_on(day, SubsidyBlock(), data, language).one("section", class_="chiiki-subsidy")


@pytest.mark.parametrize(
    ("today", "status", "status_text"),
    [
        (datetime.date(2025, 3, 31), "upcoming", "受付開始前"),
        (datetime.date(2025, 4, 1), "open", "受付中"),
        (datetime.date(2025, 5, 30), "open", "受付中"),
        (datetime.date(2025, 5, 31), "closed", "受付終了"),
    ],
)
def test_subsidy_shows_by_itself_whether_it_takes_applications(today, status, status_text):
    subsidy = render_subsidy_on(today)

    badge = subsidy.one("span", class_="chiiki-status")
    assert text(badge) == status_text
    assert f"chiiki-status--{status}" in badge.classes
    assert f"chiiki-subsidy--{status}" in subsidy.classes


def test_subsidy_window_is_written_in_the_japanese_era_calendar():
    subsidy = render_subsidy_on(datetime.date(2025, 4, 15))

    window = subsidy.one("dd", class_="chiiki-subsidy__window")
    assert [time["datetime"] for time in window.find_all("time")] == ["2025-04-01", "2025-05-30"]
    assert [text(time) for time in window.find_all("time")] == ["令和7年4月1日(火)", "令和7年5月30日(金)"]


def test_subsidy_window_in_english():
    subsidy = render_subsidy_on(datetime.date(2025, 6, 1), language="en")

    assert text(subsidy.one("span", class_="chiiki-status")) == "Applications closed"
    assert (
        text(subsidy.one("dd", class_="chiiki-subsidy__window"))
        == "Period: Tue, April 1, 2025 to Fri, May 30, 2025"
    )


def test_subsidy_lists_purpose_costs_and_amount_under_a_heading():
    subsidy = render_subsidy_on(datetime.date(2025, 4, 15))

    heading = subsidy.one("h2")
    assert subsidy["aria-labelledby"] == heading["id"]
    assert text(heading).startswith("地域づくりビジョン推進事業補助金")
    facts = {text(div.one("dt")): text(div.one("dd")) for div in subsidy.one("dl").find_all("div")}
    assert facts["対象となる経費"] == "ワークショップの会場費"
    assert facts["補助額・補助率"] == "対象経費の3分の2以内"


def test_subsidy_without_a_window_shows_no_status():
    subsidy = render_subsidy_on(
        datetime.date(2025, 4, 15),
        {**SUBSIDY, "starts": None, "ends": None, "window_note": "随時受け付けます。"},
    )

    assert subsidy.find("span", class_="chiiki-status") is None
    assert text(subsidy.one("dd", class_="chiiki-subsidy__window")) == "随時受け付けます。"


def test_subsidy_without_a_closing_day_stays_open():
    subsidy = render_subsidy_on(datetime.date(2030, 1, 1), {**SUBSIDY, "ends": None})

    assert "chiiki-status--open" in subsidy.one("span", class_="chiiki-status").classes


def test_subsidy_refuses_a_window_that_closes_before_it_opens():
    block = SubsidyBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({**SUBSIDY, "starts": "2025-05-30", "ends": "2025-04-01"}))

    assert block_errors(excinfo) == {"ends": ["申請受付の終了日は開始日より前にできません。"]}


@pytest.mark.django_db
def test_subsidy_documents_show_type_and_size_and_the_contact_follows(locales):
    guide = Document(title="補助金の手引き")
    guide.file.save("guide.pdf", ContentFile(b"%" * 949_248), save=False)
    guide.save()
    contact = Contact.objects.create(name="地域づくり課", phone="0242-39-1202", locale=locales["ja"])

    subsidy = render_subsidy_on(
        datetime.date(2025, 4, 15),
        {**SUBSIDY, "documents": [{"document": guide.pk, "title": ""}], "contact": contact.pk},
    )

    assert text(subsidy.one("a", class_="chiiki-document-link")) == "補助金の手引き[PDF:927KB]"
    section = subsidy.one("section", class_="chiiki-contact")
    # Inside the subsidy's h2, the contact is a subsection.
    assert text(section.one("h3")) == "お問い合わせ"
    assert section.one("a", href="tel:0242391202")


def test_staffing_program_says_what_the_person_does_and_links_to_details():
    block = StaffingProgramBlock()
    value = block.clean(
        block.to_python(
            {
                "name": "地域おこし協力隊",
                "description": "<p>都市部から移り住み、地域の活動に加わります。</p>",
                "link": {
                    "text": "地域おこし協力隊のページ",
                    "page": None,
                    "url": "https://www.example.jp/kyoryokutai/",
                },
            }
        )
    )

    program = render(block, value).one("section", class_="chiiki-staffing")

    assert text(program.one("h2")) == "地域おこし協力隊"
    assert (
        text(program.one("div", class_="chiiki-richtext")) == "都市部から移り住み、地域の活動に加わります。"
    )
    assert_marked_as_external(program.one("a"))


def test_staffing_program_without_a_link_shows_none():
    block = StaffingProgramBlock()
    value = block.clean(block.to_python(block.meta.preview_value))

    assert render(block, value).find("a") is None


def test_every_content_stream_offers_the_programs():
    support, content = SupportStreamBlock(), ContentStreamBlock()

    assert set(support.child_blocks) == set(content.child_blocks)
    assert {"subsidy", "staffing_program"} <= set(content.child_blocks)


@pytest.mark.parametrize(
    "block", [SubsidyBlock(), StaffingProgramBlock()], ids=["subsidy", "staffing_program"]
)
def test_preview_value_is_valid_content_that_renders(block):
    value = block.clean(block.get_preview_value())

    doc = parse(block.render(value))

    assert text(doc.one("h2")).startswith(block.meta.preview_value["name"])
