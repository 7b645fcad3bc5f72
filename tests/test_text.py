"""Folding text for Japanese keyword search: width, case, kana and white space."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_chiiki.text import (
    MAX_KEYWORD_LENGTH,
    MAX_KEYWORD_TERMS,
    fold_fields,
    kana_variants,
    keyword_terms,
    normalize,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＡＢＣ", "abc"),
        ("ABC", "abc"),
        ("ｶﾀｶﾅ", "かたかな"),
        ("カタカナ", "かたかな"),
        ("ﾊﾞｽ", "ばす"),
        ("みなとバス", "みなとばす"),
        ("ヴァイオリン", "ゔぁいおりん"),
        ("いすゞ・ヽヾ", "いすゞ・ゝゞ"),
        ("１２３　丁目", "123 丁目"),
        ("  農産物\n\t直売所  ", "農産物 直売所"),
        ("ﾏﾙｼｪ", "まるしぇ"),
        ("ケ所ヶ", "け所ゖ"),
    ],
)
def test_normalize_folds_width_case_kana_and_space(text, folded):
    assert normalize(text) == folded


def test_kanji_and_long_vowel_marks_are_kept():
    assert normalize("地域内交通・コーヒー") == "地域内交通・こーひー"


def test_keyword_terms_split_on_any_space_and_drop_repeats():
    assert keyword_terms("バス　直売 バス ") == ["ばす", "直売"]
    assert keyword_terms("") == []
    assert keyword_terms(None) == []


def test_keyword_terms_are_bounded_in_length_and_number():
    assert sum(len(term) for term in keyword_terms("あ" * 10_000)) == MAX_KEYWORD_LENGTH
    many = " ".join(f"語{i}" for i in range(30))
    assert keyword_terms(many) == [f"語{i}" for i in range(MAX_KEYWORD_TERMS)]


def test_fold_fields_keeps_fields_apart_so_no_term_spans_two():
    folded = fold_fields("みなと", "", "バス")
    assert "みなとばす" not in folded
    assert folded.split(" ") == ["みなと", "ばす"]


@given(st.text(max_size=MAX_KEYWORD_LENGTH))
def test_normalize_is_idempotent_and_a_keyword_finds_its_own_text(value):
    folded = normalize(value)
    assert normalize(folded) == folded
    assert all(term in folded for term in keyword_terms(value))


def test_kana_variants_give_a_normalized_term_in_hiragana_and_katakana():
    assert kana_variants(normalize("ﾊﾞｽ")) == ["ばす", "バス"]
    assert kana_variants(normalize("ワークショップ")) == ["わーくしょっぷ", "ワークショップ"]
    assert kana_variants(normalize("湊地区")) == ["湊地区"]
