"""The content rules on their corpus: every rule's positive and negative examples, with precision and
recall per rule (printed with ``-s``), and the rules' fixes, settings and registry."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.content_rules_corpus import CASES
from wagtail_chiiki.content_rules import (
    PACKAGE_RULES,
    Context,
    Kind,
    PatternRule,
    Segment,
    Severity,
    apply_fixes,
    build_rules,
)

ALL_RULES = {"RULES": {"mixed-brackets": True}}
CONTEXT = Context(hosts=("testserver",))


def fired(case, rules) -> set[str]:
    segment = Segment(
        (0,), case.text, case.kind, level=case.level, marks_external_links=case.marks_external_links
    )
    return {finding.rule_id for finding in rules.check([segment], CONTEXT)}


def corpus_figures() -> dict[str, dict[str, float]]:
    """Precision and recall of each rule over the whole corpus (a case counts once per rule)."""
    rules = build_rules(ALL_RULES)
    counts: dict[str, Counter] = {rule.id: Counter() for rule in rules}
    for case in CASES:
        found = fired(case, rules)
        for rule_id, counter in counts.items():
            expected, got = rule_id in case.expect, rule_id in found
            counter["tp" if expected and got else "fp" if got else "fn" if expected else "tn"] += 1
    figures = {}
    for rule_id, c in counts.items():
        figures[rule_id] = {
            "positives": c["tp"] + c["fn"],
            "negatives": c["fp"] + c["tn"],
            "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
            "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
        }
    return figures


def test_every_rule_has_positive_and_negative_examples():
    figures = corpus_figures()
    assert set(figures) == {rule.id for rule in (r() for r in PACKAGE_RULES)}
    for rule_id, figure in figures.items():
        assert figure["positives"] >= 2, rule_id
        assert figure["negatives"] >= 50, rule_id


def test_precision_and_recall_per_rule(capsys):
    figures = corpus_figures()
    with capsys.disabled():
        print("\nrule                     positives  precision  recall")
        for rule_id, f in figures.items():
            print(f"{rule_id:24} {f['positives']:9d}  {f['precision']:9.2f}  {f['recall']:6.2f}")
    for rule_id, f in figures.items():
        assert f["recall"] == 1.0, rule_id
        assert f["precision"] >= 0.85, rule_id


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.text[:30])
def test_corpus_case(case):
    """Every case but the known hard one gets exactly the rules it expects."""
    if case.text == "林　修":
        assert fired(case, build_rules(ALL_RULES)) == {"interword-space"}  # the known false positive
    else:
        assert fired(case, build_rules(ALL_RULES)) == set(case.expect)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("①受付 ②㈱みどり ㍻元年 約3㌔", "(1)受付 (2)(株)みどり 平成元年 約3キロ"),
        ("ｶﾞｲﾄﾞﾌﾞｯｸ｢湊｣", "ガイドブック「湊」"),
        ("ＡＥＤ講習は３０人", "AED講習は30人"),
        ("会　場：公民館　日　時：午後", "会場：公民館　日時：午後"),
        ("持ち物　　筆記用具、北会津 、河東", "持ち物　筆記用具、北会津、河東"),
        (
            "2024/6/21(金)と R6.7.10 と 2019.4.30",
            "令和6年6月21日(金)と 令和6年7月10日(水) と 平成31年4月30日(火)",
        ),
    ],
)
def test_fixes(text, fixed):
    rules = build_rules()
    segment = Segment(("f",), text)
    assert apply_fixes(text, rules.check([segment])) == fixed


def test_date_fix_follows_the_site_style_and_the_page_language():
    rules = build_rules({"RULES": {"date-format": True}}).only(["date-format"])
    segment = Segment(("f",), "2024/6/21")
    long = Context(weekday_style="long", date_style="gregorian")
    assert apply_fixes(segment.text, rules.check([segment], long)) == "2024年6月21日(金曜日)"
    assert apply_fixes(segment.text, rules.check([segment], Context(language="en"))) == "Fri, June 21, 2024"


def test_fixes_in_rich_text_touch_text_only_and_stay_escaped():
    html = '<p><a href="/a/2024/06/21/">ＡＢＣ</a>＆ｶﾅ <b>2024/6/21</b></p>'
    rules = build_rules()
    segment = Segment(("f",), html, Kind.HTML)
    assert apply_fixes(html, rules.check([segment])) == (
        '<p><a href="/a/2024/06/21/">ABC</a>＆カナ <b>令和6年6月21日(金)</b></p>'
    )
    ampersand = Segment(("f",), "<p>Ｒ＆Ｄ</p>", Kind.HTML)
    assert apply_fixes(ampersand.text, rules.check([ampersand])) == "<p>R＆D</p>"


def test_rules_without_a_safe_fix_offer_none():
    rules = build_rules()
    segment = Segment(("f",), '<p><a href="/x/">こちら</a>★★</p>', Kind.HTML)
    findings = rules.check([segment])
    assert {f.rule_id for f in findings} == {"link-text", "decorative-symbols"}
    assert all(f.replacement is None for f in findings)
    assert findings[0].excerpt == "こちら"


def test_settings_switch_rules_off_change_severity_and_apply_per_site():
    config = {
        "RULES": {"decorative-symbols": False, "date-format": "warning"},
        "SITES": {"en.example.jp": {"date-format": False, "mixed-brackets": "error"}},
    }
    default = build_rules(config)
    assert default.get("decorative-symbols") is None
    assert default.get("date-format").severity is Severity.WARNING
    assert default.get("mixed-brackets") is None  # off by default
    site = build_rules(config, "en.example.jp")
    assert site.get("date-format") is None
    assert site.get("mixed-brackets").severity is Severity.ERROR
    # The package's rule objects keep their own severity.
    assert build_rules().get("date-format").severity is Severity.ERROR


@pytest.mark.parametrize(
    "config",
    [{"RULE": {}}, {"RULES": {"no-such-rule": True}}, {"RULES": {"date-format": "fatal"}}],
)
def test_bad_settings_are_refused(config):
    with pytest.raises(ValueError):
        build_rules(config)


class NoTildeRule(PatternRule):
    """A house rule: the wave dash written with a half-width tilde."""

    import re as _re

    id = "no-tilde"
    name = "Half-width tilde"
    help = "Write 〜."
    severity = Severity.WARNING
    has_fix = True
    pattern = _re.compile("~")

    def fix(self, match, context):
        return "〜"


def test_extra_rules_from_settings_and_from_code():
    by_path = build_rules({"EXTRA_RULES": ["tests.test_content_rules.NoTildeRule"]})
    by_object = build_rules(extra=[NoTildeRule()])
    for rules in (by_path, by_object):
        segment = Segment(("f",), "18時~20時")
        assert apply_fixes(segment.text, rules.check([segment])) == "18時〜20時"
    assert build_rules({"EXTRA_RULES": [NoTildeRule], "RULES": {"no-tilde": False}}).get("no-tilde") is None
