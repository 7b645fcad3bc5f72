"""Helpers of the admin tests: the forms as the admin posts them, the errors it shows beside a
field, the rows saved; and the ``editor`` fixture (a plugin of tests/conftest.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from tests.html import text
from wagtail_chiiki.models import (
    Activity,
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
