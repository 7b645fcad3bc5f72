"""The festival's application form in a real browser, in Japanese and English: no WCAG 2.1 A/AA
violations before and after a failed post, the error summary takes the focus, and a resident
without JavaScript applies and is told their waitlist position (the demo festival is full)."""

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


def test_a_resident_without_javascript_applies_and_waits(visit, demo_site):
    page = visit(demo_site.path("festival", "en") + "apply/", java_script_enabled=False).page
    page.locator("#id_name").fill("Browser Resident")
    page.locator("#id_email").fill("browser@example.jp")
    page.locator("#id_people").fill("2")
    page.get_by_label("I agree to the handling of my personal data described above.").check()
    page.get_by_role("button", name="Send application").click()
    page.wait_for_load_state()
    assert page.locator(".chiiki-receipt").inner_text().strip()
    status = page.locator(".chiiki-application__status").inner_text()
    assert "Waitlisted" in status and "number 2 on the waitlist" in status
    check(page, "application-received-en")
