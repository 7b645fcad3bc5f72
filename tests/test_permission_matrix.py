"""The permission matrix, observed through the admin's own HTTP views.

Five roles (city administrator, city editor, the editors of organizations A and B, the English
translator) × what they may do to pages, snippets, the stage field, uploads and what each chooser
lists. Every cell is observed as a response of the admin and compared with ``EXPECTED``.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.admin_forms import organization_form
from tests.html import parse, text
from tests.roles import PASSWORD, ROLES, build_city, png
from wagtail_chiiki.models import OrganizationPage

PAGE_TARGETS = ("own_org", "other_org", "index", "stages", "own_series", "other_series")
PAGE_ACTIONS = ("edit", "publish", "unpublish", "delete", "move", "add_child", "revisions", "preview")
SNIPPETS = ("district", "category", "contact", "stage")

Y, N = True, False


def page_row(edit, publish, unpublish, delete, move, add_child, revisions, preview) -> dict[str, bool]:
    return dict(
        zip(
            PAGE_ACTIONS, (edit, publish, unpublish, delete, move, add_child, revisions, preview), strict=True
        )
    )


NOTHING = page_row(N, N, N, N, N, N, N, N)
# An organization's editor edits and previews their page, keeps revisions, and submits: no publishing.
EDIT_ONLY = page_row(Y, N, N, N, N, N, Y, Y)
# A page without subpage types, for someone who may do everything else.
LEAF = page_row(Y, Y, Y, Y, Y, N, Y, Y)
CITY_ADMIN_PAGES = {**dict.fromkeys(PAGE_TARGETS, LEAF), "index": page_row(Y, Y, Y, Y, Y, Y, Y, Y)}
# City editors may not delete the index (it has children; no bulk delete). Wagtail lets whoever may
# delete a page with the index's rights open its move view, but offers them no place to move it to.
CITY_EDITOR_PAGES = {**dict.fromkeys(PAGE_TARGETS, LEAF), "index": page_row(Y, Y, Y, N, Y, Y, Y, Y)}
ORG_EDITOR_PAGES = {
    target: EDIT_ONLY if target in ("own_org", "own_series") else NOTHING for target in PAGE_TARGETS
}

ALL_SNIPPETS = {f"{action}_{kind}": Y for kind in SNIPPETS for action in ("add", "edit")}
NO_SNIPPETS = {f"{action}_{kind}": N for kind in SNIPPETS for action in ("add", "edit")}

# City staff choose, upload and change alike; they differ in what they may do to pages.
CITY_STAFF = {
    "snippets": ALL_SNIPPETS,
    "change_stage": Y,
    "upload": {"own": Y, "other": Y},
    "choosers": {
        "pages": {"chiiki", "org-a", "org-b", "draft-org", "support", "series-a", "series-b"},
        "images": {"image-own", "image-other", "image-shared", "image-root"},
        "documents": {"document-own", "document-other", "document-shared"},
        "browse_draft": Y,
    },
}


def organization_editor(collection: str) -> dict[str, object]:
    """An organization's editors' row: their collection's media and the public ones, nobody's drafts."""
    return {
        "pages": ORG_EDITOR_PAGES,
        "snippets": NO_SNIPPETS,
        "change_stage": N,
        "upload": {"own": Y, "other": N},
        "choosers": {
            "pages": {"chiiki", "org-a", "org-b", "support", "series-a", "series-b"},
            "images": {f"image-{collection}", "image-shared"},
            "documents": {f"document-{collection}", "document-shared"},
            "browse_draft": N,
        },
    }


EXPECTED: dict[str, dict[str, object]] = {
    "city_admin": {
        "pages": CITY_ADMIN_PAGES,
        **CITY_STAFF,
    },
    "city_editor": {
        "pages": CITY_EDITOR_PAGES,
        **CITY_STAFF,
    },
    # Organization A's media are in the collection "own", B's in "other" (named from A's side).
    "editor_a": organization_editor("own"),
    "editor_b": organization_editor("other"),
    "translator_en": {
        "pages": dict.fromkeys(PAGE_TARGETS, NOTHING),
        "snippets": NO_SNIPPETS,
        "change_stage": N,
        "upload": {"own": N, "other": N},
        "choosers": {
            "pages": {"chiiki", "org-a", "org-b", "draft-org", "support", "series-a", "series-b"},
            "images": {"image-shared"},
            "documents": {"document-shared"},
            "browse_draft": Y,
        },
    },
}


def cells(row: dict) -> int:
    """The number of allow/deny cells and listings in a row of the matrix."""
    return sum(cells(value) if isinstance(value, dict) else 1 for value in row.values())


def test_the_matrix_has_every_cell():
    assert set(EXPECTED) == set(ROLES)
    # 6 targets × 8 page actions + 4 snippets × add/edit + the stage field + 2 uploads + 4 choosers
    assert {role: cells(row) for role, row in EXPECTED.items()} == dict.fromkeys(ROLES, 63)
    assert sum(cells(row) for row in EXPECTED.values()) == 315


@pytest.fixture
def city(locales, home, community_index, make_organization, make_series, make_district, make_category):
    return build_city(
        locales, home, community_index, make_organization, make_series, make_district, make_category
    )


def login(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def allowed(response) -> bool:
    """200 is the view; a refusal is Wagtail's redirect to the dashboard, 403 or 404."""
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "login" not in response["Location"], "the user was not logged in"
    return False


def targets_for(role: str, city) -> dict:
    pages = dict(city.pages)
    if role == "editor_b":
        pages["own_org"], pages["other_org"] = city.pages["other_org"], city.pages["own_org"]
        pages["own_series"], pages["other_series"] = city.pages["other_series"], city.pages["own_series"]
    return pages


def observe_page(client: Client, page) -> dict[str, bool]:
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    can_edit = allowed(edit)
    return {
        "edit": can_edit,
        "publish": can_edit and parse(edit.content).find(name="action-publish") is not None,
        "unpublish": allowed(client.get(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))),
        "delete": allowed(client.get(reverse("wagtailadmin_pages:delete", args=(page.pk,)))),
        "move": allowed(client.get(reverse("wagtailadmin_pages:move", args=(page.pk,)))),
        "add_child": allowed(client.get(reverse("wagtailadmin_pages:add_subpage", args=(page.pk,)))),
        "revisions": allowed(client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))),
        "preview": allowed(client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))),
    }


def snippet_url(obj, action: str) -> str:
    name = f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:{action}"
    return reverse(name) if action == "add" else reverse(name, args=(obj.pk,))


def observe_snippets(client: Client, city) -> dict[str, bool]:
    observed = {}
    for kind in SNIPPETS:
        obj = city.snippets[kind]
        observed[f"add_{kind}"] = allowed(client.get(snippet_url(obj, "add")))
        observed[f"edit_{kind}"] = allowed(client.get(snippet_url(obj, "edit")))
    return observed


def stage_form(page: OrganizationPage, stage, reached: str) -> dict:
    """The edit form of organization A as a crafted POST: its own values, one stage row added."""
    data = organization_form(action="draft", title=page.title, slug=page.slug, summary=page.summary)
    data.update(
        nested_form_data({"stage_history": inline_formset([{"stage": str(stage.pk), "reached": reached}])})
    )
    return data


def observe_stage_change(client: Client, city, role: str) -> bool:
    page = targets_for(role, city)["own_org"]
    stage = city.snippets["stage"]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), stage_form(page, stage, "2024-06-01")
    )
    saved = OrganizationPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    changed = (stage.pk, datetime.date(2024, 6, 1)) in [
        (r.stage_id, r.reached) for r in saved.stage_history.all()
    ]
    if not changed and response.status_code == 200:
        # Refused in words (the admin speaks the site's language, Japanese), not silently dropped.
        assert "市だけが変更できます" in text(parse(response.content)), role
    return changed


def observe_upload(client: Client, collection) -> bool:
    Image = get_image_model()
    before = Image.objects.filter(collection=collection).count()
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "upload",
            "collection": collection.pk,
            "file": SimpleUploadedFile("upload.png", png(), content_type="image/png"),
            "tags": "",
        },
    )
    return Image.objects.filter(collection=collection).count() == before + 1


def chooser_html(response) -> str:
    return json.loads(response.content)["html"]


def observe_choosers(client: Client, city) -> dict[str, object]:
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=(city.index.pk,)))
    ids = [link["data-id"] for link in parse(chooser_html(browse)).find_all("a", class_="choose-page")]
    images = parse(chooser_html(client.get(reverse("wagtailimages_chooser:choose"))))
    documents = parse(chooser_html(client.get(reverse("wagtaildocs_chooser:choose"))))
    draft = client.get(reverse("wagtailadmin_choose_page_child", args=(city.pages["draft_org"].pk,)))
    return {
        "pages": set(Page.objects.filter(pk__in=ids).values_list("slug", flat=True)),
        "images": {text(link.one("h3")) for link in images.find_all("a", class_="image-choice")},
        "documents": {text(link) for link in documents.find_all("a", data_chooser_modal_choice=True)},
        "browse_draft": allowed(draft),
    }


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_what_the_matrix_says(city, role):
    client = login(role)
    targets = targets_for(role, city)
    collections = dict(city.collections)
    if role == "editor_b":
        collections["own"], collections["other"] = collections["other"], collections["own"]

    observed = {
        "choosers": observe_choosers(client, city),  # first: the uploads below add images
        "pages": {target: observe_page(client, targets[target]) for target in PAGE_TARGETS},
        "snippets": observe_snippets(client, city),
        "change_stage": observe_stage_change(client, city, role),
        "upload": {key: observe_upload(client, collections[key]) for key in ("own", "other")},
    }

    assert observed == EXPECTED[role]
