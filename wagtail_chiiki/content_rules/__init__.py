"""Japanese content rules for municipal pages: pure Python, no Django models.

``build_rules(config, site)`` gives the rules in force; ``RuleSet.check(segments, context)`` their
findings in a page's text; ``apply_fixes(text, findings)`` the text with the safe fixes applied.
"""

from wagtail_chiiki.content_rules.core import (
    Context,
    Finding,
    Kind,
    Path,
    PatternRule,
    Rule,
    RuleSet,
    Segment,
    Severity,
    apply_fixes,
)
from wagtail_chiiki.content_rules.registry import PACKAGE_RULES, build_rules

__all__ = [
    "PACKAGE_RULES",
    "Context",
    "Finding",
    "Kind",
    "Path",
    "PatternRule",
    "Rule",
    "RuleSet",
    "Segment",
    "Severity",
    "apply_fixes",
    "build_rules",
]
