"""An editor meets the content checks: the package's rules in Wagtail's checker, in Japanese, a fix
reviewed and applied as a new draft, then published.

The page with the planted problems is a draft organization made for this test and deleted after it,
so the other browser tests see the demo as it is. They are made outside the test's transaction (a
write held open in the test's thread would lock the tables the server reads), and the test reads
without taking SQLite's read locks, so that the server can write the session, the fix and the
publication while the test looks.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.browser.conftest import DESKTOP, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PLANTED = '<p>①説明会は2024/6/21(金)に開きます。詳しくは<a href="https://www.example.jp/">こちら</a></p>'


@pytest.fixture(scope="module")
def planted(demo_site, django_db_blocker):
    """The draft with the planted problems and an editor whose admin is in Japanese."""
    from wagtail_chiiki.models import CommunityIndexPage, OrganizationPage

    with django_db_blocker.unblock():
        index = CommunityIndexPage.objects.get(locale=Locale.objects.get(language_code="ja"), slug="chiiki")
        page = OrganizationPage(
            title="表記チェックの確認", slug="content-checks", summary="確認用のページです。", live=False
        )
        page.body = [("paragraph", PLANTED)]
        index.add_child(instance=page)
        page.save_revision()
        users = []
        for username, language in (("checker", "ja"), ("checker-en", "en")):
            user = get_user_model().objects.create_superuser(username, f"{username}@example.jp", "pw-checker")
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            users.append(user)
    yield page, ("checker", "pw-checker")
    with django_db_blocker.unblock():
        OrganizationPage.objects.get(pk=page.pk).delete()
        for user in users:
            user.delete()


@pytest.fixture
def read_without_locks():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = true")


def log_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_editor_sees_the_rules_in_japanese_applies_a_fix_and_publishes(
    chromium, demo_site, planted, read_without_locks
):
    from wagtail_chiiki.models import OrganizationPage

    context = chromium.new_context(base_url=demo_site.url, viewport=DESKTOP, locale="ja-JP")
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        planted_page, (username, password) = planted
        log_in(page, username, password)

        page.goto(f"/admin/pages/{planted_page.pk}/edit/")
        page.click('[data-side-panel-toggle="checks"]')
        names = page.locator("[data-checks-panel] [data-content-checker-name]")
        names.filter(has_text="機種依存文字").first.wait_for()
        found = {name.strip() for name in names.all_inner_texts()}
        assert {
            "機種依存文字",
            "日付の書き方(スラッシュ・ドット区切り)",
            "リンク先がわからないリンクの文言",
        } <= found
        helps = page.locator("[data-checks-panel] [data-content-checker-help]").all_inner_texts()
        assert any("①は(1)" in text for text in helps)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "content-checks-editor-ja.png", full_page=False)

        # The header's actions lead to the fixes, reviewed as a diff before anything is saved.
        page.get_by_role("button", name="操作").click()
        page.get_by_role("link", name="表記の修正").click()
        page.wait_for_url(re.compile(rf"/admin/chiiki/content-checks/fix/{planted_page.pk}/$"))
        rows = page.locator(".chiiki-content-fixes__diff tbody tr")
        changes = {(row.locator("del").inner_text(), row.locator("ins").inner_text()) for row in rows.all()}
        assert changes == {("①", "(1)"), ("2024/6/21(金)", "令和6年6月21日(金)")}
        assert "こちら" in page.locator(".chiiki-content-fixes__remaining").inner_text()
        page.screenshot(path=SCREENSHOTS / "content-checks-fixes-ja.png", full_page=True)
        page.get_by_role("button", name="この修正を適用").click()
        page.wait_for_url(re.compile(rf"/admin/pages/{planted_page.pk}/edit/$"))
        assert "新しい下書きとして保存しました" in page.locator(".messages").inner_text()
        assert not OrganizationPage.objects.get(pk=planted_page.pk).live

        # Publish from the editor's action menu.
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.locator("button[name='action-publish']").click()
        page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
        published = OrganizationPage.objects.get(pk=planted_page.pk)
        assert published.live
        # The editor's rich-text field adds its block keys when the form is sent.
        saved = re.sub(r' data-block-key="[^"]*"', "", published.body.raw_data[0]["value"])
        assert saved == PLANTED.replace("①", "(1)").replace("2024/6/21(金)", "令和6年6月21日(金)")
        assert errors == []
    finally:
        context.close()


def test_report_in_english_lists_the_page_and_filters_by_rule(
    chromium, demo_site, planted, read_without_locks
):
    planted_page, (_username, password) = planted
    context = chromium.new_context(base_url=demo_site.url, viewport=DESKTOP)
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        log_in(page, "checker-en", password)
        page.goto("/admin/chiiki/content-checks/")
        page.select_option("#chiiki-rule-filter", "link-text")
        page.get_by_role("button", name="Filter").click()
        page.wait_for_url(re.compile(r"\?rule=link-text$"))
        rows = page.locator("table.listing tbody tr")
        assert rows.count() == 1
        cells = rows.first.locator("td").all_inner_texts()
        assert cells[0].startswith("表記チェックの確認")
        assert cells[1].startswith("Link text does not say where it leads")
        assert cells[2:] == ["Error", "Body › Text", "こちら"]  # labels in the reader's admin language
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "content-checks-report-en.png", full_page=True)
        page.goto(f"/admin/chiiki/content-checks/fix/{planted_page.pk}/")
        assert "To fix by hand" in page.locator(".chiiki-content-fixes").inner_text()
        page.screenshot(path=SCREENSHOTS / "content-checks-fixes-en.png", full_page=True)
    finally:
        context.close()
