"""Helpers of the block tests: a block rendered as on a page, its validation errors, how a link
must look, and a flyer uploaded to the library (the ``document`` fixture, a plugin of
tests/conftest.py)."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import translation
from wagtail.documents.models import Document

from tests.html import parse, text


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


def render_on(day: datetime.date, block, data: dict, language: str = "en"):
    """A block with a period, cleaned and rendered as it shows on ``day`` to a reader of ``language``."""
    value = block.clean(block.to_python(data))
    with (
        mock.patch("wagtail_chiiki.blocks.notices.timezone.localdate", return_value=day),
        translation.override(language),
    ):
        return render(block, value)
