#!/usr/bin/env bash
# Builds wagtail-chiiki the way a release is built (sdist, then the wheel from
# the sdist), runs twine check, checks what the wheel holds, then installs it
# into fresh `wagtail start` sites by following docs/install.md, on Wagtail 7.4
# and 8.0 (.ci/install_matrix.py, which reads the guide's code blocks).
#
#   bash .ci/wheel_check.sh             (or: make wheel-check)
#
# Environment: PYTHON (interpreter that inspects the wheel and runs the install
# matrix; default python3.11, else python3), WHEEL_CHECK_KEEP=1 keeps the temporary directory, which is also kept
# when a step fails.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$(command -v python3.11 2>/dev/null || command -v python3)}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wagtail-chiiki-wheel-check.XXXXXX")"
START=$SECONDS
OK=0

cleanup() {
    if [[ $OK == 1 && ${WHEEL_CHECK_KEEP:-0} != 1 ]]; then
        rm -rf "$WORK"
    else
        echo "[wheel-check] kept $WORK for inspection" >&2
    fi
}
trap cleanup EXIT

# pip, as configured on some machines, warns about every missing local index
# directory; keep its real messages only.
quiet_pip() {
    "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    return "${PIPESTATUS[0]}"
}

step() {
    echo
    echo "=== [wheel-check] $* (t=$((SECONDS - START))s)"
}

# Everything below runs outside the repository, with no PYTHONPATH, so that
# `import wagtail_chiiki` can only find the installed wheel.
unset PYTHONPATH DJANGO_SETTINGS_MODULE DATABASE_URL
export PIP_DISABLE_PIP_VERSION_CHECK=1
cd "$WORK"

# --- 1 -------------------------------------------------------------------------
step "1. copy the source tree (tracked + untracked, not git-ignored files) to $WORK/src"
mkdir -p "$WORK/src"
if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$REPO" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
        tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$WORK/src")
else
    tar -C "$REPO" --exclude=.venv --exclude=.tox --exclude=__pycache__ --exclude='*.egg-info' \
        --exclude=build --exclude=dist --exclude=example_site/db.sqlite3 -cf - . | tar -xf - -C "$WORK/src"
fi

# --- 2 -------------------------------------------------------------------------
step "2. build the sdist and the wheel (python -m build), twine check"
BUILD_PY="$REPO/.venv/bin/python"
if ! { [[ -x $BUILD_PY ]] && "$BUILD_PY" -c "import build, twine" 2>/dev/null; }; then
    echo "(no 'build' and 'twine' in $REPO/.venv: making a throwaway venv for them)"
    "$PYTHON" -m venv "$WORK/buildvenv"
    quiet_pip "$WORK/buildvenv/bin/python" -m pip install --quiet "build>=1.2,<2" "twine>=6.1,<7"
    BUILD_PY="$WORK/buildvenv/bin/python"
fi
"$BUILD_PY" -m build --outdir "$WORK/dist" "$WORK/src" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log"
    echo "[wheel-check] FAILED: build" >&2
    exit 1
}
grep -iE "warning|error" "$WORK/build.log" | grep -viE "^\s*$" | sort -u | head -20 || true
ls -l "$WORK/dist"
WHEEL="$(ls "$WORK"/dist/wagtail_chiiki-*.whl)"
SDIST="$(ls "$WORK"/dist/wagtail_chiiki-*.tar.gz)"
# What PyPI would refuse (metadata, the README as long description).
"$BUILD_PY" -m twine check --strict "$WHEEL" "$SDIST"

# --- 3 -------------------------------------------------------------------------
step "3. inspect $(basename "$WHEEL")"
"$PYTHON" - "$WHEEL" "$SDIST" "$WORK/src" <<'PY'
import fnmatch
import sys
import tarfile
import zipfile
from pathlib import Path

wheel, sdist, src = sys.argv[1], sys.argv[2], Path(sys.argv[3])
names = set(zipfile.ZipFile(wheel).namelist())
errors = []

required = {
    "package": "wagtail_chiiki/__init__.py",
    "app config": "wagtail_chiiki/apps.py",
    "migrations package": "wagtail_chiiki/migrations/__init__.py",
    "initial migration": "wagtail_chiiki/migrations/0001_*.py",
    "models": "wagtail_chiiki/models/__init__.py",
    "blocks": "wagtail_chiiki/blocks/__init__.py",
    "templatetags package": "wagtail_chiiki/templatetags/__init__.py",
    "a template tag library": "wagtail_chiiki/templatetags/*.py",
    "page templates": "wagtail_chiiki/templates/wagtail_chiiki/*.html",
    "static files": "wagtail_chiiki/static/wagtail_chiiki/*",
    "ja .po": "wagtail_chiiki/locale/ja/LC_MESSAGES/django.po",
    "ja .mo": "wagtail_chiiki/locale/ja/LC_MESSAGES/django.mo",
    "en .po": "wagtail_chiiki/locale/en/LC_MESSAGES/django.po",
    "en .mo": "wagtail_chiiki/locale/en/LC_MESSAGES/django.mo",
    "license": "wagtail_chiiki-*.dist-info/licenses/LICENSE",
}
# Management commands are optional, but if the source has them they must be a package.
if (src / "wagtail_chiiki" / "management").is_dir():
    required["management package"] = "wagtail_chiiki/management/__init__.py"
    required["management commands package"] = "wagtail_chiiki/management/commands/__init__.py"
for what, pattern in required.items():
    hits = fnmatch.filter(names, pattern)
    print(f"  {'ok ' if hits else 'MISSING'} {what:28} {pattern} ({len(hits)})")
    if not hits:
        errors.append(f"no {what} ({pattern})")

# Every file of the package source must be in the wheel (a new kind of data
# file needs a pattern in setup.cfg's [options.package_data]).
source = {
    p.relative_to(src).as_posix()
    for p in (src / "wagtail_chiiki").rglob("*")
    if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"}
}
missing = sorted(source - names)
for name in missing:
    errors.append(f"in the source tree but not in the wheel: {name}")
print(f"  {len(source)} files under wagtail_chiiki/ in the source tree, {len(missing)} missing from the wheel")

stray = sorted(n for n in names if not n.startswith(("wagtail_chiiki/", "wagtail_chiiki-")))
for name in stray:
    errors.append(f"unexpected file outside the package: {name}")

for po in fnmatch.filter(names, "wagtail_chiiki/locale/*/LC_MESSAGES/*.po"):
    if po[:-3] + ".mo" not in names:
        errors.append(f"{po} has no compiled .mo beside it")

metadata = zipfile.ZipFile(wheel).read(
    next(n for n in names if n.endswith(".dist-info/METADATA"))
).decode()
headers = metadata.split("\n\n", 1)[0].splitlines()
for line in headers:
    if line.startswith(("Name:", "Version:", "Requires-Python:", "License", "Requires-Dist:")):
        if "extra ==" not in line:
            print("  " + line)
if "Name: wagtail-chiiki" not in headers:
    errors.append("METADATA has no 'Name: wagtail-chiiki'")
if not any(h.startswith("Description-Content-Type: text/markdown") for h in headers):
    errors.append("METADATA: long description is not text/markdown")

with tarfile.open(sdist) as tar:
    sdist_names = {m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name}
for name in ("README.md", "LICENSE", "setup.cfg", "pyproject.toml"):
    if name not in sdist_names:
        errors.append(f"sdist lacks {name}")
print(f"  sdist: {len(sdist_names)} entries; wheel: {len(names)} files")

if errors:
    print("\n".join("ERROR: " + e for e in errors), file=sys.stderr)
    sys.exit(1)
PY

# --- 4 -------------------------------------------------------------------------
step "4. the install matrix: the wheel in real sites, following docs/install.md (.ci/install_matrix.py)"
"$PYTHON" "$REPO/.ci/install_matrix.py" --wheel "$WHEEL"

OK=1
step "wheel check passed: $(basename "$WHEEL") in $((SECONDS - START))s"
