"""Shared fixtures: a site tree with Japanese and English locales, and builders for organizations."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

# Fixtures shared by several test modules, each with the helpers of its kind: the workshop
# application fixtures (a series taking applications), the test SMTP server, the English admin
# session, the activity list's organizations, an uploaded document, the translators' round trip and
# the demo site.
pytest_plugins = [
    "tests.applications",
    "tests.smtp",
    "tests.activity_list",
    "tests.admin_forms",
    "tests.blocks",
    "tests.round_trip",
    "tests.demo",
]


@pytest.fixture(scope="session", autouse=True)
def session_media_root(tmp_path_factory) -> Iterator[Path]:
    """Uploaded files of the whole run (the browser tests' demo) go to a temporary folder."""
    from django.test import override_settings

    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(path)):
        yield path


@pytest.fixture(autouse=True)
def media_root(request, settings, tmp_path) -> Path | None:
    """Each test's uploads (images, documents) go to a folder of its own, removed by pytest.

    Not for tests that read what a broader fixture uploaded (the demo): browser tests, whose server
    shows the demo's images, and tests marked ``shared_media``; they use the run's folder.
    """
    if request.node.get_closest_marker("browser") or request.node.get_closest_marker("shared_media"):
        return None
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def default_language() -> None:
    """Each test starts in the site's default language (``LANGUAGE_CODE``): a request an earlier test
    made in the same thread (an English page, the admin in English) leaves its language active."""
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def locales(db):
    ja, _ = Locale.objects.get_or_create(language_code="ja")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"ja": ja, "en": en}


@pytest.fixture
def home(locales):
    """The site root: a home page in Japanese, served for ``testserver``."""
    from example_site.home.models import HomePage

    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="ホーム", slug="home", locale=locales["ja"]))
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def make_district(locales):
    from wagtail_chiiki.models import District

    def make(name: str, slug: str, sort_order: int = 0, locale: str = "ja"):
        return District.objects.create(name=name, slug=slug, sort_order=sort_order, locale=locales[locale])

    return make


@pytest.fixture
def make_category(locales):
    from wagtail_chiiki.models import ActivityCategory

    def make(name: str, slug: str, sort_order: int = 0, locale: str = "ja"):
        return ActivityCategory.objects.create(
            name=name, slug=slug, sort_order=sort_order, locale=locales[locale]
        )

    return make


@pytest.fixture
def community_index(home):
    from wagtail_chiiki.models import CommunityIndexPage

    index = CommunityIndexPage(
        title="地域運営組織の紹介",
        slug="chiiki",
        intro=[("paragraph", "<p>地域の課題に住民が取り組む組織です。</p>")],
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_organization(community_index):
    """Builds and publishes an organization page under the index; keyword arguments set its fields."""
    from wagtail_chiiki.models import Activity, OrganizationLink, OrganizationPage

    def make(
        title: str,
        *,
        slug: str | None = None,
        districts=(),
        activities=(),
        links=(),
        parent=None,
        publish: bool = True,
        **fields,
    ):
        fields.setdefault("summary", f"{title}の紹介です。")
        fields.setdefault("established", datetime.date(2020, 4, 1))
        page = OrganizationPage(
            title=title, slug=slug or f"org-{OrganizationPage.objects.count() + 1}", live=False, **fields
        )
        # sort_order set as the admin sets it: PostgreSQL returns rows of equal (NULL) order in any order.
        page.activities = [
            Activity(sort_order=i, category=category, title=name, description=description)
            for i, (category, name, description) in enumerate(activities)
        ]
        page.links = [
            OrganizationLink(sort_order=i, kind=kind, url=url) for i, (kind, url) in enumerate(links)
        ]
        (parent or community_index).add_child(instance=page)
        page.districts.set(districts)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def activity_index(community_index):
    """The activity list (活動一覧), published under the community index."""
    from wagtail_chiiki.models import ActivityIndexPage

    page = ActivityIndexPage(title="活動一覧", slug="activities", page_size=20)
    community_index.add_child(instance=page)
    page.save_revision().publish()
    return page


#: The seed page's five sessions (第5回 known only to the month), as (date, precision, topic).
SEED_SESSIONS = [
    (datetime.date(2024, 6, 21), "day", "地域づくりビジョンって? 他"),
    (datetime.date(2024, 7, 10), "day", "地域課題、地域活動の整理 他"),
    (datetime.date(2024, 8, 7), "day", "分野別の取組を考えよう1"),
    (datetime.date(2024, 9, 11), "day", "分野別の取組を考えよう2"),
    (datetime.date(2024, 10, 1), "month", "分野別の取組を考えよう3"),
]


@pytest.fixture
def make_series(community_index):
    """Builds and publishes a workshop series; ``sessions`` are (date, precision, topic) or dicts."""
    from wagtail_chiiki.models import WorkshopSeriesPage, WorkshopSession

    def make(
        title: str = "一箕地区まちづくりワークショップ", *, sessions=SEED_SESSIONS, parent=None, **fields
    ):
        fields.setdefault("summary", "地区の将来を話し合うワークショップです。")
        fields.setdefault("venue_name", "一箕公民館")
        fields.setdefault("usual_start", datetime.time(18, 30))
        fields.setdefault("usual_end", datetime.time(20, 0))
        slug = fields.pop("slug", None) or f"workshop-{WorkshopSeriesPage.objects.count() + 1}"
        page = WorkshopSeriesPage(title=title, slug=slug, live=False, **fields)
        # In order, as the admin numbers them: rows made in code have no sort_order of their own.
        page.sessions = [
            WorkshopSession(sort_order=i, **row)
            if isinstance(row, dict)
            else WorkshopSession(sort_order=i, date=row[0], precision=row[1], topic=row[2])
            for i, row in enumerate(sessions)
        ]
        (parent or community_index).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def workshop_index(community_index):
    """The workshop index (ワークショップ), published under the community index, 20 sessions a page."""
    from wagtail_chiiki.models import WorkshopIndexPage

    page = WorkshopIndexPage(title="ワークショップ", slug="workshops", page_size=20)
    community_index.add_child(instance=page)
    page.save_revision().publish()
    return page
