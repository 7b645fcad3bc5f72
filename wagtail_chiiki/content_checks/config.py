"""The content rules in force for a page: the site's settings, the hook's rules, the page's language."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.models import Page, Site

from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.content_rules import Context, RuleSet, build_rules

#: Wagtail hook a site registers to add rules: a function returning ``Rule`` instances or classes.
RULES_HOOK = "register_chiiki_content_rules"


def settings() -> dict[str, Any]:
    return dict(chiiki_settings.CONTENT_CHECKS or {})


def hook_rules() -> list[Any]:
    return [rule for hook in hooks.get_hooks(RULES_HOOK) for rule in hook()]


def rules_for_site(site: Site | None) -> RuleSet:
    """The rules switched on for ``site`` (or for the settings alone, without a site)."""
    return build_rules(settings(), site.hostname if site else None, hook_rules())


def block_publish_on_errors() -> bool:
    return bool(settings().get("BLOCK_PUBLISH_ON_ERRORS", False))


def page_site(page: Page) -> Site | None:
    """The site of a page; a page not yet saved belongs to the site of its parent."""
    if page.pk or page.path:
        return page.get_site()
    return None


def page_context(page: Page, hosts: tuple[str, ...] | None = None) -> Context:
    """The language of ``page`` and the site's date style, for the rules."""
    locale = getattr(page, "locale", None)
    if hosts is None:
        hosts = tuple(Site.objects.values_list("hostname", flat=True))
    return Context(
        language=locale.language_code if locale is not None else "ja",
        weekday_style=chiiki_settings.WEEKDAY_STYLE,
        date_style=chiiki_settings.DATE_STYLE,
        hosts=hosts,
    )
