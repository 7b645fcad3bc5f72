"""The rules a site uses: the package's rules, the site's own, each switched on or off per site.

A site configures them in ``WAGTAIL_CHIIKI["CONTENT_CHECKS"]`` (see docs/content-checks.md)::

    "CONTENT_CHECKS": {
        "RULES": {"mixed-brackets": True, "decorative-symbols": False, "date-format": "warning"},
        "SITES": {"www.example.jp": {"external-link": False}},
        "EXTRA_RULES": ["myproject.rules.NoHalfWidthTilde"],
        "BLOCK_PUBLISH_ON_ERRORS": False,
    }

A value of ``True``/``False`` switches a rule on or off; ``"error"``/``"warning"`` switches it on with
that severity. ``SITES`` does the same for one site (by host name), over ``RULES``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import import_module
from typing import Any

from wagtail_chiiki.content_rules.characters import (
    DecorativeSymbolRule,
    FullWidthAlphanumericRule,
    HalfWidthKatakanaRule,
    MachineDependentRule,
    MixedBracketsRule,
)
from wagtail_chiiki.content_rules.core import Rule, RuleSet, Severity, with_severity
from wagtail_chiiki.content_rules.date_forms import DateFormatRule
from wagtail_chiiki.content_rules.spacing import InterwordSpaceRule
from wagtail_chiiki.content_rules.structure import (
    BoldHeadingRule,
    DocumentLinkRule,
    EmptyHeadingRule,
    ExternalLinkRule,
    HeadingOrderRule,
    ImageAltRule,
    LayoutTableRule,
    LinkTextRule,
    TableStructureRule,
)

#: Every rule the package ships, in the order findings are listed.
PACKAGE_RULES: tuple[type[Rule], ...] = (
    MachineDependentRule,
    HalfWidthKatakanaRule,
    FullWidthAlphanumericRule,
    InterwordSpaceRule,
    DateFormatRule,
    LinkTextRule,
    DocumentLinkRule,
    ExternalLinkRule,
    HeadingOrderRule,
    EmptyHeadingRule,
    BoldHeadingRule,
    TableStructureRule,
    LayoutTableRule,
    ImageAltRule,
    DecorativeSymbolRule,
    MixedBracketsRule,
)

CONFIG_KEYS = {"RULES", "SITES", "EXTRA_RULES", "BLOCK_PUBLISH_ON_ERRORS"}


def load_rule(item: Any) -> Rule:
    """A rule from a ``Rule`` instance, a ``Rule`` subclass or a dotted path to either."""
    if isinstance(item, str):
        module, _, name = item.rpartition(".")
        item = getattr(import_module(module), name)
    if isinstance(item, type) and issubclass(item, Rule):
        item = item()
    if not isinstance(item, Rule):
        raise TypeError(f"Not a content rule: {item!r}")
    return item


def check_config(config: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` for a misspelt key or a switch that is not a bool or a severity."""
    unknown = set(config) - CONFIG_KEYS
    if unknown:
        raise ValueError(f"Unknown CONTENT_CHECKS settings: {', '.join(sorted(unknown))}")
    switches = [config.get("RULES", {}), *config.get("SITES", {}).values()]
    for mapping in switches:
        for rule_id, value in mapping.items():
            if not isinstance(value, bool) and value not in tuple(Severity):
                raise ValueError(
                    f"CONTENT_CHECKS switch for {rule_id!r} must be True, False, 'error' or 'warning'"
                )


def build_rules(
    config: Mapping[str, Any] | None = None,
    site: str | None = None,
    extra: Iterable[Any] = (),
) -> RuleSet:
    """The rules in force for ``site`` (a host name): package rules, then extra ones, as switched."""
    config = config or {}
    check_config(config)
    candidates = [rule() for rule in PACKAGE_RULES]
    candidates += [load_rule(item) for item in [*config.get("EXTRA_RULES", ()), *extra]]
    switches = {**config.get("RULES", {}), **config.get("SITES", {}).get(site or "", {})}
    known = {rule.id for rule in candidates}
    unknown = set(switches) - known
    if unknown:
        raise ValueError(f"CONTENT_CHECKS names unknown rules: {', '.join(sorted(unknown))}")
    rules = []
    for rule in candidates:
        switch = switches.get(rule.id, rule.enabled_by_default)
        if switch is False:
            continue
        rules.append(with_severity(rule, switch) if isinstance(switch, str) else rule)
    return RuleSet(rules)
