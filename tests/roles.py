"""Builders for the roles tests: a city with two organizations, their series, an English tree, and one
user per role, set up by ``setup_roles`` and ``setup_organization_editors``."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from tests.stages import history, make_stages, make_stages_page, publish_in_english
from wagtail_chiiki.models import Contact
from wagtail_chiiki.roles import setup_organization_editors, setup_roles

ROLES = ("city_admin", "city_editor", "editor_a", "editor_b", "translator_en")
PASSWORD = "pass-1234"


def png() -> bytes:
    """A small PNG, as an editor would upload."""
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (4, 3), "white").save(out, "PNG")
    return out.getvalue()


@dataclass
class City:
    """What ``build_city`` made, by name."""

    index: Page
    pages: dict[str, Page]
    users: dict[str, object]
    collections: dict[str, Collection]
    snippets: dict[str, object]
    images: dict[str, object] = field(default_factory=dict)
    documents: dict[str, object] = field(default_factory=dict)
    roles: object = None


def make_user(username: str, *groups, superuser: bool = False):
    user = get_user_model().objects.create_user(username, f"{username}@example.jp", PASSWORD)
    user.is_superuser = superuser
    user.save()
    user.groups.add(*groups)
    return user


def make_image(title: str, collection: Collection):
    image = get_image_model()(
        title=title, collection=collection, file=ImageFile(io.BytesIO(png()), name="a.png")
    )
    image.save()
    return image


def make_document(title: str, collection: Collection):
    document = get_document_model()(
        title=title, collection=collection, file=ContentFile(b"%PDF-1.4", name="a.pdf")
    )
    document.save()
    return document


def build_city(
    locales, home, community_index, make_organization, make_series, make_district, make_category
) -> City:
    """Two organizations (A and B), a series of each, the stages page, an English tree, the roles."""
    stages = make_stages(locales)
    district = make_district("湊", "minato")
    category = make_category("地域内交通", "transport")
    contact = Contact.objects.create(name="地域づくり課", phone="0242-39-1111", locale=locales["ja"])
    org_a = make_organization(
        "湊まちづくり協議会",
        slug="org-a",
        districts=[district],
        stage_history=history((stages[1], datetime.date(2020, 4, 1))),
    )
    org_b = make_organization("一箕地区協議会", slug="org-b")
    stages_page = make_stages_page(community_index)
    series_a = make_series("湊のワークショップ", slug="series-a", organizer=org_a)
    series_b = make_series("一箕のワークショップ", slug="series-b", organizer=org_b)
    hidden_draft = make_organization("下書きの協議会", slug="draft-org", publish=False)
    en_home = publish_in_english(home, locales["en"], "Home")
    en_index = publish_in_english(community_index, locales["en"], "Organizations")
    en_org_a = publish_in_english(org_a, locales["en"], "Minato council")

    roles = setup_roles()
    team_a = setup_organization_editors(org_a)
    team_b = setup_organization_editors(org_b)
    shared = Collection.get_first_root_node().add_child(name="共有")
    roles = setup_roles()  # again: the shared collection made after the first run becomes choosable
    setup_organization_editors(org_a)
    setup_organization_editors(org_b)

    users = {
        "city_admin": make_user("city_admin", roles.administrators),
        "city_editor": make_user("city_editor", roles.editors),
        "editor_a": make_user("editor_a", team_a.group),
        "editor_b": make_user("editor_b", team_b.group),
        "translator_en": make_user("translator_en", roles.translators["en"]),
    }
    city = City(
        index=community_index,
        pages={
            "own_org": org_a,
            "other_org": org_b,
            "index": community_index,
            "stages": stages_page,
            "own_series": series_a,
            "other_series": series_b,
            "draft_org": hidden_draft,
            "en_home": en_home,
            "en_index": en_index,
            "en_org": en_org_a,
            "home": home,
        },
        users=users,
        collections={"own": team_a.collection, "other": team_b.collection, "shared": shared},
        snippets={"district": district, "category": category, "contact": contact, "stage": stages[1]},
        roles=roles,
    )
    for key, collection in city.collections.items():
        city.images[key] = make_image(f"image-{key}", collection)
        city.documents[key] = make_document(f"document-{key}", collection)
    city.images["root"] = make_image("image-root", Collection.get_first_root_node())
    return city
