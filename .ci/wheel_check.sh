#!/usr/bin/env bash
# Builds wagtail-chiiki the way a release is built (sdist, then the wheel from
# the sdist), checks what the wheel holds, installs it into a fresh virtualenv
# and a fresh `wagtail start` site set up as README.md's installation steps say,
# and serves an organization page from it.
#
#   bash .ci/wheel_check.sh             (or: make wheel-check)
#
# Environment: PYTHON (interpreter for the fresh venv; default python3.11, else
# python3), WHEEL_CHECK_KEEP=1 keeps the temporary directory, which is also kept
# when a step fails.
#
# KEEP IN SYNC WITH README.md: the INSTALLED_APPS and settings appended in
# step 5 are the README's installation steps; the page fields in step 7 are the
# smallest valid CommunityIndexPage and OrganizationPage.
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
step "4. fresh venv ($("$PYTHON" --version)) + pip install the wheel (dependencies from the index)"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
quiet_pip "$VPY" -m pip install --quiet "$WHEEL"
"$VPY" -m pip list --format=freeze | grep -iE "^(django|wagtail|wagtail[-_]localize|wagtail[-_]chiiki|django[-_]taggit|django[-_]modelcluster|icalendar)==" | sed 's/^/  /' || true
"$VPY" -m pip check

# --- 5 -------------------------------------------------------------------------
step "5. wagtail start checksite + the README's installation steps"
mkdir -p "$WORK/site"
cd "$WORK/site"
"$WORK/venv/bin/wagtail" start checksite
SITE="$WORK/site/checksite"
cat >>"$SITE/checksite/settings/base.py" <<'SETTINGS'


# --- wagtail-chiiki: the installation steps of README.md -------------------
# Step 2: the apps, after the site's own apps and before the wagtail.* apps;
# wagtail_localize.locales replaces wagtail.locales, if a site has it.
# (wagtail start already lists "modelcluster" and "taggit".)
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "wagtail.locales"]
_first_wagtail_app = next(
    i for i, app in enumerate(INSTALLED_APPS) if app == "wagtail" or app.startswith("wagtail.")
)
INSTALLED_APPS[_first_wagtail_app:_first_wagtail_app] = [
    "wagtail_chiiki",
    "wagtail_localize",
    "wagtail_localize.locales",
]

# Step 3: the package settings (the defaults) and the languages.
WAGTAIL_CHIIKI = {
    "BASE_TEMPLATE": "base.html",
    "WEEKDAY_STYLE": "short",
    "DATE_STYLE": "wareki",
}
LANGUAGE_CODE = "ja"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("ja", "日本語"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
USE_TZ = True
TIME_ZONE = "Asia/Tokyo"
SETTINGS
sed -n '/--- wagtail-chiiki: the installation steps/,$p' "$SITE/checksite/settings/base.py" | sed 's/^/  | /'

cd "$SITE"
MANAGE=("$VPY" manage.py)
"${MANAGE[@]}" shell --verbosity 0 -c "from django.conf import settings; print('  INSTALLED_APPS:', ', '.join(settings.INSTALLED_APPS))"

# --- 6 -------------------------------------------------------------------------
step "6. manage.py check, migrate, makemigrations --check, collectstatic"
"${MANAGE[@]}" check
"${MANAGE[@]}" migrate --noinput >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
grep -E "wagtail_chiiki" "$WORK/migrate.log" | sed 's/^/  /' || true
# A migration the site would have to make for the package means the wheel's
# migrations depend on project settings (e.g. choices from LANGUAGES).
"${MANAGE[@]}" makemigrations wagtail_chiiki --check --dry-run
"${MANAGE[@]}" collectstatic --noinput -v 0
test -d "$SITE/static/wagtail_chiiki" || { echo "collectstatic found no wagtail_chiiki static files" >&2; exit 1; }
echo "  static: $(find "$SITE/static/wagtail_chiiki" -type f | wc -l) files under static/wagtail_chiiki/"

# --- 7 -------------------------------------------------------------------------
step "7. create + publish a CommunityIndexPage, an OrganizationPage and an ActivityIndexPage, fetch them"
cat >"$SITE/smoke_check.py" <<'PY'
import gettext
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checksite.settings.dev")

import django

django.setup()

import wagtail_chiiki
from django.test import Client
from wagtail.models import Site

from wagtail_chiiki.models import Activity, ActivityIndexPage, CommunityIndexPage, OrganizationPage

# The smallest valid pages: adjust here when the models gain required fields.
INDEX_FIELDS = {"title": "地域運営組織一覧", "slug": "chiiki"}
ORG_FIELDS = {
    "title": "みどり地区まちづくり協議会",
    "slug": "midori",
    "summary": "みどり地区の自治会・PTA・商店会でつくる地域運営組織です。",
}

package = Path(wagtail_chiiki.__file__).resolve()
repo = Path(os.environ["CHIIKI_REPO"]).resolve()
print(f"  wagtail_chiiki {getattr(wagtail_chiiki, '__version__', '?')} imported from {package}")
assert repo not in package.parents, f"imported from the repository ({package}), not the wheel"
assert "site-packages" in package.parts, f"not imported from site-packages: {package}"

# The compiled catalogues came with the wheel and load.
for language in ("ja", "en"):
    gettext.translation("django", package.parent / "locale", languages=[language])

site = Site.objects.get(is_default_site=True)
home = site.root_page.specific

index = CommunityIndexPage(**INDEX_FIELDS)
home.add_child(instance=index)
index.save_revision().publish()

org = OrganizationPage(**ORG_FIELDS)
org.activities = [Activity(title="みどり朝市")]
index.add_child(instance=org)
org.save_revision().publish()

activities = ActivityIndexPage(title="活動一覧", slug="activities")
index.add_child(instance=activities)
activities.save_revision().publish()

client = Client()
failures = []
for page, suffix in (
    (index, ""),
    (org, ""),
    (activities, "?q=朝市"),
    (activities, "export/csv/"),
    (index, "map/"),
    (index, "geojson/"),
):
    page.refresh_from_db()
    url = page.relative_url(site) + suffix
    response = client.get(url, HTTP_HOST=site.hostname)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace")
    ok = response.status_code == 200 and org.title in body
    print(f"  GET {url} -> {response.status_code}, organization title {'found' if org.title in body else 'MISSING'}")
    if not ok:
        failures.append(url)
        print(body[:3000], file=sys.stderr)
if failures:
    sys.exit(f"failed: {failures}")
PY
CHIIKI_REPO="$REPO" "$VPY" smoke_check.py

OK=1
step "wheel check passed: $(basename "$WHEEL") in $((SECONDS - START))s"
