"""The festival's application form in a real browser, in Japanese and English: no WCAG 2.1 A/AA
violations before and after a failed post, and the error summary takes the focus. (Applying without
JavaScript is tested through Django's test client in tests/test_applications_form.py.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, WCAG_21_AA
from tests.browser.test_accessibility import describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def check(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, viewport in {"phone": PHONE, "desktop": DESKTOP}.items():
        page.set_viewport_size(viewport)
        violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        assert violations == [], f"{name} at {width}:\n" + describe(violations)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_form_and_its_error_summary_are_accessible(visit, demo_site, language):
    path = demo_site.path("festival", language) + "apply/"
    page = visit(path).page
    assert page.locator("form.chiiki-form").count() == 1
    check(page, f"application-form-{language}")
    page.get_by_role("button", name="申し込む" if language == "ja" else "Send application").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == "chiiki-error-summary"
    links = page.locator("#chiiki-error-summary a")
    assert links.count() >= 3  # name, contact, consent (and kana in Japanese)
    links.first.click()
    assert page.evaluate("document.activeElement.id") == "id_name"
    check(page, f"application-errors-{language}")
