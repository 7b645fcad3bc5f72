"""Every page type of the demo site, in Japanese and in English, has no WCAG 2.1 A/AA violations.

axe-core runs at phone and desktop widths; each page is also saved as a full-page screenshot in
``tests/artifacts/screenshots/`` for people to look at (axe finds only part of the problems).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, WCAG_21_AA, unexpected

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# name: (page key, query string, what must be on the page for it to be the page meant)
PAGES = {
    "home": ("home", "", ".chiiki-link-list a"),
    "index": ("index", "", ".chiiki-card-list .chiiki-card"),
    "organization-most-content": ("minato", "", ".chiiki-notice .chiiki-status"),
    "organization-document": ("ichiki", "", ".chiiki-document-link"),
    "index-filtered": ("index", "?district=minato", ".chiiki-card-list .chiiki-card"),
    "index-no-results": ("index", "?district=ichiki&category=transport", ".chiiki-empty"),
    "index-unknown-filter": ("index", "?district=nowhere", ".chiiki-field-error"),
    "activities": ("activities", "", ".chiiki-activity-list .chiiki-activity-item"),
    "activities-filtered": (
        "activities",
        "?category=transport&district=minato",
        ".chiiki-activity-item .chiiki-badge",
    ),
    "activities-page-2": ("activities", "?sort=newest&page=2", ".chiiki-pagination [aria-current=page]"),
    "activities-no-results": ("activities", "?q=該当なし&category=nowhere", ".chiiki-empty"),
    "support-stages": ("support", "", ".chiiki-step .chiiki-stage__organizations a"),
    "index-stage-filter": ("index", "?stage=1", ".chiiki-badge--stage"),
    "map": ("index", "map/", ".chiiki-map-list__item"),
    "workshop-series": ("workshop", "", ".chiiki-sessions .chiiki-session--past"),
    "workshop-one-session": ("festival", "", ".chiiki-session--next"),
    "workshops-upcoming": ("workshops", "", ".chiiki-sessions--upcoming .chiiki-session"),
}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_wcag_21_aa_violations(visit, demo_site, name, language):
    key, query, landmark = PAGES[name]
    path = demo_site.path(key, language) + query
    opened = visit(path, viewport=PHONE)
    page = opened.page
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(landmark).count() > 0, f"{path}: nothing matches {landmark}"

    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
        _load_lazy_images(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{width}.png", full_page=True)

        assert violations == [], f"{path} at {width} width:\n" + describe(violations)
        assert _horizontal_overflow(page) == 0, f"{path} scrolls sideways at {width} width"
    assert unexpected(opened.problems) == [], path


def test_site_and_package_stylesheets_are_applied(visit, demo_site):
    """The live server serves both stylesheets: the layout and the chiiki styles take effect."""
    path = demo_site.path("index", "ja")
    page = visit(path, viewport=DESKTOP).page

    def style(selector: str, prop: str) -> str:
        return page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")

    assert "Hiragino Sans" in style("body", "fontFamily")
    assert style(".site-header", "backgroundColor") == "rgb(11, 94, 60)"
    assert style(".chiiki-page-title", "borderBottomStyle") == "solid"
    assert style(".chiiki", "lineHeight") == f"{float(style('.chiiki', 'fontSize')[:-2]) * 1.8:g}px"
    assert len(style(".chiiki-card-list", "gridTemplateColumns").split()) == 3

    page.set_viewport_size(PHONE)
    assert len(style(".chiiki-card-list", "gridTemplateColumns").split()) == 1


def describe(violations: list[dict]) -> str:
    """One line per violation (id, impact, help) and one per element it was found on."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {node['target']}: {node.get('failureSummary', '')!r}" for node in violation["nodes"]
        )
    return "\n".join(lines)


def _load_lazy_images(page) -> None:
    """Lazy images below the fold would be blank in a full-page screenshot: load them all first."""
    page.evaluate(
        """() => Promise.all([...document.images].map((img) => {
            img.loading = "eager";
            return img.complete || new Promise((done) => { img.onload = img.onerror = done; });
        }))"""
    )


def _horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
