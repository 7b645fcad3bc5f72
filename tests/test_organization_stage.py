"""An organization's support stage: set from its history, shown on its page, filtered on the index."""

from __future__ import annotations

import datetime

import pytest
from wagtail_localize.models import Translation, TranslationSource

from tests.html import parse, text
from tests.stages import history, make_stages, make_stages_page, publish_in_english
from wagtail_chiiki.models import OrganizationPage, SupportStage

pytestmark = pytest.mark.django_db

FOUNDED = datetime.date(2024, 5, 31)


@pytest.fixture
def stages(locales):
    return make_stages(locales)


def test_current_stage_is_the_one_reached_last_whatever_the_row_order(make_organization, stages):
    page = make_organization(
        "大戸",
        stage_history=history(
            (stages[4], datetime.date(2020, 7, 1)),
            (stages[1], datetime.date(2017, 4, 1)),
        ),
    )

    assert OrganizationPage.objects.get(pk=page.pk).stage == stages[4]
    assert list(OrganizationPage.objects.filter(stage__number=4)) == [page]


def test_stage_follows_the_history_when_an_entry_is_added_and_removed(make_organization, stages):
    page = make_organization("一箕", stage_history=history((stages[1], FOUNDED)))

    page.stage_history = history((stages[1], FOUNDED), (stages[2], datetime.date(2025, 4, 1)))
    page.save_revision().publish()
    assert OrganizationPage.objects.get(pk=page.pk).stage == stages[2]

    page.stage_history = []
    page.save_revision().publish()
    assert OrganizationPage.objects.get(pk=page.pk).stage is None


def test_a_draft_does_not_change_the_stage_residents_see(make_organization, stages):
    page = make_organization("一箕", stage_history=history((stages[1], FOUNDED)))

    page.stage_history = history((stages[1], FOUNDED), (stages[2], datetime.date(2025, 4, 1)))
    page.save_revision()

    assert OrganizationPage.objects.get(pk=page.pk).stage == stages[1]


def test_organization_page_links_its_stage_to_the_explanation(
    client, community_index, make_organization, stages
):
    support = make_stages_page(community_index)
    page = make_organization(
        "一箕地区ひとみ創造ネットワーク", slug="ichiki", stage_history=history((stages[1], FOUNDED))
    )

    doc = parse(client.get(page.url).content)

    fact = doc.one("div", class_="chiiki-facts__stage")
    assert text(fact.one("dt")) == "活動段階"
    link = fact.one("a")
    assert link["href"] == f"{support.url}#stage-1"
    assert text(link) == "ステップ1 組織・体制の立ち上げ"
    assert fact.one("time")["datetime"] == "2024-05-31"
    assert "令和6年5月31日から" in text(fact)


def test_stage_link_leads_to_an_anchor_the_stages_page_has(
    client, community_index, make_organization, stages
):
    support = make_stages_page(community_index)
    page = make_organization("一箕", slug="ichiki", stage_history=history((stages[3], FOUNDED)))

    href = parse(client.get(page.url).content).one("div", class_="chiiki-facts__stage").one("a")["href"]
    path, anchor = href.split("#")

    assert path == support.url
    assert parse(client.get(path).content).one(id=anchor)


def test_stage_is_named_without_a_link_when_there_is_no_stages_page(client, make_organization, stages):
    page = make_organization("一箕", stage_history=history((stages[1], FOUNDED)))

    fact = parse(client.get(page.url).content).one("div", class_="chiiki-facts__stage")

    assert fact.find("a") is None
    assert "ステップ1 組織・体制の立ち上げ" in text(fact)


def test_organization_without_history_shows_no_stage(client, make_organization, stages):
    page = make_organization("一箕")

    assert parse(client.get(page.url).content).find("div", class_="chiiki-facts__stage") is None


def test_english_organization_shows_the_english_stage_and_links_to_the_english_page(
    client, locales, home, community_index, make_organization
):
    stages = make_stages(locales, english=True)
    support = make_stages_page(community_index)
    page = make_organization("一箕", slug="ichiki", stage_history=history((stages[1], FOUNDED)))
    publish_in_english(home, locales["en"], "Home")
    publish_in_english(community_index, locales["en"], "Organizations")
    en_support = publish_in_english(support, locales["en"], "Support")
    en_page = publish_in_english(page, locales["en"], "Hitomi Creation Network")

    fact = parse(client.get(en_page.url).content).one("div", class_="chiiki-facts__stage")

    assert fact.one("a")["href"] == f"{en_support.url}#stage-1"
    assert text(fact.one("a")) == "Step 1 Setting up"
    assert "(since May 31, 2024)" in text(fact)


# The community index filter -------------------------------------------------------------------


@pytest.fixture
def staged(make_organization, stages):
    return {
        "ichiki": make_organization(
            "一箕地区ひとみ創造ネットワーク", slug="ichiki", stage_history=history((stages[1], FOUNDED))
        ),
        "oto": make_organization(
            "NPO法人大戸まちづくり協議会",
            slug="oto",
            stage_history=history(
                (stages[1], datetime.date(2017, 4, 1)), (stages[4], datetime.date(2020, 7, 1))
            ),
        ),
        "none": make_organization("段階未設定の会", slug="none"),
    }


def card_titles(response) -> list[str]:
    doc = parse(response.content)
    cards = doc.find("ul", class_="chiiki-card-list")
    return [text(a) for a in cards.find_all("a")] if cards else []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?stage=1", ["一箕地区ひとみ創造ネットワーク"]),
        ("?stage=4", ["NPO法人大戸まちづくり協議会"]),
        ("", ["一箕地区ひとみ創造ネットワーク", "NPO法人大戸まちづくり協議会", "段階未設定の会"]),
    ],
)
def test_index_filters_by_stage(client, community_index, staged, query, expected):
    assert card_titles(client.get(community_index.url + query)) == expected


def test_stage_filter_offers_only_the_stages_in_use(client, community_index, staged):
    doc = parse(client.get(community_index.url + "?stage=4").content)

    select = doc.one("select", name="stage")
    options = [(option["value"], text(option)) for option in select.find_all("option")]
    assert options == [
        ("", "すべての段階"),
        ("1", "ステップ1 組織・体制の立ち上げ"),
        ("4", "ステップ4 法人化等"),
    ]
    assert select.one("option", value="4").get("selected") is not None


@pytest.mark.parametrize("value", ["0", "2", "99", "-1", "x", "1.5", "<script>", "１"])
def test_unknown_stage_is_explained_and_the_whole_list_shown(client, community_index, staged, value):
    response = client.get(community_index.url, {"stage": value})

    assert response.status_code == 200
    assert len(card_titles(response)) == 3
    doc = parse(response.content)
    assert (
        text(doc.one("p", id="id_stage_error"))
        == "指定された段階は一覧にありません。すべての段階を表示しています。"
    )
    assert "<script>" not in response.content.decode().split('id="id_stage_error"')[1][:200]


def test_stage_filter_combines_with_other_filters(client, community_index, staged, make_district):
    minato = make_district("湊", "minato")
    staged["oto"].districts.set([minato])
    staged["oto"].save_revision().publish()

    assert card_titles(client.get(community_index.url + "?stage=4&district=minato")) == [
        "NPO法人大戸まちづくり協議会"
    ]
    assert card_titles(client.get(community_index.url + "?stage=1&district=minato")) == []


def test_cards_show_the_stage_with_a_name_for_screen_readers(client, community_index, staged):
    doc = parse(client.get(community_index.url).content)

    badges = doc.find_all("span", class_="chiiki-badge--stage")
    assert [text(badge) for badge in badges] == [
        "活動段階 ステップ1 組織・体制の立ち上げ",
        "活動段階 ステップ4 法人化等",
    ]
    assert [text(badge.one(class_="chiiki-visually-hidden")) for badge in badges] == ["活動段階", "活動段階"]


def test_index_without_stages_in_use_offers_no_stage_filter(client, community_index, make_organization):
    make_organization("段階未設定の会")

    assert parse(client.get(community_index.url).content).find("select", name="stage") is None


# Translation ----------------------------------------------------------------------------------


def test_stage_snippet_is_translated_with_its_number_kept(locales, django_capture_on_commit_callbacks):
    stage = make_stages(locales)[1]
    source, _ = TranslationSource.get_or_create_from_instance(stage)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])
    po = translation.export_po()

    assert {entry.msgid for entry in po} == {
        "組織・体制の立ち上げ",
        "組織・体制の立ち上げの目標",
        "組織・体制の立ち上げの取組A",
        "組織・体制の立ち上げの取組B",
        "組織・体制の立ち上げへの支援",
    }
    english = {
        "組織・体制の立ち上げ": "Setting up",
        "組織・体制の立ち上げの目標": "An organization exists",
        "組織・体制の立ち上げの取組A": "Workshops",
        "組織・体制の立ち上げの取組B": "A vision",
        "組織・体制の立ち上げへの支援": "Help with workshops",
    }
    for entry in po:
        entry.msgstr = english[entry.msgid]
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    en = SupportStage.objects.get(locale=locales["en"], translation_key=stage.translation_key)
    assert (en.number, en.name, en.goal) == (1, "Setting up", "An organization exists")
    assert en.work_items == ["Workshops", "A vision"]
    assert "Help with workshops" in en.city_support


def test_english_organization_keeps_its_history_and_stage_when_translated(
    locales, home, community_index, make_organization, django_capture_on_commit_callbacks
):
    stages = make_stages(locales)  # no English stages: translating the page must not need them
    page = make_organization("一箕", slug="ichiki", stage_history=history((stages[1], FOUNDED)))
    publish_in_english(home, locales["en"], "Home")
    publish_in_english(community_index, locales["en"], "Organizations")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    en = OrganizationPage.objects.get(locale=locales["en"], translation_key=page.translation_key)
    assert [(r.stage.number, r.reached) for r in en.stage_history.all()] == [(1, FOUNDED)]
    assert en.stage.number == 1


def test_organization_page_queries_do_not_grow_with_the_stage_history(
    client, community_index, make_organization, stages
):
    from tests.queries import request_queries

    make_stages_page(community_index)
    short = make_organization("一箕", slug="ichiki", stage_history=history((stages[1], FOUNDED)))
    long = make_organization(
        "大戸",
        slug="oto",
        stage_history=history(*[(stages[n], datetime.date(2016 + n, 4, 1)) for n in range(5)]),
    )

    queries_short, queries_long = (
        request_queries(client, short.url).queries,
        request_queries(client, long.url).queries,
    )

    assert queries_short == queries_long
