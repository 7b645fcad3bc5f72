"""Script payloads in every text and address an editor or translator can fill, rendered in Chromium:
nothing runs.

Payloads go in through the admin's forms (pages, snippets, blocks), through wagtail-localize's
translation editor (strings and an override of a synchronized address) and through a PO upload;
blocks an admin form cannot fill in one post (lists of links, social links) are stored as an
importer would. Every page that shows them is opened with a listener on ``alert``/``confirm``/
``prompt``; map markers are clicked so their popups render. No dialog may open and no link may
have another scheme than http, https, mailto or tel.
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    Translation,
    TranslationSource,
)

from example_site.demo.english import save_target
from tests.admin_forms import organization_form
from tests.test_workshop_admin import series_form, session
from wagtail_chiiki.models import (
    ActivityCategory,
    CommunityIndexPage,
    Contact,
    District,
    OrganizationPage,
    WorkshopIndexPage,
    WorkshopSeriesPage,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAYLOADS = [
    "<img src=x onerror=alert('img')>",
    '"><svg onload=alert("svg")>',
    "</script><script>alert('script')</script>",
    "javascript:alert('href')",
]
SCRIPT_URL = "javascript:alert('url')"


def payload(number: int) -> str:
    return PAYLOADS[number % len(PAYLOADS)]


def typed_rich_text(text: str) -> str:
    """A rich text field's form value after an editor typed ``text`` into it (the editor escapes it)."""
    return rich_text(f"<p>{html.escape(text)}</p>")


class Tally:
    """How many payloads went in, and where."""

    def __init__(self):
        self.placed: dict[str, int] = {}

    def add(self, where: str, count: int = 1) -> None:
        self.placed[where] = self.placed.get(where, 0) + count

    @property
    def total(self) -> int:
        return sum(self.placed.values())


def admin_client() -> Client:
    user = get_user_model().objects.create_superuser("injector", "injector@example.jp", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, url: str, data: dict, *, refused: bool = False) -> None:
    response = client.post(url, data)
    if refused:
        assert response.status_code == 200, f"{url} accepted a script address"
        assert "javascript" not in json.dumps([str(m) for m in response.context.get("messages", [])])
    else:
        assert response.status_code == 302, (url, response.content.decode()[:2000])


@pytest.fixture(scope="module")
def injected(demo_site, django_db_blocker):
    """Pages, snippets and translations full of payloads, committed so that the live server reads
    them (a test's own transaction would lock it out); the paths to open. Removed afterwards."""
    with django_db_blocker.unblock():
        made = _inject(demo_site)
    yield made[0], made[1]
    with django_db_blocker.unblock():
        _remove(made[2])


def _inject(demo_site):
    tally = Tally()
    client = admin_client()
    ja = Locale.objects.get(language_code="ja")
    en = Locale.objects.get(language_code="en")
    index = CommunityIndexPage.objects.get(locale=ja, slug="chiiki")
    workshops = WorkshopIndexPage.objects.get(locale=ja, slug="workshops")

    # Snippets, through their admin forms: a script address is refused, then texts are accepted.
    contact_url = reverse("wagtailsnippets_wagtail_chiiki_contact:add")
    contact = {
        "name": payload(0),
        "department": payload(1),
        "postal_code": "965-8601",
        "address": payload(2),
        "phone": "0242-39-1202",
        "phone_note": payload(3),
        "fax": "",
        "email": "",
        "hours": payload(0),
    }
    post(client, contact_url, {**contact, "form_url": SCRIPT_URL}, refused=True)
    post(client, contact_url, {**contact, "form_url": "https://example.jp/form"})
    tally.add("admin: contact", 6)
    post(
        client,
        reverse("wagtailsnippets_wagtail_chiiki_district:add"),
        {"name": payload(1), "slug": "injection-district", "sort_order": "0", "area": ""},
    )
    post(
        client,
        reverse("wagtailsnippets_wagtail_chiiki_activitycategory:add"),
        {"name": payload(2), "slug": "injection-category", "sort_order": "0", "description": payload(3)},
    )
    tally.add("admin: district and category", 3)
    contact_pk = Contact.objects.get(name=payload(0)).pk
    category_pk = ActivityCategory.objects.get(slug="injection-category").pk

    # An organization page through the admin: every text field and the blocks of one post.
    add_organization = reverse(
        "wagtailadmin_pages:add", args=("wagtail_chiiki", "organizationpage", index.pk)
    )
    fields = {
        "title": payload(0),
        "slug": "injection-organization",
        "summary": payload(1),
        "legal_form": "other",
        "legal_form_other": payload(2),
        "latitude": "37.4950",
        "longitude": "139.9300",
        "contact": str(contact_pk),
        "tags": payload(3).replace(",", " "),
        "seo_title": payload(0),
        "search_description": payload(1),
        "activities": [{"category": str(category_pk), "title": payload(2), "description": payload(3)}],
        "member_groups": [{"name": payload(0)}],
        "body": streamfield(
            [
                ("heading", {"text": payload(1), "level": "h2"}),
                ("paragraph", typed_rich_text(payload(2))),
                (
                    "notice",
                    {
                        "title": payload(3),
                        "body": typed_rich_text(payload(0)),
                        "starts": "",
                        "ends": "",
                        "link": {"text": payload(1), "page": "", "url": "https://example.jp/notice"},
                    },
                ),
            ]
        ),
    }
    bad_links = [{"kind": "website", "url": SCRIPT_URL, "label": payload(2)}]
    bad_services = [{"name": payload(3), "description": payload(0), "url": SCRIPT_URL}]
    post(client, add_organization, organization_form(**fields, links=bad_links), refused=True)
    post(client, add_organization, organization_form(**fields, transport_services=bad_services), refused=True)
    post(
        client,
        add_organization,
        organization_form(
            **fields,
            links=[{"kind": "website", "url": "https://example.jp/", "label": payload(2)}],
            transport_services=[
                {"name": payload(3), "description": payload(0), "url": "https://example.jp/bus"}
            ],
        ),
    )
    tally.add("admin: organization page", 19)
    organization = OrganizationPage.objects.get(slug="injection-organization")

    # Blocks an admin post cannot fill in one go, stored as an importer would.
    organization.body = [
        *[(block.block_type, block.value) for block in organization.body],
        (
            "links",
            {
                "heading": payload(0),
                "links": [
                    {"text": payload(1), "page": None, "url": SCRIPT_URL},
                    {"text": payload(2), "page": None, "url": "https://example.jp/a"},
                ],
            },
        ),
        (
            "social_links",
            {"owner": payload(3), "links": [{"kind": "x", "url": SCRIPT_URL, "label": payload(0)}]},
        ),
        ("paragraph", f'<p><a href="{SCRIPT_URL}">{html.escape(payload(1))}</a></p>'),
    ]
    organization.save_revision().publish()
    tally.add("stored: link list, social links, rich text", 8)

    # A workshop series through the admin.
    add_series = reverse(
        "wagtailadmin_pages:add", args=("wagtail_chiiki", "workshopseriespage", workshops.pk)
    )
    series_fields = {
        "title": payload(1),
        "slug": "injection-series",
        "summary": payload(2),
        "title_kana": "",
        "purpose": typed_rich_text(payload(3)),
        "organizer": str(organization.pk),
        "organizer_name": payload(0),
        "venue_name": payload(1),
        "venue_address": payload(2),
        "access": payload(3),
        "audience": payload(0),
        "fee_note": payload(1),
        "contact": str(contact_pk),
        "application_deadline": "",
        "sessions": [
            session(date="2030-06-21", topic=payload(2), note=payload(3)),
            session(
                date="2030-07-10",
                topic=payload(0),
                note=payload(1),
                venue_name=payload(2),
                venue_address=payload(3),
            ),
        ],
        "update_history": streamfield([("update", {"date": "2024-06-01", "description": payload(0)})]),
    }
    post(client, add_series, series_form(**series_fields, application_value=SCRIPT_URL), refused=True)
    post(client, add_series, series_form(**series_fields, application_value="https://example.jp/apply"))
    tally.add("admin: workshop series", 16)
    series = WorkshopSeriesPage.objects.get(slug="injection-series")

    # The snippets in English through wagtail-localize's PO import, every entry a payload.
    for snippet in (
        Contact.objects.get(pk=contact_pk),
        ActivityCategory.objects.get(pk=category_pk),
        District.objects.get(slug="injection-district"),
    ):
        source, _ = TranslationSource.get_or_create_from_instance(snippet)
        translation = Translation.objects.create(source=source, target_locale=en)
        po = translation.export_po()
        for number, entry in enumerate(po):
            entry.msgstr = html.escape(payload(number + 1))
        assert translation.import_po(po) == []
        translation.save_target(publish=True)
        tally.add("PO import: snippets", len(po))

    # The organization in English through a PO upload, every entry a payload but the slug.
    source, _ = TranslationSource.get_or_create_from_instance(organization)
    translation = Translation.objects.create(source=source, target_locale=en)
    save_target(translation)  # as "Translate this page" does: the English page exists before its PO file
    po = translation.export_po()
    # Texts in a PO file are HTML fragments: a translator's "<img …>" is written escaped; raw markup
    # other than <a id> is refused whole (tests/test_translation_po_upload.py).
    for number, entry in enumerate(po):
        entry.msgstr = (
            "injection-organization-en" if entry.msgctxt == "slug" else html.escape(payload(number))
        )
    tally.add("PO upload", len(po) - 1)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("organization.po", str(po).encode()), "next": "/admin/"},
        follow=True,
    )
    assert any("imported" in str(m) for m in response.context["messages"]), response.context["messages"]
    # The translator overrides the notice's address: a script address is refused …
    segment = next(
        s
        for s in OverridableSegment.objects.filter(source=source)
        if json.loads(s.data_json).startswith("https://")
    )
    override = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    refused = client.put(
        override, data=urlencode({"value": SCRIPT_URL}), content_type="application/x-www-form-urlencoded"
    )
    assert refused.status_code == 400
    # … and one saved behind the editor's back must still not become a link.
    SegmentOverride.objects.create(locale=en, context=segment.context, data_json=json.dumps(SCRIPT_URL))
    tally.add("translation editor: overrides", 2)
    save_target(translation)

    # The series in English through the translation editor's string API.
    source, _ = TranslationSource.get_or_create_from_instance(series)
    translation = Translation.objects.create(source=source, target_locale=en)
    save_target(translation)
    for number, string_segment in enumerate(StringSegment.objects.filter(source=source)):
        value = "injection-series-en" if string_segment.context.path == "slug" else payload(number)
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, string_segment.pk]),
            data=urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201)
        tally.add("translation editor: strings")
    save_target(translation)

    english = {page.pk: page.get_translation(en) for page in (organization, series)}
    paths = [
        organization.url,
        english[organization.pk].url,
        series.url,
        english[series.pk].url,
        index.url,
        index.get_translation(en).url,
        index.url + "map/",
        index.url + f"?category=injection-category&q={payload(0)}",
        demo_site.path("activities", "ja"),
        demo_site.path("activities", "en"),
        demo_site.path("activities", "ja")
        + "?"
        + urlencode({"q": payload(1), "category": "injection-category"}),
        workshops.url,
        demo_site.path("workshops", "en"),
        demo_site.path("support", "ja"),
    ]
    made = [organization.pk, series.pk, *[page.pk for page in english.values()]]
    return tally, paths, made


def _remove(page_ids: list[int]) -> None:
    for page in Page.objects.filter(pk__in=page_ids).order_by("-depth"):
        page.delete()
    District.objects.filter(slug="injection-district").delete()
    ActivityCategory.objects.filter(slug="injection-category").delete()
    Contact.objects.filter(
        translation_key__in=Contact.objects.filter(name=payload(0)).values("translation_key")
    ).delete()
    get_user_model().objects.filter(username="injector").delete()


def test_no_payload_runs_in_any_page_that_shows_it(chromium, demo_site, injected):
    tally, paths = injected
    dialogs: list[str] = []
    unsafe_links: list[str] = []
    context = chromium.new_context(base_url=demo_site.url)
    context.set_default_timeout(10_000)
    try:
        for path in paths:
            page = context.new_page()
            page.on(
                "dialog",
                lambda dialog, path=path: (dialogs.append(f"{path}: {dialog.message}"), dialog.dismiss()),
            )
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            if path.endswith("map/"):
                page.locator(".chiiki-map-marker").first.wait_for()
                for marker in page.locator(".chiiki-map-marker").all():
                    marker.click(force=True)
            page.wait_for_timeout(200)
            unsafe_links += [
                f"{path}: {href}"
                for href in page.eval_on_selector_all(
                    "a[href]",
                    "links => links.filter(a => !['http:', 'https:', 'mailto:', 'tel:'].includes(a.protocol))"
                    ".map(a => a.getAttribute('href'))",
                )
            ]
            page.close()
    finally:
        context.close()
    placed = f"{tally.total} payloads placed {tally.placed}; {len(paths)} pages opened"
    assert dialogs == [], (placed, dialogs)
    assert unsafe_links == [], placed
