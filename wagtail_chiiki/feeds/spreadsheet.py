"""CSV for spreadsheets, streamed: UTF-8 with a byte order mark, so that Japanese Excel opens it.

Every CSV the package writes goes through ``csv_lines``, which neutralises formulas: a text cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading ``'``
(OWASP's advice against CSV injection), so a spreadsheet shows it as text instead of running it.
Numbers (``int``, ``float``, ``Decimal``) are written as they are, negative ones included.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

BOM = "\ufeff"
#: What a spreadsheet reads as the start of a formula (or of a cell it re-parses as one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class EchoBuffer:
    """A file-like object whose write returns the text, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def spreadsheet_cell(value):
    """``value`` as a cell a spreadsheet shows and never evaluates: text that starts like a formula
    gets a leading ``'``; numbers and empty cells are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The byte order mark and the header, then one CSV line per row, each as soon as it is read."""
    writer = csv.writer(EchoBuffer())
    yield BOM + writer.writerow([spreadsheet_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])
