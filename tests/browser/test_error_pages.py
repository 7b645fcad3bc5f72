"""The example site's 404 page has no WCAG 2.1 A/AA violations, in Japanese and in English."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, WCAG_21_AA
from tests.browser.test_accessibility import describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(("language", "path"), [("ja", "/no-such-page/"), ("en", "/en/no-such-page/")])
def test_the_not_found_page_has_no_wcag_21_aa_violations(chromium, demo_site, language, path):
    context = chromium.new_context(base_url=demo_site.url, viewport=PHONE, reduced_motion="reduce")
    try:
        page = context.new_page()
        response = page.goto(path)
        assert response is not None and response.status == 404
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("main h1").count() == 1
        for width, viewport in {"phone": PHONE, "desktop": DESKTOP}.items():
            page.set_viewport_size(viewport)
            violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"not-found-{language}-{width}.png", full_page=True)
            assert violations == [], f"{path} at {width} width:\n" + describe(violations)
    finally:
        context.close()
