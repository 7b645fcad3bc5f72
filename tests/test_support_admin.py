"""Editors keep the stages and the support page in the admin; bad input is explained and nothing saved."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.admin_forms import add_page_url, field_errors, organization_form
from tests.html import parse, text
from tests.stages import make_stages
from wagtail_chiiki.models import OrganizationPage, StageRecord, SupportStage, SupportStagesPage

pytestmark = pytest.mark.django_db


def stage_form(**changes) -> dict:
    fields = {
        "number": "1",
        "name": "組織・体制の立ち上げ",
        "goal": "地域運営組織が発足していること",
        "work": streamfield([("item", "ワークショップ"), ("item", "計画づくり")]),
        "city_support": rich_text("<p>ワークショップの進行を手伝います。</p>"),
        "examples": "",
        **changes,
    }
    return nested_form_data(fields)


def stage_add_url() -> str:
    return reverse("wagtailsnippets_wagtail_chiiki_supportstage:add")


# Stages ----------------------------------------------------------------------------------------


def test_editor_adds_a_stage_with_its_list_of_work(editor, locales):
    response = editor.post(stage_add_url(), stage_form())

    assert response.status_code == 302
    stage = SupportStage.objects.get()
    assert (stage.number, stage.name, stage.locale.language_code) == (1, "組織・体制の立ち上げ", "ja")
    assert stage.work_items == ["ワークショップ", "計画づくり"]


def test_a_stage_number_used_twice_is_explained_and_nothing_saved(editor, locales):
    make_stages(locales)

    response = editor.post(stage_add_url(), stage_form(name="もう一つのステップ1"))

    assert response.status_code == 200
    assert field_errors(parse(response.content), "number") == [
        "Step 1 組織・体制の立ち上げ already has this number. Give each stage its own number."
    ]
    assert SupportStage.objects.count() == 5
    assert not SupportStage.objects.filter(name="もう一つのステップ1").exists()


def test_editing_a_stage_keeps_its_own_number(editor, locales):
    stage = make_stages(locales)[2]
    url = reverse("wagtailsnippets_wagtail_chiiki_supportstage:edit", args=(stage.pk,))

    response = editor.post(url, stage_form(number="2", name="取組の試行(改)"))

    assert response.status_code == 302
    assert SupportStage.objects.get(pk=stage.pk).name == "取組の試行(改)"


def test_the_database_refuses_a_second_stage_with_the_same_number_in_a_language(locales):
    from django.db import IntegrityError, transaction

    make_stages(locales)
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportStage.objects.create(number=1, name="重複", goal="", locale=locales["ja"])


def test_a_translation_shares_the_number_of_its_source(locales):
    stage = make_stages(locales)[1]
    translation = stage.copy_for_translation(locales["en"])
    translation.full_clean()
    translation.save()

    assert SupportStage.objects.filter(number=1).count() == 2


def test_stage_list_in_the_admin_is_ordered_by_number(editor, locales):
    make_stages(locales)

    doc = parse(editor.get(reverse("wagtailsnippets_wagtail_chiiki_supportstage:list")).content)

    assert [text(cell.find("a")) for cell in doc.find_all("td", class_="title")] == [str(n) for n in range(5)]


# Stage history on the organization page --------------------------------------------------------


def history_form(rows: list[dict], **changes) -> dict:
    data = organization_form(**changes)
    data.update(nested_form_data({"stage_history": inline_formset(rows)}))
    return data


def test_organization_form_records_the_stage_history(editor, community_index, locales):
    stages = make_stages(locales)
    rows = [{"stage": str(stages[1].pk), "reached": "2024-05-31"}]

    response = editor.post(add_page_url(OrganizationPage, community_index), history_form(rows))

    assert response.status_code == 302
    page = OrganizationPage.objects.get(slug="minato")
    assert [(r.stage.number, r.reached) for r in page.stage_history.all()] == [
        (1, datetime.date(2024, 5, 31))
    ]
    assert page.stage == stages[1]


@pytest.mark.parametrize("action", ["publish", "draft"])
def test_a_stage_reached_in_the_future_is_explained_and_nothing_saved(
    editor, community_index, locales, action
):
    stages = make_stages(locales)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    rows = [
        {"stage": str(stages[1].pk), "reached": "2024-05-31"},
        {"stage": str(stages[2].pk), "reached": tomorrow.isoformat()},
    ]
    data = history_form(rows)
    if action == "draft":
        data.pop("action-publish")

    response = editor.post(add_page_url(OrganizationPage, community_index), data)

    assert response.status_code == 200
    assert field_errors(parse(response.content), "stage_history-1-reached") == [
        "A stage cannot be reached in the future: enter a past date."
    ]
    assert not OrganizationPage.objects.exists()
    assert not StageRecord.objects.exists()


# The support stages page -----------------------------------------------------------------------


def subsidy(**changes) -> dict:
    return nested_form_data(
        {
            "name": "地域づくりビジョン推進事業補助金",
            "purpose": rich_text("<p>ビジョンの策定と活動の経費を補助します。</p>"),
            "eligible_costs": rich_text(""),
            "amount": "",
            "starts": "2025-04-01",
            "ends": "2025-05-30",
            "window_note": "",
            "documents": streamfield([]),
            "contact": "",
            **changes,
        }
    )


def support_form(body) -> dict:
    data = nested_form_data(
        {
            "title": "地域運営組織への市の支援",
            "slug": "support",
            "intro": streamfield([]),
            "stages_heading": "",
            "stages_note": "",
            "body": streamfield(body),
            "contact": "",
            "update_history": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data["action-publish"] = "action-publish"
    return data


def test_editor_publishes_a_support_page_with_a_subsidy_and_a_staffing_program(editor, community_index):
    body = [
        ("subsidy", subsidy()),
        (
            "staffing_program",
            nested_form_data(
                {
                    "name": "集落支援員",
                    "description": rich_text("<p>集落を回って様子を確かめます。</p>"),
                    "link": {"text": "", "page": "", "url": ""},
                }
            ),
        ),
    ]

    response = editor.post(add_page_url(SupportStagesPage, community_index), support_form(body))

    assert response.status_code == 302
    page = SupportStagesPage.objects.get()
    assert [block.block_type for block in page.body] == ["subsidy", "staffing_program"]
    assert page.body[0].value["ends"] == datetime.date(2025, 5, 30)


def test_an_application_window_closing_before_it_opens_is_explained_and_nothing_saved(
    editor, community_index
):
    body = [("subsidy", subsidy(starts="2025-05-30", ends="2025-04-01"))]

    response = editor.post(add_page_url(SupportStagesPage, community_index), support_form(body))

    assert response.status_code == 200
    content = response.content.decode()
    assert "The application window must not close before it opens." in content
    assert "The page could not be created due to validation errors" in content
    assert not SupportStagesPage.objects.exists()
