"""Personal data stays private: never on a public page, feed, API, search or log line; deleted on time;
the form is in Japanese and English with its privacy notice."""

from __future__ import annotations

import datetime
import logging
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from tests.applications import apply_url, resident
from tests.html import parse, text
from wagtail_chiiki.models import Application, Registration, SessionTally

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]

NAME, EMAIL, PHONE, NOTE = "秘密 花子", "secret-hanako@example.jp", "0242391202", "車いすで参加します"


def test_no_public_surface_feed_api_search_or_log_shows_an_applicant(client, form_series, caplog):
    page = form_series()
    caplog.set_level(logging.DEBUG)
    client.post(apply_url(page), resident(page, name=NAME, email=EMAIL, phone=PHONE, note=NOTE))
    client.post(apply_url(page), resident(page, name=NAME, email=EMAIL, phone=PHONE, note=NOTE))  # refused
    assert Application.objects.count() == 1
    surfaces = [
        page.url,
        page.url + page.reverse_subpage("ical"),
        page.url + page.reverse_subpage("csv"),
        apply_url(page),
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=wagtail_chiiki.WorkshopSeriesPage&fields=*",
        f"/api/v2/pages/?search={NAME.split()[0]}",
    ]
    for url in surfaces:
        response = client.get(url)
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        for secret in (NAME, EMAIL, PHONE, NOTE, "hanako"):
            assert secret not in body, (url, secret)
    assert not Page.objects.live().search(NAME.split()[0])
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (NAME, EMAIL, PHONE, NOTE):
        assert secret not in logged


def test_form_pages_are_never_cached_and_not_indexed(client, form_series):
    page = form_series()
    response = client.get(apply_url(page))
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert parse(response.content).find("meta", name="robots")["content"] == "noindex"


def test_the_form_links_to_the_privacy_policy_chosen_in_settings(client, form_series, settings):
    settings.WAGTAIL_CHIIKI = {"APPLICATION_PRIVACY_POLICY": "/privacy/", "APPLICATION_RETENTION_DAYS": 60}
    page = form_series()
    doc = parse(client.get(apply_url(page)).content)
    notice = doc.find(id="chiiki-privacy-notice")
    assert notice.find("a", href="/privacy/") is not None
    assert "60" in text(notice)


def test_the_form_speaks_english_on_the_english_page(client, form_series, locales):
    source = form_series()
    english = source.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    english.refresh_from_db()
    doc = parse(client.get(apply_url(english)).content)
    labels = [text(label) for label in doc.find_all("label")]
    assert any(label.startswith("Name") for label in labels)
    assert "Send application" in text(doc)
    # Kana is asked for, not required, on the English form; the seat is the source session's.
    response = client.post(apply_url(english), resident(english, name_kana=""))
    assert response.status_code == 302
    registration = Registration.objects.first()
    assert registration.session.page_id == source.pk
    assert Application.objects.get().language == "en"


def test_the_error_summary_takes_the_focus(client, form_series):
    page = form_series()
    response = client.post(apply_url(page), resident(page, name=""))
    doc = parse(response.content)
    assert doc.find(id="chiiki-error-summary")["role"] == "alert"
    assert 'getElementById("chiiki-error-summary").focus()' in response.content.decode()
    assert text(doc.find("title")).startswith("エラー") or text(doc.find("title")).startswith("Error")


def test_the_daily_command_reduces_old_applications_to_counts(client, form_series):
    today = datetime.date.today()
    page = form_series(sessions=[(today + datetime.timedelta(days=3), "day", "一回")])
    client.post(apply_url(page), resident(page, people="3"))
    session = page.sessions.get()
    call_command("chiiki_purge_applications", today=today + datetime.timedelta(days=92))
    assert Application.objects.count() == 1  # 3 + 90 days: kept until the 93rd day
    call_command("chiiki_purge_applications", today=today + datetime.timedelta(days=93))
    assert Application.objects.count() == 0 and Registration.objects.count() == 0
    tally = SessionTally.objects.get(session=session)
    assert (tally.applications, tally.people) == (1, 3)


def test_the_cancel_link_stops_working_when_the_session_has_started(
    client, form_series, smtp_inbox, django_capture_on_commit_callbacks, monkeypatch
):

    page = form_series()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url(page), resident(page))
    body = smtp_inbox.wait_for(1)[0].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"http://testserver(\S+/apply/cancel/\?token=\S+)", body).group(1)
    later = timezone.now() + datetime.timedelta(days=3 * 366)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.post(link)
    assert response.status_code == 200
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed"}
