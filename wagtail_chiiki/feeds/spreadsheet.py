"""CSV for spreadsheets, streamed: UTF-8 with a byte order mark, so that Japanese Excel opens it."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

BOM = "\ufeff"


class EchoBuffer:
    """A file-like object whose write returns the text, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The byte order mark and the header, then one CSV line per row, each as soon as it is read."""
    writer = csv.writer(EchoBuffer())
    yield BOM + writer.writerow(list(header))
    for row in rows:
        yield writer.writerow(row)



_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A text cell a spreadsheet will not run as a formula: ``=SUM(…)`` becomes ``'=SUM(…)`` (OWASP)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text
