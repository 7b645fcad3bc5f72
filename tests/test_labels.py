"""File type and size labels as municipal pages show them beside a link to a document, and lists of names."""

import pytest

from wagtail_chiiki.labels import file_size_label, file_type_label, join_names, list_separator


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("flyer.pdf", "PDF"),
        ("FLYER.PDF", "PDF"),
        ("application.doc", "Word"),
        ("application.docx", "Word"),
        ("budget.xls", "Excel"),
        ("budget.xlsx", "Excel"),
        ("budget.xlsm", "Excel"),
        ("briefing.ppt", "PowerPoint"),
        ("briefing.pptx", "PowerPoint"),
        ("events.csv", "CSV"),
        ("photos.zip", "ZIP"),
        ("photo.jpg", "JPEG"),
        ("photo.JPEG", "JPEG"),
        ("map.png", "PNG"),
        ("チラシ.pdf", "PDF"),
    ],
)
def test_file_type_label_names_common_formats(filename, expected):
    assert file_type_label(filename) == expected


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("/media/documents/2024/flyer.v2.pdf", "PDF"),
        ("https://example.jp/media/documents/minutes.docx?download=1.0", "Word"),
        ("https://example.jp/files/table.xlsx#sheet.2", "Excel"),
        ("C:\\Users\\editor\\Desktop\\plan.pptx", "PowerPoint"),
    ],
)
def test_file_type_label_reads_the_extension_of_paths_and_urls(filename, expected):
    assert file_type_label(filename) == expected


@pytest.mark.parametrize(
    ("filename", "expected"), [("notes.odt", "ODT"), ("readme.txt", "TXT"), ("a.jtd", "JTD")]
)
def test_file_type_label_upper_cases_unknown_extensions(filename, expected):
    assert file_type_label(filename) == expected


@pytest.mark.parametrize("filename", ["", "README", ".htaccess", "trailing.", "/media/documents/"])
def test_file_type_label_is_empty_without_an_extension(filename):
    assert file_type_label(filename) == ""


@pytest.mark.parametrize(
    ("num_bytes", "expected"),
    [
        (949_248, "927KB"),
        (1_069_548, "1.02MB"),
        (0, "0KB"),
        (1, "1KB"),
        (511, "1KB"),
        (1_024, "1KB"),
        (1_535, "1KB"),
        (1_536, "2KB"),
        (1_047_552, "1023KB"),
        (1_048_064, "1.00MB"),
        (1_048_576, "1.00MB"),
        (1_572_864, "1.50MB"),
        (10_485_760, "10.00MB"),
        (1_073_736_000, "1023.99MB"),
        (1_073_741_823, "1.00GB"),
        (1_610_612_736, "1.50GB"),
    ],
)
def test_file_size_label_uses_whole_kb_below_one_mb_then_two_decimals(num_bytes, expected):
    assert file_size_label(num_bytes) == expected


def test_file_size_label_refuses_negative_sizes():
    with pytest.raises(ValueError):
        file_size_label(-1)


@pytest.mark.parametrize("value", [1.5, "1024", None])
def test_file_size_label_refuses_values_that_are_not_whole_numbers(value):
    with pytest.raises(TypeError):
        file_size_label(value)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", "北会津、河東、湊"),
        ("ja-JP", "北会津、河東、湊"),
        ("en", "北会津, 河東, 湊"),
        (None, "北会津, 河東, 湊"),
    ],
)
def test_names_are_joined_with_the_separator_of_the_language(lang, expected):
    assert join_names(["北会津", "河東", "湊"], lang) == expected
    assert join_names(["北会津", "河東", "湊"], lang).split(list_separator(lang)) == ["北会津", "河東", "湊"]


def test_one_name_or_none_needs_no_separator():
    assert join_names(["湊"], "ja") == "湊"
    assert join_names([], "en") == ""
    assert join_names(["湊", ""], "ja") == "湊"
