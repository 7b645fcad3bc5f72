"""The activity list (活動一覧): what it lists and where, its order and pages, related words, the link
from the community index, and the support-stage filter."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import PageViewRestriction, Site

from tests.activity_list import ALL, export_csv, export_json, get, listed, option_labels, status
from tests.html import parse, text
from tests.stages import history, make_stages
from wagtail_chiiki.models import ActivityIndexPage, CommunityIndexPage

# -- what is listed --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_lists_every_activity_of_live_organizations_by_category_then_organization(
    client, activity_index, activity_city
):
    response = get(client, activity_index)

    assert listed(response) == ALL
    assert "7" in status(response)


@pytest.mark.django_db
def test_each_activity_links_to_its_place_on_its_organization_page(client, activity_index, activity_city):
    doc = parse(get(client, activity_index).content.decode())
    link = doc.one("ol", class_="chiiki-activity-list").find("a")
    url, anchor = link["href"].split("#")

    assert url == activity_city["minato"].url
    organization = parse(client.get(url).content.decode())
    assert text(organization.one(id=anchor)).count("みなとバスの運行") == 1


@pytest.mark.django_db
def test_each_activity_shows_its_category_organization_and_districts(client, activity_index, activity_city):
    doc = parse(get(client, activity_index, "?organization=both").content.decode())
    items = doc.find_all("li", class_="chiiki-activity-item")

    assert text(items[0].one(class_="chiiki-badge")) == "地域内交通"
    assert "二地区合同の会" in text(items[0].one(class_="chiiki-activity-item__organization"))
    assert "湊、大戸" in text(items[0].one(class_="chiiki-activity-item__districts"))
    assert items[1].find(class_="chiiki-badge") is None


@pytest.mark.django_db
def test_drafts_private_pages_other_sites_and_other_languages_are_never_listed_or_exported(
    client, activity_index, activity_city, make_organization, make_category, home, locales
):
    events = make_category("交流イベント", "events")
    make_organization("下書きの会", slug="draft", activities=[(events, "下書きの祭り", "")], publish=False)
    private = make_organization("会員限定の会", slug="private", activities=[(events, "会員の集い", "")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # Another site's community index, with its own organization.
    other_home = home.get_parent().add_child(
        instance=type(home)(title="別の市", slug="other", locale=home.locale)
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other_index = other_home.add_child(instance=CommunityIndexPage(title="他市の組織", slug="chiiki"))
    make_organization(
        "他市の会", slug="elsewhere", parent=other_index, activities=[(events, "他市の祭り", "")]
    )
    # An English translation of one organization: listed only on the English list.
    activity_city["oto"].copy_for_translation(locales["en"], copy_parents=True).save_revision().publish()

    hidden = {"下書きの祭り", "会員の集い", "他市の祭り"}
    assert not hidden & set(listed(get(client, activity_index)))
    assert listed(get(client, activity_index)) == ALL
    assert [row["title"] for row in export_csv(client, activity_index)] == ALL
    assert [row["title"] for row in export_json(client, activity_index)["activities"]] == ALL


@pytest.mark.django_db
def test_a_chosen_scope_lists_that_index_only_wherever_the_page_is_placed(
    client, home, community_index, activity_city, make_organization
):
    second = home.add_child(instance=CommunityIndexPage(title="別の一覧", slug="second"))
    second.save_revision().publish()
    make_organization("別一覧の会", slug="second-org", parent=second, activities=[(None, "別一覧の活動", "")])
    anywhere = ActivityIndexPage(title="活動", slug="all-activities", scope=second)
    home.add_child(instance=anywhere)
    anywhere.save_revision().publish()
    whole_site = ActivityIndexPage(title="市内の活動", slug="site-activities")
    home.add_child(instance=whole_site)
    whole_site.save_revision().publish()

    assert listed(get(client, anywhere)) == ["別一覧の活動"]
    assert sorted(listed(get(client, whole_site))) == sorted([*ALL, "別一覧の活動"])


# -- order and pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sort_by_organization_follows_the_index_order_and_newest_puts_new_rows_first(
    client, activity_index, activity_city, make_organization
):
    by_organization = listed(get(client, activity_index, "?sort=organization"))
    assert by_organization == [
        "みなとバスの運行",
        "湊産農産物直売所",
        "ｸﾘｰﾝ作戦",
        "おおとマルシェ",
        "花いっぱい運動",
        "通院の送迎",
        "季節のつどい",
    ]
    make_organization("新しい会", slug="new", activities=[(None, "新しい活動", "")])
    assert listed(get(client, activity_index, "?sort=newest"))[0] == "新しい活動"


@pytest.mark.django_db
def test_pages_are_stable_disjoint_and_cover_every_result(client, activity_index, activity_city):
    activity_index.page_size = 5
    activity_index.save_revision().publish()
    for sort in ("category", "organization", "newest"):
        first = get(client, activity_index, f"?sort={sort}")
        second = get(client, activity_index, f"?sort={sort}&page=2")
        titles = listed(first) + listed(second)
        assert len(listed(first)) == 5
        assert sorted(titles) == sorted(ALL)
        assert listed(first) == listed(get(client, activity_index, f"?sort={sort}&page=1"))
    doc = parse(get(client, activity_index, "?category=&page=2").content.decode())
    nav = doc.one("nav", class_="chiiki-pagination")
    assert nav.one("a", aria_current="page")["href"] == "?category=&page=2"
    assert nav.one("a", rel="prev")["href"] == "?category=&page=1"
    assert doc.one("ol", class_="chiiki-activity-list")["start"] == "6"


# -- related words -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_related_words_link_to_the_filtered_list_with_their_counts(client, activity_index, activity_city):
    doc = parse(get(client, activity_index).content.decode())
    words = {text(a).split(" ")[0]: a for a in doc.one("ul", class_="chiiki-word-list").find_all("a")}

    assert set(words) == {"のりもの", "野菜"}
    assert words["野菜"]["href"] == "?tag=%E9%87%8E%E8%8F%9C"
    assert "5件" in text(words["野菜"])
    assert len(listed(get(client, activity_index, words["のりもの"]["href"]))) == 3
    # Under a filter, the words keep it: their counts are counted under it.
    filtered = parse(get(client, activity_index, "?category=market&tag=野菜&page=1").content.decode())
    links = {
        text(a).split(" ")[0]: a["href"] for a in filtered.one("ul", class_="chiiki-word-list").find_all("a")
    }
    assert links["野菜"] == "?category=market&tag=%E9%87%8E%E8%8F%9C"
    assert "2件" in text(filtered.one("ul", class_="chiiki-word-list").one("a", aria_current="true"))


@pytest.mark.django_db
def test_the_community_index_links_to_its_activity_list(
    client, community_index, activity_index, activity_city
):
    doc = parse(get(client, community_index).content.decode())

    link = doc.one(class_="chiiki-see-also").one("a")
    assert link["href"] == activity_index.url
    assert "活動一覧" in text(link)


@pytest.mark.django_db
def test_a_community_index_without_activity_list_has_no_link(client, community_index, activity_city):
    assert parse(get(client, community_index).content.decode()).find(class_="chiiki-see-also") is None


# -- support stages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_stage_filter_lists_the_activities_of_organizations_at_that_stage(
    client, activity_index, activity_city, locales
):
    stages = make_stages(locales)
    for slug, number in (("minato", 4), ("oto", 1), ("both", 1)):
        page = activity_city[slug]
        page.stage_history = history((stages[number], datetime.date(2024, 5, 31)))
        page.save_revision().publish()

    response = get(client, activity_index, "?stage=1")

    assert listed(response) == ["通院の送迎", "おおとマルシェ", "花いっぱい運動", "季節のつどい"]
    assert option_labels(response, "stage") == {
        "": "すべての段階",
        "1": f"{stages[1]}（4件）",
        "4": f"{stages[4]}（3件）",
    }
    assert listed(get(client, activity_index, "?stage=1&district=minato")) == ["通院の送迎", "季節のつどい"]
    assert [row["title"] for row in export_csv(client, activity_index, "?stage=4")] == [
        "みなとバスの運行",
        "湊産農産物直売所",
        "ｸﾘｰﾝ作戦",
    ]


@pytest.mark.django_db
def test_without_stages_there_is_no_stage_filter_and_a_stage_value_is_explained(
    client, activity_index, activity_city
):
    assert parse(get(client, activity_index).content.decode()).find("select", name="stage") is None

    doc = parse(get(client, activity_index, "?stage=9").content.decode())
    assert "段階" in text(doc.one(class_="chiiki-field-error"))
    assert len(doc.find_all("li", class_="chiiki-activity-item")) == len(ALL)
