"""Every Python file under tests/ (tests, helpers, fixtures, benchmarks) stays within 400 lines:
a file that grows past it is split by topic."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
MAXIMUM_LINES = 400


def test_every_python_file_under_tests_is_at_most_400_lines():
    files = sorted(TESTS.rglob("*.py"))
    sizes = {path.relative_to(TESTS.parent).as_posix(): len(path.read_bytes().splitlines()) for path in files}

    assert "tests/test_file_sizes.py" in sizes and "tests/benchmarks/activities.py" in sizes
    assert {path: lines for path, lines in sizes.items() if lines > MAXIMUM_LINES} == {}
