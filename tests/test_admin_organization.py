"""Editors in the Wagtail admin: the organization form's tabs and help text, saving an organization
with all its rows, and errors that save nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from tests.admin_forms import (
    add_page_url,
    field_errors,
    field_wrapper,
    organization_form,
    saved_rows,
    tab_labels,
)
from tests.html import parse, text
from wagtail_chiiki.models import Contact, OrganizationPage

# The organization form ------------------------------------------------------------------------


def test_organization_form_groups_its_fields_in_tabs(editor, community_index):
    doc = parse(editor.get(add_page_url(OrganizationPage, community_index)).content)

    assert tab_labels(doc) == ["Content", "Activities", "Links and contact", "Update history", "Promote"]
    # Wagtail 8 shows the Settings tab's only panel, the publishing schedule, in the status side
    # panel, and so hides the tab itself; the fields are still in the form.
    assert doc.one("input", name="go_live_at")
    assert doc.one("input", name="expire_at")


@pytest.mark.parametrize(
    ("tab", "field"),
    [
        ("tab-content", "summary"),
        ("tab-content", "legal_form"),
        ("tab-content", "legal_form_other"),
        ("tab-content", "tags"),
        ("tab-activities", "activities-TOTAL_FORMS"),
        ("tab-activities", "transport_services-TOTAL_FORMS"),
        ("tab-activities", "member_groups-TOTAL_FORMS"),
        ("tab-links_and_contact", "links-TOTAL_FORMS"),
        ("tab-links_and_contact", "contact"),
        ("tab-links_and_contact", "latitude"),
        ("tab-links_and_contact", "longitude"),
    ],
)
def test_organization_form_puts_each_field_in_its_tab(editor, community_index, tab, field):
    doc = parse(editor.get(add_page_url(OrganizationPage, community_index)).content)

    assert doc.one(id=tab).find(name=field) is not None


@pytest.mark.parametrize(
    ("field", "help_text"),
    [
        ("summary", "One sentence shown in the list of organizations."),
        ("legal_form_other", "Only when the legal form is “Other”."),
        ("tags", "Words residents might search for, e.g. bus, market, festival."),
    ],
)
def test_organization_form_explains_fields_with_help_text(editor, community_index, field, help_text):
    doc = parse(editor.get(add_page_url(OrganizationPage, community_index)).content)

    assert help_text in text(field_wrapper(doc, field))


def test_organization_form_explains_the_location(editor, community_index):
    doc = parse(editor.get(add_page_url(OrganizationPage, community_index)).content)

    assert "Both or neither." in text(doc.one(id="tab-links_and_contact"))


def test_publishing_an_organization_saves_the_page_and_all_its_rows(
    editor, community_index, make_district, make_category, locales
):
    minato = make_district("湊", "minato")
    transport = make_category("地域内交通", "transport")
    contact = Contact.objects.create(name="地域づくり課", phone="0242-39-1202", locale=locales["ja"])
    data = organization_form(
        body=streamfield(
            [
                ("heading", nested_form_data({"text": "お知らせ", "level": "h2"})),
                ("paragraph", rich_text("<p>直売所は毎週土曜日に開いています。</p>")),
            ]
        ),
        tags="バス, 直売所",
        activities=[{"category": str(transport.pk), "title": "みなとバス", "description": "地域内を運行"}],
        transport_services=[
            {"name": "みなとバス", "description": "", "url": "https://minato.example.jp/bus/"}
        ],
        member_groups=[{"name": "区長会"}],
        links=[
            {"kind": "note", "url": "https://note.com/minato", "label": ""},
            {"kind": "youtube", "url": "https://www.youtube.com/@minato", "label": ""},
        ],
        contact=str(contact.pk),
        latitude="37.494722",
        longitude="139.929722",
    )
    data["districts"] = [str(minato.pk)]

    response = editor.post(add_page_url(OrganizationPage, community_index), data)

    assert response.status_code == 302
    page = OrganizationPage.objects.get(slug="minato")
    assert page.live
    assert page.get_parent().specific == community_index
    assert page.legal_form == "npo"
    assert [d.name for d in page.districts.all()] == ["湊"]
    assert [(a.title, a.category.name) for a in page.activities.all()] == [("みなとバス", "地域内交通")]
    assert [t.url for t in page.transport_services.all()] == ["https://minato.example.jp/bus/"]
    assert [m.name for m in page.member_groups.all()] == ["区長会"]
    assert [(link.kind, link.url) for link in page.links.all()] == [
        ("note", "https://note.com/minato"),
        ("youtube", "https://www.youtube.com/@minato"),
    ]
    assert page.contact == contact
    assert (page.latitude, page.longitude) == (Decimal("37.494722"), Decimal("139.929722"))
    assert sorted(tag.name for tag in page.tags.all()) == ["バス", "直売所"]
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]


def test_other_legal_form_is_saved_with_its_name(editor, community_index):
    data = organization_form(legal_form="other", legal_form_other="合同会社")

    response = editor.post(add_page_url(OrganizationPage, community_index), data)

    assert response.status_code == 302
    assert OrganizationPage.objects.get(slug="minato").legal_form_display == "合同会社"


ORGANIZATION_ERRORS = [
    pytest.param(
        {"links": [{"kind": "website", "url": "javascript:alert(1)", "label": ""}]},
        "links-0-url",
        "Enter a valid URL.",
        id="script-link",
    ),
    pytest.param(
        {"links": [{"kind": "website", "url": "ftp://minato.example.jp/", "label": ""}]},
        "links-0-url",
        "Enter a web address starting with http:// or https://.",
        id="ftp-link",
    ),
    pytest.param(
        {"links": [{"kind": "instagram", "url": "https://www.facebook.com/minato", "label": ""}]},
        "links-0-url",
        "The address is not on Instagram: it must be on instagram.com, instagr.am. "
        "Correct it, or choose the kind that fits it.",
        id="link-of-another-kind",
    ),
    pytest.param(
        {"transport_services": [{"name": "みなとバス", "description": "", "url": "javascript:alert(1)"}]},
        "transport_services-0-url",
        "Enter a valid URL.",
        id="script-transport-url",
    ),
    pytest.param(
        {"latitude": "91", "longitude": "139.929722"},
        "latitude",
        "Latitude must be between -90 and 90.",
        id="latitude-91",
    ),
    pytest.param(
        {"latitude": "37.494722", "longitude": "181"},
        "longitude",
        "Longitude must be between -180 and 180.",
        id="longitude-181",
    ),
    pytest.param(
        {"latitude": "37.494722", "longitude": ""},
        "longitude",
        "Enter both latitude and longitude, or neither.",
        id="latitude-alone",
    ),
    pytest.param(
        {"latitude": "", "longitude": "139.929722"},
        "latitude",
        "Enter both latitude and longitude, or neither.",
        id="longitude-alone",
    ),
    pytest.param(
        {"legal_form": "other", "legal_form_other": "  "},
        "legal_form_other",
        "Name the legal form when you choose “Other”.",
        id="other-legal-form-unnamed",
    ),
]


@pytest.mark.parametrize("action", ["publish", "draft"])
@pytest.mark.parametrize(("changes", "field", "message"), ORGANIZATION_ERRORS)
def test_organization_with_bad_input_shows_the_error_and_saves_nothing(
    editor, community_index, action, changes, field, message
):
    # A valid activity and link ride along: nothing of the page may be saved half-way.
    changes = {
        "activities": [{"category": "", "title": "みなとバス", "description": ""}],
        "member_groups": [{"name": "区長会"}],
        **changes,
    }
    before = saved_rows()

    response = editor.post(
        add_page_url(OrganizationPage, community_index), organization_form(action, **changes)
    )

    assert response.status_code == 200
    assert message in field_errors(parse(response.content), field)
    assert saved_rows() == before


def test_tab_ids_are_the_same_whichever_admin_language_opens_the_form_first(
    editor, admin_user, community_index
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ja"
    profile.save()
    japanese = parse(editor.get(add_page_url(OrganizationPage, community_index)).content)
    profile.preferred_language = "en"
    profile.save()
    english = parse(editor.get(add_page_url(OrganizationPage, community_index)).content)

    expected = ["content", "activities", "links_and_contact", "update_history", "promote"]
    for doc in (japanese, english):
        assert [a["href"].removeprefix("#tab-") for a in doc.find_all("a", role="tab")] == expected
    assert tab_labels(japanese)[0] == "コンテンツ" and tab_labels(english)[0] == "Content"
