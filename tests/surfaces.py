"""Every public surface of the package, in one registry: what the leak matrix fetches.

A surface is an address (a template filled from the test world: ``{index}``, ``{token}`` …) or, for
what has no address of its own (Wagtail search), a function of the world. ``page_type`` and
``route`` say which page type and which routable route it serves: ``tests/test_leak_matrix.py``
fails when a page type or route of the package has no surface here, so a new feed or page type
joins the matrix. ``searches`` marks surfaces that look for the hidden state's own words: they must
find nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Surface:
    name: str
    address: str | Callable
    page_type: str = ""
    route: str = ""
    searches: bool = False

    @property
    def id(self) -> str:
        return self.name


def listing_pages(community_index) -> tuple:
    """The activity list, the support stages page and the workshop index under ``community_index``,
    published: the pages whose surfaces the matrix and the fuzz fetch besides the index's own."""
    from tests.stages import make_stages_page
    from wagtail_chiiki.models import ActivityIndexPage, WorkshopIndexPage

    activities = ActivityIndexPage(title="活動一覧", slug="activities")
    community_index.add_child(instance=activities)
    activities.save_revision().publish()
    support = make_stages_page(community_index)
    workshops = WorkshopIndexPage(title="ワークショップの予定", slug="workshops")
    community_index.add_child(instance=workshops)
    workshops.save_revision().publish()
    return activities, support, workshops


def _wagtail_search(world, state, model=None) -> str:
    """What Wagtail's search finds for the state's words among the live, public pages of the site,
    as a site's search view would ask."""
    from wagtail.models import Page

    pages = (
        (model or Page).objects.live().public().exclude(path__startswith=world.addresses["other_site_path"])
    )
    return "\n".join(page.title for page in pages.search(state.token))


def _wagtail_search_organizations(world, state) -> str:
    from wagtail_chiiki.models import OrganizationPage

    return _wagtail_search(world, state, OrganizationPage)


PAGE_TYPES = (
    "CommunityIndexPage",
    "OrganizationPage",
    "ActivityIndexPage",
    "SupportStagesPage",
    "WorkshopIndexPage",
    "WorkshopSeriesPage",
)

SURFACES: tuple[Surface, ...] = (
    Surface("home", "/"),
    Surface("home-en", "/en/"),
    # The community index and its filters, map and GeoJSON, in both languages.
    Surface("community-index", "{index}", "CommunityIndexPage", "index"),
    Surface("community-index-district", "{index}?district={district}", "CommunityIndexPage", "index"),
    Surface("community-index-category", "{index}?category={category}", "CommunityIndexPage", "index"),
    Surface("community-index-tag", "{index}?tag={tag}", "CommunityIndexPage", "index"),
    Surface("community-index-stage", "{index}?stage=1", "CommunityIndexPage", "index"),
    Surface("community-map", "{index}map/", "CommunityIndexPage", "map"),
    Surface("community-geojson", "{index}geojson/", "CommunityIndexPage", "geojson"),
    Surface("community-index-en", "{index_en}", "CommunityIndexPage", "index"),
    Surface(
        "community-index-en-search", "{index_en}?q={token}", "CommunityIndexPage", "index", searches=True
    ),
    Surface("community-map-en", "{index_en}map/", "CommunityIndexPage", "map"),
    Surface("community-geojson-en", "{index_en}geojson/", "CommunityIndexPage", "geojson"),
    # Organization pages: links to other pages, hreflang and the language switch.
    Surface("organization", "{org}", "OrganizationPage"),
    Surface("organization-with-draft-translation", "{org_draft_translation}", "OrganizationPage"),
    Surface("organization-with-restricted-translation", "{org_restricted_translation}", "OrganizationPage"),
    Surface("organization-en", "{org_en}", "OrganizationPage"),
    # The activity list, its filters and facet counts, and its exports.
    Surface("activities", "{activities}", "ActivityIndexPage", "index"),
    Surface("activities-category", "{activities}?category={category}", "ActivityIndexPage", "index"),
    Surface("activities-district", "{activities}?district={district}", "ActivityIndexPage", "index"),
    Surface("activities-tag", "{activities}?tag={tag}", "ActivityIndexPage", "index"),
    Surface("activities-organization", "{activities}?organization={org_id}", "ActivityIndexPage", "index"),
    Surface("activities-search", "{activities}?q={token}", "ActivityIndexPage", "index", searches=True),
    Surface("activities-scoped-elsewhere", "{activities_elsewhere}", "ActivityIndexPage", "index"),
    Surface("activities-csv", "{activities}export/csv/", "ActivityIndexPage", "export_csv"),
    Surface(
        "activities-csv-search", "{activities}export/csv/?q={token}", "ActivityIndexPage", "export_csv", True
    ),
    Surface("activities-json", "{activities}export/json/", "ActivityIndexPage", "export_json"),
    Surface(
        "activities-json-category",
        "{activities}export/json/?category={category}",
        "ActivityIndexPage",
        "export_json",
    ),
    # Support stages and the organizations at each.
    Surface("support-stages", "{support}", "SupportStagesPage"),
    # Workshops: the upcoming list, a public series with its JSON-LD, and every feed.
    Surface("workshops", "{workshops}", "WorkshopIndexPage", "index"),
    Surface("workshops-ical", "{workshops}calendar/", "WorkshopIndexPage", "ical"),
    Surface("workshops-csv", "{workshops}export/csv/", "WorkshopIndexPage", "csv"),
    Surface("series", "{series}", "WorkshopSeriesPage", "index"),
    Surface("series-ical", "{series}calendar/", "WorkshopSeriesPage", "ical"),
    Surface("series-csv", "{series}export/csv/", "WorkshopSeriesPage", "csv"),
    Surface("series-apply", "{series}apply/", "WorkshopSeriesPage", "apply"),
    Surface("series-applied", "{series}apply/done/", "WorkshopSeriesPage", "applied"),
    Surface("series-cancel", "{series}apply/cancel/", "WorkshopSeriesPage", "cancel"),
    # The API: lists, type filters, detail, find and search.
    Surface("api-pages", "/api/v2/pages/?limit=20"),
    Surface("api-pages-next", "/api/v2/pages/?limit=20&offset=20"),
    Surface("api-pages-more", "/api/v2/pages/?limit=20&offset=40"),
    Surface("api-pages-en", "/api/v2/pages/?locale=en"),
    *(
        Surface(f"api-type-{name}", f"/api/v2/pages/?type=wagtail_chiiki.{name}&fields=*&limit=20")
        for name in PAGE_TYPES
    ),
    Surface("api-children", "/api/v2/pages/?child_of={index_id}&limit=20"),
    Surface("api-detail", "/api/v2/pages/{org_id}/"),
    Surface("api-detail-series", "/api/v2/pages/{series_id}/"),
    Surface("api-find", "/api/v2/pages/find/?html_path={hidden_path}"),
    Surface("api-find-id", "/api/v2/pages/find/?id={hidden_id}"),
    Surface("api-detail-hidden", "/api/v2/pages/{hidden_id}/"),
    Surface("api-search", "/api/v2/pages/?search={token}", searches=True),
    Surface(
        "api-search-organizations",
        "/api/v2/pages/?type=wagtail_chiiki.OrganizationPage&search={token}",
        searches=True,
    ),
    # Wagtail search, as a site's own search view would run it.
    Surface("wagtail-search", _wagtail_search, searches=True),
    Surface("wagtail-search-organizations", _wagtail_search_organizations, searches=True),
)
