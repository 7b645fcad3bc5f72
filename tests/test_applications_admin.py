"""Staff see applications by series and session, enter phone applications through the capacity rule,
mark attendance, download CSV (UTF-8 with BOM or cp932) and export or erase one applicant."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail import hooks

from tests.applications import apply_url, resident
from tests.html import parse, text
from wagtail_chiiki.applications.permissions import HOOK, series_for_user
from wagtail_chiiki.models import Application, Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


@pytest.fixture
def staff(django_user_model):
    """Makes a user who may enter the admin and holds the named application permissions."""

    def make(*codenames: str, username: str = "staff"):
        user = django_user_model.objects.create_user(username=username, password="pw")
        group = Group.objects.create(name=f"group-{username}")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in codenames:
            group.permissions.add(Permission.objects.get(codename=codename))
        user.groups.add(group)
        return user

    return make


def applied(client, page, **overrides):
    response = client.post(apply_url(page), resident(page, **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Application.objects.order_by("pk").last()


def test_counts_against_capacity_by_session(client, admin_client, form_series):
    page = form_series(capacity=3, later_sessions_open=False)
    applied(client, page, people="2")
    applied(client, page, email="b@example.jp", people="2")  # waits: one seat left
    doc = parse(admin_client.get(reverse("chiiki_applications")).content)
    rows = [
        [text(cell) for cell in row.find_all("td")]
        for table in doc.find_all("table", class_="listing")
        for row in table.find("tbody").find_all("tr")
    ]
    assert [row[:4] for row in rows] == [["3", "2", "2", "0"], ["3", "2", "2", "0"]]
    assert "削除" in text(doc) or "deleted" in text(doc)


def test_a_phone_application_goes_through_the_same_capacity_rule(admin_client, client, form_series):
    page = form_series(capacity=2, later_sessions_open=False)
    applied(client, page, people="2")
    uids = [str(s.translation_key) for s in page.sessions.all()]
    url = reverse("chiiki_applications_add", args=[page.pk])
    refused = admin_client.post(
        url, {"name": "電話 太郎", "phone": "0242-39-1202", "people": "1", "sessions": uids[:1]}
    )
    assert refused.status_code == 200
    assert "1" in text(parse(refused.content).find(role="alert")) and Application.objects.count() == 1
    accepted = admin_client.post(
        url,
        {
            "name": "電話 太郎",
            "phone": "0242-39-1202",
            "people": "1",
            "sessions": uids[:1],
            "join_waitlist": "on",
        },
    )
    assert accepted.status_code == 302
    phone = Application.objects.get(phone="0242391202")
    assert phone.source == "staff"
    assert [r.status for r in phone.registrations.all()] == ["waitlisted"]


def test_attendance_marks_and_cancellation_promote_the_waitlist(admin_client, client, form_series):
    page = form_series(capacity=2, later_sessions_open=False)
    first = applied(client, page, people="2")
    second = applied(client, page, email="b@example.jp", people="2")
    session = page.sessions.first()
    mine = first.registrations.get(session=session)
    url = reverse("chiiki_applications_registration", args=[page.pk, mine.pk])
    admin_client.post(url, {"action": "attended"})
    mine.refresh_from_db()
    assert mine.attended is True
    admin_client.post(url, {"action": "cancel"})
    assert second.registrations.get(session=session).status == "confirmed"
    assert first.registrations.get(session=session).status == "cancelled"


def test_csv_is_utf8_with_bom_or_cp932_and_neutralises_formulas(admin_client, client, form_series):
    page = form_series()
    applied(client, page, name='=HYPERLINK("http://evil")', name_kana="やまだ", note="@SUM(A1)")
    response = admin_client.get(reverse("chiiki_applications_csv", args=[page.pk]))
    assert "no-store" in response["Cache-Control"]
    utf8 = b"".join(response.streaming_content)
    assert utf8.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(utf8.decode("utf-8-sig"))))
    assert rows[1][4] == '\'=HYPERLINK("http://evil")'
    assert rows[1][9] == "'@SUM(A1)"
    assert len(rows) == 3  # header and one row per session
    sjis = admin_client.get(reverse("chiiki_applications_csv", args=[page.pk]) + "?encoding=cp932")
    assert "shift_jis" in sjis["Content-Type"]
    assert list(csv.reader(io.StringIO(b"".join(sjis.streaming_content).decode("cp932"))))[1][5] == "やまだ"


def test_one_applicant_is_exported_and_erased(admin_client, client, form_series):
    page = form_series(capacity=2, later_sessions_open=False)
    first = applied(client, page, people="2")
    waiting = applied(client, page, email="b@example.jp", people="1")
    exported = json.loads(
        admin_client.get(reverse("chiiki_applicant", args=[first.pk]) + "?format=json").content
    )
    assert exported["name"] == "山田 花子" and len(exported["sessions"]) == 2
    admin_client.post(reverse("chiiki_applicant_erase", args=[first.pk]))
    assert not Application.objects.filter(pk=first.pk).exists()
    assert not Registration.objects.filter(application_id=first.pk).exists()
    assert set(waiting.registrations.values_list("status", flat=True)) == {"confirmed"}


def test_only_users_with_the_permission_see_applications(client, form_series, staff):
    page = form_series()
    applied(client, page)
    nobody = staff(username="nobody")
    client.force_login(nobody)
    assert client.get(reverse("chiiki_applications")).status_code in (302, 403)
    assert client.get(reverse("chiiki_applications_series", args=[page.pk])).status_code in (302, 403)
    viewer = staff("view_application", username="viewer")
    client.force_login(viewer)
    doc = parse(client.get(reverse("chiiki_applications_series", args=[page.pk])).content)
    assert "山田 花子" in text(doc)
    assert client.get(reverse("chiiki_applications_csv", args=[page.pk])).status_code in (302, 403)
    assert client.get(reverse("chiiki_applications_add", args=[page.pk])).status_code in (302, 403)


def test_the_series_hook_narrows_what_an_organization_editor_sees(client, form_series, staff):
    mine, theirs = form_series(slug="mine"), form_series(slug="theirs")
    editor = staff("view_application", username="org-editor")

    def only_mine(user, queryset):
        return queryset.filter(pk=mine.pk) if user.username == "org-editor" else queryset

    with hooks.register_temporarily(HOOK, only_mine):
        assert list(series_for_user(editor)) == [mine]
        client.force_login(editor)
        assert client.get(reverse("chiiki_applications_series", args=[theirs.pk])).status_code == 404
        assert client.get(reverse("chiiki_applications_series", args=[mine.pk])).status_code == 200
