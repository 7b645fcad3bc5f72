"""The content stream as a whole: a template and a preview for every block, blocks in order on a
page, and the same rich-text features everywhere."""

from __future__ import annotations

import pytest
from django.template.loader import get_template
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.blocks import render
from tests.html import parse, text
from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.models import Contact

# Blocks whose value points at a database object (an image, a document, a contact snippet) have
# no fixed preview value: they preview with the newest object of the library.
BLOCKS_NEEDING_A_CHOOSER = {"image", "document", "contact", "map", "organization_list", "related_pages"}
#: Blocks whose preview shows live content: tested with content in tests/test_hub_blocks.py.
BLOCKS_SHOWING_LIVE_CONTENT = {"stage_table", "workshop_sessions"}


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
