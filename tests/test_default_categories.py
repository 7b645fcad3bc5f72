"""``manage.py chiiki_default_categories``: the default categories in every Japanese and English locale, once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from wagtail_chiiki.defaults import DEFAULT_CATEGORIES, install_default_categories
from wagtail_chiiki.models import ActivityCategory

DEFAULTS = {default.slug: default for default in DEFAULT_CATEGORIES}
FRENCH_TOO = {
    "LANGUAGE_CODE": "fr",
    "LANGUAGES": [("fr", "Français"), ("ja", "日本語"), ("en", "English")],
    "WAGTAIL_CONTENT_LANGUAGES": [("fr", "Français"), ("ja", "日本語"), ("en", "English")],
}


def run(*args: str) -> str:
    """The command's output, in English."""
    out = StringIO()
    with translation.override("en"):
        call_command("chiiki_default_categories", *args, stdout=out)
    return out.getvalue()


def saved(language: str) -> dict[str, ActivityCategory]:
    return {c.slug: c for c in ActivityCategory.objects.filter(locale__language_code=language)}


def section(output: str, heading: str) -> list[str]:
    """The rows printed under one locale's heading."""
    lines = output.splitlines()
    start = lines.index(heading) + 1
    rows = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        rows.append(line.strip())
    return rows


def test_command_adds_the_japanese_categories_and_their_english_translations(locales):
    output = run()

    ja, en = saved("ja"), saved("en")
    assert list(ja) == list(en) == list(DEFAULTS)  # in sort order
    for slug, default in DEFAULTS.items():
        assert (ja[slug].name, ja[slug].description, ja[slug].sort_order) == (*default.ja, default.sort_order)
        assert (en[slug].name, en[slug].description, en[slug].sort_order) == (*default.en, default.sort_order)
        assert en[slug].translation_key == ja[slug].translation_key
        assert en[slug].get_translation(locales["ja"]) == ja[slug]

    assert section(output, "Source locale 日本語 (ja):")[:3] == [
        "created: clean-up (環境美化)",
        "created: safety (防災・防犯)",
        "created: market (農産物直売所・マルシェ)",
    ]
    assert section(output, "Locale English (en):")[:2] == [
        "created: clean-up (Neighbourhood clean-up)",
        "created: safety (Disaster preparedness and crime prevention)",
    ]
    assert output.splitlines()[-1] == f"Activity categories created: {2 * len(DEFAULTS)}, kept: 0."


def test_the_default_list_covers_the_common_categories_and_fits_the_model(locales):
    names = [default.ja.name for default in DEFAULT_CATEGORIES]
    for wanted in [
        "環境美化",
        "防災・防犯",
        "農産物直売所・マルシェ",
        "地域内交通",
        "健康づくり",
        "交流イベント",
    ]:
        assert wanted in names
    assert {"広報", "生活支援"} <= set(names)
    orders = [default.sort_order for default in DEFAULT_CATEGORIES]
    assert orders == sorted(set(orders))
    for default in DEFAULT_CATEGORIES:
        for language in ("ja", "en"):
            name, description = default.wording(language)
            category = ActivityCategory(
                slug=default.slug, sort_order=default.sort_order, locale=locales[language]
            )
            category.name, category.description = name, description
            category.full_clean()


def test_running_again_creates_nothing_and_keeps_what_editors_changed(locales):
    run()
    ActivityCategory.objects.filter(slug="clean-up", locale=locales["ja"]).update(name="ごみ拾い")
    ActivityCategory.objects.filter(slug="events", locale=locales["en"]).update(description="Our own words.")
    before = list(ActivityCategory.objects.order_by("pk").values_list("pk", "slug", "locale_id", "name"))

    output = run()

    after = list(ActivityCategory.objects.order_by("pk").values_list("pk", "slug", "locale_id", "name"))
    assert after == before
    assert saved("ja")["clean-up"].name == "ごみ拾い"
    assert saved("en")["events"].description == "Our own words."
    assert "kept: clean-up (ごみ拾い)" in section(output, "Source locale 日本語 (ja):")
    assert not any(line.startswith("created") for line in section(output, "Locale English (en):"))
    assert output.splitlines()[-1] == f"Activity categories created: 0, kept: {2 * len(DEFAULTS)}."


def test_a_missing_translation_is_added_linked_to_the_existing_source(make_category, locales):
    own = make_category("直売所", "market", sort_order=5)

    output = run()

    own.refresh_from_db()
    assert (own.name, own.sort_order) == ("直売所", 5)
    english = saved("en")["market"]
    assert english.translation_key == own.translation_key
    assert (english.name, english.sort_order) == ("Farm stands and markets", 5)
    assert "kept: market (直売所)" in section(output, "Source locale 日本語 (ja):")
    assert "created: market (Farm stands and markets)" in section(output, "Locale English (en):")
    assert ActivityCategory.objects.filter(slug="market").count() == 2


def test_a_translation_saved_before_its_source_gets_linked_to_it(make_category):
    english = make_category("Rides", "transport", locale="en")

    run()

    japanese = saved("ja")["transport"]
    assert japanese.translation_key == english.translation_key
    assert (japanese.name, japanese.description) == DEFAULTS["transport"].ja
    english.refresh_from_db()
    assert english.name == "Rides"


def test_a_slug_taken_by_an_unrelated_category_is_kept_and_reported(make_category):
    japanese = make_category("健康", "health")
    unrelated = make_category("Wellbeing", "health", locale="en")

    output = run()

    assert list(ActivityCategory.objects.filter(slug="health").order_by("pk")) == [japanese, unrelated]
    unrelated.refresh_from_db()
    assert unrelated.name == "Wellbeing" and unrelated.translation_key != japanese.translation_key
    assert "kept, not a translation of the source: health (Wellbeing)" in section(
        output, "Locale English (en):"
    )
    assert saved("en")["safety"].translation_key == saved("ja")["safety"].translation_key


def test_a_locale_of_another_language_is_skipped_and_reported(locales):
    french = Locale.objects.create(language_code="fr")

    output = run()

    assert not ActivityCategory.objects.filter(locale=french).exists()
    assert len(saved("en")) == len(DEFAULTS)
    assert (
        "Skipped locale French (fr): there is no default wording in its language; "
        "translate the categories in the admin."
    ) in output.splitlines()
    assert install_default_categories().skipped_locales == [french]


@override_settings(LANGUAGE_CODE="en")
def test_on_an_english_site_english_is_the_source_and_japanese_the_translation(locales):
    output = run()

    en, ja = saved("en"), saved("ja")
    assert (en["daily-life"].name, ja["daily-life"].name) == ("Help with daily life", "生活支援")
    assert ja["daily-life"].translation_key == en["daily-life"].translation_key
    assert output.splitlines()[0] == "Source locale English (en):"
    assert "created: daily-life (生活支援)" in section(output, "Locale 日本語 (ja):")


def test_a_dry_run_saves_nothing(make_category):
    make_category("環境美化", "clean-up")

    output = run("--dry-run")

    assert ActivityCategory.objects.count() == 1
    assert "kept: clean-up (環境美化)" in section(output, "Source locale 日本語 (ja):")
    assert "would be created: safety (Disaster preparedness and crime prevention)" in section(
        output, "Locale English (en):"
    )
    expected = (
        f"Dry run, nothing was saved. Activity categories to create: {2 * len(DEFAULTS) - 1}, to keep: 1."
    )
    assert output.splitlines()[-1] == expected


@override_settings(**FRENCH_TOO)
def test_a_default_locale_in_another_language_is_refused(locales):
    Locale.objects.create(language_code="fr")

    with pytest.raises(CommandError, match=r"The default locale \(fr\) is neither Japanese nor English"):
        run()
    assert not ActivityCategory.objects.exists()


@override_settings(LANGUAGE_CODE="en")
def test_a_missing_default_locale_is_reported(db):
    assert not Locale.objects.filter(language_code="en").exists()

    with pytest.raises(CommandError, match="There is no locale for LANGUAGE_CODE"):
        run()
    assert not ActivityCategory.objects.exists()
