"""Character rules: machine-dependent characters, half-width katakana, full-width letters and
digits, symbols read aloud as decoration, and (a house rule, off by default) mixed bracket widths."""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.content_rules.core import Context, PatternRule, Severity

# 機種依存文字: the NEC and IBM extensions of Shift_JIS that other systems showed as other
# characters, and which screen readers read unpredictably (①, Ⅳ, ㈱, ㍻, ㌔, ㎝, №, ℡).
_MACHINE_DEPENDENT = (
    "\u2460-\u2473"  # ① … ⑳
    "\u2160-\u216b\u2170-\u217b"  # Ⅰ … Ⅻ, ⅰ … ⅻ
    "\u3231\u3232\u3239\u32a4-\u32a8"  # ㈱ ㈲ ㈹ ㊤ ㊥ ㊦ ㊧ ㊨
    "\u3300-\u33ff"  # ㌔ ㍻ ㎝ ㏄ and the other squared words and units
    "\u2116\u2121"  # № ℡
)


class MachineDependentRule(PatternRule):
    """Characters that break on other systems or are misread: spelled out (① → (1), ㈱ → (株))."""

    id = "machine-dependent"
    name = _("Machine-dependent character")
    help = _("Write it out: ① as (1), ㈱ as (株), ㍻ as 平成, ㌔ as キロ.")
    has_fix = True
    pattern = re.compile(f"[{_MACHINE_DEPENDENT}]")

    def fix(self, match: re.Match, context: Context) -> str:
        char = match.group()
        if "\u2460" <= char <= "\u2473":
            return f"({ord(char) - 0x245F})"
        plain = unicodedata.normalize("NFKC", char)
        if "\u32a4" <= char <= "\u32a8":  # circled ㊤ reads as (上)
            return f"({plain})"
        return plain


class HalfWidthKatakanaRule(PatternRule):
    """Half-width katakana (ｶﾀｶﾅ) and punctuation (｡｢｣､･): made full-width."""

    id = "halfwidth-katakana"
    name = _("Half-width katakana")
    help = _("Use full-width katakana: ｶﾀｶﾅ becomes カタカナ.")
    has_fix = True
    pattern = re.compile("[\uff61-\uff9f]+")

    def fix(self, match: re.Match, context: Context) -> str:
        return unicodedata.normalize("NFKC", match.group())


class FullWidthAlphanumericRule(PatternRule):
    """Full-width letters and digits (ＡＢＣ１２３, ＠): made half-width, the norm in Japanese writing."""

    id = "fullwidth-alphanumeric"
    name = _("Full-width letters or digits")
    help = _("Use half-width letters and digits: ＡＢＣ１２３ becomes ABC123.")
    severity = Severity.WARNING
    has_fix = True
    pattern = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff20]+")

    def fix(self, match: re.Match, context: Context) -> str:
        return unicodedata.normalize("NFKC", match.group())


_DECORATIVE = "★☆◆◇■□●○◎▲△▼▽♪♫♥♡✿❀✨◉"
_EMOJI = "\U0001f300-\U0001faff\u2600-\u26ff\u2700-\u27bf"


class DecorativeSymbolRule(PatternRule):
    """Emoji, and symbols repeated for decoration (★★★, ※※): read aloud one by one."""

    id = "decorative-symbols"
    name = _("Decorative symbols or emoji")
    help = _(
        "Screen readers read every symbol aloud (★ is read as a black star): "
        "say it in words, or leave the decoration out."
    )
    severity = Severity.WARNING
    # A run of two or more decorative marks (※ counts when repeated), or any emoji.
    pattern = re.compile(f"[{_DECORATIVE}※]{{2,}}|[{_EMOJI}\ufe0f]+")

    def accept(self, match: re.Match, text: str) -> bool:
        # ※ alone is the ordinary note mark, and ★ alone marks one item; only runs and emoji count.
        return not (len(match.group()) == 1 and match.group() in _DECORATIVE)


class MixedBracketsRule(PatternRule):
    """A house rule, off by default: full- and half-width parentheses mixed in one text."""

    id = "mixed-brackets"
    name = _("Mixed bracket widths")
    help = _("Use one width of parentheses in a text, as the rest of the site does.")
    severity = Severity.WARNING
    enabled_by_default = False
    has_fix = True
    pattern = re.compile(r"[()]")
    _full: ClassVar[dict[str, str]] = {"(": "（", ")": "）"}

    def accept(self, match: re.Match, text: str) -> bool:
        return "（" in text or "）" in text

    def fix(self, match: re.Match, context: Context) -> str:
        return self._full[match.group()]
