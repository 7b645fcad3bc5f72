"""A workshop flyer's link text is the editor's own words, translated like any other text."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page

from tests.html import parse, text
from tests.round_trip import english, export, translate


@pytest.fixture
def flyer(db):
    document = Document(title="ichiki-flyer-2024.pdf")
    document.file.save("ichiki-flyer-2024.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2000), save=True)
    return document


def flyer_link(client, page) -> str:
    return text(parse(client.get(page.url).content.decode()).one("a", class_="chiiki-document-link"))


def test_the_flyer_link_says_the_editors_words_with_type_and_size(client, make_series, flyer):
    series = make_series(flyer=flyer, flyer_text="開催チラシ")

    assert flyer_link(client, series) == "開催チラシ[PDF:2KB]"


def test_without_words_of_its_own_the_link_says_the_document_title(client, make_series, flyer):
    series = make_series(flyer=flyer)

    assert flyer_link(client, series) == "ichiki-flyer-2024.pdf[PDF:2KB]"


def test_translators_translate_the_flyer_link_text(client, english_tree, make_series, flyer, locales):
    series = make_series(flyer=flyer, flyer_text="開催チラシ")

    _, po = export(series, locales["en"])
    assert "開催チラシ" in [entry.msgid for entry in po]
    english_page, _ = translate(series, locales["en"])

    assert flyer_link(client, Page.objects.get(pk=english_page.pk).specific).startswith(english("開催チラシ"))
