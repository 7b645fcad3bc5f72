"""Labels Japanese municipal sites show: the type and size beside a link to a file (``(PDF 1.02MB)``)
and lists of names (``北会津、河東``).

Pure functions, no Django. Sizes count in binary units (1KB = 1024 bytes), as Windows Explorer shows
them to the editors who upload the files, so the label matches what they saw.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from wagtail_chiiki.dates import is_japanese

# Office formats go by their application's name, which readers know better than the extension.
FILE_TYPE_LABELS: dict[str, str] = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "xls": "Excel",
    "xlsx": "Excel",
    "xlsm": "Excel",
    "ppt": "PowerPoint",
    "pptx": "PowerPoint",
    "csv": "CSV",
    "zip": "ZIP",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "tif": "TIFF",
    "tiff": "TIFF",
    "htm": "HTML",
    "html": "HTML",
}

_KB = 1024


def file_type_label(filename: str) -> str:
    """``PDF``, ``Word``, ``Excel``… from a file name, path or URL; unknown: the extension upper-cased."""
    # A URL's query or fragment may carry dots of its own.
    name = filename.split("?", 1)[0].split("#", 1)[0]
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or not extension:
        # No dot, a leading dot (".htaccess") or a trailing one: nothing says the type.
        return ""
    extension = extension.lower()
    return FILE_TYPE_LABELS.get(extension, extension.upper())


def file_size_label(num_bytes: int) -> str:
    """``927KB`` below 1MB (whole KB, at least 1KB), then ``1.02MB``, ``1.50GB`` to two decimals."""
    num_bytes = operator.index(num_bytes)
    if num_bytes < 0:
        raise ValueError(f"a file size cannot be negative: {num_bytes}")
    kilobytes = _round(Decimal(num_bytes) / _KB, "1")
    if kilobytes < _KB:
        # A few bytes still show as 1KB, as "0KB" would read as an empty file; only an empty one is 0KB.
        return f"{max(kilobytes, 1) if num_bytes else 0}KB"
    megabytes = _round(Decimal(num_bytes) / _KB**2, "0.01")
    # Checked after rounding, so that 1023.999MB becomes 1.00GB rather than 1024.00MB.
    if megabytes < _KB:
        return f"{megabytes}MB"
    return f"{_round(Decimal(num_bytes) / _KB**3, '0.01')}GB"


def _round(value: Decimal, places: str) -> Decimal:
    # Half up, as people round; Python's round() rounds halves to even (926.5 would give 926).
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def list_separator(lang: str | None) -> str:
    """What stands between names in a row: ``、`` in Japanese, ``, `` in any other language."""
    return "、" if is_japanese(lang) else ", "


def join_names(names: Iterable[str], lang: str | None) -> str:
    """Names in a row as the reader's language writes them: ``北会津、河東`` / ``Kitaaizu, Kawahigashi``."""
    return list_separator(lang).join(str(name) for name in names if name)
