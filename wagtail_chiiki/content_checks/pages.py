"""Content checks of pages: the findings on a page, the fixes for them, and the site-wide audit.

Fixes are applied to the page's latest revision and saved as a new revision: the live page changes
only when someone publishes it.
"""

from __future__ import annotations

import copy
import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Page, Revision, Site

from wagtail_chiiki.content_checks.config import page_context, page_site, rules_for_site
from wagtail_chiiki.content_checks.extract import page_segments
from wagtail_chiiki.content_rules import Finding, Kind, Path, Rule, RuleSet, Segment, Severity, apply_fixes


@dataclass
class PageReport:
    """The findings of the rules in force on one page."""

    page: Page
    rules: RuleSet
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def fixable(self) -> list[Finding]:
        return [f for f in self.findings if f.fixable]

    def counts(self) -> list[tuple[Rule, int]]:
        """Each rule that found something, with how many times, in the rules' order."""
        counter = Counter(f.rule_id for f in self.findings)
        return [(rule, counter[rule.id]) for rule in self.rules if counter[rule.id]]


def check_page(page: Page, rules: RuleSet | None = None, hosts: tuple[str, ...] | None = None) -> PageReport:
    """The findings on ``page`` as it is in memory (an unsaved preview or edit included)."""
    page = page.specific_deferred if type(page) is Page else page
    rules = rules if rules is not None else rules_for_site(page_site(page))
    findings = rules.check(page_segments(page), page_context(page, hosts))
    return PageReport(page, rules, findings)


def audit(pages: Iterable[Page] | None = None, rule_ids: Iterable[str] = ()) -> Iterator[PageReport]:
    """The report of every live page (or of ``pages``), optionally for some rules only."""
    if pages is None:
        pages = Page.objects.live().filter(depth__gt=1).specific().order_by("path")
    hosts = tuple(Site.objects.values_list("hostname", flat=True))
    rule_ids = set(rule_ids)
    rules_by_site: dict[int | None, RuleSet] = {}
    # Deepest root first: a page belongs to the first site whose root is the page or an ancestor.
    sites = sorted(
        ((site.root_page.path, site) for site in Site.objects.select_related("root_page")),
        key=lambda pair: -len(pair[0]),
    )
    for page in pages:
        site = next((site for root, site in sites if page.path.startswith(root)), None)
        key = site.pk if site else None
        if key not in rules_by_site:
            rules = rules_for_site(site)
            rules_by_site[key] = rules.only(rule_ids) if rule_ids else rules
        yield check_page(page, rules_by_site[key], hosts)


@dataclass(frozen=True)
class Change:
    """One fix as an editor reviews it: where, the rule, and the text around it before and after."""

    label: str
    rule: Rule
    before: str
    removed: str
    added: str
    after: str


def latest_draft(page: Page) -> Page:
    """The newest version of ``page`` (its latest revision, saved or published), as a page object."""
    return page.specific.get_latest_revision_as_object()


def planned_fixes(draft: Page, rule_ids: Iterable[str] | None = None) -> tuple[PageReport, list[Change]]:
    """The fixable findings on ``draft`` and how each would change the text."""
    report = check_page(draft)
    wanted = set(rule_ids) if rule_ids else None
    segments = {segment.path: segment for segment in page_segments(draft)}
    changes = []
    for found in report.fixable:
        if wanted is not None and found.rule_id not in wanted:
            continue
        segment = segments[found.path]
        before, after = _around(segment, found)
        removed = found.excerpt
        added = html.unescape(found.replacement) if segment.kind is Kind.HTML else found.replacement
        changes.append(Change(found.label, report.rules.get(found.rule_id), before, removed, added, after))
    return report, changes


_TAGS = re.compile(r"<[^>]*>")


def _around(segment: Segment, found: Finding, width: int = 20) -> tuple[str, str]:
    before = segment.text[max(0, found.start - width * 4) : found.start]
    after = segment.text[found.end : found.end + width * 4]
    if segment.kind is Kind.HTML:
        before, after = (html.unescape(_TAGS.sub(" ", part)) for part in (before, after))
    return before[-width:], after[:width]


def apply_page_fixes(page: Page, user, rule_ids: Iterable[str] | None = None) -> Revision | None:
    """Fix ``page``'s latest version and save it as a new revision; ``None`` when nothing was fixable."""
    draft = latest_draft(page)
    report = check_page(draft)
    wanted = set(rule_ids) if rule_ids else None
    by_path: dict[Path, list[Finding]] = defaultdict(list)
    for found in report.fixable:
        if wanted is None or found.rule_id in wanted:
            by_path[found.path].append(found)
    if not by_path:
        return None
    segments = {segment.path: segment for segment in page_segments(draft)}
    with transaction.atomic():
        streams: dict[str, list] = {}
        for path, findings in by_path.items():
            write_text(draft, path, apply_fixes(segments[path].text, findings), streams)
        for name, raw in streams.items():
            setattr(draft, name, raw)
        return draft.save_revision(user=user, log_action=True, clean=False)


def write_text(obj, path: Path, text: str, streams: dict[str, list]) -> None:
    """Put ``text`` at ``path`` of a page: a field, an inline row's field or a place in a StreamField."""
    name, rest = path[0], path[1:]
    if rest and isinstance(rest[0], int) and not _is_stream(obj, name):
        # An inline row, by its position among the page's rows. The rows are put in the page's
        # cluster first, so that the revision saves the changed row.
        rows = list(getattr(obj, name).all())
        setattr(obj, name, rows)
        write_text(rows[rest[0]], rest[1:], text, {})
        return
    if not rest:
        setattr(obj, name, text)
        return
    if name not in streams:
        streams[name] = copy.deepcopy(list(getattr(obj, name).raw_data))
    _set_in(streams[name], rest, text)


def _is_stream(obj, name: str) -> bool:
    return any(f.name == name and isinstance(f, StreamField) for f in type(obj)._meta.concrete_fields)


def _set_in(raw, path: Path, text: str) -> None:
    key, rest = path[0], path[1:]
    if isinstance(raw, list):
        item = next((i for i in raw if isinstance(i, dict) and "value" in i and i.get("id") == key), None)
        if item is None:  # a bare list item, found by its position
            if not rest:
                raw[key] = text
                return
            return _set_in(raw[key], rest, text)
        if not rest:
            item["value"] = text
            return
        return _set_in(item["value"], rest, text)
    if not rest:
        raw[key] = text
        return
    return _set_in(raw[key], rest, text)
