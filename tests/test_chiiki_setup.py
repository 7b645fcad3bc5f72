"""``manage.py chiiki_setup``: locales, categories in every locale, the section's pages; safe to re-run."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from wagtail_chiiki.defaults import DEFAULT_CATEGORIES
from wagtail_chiiki.models import (
    ActivityCategory,
    ActivityIndexPage,
    CommunityIndexPage,
    SupportStagesPage,
    WorkshopIndexPage,
)

SECTION_TYPES = (CommunityIndexPage, ActivityIndexPage, SupportStagesPage, WorkshopIndexPage)


def run(*args: str) -> str:
    out = StringIO()
    call_command("chiiki_setup", *args, stdout=out)
    return out.getvalue()


def languages_of(model) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code in model.objects.values_list("locale__language_code", flat=True):
        counts[code] = counts.get(code, 0) + 1
    return counts


@pytest.fixture
def japanese_site(home):
    """A new site: Japanese home page, no English locale yet."""
    Locale.objects.filter(language_code="en").delete()
    return home


def test_a_new_site_gets_english_the_categories_in_both_languages_and_the_section_as_drafts(japanese_site):
    output = run("--pages-under", "/")

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"ja", "en"}
    assert "ロケール en を追加しました" in output  # the command speaks the site's language
    assert languages_of(ActivityCategory) == {"ja": len(DEFAULT_CATEGORIES), "en": len(DEFAULT_CATEGORIES)}
    assert (
        ActivityCategory.objects.get(slug="transport", locale__language_code="en").name
        == "Community transport"
    )

    index = CommunityIndexPage.objects.get(locale__language_code="ja")
    assert index.get_parent().specific == japanese_site
    assert (index.title, index.slug, index.live) == ("地域運営組織", "chiiki", False)
    children = {type(page) for page in index.get_children().specific()}
    assert children == {ActivityIndexPage, SupportStagesPage, WorkshopIndexPage}
    assert SupportStagesPage.objects.get(locale__language_code="ja").title == "活動段階に応じた支援"

    # English: drafts made by wagtail-localize, so translators finish them in its editor.
    for model in SECTION_TYPES:
        english = model.objects.get(locale__language_code="en")
        assert not english.live
        source = model.objects.get(locale__language_code="ja")
        assert english.translation_key == source.translation_key
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale__language_code="en"
        )
    assert (
        CommunityIndexPage.objects.get(locale__language_code="en").title == "Region management organizations"
    )
    assert ActivityIndexPage.objects.get(locale__language_code="en").title == "Activity list"
    english_home = japanese_site.get_translation(Locale.objects.get(language_code="en"))
    assert english_home.alias_of_id == japanese_site.pk
    assert CommunityIndexPage.objects.get(locale__language_code="en").get_parent().pk == english_home.pk


def test_running_again_changes_nothing(japanese_site):
    run("--pages-under", "/")
    pages, categories, translations = (
        Page.objects.count(),
        ActivityCategory.objects.count(),
        Translation.objects.count(),
    )

    output = run("--pages-under", "/")

    assert (Page.objects.count(), ActivityCategory.objects.count(), Translation.objects.count()) == (
        pages,
        categories,
        translations,
    )
    assert "地域運営組織 はそのまま残しました" in output
    assert "追加しました" not in output


def test_a_dry_run_saves_nothing(japanese_site):
    pages = Page.objects.count()

    output = run("--pages-under", "/", "--dry-run")

    assert "ロケール en を追加しました" in output and "下書き 地域運営組織 を追加しました" in output
    assert "試行のため、何も保存していません。" in output
    assert Page.objects.count() == pages
    assert not ActivityCategory.objects.exists()
    assert not Locale.objects.filter(language_code="en").exists()


def test_a_site_migrated_as_english_is_relabelled_and_keeps_its_pages(japanese_site):
    # `migrate` ran while LANGUAGE_CODE was still "en-us": the site's (Japanese) content is in "en".
    Locale.objects.filter(language_code="ja").update(language_code="en")

    output = run("--relabel", "en=ja")

    japanese_site.refresh_from_db()
    assert japanese_site.locale.language_code == "ja"
    assert "ロケール en を ja に付け替えました" in output and "ロケール en を追加しました" in output
    assert languages_of(ActivityCategory) == {"ja": len(DEFAULT_CATEGORIES), "en": len(DEFAULT_CATEGORIES)}
    assert ActivityCategory.objects.get(slug="transport", locale__language_code="ja").name == "地域内交通"
    again = run("--relabel", "en=ja")
    assert "付け替えました" not in again and "既に ja があるため、en は付け替えていません" in again


def test_relabelling_onto_an_existing_locale_changes_nothing(home, locales):
    output = run("--relabel", "en=ja")
    assert "既に ja があるため、en は付け替えていません" in output
    assert Locale.objects.get(pk=locales["en"].pk).language_code == "en"
    assert home.locale_id == locales["ja"].pk


def test_relabelling_a_locale_the_site_does_not_have_is_refused(home):
    with pytest.raises(CommandError, match="付け替えるロケール fr がありません"):
        run("--relabel", "fr=de")


@override_settings(
    LANGUAGE_CODE="en",
    LANGUAGES=[("en", "English"), ("de", "Deutsch"), ("ja", "日本語")],
    WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("de", "Deutsch"), ("ja", "日本語")],
)
def test_a_site_in_other_languages_keeps_them_and_gets_japanese(db):
    Locale.objects.all().update(language_code="en")
    Locale.objects.create(language_code="de")

    run()

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "de", "ja"}
    assert languages_of(ActivityCategory) == {code: len(DEFAULT_CATEGORIES) for code in ("en", "de", "ja")}
    # No German wording: the source's English is there for the translators.
    assert (
        ActivityCategory.objects.get(slug="transport", locale__language_code="de").name
        == "Community transport"
    )
    assert ActivityCategory.objects.get(slug="transport", locale__language_code="ja").name == "地域内交通"


def test_the_package_checks_are_reported_first(japanese_site):
    with override_settings(WAGTAIL_CHIIKI={"BASE_TEMPLATES": "base.html"}):
        output = run()
    assert output.startswith("wagtail_chiiki.E001: WAGTAIL_CHIIKI has an unknown key 'BASE_TEMPLATES'.")


@pytest.mark.parametrize("value", ["/no-such-page/", "999999"])
def test_an_unknown_parent_is_refused(japanese_site, value):
    with pytest.raises(CommandError, match="区画を作成する親ページ"):
        run("--pages-under", value)
    assert not CommunityIndexPage.objects.exists()
