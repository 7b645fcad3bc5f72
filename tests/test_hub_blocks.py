"""Blocks that embed live content: organizations, stages, workshop sessions, related pages, tables."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.test import RequestFactory
from django.utils import translation

from tests.html import parse, text
from tests.queries import count_queries
from tests.stages import history
from wagtail_chiiki.blocks import ContentStreamBlock
from wagtail_chiiki.listings.common import locales_kept
from wagtail_chiiki.models import SupportStage, SupportStagesPage

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 8, 1)


def render_stream(items: list[tuple[str, dict]], *, language: str = "ja", **context):
    """A stream of ``(type, value)`` rendered as a page renders it in ``language``, each child with
    its own id."""
    stream = ContentStreamBlock()
    value = stream.to_python(
        [{"type": kind, "value": data, "id": f"id{i}"} for i, (kind, data) in enumerate(items)]
    )
    context = {"request": RequestFactory().get("/", HTTP_HOST="testserver"), **context}
    # What a request keeps (the active locale) is kept, as when Wagtail serves a page.
    with (
        locales_kept(),
        translation.override(language),
        mock.patch("django.utils.timezone.localdate", return_value=TODAY),
    ):
        return stream.render(value, context=context)


@pytest.fixture
def stages(locales, community_index):
    made = [
        SupportStage.objects.create(number=n, name=name, goal=f"{name}の目標", locale=locales["ja"])
        for n, name in [(1, "準備段階"), (2, "設立段階"), (3, "活動段階")]
    ]
    page = SupportStagesPage(title="段階に応じた支援", slug="support")
    community_index.add_child(instance=page)
    page.save_revision().publish()
    return made


def test_organization_list_shows_the_visible_organizations_as_linked_cards(
    community_index, make_organization, stages
):
    make_organization("湊地域づくり委員会", slug="minato", stage_history=history((stages[1], TODAY)))
    make_organization("下書きの組織", slug="draft", publish=False)

    doc = parse(
        render_stream([("organization_list", {"heading": "地域運営組織", "index": community_index.pk})])
    )

    section = doc.one("section", class_="chiiki-organization-list")
    assert text(section.one("h2")) == "地域運営組織"
    titles = [text(h) for h in section.find_all("h3", class_="chiiki-card__title")]
    assert titles == ["湊地域づくり委員会"]
    badge = section.one("a", class_="chiiki-badge--stage")
    assert badge["href"] == "/chiiki/support/#stage-2"
    assert section.one("p", class_="chiiki-organization-list__all").one("a")["href"] == "/chiiki/"


def test_organization_list_filtered_by_district_as_a_compact_list(
    community_index, make_organization, make_district
):
    minato = make_district("湊", "minato")
    make_organization("湊地域づくり委員会", districts=[minato])
    make_organization("河東地域づくり委員会")

    doc = parse(
        render_stream(
            [
                (
                    "organization_list",
                    {
                        "index": community_index.pk,
                        "display": "compact",
                        "district": minato.pk,
                        "all_link": False,
                    },
                )
            ]
        )
    )

    items = doc.one("ul", class_="chiiki-organization-list__items").find_all("li")
    assert [text(item.one("a")) for item in items] == ["湊地域づくり委員会"]
    assert doc.find("p", class_="chiiki-organization-list__all") is None


@pytest.fixture
def two_district_organization(community_index, make_organization, make_district, locales):
    """An organization serving 湊 and 大戸, with its English page and the districts' English names."""
    districts = [make_district("湊", "minato", 1), make_district("大戸", "oto", 2)]
    for district, english in zip(districts, ["Minato", "Oto"], strict=True):
        translated = district.copy_for_translation(locales["en"])
        translated.name = english
        translated.save()
    page = make_organization("湊・大戸合同の会", slug="joint", districts=districts)
    translated = page.copy_for_translation(locales["en"], copy_parents=True)
    translated.title = "Minato and Oto Joint Association"
    translated.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("language", "cards", "compact"),
    [("ja", "【湊、大戸】", "(湊、大戸)"), ("en", "[Minato, Oto]", "(Minato, Oto)")],
)
def test_organization_list_joins_district_names_the_readers_way(
    community_index, two_district_organization, language, cards, compact
):
    items = [
        ("organization_list", {"index": community_index.pk, "all_link": False}),
        ("organization_list", {"index": community_index.pk, "display": "compact", "all_link": False}),
    ]

    doc = parse(render_stream(items, language=language))

    card_list, compact_list = doc.find_all("section", class_="chiiki-organization-list")
    assert [text(span) for span in card_list.find_all("span", class_="chiiki-card__districts")] == [cards]
    assert [
        text(span) for span in compact_list.find_all("span", class_="chiiki-organization-list__districts")
    ] == [compact]


def test_stage_table_shows_the_columns_the_editor_chose_and_links_each_stage(community_index, stages):
    doc = parse(render_stream([("stage_table", {"heading": "段階", "columns": ["goal"]})]))

    table = doc.one("table", class_="chiiki-stage-table")
    assert [text(th) for th in table.one("thead").find_all("th")] == ["段階", "目指す姿"]
    rows = table.one("tbody").find_all("tr")
    assert [text(row.one("th")) for row in rows] == [
        "ステップ1 準備段階",
        "ステップ2 設立段階",
        "ステップ3 活動段階",
    ]
    assert rows[0].one("a")["href"] == "/chiiki/support/#stage-1"
    assert text(rows[0].one("td")) == "準備段階の目標"


def test_workshop_sessions_show_past_or_upcoming_with_the_deadline(make_series):
    make_series(application_deadline=datetime.date(2024, 6, 19))

    upcoming = parse(render_stream([("workshop_sessions", {"when": "upcoming"})]))
    past = parse(render_stream([("workshop_sessions", {"when": "past"})]))

    topics = [text(t) for t in upcoming.find_all("span", class_="chiiki-session__topic")]
    assert topics == ["分野別の取組を考えよう1", "分野別の取組を考えよう2", "分野別の取組を考えよう3"]
    held = [text(t) for t in past.find_all("span", class_="chiiki-session__topic")]
    assert held == ["地域課題、地域活動の整理 他", "地域づくりビジョンって? 他"]
    assert "令和6年6月19日(水)" in text(upcoming.one("dl", class_="chiiki-facts"))


def test_workshop_sessions_offer_no_application_for_a_series_that_is_over(make_series):
    make_series(
        "終わった講座",
        slug="over",
        sessions=[(datetime.date(2024, 6, 21), "day", "第一回の話"), (datetime.date(2024, 7, 10), "day", "")],
        application_method="url",
        application_value="https://www.example.jp/shinsei/over/",
        application_deadline=datetime.date(2024, 6, 19),
    )
    make_series(
        "これからの講座",
        slug="coming",
        sessions=[(datetime.date(2024, 7, 10), "day", ""), (datetime.date(2024, 9, 11), "day", "")],
        application_method="url",
        application_value="https://www.example.jp/shinsei/coming/",
        application_deadline=datetime.date(2024, 9, 4),
    )

    doc = parse(render_stream([("workshop_sessions", {"when": "all"})]))

    series = {
        text(article.one("h3")): article
        for article in doc.find_all("article", class_="chiiki-workshop-sessions__series")
    }
    assert list(series) == ["終わった講座", "これからの講座"]
    over, coming = series["終わった講座"], series["これからの講座"]
    assert len(over.find_all("li", class_="chiiki-session")) == 2  # the sessions still show, as held
    assert over.find("dl", class_="chiiki-facts") is None
    assert over.find("a", href="https://www.example.jp/shinsei/over/") is None
    assert "締め切り" not in text(over) and "令和6年6月19日" not in text(over)
    facts = {text(dt): text(dd) for dt, dd in zip(coming.find_all("dt"), coming.find_all("dd"), strict=True)}
    assert facts["申込締め切り"].startswith("令和6年9月4日")
    assert coming.find("a", href="https://www.example.jp/shinsei/coming/") is not None


def test_a_series_over_still_names_its_organizer(make_series, make_organization):
    organizer = make_organization("一箕地区ひとみ創造ネットワーク", slug="ichiki")
    make_series(
        sessions=[(datetime.date(2024, 6, 21), "day", "")],
        organizer=organizer,
        application_method="url",
        application_value="https://www.example.jp/shinsei/",
    )

    doc = parse(render_stream([("workshop_sessions", {"when": "past"})]))

    (facts,) = doc.find_all("dl", class_="chiiki-facts")
    assert [text(dt) for dt in facts.find_all("dt")] == ["主催"]
    assert facts.one("a")["href"] == organizer.url


def test_two_program_blocks_on_one_page_have_their_own_ids_and_names():
    subsidy = {"name": "補助金", "purpose": "<p>目的</p>", "documents": []}
    html = render_stream([("subsidy", subsidy), ("subsidy", {**subsidy, "name": "別の補助金"})])

    sections = parse(html).find_all("section", class_="chiiki-subsidy")
    labels = [section["aria-labelledby"] for section in sections]
    assert len(set(labels)) == 2
    assert [text(parse(html).one(id=label)).split()[0] for label in labels] == ["補助金", "別の補助金"]


def test_headings_take_the_level_of_where_the_stream_sits():
    html = render_stream(
        [("links", {"heading": "関連リンク", "links": [{"text": "市", "url": "https://www.example.jp/"}]})],
        chiiki_heading_level=3,
    )

    assert text(parse(html).one("h3")) == "関連リンク"


def test_related_pages_leave_out_hidden_pages(community_index, make_organization):
    shown = make_organization("湊地域づくり委員会", slug="minato")
    hidden = make_organization("下書きの組織", slug="draft", publish=False)

    doc = parse(render_stream([("related_pages", {"heading": "関連ページ", "pages": [shown.pk, hidden.pk]})]))

    assert [text(a) for a in doc.one("nav", class_="chiiki-related-pages").find_all("a")] == [
        "湊地域づくり委員会"
    ]


def test_table_block_has_a_caption_and_header_cells():
    table = {
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "data": [["段階", "目標"], ["準備", "話し合う"]],
    }
    doc = parse(render_stream([("table", {"caption": "段階の一覧", "table": table})]))

    assert text(doc.one("caption")) == "段階の一覧"
    assert [text(th) for th in doc.find_all("th")] == ["段階", "目標"]
    assert [text(td) for td in doc.find_all("td")] == ["準備", "話し合う"]


def build_hub_content(community_index, make_organization, make_series, stages, count: int) -> None:
    for i in range(count):
        make_organization(f"組織{i}", slug=f"org{i}", stage_history=history((stages[i % 3], TODAY)))
    for i in range(3):
        make_series(f"ワークショップ{i}", slug=f"ws{i}")


@pytest.mark.parametrize("count", [5, 50])
def test_embedded_listings_render_in_the_same_number_of_queries_whatever_their_size(
    count, community_index, make_organization, make_series, stages
):
    build_hub_content(community_index, make_organization, make_series, stages, count)
    items = [
        ("organization_list", {"index": community_index.pk}),
        ("organization_list", {"index": community_index.pk, "display": "compact", "stage": stages[0].pk}),
        ("stage_table", {"columns": ["goal", "work", "support", "organizations"]}),
        ("workshop_sessions", {"when": "all"}),
        ("map", {"index": community_index.pk}),
    ]
    render_stream(items)  # fills the per-request and rendition caches

    queries, html = count_queries(lambda: render_stream(items))

    assert html.count("chiiki-card__title") == count
    # Measured: the same count for 5 and 50 organizations.
    assert queries == QUERY_BUDGET, queries


QUERY_BUDGET = 31
