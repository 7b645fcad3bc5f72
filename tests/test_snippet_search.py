"""Searching the snippet listings in the admin: substrings of Japanese names, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.html import parse, text
from wagtail_chiiki.models import ActivityCategory, Contact, District, SupportStage

TITLE = re.compile(r"snippet_\d+_title")


@pytest.fixture
def editor(admin_client):
    return admin_client


def listed(editor, model, query: str) -> list[str]:
    """The titles of the rows of the snippet listing searched for ``query``."""
    url = reverse(f"wagtailsnippets_wagtail_chiiki_{model._meta.model_name}:list")
    response = editor.get(url, {"q": query})
    assert response.status_code == 200
    doc = parse(response.content.decode())
    return [text(span) for span in doc.find_all("span") if TITLE.fullmatch(span.get("id") or "")]


def test_a_district_is_found_by_part_of_its_name(editor, locales):
    District.objects.create(name="湊地区", slug="minato", locale=locales["ja"])
    District.objects.create(name="緑が丘地区", slug="midori", locale=locales["ja"])

    assert listed(editor, District, "湊") == ["湊地区"]
    assert sorted(listed(editor, District, "地区")) == ["湊地区", "緑が丘地区"]


def test_a_contact_is_found_by_its_department_and_a_stage_by_its_goal(editor, locales):
    Contact.objects.create(name="湊地区まちづくり協議会", department="事務局", locale=locales["ja"])
    Contact.objects.create(name="みどり市", department="地域づくり課", locale=locales["ja"])
    SupportStage.objects.create(number=1, name="立ち上げ", goal="話し合いの場をつくる", locale=locales["ja"])
    SupportStage.objects.create(
        number=2, name="計画づくり", goal="地域づくり計画をまとめる", locale=locales["ja"]
    )

    assert listed(editor, Contact, "湊地区") == ["湊地区まちづくり協議会"]
    assert listed(editor, Contact, "づくり課") == ["みどり市"]
    assert listed(editor, SupportStage, "話し合い") == ["1"]  # stages are listed by number first


def test_a_search_without_match_lists_nothing_and_a_category_by_latin_letters(editor, locales):
    ActivityCategory.objects.create(name="SNS広報", slug="sns", locale=locales["ja"])

    assert listed(editor, ActivityCategory, "sns") == ["SNS広報"]
    assert listed(editor, ActivityCategory, "バス") == []
