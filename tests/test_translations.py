"""The package's interface speaks Japanese and English: every marked string is translated and compiled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wagtail_chiiki"
CATALOGS = [
    ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"
    for app in ("wagtail_chiiki", "example_site")
    for language in ("ja", "en")
]


def entries(catalog) -> dict[tuple[str | None, str], str | dict]:
    return {
        (entry.msgctxt, entry.msgid): (entry.msgstr_plural or entry.msgstr)
        for entry in catalog
        if not entry.obsolete
    }


def normalized(translations: dict) -> dict:
    """PO plural forms are keyed by int, MO plural forms by int too; make plain dicts comparable."""
    return {key: dict(value) if isinstance(value, dict) else value for key, value in translations.items()}


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(ROOT)))
def test_compiled_catalog_matches_its_source(catalog):
    po = polib.pofile(str(catalog))
    mo = polib.mofile(str(catalog.with_suffix(".mo")))

    translated_in_po = {
        key: value
        for key, value in entries(po).items()
        if (any(value.values()) if isinstance(value, dict) else value)
    }
    assert normalized(entries(mo)) == normalized(translated_in_po)


@pytest.mark.parametrize("app", ["wagtail_chiiki", "example_site"])
def test_every_japanese_entry_is_translated_and_none_is_fuzzy(app):
    po = polib.pofile(str(ROOT / app / "locale" / "ja" / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_every_string_marked_in_the_code_is_in_the_japanese_catalog(tmp_path):
    assert shutil.which("xgettext"), "gettext is needed to extract messages: apt-get install gettext"
    copy = tmp_path / "wagtail_chiiki"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ja", "--no-obsolete", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"},
    )

    extracted = set(entries(polib.pofile(str(copy / "locale" / "ja" / "LC_MESSAGES" / "django.po"))))
    shipped = set(entries(polib.pofile(str(PACKAGE / "locale" / "ja" / "LC_MESSAGES" / "django.po"))))
    assert extracted - shipped == set(), "run `make messages` and translate the new strings"
