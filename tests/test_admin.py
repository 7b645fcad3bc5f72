"""Editors in the Wagtail admin: tabs and help text, saving an organization, errors that save nothing."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from tests.html import parse, text
from wagtail_chiiki.models import (
    Activity,
    ActivityIndexPage,
    CommunityIndexPage,
    Contact,
    MemberGroup,
    OrganizationLink,
    OrganizationPage,
    TransportService,
)


@pytest.fixture
def editor(admin_client, admin_user):
    """A superuser's admin session in English, so that tests read the admin's own words."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def add_page_url(model, parent) -> str:
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def organization_form(action: str = "publish", **changes) -> dict:
    """The add form of an organization as the admin posts it; keyword arguments replace fields."""
    fields = {
        "title": "NPO法人みんなと湊まちづくりネットワーク",
        "slug": "minato",
        "summary": "地域内交通や直売所の運営、救命救急教室の開催などを行っています。",
        "legal_form": "npo",
        "legal_form_other": "",
        "established": "2019-04-01",
        "thumbnail": "",
        "body": streamfield([]),
        "tags": "",
        "activities": [],
        "transport_services": [],
        "member_groups": [],
        "links": [],
        "stage_history": [],
        "contact": "",
        "latitude": "",
        "longitude": "",
        "update_history": streamfield([]),
        "seo_title": "",
        "search_description": "",
        **changes,
    }
    for formset in ("activities", "transport_services", "member_groups", "links", "stage_history"):
        fields[formset] = inline_formset(fields[formset])
    data = nested_form_data(fields)
    if action == "publish":
        data["action-publish"] = "action-publish"
    return data


def field_wrapper(doc, name: str):
    """The admin's wrapper around the form field called ``name``: its label, help text and errors."""
    wrapper = doc.one(name=name)
    while wrapper is not None and "w-field" not in wrapper.classes:
        wrapper = wrapper.parent
    assert wrapper is not None, f"{name} is not inside a Wagtail field wrapper"
    return wrapper


def field_errors(doc, name: str) -> list[str]:
    """The error messages the admin shows beside the form field called ``name``."""
    return [text(error) for error in field_wrapper(doc, name).find_all(class_="error-message")]


def tab_labels(doc) -> list[str]:
    # A tab holds its label and a hidden error counter: the label is the tab's own text.
    return [
        " ".join(child.strip() for child in tab.children if isinstance(child, str)).strip()
        for tab in doc.find_all("a", role="tab")
    ]


def saved_rows() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (OrganizationPage, Activity, TransportService, MemberGroup, OrganizationLink, Contact)
    }


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


# The contact snippet --------------------------------------------------------------------------


def contact_add_url() -> str:
    return reverse("wagtailsnippets_wagtail_chiiki_contact:add")


def contact_form(**changes) -> dict:
    return {
        "name": "会津若松市役所",
        "department": "地域づくり課",
        "postal_code": "965-8601",
        "address": "福島県会津若松市東栄町3-46",
        "phone": "0242-39-1202",
        "phone_note": "直通",
        "fax": "0242-39-1403",
        "email": "chiiki@city.example.jp",
        "form_url": "",
        "hours": "平日8時30分から17時15分",
        **changes,
    }


def test_contact_is_saved_with_its_phone_number_in_ascii(editor, locales):
    response = editor.post(contact_add_url(), contact_form(phone="０２４２−３９−１２０２"))

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.phone == "0242-39-1202"
    assert contact.phone_uri == "tel:0242391202"
    assert contact.locale.language_code == "ja"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "Enter a phone number such as 0242-39-1202 (10 or 11 digits, starting with 0)."),
        (
            "phone",
            "0242-39-1202 内線123",
            "Enter a phone number such as 0242-39-1202 (10 or 11 digits, starting with 0).",
        ),
        (
            "fax",
            "fax-number",
            "Enter a phone number such as 0242-39-1202 (10 or 11 digits, starting with 0).",
        ),
        ("email", "chiiki@", "Enter a valid email address."),
        ("form_url", "javascript:alert(1)", "Enter a valid URL."),
    ],
)
def test_contact_with_bad_input_shows_the_error_and_saves_nothing(editor, locales, field, value, message):
    response = editor.post(contact_add_url(), contact_form(**{field: value}))

    assert response.status_code == 200
    assert message in field_errors(parse(response.content), field)
    assert not Contact.objects.exists()


# Where pages may go ---------------------------------------------------------------------------


def test_organizations_live_only_under_a_community_index(home, community_index):
    assert OrganizationPage.can_create_at(community_index)
    assert not OrganizationPage.can_create_at(home)
    assert OrganizationPage.allowed_parent_page_models() == [CommunityIndexPage]


def test_admin_refuses_an_organization_under_the_home_page(editor, home):
    pages_before = Page.objects.count()

    get = editor.get(add_page_url(OrganizationPage, home))
    post = editor.post(add_page_url(OrganizationPage, home), organization_form())

    assert get.status_code == post.status_code == 302
    assert get["Location"] == post["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.count() == pages_before


def test_community_index_can_be_created_under_the_home_page(editor, home):
    assert CommunityIndexPage.can_create_at(home)
    data = nested_form_data(
        {
            "title": "地域運営組織の紹介",
            "slug": "chiiki",
            "intro": streamfield([("paragraph", rich_text("<p>地域の課題に住民が取り組む組織です。</p>"))]),
            "list_heading": "",
            "closing": streamfield([]),
            "update_history": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "action-publish",
        }
    )

    response = editor.post(add_page_url(CommunityIndexPage, home), data)

    assert response.status_code == 302
    index = CommunityIndexPage.objects.get(slug="chiiki")
    assert index.live
    assert index.get_parent().pk == home.pk


def activity_index_form(**changes) -> dict:
    return nested_form_data(
        {
            "title": "活動一覧",
            "slug": "activities",
            "intro": streamfield([]),
            "scope": "",
            "page_size": "20",
            "update_history": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "action-publish",
            **changes,
        }
    )


def test_activity_index_is_published_under_a_community_index_with_its_scope(editor, home, community_index):
    assert ActivityIndexPage.can_create_at(community_index) and ActivityIndexPage.can_create_at(home)

    response = editor.post(
        add_page_url(ActivityIndexPage, home),
        activity_index_form(scope=str(community_index.pk), page_size="30"),
    )

    assert response.status_code == 302
    page = ActivityIndexPage.objects.get(slug="activities")
    assert page.live and page.scope_id == community_index.pk and page.page_size == 30


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("page_size", "2", "greater than or equal to 5"),
        ("page_size", "500", "less than or equal to 100"),
        ("page_size", "abc", "Enter a whole number"),
        ("scope", "999999", "Select a valid choice"),
    ],
)
def test_activity_index_with_bad_input_shows_the_error_and_saves_nothing(
    editor, community_index, field, value, message
):
    pages_before = Page.objects.count()

    response = editor.post(
        add_page_url(ActivityIndexPage, community_index), activity_index_form(**{field: value})
    )

    assert response.status_code == 200
    assert any(message in error for error in field_errors(parse(response.content), field))
    assert Page.objects.count() == pages_before


def test_nothing_can_be_created_under_an_organization(editor, make_organization):
    organization = make_organization("湊まちづくりネットワーク")

    assert [model for model in get_page_models() if model.can_create_at(organization)] == []
    response = editor.get(reverse("wagtailadmin_pages:add_subpage", args=(organization.pk,)))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


# The snippets menu ----------------------------------------------------------------------------


def sidebar_submenus(node):
    """Every submenu in the sidebar's props (telepath-packed JSON), however deeply nested."""
    if isinstance(node, dict):
        if node.get("_type") == "wagtail.sidebar.SubMenuItem":
            yield node["_args"][0], [item["_args"][0] for item in node["_args"][1]]
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return
    for child in children:
        yield from sidebar_submenus(child)


def test_snippets_are_grouped_in_one_admin_menu(editor):
    doc = parse(editor.get(reverse("wagtailadmin_home")).content)
    props = json.loads(text(doc.one("script", id="wagtail-sidebar-props")))

    menus = {menu["name"]: (menu, items) for menu, items in sidebar_submenus(props)}

    menu, items = menus["wagtail_chiiki"]
    assert menu["label"] == "Region management"
    assert [(item["label"], item["url"]) for item in items] == [
        ("Districts", reverse("wagtailsnippets_wagtail_chiiki_district:list")),
        ("Activity categories", reverse("wagtailsnippets_wagtail_chiiki_activitycategory:list")),
        ("Contacts", reverse("wagtailsnippets_wagtail_chiiki_contact:list")),
        ("Support stages", reverse("wagtailsnippets_wagtail_chiiki_supportstage:list")),
        ("Related words", reverse("wagtailsnippets_wagtail_chiiki_relatedword:list")),
    ]


@pytest.mark.parametrize(
    ("model_name", "shown"),
    [("district", "北会津"), ("activitycategory", "防災・防犯"), ("contact", "地域づくり課")],
)
def test_snippet_lists_show_what_editors_created(
    editor, make_district, make_category, locales, model_name, shown
):
    make_district("北会津", "kitaaizu")
    make_category("防災・防犯", "safety")
    Contact.objects.create(name="地域づくり課", phone="0242-39-1202", locale=locales["ja"])

    response = editor.get(reverse(f"wagtailsnippets_wagtail_chiiki_{model_name}:list"))

    assert response.status_code == 200
    titles = parse(response.content).find_all("td", class_="title")
    assert shown in [text(cell.find("a")) for cell in titles]


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
