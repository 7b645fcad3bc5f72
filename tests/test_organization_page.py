"""The organization page shows everything a resident needs about one organization."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from tests.html import parse, text
from tests.queries import count_queries
from wagtail_chiiki.models import Contact, MemberGroup, TransportService


@pytest.fixture
def minato(make_organization, make_district, make_category, locales):
    contact = Contact.objects.create(
        name="市役所 地域づくり課",
        phone="0242-39-1202",
        phone_note="直通",
        fax="0242-39-1403",
        email="chiiki@example.jp",
        locale=locales["ja"],
    )
    transport = make_category("地域内交通", "transport")
    page = make_organization(
        "NPO法人みんなと湊まちづくりネットワーク",
        slug="minato",
        legal_form="npo",
        established=datetime.date(2019, 5, 1),
        districts=[make_district("湊", "minato")],
        activities=[
            (transport, "みなとバス", "地区内を結ぶバスを運行しています。"),
            (None, "救命救急教室", ""),
        ],
        links=[
            ("website", "https://www.example.jp/minato/"),
            ("instagram", "https://www.instagram.com/example/"),
        ],
        contact=contact,
        latitude="37.45",
        longitude="139.98",
        publish=False,
    )
    page.transport_services = [
        TransportService(name="みなとバス", description="予約制の乗合バス", url="https://www.example.jp/bus/")
    ]
    page.member_groups = [MemberGroup(name="区長会"), MemberGroup(name="民生児童委員協議会")]
    page.tags.add("バス")
    page.save_revision().publish()
    return page


@pytest.fixture
def doc(client, minato):
    response = client.get(minato.url)
    assert response.status_code == 200
    return parse(response.content.decode())


def facts(doc) -> dict[str, str]:
    return {
        text(div.one("dt")): text(div.one("dd"))
        for div in doc.one("dl", class_="chiiki-facts").find_all("div")
    }


@pytest.mark.django_db
def test_page_states_legal_form_districts_and_founding_date_in_the_era_calendar(doc):
    assert text(doc.one("h1")) == "NPO法人みんなと湊まちづくりネットワーク"
    assert facts(doc) == {"組織形態": "NPO法人", "活動地区": "湊", "設立日": "令和元年5月1日"}
    assert doc.one("dl", class_="chiiki-facts").one("time")["datetime"] == "2019-05-01"


@pytest.mark.django_db
def test_activities_are_listed_with_their_category_and_an_anchor_for_links_from_elsewhere(doc, minato):
    items = doc.one("ul", class_="chiiki-activities").find_all("li")
    activity = minato.activities.get(title="みなとバス")

    assert [text(item.one("strong")) for item in items] == ["みなとバス", "救命救急教室"]
    assert items[0]["id"] == f"activity-{activity.pk}"
    assert text(items[0].one(class_="chiiki-badge")) == "地域内交通"
    assert items[1].find(class_="chiiki-badge") is None


@pytest.mark.django_db
def test_transport_services_and_member_groups_are_shown(doc):
    transport = doc.one("ul", class_="chiiki-transport")
    assert text(transport.one("strong")) == "みなとバス"
    link = transport.one("a")
    assert link["href"] == "https://www.example.jp/bus/"
    assert "chiiki-link--external" in link.classes
    members = [text(li) for li in doc.one("ul", class_="chiiki-members").find_all("li")]
    assert members == ["区長会", "民生児童委員協議会"]


@pytest.mark.django_db
def test_external_links_have_accessible_names_and_open_safely(doc):
    anchors = doc.one("ul", class_="chiiki-social-links").find_all("a")

    assert [a["href"] for a in anchors] == [
        "https://www.example.jp/minato/",
        "https://www.instagram.com/example/",
    ]
    for anchor in anchors:
        assert anchor["target"] == "_blank"
        assert set(anchor["rel"].split()) == {"noopener", "noreferrer"}
    assert (
        anchors[1]["aria-label"]
        == "NPO法人みんなと湊まちづくりネットワークのInstagram (外部サイト・新しいタブで開きます)"
    )
    assert text(anchors[0]) == "ホームページ"


@pytest.mark.django_db
def test_contact_shows_phone_as_a_link_with_its_note_fax_and_email(doc):
    contact = doc.one("section", class_="chiiki-contact")
    rows = {text(div.one("dt")): div.one("dd") for div in contact.find_all("div")}

    assert text(rows["名称"]) == "市役所 地域づくり課"
    assert rows["電話番号"].one("a")["href"] == "tel:0242391202"
    assert text(rows["電話番号"]) == "0242-39-1202 (直通)"
    assert text(rows["ファックス番号"]) == "0242-39-1403"
    assert rows["メール"].one("a")["href"] == "mailto:chiiki@example.jp"


@pytest.mark.django_db
def test_location_links_to_the_gsi_map_at_the_coordinates(doc):
    section = doc.one("section", aria_labelledby="chiiki-location-heading")
    assert section.one("a")["href"] == "https://maps.gsi.go.jp/#16/37.45/139.98/"
    assert "37.45" in text(section.one(class_="chiiki-coordinates"))


@pytest.mark.django_db
def test_related_words_link_to_the_filtered_index(doc, community_index):
    tag_link = doc.one("ul", class_="chiiki-tag-list").one("a")
    assert text(tag_link) == "バス"
    assert tag_link["href"] == f"{community_index.url}?tag=%E3%83%90%E3%82%B9"
    assert doc.one("nav", class_="chiiki-breadcrumb").one("a")["href"] == community_index.url


@pytest.mark.django_db
def test_interface_labels_follow_the_active_language(client, minato):
    with translation.override("en"):
        doc = parse(client.get(minato.url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    # The Japanese page is served in Japanese: the URL decides the language, not the browser.
    assert "組織形態" in facts(doc)


@pytest.mark.django_db
def test_translations_tag_lists_live_translations_with_their_locale_in_one_query(minato, locales):
    from django.template import Context, Template

    english = minato.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    template = Template(
        "{% load chiiki_tags %}{% chiiki_translations page as ts %}{% for t in ts %}{{ t.locale.language_code }}{% endfor %}"
    )

    queries, rendered = count_queries(lambda: template.render(Context({"page": minato})))

    assert rendered == "en"
    assert queries == 1


@pytest.mark.django_db
def test_an_organization_under_a_draft_index_is_served_without_a_link_to_the_index(
    client, minato, community_index
):
    community_index.unpublish()

    response = client.get(minato.url)

    assert response.status_code == 200
    doc = parse(response.content.decode())
    assert doc.find("nav", class_="chiiki-breadcrumb") is None
    tags = doc.one("ul", class_="chiiki-tag-list")
    assert [text(item) for item in tags.find_all("li")] == ["バス"]
    assert tags.find("a") is None
