"""The support stages page: the stages as a table and as steps, who is at each stage, in each language."""

from __future__ import annotations

import datetime

import pytest
from django.utils.timezone import now

from tests.html import parse, text
from tests.queries import request_queries
from tests.stages import STAGE_NAMES, history, make_stages, make_stages_page, publish_in_english
from wagtail_chiiki.models import OrganizationPage, SupportStagesPage

pytestmark = pytest.mark.django_db

STAGES_PAGE_CEILING = 25


@pytest.fixture
def stages(locales):
    return make_stages(locales)


@pytest.fixture
def support(community_index, stages):
    return make_stages_page(community_index, stages_heading="活動段階に応じた支援")


def stage_table(response):
    return parse(response.content).one("table", class_="chiiki-stage-table")


def test_stages_table_has_a_caption_and_column_and_row_headers(client, support):
    table = stage_table(client.get(support.url))

    assert text(table.one("caption")) == "活動段階に応じた支援"
    columns = table.one("thead").find_all("th")
    assert [th["scope"] for th in columns] == ["col"] * 5
    assert [text(th) for th in columns] == ["段階", "目指す姿", "地域の取組", "市の支援", "この段階の組織"]
    rows = table.one("tbody").find_all("tr")
    # Each row starts with its header cell, so every data cell is announced with its stage.
    for row, number in zip(rows, range(5), strict=True):
        cells = [child for child in row.children if not isinstance(child, str)]
        assert cells[0].tag == "th" and cells[0]["scope"] == "row"
        assert [cell.tag for cell in cells[1:]] == ["td"] * 4
        assert text(cells[0]) == f"ステップ{number} {STAGE_NAMES[number][0]}"


def test_steps_list_the_same_stages_in_order_with_an_anchor_each(client, support):
    doc = parse(client.get(support.url).content)

    steps = doc.one("ol", class_="chiiki-steps").find_all("li", class_="chiiki-step")
    assert [step["id"] for step in steps] == [f"stage-{n}" for n in range(5)]
    assert [text(step.one("h3")) for step in steps] == [f"ステップ{n} {STAGE_NAMES[n][0]}" for n in range(5)]
    first = steps[0]
    assert [text(li) for li in first.one("ul", class_="chiiki-stage__work").find_all("li")] == [
        "住民意識の共有の取組A",
        "住民意識の共有の取組B",
    ]
    # The table's rows have anchors of their own: ids stay unique on the page.
    ids = [element["id"] for element in doc.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert [tr["id"] for tr in doc.one("tbody").find_all("tr")] == [f"stage-{n}-row" for n in range(5)]


def test_each_stage_lists_the_live_organizations_currently_at_it(client, support, stages, make_organization):
    day = datetime.date(2024, 5, 31)
    make_organization(
        "一箕地区ひとみ創造ネットワーク", slug="ichiki", stage_history=history((stages[1], day))
    )
    make_organization(
        "NPO法人大戸まちづくり協議会",
        slug="oto",
        stage_history=history((stages[1], datetime.date(2017, 4, 1)), (stages[4], datetime.date(2020, 7, 1))),
    )
    make_organization("下書きの会", slug="draft", publish=False, stage_history=history((stages[1], day)))
    make_organization("段階未設定の会", slug="none")

    doc = parse(client.get(support.url).content)

    def listed(step_id: str) -> list[str]:
        return [text(a) for a in doc.one("li", id=step_id).find_all("a")]

    assert listed("stage-1") == ["一箕地区ひとみ創造ネットワーク"]
    assert listed("stage-4") == ["NPO法人大戸まちづくり協議会"]
    assert listed("stage-0") == []
    assert text(doc.one("li", id="stage-0").one(class_="chiiki-stage__none")) == "現在はありません"
    row = doc.one("tr", id="stage-1-row")
    assert [(a["href"], text(a)) for a in row.find_all("a")] == [
        ("/chiiki/ichiki/", "一箕地区ひとみ創造ネットワーク")
    ]


def test_english_page_shows_english_stages_and_english_organizations(
    client, locales, home, community_index, make_organization
):
    stages = make_stages(locales, english=True)
    ichiki = make_organization(
        "一箕地区ひとみ創造ネットワーク",
        slug="ichiki",
        stage_history=history((stages[1], datetime.date(2024, 5, 31))),
    )
    support = make_stages_page(community_index)
    publish_in_english(home, locales["en"], "Home")
    publish_in_english(community_index, locales["en"], "Organizations")
    publish_in_english(ichiki, locales["en"], "Hitomi Creation Network")
    en_support = publish_in_english(support, locales["en"], "Support")

    doc = parse(client.get(en_support.url).content)

    assert text(doc.one("caption")) == "Support by stage"
    assert [text(th) for th in doc.one("tbody").find_all("th")] == [
        f"Step {n} {STAGE_NAMES[n][1]}" for n in range(5)
    ]
    assert [(a["href"], text(a)) for a in doc.one("li", id="stage-1").find_all("a")] == [
        ("/en/chiiki/ichiki/", "Hitomi Creation Network")
    ]


def test_stage_without_translation_is_shown_in_the_source_language(client, locales, home, community_index):
    make_stages(locales)
    support = make_stages_page(community_index)
    publish_in_english(home, locales["en"], "Home")
    publish_in_english(community_index, locales["en"], "Organizations")
    en_support = publish_in_english(support, locales["en"], "Support")

    doc = parse(client.get(en_support.url).content)

    assert [text(th) for th in doc.one("tbody").find_all("th")] == [
        f"Step {n} {STAGE_NAMES[n][0]}" for n in range(5)
    ]


def test_page_without_stages_shows_no_empty_table(client, community_index, locales):
    support = make_stages_page(community_index)

    doc = parse(client.get(support.url).content)

    assert doc.find("table") is None and doc.find("ol", class_="chiiki-steps") is None


def test_stages_page_shows_its_closing_contact(client, community_index, stages, locales):
    from wagtail_chiiki.models import Contact

    contact = Contact.objects.create(name="地域づくり課", phone="0242-39-1202", locale=locales["ja"])
    support = make_stages_page(community_index, contact=contact)

    doc = parse(client.get(support.url).content)

    section = doc.one("section", class_="chiiki-contact")
    assert text(section.one("h2")) == "お問い合わせ"
    assert section.one("a", href="tel:0242391202")


def add_organizations_at_stages(index, stages, start: int, stop: int) -> None:
    """Live organization pages made quickly (no revisions), spread over the stages."""
    for i in range(start, stop):
        page = OrganizationPage(
            title=f"組織{i}",
            slug=f"org-{i}",
            summary="紹介",
            live=True,
            first_published_at=now(),
            stage_history=history((stages[i % 5], datetime.date(2020, 4, 1))),
        )
        index.add_child(instance=page)


def test_stages_page_queries_do_not_grow_with_organizations(client, community_index, stages):
    support = make_stages_page(community_index)

    add_organizations_at_stages(community_index, stages, 0, 5)
    with_five = request_queries(client, support.url).queries
    add_organizations_at_stages(community_index, stages, 5, 200)
    with_two_hundred = request_queries(client, support.url).queries

    assert with_five == with_two_hundred
    assert with_two_hundred <= STAGES_PAGE_CEILING


def test_each_stage_names_its_first_organizations_and_links_to_the_index_filtered_by_it(
    client, community_index, stages, settings
):
    settings.WAGTAIL_CHIIKI = {"STAGE_ORGANIZATIONS_SHOWN": 10}
    support = make_stages_page(community_index)
    add_organizations_at_stages(community_index, stages, 0, 200)

    doc = parse(client.get(support.url).content)

    for place in (doc.one("li", id="stage-0"), doc.one("tr", id="stage-0-row")):
        links = place.find_all("a")
        assert [a["href"] for a in links[:10]] == [f"/chiiki/org-{i}/" for i in range(0, 50, 5)]
        assert len(links) == 11
        more = links[-1]
        assert more["href"] == f"{community_index.url}?stage={stages[0].number}"
        assert "40" in text(more)
    # The filtered index lists them all, in pages.
    index = parse(client.get(more["href"]).content)
    assert "40" in text(index.one("p", class_="chiiki-result-count"))


def test_stages_page_can_live_under_the_community_index_or_the_home_page(home, community_index):
    assert SupportStagesPage.can_create_at(community_index)
    assert SupportStagesPage.can_create_at(home)
