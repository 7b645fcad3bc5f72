"""Browser fixtures: one headless Chromium, and the demo site served by a live server.

The demo (``manage.py load_demo``) takes seconds to build, so it is loaded once for this package
and the database is put back as it was afterwards. pytest-django's ``live_server`` fixture cannot do
that: it makes every test that uses it transactional, and the database is emptied after each one.
So ``demo_site`` starts the server class behind that fixture itself, on a free port: like
``live_server`` it shares the in-memory SQLite connection with the tests (on PostgreSQL it reads what
the fixture committed) and serves static and media files through Django's ``StaticFilesHandler``.

Tests here carry ``pytest.mark.django_db`` so that pytest-django creates the test database; the
transaction it opens around each test changes nothing the server reads.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections
from playwright.sync_api import Browser, Error, Page, Response, sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.signal_handlers import disable_reference_index_auto_update

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

# The axe-core rule tags of WCAG 2.1 A and AA (JIS X 8341-3:2016 AA is WCAG 2.0 AA).
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="package")
def chromium(demo_site) -> Iterator[Browser]:
    """Debian's Chromium, headless. Missing, it fails the tests: browser tests never skip.

    It starts after the demo is loaded (hence ``demo_site``): Playwright runs an event loop in this
    thread, and under a running loop Wagtail loses its "don't update the reference index" switch.
    """
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.",
            pytrace=False,
        )
    # Playwright's sync API runs an event loop in this thread, and Django refuses database access
    # from a thread with a running loop unless told it is safe, which it is here: the loop only
    # waits for the browser. Allowed for this package only, while the browser runs.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Under the loop Django keeps its connections per context, not per thread: the tests used
        # connections of their own, which must be closed here (PostgreSQL won't drop the test
        # database while one is open).
        connections.close_all()


@dataclass
class DemoSite:
    """The live demo: its base URL and the path of each page, by key and language."""

    url: str
    paths: dict[tuple[str, str], str] = field(default_factory=dict)

    def path(self, key: str, language: str) -> str:
        return self.paths[(key, language)]


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker) -> Iterator[DemoSite]:
    """The demo content, served at http://localhost:<free port>/ for every test of this package."""
    with django_db_blocker.unblock():
        # What other tests expect to find (the root page, the default locale …), to put back after.
        snapshot = connection.creation.serialize_db_to_string()
        server = LiveServer("localhost")
        try:
            # The admin's reference index ("usage" of images, snippets) is not on public pages;
            # leaving it out saves a third of the loading time.
            with disable_reference_index_auto_update():
                call_command(
                    "load_demo",
                    hostname="localhost",
                    port=server.thread.port,
                    verbosity=0,
                    stdout=io.StringIO(),
                )
            yield DemoSite(url=server.url, paths=_page_paths())
        finally:
            server.stop()
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(snapshot)
            # flush restarts PostgreSQL's id sequences and the snapshot comes back with its own ids:
            # move the sequences past them, or the next test's inserts collide.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), apps.get_models(include_auto_created=True)
                ):
                    cursor.execute(sql)
            cache.clear()  # Wagtail caches site root paths and renditions


def _page_paths() -> dict[tuple[str, str], str]:
    from wagtail.models import Locale, Site

    from wagtail_chiiki.models import (
        ActivityIndexPage,
        CommunityIndexPage,
        OrganizationPage,
        SupportStagesPage,
        WorkshopIndexPage,
        WorkshopSeriesPage,
    )

    ja = Locale.objects.get(language_code="ja")
    en = Locale.objects.get(language_code="en")
    index = CommunityIndexPage.objects.get(locale=ja, slug="chiiki")
    pages = {
        "home": Site.objects.get(is_default_site=True).root_page.specific,
        "index": index,
        "activities": ActivityIndexPage.objects.get(locale=ja, slug="activities"),
        **{org.slug: org for org in OrganizationPage.objects.child_of(index)},
        "support": SupportStagesPage.objects.get(locale=ja, slug="support"),
        "workshops": WorkshopIndexPage.objects.get(locale=ja, slug="workshops"),
        "workshop": WorkshopSeriesPage.objects.get(locale=ja, slug="ichiki-workshop"),
        "festival": WorkshopSeriesPage.objects.get(locale=ja, slug="festival"),
    }
    paths = {}
    for key, page in pages.items():
        paths[(key, "ja")] = page.get_url()
        paths[(key, "en")] = page.get_translation(en).get_url()
    return paths


@dataclass
class Visit:
    """An open browser page and everything that went wrong while it loaded and ran."""

    page: Page
    problems: list[str]


@pytest.fixture
def visit(chromium: Browser, demo_site: DemoSite) -> Iterator[Callable[..., Visit]]:
    """``visit(path, viewport=PHONE, java_script_enabled=False)`` opens a page of the demo in a fresh context."""
    contexts = []

    def open_page(path: str, *, viewport: dict = DESKTOP, java_script_enabled: bool = True) -> Visit:
        context = chromium.new_context(
            base_url=demo_site.url,
            viewport=viewport,
            java_script_enabled=java_script_enabled,
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        problems: list[str] = []
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and problems.append(f"console error: {message.text} at {message.location.get('url')}")
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("response", lambda response: _record_http_error(response, problems))
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
        return Visit(page=page, problems=problems)

    yield open_page
    for context in contexts:
        with suppress(Error):  # the browser went away already; the test has failed for it
            context.close()


@pytest.fixture
def minato_in_the_editor(visit) -> Visit:
    """The admin, logged in, editing the demo's organization page "minato" (Japanese)."""
    from wagtail_chiiki.models import OrganizationPage

    organization = OrganizationPage.objects.get(slug="minato", locale__language_code="ja")
    opened = visit("/admin/login/", viewport=DESKTOP)
    opened.page.fill("input[name=username]", "admin")
    opened.page.fill("input[name=password]", "admin")
    opened.page.click("button[type=submit]")
    opened.page.wait_for_url("**/admin/")
    opened.page.goto(f"/admin/pages/{organization.pk}/edit/")
    return opened


def unexpected(problems: list[str]) -> list[str]:
    """The problems other than map tiles failing to load: the tests run without internet, so every
    tile request fails, and Chromium itself logs each failed request as a console error (page
    scripts cannot prevent that). The map reports the failure in words and carries on."""
    from urllib.parse import urlsplit

    from wagtail_chiiki.conf import chiiki_settings

    tile_host = urlsplit(chiiki_settings.MAP_TILE_URL or "").hostname or ""
    return [
        problem
        for problem in problems
        if not (
            tile_host
            and problem.startswith("console error: Failed to load resource")
            and tile_host in problem
        )
    ]


def _record_http_error(response: Response, problems: list[str]) -> None:
    if response.status >= 400:
        problems.append(f"HTTP {response.status} for {response.url}")
