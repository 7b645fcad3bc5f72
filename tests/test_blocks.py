"""The StreamField blocks, as editors fill them in and residents read them on any page of the site."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.html import parse, text
from tests.queries import count_queries
from wagtail_chiiki.blocks import (
    ContactBlock,
    ContentStreamBlock,
    DocumentLinkBlock,
    HeadingBlock,
    ImageBlock,
    LinkBlock,
    LinkListBlock,
    PeriodNoticeBlock,
    RichTextBlock,
    SocialLinkBlock,
    SocialLinksBlock,
    UpdateEntryBlock,
)
from wagtail_chiiki.links import KIND_HOSTS, LinkKind
from wagtail_chiiki.models import Contact

# Blocks whose value points at a database object (an image, a document, a contact snippet) have
# no fixed preview value: they preview with the newest object of the library.
BLOCKS_NEEDING_A_CHOOSER = {"image", "document", "contact", "map", "organization_list", "related_pages"}
#: Blocks whose preview shows live content: tested with content in tests/test_hub_blocks.py.
BLOCKS_SHOWING_LIVE_CONTENT = {"stage_table", "workshop_sessions"}


def render(block, value, *, host: str | None = "testserver"):
    """The block's HTML, parsed, rendered as in a page served for ``host`` (``None``: no request)."""
    context = {"request": RequestFactory().get("/", HTTP_HOST=host)} if host else {}
    return parse(block.render(value, context=context))


def block_errors(excinfo) -> dict[str, list[str]]:
    """The messages of a struct block's validation error, by child block name."""
    return {name: list(error.messages) for name, error in excinfo.value.block_errors.items()}


def assert_opens_safely_in_a_new_tab(link) -> None:
    assert link["target"] == "_blank"
    assert {"noopener", "noreferrer"} <= set(link["rel"].split())


def assert_marked_as_external(link) -> None:
    assert "chiiki-link--external" in link.classes
    assert_opens_safely_in_a_new_tab(link)
    assert link.one("span", class_="chiiki-external-icon")["aria-hidden"] == "true"
    assert text(link.one("span", class_="chiiki-visually-hidden")), "screen readers hear nothing"


def assert_plain(link) -> None:
    assert "chiiki-link--external" not in link.classes
    assert link.get("target") is None
    assert link.find("span", class_="chiiki-visually-hidden") is None


@pytest.fixture
def document(db):
    """A flyer of 949,248 bytes: 927KB, as Windows shows it to the editor who uploads it."""
    document = Document(title="ワークショップ開催チラシ")
    document.file.save("flyer.pdf", ContentFile(b"%" * 949_248), save=False)
    document.save()
    return document


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


# Images ---------------------------------------------------------------------------------------


@pytest.fixture
def photo(db):
    return Image.objects.create(title="クリーン大作戦", file=get_test_image_file(size=(1600, 900)))


def test_image_block_requires_alternative_text(photo):
    block = ImageBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"image": photo.pk, "alt_text": "", "caption": ""}))

    assert set(excinfo.value.block_errors) == {"alt_text"}


def test_image_block_shows_the_alternative_text_and_caption(photo):
    block = ImageBlock()
    value = block.clean(
        block.to_python(
            {"image": photo.pk, "alt_text": "河川敷でごみを拾う住民", "caption": "地域クリーン大作戦"}
        )
    )

    figure = render(block, value).one("figure")

    img = figure.one("img")
    assert img["alt"] == "河川敷でごみを拾う住民"
    assert (int(img["width"]), int(img["height"])) == (1200, 675)  # fitted within 1200x800
    assert text(figure.one("figcaption")) == "地域クリーン大作戦"


# Document links -------------------------------------------------------------------------------


def test_document_link_shows_file_type_and_size_in_japanese(document):
    block = DocumentLinkBlock()
    value = block.to_python({"document": document.pk, "title": "チラシ"})

    with translation.override("ja"):
        link = render(block, value).one("a")

    assert text(link) == "チラシ[PDF:927KB]"
    assert link["href"] == document.url


def test_document_link_falls_back_to_the_document_title(document):
    block = DocumentLinkBlock()

    with translation.override("ja"):
        link = render(block, block.to_python({"document": document.pk, "title": ""})).one("a")

    assert text(link) == "ワークショップ開催チラシ[PDF:927KB]"


def test_document_link_names_file_type_and_size_in_english(document):
    block = DocumentLinkBlock()

    with translation.override("en"):
        label = text(render(block, block.to_python({"document": document.pk, "title": "Flyer"})).one("a"))

    assert label == "Flyer (PDF, 927KB)"


def test_document_link_of_an_unknown_size_shows_the_type_alone(document):
    document.file.storage.delete(document.file.name)  # gone from storage: no size to tell
    Document.objects.filter(pk=document.pk).update(file_size=None)
    block = DocumentLinkBlock()
    value = block.to_python({"document": document.pk, "title": "チラシ"})

    with translation.override("ja"):
        japanese = text(render(block, value).one("a"))
    with translation.override("en"):
        english = text(render(block, value).one("a"))

    assert (japanese, english) == ("チラシ[PDF]", "チラシ (PDF)")


# Links ----------------------------------------------------------------------------------------


def test_link_to_a_web_address_is_accepted():
    block = LinkBlock()

    value = block.clean(
        block.to_python({"text": "市のホームページ", "page": None, "url": "https://www.example.jp/"})
    )

    assert value["url"] == "https://www.example.jp/"


def test_link_needs_a_page_or_a_web_address(db):
    block = LinkBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"text": "どこへ?", "page": None, "url": ""}))

    assert set(excinfo.value.block_errors) == {"url"}


def test_link_cannot_point_at_a_page_and_a_web_address_at_once(home):
    block = LinkBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"text": "二つ", "page": home.pk, "url": "https://www.example.jp/"}))

    assert set(excinfo.value.block_errors) == {"url"}


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,hi", "ftp://example.jp/a"],
)
def test_link_refuses_addresses_that_are_not_web_pages(url):
    block = LinkBlock()

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"text": "危ないリンク", "page": None, "url": url}))

    messages = block_errors(excinfo)["url"]
    assert len(messages) == 1, messages
    assert "https://" in messages[0]


def test_a_draft_may_leave_a_link_unfinished_but_never_doubled(home):
    block = LinkBlock()

    unfinished = block.clean_deferred(block.to_python({"text": "", "page": None, "url": ""}))
    assert unfinished["url"] == ""

    with pytest.raises(ValidationError):
        block.clean_deferred(
            block.to_python({"text": "二つ", "page": home.pk, "url": "https://www.example.jp/"})
        )


def test_link_to_another_site_is_marked_external():
    block = LinkBlock()

    link = render(block, block.to_python({"text": "市のホームページ", "url": "https://www.example.jp/"})).one(
        "a"
    )

    assert_marked_as_external(link)
    assert text(link).startswith("市のホームページ")


def test_link_to_a_page_of_the_site_is_plain(community_index):
    block = LinkBlock()

    link = render(block, block.to_python({"text": "組織の一覧", "page": community_index.pk, "url": ""})).one(
        "a"
    )

    assert link["href"] == community_index.url
    assert_plain(link)
    assert text(link) == "組織の一覧"


def test_link_list_is_a_navigation_named_by_its_heading(community_index):
    block = LinkListBlock()
    value = block.to_python(
        {
            "heading": "関連リンク",
            "links": [
                {"text": "組織の一覧", "page": community_index.pk, "url": ""},
                {"text": "地域おこし協力隊", "page": None, "url": "https://www.example.jp/kyoryokutai/"},
            ],
        }
    )

    nav = render(block, value).one("nav")

    assert nav["aria-label"] == "関連リンク"
    assert text(nav.one("h2")) == "関連リンク"
    internal, external = nav.find_all("a")
    assert_plain(internal)
    assert_marked_as_external(external)
    assert len(nav.find_all("li")) == 2


@pytest.fixture
def pages_in_two_languages(community_index, make_organization, locales):
    """Twenty Japanese organization pages, each with a live English translation."""
    from tests.stages import publish_in_english

    publish_in_english(community_index.get_parent(), locales["en"], "Home")
    publish_in_english(community_index, locales["en"], "Organizations")
    pages = [make_organization(f"組織{i}", slug=f"org-{i}") for i in range(20)]
    return [
        (page, publish_in_english(page, locales["en"], f"Organization {i}")) for i, page in enumerate(pages)
    ]


def test_link_list_shows_pages_in_the_readers_language_with_the_same_queries_for_1_or_20_links(
    pages_in_two_languages,
):
    block = LinkListBlock()

    def links_of(count: int):
        value = block.to_python(
            {
                "links": [
                    {"text": f"{i}", "page": ja.pk, "url": ""}
                    for i, (ja, _) in enumerate(pages_in_two_languages[:count])
                ]
            }
        )
        queries, doc = count_queries(lambda: render(block, value))
        return queries, [a["href"] for a in doc.one("nav").find_all("a")]

    with translation.override("en"):
        links_of(1)  # the first render reads the site's root paths into the cache
        one, one_href = links_of(1)
        twenty, twenty_hrefs = links_of(20)

    assert twenty_hrefs == [en.url for _, en in pages_in_two_languages]
    assert one_href == twenty_hrefs[:1]
    assert all(href.startswith("/en/") for href in twenty_hrefs)
    assert one == twenty


def test_link_list_keeps_the_source_page_when_its_translation_is_a_draft(pages_in_two_languages):
    ja, en = pages_in_two_languages[0]
    en.unpublish()
    block = LinkListBlock()
    value = block.to_python({"links": [{"text": "組織", "page": ja.pk, "url": ""}]})

    with translation.override("en"):
        assert render(block, value).one("a")["href"] == ja.url


def test_link_list_needs_at_least_one_link():
    block = LinkListBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"heading": "関連リンク", "links": []}))

    assert "links" in excinfo.value.block_errors


# Social links ---------------------------------------------------------------------------------


def social_links_value(owner: str, links: list[dict]):
    block = SocialLinksBlock()
    return block, block.clean(block.to_python({"owner": owner, "links": links}))


def test_social_links_name_each_link_by_owner_and_kind_for_screen_readers():
    block, value = social_links_value(
        "河東地域づくり委員会",
        [
            {"kind": "note", "url": "https://note.com/kawahigashi", "label": ""},
            {"kind": "instagram", "url": "https://www.instagram.com/kawahigashi/", "label": ""},
        ],
    )

    with translation.override("en"):
        doc = render(block, value)

    assert "河東地域づくり委員会" in doc.one("section")["aria-label"]
    note, instagram = doc.find_all("a")
    assert note["href"] == "https://note.com/kawahigashi"
    assert text(note) == "note"
    assert note["aria-label"].startswith("note of 河東地域づくり委員会")
    assert text(instagram) == "Instagram"
    assert instagram["aria-label"].startswith("Instagram of 河東地域づくり委員会")
    for link in (note, instagram):
        assert_opens_safely_in_a_new_tab(link)
        assert "chiiki-link--external" in link.classes


#: An address of each kind, on a host of its own.
KIND_ADDRESSES = {
    LinkKind.WEBSITE: "https://minato.example.jp/",
    LinkKind.NOTE: "https://note.com/minato",
    LinkKind.INSTAGRAM: "https://www.instagram.com/minato/",
    LinkKind.FACEBOOK: "https://www.facebook.com/minato",
    LinkKind.X: "https://x.com/minato",
    LinkKind.YOUTUBE: "https://www.youtube.com/@minato",
    LinkKind.LINE: "https://page.line.me/minato",
    LinkKind.OTHER: "https://example.jp/",
}


@pytest.mark.parametrize("kind", LinkKind.values)
def test_social_link_of_every_kind_has_an_accessible_name(kind):
    block, value = social_links_value(
        "湊まちづくりネットワーク", [{"kind": kind, "url": KIND_ADDRESSES[kind]}]
    )

    with translation.override("en"):
        link = render(block, value).one("a")
        label = str(LinkKind(kind).label)
    assert text(link) == label
    assert label in link["aria-label"]
    assert "湊まちづくりネットワーク" in link["aria-label"]


def test_social_link_text_chosen_by_the_editor_replaces_the_kind():
    block, value = social_links_value(
        "湊まちづくりネットワーク",
        [{"kind": "website", "url": "https://minato.example.jp/", "label": "ネットワークのホームページ"}],
    )

    link = render(block, value).one("a")

    assert text(link) == "ネットワークのホームページ"
    assert "ネットワークのホームページ" in link["aria-label"]


def test_social_link_names_are_escaped_once():
    block, value = social_links_value(
        "フォト&動画の会 <湊>", [{"kind": "youtube", "url": "https://youtube.com/@m"}]
    )

    link = render(block, value).one("a")

    assert "フォト&動画の会 <湊>" in link["aria-label"]


def test_social_link_refuses_a_script_address():
    with pytest.raises(ValidationError):
        social_links_value("湊", [{"kind": "x", "url": "javascript:alert(1)"}])


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("instagram", "https://www.facebook.com/minato"),
        ("facebook", "https://www.instagram.com/minato/"),
        ("x", "https://www.youtube.com/@minato"),
        ("note", "https://minato.example.jp/note/"),
        ("youtube", "https://notyoutube.com/@minato"),  # a host that only ends like one
        ("line", "https://line.me.example.jp/minato"),  # one that only starts like one
    ],
)
def test_social_link_refuses_an_address_not_on_its_kind(kind, url):
    block = SocialLinkBlock()

    with translation.override("en"), pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({"kind": kind, "url": url, "label": ""}))

    assert set(excinfo.value.block_errors) == {"url"}
    (message,) = block_errors(excinfo)["url"]
    assert message.startswith(f"The address is not on {LinkKind(kind).label}: it must be on ")
    assert KIND_HOSTS[kind][0] in message


def test_social_link_message_names_the_hosts_in_japanese():
    block = SocialLinkBlock()

    with translation.override("ja"), pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({"kind": "x", "url": "https://www.facebook.com/minato", "label": ""}))

    (message,) = block_errors(excinfo)["url"]
    assert "x.com、twitter.com" in message


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("instagram", "https://instagram.com/minato/"),
        ("instagram", "https://www.instagram.com/minato/"),
        ("instagram", "https://WWW.Instagram.COM/minato/"),
        ("facebook", "https://m.facebook.com/minato"),
        ("facebook", "https://www.facebook.com./minato"),
        ("x", "https://x.com/minato"),
        ("x", "https://twitter.com/minato"),
        ("x", "https://mobile.twitter.com/minato"),
        ("youtube", "https://youtu.be/abc"),
        ("youtube", "https://m.youtube.com/@minato"),
        ("note", "https://note.com/minato"),
        ("line", "https://lin.ee/abc"),
        ("website", "https://www.instagram.com/minato/"),
        ("other", "https://minato.example.jp/"),
    ],
)
def test_social_link_takes_the_usual_hosts_of_its_kind(kind, url):
    block = SocialLinkBlock()

    value = block.clean(block.to_python({"kind": kind, "url": url, "label": ""}))

    assert (value["kind"], value["url"]) == (kind, url)


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


def render_on(day: datetime.date, block, data: dict, language: str = "en"):
    """A block with a period, cleaned and rendered as it shows on ``day`` to a reader of ``language``."""
    value = block.clean(block.to_python(data))
    with (
        mock.patch("wagtail_chiiki.blocks.notices.timezone.localdate", return_value=day),
        translation.override(language),
    ):
        return render(block, value)


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


# The update history ------------------------------------------------------------------------------


def test_update_entry_cannot_be_dated_in_the_future():
    block = UpdateEntryBlock()
    today = datetime.date(2024, 6, 12)

    with mock.patch("wagtail_chiiki.blocks.stream.timezone.localdate", return_value=today):
        assert block.clean(block.to_python({"date": "2024-06-12", "description": "公開しました。"}))
        with pytest.raises(ValidationError) as excinfo:
            block.clean(block.to_python({"date": "2024-06-13", "description": "明日の更新"}))

    assert set(excinfo.value.block_errors) == {"date"}


# The stream as a whole --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ContentStreamBlock().child_blocks))
def test_every_content_block_has_its_own_template(name):
    child = ContentStreamBlock().child_blocks[name]

    assert get_template(child.meta.template)


def test_content_blocks_without_a_chooser_have_a_preview_value():
    stream = ContentStreamBlock()

    without_preview = {
        name for name, child in stream.child_blocks.items() if not hasattr(child.meta, "preview_value")
    }

    assert without_preview == BLOCKS_NEEDING_A_CHOOSER


@pytest.mark.parametrize(
    "name",
    sorted(set(ContentStreamBlock().child_blocks) - BLOCKS_NEEDING_A_CHOOSER - BLOCKS_SHOWING_LIVE_CONTENT),
)
def test_preview_value_is_valid_content_that_renders(name):
    child = ContentStreamBlock().child_blocks[name]

    value = child.clean(child.get_preview_value())
    doc = render(child, value)

    assert text(doc)
    assert doc.find() is not None  # at least one element, not bare text


@pytest.mark.django_db
def test_chooser_blocks_preview_with_the_newest_object_of_the_library(document, locales):
    image = Image.objects.create(title="みなとバス", file=get_test_image_file())
    contact = Contact.objects.create(name="地域づくり課", phone="0242-39-1202", locale=locales["ja"])
    stream = ContentStreamBlock()

    previews = {name: stream.child_blocks[name].get_preview_value() for name in BLOCKS_NEEDING_A_CHOOSER}

    assert (previews["image"]["image"], previews["image"]["alt_text"]) == (image, "みなとバス")
    assert previews["document"]["document"] == document
    assert previews["contact"]["contact"] == contact
    assert render(stream.child_blocks["image"], previews["image"]).one("img")["alt"] == "みなとバス"


@pytest.mark.django_db
def test_chooser_blocks_preview_as_empty_when_the_library_is_empty():
    stream = ContentStreamBlock()

    assert stream.child_blocks["contact"].get_preview_value()["contact"] is None
    assert stream.child_blocks["image"].get_preview_value()["image"] is None


def test_content_stream_renders_its_blocks_in_order(document):
    stream = ContentStreamBlock()
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "一箕地区まちづくりワークショップ", "level": "h2"}},
            {"type": "paragraph", "value": "<p>一箕地区のまちづくりを一緒に考えませんか?</p>"},
            {"type": "document", "value": {"document": document.pk, "title": "開催チラシ"}},
        ]
    )

    with translation.override("ja"):
        doc = render(stream, value)

    assert [text(e) for e in doc.iter() if e.tag in {"h2", "p"}] == [
        "一箕地区まちづくりワークショップ",
        "一箕地区のまちづくりを一緒に考えませんか?",
        "開催チラシ[PDF:927KB]",
    ]


def test_host_site_page_shows_the_blocks(client, home, document):
    home.body = [
        ("heading", {"text": "お知らせ", "level": "h2"}),
        ("document", {"document": document, "title": "開催チラシ"}),
    ]
    home.save_revision().publish()

    response = client.get(home.url)

    assert response.status_code == 200
    main = parse(response.content).one("main")
    assert "お知らせ" in [text(h) for h in main.find_all("h2")]
    assert text(main.one("a", class_="chiiki-document-link")) == "開催チラシ[PDF:927KB]"


def rich_text_blocks(block) -> list:
    """Every rich-text block inside ``block``, however deeply nested."""
    from wagtail.blocks import RichTextBlock as WagtailRichTextBlock

    if isinstance(block, WagtailRichTextBlock):
        return [block]
    children = list(getattr(block, "child_blocks", {}).values())
    if hasattr(block, "child_block"):
        children.append(block.child_block)
    return [found for child in children for found in rich_text_blocks(child)]


def test_every_rich_text_of_the_package_offers_the_same_features():
    from wagtail.fields import RichTextField

    from wagtail_chiiki.blocks import SupportStreamBlock
    from wagtail_chiiki.blocks.text import RICH_TEXT_FEATURES
    from wagtail_chiiki.models import SupportStage, WorkshopSeriesPage

    fields = [
        field
        for model in (SupportStage, WorkshopSeriesPage)
        for field in model._meta.get_fields()
        if isinstance(field, RichTextField)
    ]
    blocks = rich_text_blocks(SupportStreamBlock())

    assert len(fields) == 2 and len(blocks) >= 5
    assert {tuple(item.features) for item in [*fields, *blocks]} == {tuple(RICH_TEXT_FEATURES)}
