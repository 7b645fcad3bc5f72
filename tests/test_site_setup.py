"""What the example site adds around the package: private files, a checked API ``find``, relative
links within a site, and mail that never fails a moderation."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Site

from tests.html import parse
from wagtail_chiiki.models import WorkshopIndexPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
@pytest.mark.parametrize("query", ["?id=%22", "?id=abc", "?id=-1", "?id=1%00"])
def test_find_with_an_id_that_is_not_a_number_is_a_bad_request(client, community_index, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/find/{query}")

    assert response.status_code == 400
    assert "id" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_an_offset_past_the_databases_integers_is_a_bad_request(client, community_index, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?offset=99999999999999999999999")

    assert response.status_code == 400
    assert client.get(f"/api/v2/{endpoint}/?offset=2").status_code == 200


def test_find_with_a_number_still_finds_the_page(client, community_index):
    response = client.get(f"/api/v2/pages/find/?id={community_index.pk}")

    assert response.status_code == 302
    assert f"/api/v2/pages/{community_index.pk}/" in response["Location"]


@pytest.fixture
def files():
    """A flyer and a photo in a public collection, and the same in a login-only collection."""
    root = Collection.get_first_root_node()
    public = root.add_child(name="公開")
    private = root.add_child(name="非公開")
    below = private.add_child(name="非公開の下")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    Document = get_document_model()
    from wagtail.images import get_image_model

    Image = get_image_model()
    made = {}
    for name, collection in (("public", public), ("private", private), ("below", below)):
        made[f"{name}-document"] = Document.objects.create(
            title=f"{name}-flyer", collection=collection, file=ContentFile(b"%PDF-1.4", name=f"{name}.pdf")
        )
        made[f"{name}-image"] = Image.objects.create(
            title=f"{name}-photo", collection=collection, file=get_test_image_file(filename=f"{name}.png")
        )
    return made


def test_files_in_a_private_collection_are_served_to_logged_in_users_only(client, admin_user, files):
    for name in ("private", "below"):
        document = files[f"{name}-document"]
        response = client.get(document.url)
        assert response.status_code == 302, name
        assert "/login/" in response["Location"]
    assert client.get(files["public-document"].url).status_code == 200
    client.force_login(admin_user)
    assert client.get(files["private-document"].url).status_code == 200


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_the_api_lists_only_files_outside_private_collections(client, files, endpoint):
    kind = "document" if endpoint == "documents" else "image"

    listed = client.get(f"/api/v2/{endpoint}/").json()["items"]

    assert [item["title"] for item in listed] == [files[f"public-{kind}"].title]
    for name in ("private", "below"):
        assert client.get(f"/api/v2/{endpoint}/{files[f'{name}-{kind}'].pk}/").status_code == 404


def test_the_example_site_serves_documents_through_wagtail(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_the_demo_puts_draft_files_in_a_login_only_collection():
    from example_site.demo import content

    assert content.PRIVATE_COLLECTION_NAME
    assert content.PRIVATE_DOCUMENTS


# Links within a site are relative --------------------------------------------------------------


@pytest.fixture
def second_site(home):
    """The site answers as www.example.jp too, and another site shares the database."""
    Site.objects.create(
        hostname="other.example.jp", port=80, root_page=home.get_parent(), is_default_site=False
    )


@override_settings(ALLOWED_HOSTS=["*"])
@pytest.mark.parametrize("host", ["testserver", "127.0.0.1:8000"])
def test_the_map_fetches_its_geojson_by_a_relative_address(client, community_index, second_site, host):
    response = client.get(community_index.url + "map/", HTTP_HOST=host)

    assert response.status_code == 200
    canvas = parse(response.content.decode()).one("div", data_geojson_url=True)
    assert canvas["data-geojson-url"] == "/chiiki/geojson/"


@override_settings(ALLOWED_HOSTS=["*"])
def test_links_to_the_pages_feeds_and_exports_of_a_site_are_relative(
    client, community_index, activity_index, make_series, second_site
):
    index = WorkshopIndexPage(title="ワークショップの予定", slug="workshops")
    community_index.add_child(instance=index)
    index.save_revision().publish()
    today = datetime.date.today()
    series = make_series(parent=index, sessions=[(today + datetime.timedelta(days=7), "day", "第1回の話題")])

    for page in (community_index, activity_index, index, series):
        html = client.get(page.url).content.decode()
        hrefs = [a.get("href") or "" for a in parse(html).find_all("a")]
        own = [href for href in hrefs if "testserver" in href]
        assert own == [], (page, own)
    upcoming = parse(client.get(index.url).content.decode()).one("p", class_="chiiki-session__series")
    assert upcoming.one("a")["href"] == f"/chiiki/workshops/{series.slug}/"


def test_mail_goes_to_the_console_unless_an_smtp_host_is_set(monkeypatch):
    import example_site.settings as site_settings

    monkeypatch.delenv("EMAIL_HOST", raising=False)
    assert importlib.reload(site_settings).EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.jp")
    monkeypatch.setenv("EMAIL_PORT", "2525")
    reloaded = importlib.reload(site_settings)
    assert reloaded.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (reloaded.EMAIL_HOST, reloaded.EMAIL_PORT) == ("smtp.example.jp", 2525)
    monkeypatch.delenv("EMAIL_HOST")
    importlib.reload(site_settings)


def test_the_api_names_restricted_pages_to_nobody(client, django_user_model, make_organization):
    from wagtail.models import PageViewRestriction

    hidden = make_organization("会員限定の組織", slug="members-only")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    shown = make_organization("公開の組織", slug="open")
    client.force_login(django_user_model.objects.create_user("resident", password="x"))

    titles = [
        item["title"]
        for item in client.get("/api/v2/pages/?type=wagtail_chiiki.OrganizationPage").json()["items"]
    ]

    assert titles == [shown.title]
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
