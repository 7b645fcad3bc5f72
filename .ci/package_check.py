"""Check setup.cfg against the source: every imported distribution declared, no empty data globs.

    python .ci/package_check.py

Run with the interpreter of an environment that has the package and its test extra installed
(it maps import names to distributions through the installed metadata). The package's modules,
migrations included, must import only what `install_requires` declares; the tests and the example
site may also use the `test` extra. Every `[options.package_data]` pattern must match a file.
"""

import ast
import configparser
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = {"wagtail_chiiki", "example_site", "tests"}
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalize(name: str) -> str:
    """PEP 503 form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(section: str) -> set[str]:
    """The normalized distribution names of a setup.cfg requirement list."""
    return {normalize(NAME.match(line).group(1)) for line in section.strip().splitlines() if line.strip()}


def imported_modules(folder: Path) -> dict[str, Path]:
    """Top-level names of the absolute imports under a folder, each with one file that imports it."""
    found: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path)
    return {name: path for name, path in found.items() if name not in sys.stdlib_module_names | FIRST_PARTY}


def main() -> int:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    runtime = declared(config["options"]["install_requires"])
    test = runtime | declared(config["options.extras_require"]["test"])
    distributions = packages_distributions()
    errors = []
    for folders, allowed, what in (
        (["wagtail_chiiki"], runtime, "install_requires"),
        (["tests", "example_site"], test, "install_requires or the test extra"),
    ):
        for folder in folders:
            for module, path in sorted(imported_modules(ROOT / folder).items()):
                owners = {normalize(d) for d in distributions.get(module, [])}
                if not owners:
                    errors.append(
                        f"{path.relative_to(ROOT)}: imports {module!r}, which no installed distribution provides"
                    )
                elif not owners & allowed:
                    errors.append(
                        f"{path.relative_to(ROOT)}: imports {module!r} ({', '.join(sorted(owners))}), not in {what}"
                    )
    package_data = config["options.package_data"]["wagtail_chiiki"].split()
    for pattern in package_data:
        if not any(p.is_file() for p in (ROOT / "wagtail_chiiki").glob(pattern)):
            errors.append(f"setup.cfg [options.package_data]: {pattern!r} matches no file")
    for error in errors:
        print("ERROR:", error, file=sys.stderr)
    print(
        f"package check: {len(runtime)} runtime and {len(test - runtime)} test requirements, "
        f"{len(package_data)} data patterns, {len(errors)} problem(s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
