"""The spacing rule: spaces typed inside Japanese words or to line text up, and before punctuation."""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.content_rules.core import Context, PatternRule

# One Japanese character: kanji, hiragana, katakana (with ー), 々 and 〆.
_J = "\u3400-\u4dbf\u4e00-\u9fff\u3041-\u309f\u30a0-\u30ff\u3005\u3006"
_SPACE = " \u3000"

_PATTERN = re.compile(
    # Single characters spaced out to fill a width: 会　場, 日　時, 所 在 地. A space between longer
    # words (a poem's pause, 山田　太郎) is left alone.
    f"(?P<spaced>(?<![{_J}])[{_J}](?:[{_SPACE}]+[{_J}])+(?![{_J}]))"
    # Two or more spaces, one of them full-width, padding text into columns: 日時　　6月21日.
    f"|(?P<padding>(?<=\\S)(?=[{_SPACE}]*\u3000)[{_SPACE}]{{2,}}(?=\\S))"
    # A stray space before a comma or a full stop: 会場 、 / 北会津 ,
    f"|(?P<before_punctuation>(?<=\\S)[{_SPACE}]+(?=[、。，．,]))"
)


class InterwordSpaceRule(PatternRule):
    """Spaces that split Japanese words (会　場 is read as two words) or line text up."""

    id = "interword-space"
    name = _("Space inside Japanese text")
    help = _(
        "Do not space out words to line them up (会　場 is read as two words): remove the space, "
        "and use a list or a table for columns."
    )
    has_fix = True
    pattern = _PATTERN

    def fix(self, match: re.Match, context: Context) -> str:
        if match.group("spaced"):
            return re.sub(f"[{_SPACE}]+", "", match.group())
        if match.group("padding"):
            return "\u3000"
        return ""
