"""Link blocks: a link, a list of links in the reader's language, and social links."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.blocks import (
    assert_marked_as_external,
    assert_opens_safely_in_a_new_tab,
    assert_plain,
    block_errors,
    render,
)
from tests.html import text
from tests.queries import count_queries
from wagtail_chiiki.blocks import LinkBlock, LinkListBlock, SocialLinkBlock, SocialLinksBlock
from wagtail_chiiki.links import KIND_HOSTS, LinkKind

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

    with translation.override("en"):
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(block.to_python({"kind": kind, "url": url, "label": ""}))
        (message,) = block_errors(excinfo)["url"]  # the message in the language it was made for
        label = str(LinkKind(kind).label)

    assert set(excinfo.value.block_errors) == {"url"}
    assert message.startswith(f"The address is not on {label}: it must be on ")
    assert KIND_HOSTS[kind][0] in message


def test_social_link_message_names_the_hosts_in_japanese():
    block = SocialLinkBlock()

    with translation.override("ja"):
        with pytest.raises(StructBlockValidationError) as excinfo:
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
