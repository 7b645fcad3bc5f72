"""Text normalization for Japanese keyword search, and one-line texts: pure functions, no Django needed.

Wagtail's search backends split text into words, which Japanese does not mark, so `バス` would not
find `みなとバス`. Listings match substrings of a normalized copy of the text instead, the same way on
SQLite and PostgreSQL: NFKC (full-width `ＡＢＣ` = `ABC`, half-width `ｶﾀｶﾅ` = `カタカナ`), case
folding, katakana folded to hiragana (`バス` = `ばす`) and runs of white space made one space.
"""

from __future__ import annotations

import re
import unicodedata

# Katakana ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ sit 0x60 above their hiragana.
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in [*range(0x30A1, 0x30F7), 0x30FD, 0x30FE]}
_HIRAGANA_TO_KATAKANA = {hiragana: katakana for katakana, hiragana in _KATAKANA_TO_HIRAGANA.items()}
_SPACE = re.compile(r"\s+")

#: Longest keyword text a listing uses; the rest is ignored rather than refused.
MAX_KEYWORD_LENGTH = 100
#: Most terms a keyword may have; every term must match.
MAX_KEYWORD_TERMS = 10


def normalize(text: str) -> str:
    """Fold ``text`` to the form stored for search and compared against keywords."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_KATAKANA_TO_HIRAGANA)
    return _SPACE.sub(" ", text).strip()


def keyword_terms(keyword: str) -> list[str]:
    """The distinct normalized terms of what a reader typed, at most ``MAX_KEYWORD_TERMS`` of them."""
    terms: list[str] = []
    for term in normalize((keyword or "")[:MAX_KEYWORD_LENGTH]).split(" "):
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_KEYWORD_TERMS]


def fold_fields(*parts: str) -> str:
    """Several texts folded into one searchable text, kept apart by line breaks."""
    return normalize("\n".join(part for part in parts if part))


def kana_variants(term: str) -> list[str]:
    """A normalized term in hiragana and in katakana, for matching text that is stored unfolded.

    ``normalize("バス")`` is ``ばす``; text saved as ``みなとバス`` contains the katakana form.
    """
    katakana = term.translate(_HIRAGANA_TO_KATAKANA)
    return [term] if katakana == term else [term, katakana]


def has_line_break(text: str) -> bool:
    """True when ``text`` holds a line break of any kind (``\\n``, ``\\r``, U+2028 …)."""
    return len(f"x{text or ''}x".splitlines()) > 1


def one_line(text: str) -> str:
    """``text`` with its line breaks (of any kind) made single spaces, for a one-line field."""
    return " ".join(part.strip() for part in (text or "").splitlines() if part.strip())
