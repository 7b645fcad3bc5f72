"""A resident applies on the series page: receipt, confirmation page, email with calendar and cancel link."""

from __future__ import annotations

import re

import icalendar
import pytest

from tests.applications import apply_url, resident
from tests.html import parse, text
from wagtail_chiiki.models import Application, Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def test_the_series_page_links_to_its_form(client, form_series):
    page = form_series()
    doc = parse(client.get(page.url).content)
    assert doc.find("a", href=apply_url(page)) is not None


def test_a_resident_applies_and_gets_a_receipt_and_an_email(
    client, form_series, smtp_inbox, django_capture_on_commit_callbacks
):
    page = form_series()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(page), resident(page))
    assert response.status_code == 302
    application = Application.objects.get()
    assert re.fullmatch(r"[A-Z2-9]{8}", application.receipt)
    assert [r.status for r in application.registrations.all()] == ["confirmed", "confirmed"]
    done = parse(client.get(response["Location"]).content)
    assert application.receipt in text(done.find(class_="chiiki-receipt"))
    assert "山田" not in text(done)  # the receipt page names no one

    (message,) = smtp_inbox.wait_for(1)
    assert message["To"] == "hanako@example.jp"
    assert application.receipt in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "山田 花子" in body
    cancel = re.search(r"http://testserver\S+/apply/cancel/\?token=\S+", body).group(0)
    (attachment,) = list(message.iter_attachments())
    calendar = icalendar.Calendar.from_ical(attachment.get_payload(decode=True))
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert {str(e["uid"]) for e in events} == {
        f"{s.translation_key}@wagtail-chiiki" for s in page.sessions.all()
    }

    page_after_cancel = parse(client.post(cancel.replace("http://testserver", "")).content)
    assert "cancelled" in text(page_after_cancel).lower() or "取り消" in text(page_after_cancel)
    assert set(Registration.objects.values_list("status", flat=True)) == {"cancelled"}
