"""The package's snippets in the admin: saving a contact, its errors, and the snippets menu."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.admin_forms import field_errors
from tests.html import parse, text
from wagtail_chiiki.models import Contact

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
