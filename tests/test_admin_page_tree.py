"""Where editors may add the package's pages in the admin, and the activity list's form."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.admin_forms import add_page_url, field_errors, organization_form
from tests.html import parse
from wagtail_chiiki.models import ActivityIndexPage, CommunityIndexPage, OrganizationPage

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
