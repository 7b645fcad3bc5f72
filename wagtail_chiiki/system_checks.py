"""System checks (``manage.py check``) for the mistakes that leave an install half done.

Imported by ``apps.py`` once the models are ready. Ids: ``wagtail_chiiki.E00n`` for settings that
break the package's pages, ``wagtail_chiiki.W00n`` for a site that serves them wrongly (a page in
the wrong language or locale). The locale check reads the database, so, as Django does for
database checks, it runs with ``manage.py check --database default``, before ``migrate`` and inside
``chiiki_setup``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core import checks
from django.core.checks import CheckMessage, Error, Tags, register
from django.db import DatabaseError
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale

from wagtail_chiiki.conf import CHOICES, DEFAULTS

LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
# The variable the package's page templates extend (set from WAGTAIL_CHIIKI["BASE_TEMPLATE"]).
BASE_TEMPLATE_VARIABLE = "chiiki_base_template"
PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


def i18n_enabled() -> bool:
    return bool(getattr(settings, "WAGTAIL_I18N_ENABLED", False))


@register()
def check_package_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``WAGTAIL_CHIIKI``: only known keys, and a known value where the value is a choice."""
    user = getattr(settings, "WAGTAIL_CHIIKI", {}) or {}
    messages: list[CheckMessage] = []
    for key in sorted(set(user) - set(DEFAULTS)):
        messages.append(
            Error(
                f"WAGTAIL_CHIIKI has an unknown key {key!r}.",
                hint=f"Known keys: {', '.join(DEFAULTS)}. Check the spelling (docs/install.md).",
                id="wagtail_chiiki.E001",
            )
        )
    for key, allowed in CHOICES.items():
        if key in user and user[key] not in allowed:
            messages.append(
                Error(
                    f"WAGTAIL_CHIIKI[{key!r}] is {user[key]!r}.",
                    hint=f"Use one of: {', '.join(allowed)}.",
                    id="wagtail_chiiki.E002",
                )
            )
    return messages


@register()
def check_translation_apps(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """One translation app: wagtail-localize, without Wagtail's simple_translation beside it."""
    if apps.is_installed("wagtail_localize") and apps.is_installed("wagtail.contrib.simple_translation"):
        return [
            Error(
                "Both wagtail_localize and wagtail.contrib.simple_translation are installed: every page "
                "offers two translate actions, and simple_translation's copies are not kept in step with "
                "their source.",
                hint="Remove 'wagtail.contrib.simple_translation' from INSTALLED_APPS; wagtail-chiiki's "
                "pages are translated with wagtail-localize.",
                id="wagtail_chiiki.E003",
            )
        ]
    return []


@register(Tags.templates)
def check_base_template(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """The configured base template exists and defines every block the package's pages fill."""
    name = (getattr(settings, "WAGTAIL_CHIIKI", {}) or {}).get("BASE_TEMPLATE", DEFAULTS["BASE_TEMPLATE"])
    try:
        defined = template_blocks(name)
    except TemplateDoesNotExist:
        return [
            Error(
                f"The base template {name!r} (WAGTAIL_CHIIKI['BASE_TEMPLATE']) does not exist.",
                hint="Set WAGTAIL_CHIIKI['BASE_TEMPLATE'] to your site's base template.",
                id="wagtail_chiiki.E004",
            )
        ]
    except TemplateSyntaxError:
        return []  # Django's own template checks and the first request report it
    missing = sorted(filled_blocks() - defined)
    if not missing:
        return []
    return [
        Error(
            f"The base template {name!r} has no block {', '.join(missing)}: the package's pages would "
            "render without their content, stylesheet or scripts.",
            hint="Add {% block NAME %}{% endblock %} for each of them to the base template (extra_css "
            "in <head>, extra_js before </body>; docs/install.md), or set WAGTAIL_CHIIKI['BASE_TEMPLATE'].",
            id="wagtail_chiiki.E005",
        )
    ]


@register()
def check_language_urls(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """With i18n enabled, each language needs LocaleMiddleware and its own URLs (i18n_patterns)."""
    if not i18n_enabled():
        return []
    messages: list[CheckMessage] = []
    if LOCALE_MIDDLEWARE not in settings.MIDDLEWARE:
        messages.append(
            checks.Warning(
                "WAGTAIL_I18N_ENABLED is True but LocaleMiddleware is not in MIDDLEWARE: every page is "
                "served in the default language, a translation at its source's address.",
                hint=f"Add '{LOCALE_MIDDLEWARE}' to MIDDLEWARE after SessionMiddleware and before "
                "CommonMiddleware (docs/install.md).",
                id="wagtail_chiiki.W001",
            )
        )
    if not is_language_prefix_patterns_used(settings.ROOT_URLCONF)[0]:
        messages.append(
            checks.Warning(
                "WAGTAIL_I18N_ENABLED is True but the URLconf has no i18n_patterns: translations get "
                "the same address as their source page.",
                hint="Wrap Wagtail's URLs: urlpatterns += i18n_patterns(path('', include(wagtail_urls)), "
                "prefix_default_language=False) (docs/install.md).",
                id="wagtail_chiiki.W002",
            )
        )
    return messages


@register(Tags.database)
def check_default_locale(app_configs: Any = None, databases: Iterable[str] | None = None, **kwargs: Any):
    """A Wagtail locale exists for LANGUAGE_CODE (snippet views and pages look it up)."""
    if not databases:
        return []
    try:
        language = get_supported_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return []  # Wagtail's own checks report a LANGUAGE_CODE missing from its languages
    messages: list[CheckMessage] = []
    for alias in databases:
        try:
            codes = sorted(Locale.objects.using(alias).values_list("language_code", flat=True))
        except DatabaseError:
            continue  # not migrated yet: migrate creates the locale of LANGUAGE_CODE
        if codes and language not in codes:
            # A warning, not an error: `migrate` runs database checks and stops on errors, and the
            # fix (chiiki_setup) needs the package's tables that `migrate` makes.
            messages.append(
                checks.Warning(
                    f"There is no Wagtail locale for LANGUAGE_CODE {settings.LANGUAGE_CODE!r} "
                    f"(database {alias!r} has: {', '.join(codes)}): the package's snippet views and "
                    "pages look for it.",
                    hint=f"If the site's content is in that language, relabel its locale: 'manage.py "
                    f"chiiki_setup --relabel {codes[0]}={language}'; otherwise 'manage.py chiiki_setup' adds "
                    "the locale (docs/install.md, step 6).",
                    id="wagtail_chiiki.W003",
                )
            )
    return messages


def template_blocks(name: str) -> set[str]:
    """The names of the blocks a template defines, its parents' included."""
    template = get_template(name).template
    names = {node.name for node in template.nodelist.get_nodes_by_type(BlockNode)}
    for node in template.nodelist.get_nodes_by_type(ExtendsNode):
        parent = node.parent_name.resolve(Context())
        if isinstance(parent, str):
            names |= template_blocks(parent)
    return names


def filled_blocks() -> set[str]:
    """The blocks the package's page templates fill in the base template."""
    filled: set[str] = set()
    for path in sorted(PACKAGE_TEMPLATES.rglob("*.html")):
        template = get_template(path.relative_to(PACKAGE_TEMPLATES).as_posix()).template
        for node in template.nodelist.get_nodes_by_type(ExtendsNode):
            if node.parent_name.var is not None and str(node.parent_name.var) == BASE_TEMPLATE_VARIABLE:
                # Only the blocks at the top level fill the base template: the ones nested in them
                # are the package's own sections (chiiki_*), for a host to override.
                filled |= {child.name for child in node.nodelist if isinstance(child, BlockNode)}
    return filled
