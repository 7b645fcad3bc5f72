"""Nothing hidden ever shows: every hidden state × every public surface (``tests/surfaces.py``) ×
every kind of visitor.

One world holds a page in each hidden state beside public pages that refer to it (as organizer,
through districts, categories, stages and tags, as translations). Each surface is fetched as an
anonymous visitor, a logged-in visitor and a member of the group that a restriction names; a
hidden page's title, slug or address in any response fails the cell, and a search for a hidden
state's own words must find nothing. The failing cells are listed together in the assertion.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from tests.stages import history, make_stages, publish_in_english
from tests.surfaces import SURFACES, Surface, listing_pages
from wagtail_chiiki.models import (
    ActivityIndexPage,
    CommunityIndexPage,
    OrganizationPage,
)

VIEWERS = ("anonymous", "visitor", "member")
STATE_PLACEHOLDERS = ("{token}", "{hidden_path}", "{hidden_id}")


@dataclass
class State:
    """A hidden state: its pages' titles (without the search word), slugs and addresses."""

    name: str
    token: str
    markers: list[str] = field(default_factory=list)
    found_by_token: list[str] = field(default_factory=list)  # must not be listed by a search for it
    page_id: int = 0
    path: str = "/"

    def hide(self, page, title_words: str) -> None:
        page = Page.objects.get(pk=page.pk)
        address = page.get_url() or ""
        self.markers += [title_words, page.slug, address]
        if not self.page_id:
            self.page_id, self.path = page.pk, address


@dataclass
class World:
    states: list[State]
    addresses: dict[str, str]


def _restrict(page, kind: str, group=None) -> None:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="himitsu")
    if group is not None:
        restriction.groups.add(group)


@pytest.fixture
def world(home, community_index, locales, make_organization, make_district, make_category, make_series):
    ja, en = locales["ja"], locales["en"]
    district = make_district("湊", "minato")
    category = make_category("地域内交通", "transport")
    secret_category = make_category("秘密カテゴリ", "secret-category")
    stages = make_stages(locales)
    staff = Group.objects.create(name="地域づくり課職員")
    soon = timezone.localdate() + datetime.timedelta(days=30)

    def organization(title: str, slug: str, token: str, cat=category, **fields):
        return make_organization(
            f"{title} {token}",
            slug=slug,
            districts=[district],
            activities=[(cat, f"{title}の活動 {token}", f"{token} の説明")],
            stage_history=history((stages[1], datetime.date(2024, 4, 1))),
            **fields,
        )

    states = []

    def state(name: str, token: str) -> State:
        states.append(State(name, token))
        return states[-1]

    # Public pages that refer to the hidden ones.
    public = organization("みんなと湊まちづくり", "minato", "zqpublic")
    public.tags.add("バス")
    public.save_revision().publish()
    activities, support, workshops = listing_pages(community_index)
    publish_in_english(Page.objects.get(pk=home.pk).specific, en, "Home")
    index_en = publish_in_english(community_index, en, "Region management organizations")
    public_en = publish_in_english(OrganizationPage.objects.get(pk=public.pk), en, "Minato Network")

    # Each hidden state.
    draft = state("draft", "zqdraft")
    page = organization("下書きの組織", "secret-draft", "zqdraft", cat=secret_category, publish=False)
    draft.hide(page, "下書きの組織")
    draft.markers.append("秘密カテゴリ")  # used only by the draft: never named

    gone = state("unpublished", "zqgone")
    page = organization("取り下げた組織", "secret-unpublished", "zqgone")
    page.unpublish()
    gone.hide(page, "取り下げた組織")

    future = state("future-go-live", "zqfuture")
    page = organization(
        "来月公開の組織", "secret-future", "zqfuture", go_live_at=timezone.now() + datetime.timedelta(days=30)
    )
    future.hide(page, "来月公開の組織")

    expired = state("expired", "zqexpired")
    page = organization("期限切れの組織", "secret-expired", "zqexpired")
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(days=1))
    call_command("publish_scheduled", verbosity=0)
    expired.hide(page, "期限切れの組織")

    login = state("login-restricted", "zqlogin")
    page = organization("会員限定の組織", "secret-login", "zqlogin")
    _restrict(page, PageViewRestriction.LOGIN)
    login.hide(page, "会員限定の組織")
    organizer = page

    password = state("password-restricted", "zqpassword")
    page = organization("合言葉の組織", "secret-password", "zqpassword")
    _restrict(page, PageViewRestriction.PASSWORD)
    password.hide(page, "合言葉の組織")

    group = state("group-restricted", "zqgroup")
    page = organization("職員限定の組織", "secret-group", "zqgroup")
    _restrict(page, PageViewRestriction.GROUPS, staff)
    group.hide(page, "職員限定の組織")

    private_series = state("private-series", "zqprivseries")
    page = make_series(
        "非公開の講座 zqprivseries",
        parent=workshops,
        slug="secret-series",
        sessions=[(soon, "day", "zqprivseries")],
    )
    _restrict(page, PageViewRestriction.LOGIN)
    private_series.hide(page, "非公開の講座")

    other_site = state("second-site", "zqother")
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="他市 zqother", slug="other", locale=ja)
    )
    Site.objects.create(hostname="other.example.jp", port=80, root_page=other_home)
    other_index = CommunityIndexPage(title="他市の地域運営組織 zqother", slug="other-chiiki")
    other_home.add_child(instance=other_index)
    other_index.save_revision().publish()
    page = organization("他市の組織", "other-site-org", "zqother", parent=other_index)
    other_site.hide(page, "他市の組織")
    other_site.markers += ["他市の地域運営組織", "other.example.jp"]
    scoped = ActivityIndexPage(title="他市を指す活動一覧", slug="activities-elsewhere", scope=other_index)
    community_index.add_child(instance=scoped)
    scoped.save_revision().publish()

    draft_translation = state("draft-translation", "zqdrafttr")
    with_draft = organization("英語版準備中の組織", "draft-translated", "zqsrc1")
    page = with_draft.copy_for_translation(en)
    page.title = page.draft_title = "Draft English zqdrafttr"
    page.slug = "secret-draft-english"
    page.save()
    page.save_revision()
    draft_translation.hide(page, "Draft English")

    restricted_translation = state("restricted-translation", "zqresttr")
    with_restricted = organization("英語は限定の組織", "restricted-translated", "zqsrc2")
    page = with_restricted.copy_for_translation(en)
    page.title = "Restricted English zqresttr"
    page.slug = "secret-restricted-english"
    page.save_revision().publish()
    _restrict(page, PageViewRestriction.LOGIN)
    restricted_translation.hide(page, "Restricted English")

    draft_edit = state("draft-edit-of-live-page", "zqedit")
    edited = organization("公開中の組織", "live-with-draft", "zqlive")
    edited = OrganizationPage.objects.get(pk=edited.pk)
    edited.title = "下書きの題名 zqedit"
    edited.summary = "まだ公開していない説明 zqedit"
    edited.save_revision()  # as the admin's "save draft"
    draft_edit.markers += ["下書きの題名", "まだ公開していない説明"]
    draft_edit.found_by_token.append("公開中の組織")
    draft_edit.page_id, draft_edit.path = edited.pk, edited.url

    # A public series organized by the login-only organization, with an English draft.
    series = make_series(
        "公開の講座 zqseries",
        parent=workshops,
        slug="public-series",
        organizer=organizer,
        sessions=[(soon, "day", "")],
    )
    page = series.copy_for_translation(en, copy_parents=True)
    page.title = page.draft_title = "Draft English Series zqdrafttr"
    page.slug = "secret-draft-english-series"
    page.save()
    page.save_revision()
    draft_translation.markers += ["Draft English Series", "secret-draft-english-series"]

    addresses = {
        "index": community_index.url,
        "index_en": index_en.url,
        "district": "minato",
        "category": "secret-category",
        "tag": quote("バス"),
        "org": public.url,
        "org_en": public_en.url,
        "org_id": str(public.pk),
        "org_draft_translation": with_draft.url,
        "org_restricted_translation": with_restricted.url,
        "activities": activities.url,
        "activities_elsewhere": scoped.url,
        "support": support.url,
        "workshops": workshops.url,
        "series": series.url,
        "series_id": str(series.pk),
        "index_id": str(community_index.pk),
        "other_site_path": other_home.path,
    }
    return World(states=states, addresses=addresses)


@pytest.fixture
def viewer_client(client, django_user_model):
    def login(viewer: str):
        if viewer == "anonymous":
            return client
        user = django_user_model.objects.create_user(f"{viewer}-user", password="x")
        if viewer == "member":
            user.groups.add(Group.objects.get(name="地域づくり課職員"))
        client.force_login(user)
        return client

    return login


def fetch(client, surface: Surface, world: World, state: State) -> tuple[int, str]:
    if callable(surface.address):
        return 200, surface.address(world, state)
    address = surface.address.format(
        **world.addresses, token=state.token, hidden_path=quote(state.path), hidden_id=state.page_id
    )
    response = client.get(address, follow=True)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    return response.status_code, text + "\n" + html.unescape(text)


def leaks(status: int, text: str, surface: Surface, state: State) -> list[str]:
    found = [marker for marker in state.markers if marker and marker in text]
    if surface.searches:
        found += [marker for marker in state.found_by_token if marker in text]
    if status >= 500:
        found.append(f"HTTP {status}")
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", VIEWERS)
def test_no_hidden_page_is_named_on_any_public_surface(world, viewer_client, viewer):
    client = viewer_client(viewer)
    failures, cells = [], 0
    for surface in SURFACES:
        per_state = callable(surface.address) or any(p in surface.address for p in STATE_PLACEHOLDERS)
        shared = None if per_state else fetch(client, surface, world, world.states[0])
        for state in world.states:
            status, text = fetch(client, surface, world, state) if per_state else shared
            cells += 1
            if found := leaks(status, text, surface, state):
                failures.append(f"{state.name} × {surface.name}: {', '.join(found)}")
    assert not failures, (
        f"{len(failures)} of {cells} cells ({len(world.states)} states × {len(SURFACES)} surfaces) "
        f"leak as {viewer}:\n" + "\n".join(failures)
    )


def test_every_page_type_and_route_of_the_package_is_a_surface():
    registered = {(surface.page_type, surface.route or "index") for surface in SURFACES}
    missing = []
    for model in get_page_models():
        if model._meta.app_label != "wagtail_chiiki":
            continue
        # The page itself (a route of an empty path, whatever its name) is "index".
        routes = (
            {pattern.name if str(pattern.pattern) else "index" for pattern in model.get_subpage_urls()}
            if issubclass(model, RoutablePageMixin)
            else {"index"}
        )
        missing += [(model.__name__, route) for route in routes if (model.__name__, route) not in registered]
    assert not missing, f"add these to tests/surfaces.py: {missing}"
