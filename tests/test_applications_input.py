"""Bad input to the application form: a clear message tied to its field, nothing saved, never a 500."""

from __future__ import annotations

import datetime

import pytest

from tests.applications import apply_url, resident
from tests.html import parse, text
from wagtail_chiiki.models import Application, Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def summary_links(response) -> dict[str, str]:
    """The error summary's links: target id → text."""
    summary = parse(response.content).find(id="chiiki-error-summary")
    assert summary is not None and summary["tabindex"] == "-1"
    return {link["href"].lstrip("#"): text(link) for link in summary.find_all("a")}


def assert_nothing_saved():
    assert Application.objects.count() == 0
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "target"),
    [
        ("name", "", "id_name"),
        ("name", "あ" * 5000, "id_name"),
        ("name", "\x00<script>", "id_name"),
        ("name_kana", "Yamada", "id_name_kana"),
        ("email", "not an email", "id_email"),
        ("email", "a@" + "b" * 300 + ".jp", "id_email"),
        ("phone", "=1+1", "id_phone"),
        ("people", "", "id_people"),
        ("people", "abc", "id_people"),
        ("people", "0", "id_people"),
        ("people", "-3", "id_people"),
        ("people", "99999999999999999999", "id_people"),
        ("people", "1.5", "id_people"),
        ("sessions", [], "id_sessions_0"),
        ("sessions", ["00000000-0000-0000-0000-000000000000"], "id_sessions_0"),
        ("sessions", ["1 OR 1=1"], "id_sessions_0"),
        ("note", "x" * 1001, "id_note"),
        ("consent", None, "id_consent"),
    ],
)
def test_bad_input_is_refused_with_its_field_named(client, form_series, field, value, target):
    page = form_series()
    response = client.post(apply_url(page), resident(page, **{field: value}))
    assert response.status_code == 400
    assert target in summary_links(response)
    field_input = parse(response.content).find(id=target)
    assert field_input is not None
    assert_nothing_saved()


def test_every_field_empty_lists_every_required_field(client, form_series):
    page = form_series()
    response = client.post(apply_url(page), {})
    assert response.status_code == 400
    assert {"id_name", "id_name_kana", "id_people", "id_sessions_0", "id_consent", "id_email"} <= set(
        summary_links(response)
    )
    assert parse(response.content).find(id="id_name")["aria-invalid"] == "true"
    assert_nothing_saved()


def test_neither_email_nor_phone_is_refused(client, form_series):
    page = form_series()
    response = client.post(apply_url(page), resident(page, email="", phone=""))
    assert "id_email" in summary_links(response)
    assert_nothing_saved()


def test_more_people_than_seats_left_says_how_many_are_left(client, form_series):
    page = form_series(capacity=3)
    response = client.post(apply_url(page), resident(page, people="4", join_waitlist=None))
    assert response.status_code == 409
    assert "3" in summary_links(response)["id_people"]
    assert_nothing_saved()


def test_a_full_session_puts_the_resident_on_the_waitlist_with_a_position(client, form_series):
    page = form_series(capacity=2, later_sessions_open=False)
    client.post(apply_url(page), resident(page, people="2"))
    response = client.post(apply_url(page), resident(page, email="b@example.jp", people="1"), follow=True)
    cells = [text(cell) for cell in parse(response.content).find_all("td")]
    assert cells and all("1" in cell for cell in cells)  # number 1 on the waitlist of each session
    assert set(Registration.objects.filter(waitlist_number=1).values_list("status", flat=True)) == {
        "waitlisted"
    }


def test_the_same_person_twice_gets_one_application(client, form_series):
    page = form_series()
    client.post(apply_url(page), resident(page))
    again = client.post(apply_url(page), resident(page, email="HANAKO@example.jp", name="別名"))
    assert again.status_code == 409
    assert Application.objects.count() == 1


def test_a_post_after_the_deadline_is_refused(client, form_series):
    page = form_series(
        application_deadline=datetime.date.today() - datetime.timedelta(days=1), later_sessions_open=False
    )
    response = client.post(apply_url(page), resident(page))
    assert response.status_code == 400
    assert "id_sessions_0" in summary_links(response)
    assert_nothing_saved()


def test_later_sessions_stay_open_after_the_deadline_when_the_series_says_so(client, form_series):
    today = datetime.date.today()
    page = form_series(
        sessions=[
            (today + datetime.timedelta(days=1), "day", "第1回"),
            (today + datetime.timedelta(days=30), "day", "第2回"),
        ],
        application_deadline=today - datetime.timedelta(days=1),
        later_sessions_open=True,
    )
    first, second = [str(s.translation_key) for s in page.sessions.all()]
    assert client.post(apply_url(page), resident(page, sessions=[first])).status_code == 400
    assert client.post(apply_url(page), resident(page, sessions=[second])).status_code == 302
    assert Registration.objects.get().session.translation_key.hex == second.replace("-", "")


def test_a_started_session_takes_no_applications(client, form_series):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    page = form_series(sessions=[(yesterday, "day", "済")])
    response = client.get(apply_url(page))
    assert "id_name" not in {el.get("id") for el in parse(response.content).find_all("input")}


def test_the_honeypot_keeps_bots_out(client, form_series):
    page = form_series()
    response = client.post(apply_url(page), resident(page, website="http://spam.example"))
    assert response.status_code == 400
    assert_nothing_saved()


def test_too_many_posts_from_one_client_are_refused(client, form_series, settings):
    settings.WAGTAIL_CHIIKI = {"APPLICATION_RATE_LIMIT": 2}
    page = form_series()
    statuses = [
        client.post(apply_url(page), resident(page, email=f"r{i}@example.jp")).status_code for i in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Application.objects.count() == 2


def test_a_tampered_or_foreign_token_is_refused(client, form_series):
    page = form_series()
    response = client.post(apply_url(page), resident(page))
    token = response["Location"].split("token=")[1]
    cancel = page.url + page.reverse_subpage("cancel")
    for bad in ("", "x", token[:-2] + "AA", "' OR 1=1 --", "%00" * 300):
        assert client.get(cancel + "?token=" + bad).status_code == 404
        assert client.post(cancel + "?token=" + bad).status_code == 404
    # The receipt page's token does not cancel.
    assert client.post(cancel + "?token=" + token).status_code == 404
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed"}


def test_a_page_not_taking_applications_has_no_form(client, make_series):
    page = make_series(application_method="url", application_value="https://example.jp/apply")
    assert client.get(apply_url(page)).status_code == 404
