"""System checks: each half-done install step is named by its id, and a complete install passes."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.checks import run_checks
from django.test import modify_settings, override_settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.models import Locale

# A URLconf without i18n_patterns, for the check that asks for them (ROOT_URLCONF names this module).
urlpatterns = [path("", include(wagtail_urls))]


def ids(databases: list[str] | None = None) -> set[str]:
    return {message.id for message in run_checks(databases=databases)}


def chiiki_ids(databases: list[str] | None = None) -> set[str]:
    return {id_ for id_ in ids(databases) if id_.startswith("wagtail_chiiki.")}


def templates_in(folder) -> list[dict]:
    """The Django template settings with the given folder searched first."""
    from django.conf import settings

    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [folder, *engine["DIRS"]]
    return [engine]


def test_the_example_site_settings_pass_every_check(db, locales):
    assert ids(["default"]) == set()


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ({"BASE_TEMPLATES": "base.html"}, {"wagtail_chiiki.E001"}),
        ({"WEEKDAY_STYLE": "medium"}, {"wagtail_chiiki.E002"}),
        ({"DATE_STYLE": "wareki", "WEEKDAY_STYLE": "long", "MAP_MAX_ZOOM": 16}, set()),
    ],
)
def test_package_settings_are_checked_by_key_and_choice(setting, expected):
    with override_settings(WAGTAIL_CHIIKI=setting):
        assert chiiki_ids() == expected


def test_the_unknown_key_is_named_with_the_known_ones_as_hint():
    with override_settings(WAGTAIL_CHIIKI={"BASE_TEMPLATES": "base.html"}):
        (message,) = [m for m in run_checks() if m.id == "wagtail_chiiki.E001"]
    assert "'BASE_TEMPLATES'" in message.msg
    assert "BASE_TEMPLATE," in message.hint


def test_simple_translation_beside_wagtail_localize_is_an_error(monkeypatch):
    # Installing the app for real reloads Wagtail's admin URLs, which cannot be mounted twice in one
    # process; the install matrix (.ci/install_matrix.py) checks it on a real site.
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name.endswith("simple_translation") or installed(name)
    )
    found = [m for m in run_checks() if m.id.startswith("wagtail_chiiki.")]
    assert [m.id for m in found] == ["wagtail_chiiki.E003"]
    assert "simple_translation" in found[0].hint
    monkeypatch.undo()
    assert "wagtail_chiiki.E003" not in chiiki_ids()


def test_a_base_template_without_the_package_blocks_is_named_with_the_missing_blocks(tmp_path):
    (tmp_path / "plain.html").write_text(
        "<html><head><title>{% block title %}{% endblock %}</title></head>"
        "<body>{% block content %}{% endblock %}</body></html>"
    )
    with override_settings(TEMPLATES=templates_in(tmp_path), WAGTAIL_CHIIKI={"BASE_TEMPLATE": "plain.html"}):
        (message,) = [m for m in run_checks() if m.id == "wagtail_chiiki.E005"]
    assert "extra_css, extra_js" in message.msg
    assert "'plain.html'" in message.msg


def test_blocks_defined_by_the_base_templates_own_parent_count(tmp_path):
    (tmp_path / "plain.html").write_text(
        "<head>{% block extra_css %}{% endblock %}</head>{% block content %}{% endblock %}"
        "{% block extra_js %}{% endblock %}"
    )
    (tmp_path / "site_base.html").write_text('{% extends "plain.html" %}{% block title %}City{% endblock %}')
    with override_settings(
        TEMPLATES=templates_in(tmp_path), WAGTAIL_CHIIKI={"BASE_TEMPLATE": "site_base.html"}
    ):
        assert chiiki_ids() == set()


def test_a_base_template_that_does_not_exist_is_an_error():
    with override_settings(WAGTAIL_CHIIKI={"BASE_TEMPLATE": "no/such/base.html"}):
        assert chiiki_ids() == {"wagtail_chiiki.E004"}


def test_i18n_without_locale_middleware_is_a_warning():
    with modify_settings(MIDDLEWARE={"remove": "django.middleware.locale.LocaleMiddleware"}):
        assert chiiki_ids() == {"wagtail_chiiki.W001"}
        with override_settings(WAGTAIL_I18N_ENABLED=False):
            assert chiiki_ids() == set()


def test_i18n_without_i18n_patterns_is_a_warning():
    with override_settings(ROOT_URLCONF=__name__):
        assert chiiki_ids() == {"wagtail_chiiki.W002"}
        with override_settings(WAGTAIL_I18N_ENABLED=False):
            assert chiiki_ids() == set()


def test_a_site_whose_only_locale_is_not_language_code_is_warned_with_the_relabel_command(db):
    Locale.objects.update(language_code="en")
    assert Locale.objects.count() == 1
    messages = [m for m in run_checks(databases=["default"]) if m.id == "wagtail_chiiki.W003"]
    assert len(messages) == 1
    assert "'ja'" in messages[0].msg and "has: en" in messages[0].msg
    assert "manage.py chiiki_setup --relabel en=ja" in messages[0].hint
    # Database checks run only when asked for, as Django's own do.
    assert "wagtail_chiiki.W003" not in chiiki_ids()


def test_a_locale_for_language_code_passes(db, locales):
    assert Locale.objects.filter(language_code="ja").exists()
    assert chiiki_ids(["default"]) == set()
