"""Install the built wheel into real `wagtail start` sites by following docs/install.md, and check them.

    python .ci/install_matrix.py                   # every case on Wagtail 7.4 and 8.0
    python .ci/install_matrix.py new-site:8.0      # one case
    python .ci/install_matrix.py --wheel dist/wagtail_chiiki-0.1.0-py3-none-any.whl   # a built wheel
    INSTALL_MATRIX_KEEP=1 ...                      # keep the sites (in /tmp) to look at
    INSTALL_MATRIX_JOBS=1 ...                      # one case at a time (default: two)

Cases (each in a fresh virtualenv, with the guide's blocks read from docs/install.md by .ci/guide.py):

- new-site: a new site, Japanese default, English added (guide steps 1-5).
- migrated-site: a site migrated and given content before the install, so its locale is `en`;
  the guide's "existing site" path relabels it (step 6).
- simple-translation: a site with wagtail.contrib.simple_translation and a base template without
  the extra_css/extra_js blocks: `manage.py check` names both problems; after the guide's steps
  the pages are styled and offer one translate action.

Each case ends with the same checks on every page type and feed, in Japanese and English: status 200,
`<html lang>`, the English page under /en/, distinct hreflang links, the stylesheet and the language
switch. Prints the wall time of each case.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import guide  # noqa: E402  (.ci/guide.py, beside this file)

REPO = Path(__file__).resolve().parent.parent
# Wagtail release → (interpreter, the Wagtail and Django the site gets).
WAGTAIL = {
    "7.4": ("python3.11", ["wagtail>=7.4,<7.5", "Django>=5.2,<5.3"]),
    "8.0": ("python3.12", ["wagtail>=8.0,<8.1", "Django>=6.0,<6.1"]),
}
CASES = ("new-site", "migrated-site", "simple-translation")
WAGTAIL_URLS_LINE = 'path("", include(wagtail_urls)),'

SMOKE = r"""
import json, os, re, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
import django
django.setup()
from django.test import Client
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from wagtail_chiiki.models import CommunityIndexPage, OrganizationPage

import wagtail_chiiki

case = sys.argv[1]
assert "site-packages" in wagtail_chiiki.__file__, f"not the installed wheel: {wagtail_chiiki.__file__}"
ja, en = Locale.objects.get(language_code="ja"), Locale.objects.get(language_code="en")
index = CommunityIndexPage.objects.get(locale=ja)
organization = OrganizationPage(title="湊地区まちづくり協議会", slug="minato", summary="湊地区の地域運営組織です。", locale=ja)
index.add_child(instance=organization)
# Publish the section the setup made, both languages, then the organization's English copy.
for page in Page.objects.filter(live=False).exclude(depth=1).order_by("depth"):
    page.get_latest_revision().publish() if page.get_latest_revision() else page.save_revision().publish()
organization = OrganizationPage.objects.get(pk=organization.pk)
english = organization.copy_for_translation(en)
english.title = "Minato District Community Council"
english.save_revision().publish()

client = Client()
problems = []
def get(url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code != 200:
        problems.append(f"GET {url}: {response.status_code}")
    return body.decode(errors="replace")

for language, locale in (("ja", ja), ("en", en)):
    for page in Page.objects.filter(locale=locale, depth__gt=2).specific():
        url = page.url
        if language == "en" and not url.startswith("/en/"):
            problems.append(f"{page.title}: English page at {url}, not under /en/")
        html = get(url)
        if f'<html lang="{language}"' not in html:
            problems.append(f"{url}: no <html lang=\"{language}\">")
        if "wagtail_chiiki/css/chiiki.css" not in html:
            problems.append(f"{url}: the package stylesheet is not linked")
        hreflang = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
        if len({hreflang.get("ja"), hreflang.get("en")}) != 2 or None in (hreflang.get("ja"), hreflang.get("en")):
            problems.append(f"{url}: hreflang links not distinct: {hreflang}")
        if 'class="chiiki-language-switch"' not in html:
            problems.append(f"{url}: no language switch")
    index_url = CommunityIndexPage.objects.get(locale=locale).url
    for suffix in ("map/", "geojson/"):
        get(index_url + suffix)
print(f"  pages and feeds checked in ja and en: {Page.objects.filter(depth__gt=2).count()} pages")

if case == "simple-translation":
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "admin")
    client.force_login(user)
    # A page with no translation yet: the only kind a translate action is offered for.
    untranslated = OrganizationPage(title="未翻訳の会", slug="untranslated", summary="翻訳はまだです。", locale=ja)
    index.add_child(instance=untranslated)
    untranslated.save_revision().publish()
    html = get(f"/admin/pages/{untranslated.pk}/edit/")
    localize = html.count(f"/admin/localize/submit/page/{untranslated.pk}/")
    simple = html.count(f"/translation/submit/page/{untranslated.pk}/")
    print(f"  translate actions on the edit view: wagtail-localize {localize}, simple_translation {simple}")
    if not localize or simple:
        problems.append("the page editor does not offer exactly wagtail-localize's translate action")
if problems:
    sys.exit("\n".join(problems))
"""


def run(*command, cwd: Path | None = None, env: dict | None = None, check: bool = True) -> str:
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if check and result.returncode:
        sys.exit(f"FAILED: {' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def build_wheel(work: Path) -> Path:
    run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", REPO)
    return next((work / "dist").glob("wagtail_chiiki-*.whl"))


def interpreter_path(name: str) -> str:
    """pyenv's interpreter of that version when there is one (its shims refuse unselected versions)."""
    version = name.removeprefix("python")
    pyenv = sorted(
        Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")).glob(f"versions/{version}.*/bin/{name}")
    )
    return str(pyenv[-1]) if pyenv else shutil.which(name) or name


def new_site(work: Path, interpreter: str, requirements: list[str], wheel: Path) -> tuple[Path, Path]:
    """A fresh venv with the wheel and the chosen Wagtail, and a `wagtail start` site in it."""
    venv = work / "venv"
    run(interpreter_path(interpreter), "-m", "venv", venv)
    run(venv / "bin/python", "-m", "pip", "install", "--quiet", *requirements)
    run(venv / "bin/wagtail", "start", "site_project", cwd=work)
    return venv / "bin/python", work / "site_project"


def install_package(python: Path, wheel: Path, requirements: list[str]) -> None:
    """Guide step 1: pip install the package (here the built wheel, with the chosen Wagtail)."""
    run(python, "-m", "pip", "install", "--quiet", wheel, *requirements)


def apply_settings_and_urls(site: Path) -> None:
    """Guide steps 2 and 3: the settings block appended, the URLs changed as the guide says."""
    settings = site / "site_project/settings/base.py"
    settings.write_text(settings.read_text() + "\n\n" + guide.blocks()["settings"])
    urls = site / "site_project/urls.py"
    text = urls.read_text()
    assert WAGTAIL_URLS_LINE in text, "wagtail start's urls.py changed: update the guide's step 3"
    urls.write_text(text.replace(WAGTAIL_URLS_LINE, "") + "\n" + guide.blocks()["urls"])


def apply_base_template(site: Path) -> None:
    """Guide step 4: <html lang>, hreflang in <head>, the language switch after the user bar."""
    base = site / "site_project/templates/base.html"
    text = base.read_text()
    for old, new in (
        ('<html lang="en">', guide.blocks()["html-lang"].strip()),
        ("</head>", guide.blocks()["head"] + "</head>"),
        ("{% wagtailuserbar %}", "{% wagtailuserbar %}\n" + guide.blocks()["switch"]),
    ):
        assert old in text, f"wagtail start's base.html has no {old!r}: update the guide's step 4"
        text = text.replace(old, new, 1)
    base.write_text(text)


def manage(python: Path, site: Path, block: str) -> None:
    """A shell block of the guide, its `python` the site's interpreter."""
    for words in guide.commands(block):
        assert words[:2] == ["python", "manage.py"], words
        print("  $", " ".join(words))
        run(python, *words[1:], cwd=site)


def check_ids(python: Path, site: Path) -> set[str]:
    """The package's check ids `manage.py check --database default` reports."""
    output = run(python, "manage.py", "check", "--database", "default", cwd=site, check=False)
    return set(re.findall(r"\((wagtail_chiiki\.[EW]\d+)\)", output))


def case_new_site(python: Path, site: Path, wheel: Path, requirements: list[str]) -> None:
    install_package(python, wheel, requirements)
    apply_settings_and_urls(site)
    apply_base_template(site)
    manage(python, site, "commands-new")


def case_migrated_site(python: Path, site: Path, wheel: Path, requirements: list[str]) -> None:
    # The site as it was: migrated with LANGUAGE_CODE "en-us", its home page edited (Japanese content).
    run(python, "manage.py", "migrate", "--noinput", cwd=site)
    run(
        python,
        "manage.py",
        "shell",
        "-c",
        "from home.models import HomePage; h = HomePage.objects.get(); h.title = 'みどり市'; h.save_revision().publish()",
        cwd=site,
    )
    install_package(python, wheel, requirements)
    apply_settings_and_urls(site)
    apply_base_template(site)
    found = check_ids(python, site)
    assert "wagtail_chiiki.W003" in found, f"check did not report the locale: {found}"
    print(f"  before the relabelling, check reports: {', '.join(sorted(found))}")
    manage(python, site, "commands-existing")


def case_simple_translation(python: Path, site: Path, wheel: Path, requirements: list[str]) -> None:
    # The site as it was: simple_translation installed, then the package's apps added to it alone.
    settings = site / "site_project/settings/base.py"
    before = settings.read_text() + '\nINSTALLED_APPS.insert(0, "wagtail.contrib.simple_translation")\n'
    settings.write_text(
        before
        + 'INSTALLED_APPS[:0] = ["wagtail_chiiki", "wagtail_localize", "wagtail_localize.locales"]\n'
        + 'LANGUAGE_CODE = "ja"\nLANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("ja", "日本語"), ("en", "English")]\n'
        + "WAGTAIL_I18N_ENABLED = True\n"
    )
    base = site / "site_project/templates/base.html"
    original = base.read_text()
    bare = original
    for block in ("extra_css", "extra_js"):
        start = bare.index("{% block " + block + " %}")
        bare = bare[:start] + bare[bare.index("{% endblock %}", start) + len("{% endblock %}") :]
    base.write_text(bare)
    install_package(python, wheel, requirements)
    found = check_ids(python, site)
    assert {"wagtail_chiiki.E003", "wagtail_chiiki.E005"} <= found, f"check did not name both: {found}"
    print(f"  before the guide's steps, check reports: {', '.join(sorted(found))}")
    # The guide's steps from the site as it was; its base template gets the blocks (step 4).
    settings.write_text(before)
    base.write_text(original)
    apply_settings_and_urls(site)
    apply_base_template(site)
    manage(python, site, "commands-new")


def run_case(case: str, version: str, wheel: Path, root: Path) -> bool:
    """One case in its own folder under ``root``; prints what it does and returns whether it passed."""
    interpreter, requirements = WAGTAIL[version]
    print(f"=== {case} on Wagtail {version} ({interpreter})")
    work = root / f"{case}-{version}"
    work.mkdir()
    try:
        python, site = new_site(work, interpreter, requirements, wheel)
        globals()["case_" + case.replace("-", "_")](python, site, wheel, requirements)
        ids = check_ids(python, site)
        assert not ids, f"check reports after the guide's steps: {ids}"
        (site / "smoke.py").write_text(SMOKE)
        print(run(python, "smoke.py", case, cwd=site).rstrip())
    except (AssertionError, SystemExit) as error:
        print(f"  FAILED: {error}")
        return False
    return True


def main(arguments: list[str]) -> int:
    keep = os.environ.get("INSTALL_MATRIX_KEEP") == "1"
    # Cases at a time, each in a process of its own (CI has two cores).
    jobs = int(os.environ.get("INSTALL_MATRIX_JOBS", "2"))
    root = Path(tempfile.mkdtemp(prefix="wagtail-chiiki-install-matrix."))
    if "--wheel" in arguments:
        at = arguments.index("--wheel")
        wheel = Path(arguments[at + 1]).resolve()
        selected = arguments[:at] + arguments[at + 2 :]
    else:
        wheel, selected = build_wheel(root), arguments
    combos = [(case, version) for version in WAGTAIL for case in CASES]
    if selected:
        combos = [(c, v) for c, v in combos if f"{c}:{v}" in selected or c in selected]
    if len(combos) == 1:
        case, version = combos[0]
        passed = run_case(case, version, wheel, root)
        if passed and not keep:
            shutil.rmtree(root)
        else:
            print(f"  (kept {root})")
        return 0 if passed else 1

    def child(combo: tuple[str, str]) -> tuple[str, str, bool, float, str]:
        start = time.monotonic()
        result = subprocess.run(
            [sys.executable, __file__, "--wheel", wheel, f"{combo[0]}:{combo[1]}"],
            capture_output=True,
            text=True,
            check=False,
        )
        return (*combo, result.returncode == 0, time.monotonic() - start, result.stdout + result.stderr)

    print(f"wheel: {wheel.name}; {len(combos)} cases, {jobs} at a time")
    timings, failed = [], False
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for case, version, passed, seconds, output in pool.map(child, combos):
            print("\n" + output.rstrip())
            failed |= not passed
            timings.append(f"  {case:20} Wagtail {version}  {'ok' if passed else 'FAILED':7} {seconds:6.0f}s")
    print("\ninstall matrix (wall time of each case):\n" + "\n".join(timings))
    shutil.rmtree(root)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
