"""Text blocks: headings, rich text and the entries of the update history."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from tests.blocks import assert_marked_as_external, assert_plain, render
from tests.html import text
from wagtail_chiiki.blocks import HeadingBlock, RichTextBlock, UpdateEntryBlock

# Headings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["h2", "h3", "h4"])
def test_heading_renders_at_the_level_the_editor_chose(level):
    block = HeadingBlock()

    doc = render(block, block.to_python({"text": "地域運営組織とは", "level": level}))

    heading = doc.one(level)
    assert text(heading) == "地域運営組織とは"
    assert [e.tag for e in doc.iter() if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}] == [level]


def test_heading_starts_a_main_section_unless_told_otherwise():
    assert HeadingBlock().get_default()["level"] == "h2"


def test_heading_cannot_compete_with_the_page_title_as_h1():
    block = HeadingBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"text": "もう一つのタイトル", "level": "h1"}))

    assert "level" in excinfo.value.block_errors


# Rich text ------------------------------------------------------------------------------------


def test_rich_text_marks_a_link_to_another_site_as_external():
    block = RichTextBlock()
    value = block.to_python(
        '<p>詳しくは<a href="https://www.city.example.jp/kyoryokutai/">協力隊のページ</a>へ</p>'
    )

    link = render(block, value).one("a")

    assert link["href"] == "https://www.city.example.jp/kyoryokutai/"
    assert_marked_as_external(link)
    assert text(link).startswith("協力隊のページ")


def test_rich_text_keeps_the_query_string_of_an_external_link_intact():
    block = RichTextBlock()
    value = block.to_python('<p><a href="https://www.example.jp/apply?event=12&amp;lang=ja">申込</a></p>')

    link = render(block, value).one("a")

    assert link["href"] == "https://www.example.jp/apply?event=12&lang=ja"
    assert_marked_as_external(link)


@pytest.mark.parametrize(
    "href",
    ["/chiiki/minato/", "http://testserver/chiiki/minato/", "mailto:chiiki@city.example.jp"],
    ids=["relative", "same-host", "mailto"],
)
def test_rich_text_leaves_a_link_within_the_site_plain(home, href):
    block = RichTextBlock()
    value = block.to_python(f'<p><a href="{href}">湊のページ</a></p>')

    link = render(block, value).one("a")

    assert link["href"] == href
    assert_plain(link)
    assert text(link) == "湊のページ"


def test_rich_text_link_to_a_page_of_the_site_is_plain(community_index):
    block = RichTextBlock()
    value = block.to_python(f'<p><a linktype="page" id="{community_index.pk}">地域運営組織の紹介</a></p>')

    link = render(block, value).one("a")

    assert link["href"] == community_index.url
    assert_plain(link)


# The update history ------------------------------------------------------------------------------


def test_update_entry_cannot_be_dated_in_the_future():
    block = UpdateEntryBlock()
    today = datetime.date(2024, 6, 12)

    with mock.patch("wagtail_chiiki.blocks.stream.timezone.localdate", return_value=today):
        assert block.clean(block.to_python({"date": "2024-06-12", "description": "公開しました。"}))
        with pytest.raises(ValidationError) as excinfo:
            block.clean(block.to_python({"date": "2024-06-13", "description": "明日の更新"}))

    assert set(excinfo.value.block_errors) == {"date"}
