"""The organization map: the GeoJSON feed, the map view with its list by district, the map block."""

from __future__ import annotations

import json

import pytest
from wagtail.models import PageViewRestriction

from tests.html import parse, text
from tests.queries import request_queries
from wagtail_chiiki.blocks import MapBlock
from wagtail_chiiki.models import CommunityIndexPage, OrganizationPage

pytestmark = pytest.mark.django_db

GEOJSON_CEILING = 16

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[139.90, 37.46], [139.92, 37.46], [139.92, 37.48], [139.90, 37.48], [139.90, 37.46]]],
}


def geojson(client, index, **headers):
    response = client.get(index.url + "geojson/", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    return response, json.loads(response.content)


def features_of(collection, organization) -> dict:
    """The features of one organization, by role."""
    return {
        f["properties"]["role"]: f for f in collection["features"] if f["properties"]["id"] == organization.pk
    }


@pytest.fixture
def city(make_organization, make_district, make_category):
    kitaaizu = make_district("北会津", "kitaaizu", 10)
    minato = make_district("湊", "minato", 30)
    transport = make_category("地域内交通", "transport", 1)
    market = make_category("農産物直売所", "market", 2)
    return {
        "kitaaizu": make_organization(
            "北会津地区地域づくり協議会",
            slug="kitaaizu",
            districts=[kitaaizu],
            activities=[(market, "直売所", ""), (transport, "バス", ""), (market, "朝市", "")],
            latitude="37.473300",
            longitude="139.894400",
            service_area=SQUARE,
        ),
        "minato": make_organization(
            "湊まちづくりネットワーク",
            slug="minato",
            districts=[minato, kitaaizu],
            latitude="37.441500",
            longitude="140.021000",
        ),
        "unlocated": make_organization("場所未定の会", slug="unlocated"),
    }


# The GeoJSON feed -----------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_with_longitude_first(client, community_index, city):
    response, collection = geojson(client, community_index)

    assert collection["type"] == "FeatureCollection"
    assert collection["name"] == community_index.title
    kitaaizu = features_of(collection, city["kitaaizu"])
    assert set(kitaaizu) == {"location", "service_area"}
    assert kitaaizu["location"]["geometry"] == {"type": "Point", "coordinates": [139.8944, 37.4733]}
    assert kitaaizu["service_area"]["geometry"] == SQUARE
    assert kitaaizu["location"]["id"] == f"{city['kitaaizu'].pk}-location"
    properties = kitaaizu["location"]["properties"]
    assert properties["name"] == "北会津地区地域づくり協議会"
    assert properties["url"] == "http://testserver/chiiki/kitaaizu/"
    assert properties["districts"] == ["北会津"]
    assert properties["categories"] == ["地域内交通", "農産物直売所"]  # each once, in category order
    assert properties["stage"] is None
    assert properties["marker-color"] == properties["fill"] == properties["stroke"]


def test_geojson_has_every_organization_and_a_null_geometry_for_one_without_a_place(
    client, community_index, city
):
    _, collection = geojson(client, community_index)

    assert set(features_of(collection, city["minato"])) == {"location"}
    unlocated = features_of(collection, city["unlocated"])
    assert list(unlocated) == [None]
    assert unlocated[None]["geometry"] is None
    assert features_of(collection, city["minato"])["location"]["properties"]["districts"] == [
        "北会津",
        "湊",
    ]  # in district order


def test_geojson_lists_only_live_public_organizations_of_this_index(
    client, community_index, home, city, make_organization
):
    make_organization("下書きの会", slug="draft", latitude="37.5", longitude="139.9", publish=False)
    private = make_organization("非公開の会", slug="private", latitude="37.5", longitude="139.9")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other_index = CommunityIndexPage(title="別の一覧", slug="other")
    home.add_child(instance=other_index)
    other_index.save_revision().publish()
    make_organization(
        "別の一覧の会", slug="elsewhere", parent=other_index, latitude="37.5", longitude="139.9"
    )

    _, collection = geojson(client, community_index)

    names = {feature["properties"]["name"] for feature in collection["features"]}
    assert names == {page.title for page in city.values()}


def test_geojson_of_an_english_index_lists_its_english_organizations(client, community_index, city, locales):
    english_index = community_index.copy_for_translation(locales["en"], copy_parents=True)
    english_index.save_revision().publish()
    english = city["minato"].copy_for_translation(locales["en"], copy_parents=False)
    english.title = "Minato Community Network"
    english.save_revision().publish()

    _, collection = geojson(client, english_index)

    assert [f["properties"]["name"] for f in collection["features"]] == ["Minato Community Network"]
    assert collection["features"][0]["geometry"]["coordinates"] == [140.021, 37.4415]


def test_geojson_may_be_cached_and_answers_not_modified(client, community_index, city):
    response, _ = geojson(client, community_index)

    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(community_index.url + "geojson/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_geojson_of_a_private_index_needs_a_login_and_is_not_kept_by_shared_caches(
    client, admin_client, community_index, city
):
    PageViewRestriction.objects.create(page=community_index, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(community_index.url + "geojson/").status_code == 302  # to the login page
    response, collection = geojson(admin_client, community_index)
    assert "private" in response["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in response
    # Feeds list public pages only, as every listing does: pages under a restriction are left out.
    assert collection["features"] == []


def test_geojson_queries_do_not_grow_with_organizations_and_areas(client):
    from tests.builders import build_city, make_site

    home = make_site()
    small = build_city(home, organizations=5, activities=10, slug="small")
    large = build_city(home, organizations=500, activities=1000, slug="large")
    OrganizationPage.objects.update(service_area=SQUARE, latitude="37.47", longitude="139.9")

    def count(index) -> tuple[int, int]:
        measured = request_queries(client, index.url + "geojson/")
        return measured.queries, len(json.loads(measured.content)["features"])

    (five, five_features), (five_hundred, many_features) = count(small.index), count(large.index)
    assert (five_features, many_features) == (10, 1000)
    assert five == five_hundred
    assert five_hundred <= GEOJSON_CEILING


def test_map_view_queries_do_not_grow_with_organizations(client):
    from tests.builders import build_city, make_site

    home = make_site()
    small = build_city(home, organizations=5, activities=10, slug="small")
    large = build_city(home, organizations=200, activities=400, slug="large")

    def count(index) -> int:
        return request_queries(client, index.url + "map/").queries

    assert count(small.index) == count(large.index)


# The map view and its list --------------------------------------------------------------------


def test_index_links_to_its_map_and_geojson(client, community_index, city):
    doc = parse(client.get(community_index.url).content.decode())

    links = {a["href"]: text(a) for a in doc.find(class_="chiiki-map-links").find_all("a")}
    assert links == {"/chiiki/map/": "地図で見る", "/chiiki/geojson/": "GeoJSONでダウンロード"}
    assert doc.one("link", rel="alternate")["type"] == "application/geo+json"


def test_map_view_has_a_labelled_map_that_waits_for_javascript(client, community_index, city):
    doc = parse(client.get(community_index.url + "map/").content.decode())

    canvas = doc.one(class_="chiiki-map__canvas")
    assert canvas["role"] == "region"
    assert community_index.title in canvas["aria-label"]
    assert canvas.get("hidden") is not None  # shown by map.js only
    assert canvas["data-geojson-url"] == "/chiiki/geojson/"
    assert canvas["data-tile-url"] == "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"
    assert "https://maps.gsi.go.jp/development/ichiran.html" in canvas["data-attribution"]
    scripts = [script["src"] for script in doc.find_all("script") if script.get("src")]
    assert scripts == [
        "/static/wagtail_chiiki/vendor/leaflet/leaflet.js",
        "/static/wagtail_chiiki/js/map.js",
    ]


def test_map_view_lists_every_organization_by_district(client, community_index, city):
    doc = parse(client.get(community_index.url + "map/").content.decode())

    groups = {}
    for heading in doc.find_all("h3", class_="chiiki-map-list__district"):
        items = heading.parent.children[heading.parent.children.index(heading) + 1 :]
        listing = next(child for child in items if getattr(child, "tag", "") == "ul")
        groups[text(heading)] = [text(item.one("a")) for item in listing.find_all("li")]
    assert groups == {
        "北会津": ["北会津地区地域づくり協議会", "湊まちづくりネットワーク"],
        "湊": ["湊まちづくりネットワーク"],
        "地区の指定なし": ["場所未定の会"],
    }
    minato = doc.find("li", data_organization=str(city["minato"].pk))
    assert "緯度 37.4415、経度 140.021" in text(minato)
    kitaaizu = doc.find("li", data_organization=str(city["kitaaizu"].pk))
    assert text(kitaaizu.one(class_="chiiki-map-list__categories")) == "地域内交通、農産物直売所"
    # The popups of map.js join district names with the same separator as the page.
    assert doc.one(class_="chiiki-map__canvas")["data-list-separator"] == "、"


def test_map_view_shows_the_tiles_the_settings_name(client, community_index, city, settings):
    settings.WAGTAIL_CHIIKI = {
        "MAP_TILE_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "MAP_TILE_ATTRIBUTION": '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        "MAP_MAX_ZOOM": 19,
    }
    canvas = parse(client.get(community_index.url + "map/").content.decode()).one(class_="chiiki-map__canvas")

    assert canvas["data-tile-url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in canvas["data-attribution"]
    assert canvas["data-max-zoom"] == "19"


def test_names_with_markup_stay_text_in_the_list_and_the_feed(client, community_index, make_organization):
    name = '<img src=x onerror="alert(1)">会'
    make_organization(name, slug="markup", latitude="37.5", longitude="139.9")

    html = client.get(community_index.url + "map/").content.decode()
    _, collection = geojson(client, community_index)

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;会" in html
    assert collection["features"][0]["properties"]["name"] == name


# The map block --------------------------------------------------------------------------------


def test_map_block_shows_the_organizations_of_the_chosen_index(rf, community_index, city):
    block = MapBlock()
    value = block.to_python({"heading": "組織の地図", "index": community_index.pk})
    request = rf.get("/")

    doc = parse(block.render(value, context={"request": request}))

    assert text(doc.find_all("h2")[0]) == "組織の地図"
    assert doc.one(class_="chiiki-map__canvas")["data-geojson-url"] == "/chiiki/geojson/"
    assert len(doc.find_all("li", class_="chiiki-map-list__item")) == 4  # minato in two districts


def test_map_block_preview_uses_the_newest_index(community_index):
    assert MapBlock().get_preview_value()["index"].pk == community_index.pk


# Translation ----------------------------------------------------------------------------------


def test_coordinates_and_areas_are_synchronized_not_translated():
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    fields = {field.field_name: field for field in get_translatable_fields(OrganizationPage)}
    for name in ("latitude", "longitude", "service_area"):
        assert isinstance(fields[name], SynchronizedField), name
    from wagtail_chiiki.models import District

    district_fields = {field.field_name: field for field in get_translatable_fields(District)}
    assert isinstance(district_fields["area"], SynchronizedField)


def test_a_page_with_two_maps_links_leaflet_and_the_map_script_once(rf, community_index, city):
    from django.template import Context, Template
    from wagtail.blocks import StreamBlock

    stream = StreamBlock([("map", MapBlock())])
    value = stream.to_python(
        [
            {"type": "map", "value": {"heading": heading, "index": community_index.pk}}
            for heading in ("北", "南")
        ]
    )
    template = Template("{% load wagtailcore_tags %}{% include_block value %}")

    def render() -> str:
        return template.render(Context({"value": value, "request": rf.get("/")}))

    doc = parse(render())

    assert len(doc.find_all(class_="chiiki-map__canvas")) == 2
    scripts = [script["src"] for script in doc.find_all("script") if script.get("src")]
    assert scripts == ["/static/wagtail_chiiki/vendor/leaflet/leaflet.js", "/static/wagtail_chiiki/js/map.js"]
    stylesheets = [link["href"] for link in doc.find_all("link", rel="stylesheet")]
    assert stylesheets == ["/static/wagtail_chiiki/vendor/leaflet/leaflet.css"]
    # The next request (the next page) links them again.
    assert len(parse(render()).find_all("script", src="/static/wagtail_chiiki/js/map.js")) == 1
