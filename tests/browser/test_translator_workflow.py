"""An English-only translator, in Chromium: from the dashboard to a published English page, with no
typed addresses, and no rights on the Japanese pages."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from tests.browser.conftest import DESKTOP, SCREENSHOTS
from wagtail_chiiki.models import CommunityIndexPage, OrganizationPage

# The translator and the page are made outside the test's transaction (module fixtures): a write held
# open in the test's thread would lock the tables the server writes to. The test itself reads
# nothing from the database; what it made is removed at the end.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "東山地区まちづくり協議会"
ENGLISH = {TITLE: "Higashiyama District Town Development Council", "温泉街の地区です。": "A hot-spring town."}


@pytest.fixture(scope="module")
def translator(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        user = _translator(get_user_model())
    yield user
    with django_db_blocker.unblock():
        group = user.groups.get()
        user.delete()
        group.delete()


def _translator(user_model):
    group = Group.objects.create(name="English translators (browser test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    english_home = Page.objects.get(depth=2, locale=Locale.objects.get(language_code="en"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=english_home, permission=Permission.objects.get(codename=codename)
        )
    user = user_model.objects.create_user("english-translator", password="translate")
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture(scope="module")
def untranslated_page(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        index = CommunityIndexPage.objects.get(locale__language_code="ja", slug="chiiki")
        page = OrganizationPage(title=TITLE, slug="higashiyama", summary="温泉街の地区です。")
        index.add_child(instance=page)
        page.save_revision().publish()
    yield page
    with django_db_blocker.unblock():
        for made in Page.objects.filter(translation_key=page.translation_key).order_by("-depth"):
            made.delete()
        TranslationSource.objects.filter(object_id=page.translation_key).delete()


def test_a_translator_goes_from_the_dashboard_to_a_live_english_page(
    chromium, demo_site, translator, untranslated_page
):
    context = chromium.new_context(base_url=demo_site.url, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/admin/login/")
        page.fill("input[name=username]", "english-translator")
        page.fill("input[name=password]", "translate")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

        page.get_by_role("link", name=f"Start translating: {TITLE}").click()
        page.locator("main form [type=submit]").last.click()  # the language is chosen already
        page.get_by_role("button", name="Publish in English").wait_for()
        english_url = demo_site.url + "/en/chiiki/higashiyama/"
        assert context.request.get(english_url).status == 404  # a draft until published

        for source, english in ENGLISH.items():
            segment = page.locator("li", has=page.get_by_text(source, exact=True)).last
            segment.get_by_role("button", name="Translate").click()
            segment.locator("textarea").fill(english)
            segment.get_by_role("button", name="Save").click()
            segment.get_by_role("button", name="Edit").wait_for()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "translator-editor-en.png")
        page.get_by_role("button", name="Publish in English").click()
        page.wait_for_load_state()

        public = context.new_page()
        response = public.goto(english_url)
        assert response is not None and response.status == 200
        assert public.locator("h1").inner_text() == ENGLISH[TITLE]
        assert ENGLISH["温泉街の地区です。"] in public.locator("main").inner_text()
    finally:
        context.close()
