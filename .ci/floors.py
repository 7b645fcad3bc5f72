"""Print pip constraints that hold every runtime dependency at its floor's release series.

`wagtail>=7.4,<9` in setup.cfg becomes `wagtail==7.4.*`: the oldest supported minor release with
its newest patch (patch releases fix bugs and do not change migrations). `make migrations`
installs the dependencies under these constraints, so migrations are made on the oldest
combination and run on every newer one.
"""

import configparser
import re
import sys
from pathlib import Path

FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?)\s*(?:[<>=!~].*?)?>=\s*(\d+)(?:\.(\d+))?")


def floor_constraints(setup_cfg: Path) -> list[str]:
    """One `name==X.Y.*` line per install requirement of setup.cfg that has a `>=` floor."""
    config = configparser.ConfigParser()
    config.read(setup_cfg, encoding="utf-8")
    lines = []
    for requirement in config["options"]["install_requires"].strip().splitlines():
        match = FLOOR.match(requirement)
        if not match:
            sys.exit(f"no '>=' floor in the requirement {requirement.strip()!r}")
        name, major, minor = match.group(1).split("[")[0], match.group(2), match.group(3) or "0"
        lines.append(f"{name}=={major}.{minor}.*")
    return lines


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    print("\n".join(floor_constraints(root / "setup.cfg")))
