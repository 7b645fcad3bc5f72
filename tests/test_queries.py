"""Query budgets: pages render in a constant number of queries, whatever the number of rows."""

from __future__ import annotations

import pytest
from django.utils.timezone import now
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.queries import request_queries
from wagtail_chiiki.models import Contact, MemberGroup, TransportService

ORGANIZATION_PAGE_CEILING = 25
INDEX_PAGE_CEILING = 25


@pytest.fixture
def organization_with(make_organization, make_district, make_category, locales):
    districts = [make_district(f"地区{i}", f"district-{i}", i) for i in range(3)]
    categories = [make_category(f"分野{i}", f"category-{i}", i) for i in range(5)]
    contact = Contact.objects.create(name="地域づくり課", phone="0242-39-1202", locale=locales["ja"])
    image = Image.objects.create(title="photo", file=get_test_image_file())

    def make(rows: int):
        page = make_organization(
            f"組織{rows}",
            slug=f"org-{rows}",
            districts=districts,
            activities=[(categories[i % 5], f"活動{i}", f"説明{i}") for i in range(rows)],
            links=[("note", f"https://note.com/example-{i}") for i in range(rows)],
            contact=contact,
            thumbnail=image,
            latitude="37.494722",
            longitude="139.929722",
            publish=False,
        )
        page.transport_services = [TransportService(name=f"バス{i}") for i in range(rows)]
        page.member_groups = [MemberGroup(name=f"団体{i}") for i in range(rows)]
        page.tags.add(*[f"言葉{i}" for i in range(rows)])
        page.save_revision().publish()
        return page

    return make


@pytest.mark.django_db
def test_organization_page_queries_do_not_grow_with_activities_and_links(client, organization_with):
    one = organization_with(1)
    fifty = organization_with(50)

    queries_one = request_queries(client, one.url).queries
    queries_fifty = request_queries(client, fifty.url).queries

    assert queries_one == queries_fifty
    assert queries_fifty <= ORGANIZATION_PAGE_CEILING


def add_organizations(index, start: int, stop: int, districts, categories, image) -> None:
    """Adds live organization pages quickly (no revisions), each with a district and an activity."""
    from wagtail_chiiki.models import Activity, OrganizationPage

    for i in range(start, stop):
        page = OrganizationPage(
            title=f"組織{i}",
            slug=f"org-{i}",
            summary="紹介",
            thumbnail=image,
            live=True,
            first_published_at=now(),
        )
        page.activities = [Activity(category=categories[i % len(categories)], title=f"活動{i}")]
        index.add_child(instance=page)
        page.districts.set([districts[i % len(districts)]])


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_organizations(client, community_index, make_district, make_category):
    districts = [make_district(f"地区{i}", f"district-{i}", i) for i in range(4)]
    categories = [make_category(f"分野{i}", f"category-{i}", i) for i in range(4)]
    image = Image.objects.create(title="photo", file=get_test_image_file())
    queries = ["", "?district=district-1", "?category=category-2", "?district=x&category=y&tag=z"]

    add_organizations(community_index, 0, 5, districts, categories, image)
    with_five = {query: request_queries(client, community_index.url + query).queries for query in queries}
    add_organizations(community_index, 5, 200, districts, categories, image)
    with_two_hundred = {
        query: request_queries(client, community_index.url + query).queries for query in queries
    }

    assert with_five == with_two_hundred
    assert max(with_two_hundred.values()) <= INDEX_PAGE_CEILING
