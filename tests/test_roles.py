"""Roles beyond the matrix: the command, the city's fields, choosers that do not leak, the moderation
workflow with its emails, and the organization editors' dashboard panel."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    WorkflowPage,
)

from tests.admin_forms import organization_form
from tests.html import parse, text
from tests.roles import build_city, make_user
from tests.test_permission_matrix import login
from wagtail_chiiki.models import OrganizationPage
from wagtail_chiiki.roles import organization_group


@pytest.fixture
def city(locales, home, community_index, make_organization, make_series, make_district, make_category):
    return build_city(
        locales, home, community_index, make_organization, make_series, make_district, make_category
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def own_form(page: OrganizationPage, action: str = "draft", **changes) -> dict:
    """The edit form an organization editor's browser posts: no city fields in it."""
    data = organization_form(
        action=action, **{"title": page.title, "slug": page.slug, "summary": page.summary, **changes}
    )
    if action == "submit":
        data["action-submit"] = "action-submit"
    for name in ("legal_form", "legal_form_other"):
        data.pop(name)
    for key in [key for key in data if key.startswith("stage_history-")]:
        data.pop(key)
    return data


def counts() -> dict[str, int]:
    return {
        "groups": Group.objects.count(),
        "group permissions": sum(group.permissions.count() for group in Group.objects.all()),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
    }


# The command ---------------------------------------------------------------------------------------


def test_the_command_sets_up_roles_once_however_often_it_runs(city):
    before = counts()
    out = io.StringIO()
    call_command("chiiki_roles", organization=["org-a", "org-b"], stdout=out)
    call_command("chiiki_roles", organization=["org-a", "org-b"], stdout=out)

    assert counts() == before
    names = set(Group.objects.values_list("name", flat=True))
    assert {"市の管理者", "市の編集者", "翻訳者: English"} <= names
    assert "組織の編集者: 湊まちづくり協議会" in names
    assert WorkflowPage.objects.get(page=city.index).workflow.name == "地域運営組織ページの確認"


def test_giving_a_new_organization_its_editors_is_one_command(city, make_organization):
    page = make_organization("河東地域づくり協議会", slug="kawahigashi")
    user = make_user("kawahigashi_editor")

    call_command(
        "chiiki_roles", organization=["kawahigashi"], editor=["kawahigashi_editor"], stdout=io.StringIO()
    )

    group = organization_group(page)
    assert list(user.groups.all()) == [group]
    assert page.permissions_for_user(user).can_edit()
    assert not page.permissions_for_user(user).can_publish()
    client = login("kawahigashi_editor")
    assert client.get(edit_url(page)).status_code == 200
    assert client.get(edit_url(city.pages["own_org"])).status_code == 302


def test_the_command_names_what_it_cannot_find(city):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nowhere"):
        call_command("chiiki_roles", organization=["nowhere"], stdout=io.StringIO())
    with pytest.raises(CommandError, match="nobody"):
        call_command("chiiki_roles", organization=["org-a"], editor=["nobody"], stdout=io.StringIO())


def test_a_series_published_with_an_organizer_becomes_its_editors(city, make_series):
    series = make_series("湊の夏祭り準備会", slug="festival", organizer=city.pages["own_org"])

    assert series.permissions_for_user(city.users["editor_a"]).can_edit()
    assert not series.permissions_for_user(city.users["editor_b"]).can_edit()


def test_the_city_fields_permission_is_offered_on_the_group_screen(city):
    client = login("city_admin")
    client.force_login(make_user("root", superuser=True))
    response = client.get(reverse("wagtailusers_groups:edit", args=(city.roles.editors.pk,)))
    permission = Permission.objects.get(codename="decide_city_fields")
    assert parse(response.content).find("input", value=str(permission.pk)) is not None


# What only the city decides ------------------------------------------------------------------------


def test_an_organization_editor_sees_the_city_fields_read_only(city):
    response = login("editor_a").get(edit_url(city.pages["own_org"]))

    doc = parse(response.content)
    for name in ("legal_form", "legal_form_other", "districts", "stage_history-TOTAL_FORMS"):
        assert doc.find(name=name) is None, name
    page_text = text(doc)
    assert "ステップ1 組織・体制の立ち上げ 2020-04-01" in page_text
    outputs = [text(output) for output in doc.find_all(class_="w-field__textoutput")]
    assert "湊" in outputs and "任意団体" in outputs
    assert page_text.count("市が設定します。") >= 3


def test_a_city_editor_edits_the_city_fields(city):
    doc = parse(login("city_editor").get(edit_url(city.pages["own_org"])).content)

    for name in ("legal_form", "districts", "stage_history-TOTAL_FORMS"):
        assert doc.find(name=name) is not None, name


@pytest.mark.parametrize(
    "crafted",
    [
        {"legal_form": "npo"},
        {"districts": []},
        {"stage_history-TOTAL_FORMS": "0", "stage_history-INITIAL_FORMS": "0"},
    ],
    ids=["legal form", "districts", "stage history"],
)
def test_a_crafted_post_changing_a_city_field_is_refused_and_saves_nothing(city, crafted):
    page = city.pages["own_org"]
    revisions = page.revisions.count()
    data = own_form(page, summary="新しい紹介文")
    if "districts" in crafted:
        data["districts"] = str(city.snippets["district"].pk + 1000)
    else:
        data.update(crafted)

    response = login("editor_a").post(edit_url(page), data)

    assert response.status_code == 200
    assert "市だけが変更できます" in text(parse(response.content))
    assert page.revisions.count() == revisions


def test_an_organization_editor_saves_their_own_fields_and_keeps_the_citys(city):
    page = city.pages["own_org"]

    response = login("editor_a").post(edit_url(page), own_form(page, summary="新しい紹介文"))

    assert response.status_code == 302
    draft = OrganizationPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.summary == "新しい紹介文"
    assert [d.slug for d in draft.districts.all()] == ["minato"]
    assert [r.stage.number for r in draft.stage_history.all()] == [1]
    assert draft.legal_form == page.legal_form


# Choosers ------------------------------------------------------------------------------------------


def browse(client, parent) -> tuple[int, set[str]]:
    import json

    response = client.get(reverse("wagtailadmin_choose_page_child", args=(parent.pk,)))
    if response.status_code != 200:
        return response.status_code, set()
    doc = parse(json.loads(response.content)["html"])
    return 200, {link["data-admin-title"] for link in doc.find_all("a", class_="choose-page")}


def test_the_page_chooser_hides_new_titles_waiting_to_be_published(city):
    other = city.pages["other_org"]
    other.title = "未発表の新しい名前"
    other.save_revision()
    own = city.pages["own_org"]
    own.title = "自分の下書きの名前"
    own.save_revision()

    _, editor_titles = browse(login("editor_a"), city.index)
    _, city_titles = browse(login("city_editor"), city.index)

    assert "未発表の新しい名前" not in editor_titles
    assert "一箕地区協議会" not in editor_titles
    assert "自分の下書きの名前" in editor_titles
    assert "未発表の新しい名前" in city_titles


def test_the_page_chooser_hides_private_sections_and_other_sites(city, home):
    PageViewRestriction.objects.create(page=city.pages["stages"], restriction_type="login")
    other_home = Page.get_first_root_node().add_child(instance=Page(title="別のサイト", slug="other-site"))

    status, titles = browse(login("editor_a"), Page.get_first_root_node())
    assert status == 200
    assert "別のサイト" not in titles
    assert browse(login("editor_a"), other_home)[0] == 404
    _, titles = browse(login("editor_a"), city.index)
    assert "地域運営組織への支援" not in titles
    assert "地域運営組織への支援" in browse(login("city_editor"), city.index)[1]


# The moderation workflow and its emails ------------------------------------------------------------


def workflow_action_url(page, action: str) -> str:
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def test_a_submitted_change_reaches_the_city_editors_and_approval_publishes_it(city):
    page = city.pages["own_org"]
    editor = login("editor_a")
    response = editor.post(edit_url(page), own_form(page, action="submit", summary="承認を待つ紹介文"))
    assert response.status_code == 302

    page = OrganizationPage.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    assert [message.to for message in mail.outbox] == [["city_editor@example.jp"]]
    assert "湊まちづくり協議会" in mail.outbox[0].subject
    mail.outbox.clear()

    reviewer = login("city_editor")
    assert "湊まちづくり協議会" in text(parse(reviewer.get(reverse("wagtailadmin_home")).content))
    response = reviewer.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response.status_code in (200, 302)

    page = OrganizationPage.objects.get(pk=page.pk)
    assert page.summary == "承認を待つ紹介文" and page.live and not page.has_unpublished_changes
    assert [message.to for message in mail.outbox] == [["editor_a@example.jp"]]
    assert editor.get(page.url).status_code == 200


def test_a_rejected_change_returns_to_the_editor_with_the_comment(city):
    page = city.pages["own_org"]
    editor = login("editor_a")
    editor.post(edit_url(page), own_form(page, action="submit", summary="確認してほしい紹介文"))
    page = OrganizationPage.objects.get(pk=page.pk)
    mail.outbox.clear()

    login("city_editor").post(
        workflow_action_url(page, "reject"), {"comment": "連絡先の電話番号を書いてください。"}
    )

    page = OrganizationPage.objects.get(pk=page.pk)
    assert page.summary != "確認してほしい紹介文"
    assert [message.to for message in mail.outbox] == [["editor_a@example.jp"]]
    assert "連絡先の電話番号を書いてください。" in mail.outbox[0].body
    panel = parse(editor.get(reverse("wagtailadmin_home")).content).one(class_="chiiki-organization-panel")
    assert "市から変更を求められています" in text(panel)
    assert "連絡先の電話番号を書いてください。" in text(panel)


# The dashboard panel -------------------------------------------------------------------------------


def test_the_dashboard_shows_an_organization_editor_their_pages_and_where_they_stand(city):
    own = city.pages["own_org"]
    own.title = "湊まちづくり協議会"
    own.summary = "下書き中"
    own.save_revision()

    doc = parse(login("editor_a").get(reverse("wagtailadmin_home")).content)

    panel = doc.one(class_="chiiki-organization-panel")
    rows = {
        text(row.one(class_="chiiki-state__title")): row
        for row in panel.find_all("tr", class_="chiiki-state")
    }
    assert set(rows) == {"湊まちづくり協議会", "湊のワークショップ"}
    org_row = rows["湊まちづくり協議会"]
    assert "chiiki-state--changes" in org_row.classes
    assert text(org_row.one(class_="chiiki-state__label")) == "公開中(変更を下書きに保存しています)"
    assert org_row.one("a", href=edit_url(own)) is not None
    series_row = rows["湊のワークショップ"]
    assert "chiiki-state--live" in series_row.classes
    assert text(series_row.one(class_="chiiki-state__kind")) == "ワークショップ"
    assert series_row.one("a", href=edit_url(city.pages["own_series"])) is not None
    assert "一箕" not in text(panel)


def test_the_dashboard_panel_is_only_for_organization_editors(city):
    for role in ("city_editor", "translator_en"):
        doc = parse(login(role).get(reverse("wagtailadmin_home")).content)
        assert doc.find(class_="chiiki-organization-panel") is None, role


def test_every_role_logs_in_with_its_password(city):
    for user in city.users.values():
        assert login(user.username).get(reverse("wagtailadmin_home")).status_code == 200


def test_a_city_administrator_gives_a_new_organization_its_editors_from_its_page(city, make_organization):
    page = make_organization("河東地域づくり協議会", slug="kawahigashi")
    url = reverse("chiiki_organization_editors", args=(page.pk,))
    admin = login("city_admin")

    assert url in admin.get(edit_url(page)).content.decode()
    assert admin.get(url).status_code == 200
    response = admin.post(url)

    group = organization_group(page)
    assert group is not None and group.name == "組織の編集者: 河東地域づくり協議会"
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailusers_groups:edit", args=(group.pk,)
    )
    admin.post(url)
    assert Group.objects.filter(name=group.name).count() == 1


def test_only_those_who_manage_groups_give_an_organization_editors(city):
    url = reverse("chiiki_organization_editors", args=(city.pages["own_org"].pk,))
    for role in ("city_editor", "editor_a"):
        client = login(role)
        assert url not in client.get(edit_url(city.pages["own_org"])).content.decode()
        assert client.post(url).status_code == 302
    assert organization_group(city.pages["own_org"]).name == "組織の編集者: 湊まちづくり協議会"
