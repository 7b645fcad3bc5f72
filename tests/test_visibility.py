"""Nothing a visitor may not see is named: drafts, private pages, draft translations, other sites.

Each test builds one hidden state and fetches the public surface as an anonymous visitor; the hidden
page's title (or its words, or its address) must not be in the response.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from tests.queries import count_queries
from wagtail_chiiki.listings.visibility import localize_pages, resolve_page, visible
from wagtail_chiiki.models import OrganizationPage

pytestmark = pytest.mark.django_db


def body_text(response) -> str:
    """The response's text, streamed or not (exports are streamed)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")


def english_draft(page, locales, title: str):
    """An English translation of ``page`` that was never published, titled ``title``."""
    translated = page.copy_for_translation(locales["en"], copy_parents=True)
    translated.title = translated.draft_title = title
    translated.live = False
    translated.save()
    return translated


def english_live(page, locales, title: str | None = None):
    translated = page.copy_for_translation(locales["en"], copy_parents=True)
    if title:
        translated.title = title
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


# The rule itself ----------------------------------------------------------------------------------


def test_visible_leaves_out_drafts_and_pages_under_a_view_restriction(make_organization, community_index):
    shown = make_organization("公開の組織", slug="shown")
    make_organization("下書きの組織", slug="draft", publish=False)
    private_parent = make_organization("非公開の親", slug="private-parent")
    PageViewRestriction.objects.create(page=private_parent, restriction_type=PageViewRestriction.LOGIN)

    titles = set(visible(OrganizationPage.objects.all()).values_list("title", flat=True))

    assert titles == {shown.title}


def test_a_reference_resolves_to_its_live_translation_and_never_to_a_draft_one(make_organization, locales):
    organization = make_organization("湊まちづくりネットワーク", slug="minato")
    english_draft(organization, locales, "Draft English Title")

    assert resolve_page(organization, locales["en"]).title == "湊まちづくりネットワーク"

    english = OrganizationPage.objects.get(locale=locales["en"])
    english.save_revision().publish()
    assert resolve_page(organization, locales["en"]).pk == english.pk


def test_a_hidden_reference_resolves_to_nothing_and_many_resolve_in_one_query(make_organization, locales):
    shown = [make_organization(f"組織{i}", slug=f"org-{i}") for i in range(5)]
    hidden = make_organization("下書き", slug="draft", publish=False)

    queries, found = count_queries(lambda: localize_pages([*shown, hidden, None], locales["ja"]))

    assert queries == 1
    assert set(found) == {page.pk for page in shown}
    assert resolve_page(hidden, locales["ja"]) is None


# Leak 2: draft translations -------------------------------------------------------------------------


def test_open_data_csv_never_takes_the_english_title_of_a_draft_translation(client, make_series, locales):
    series = make_series()
    english_draft(series, locales, "Secret English Title")

    body = body_text(client.get(series.url + "export/csv/"))

    assert "Secret English Title" not in body
    assert "一箕地区まちづくりワークショップ" in body


def test_an_english_series_never_names_its_organizer_by_a_draft_english_title(
    client, make_series, make_organization, locales
):
    organizer = make_organization("一箕地区ひとみ創造ネットワーク", slug="hitomi")
    series = make_series(organizer=organizer)
    english_series = english_live(series, locales, "Ikki Workshop")
    english_draft(organizer, locales, "Draft English Organizer")

    for url in (english_series.url, english_series.url + "export/csv/", english_series.url + "calendar/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Draft English Organizer" not in body_text(response), url


# Leak 3: the search index holds the live revision only ----------------------------------------------


def test_a_draft_of_a_live_organization_is_never_found_by_search(client, make_organization):
    organization = make_organization("湊まちづくりネットワーク", slug="minato", summary="Community bus")
    organization.summary = "Unpublished zyxwvu plans"
    organization.save_revision()  # a draft, as an editor without publish rights saves it

    assert list(OrganizationPage.objects.live().search("zyxwvu")) == []
    api = client.get("/api/v2/pages/", {"type": "wagtail_chiiki.OrganizationPage", "search": "zyxwvu"})
    assert api.json()["items"] == []
    assert list(OrganizationPage.objects.live().search("Community")) == [organization]


def test_publishing_the_draft_makes_its_words_searchable(make_organization):
    organization = make_organization("湊まちづくりネットワーク", slug="minato", summary="Community bus")
    organization.summary = "Published zyxwvu plans"
    organization.save_revision().publish()

    assert [page.pk for page in OrganizationPage.objects.live().search("zyxwvu")] == [organization.pk]


# Leak 4: language links -----------------------------------------------------------------------------


def test_language_links_never_point_at_a_login_restricted_translation(client, make_organization, locales):
    organization = make_organization("湊まちづくりネットワーク", slug="minato")
    english = english_live(organization, locales, "Minato Network")
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)

    html = client.get(organization.url).content.decode()

    assert 'hreflang="en"' not in html
    assert english.url not in html


def test_language_links_name_a_public_live_translation(client, make_organization, locales):
    organization = make_organization("湊まちづくりネットワーク", slug="minato")
    english = english_live(organization, locales, "Minato Network")

    html = client.get(organization.url).content.decode()

    assert 'hreflang="en"' in html
    assert english.url in html


# Leak 5: an activity list never reaches into another site --------------------------------------------


@pytest.fixture
def other_site_index(home, locales, make_organization, make_category):
    from example_site.home.models import HomePage
    from wagtail_chiiki.models import CommunityIndexPage

    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="隣の市", slug="other-home", locale=locales["ja"])
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    index = other_home.add_child(instance=CommunityIndexPage(title="隣の市の組織", slug="chiiki"))
    index.save_revision().publish()
    category = make_category("交通", "transport")
    make_organization(
        "隣の市の組織A", slug="other-a", parent=index, activities=[(category, "隣の市のバス", "")]
    )
    return index


def test_an_activity_list_scoped_to_another_sites_index_lists_nothing_of_it(
    client, activity_index, other_site_index
):
    activity_index.scope = other_site_index
    activity_index.save_revision().publish()

    for url in (activity_index.url, activity_index.url + "export/csv/", activity_index.url + "export/json/"):
        response = client.get(url)
        assert response.status_code == 200, url
        text = body_text(response)
        assert "隣の市のバス" not in text, url
        assert "隣の市の組織A" not in text, url


# Leak 6: categories only hidden organizations use ----------------------------------------------------


@pytest.mark.parametrize("hidden_by", ["draft", "login"])
def test_a_category_only_hidden_organizations_use_is_never_named(
    client, activity_index, community_index, make_organization, make_category, hidden_by
):
    shown = make_category("地域内交通", "transport")
    secret = make_category("秘密の分野", "secret")
    make_organization("公開の組織", slug="shown", activities=[(shown, "みなとバス", "")])
    hidden = make_organization(
        "隠れた組織", slug="hidden", activities=[(secret, "秘密の活動", "")], publish=hidden_by != "draft"
    )
    if hidden_by == "login":
        PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    for url in (activity_index.url + "?category=secret", community_index.url + "?category=secret"):
        html = client.get(url).content.decode()
        assert "秘密の分野" not in html, url
        assert "秘密の活動" not in html, url
    assert "地域内交通" in client.get(activity_index.url).content.decode()


# Page links in blocks -----------------------------------------------------------------------------


def test_a_link_list_links_only_pages_a_visitor_may_see_in_one_query_for_all_links(
    rf, make_organization, locales
):
    from wagtail_chiiki.blocks import LinkListBlock

    shown = make_organization("公開の組織", slug="shown")
    draft = make_organization("下書きの組織", slug="draft", publish=False)
    block = LinkListBlock()
    value = block.to_python(
        {
            "heading": "関連リンク",
            "links": [
                {"text": "公開のページ", "page": shown.pk, "url": ""},
                {"text": "下書きのページ", "page": draft.pk, "url": ""},
                {"text": "市のサイト", "page": None, "url": "https://www.example.jp/"},
            ],
        }
    )
    request = rf.get("/")
    block.get_context(value, {"request": request})  # reads the site once for the request

    queries, html = count_queries(lambda: block.render(value, {"request": request}))

    assert queries == 2  # the reader's locale, then every linked page at once
    assert f'href="{shown.url}"' in html
    assert draft.url not in html
    assert "下書きのページ" in html  # the text stays, as plain text
    assert 'href="https://www.example.jp/"' in html
