"""Benchmark of the package's pages and feeds at city scale, uncached and cached, against the plain page.

Run it by hand from the repository root; it is not a test (pytest does not collect this folder)::

    .venv/bin/python -m tests.benchmarks.pages
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wagtail_chiiki_bench .venv/bin/python -m tests.benchmarks.pages

Databases as in ``tests/benchmarks/harness.py`` (whose helpers it uses). It builds 500
organizations (each at one of five support stages) with 10,000 activities, an activity list and a
stages page, and the plain page (a rich-text page with a body of about 3 KB, the baseline of every
benchmark). For each page it prints the median time of a request through Django's test client
three ways, each with its ratio to the plain page: rendered (``CACHE_PAGES`` off), served whole from
Django's cache (``CACHE_PAGES`` on, the local-memory cache), and a 304 to the ETag; with the
queries of the rendered request and its size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from tests.benchmarks.harness import Database, add_plain_page, print_table, with_database

ORGANIZATIONS = 500
ACTIVITIES = 10_000
WARM_UP = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=15, help="timed requests per page and way")
    return with_database(run, parser.parse_args(argv))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def median_ms(client, url: str, requests: int, **headers) -> tuple[float, object, bytes]:
    """The median of ``requests`` timed requests (the body read to its end), after a warm-up."""
    expected = 304 if headers else 200
    for _ in range(WARM_UP):
        body(client.get(url, **headers))
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url, **headers)
        content = body(response)
        times.append(time.perf_counter() - start)
        assert response.status_code == expected, (url, response.status_code)
    return statistics.median(times) * 1000, response, content


def queries_of(client, url: str) -> int:
    from tests.queries import count_queries

    return count_queries(lambda: body(client.get(url)))[0]


def run(args, database: Database) -> int:
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client, override_settings

    from tests.builders import add_activity_index, build_city, make_site
    from tests.stages import make_stages_page
    from wagtail_chiiki.models import OrganizationPage, SupportStage

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        home = make_site()
        city = build_city(home, organizations=ORGANIZATIONS, activities=ACTIVITIES)
        listing = add_activity_index(city.index)
        stages = [
            SupportStage.objects.create(number=n, name=f"段階{n}", goal="目指す姿", locale=home.locale)
            for n in range(5)
        ]
        for n, stage in enumerate(stages):
            OrganizationPage.objects.filter(pk__in=[p.pk for p in city.organizations[n::5]]).update(
                stage=stage
            )
        support = make_stages_page(city.index)
        plain = add_plain_page(home)
    database.analyze()
    built = time.perf_counter()

    index = city.index.url
    pages = [
        ("plain page (3 KB rich text)", plain.url),
        ("organization page", city.organizations[0].url),
        ("community index", index),
        ("community index ?district=", index + "?district=district-01"),
        ("map view", index + "map/"),
        ("GeoJSON feed", index + "geojson/"),
        ("support stages page", support.url),
        ("activity list", listing.url),
        ("activity list ?category=", listing.url + "?category=transport"),
        ("activity CSV, 10,000 rows", listing.url + "export/csv/"),
    ]
    print(f"\n{database.label}: {ORGANIZATIONS} organizations, {ACTIVITIES} activities")
    print(f"migrate and build {built - started:.1f} s; {args.requests} timed requests a page and way")

    client = Client()
    results = {}
    for label, url in pages:
        with override_settings(WAGTAIL_CHIIKI={"CACHE_PAGES": False}):
            rendered, response, content = median_ms(client, url, args.requests)
            queries = queries_of(client, url)
            etag = response.get("ETag")  # the plain page is not the package's: neither 304 nor cache
            not_modified = median_ms(client, url, args.requests, HTTP_IF_NONE_MATCH=etag)[0] if etag else None
        cached = None
        if etag:
            with override_settings(WAGTAIL_CHIIKI={"CACHE_PAGES": True}):
                cache.clear()
                cached = median_ms(client, url, args.requests)[0]
        results[label] = (rendered, cached, not_modified, queries, len(content))

    base = results[pages[0][0]][0]

    def cells(ms: float | None) -> list[str]:
        return ["—", "—"] if ms is None else [f"{ms:.1f}", f"{ms / base:.2f}"]

    rows = [
        [label, *cells(rendered), *cells(cached), *cells(not_modified), queries, f"{size / 1024:.0f}"]
        for label, (rendered, cached, not_modified, queries, size) in results.items()
    ]
    print_table(
        ["page", "rendered ms", "× plain", "cached ms", "× plain", "304 ms", "× plain", "queries", "kB"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
