"""Blocks of the media library: images with their alternative text, and document links."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.blocks import render
from tests.html import text
from wagtail_chiiki.blocks import DocumentLinkBlock, ImageBlock

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
