"""Content checks on real pages: the page's title, fields and rows, the checker in the userbar,
the summary on save, blocking publication, fixes as new revisions, the report and the audit."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from tests.html import parse, text
from wagtail_chiiki.content_checks.extract import page_segments
from wagtail_chiiki.content_checks.pages import check_page
from wagtail_chiiki.models import CommunityIndexPage, OrganizationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(make_organization):
    """An organization page with a problem in its title, a text field, an inline row and its body."""
    return make_organization(
        "みなと①ネット",
        summary="ﾊﾞｽを走らせています。",
        activities=[(None, "清掃活動", "日　時：2024/6/21")],
        body=[
            ("paragraph", '<p>申込は<a href="/apply/">こちら</a>、ＡＥＤ講習もあります。</p>'),
            ("heading", {"text": "ｲﾍﾞﾝﾄ", "level": "h2"}),
        ],
    )


def test_page_check_reads_title_fields_rows_and_body(planted):
    report = check_page(planted)
    found = {(f.rule_id, f.path[0]) for f in report.findings}
    assert found == {
        ("machine-dependent", "title"),
        ("halfwidth-katakana", "summary"),
        ("interword-space", "activities"),
        ("date-format", "activities"),
        ("link-text", "body"),
        ("fullwidth-alphanumeric", "body"),
        ("halfwidth-katakana", "body"),
    }
    assert [s.path for s in page_segments(planted) if s.path[0] == "activities"] == [
        ("activities", 0, "title"),
        ("activities", 0, "description"),
    ]
    assert len(report.errors) == 6 and len(report.warnings) == 1


def set_language(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def axe_configuration(response) -> dict:
    """The checker's configuration from the userbar of a page (inside its <template>)."""
    doc = parse(response.content.decode())
    script = doc.one("script", id="checker-axe-configuration")
    return json.loads(text(script))


@pytest.mark.parametrize(
    ("language", "name"), [("ja", "機種依存文字"), ("en", "Machine-dependent character")]
)
def test_userbar_checker_has_the_rules_in_the_editors_language(
    planted, admin_client, admin_user, language, name
):
    set_language(admin_user, language)
    response = admin_client.get(planted.url)
    config = axe_configuration(response)

    assert "chiiki-machine-dependent" in config["options"]["runOnly"]
    assert "button-name" in config["options"]["runOnly"]  # Wagtail's own rules stay
    assert config["messages"]["chiiki-machine-dependent"]["error_name"] == name
    rule = next(r for r in config["spec"]["rules"] if r["id"] == "chiiki-machine-dependent")
    assert rule["any"] == ["chiiki-text"] and rule["impact"] == "serious"
    assert config["options"]["rules"]["chiiki-machine-dependent"]["checks"]["chiiki-text"]["options"] == {
        "needles": ["①"]
    }
    assert config["options"]["rules"]["chiiki-link-text"]["checks"]["chiiki-link"]["options"] == {
        "needles": ["こちら"]
    }
    assert {c["id"] for c in config["spec"]["checks"]} >= {
        "check-image-alt-text",
        "chiiki-text",
        "chiiki-link",
    }
    assert b"wagtail_chiiki/js/content-checks.js" in response.content


def test_userbar_of_a_clean_page_adds_no_rule(community_index, admin_client):
    config = axe_configuration(admin_client.get(community_index.url))
    assert not [rule for rule in config["options"]["runOnly"] if rule.startswith("chiiki-")]


def index_form(action: str, intro_html: str, title: str = "地域運営組織の紹介") -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": "chiiki-2",
            "intro": streamfield([("paragraph", rich_text(intro_html))]),
            "list_heading": "",
            "closing": streamfield([]),
            "update_history": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    if action == "publish":
        data["action-publish"] = "action-publish"
    return data


def add_index(client, home, action: str, intro_html: str, title: str = "地域運営組織の紹介"):
    url = reverse("wagtailadmin_pages:add", args=("wagtail_chiiki", "communityindexpage", home.pk))
    return client.post(url, index_form(action, intro_html, title), follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_saving_shows_a_summary_of_the_findings(home, admin_client, admin_user):
    set_language(admin_user, "en")
    response = add_index(admin_client, home, "save", "<p>2024/6/21 ＡＢＣ</p>")
    summary = next(m for m in messages_of(response) if m.startswith("Content checks"))
    assert summary.startswith(
        "Content checks: 1 errors and 1 warnings. Full-width letters or digits (1), Date in slash or dot form (1)"
    )
    assert (
        reverse("chiiki_content_fixes", args=[CommunityIndexPage.objects.get(slug="chiiki-2").pk]) in summary
    )


@override_settings(WAGTAIL_CHIIKI={"CONTENT_CHECKS": {"BLOCK_PUBLISH_ON_ERRORS": True}})
def test_errors_block_publishing_and_keep_a_draft(home, admin_client):
    response = add_index(admin_client, home, "publish", "<p>2024/6/21に開催</p>")
    page = CommunityIndexPage.objects.get(slug="chiiki-2")
    assert not page.live
    assert "2024/6/21に開催" in page.get_latest_revision().as_object().intro.raw_data[0]["value"]
    assert any("not published" in m or "公開されていません" in m for m in messages_of(response))


@override_settings(WAGTAIL_CHIIKI={"CONTENT_CHECKS": {"BLOCK_PUBLISH_ON_ERRORS": True}})
def test_warnings_alone_do_not_block_publishing(home, admin_client):
    add_index(admin_client, home, "publish", "<p>ＡＢＣの会</p>")
    assert CommunityIndexPage.objects.get(slug="chiiki-2").live


def test_errors_do_not_block_publishing_by_default(home, admin_client):
    add_index(admin_client, home, "publish", "<p>2024/6/21に開催</p>")
    assert CommunityIndexPage.objects.get(slug="chiiki-2").live


def test_fix_view_shows_the_changes_as_a_diff(planted, admin_client, admin_user):
    set_language(admin_user, "en")
    response = admin_client.get(reverse("chiiki_content_fixes", args=[planted.pk]))
    doc = parse(response.content.decode())
    rows = doc.one("table", class_="chiiki-content-fixes__diff").find_all("tr")[1:]
    changes = {(text(row.one("del")), text(row.one("ins"))) for row in rows}
    assert changes == {
        ("①", "(1)"),
        ("ﾊﾞｽ", "バス"),
        ("日 時", "日時"),  # the test parser folds white space
        ("2024/6/21", "令和6年6月21日(金)"),
        ("ＡＥＤ", "AED"),
        ("ｲﾍﾞﾝﾄ", "イベント"),
    }
    remaining = text(doc.one("ul", class_="chiiki-content-fixes__remaining"))
    assert "Link text does not say where it leads" in remaining and "こちら" in remaining


def test_applying_fixes_saves_a_new_revision_and_leaves_the_live_page(planted, admin_client):
    revisions = planted.revisions.count()
    response = admin_client.post(reverse("chiiki_content_fixes", args=[planted.pk]))
    assert response.status_code == 302

    live = OrganizationPage.objects.get(pk=planted.pk)
    assert live.title == "みなと①ネット" and live.summary == "ﾊﾞｽを走らせています。"
    assert live.has_unpublished_changes
    assert planted.revisions.count() == revisions + 1
    draft = live.get_latest_revision_as_object()
    assert draft.title == "みなと(1)ネット"
    assert draft.summary == "バスを走らせています。"
    assert [(a.title, a.description) for a in draft.activities.all()] == [
        ("清掃活動", "日時：令和6年6月21日(金)")
    ]
    assert draft.body.raw_data[0]["value"] == '<p>申込は<a href="/apply/">こちら</a>、AED講習もあります。</p>'
    assert draft.body.raw_data[1]["value"] == {"text": "イベント", "level": "h2"}
    # What is left is what only a person can fix.
    assert {f.rule_id for f in check_page(draft).findings} == {"link-text"}

    draft.get_latest_revision().publish()
    assert OrganizationPage.objects.get(pk=planted.pk).title == "みなと(1)ネット"


def test_fixes_of_one_rule_only(planted, admin_client):
    admin_client.post(reverse("chiiki_content_fixes", args=[planted.pk]), {"rule": "date-format"})
    draft = OrganizationPage.objects.get(pk=planted.pk).get_latest_revision_as_object()
    assert draft.title == "みなと①ネット"
    assert draft.activities.all()[0].description == "日　時：令和6年6月21日(金)"


def test_fix_view_needs_edit_permission(planted, client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse("chiiki_content_fixes", args=[planted.pk]))
    # Wagtail's admin turns a refusal into a redirect with a message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert OrganizationPage.objects.get(pk=planted.pk).revisions.count() == 1


def test_report_lists_findings_filters_by_rule_and_downloads_safe_csv(planted, admin_client, admin_user):
    set_language(admin_user, "ja")
    formula = planted.get_parent().add_child(
        instance=OrganizationPage(title="=HYPERLINK(１)", slug="formula", summary="式")
    )
    formula.save_revision().publish()

    doc = parse(admin_client.get(reverse("chiiki_content_report")).content.decode())
    rows = doc.one("table", class_="listing").find_all("tr")[1:]
    assert len(rows) == 8
    filtered = parse(
        admin_client.get(reverse("chiiki_content_report") + "?rule=date-format").content.decode()
    )
    rows = filtered.one("table", class_="listing").find_all("tr")[1:]
    assert [text(row.find_all("td")[4]) for row in rows] == ["2024/6/21"]
    assert "日付" in text(rows[0].find_all("td")[1])

    response = admin_client.get(reverse("chiiki_content_report") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert table[0][:3] == ["ページID", "ページ", "URL"]
    assert [row[1] for row in table[1:] if row[0] == str(formula.pk)] == ["'=HYPERLINK(１)"]


def test_audit_command_lists_findings_and_fails_on_errors(planted):
    out = io.StringIO()
    call_command("chiiki_audit_content", "--rule", "machine-dependent", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t")[1:] == ["machine-dependent", "エラー", "タイトル", "①"] or lines[0].split(
        "\t"
    )[1:] == [
        "machine-dependent",
        "Error",
        "Title",
        "①",
    ]
    assert lines[-1].endswith("1 findings, 1 errors.") or "1" in lines[-1]
    with pytest.raises(CommandError):
        call_command("chiiki_audit_content", "--fail-on-errors", stdout=io.StringIO())


def test_audit_of_a_clean_site_finds_nothing(community_index):
    out = io.StringIO()
    call_command("chiiki_audit_content", "--fail-on-errors", stdout=out)
    assert out.getvalue().splitlines() == [out.getvalue().splitlines()[-1]]
    assert Page.objects.live().filter(depth__gt=1).count() == 2


def test_page_editor_header_links_to_the_fixes(planted, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[planted.pk]))
    html = response.content.decode()
    fix_url = reverse("chiiki_content_fixes", args=[planted.pk])
    doc = parse(html)
    link = doc.one("a", href=fix_url)
    assert text(link) == "Content fixes" or text(link) == "表記の修正"


def test_userbar_checker_run_by_tags_gets_the_package_tag(planted, admin_client):
    from wagtail.admin.userbar import ContentCheckerItem
    from wagtail.models import Page as WagtailPage

    from wagtail_chiiki.content_checks.userbar import add_content_checks

    class ByTags(ContentCheckerItem):
        axe_run_only = ["wcag2a", "wcag2aa"]

    items = [ByTags()]
    add_content_checks(None, items, WagtailPage.objects.get(pk=planted.pk).specific)
    assert items[0].get_axe_run_only(None) == ["wcag2a", "wcag2aa", "chiiki"]
    assert isinstance(items[0], ByTags)
    rules = {rule["id"]: rule for rule in items[0].get_axe_custom_rules(None)}
    assert rules["chiiki-machine-dependent"]["tags"] == ["chiiki"]
