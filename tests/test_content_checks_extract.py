"""The text the content checks read from blocks: every block of the package gives its text, with
its kind and a label naming where it is; stored data that does not fit its block is skipped."""

from __future__ import annotations

import pytest

from wagtail_chiiki.blocks import SupportStreamBlock
from wagtail_chiiki.content_checks.extract import block_segments
from wagtail_chiiki.content_rules import Kind

pytestmark = pytest.mark.django_db


BLOCKS = [
    {"type": "heading", "id": "h", "value": {"text": "活動の詳細", "level": "h4"}},
    {"type": "paragraph", "id": "p", "value": '<p>①詳しくは<a href="/x/">こちら</a></p>'},
    {"type": "image", "id": "i", "value": {"image": 99, "alt_text": "画像", "caption": "ﾊﾞｽ"}},
    {"type": "document", "id": "d", "value": {"document": 98, "title": "申請書２０２４"}},
    {
        "type": "links",
        "id": "l",
        "value": {
            "heading": "関連　リンク",
            "links": [
                {"type": "item", "id": "l1", "value": {"text": "ここ", "page": None, "url": "https://a.jp/"}}
            ],
        },
    },
    {
        "type": "social_links",
        "id": "s",
        "value": {
            "owner": "㈱湊",
            "links": [
                {
                    "type": "item",
                    "id": "s1",
                    "value": {"kind": "note", "url": "https://note.com/x", "label": "https://note.com/x"},
                }
            ],
        },
    },
    {"type": "contact", "id": "c", "value": {"heading": "お問い合わせ★★", "contact": 97}},
    {
        "type": "notice",
        "id": "n",
        "value": {
            "title": "2024/6/21締切",
            "body": "<p>ＡＢＣ</p>",
            "starts": None,
            "ends": None,
            "link": {"text": "click here", "page": None, "url": "https://b.jp/"},
        },
    },
    {
        "type": "subsidy",
        "id": "su",
        "value": {
            "name": "補助金 、概要",
            "purpose": "<p>R6.4.1から</p>",
            "eligible_costs": "<ul><li>ｺﾋﾟｰ代</li></ul>",
            "amount": "３分の２",
            "starts": None,
            "ends": None,
            "window_note": "日　時",
            "documents": [{"type": "item", "id": "sd", "value": {"document": 98, "title": "様式①"}}],
            "contact": None,
        },
    },
    {
        "type": "staffing_program",
        "id": "st",
        "value": {
            "name": "集落支援員🎉",
            "description": "<h2></h2>",
            "link": {"text": "詳細", "page": None, "url": ""},
        },
    },
]


def test_every_block_of_the_package_gives_its_text_to_the_rules():
    segments = block_segments(SupportStreamBlock(), BLOCKS, ("body",), "本文")
    by_path = {segment.path: segment for segment in segments}
    assert by_path[("body", "h", "text")].kind is Kind.HEADING and by_path[("body", "h", "text")].level == 4
    assert by_path[("body", "p")].kind is Kind.HTML
    assert by_path[("body", "i", "alt_text")].kind is Kind.ALT
    assert by_path[("body", "i", "caption")].text == "ﾊﾞｽ"
    assert by_path[("body", "d", "title")].text == "申請書２０２４"
    assert by_path[("body", "l", "heading")].text == "関連　リンク"
    assert by_path[("body", "l", "links", "l1", "text")].kind is Kind.LINK
    assert by_path[("body", "s", "links", "s1", "label")].kind is Kind.LINK
    assert by_path[("body", "c", "heading")].text == "お問い合わせ★★"
    assert by_path[("body", "n", "link", "text")].text == "click here"
    assert by_path[("body", "su", "eligible_costs")].kind is Kind.HTML
    assert by_path[("body", "su", "documents", "sd", "title")].text == "様式①"
    assert by_path[("body", "st", "link", "text")].text == "詳細"
    # Labels name the field and the blocks, for the report.
    assert by_path[("body", "n", "link", "text")].label.startswith("本文 › ")
    # Rich text of the package's blocks is shown with its external links marked.
    assert by_path[("body", "p")].marks_external_links


def test_stored_data_that_does_not_fit_its_blocks_is_skipped():
    odd = [
        {"type": "heading", "id": "a", "value": "not a struct"},
        {"type": "heading", "id": "b", "value": {"text": "ＡＢＣ", "level": "h9"}},
        {"type": "links", "id": "c", "value": {"heading": "", "links": "not a list"}},
        "not a block",
        {"type": "unknown", "id": "d", "value": "①"},
    ]
    segments = block_segments(SupportStreamBlock(), odd, ("body",), "本文")
    assert [(s.path, s.level) for s in segments] == [(("body", "b", "text"), 2)]
