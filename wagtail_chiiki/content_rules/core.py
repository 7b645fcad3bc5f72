"""What a content rule is, what it reads (segments of a page) and what it reports (findings).

Pure Python (plus Django's lazy translations for the messages): no models, no requests. The Django
layers turn a page into ``Segment`` values and show the ``Finding`` values.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

Path = tuple[str | int, ...]


class Severity(StrEnum):
    """An error may block publishing (a setting); a warning never does."""

    ERROR = "error"
    WARNING = "warning"


class Kind(StrEnum):
    """What a segment holds, which decides the rules that read it."""

    TEXT = "text"  # plain text: a title, a CharBlock, a TextField
    HTML = "html"  # rich text in Wagtail's stored form (<a linktype="page">, <embed embedtype="image">)
    HEADING = "heading"  # a heading block: its text, and its level in ``level``
    ALT = "alt"  # the alternative text of an image block
    LINK = "link"  # the text of a link block, its address in ``url``


@dataclass(frozen=True)
class Segment:
    """One piece of a page's text, found at ``path`` (field name, then block ids and keys)."""

    path: Path
    text: str
    kind: Kind = Kind.TEXT
    label: str = ""
    level: int = 0
    url: str = ""
    # Whether the package marks this text's links to other sites by itself when it is shown.
    marks_external_links: bool = True


@dataclass(frozen=True)
class Context:
    """What the rules need to know about the page: its language and the site's date style."""

    language: str = "ja"
    weekday_style: str = "short"
    date_style: str = "wareki"
    # The host names of the site: absolute links to them are not links to other sites.
    hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A problem found by ``rule_id`` at ``start:end`` of the text of the segment at ``path``.

    ``replacement`` is the safe fix for that span, or ``None`` when only a person can fix it.
    ``excerpt`` is the text as a reader sees it, used to point at it on the rendered page.
    """

    rule_id: str
    severity: Severity
    path: Path
    start: int
    end: int
    excerpt: str
    replacement: str | None = None
    label: str = ""

    @property
    def fixable(self) -> bool:
        return self.replacement is not None


class Rule:
    """A content rule. Subclasses set the class attributes and implement ``check``.

    ``axe_match`` says how the editor's checker finds a finding on the rendered page: ``text`` (an
    element's own text holds the excerpt), ``link`` (a link's own text is the excerpt), ``alt`` (an
    image's alt is the excerpt), ``table``; empty when Wagtail's own axe rule ``axe_equivalent``
    reports the same problem there.
    """

    id: ClassVar[str]
    name: ClassVar[Any]  # a lazy translation: what is wrong, as a short title
    help: ClassVar[Any]  # a lazy translation: what to do about it
    severity: ClassVar[Severity] = Severity.ERROR
    kinds: ClassVar[frozenset[Kind]] = frozenset(Kind)
    enabled_by_default: ClassVar[bool] = True
    has_fix: ClassVar[bool] = False
    axe_match: ClassVar[str] = "text"
    axe_selector: ClassVar[str] = "body *"
    axe_equivalent: ClassVar[str] = ""

    def __init__(self, severity: Severity | str | None = None) -> None:
        if severity is not None:
            self.severity = Severity(severity)

    def check(self, segment: Segment, context: Context) -> Iterable[Finding]:
        """The findings in one segment; rules that read the whole page override ``check_all``."""
        return ()

    def check_all(self, segments: Sequence[Segment], context: Context) -> Iterator[Finding]:
        for segment in segments:
            if segment.kind in self.kinds:
                yield from self.check(segment, context)

    def finding(
        self,
        segment: Segment,
        start: int,
        end: int,
        replacement: str | None = None,
        excerpt: str | None = None,
    ) -> Finding:
        if replacement is not None and segment.kind is Kind.HTML:
            replacement = html.escape(replacement, quote=False)
        if excerpt is None:
            raw = segment.text[start:end]
            excerpt = html.unescape(raw) if segment.kind is Kind.HTML else raw
        return Finding(self.id, self.severity, segment.path, start, end, excerpt, replacement, segment.label)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.severity}>"


_TEXT_RUN = re.compile(r"[^<]+")


def text_runs(segment: Segment) -> Iterator[tuple[int, str]]:
    """The runs of text of a segment with their offsets; in rich text, the text between tags."""
    if segment.kind is not Kind.HTML:
        yield 0, segment.text
        return
    for match in _TEXT_RUN.finditer(segment.text):
        yield match.start(), match.group()


class PatternRule(Rule):
    """A rule that finds ``pattern`` in the text of any segment; ``fix`` gives the replacement."""

    pattern: ClassVar[re.Pattern]

    def fix(self, match: re.Match, context: Context) -> str | None:
        return None

    def accept(self, match: re.Match, text: str) -> bool:
        """Whether a match is a real finding (a hook for look-arounds a regex can't express)."""
        return True

    def check(self, segment: Segment, context: Context) -> Iterator[Finding]:
        # Most text has no finding: one search of the whole text rules it out cheaply.
        if not self.pattern.search(segment.text):
            return
        for offset, text in text_runs(segment):
            for match in self.pattern.finditer(text):
                if self.accept(match, text):
                    start, end = offset + match.start(), offset + match.end()
                    yield self.finding(segment, start, end, self.fix(match, context))


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the fixes of ``findings`` (all of one segment) applied; overlaps keep the first."""
    fixes = sorted((f for f in findings if f.fixable), key=lambda f: (f.start, f.end))
    parts, position = [], 0
    for found in fixes:
        if found.start < position:
            continue
        parts += [text[position : found.start], found.replacement]
        position = found.end
    parts.append(text[position:])
    return "".join(parts)


@dataclass
class RuleSet:
    """The rules in force for a site, in order, and the findings they make on a page."""

    rules: list[Rule] = field(default_factory=list)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def check(self, segments: Sequence[Segment], context: Context | None = None) -> list[Finding]:
        context = context or Context()
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule.check_all(segments, context))
        return findings

    def only(self, rule_ids: Iterable[str]) -> RuleSet:
        wanted = set(rule_ids)
        return RuleSet([rule for rule in self.rules if rule.id in wanted])


def with_severity(rule: Rule, severity: Severity | str) -> Rule:
    """A copy of ``rule`` with another severity (a site's setting)."""
    copy = type(rule).__new__(type(rule))
    copy.__dict__.update(rule.__dict__)
    copy.severity = Severity(severity)
    return copy
