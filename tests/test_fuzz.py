"""A bounded fuzz of every public address: seeded random parameters, methods, headers and trailing
junk over the registry of surfaces (``tests/surfaces.py``) and the API; no answer is a server error.

Seeded, so a failure is reproduced by running the test again; each failure names its request.
"""

from __future__ import annotations

import datetime
import random
import time
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from tests.stages import history, make_stages, publish_in_english
from tests.surfaces import SURFACES, listing_pages
from wagtail_chiiki.models import OrganizationPage

REQUESTS = 10_000
SEED = 20261202
PARAMETERS = [
    "q",
    "category",
    "district",
    "organization",
    "stage",
    "tag",
    "sort",
    "page",
    "type",
    "fields",
    "search",
    "search_operator",
    "offset",
    "limit",
    "order",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "locale",
    "translation_of",
    "html_path",
    "id",
    "site",
    "format",
]
VALUES = [
    "",
    "%",
    "%00",
    "\x00",
    "'",
    '"',
    "\\",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "-1",
    "0",
    "1",
    "2",
    "3",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "../../etc/passwd",
    "minato",
    "transport",
    "バス",
    "みなと",
    "ｶﾀｶﾅ",
    "*",
    "-id",
    "title,-id",
    "_,*,-title",
    "wagtail_chiiki.OrganizationPage",
    "wagtailcore.Page",
    "nope.Nope",
    "title",
    "-first_published_at",
    "random",
    "en",
    "zz",
    "/",
    "/chiiki/",
    "a" * 300,
    "\u202e\u200b",
    "%E3%81",
    "1,2",
    "true",
]
JUNK = [
    "",
    "",
    "",
    "x/",
    "x",
    "/",
    "//",
    "%2e%2e/",
    "..%2f",
    "%00/",
    ".json",
    ";a=b",
    "%ff/",
    "~/",
    "export/",
    "a/b/c/",
]
METHODS = ["GET"] * 12 + ["HEAD", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
LANGUAGES = ["ja", "en", "zz", "*", "ja;q=abc", ""]


@pytest.fixture
def site_addresses(
    home, community_index, locales, make_organization, make_district, make_category, make_series
):
    """Every page type once, with rows to filter on, in Japanese and English."""
    district = make_district("湊", "minato")
    category = make_category("地域内交通", "transport")
    stages = make_stages(locales)
    organization = make_organization(
        "みんなと湊まちづくり",
        slug="minato",
        districts=[district],
        activities=[(category, "みなとバスの運行", "地区を巡回するバス")],
        stage_history=history((stages[1], datetime.date(2024, 4, 1))),
        latitude="37.49",
        longitude="139.92",
    )
    organization.tags.add("バス")
    organization.save_revision().publish()
    activities, support, workshops = listing_pages(community_index)
    soon = timezone.localdate() + datetime.timedelta(days=10)
    series = make_series(parent=workshops, sessions=[(soon, "day", "話題")])
    en = locales["en"]
    publish_in_english(Page.objects.get(pk=home.pk).specific, en, "Home")
    index_en = publish_in_english(community_index, en, "Organizations")
    organization_en = publish_in_english(OrganizationPage.objects.get(pk=organization.pk), en, "Minato")
    return {
        "index": community_index.url,
        "index_en": index_en.url,
        "district": "minato",
        "category": "transport",
        "tag": quote("バス"),
        "org": organization.url,
        "org_en": organization_en.url,
        "org_id": str(organization.pk),
        "org_draft_translation": organization.url,
        "org_restricted_translation": organization.url,
        "activities": activities.url,
        "activities_elsewhere": activities.url,
        "support": support.url,
        "workshops": workshops.url,
        "series": series.url,
        "series_id": str(series.pk),
        "index_id": str(community_index.pk),
        "token": "バス",
        "hidden_path": quote(organization.url),
        "hidden_id": str(organization.pk),
    }


def addresses(site: dict) -> list[str]:
    """The path of every surface, without its query, plus the other public addresses of the site."""
    paths = {
        surface.address.format(**site).split("?")[0] for surface in SURFACES if not callable(surface.address)
    }
    paths |= {"/api/v2/documents/", "/api/v2/images/", "/api/v2/pages/find/", "/documents/1/x.pdf", "/en/x/"}
    return sorted(paths)


def random_request(rng: random.Random, paths: list[str]) -> tuple[str, str, dict]:
    path = rng.choice(paths) + rng.choice(JUNK)
    query = [(rng.choice(PARAMETERS), rng.choice(VALUES)) for _ in range(rng.randrange(0, 4))]
    if rng.random() < 0.1:
        query.append((rng.choice(VALUES), rng.choice(VALUES)))  # unknown names too
    if query:
        path += "?" + urlencode(query)
    headers = {"HTTP_ACCEPT_LANGUAGE": rng.choice(LANGUAGES)}
    if rng.random() < 0.1:
        headers["HTTP_IF_NONE_MATCH"] = rng.choice(['"x"', "*", ""])
    return rng.choice(METHODS), path, headers


@pytest.mark.soak
@pytest.mark.django_db
def test_ten_thousand_random_requests_never_get_a_server_error(site_addresses):
    client = Client(raise_request_exception=False)
    rng = random.Random(SEED)
    paths = addresses(site_addresses)
    errors: list[str] = []
    statuses: dict[int, int] = {}
    started = time.monotonic()
    for _ in range(REQUESTS):
        method, path, headers = random_request(rng, paths)
        response = client.generic(method, path, **headers)
        if response.streaming:
            b"".join(response.streaming_content)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            errors.append(f"{method} {path} → {response.status_code}")
    summary = (
        f"{REQUESTS} requests over {len(paths)} addresses in {time.monotonic() - started:.0f}s, "
        f"statuses {dict(sorted(statuses.items()))}"
    )
    assert not errors, f"{summary}; {len(errors)} server errors:\n" + "\n".join(errors[:40])
