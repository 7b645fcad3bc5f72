"""The code blocks of docs/install.md that CI runs, by the name of their ``<!-- guide:NAME -->`` marker.

    python .ci/guide.py settings          # prints the settings block
    python .ci/guide.py --list            # the names

The install matrix (.ci/install_matrix.py) reads the guide through this module, so a change to the
guide is what CI checks, not a copy of it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "install.md"
BLOCK = re.compile(r"<!-- guide:(?P<name>[a-z0-9-]+) -->\n```[a-z]*\n(?P<code>.*?)```", re.DOTALL)


def blocks(path: Path = GUIDE) -> dict[str, str]:
    """Every marked block of the guide: name → code."""
    found: dict[str, str] = {}
    for match in BLOCK.finditer(path.read_text(encoding="utf-8")):
        if match["name"] in found:
            raise ValueError(f"{path}: two blocks named {match['name']!r}")
        found[match["name"]] = match["code"]
    return found


def commands(name: str) -> list[list[str]]:
    """The commands of a shell block, each as its words (the guide's commands take no quoting)."""
    return [line.split() for line in blocks()[name].splitlines() if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        print("\n".join(blocks()))
    else:
        print(blocks()[sys.argv[1]], end="")
