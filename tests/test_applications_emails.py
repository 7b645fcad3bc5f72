"""The applicant's emails name and link only a series page a visitor may see: the translation in the
applicant's language when it is live, public and on the series' site, else the page applied on."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from tests.applications import apply_url, resident
from wagtail_chiiki.applications import emails
from wagtail_chiiki.models import Application

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]

ENGLISH_TITLE = "Town Planning Workshop"


@pytest.fixture
def applied(client, form_series, smtp_inbox, django_capture_on_commit_callbacks):
    """A series and an application made on its Japanese page (its confirmation already received)."""
    page = form_series()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(apply_url(page), resident(page)).status_code == 302
    smtp_inbox.wait_for(1)
    return page, Application.objects.get()


def english_copy(page, locales, *, publish: bool = True):
    translation = page.copy_for_translation(locales["en"], copy_parents=True)
    translation.title = translation.draft_title = ENGLISH_TITLE
    translation.save()
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def resent(application, smtp_inbox, capture, *, language: str = "en") -> tuple[str, str, list[str]]:
    """The confirmation sent again to ``application`` as an applicant speaking ``language``: its
    subject, body and every web address in it."""
    application.language = language
    application.save()
    received = len(smtp_inbox.messages)
    with capture(execute=True):
        emails.send_confirmation(application)
    message = smtp_inbox.wait_for(received + 1)[-1]
    body = message.get_body(preferencelist=("plain",)).get_content()
    return message["Subject"], body, re.findall(r"https?://\S+", body)


def test_the_live_translation_is_named_and_linked(
    applied, locales, smtp_inbox, django_capture_on_commit_callbacks
):
    page, application = applied
    english = english_copy(page, locales)

    subject, body, links = resent(application, smtp_inbox, django_capture_on_commit_callbacks)

    english_url = english.get_full_url()
    assert english_url.startswith("http://testserver/en/")
    assert ENGLISH_TITLE in subject and ENGLISH_TITLE in body
    assert english_url in links
    (cancel,) = [link for link in links if "/apply/cancel/?token=" in link]
    assert cancel.startswith(english_url + "apply/cancel/?token=")
    assert not any(link.startswith(page.get_full_url()) for link in links)


def test_a_draft_translation_is_neither_named_nor_linked(
    applied, locales, smtp_inbox, django_capture_on_commit_callbacks
):
    page, application = applied
    english = english_copy(page, locales, publish=False)
    assert not english.live

    subject, body, links = resent(application, smtp_inbox, django_capture_on_commit_callbacks)

    assert ENGLISH_TITLE not in subject and ENGLISH_TITLE not in body
    assert page.title in subject
    assert not any("/en/" in link for link in links)
    assert page.get_full_url() in links
    assert any(link.startswith(page.get_full_url() + "apply/cancel/?token=") for link in links)


def test_a_view_restricted_translation_is_neither_named_nor_linked(
    applied, locales, smtp_inbox, django_capture_on_commit_callbacks
):
    page, application = applied
    english = english_copy(page, locales)
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)

    subject, body, links = resent(application, smtp_inbox, django_capture_on_commit_callbacks)

    assert ENGLISH_TITLE not in subject and ENGLISH_TITLE not in body
    assert not any("/en/" in link for link in links)
    assert page.get_full_url() in links


def test_a_translation_on_another_site_is_neither_named_nor_linked(
    applied, locales, smtp_inbox, django_capture_on_commit_callbacks
):
    page, application = applied
    english = english_copy(page, locales)
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Another city", slug="another-city", locale=locales["en"])
    )
    Site.objects.create(hostname="other.example.jp", port=80, root_page=other_home)
    english.move(other_home, pos="last-child")
    english.refresh_from_db()
    assert english.live and english.get_full_url().startswith("http://other.example.jp/")

    subject, body, links = resent(application, smtp_inbox, django_capture_on_commit_callbacks)

    assert ENGLISH_TITLE not in subject and ENGLISH_TITLE not in body
    assert not any("other.example.jp" in link for link in links)
    assert page.get_full_url() in links


def test_a_series_no_one_may_see_any_more_is_not_linked(
    applied, smtp_inbox, django_capture_on_commit_callbacks
):
    page, application = applied
    page.unpublish()

    _, body, links = resent(application, smtp_inbox, django_capture_on_commit_callbacks, language="ja")

    # The applicant still learns where they stand, with no link to a page they could not open.
    assert application.receipt in body
    assert "第1回" in body and "第2回" in body
    assert links == []
