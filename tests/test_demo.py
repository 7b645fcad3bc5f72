"""The demo loader (``manage.py load_demo``): the Japanese tree, its English translation, idempotency.

The demo is loaded once for the whole module (the ``demo`` fixture of tests/demo.py), inside a
transaction that is rolled back when the module is done; each test runs in a savepoint inside it, as
with Django's ``setUpTestData``.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, Site, WorkflowPage

from example_site.demo import content
from example_site.demo.accounts import CITY_EDITOR, TRANSLATOR, accounts_text, organization_editors
from example_site.demo.loader import DemoLoader, counts
from example_site.home.models import HomePage
from wagtail_chiiki.models import CommunityIndexPage, Contact, District, OrganizationPage
from wagtail_chiiki.roles import organizations_of

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
SPECS = {spec["slug"]: spec for spec in content.ORGANIZATIONS}


def organization(slug: str, language: str = "ja") -> OrganizationPage:
    return OrganizationPage.objects.get(slug=slug, locale__language_code=language)


# The demo is loaded once for the module, with its images and documents in the run's media folder.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_media]


def test_site_serves_the_demo_home_page(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.title == "みどり市 地域づくりポータル"
    # Wagtail's welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_index_and_six_live_organizations(demo):
    index = CommunityIndexPage.objects.get(locale__language_code="ja")
    assert (index.slug, index.title, index.live) == ("chiiki", "地域運営組織の紹介", True)
    children = OrganizationPage.objects.child_of(index).live().order_by("path")
    assert [page.slug for page in children] == [spec["slug"] for spec in content.ORGANIZATIONS]
    assert [page.title for page in children] == [
        "北会津地域づくり委員会",
        "河東地域づくり委員会",
        "NPO法人みんなと湊まちづくりネットワーク",
        "NPO法人大戸まちづくり協議会",
        "永和地区地域づくり協議会",
        "一箕地区ひとみ創造ネットワーク",
    ]
    assert {block.block_type for block in index.closing} >= {"heading", "paragraph", "contact"}
    assert [entry.value["date"] for entry in index.update_history] == [datetime.date(2024, 6, 12)]


@pytest.mark.parametrize("slug", list(SPECS))
def test_organization_matches_the_content_module(demo, slug):
    spec, page = SPECS[slug], organization(slug)
    assert page.legal_form == spec["legal_form"]
    assert page.established == spec["established"]
    assert page.summary == spec["summary"]
    assert [d.slug for d in page.districts.all()] == spec["districts"]
    assert [(a.category.slug, a.title) for a in page.activities.all()] == [
        (a["category"], a["title"]) for a in spec["activities"]
    ]
    assert [t.name for t in page.transport_services.all()] == [t["name"] for t in spec["transport_services"]]
    assert [m.name for m in page.member_groups.all()] == spec["member_groups"]
    assert [(link.kind, link.url) for link in page.links.all()] == [
        (li["kind"], li["url"]) for li in spec["links"]
    ]
    assert sorted(t.name for t in page.tags.all()) == sorted(spec["tags"])
    assert page.thumbnail is not None and page.thumbnail.title == content.IMAGES[spec["image"]]["title"]
    assert page.latitude is not None and page.longitude is not None


def test_facts_from_the_source_page(demo):
    assert [link.kind for link in organization("kawahigashi").links.all()] == [
        "note",
        "instagram",
        "facebook",
        "x",
    ]
    assert [link.kind for link in organization("minato").links.all()] == [
        "website",
        "note",
        "instagram",
        "facebook",
        "x",
        "youtube",
    ]
    assert [link.kind for link in organization("oto").links.all()] == ["note", "instagram", "facebook", "x"]
    assert [link.kind for link in organization("kitaaizu").links.all()] == ["website"]
    assert [link.kind for link in organization("eiwa").links.all()] == ["website"]
    assert "みなとバス" in [t.name for t in organization("minato").transport_services.all()]
    assert "北会津ふれあい号" in [t.name for t in organization("kitaaizu").transport_services.all()]
    assert "みなづる号" in [t.name for t in organization("kawahigashi").transport_services.all()]
    assert organization("ichiki").established == datetime.date(2024, 5, 31)
    assert [organization(slug).legal_form for slug in SPECS] == [
        "voluntary",
        "voluntary",
        "npo",
        "npo",
        "voluntary",
        "voluntary",
    ]
    division = organization("kitaaizu").contact
    assert (division.phone, division.phone_note, division.fax) == ("0242-39-1202", "直通", "0242-39-1403")
    assert organization("minato").contact.name == "NPO法人みんなと湊まちづくりネットワーク"


def test_body_blocks(demo):
    notice = next(block for block in organization("minato").body if block.block_type == "notice")
    assert notice.value["starts"] <= datetime.date.today() <= notice.value["ends"]

    document_block = next(block for block in organization("ichiki").body if block.block_type == "document")
    document = document_block.value["document"]
    assert document.title == "一箕地区まちづくりワークショップ開催チラシ"
    with document.open_file() as file:
        assert file.read(5) == b"%PDF-"
    assert get_document_model().objects.count() == len(content.DOCUMENTS) + len(content.PRIVATE_DOCUMENTS)


def test_english_tree_is_translated(demo):
    assert not demo.missing_english
    assert set(content.ENGLISH) <= demo.used_english, "ENGLISH has entries no text uses"

    en_home = HomePage.objects.get(locale__language_code="en")
    assert en_home.title == "Midori City Community Development Portal" and en_home.live
    en_index = CommunityIndexPage.objects.get(locale__language_code="en")
    assert (en_index.slug, en_index.title, en_index.live) == (
        "chiiki",
        "Region management organizations",
        True,
    )
    assert en_index.get_parent().pk == en_home.pk

    for slug in SPECS:
        ja, en = organization(slug), organization(slug, "en")
        assert en.live and en.get_parent().pk == en_index.pk
        assert en.translation_key == ja.translation_key
        texts = [en.title, en.summary]
        texts += [text for a in en.activities.all() for text in (a.title, a.description)]
        texts += [text for t in en.transport_services.all() for text in (t.name, t.description)]
        texts += [m.name for m in en.member_groups.all()]
        texts += [link.label for link in en.links.all()]
        assert not [text for text in texts if JAPANESE.search(text)], slug
        assert en.contact.locale.language_code == "en"
        assert {a.category.locale.language_code for a in en.activities.all()} == {"en"}

    assert organization("kitaaizu", "en").title == "Kitaaizu Community Development Committee"
    assert organization("ichiki", "en").summary.startswith("Founded on 31 May 2024")
    assert [t.name for t in organization("minato", "en").transport_services.all()] == ["Minato Bus"]


def test_english_snippets(demo):
    districts = District.objects.filter(locale__language_code="en")
    assert [(d.slug, d.name) for d in districts] == [
        ("kitaaizu", "Kitaaizu"),
        ("kawahigashi", "Kawahigashi"),
        ("minato", "Minato"),
        ("oto", "Oto"),
        ("machikita-takano", "Machikita and Takano"),
        ("ichiki", "Ichiki"),
    ]
    division = Contact.objects.get(locale__language_code="en", department="Community Development Division")
    assert (division.name, division.phone, division.fax) == (
        "Midori City Hall",
        "0242-39-1202",
        "0242-39-1403",
    )
    assert division.email == "chiikidukuri@example.jp"


def test_support_page_stages_and_organization_stages(demo):
    from wagtail_chiiki.models import SupportStage, SupportStagesPage

    assert [(s.number, s.name) for s in SupportStage.objects.filter(locale__language_code="ja")] == [
        (spec["number"], spec["name"]) for spec in content.STAGES
    ]
    en_stages = SupportStage.objects.filter(locale__language_code="en")
    assert [s.number for s in en_stages] == [0, 1, 2, 3, 4]
    assert not [s for s in en_stages if JAPANESE.search(s.name + s.goal + "".join(s.work_items))]
    ichiki = organization("ichiki")
    assert [(r.stage.number, r.reached) for r in ichiki.stage_history.all()] == [
        (1, datetime.date(2024, 5, 31))
    ]
    assert {slug: organization(slug).stage.number for slug in SPECS} == {
        slug: history[-1][0] for slug, history in content.STAGE_HISTORY.items()
    }
    assert organization("ichiki", "en").stage.number == 1
    support = SupportStagesPage.objects.get(locale__language_code="ja")
    assert [block.block_type for block in support.body].count("staffing_program") == 2
    en_support = SupportStagesPage.objects.get(locale__language_code="en")
    assert en_support.live and en_support.title == "How the city supports region management organizations"


def test_the_seed_workshop_and_the_festival(demo):
    from wagtail_chiiki.models import Registration, WorkshopSeriesPage

    workshop = WorkshopSeriesPage.objects.get(slug="ichiki-workshop", locale__language_code="ja")
    assert [(s.date, s.precision) for s in workshop.sessions.all()] == [
        (datetime.date(2024, 6, 21), "day"),
        (datetime.date(2024, 7, 10), "day"),
        (datetime.date(2024, 8, 7), "day"),
        (datetime.date(2024, 9, 11), "day"),
        (datetime.date(2024, 10, 1), "month"),
    ]
    assert (workshop.usual_start, workshop.usual_end) == (datetime.time(18, 30), datetime.time(20, 0))
    assert workshop.application_deadline == datetime.date(2024, 6, 19) and workshop.later_sessions_open
    assert (
        workshop.organizer.slug == "ichiki"
        and workshop.flyer.title == content.DOCUMENTS["ichiki-flyer"]["title"]
    )
    festival = WorkshopSeriesPage.objects.get(slug="festival", locale__language_code="ja")
    assert festival.sessions.count() == 1 and festival.application_method == "form"
    # The made-up applicants fill the festival's five seats (2 + 2) and one party of three waits.
    statuses = [
        (r.application.people, r.status, r.waitlist_number)
        for r in Registration.objects.filter(session__page=festival)
        .select_related("application")
        .order_by("pk")
    ]
    assert statuses == [(2, "confirmed", None), (2, "confirmed", None), (3, "waitlisted", 1)]
    english = WorkshopSeriesPage.objects.get(slug="ichiki-workshop", locale__language_code="en")
    assert english.live and english.title == "Ichiki District Town Development Workshops"
    topics = [s.topic for s in english.sessions.all()]
    assert topics[0] == "What is a community development vision? and more"
    assert not [t for t in topics if JAPANESE.search(t)]
    assert english.contact.locale.language_code == "en"


def test_loading_again_changes_nothing(demo):
    before = counts()
    revisions = Revision.objects.count()
    with TestCase.captureOnCommitCallbacks(execute=True):
        report = DemoLoader().run()
    assert counts() == before
    assert Revision.objects.count() == revisions
    assert set(report.actions) == {"unchanged"}


def test_counts(demo):
    loaded = counts()
    assert loaded["pages (ja)"] == loaded["pages (en)"] == 13
    assert loaded["organization pages"] == 12
    assert loaded["districts"] == 12 and loaded["activity categories"] == 2 * len(content.CATEGORIES)
    assert loaded["contacts"] == 4
    assert loaded["related words"] == 2 * len(content.RELATED_WORDS)
    assert loaded["activities"] == 2 * sum(len(spec["activities"]) for spec in content.ORGANIZATIONS)
    assert loaded["images"] == len(content.IMAGES)
    assert loaded["documents"] == len(content.DOCUMENTS) + len(content.PRIVATE_DOCUMENTS)
    assert loaded["support stages"] == 2 * len(content.STAGES)
    assert loaded["stage records"] == 2 * sum(len(history) for history in content.STAGE_HISTORY.values())
    assert (
        loaded["translations"]
        == 6
        + len(content.CATEGORIES)
        + len(content.CONTACTS)
        + len(content.STAGES)
        + len(content.RELATED_WORDS)
        + 13
    )
    assert loaded["workshop series"] == 2 * len(content.WORKSHOP_SERIES)
    assert loaded["workshop sessions"] == 2 * sum(len(s["sessions"]) for s in content.WORKSHOP_SERIES)


def test_command_prints_the_urls_and_login(demo, capsys):
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/en/" in out and "admin / admin" in out
    assert "Demo loaded:" in out and "created" not in out.split("Demo loaded:")[1].split("\n")[0]


PAGES = [
    ("/", "みどり市 地域づくりポータル"),
    ("/chiiki/", "北会津地域づくり委員会"),
    ("/chiiki/kitaaizu/", "北会津ふれあい号"),
    ("/chiiki/kawahigashi/", "みなづる号"),
    ("/chiiki/minato/", "みなとバス"),
    ("/chiiki/oto/", "おおとマルシェ"),
    ("/chiiki/eiwa/", "スマホ教室"),
    ("/chiiki/ichiki/", "[PDF:"),
    ("/chiiki/activities/", "みなとバス"),
    ("/chiiki/activities/?q=ﾊﾞｽ", "みなとバス"),
    ("/en/", "Midori City Community Development Portal"),
    ("/en/chiiki/", "Kitaaizu Community Development Committee"),
    ("/en/chiiki/kitaaizu/", "Kitaaizu Fureai-go"),
    ("/en/chiiki/kawahigashi/", "Minazuru-go"),
    ("/en/chiiki/minato/", "Open now"),
    ("/en/chiiki/oto/", "Oto Marché"),
    ("/en/chiiki/eiwa/", "Smartphone classes"),
    ("/en/chiiki/ichiki/", "Flyer: Ichiki District Town Development Workshops"),
    ("/en/chiiki/activities/", "Community transport"),
    ("/en/chiiki/activities/?q=bus", "Minato Bus"),
    ("/chiiki/support/", "地域づくりビジョン推進事業補助金"),
    ("/en/chiiki/support/", "Community Development Vision Subsidy"),
    ("/chiiki/workshops/", "地域づくりフェス"),
    ("/chiiki/workshops/ichiki-workshop/", "第5回"),
    ("/en/chiiki/workshops/", "Community Development Festival"),
    ("/en/chiiki/workshops/ichiki-workshop/", "Session 5"),
]


@pytest.mark.parametrize(("url", "text"), PAGES)
def test_pages_render(demo, client, url, text):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_draft_files_are_in_a_login_only_collection(demo, client):
    from wagtail.models import CollectionViewRestriction

    private = get_document_model().objects.filter(
        title__in=[d["title"] for d in content.PRIVATE_DOCUMENTS.values()]
    )
    assert private.count() == len(content.PRIVATE_DOCUMENTS)
    for document in private:
        assert CollectionViewRestriction.objects.filter(
            collection=document.collection, restriction_type=CollectionViewRestriction.LOGIN
        ).exists()
        assert client.get(document.url).status_code == 302  # to the login page
        assert document.title not in client.get("/api/v2/documents/").content.decode()


def test_the_demo_has_a_city_editor_and_an_editor_per_organization_with_the_workflow(demo):
    User = get_user_model()
    city = User.objects.get(username=CITY_EDITOR)
    assert [group.name for group in city.groups.all()] == ["市の編集者"]
    for username in organization_editors():
        editor = User.objects.get(username=username)
        assert editor.check_password(username)
        assert [page.slug for page in organizations_of(editor)] == [username]
    index = CommunityIndexPage.objects.get(locale__language_code="ja", slug="chiiki")
    assert WorkflowPage.objects.get(page=index).workflow.name == "地域運営組織ページの確認"


def test_make_demo_prints_the_editor_accounts_beside_the_admin_login():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    for line in accounts_text().splitlines():
        assert f'@echo "    {line}"' in makefile


def test_the_demo_translator_finds_nothing_left_to_translate_in_english(demo):
    from wagtail_chiiki.translation_status import language_statuses

    translator = get_user_model().objects.get(username=TRANSLATOR)
    assert translator.check_password(TRANSLATOR)
    [english] = language_statuses(translator)

    assert english.locale.language_code == "en"
    assert (english.not_started.total, english.partly_translated.total, english.out_of_date.total) == (
        0,
        0,
        0,
    )
