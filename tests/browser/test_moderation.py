"""Moderation in a browser: an organization's editor changes an activity and submits it, a city editor
approves it from the dashboard, the public page shows it, and the workflow emails went out through a
real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import Browser, expect

from example_site.demo import content
from tests.browser.conftest import DESKTOP, SCREENSHOTS, DemoSite

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEW_TITLE = "みなとバスの運行(土曜日も運行)"


@dataclass
class Inbox:
    """What the SMTP server received, as parsed messages."""

    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def to(self, address: str) -> list:
        return [message for recipients, message in self.messages if address in recipients]

    def wait_for(self, address: str, count: int = 1, timeout: float = 10.0) -> list:
        deadline = time.monotonic() + timeout
        while len(self.to(address)) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.to(address)


class FreePortController(Controller):
    """aiosmtpd's server on a port the system chooses (port 0), read back once it listens."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@pytest.fixture
def smtp(settings) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = FreePortController(inbox, hostname="127.0.0.1", port=0)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        yield inbox
    finally:
        controller.stop()


def admin_page(chromium: Browser, demo_site: DemoSite, username: str):
    context = chromium.new_context(base_url=demo_site.url, viewport=DESKTOP, locale="ja-JP")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", username)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return context, page


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_an_organization_edits_and_submits_the_city_approves_and_the_page_shows_it(chromium, demo_site, smtp):
    # No queries here: on SQLite a read in the test's transaction would lock the tables the server
    # writes to. The page is found through the admin, its title in the demo's content.
    title = next(spec["title"] for spec in content.ORGANIZATIONS if spec["slug"] == "minato")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # The organization's editor: their dashboard panel, then the activities tab of their page.
    context, page = admin_page(chromium, demo_site, "minato")
    panel = page.locator(".chiiki-organization-panel")
    expect(panel).to_contain_text(title)
    expect(panel).to_contain_text("公開中")
    page.screenshot(path=SCREENSHOTS / "moderation-editor-dashboard-ja.png", full_page=True)
    panel.get_by_role("link", name="編集").first.click()
    page.wait_for_url("**/admin/pages/*/edit/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    page.locator('a[href="#tab-activities"]').click()
    page.locator('input[name="activities-0-title"]').fill(NEW_TITLE)
    page.locator('a[href="#tab-content"]').click()
    expect(page.locator(".chiiki-city-rows")).to_be_visible()  # the stage history, read-only
    page.screenshot(path=SCREENSHOTS / "moderation-editor-form-ja.png", full_page=True)
    page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    page.locator('button[name="action-submit"]').click()
    page.wait_for_url("**/admin/**")
    expect(page.locator(".messages")).to_contain_text(title)

    submitted = smtp.wait_for("city@example.jp")
    assert len(submitted) == 1 and title in submitted[0]["Subject"]
    assert title in body(submitted[0])
    context.close()

    # The city editor: the task on the dashboard, approved there.
    context, page = admin_page(chromium, demo_site, "city")
    page.screenshot(path=SCREENSHOTS / "moderation-city-dashboard-ja.png", full_page=True)
    review = page.locator("section", has=page.get_by_role("heading", name="あなたのレビューの待機中"))
    row = review.locator("tr", has_text=title)
    expect(row).to_be_visible()
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.get_by_role("button", name="承認", exact=True).click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("tr", has_text=title)).to_have_count(0)
    context.close()

    # Readers see the change; the editor was told.
    reader = chromium.new_context(base_url=demo_site.url, viewport=DESKTOP)
    public = reader.new_page()
    public.goto(demo_site.path("minato", "ja"))
    expect(public.locator("main")).to_contain_text(NEW_TITLE)
    reader.close()

    approved = smtp.wait_for("minato@example.jp")
    assert len(approved) == 1 and title in approved[0]["Subject"]
    assert "承認" in approved[0]["Subject"] + body(approved[0])
