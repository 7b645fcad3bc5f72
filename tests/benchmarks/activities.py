"""Benchmark of the activity list (活動一覧) at city scale: 500 organizations, 10,000 activities.

Run it by hand from the repository root; it is not a test (pytest does not collect this folder)::

    .venv/bin/python -m tests.benchmarks.activities
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wagtail_chiiki_bench .venv/bin/python -m tests.benchmarks.activities

Databases as in ``tests/benchmarks/harness.py``: without ``DATABASE_URL`` a temporary SQLite file;
with it, on that PostgreSQL server, the database the URL names, which it creates (it must not exist)
and drops at the end. Options: ``--requests N`` (timed requests per page, default 25), ``--profile`` (the queries of each listing
request with their times, and the plans of the slowest; printed anyway when the target is missed).

It builds the city with ``tests/builders.py`` under the test settings (``tests/settings.py``), then
prints:

* for the listing (unfiltered, one filter, a keyword, all filters), the median time of a request
  through Django's test client after a warm-up, its queries and their time, and its ratio to the
  median of the plain page: the baseline of every benchmark, a rich-text page of the example site's
  ``HomePage`` type with a body of about 3 KB (target: a filtered listing within 3× the plain page);
* for the CSV and JSON exports of the same rows (all 10,000, and two narrower ones) side by side:
  the median time of each, the CSV's ratio to the JSON (target: at most 2×), bytes, and the peak
  of Python memory (tracemalloc) while the CSV is streamed, against the peak of materializing the
  same rows as a list. Streaming should stay flat whatever the number of rows; the list grows with
  it. (tracemalloc sees Python objects only, not the database driver's C buffers.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc

from tests.benchmarks.harness import Database, add_plain_page, get, print_table, time_page, with_database

TARGET_RATIO = 3.0
ORGANIZATIONS = 500
ACTIVITIES = 10_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=25, help="timed requests per page (at least 20)")
    parser.add_argument("--profile", action="store_true", help="print each listing request's queries")
    args = parser.parse_args(argv)
    args.requests = max(args.requests, 20)
    return with_database(run, args)


def run(args, database: Database) -> int:
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from tests.builders import add_activity_index, build_city, make_site
    from tests.html import parse, text

    # No setup_test_environment(): it makes every template render copy its context for the test
    # client (over 500 copies for the organization <select>), which is not what a server does.
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    with transaction.atomic():
        home = make_site()
        city = build_city(home, organizations=ORGANIZATIONS, activities=ACTIVITIES)
        listing_page = add_activity_index(city.index)
    database.analyze()
    built = time.perf_counter()

    client = Client()
    listing = listing_page.url
    plain = add_plain_page(home)
    print(f"\n{database.label}: {ORGANIZATIONS} organizations, {ACTIVITIES} activities")
    print(
        f"migrate {migrated - started:.1f} s, build {built - migrated:.1f} s; {args.requests} timed requests a page"
    )

    pages = [
        ("plain page (HomePage)", plain.url),
        ("listing, unfiltered", listing),
        ("listing, ?category=", listing + "?category=transport"),
        ("listing, ?district=", listing + "?district=district-01"),
        ("listing, ?q=バス", listing + "?q=%E3%83%90%E3%82%B9"),
        ("listing, all filters", listing + "?category=transport&district=district-01&tag=%E3%83%90%E3%82%B9"),
    ]
    timings = {label: time_page(client, url, args.requests) for label, url in pages}
    base = timings["plain page (HomePage)"]["median"]
    print_table(
        ["page", "median ms", "× plain", "queries", "SQL ms", "HTML kB", "text chars"],
        [
            [
                label,
                f"{t['median'] * 1000:.1f}",
                f"{t['median'] / base:.2f}",
                t["queries"],
                f"{t['sql'] * 1000:.1f}",
                f"{len(t['body']) / 1024:.0f}",
                len(text(parse(t["body"]))),
            ]
            for label, t in timings.items()
        ],
    )
    filtered = [t["median"] / base for label, t in timings.items() if label.startswith("listing, ?")]
    missed = max(filtered) > TARGET_RATIO
    print(
        f"target: a filtered listing within {TARGET_RATIO:.0f}× the plain page: {'MISSED' if missed else 'met'}"
    )

    export_table(client, listing_page)

    if args.profile or missed:
        breakdown(listing_page, pages[2][1], args.requests)
        for label, url in pages[1:]:
            profile(client, label, url, database.vendor)
    return 0


def breakdown(page, url: str, requests: int) -> None:
    """Where a listing request's time goes: building the context, and rendering each filter field."""
    from django.test import RequestFactory

    def median(action) -> float:
        action()
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    request = RequestFactory().get(url)
    context = page.get_context(request)
    form = context["filter_form"]
    rows = [["get_context (queries, facets, page rows)", f"{median(lambda: page.get_context(request)):.1f}"]]
    for name in form.fields:
        field = form[name]
        options = len(getattr(field.field, "choices", []))
        rows.append(
            [f"render field {name} ({options} options)", f"{median(lambda field=field: str(field)):.1f}"]
        )
    print(f"\nbreakdown of {url}")
    print_table(["part", "median ms"], rows)


#: The CSV export may take at most this many times the JSON export of the same rows.
EXPORT_TARGET_RATIO = 2.0


def export_table(client, page) -> bool:
    """CSV and JSON exports of the same rows side by side; whether the CSV met its target."""
    from django.test import RequestFactory

    cases = [
        ("all", ""),
        ("?category=", "?category=transport"),
        ("?organization=", "?organization=org-0001"),
    ]

    def download(url: str) -> int:
        return sum(len(chunk) for chunk in get(client, url).streaming_content)

    def median_ms(url: str) -> float:
        download(url)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            download(url)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    rows, ratios = [], []
    for label, query in cases:
        csv_url = page.url + page.reverse_subpage("export_csv") + query
        json_url = page.url + page.reverse_subpage("export_json") + query
        csv_ms, json_ms = median_ms(csv_url), median_ms(json_url)
        ratios.append(csv_ms / json_ms)
        streamed = peak(lambda url=csv_url: download(url))
        request = RequestFactory().get(csv_url)
        listed = peak(lambda request=request: len(list(page.listing(request).export_rows(request))))
        rows.append(
            [
                label,
                listed["value"],
                f"{csv_ms:.0f}",
                f"{json_ms:.0f}",
                f"{csv_ms / json_ms:.2f}",
                f"{download(csv_url) / 1024:.0f}",
                f"{download(json_url) / 1024:.0f}",
                f"{streamed['peak'] / 1024:.0f}",
                f"{listed['peak'] / 1024:.0f}",
            ]
        )
    print()
    print_table(
        [
            "export",
            "rows",
            "CSV ms",
            "JSON ms",
            "CSV × JSON",
            "CSV kB",
            "JSON kB",
            "CSV peak kB",
            "list peak kB",
        ],
        rows,
    )
    met = max(ratios) <= EXPORT_TARGET_RATIO
    print(
        f"target: CSV within {EXPORT_TARGET_RATIO:.0f}× the JSON of the same rows: {'met' if met else 'MISSED'}"
    )
    return met


def peak(action) -> dict:
    """The peak of Python memory allocated while ``action`` runs, and what it returned."""
    tracemalloc.start()
    try:
        value = action()
        return {"value": value, "peak": tracemalloc.get_traced_memory()[1]}
    finally:
        tracemalloc.stop()


def profile(client, label: str, url: str, vendor: str) -> None:
    """The queries of one request, slowest first, and the plan of the slowest."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    ranked = sorted(queries.captured_queries, key=lambda query: -float(query["time"]))
    total = sum(float(query["time"]) for query in ranked)
    print(f"\n{label}: {len(ranked)} queries, {total * 1000:.1f} ms; slowest first")
    for query in ranked[:8]:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {' '.join(query['sql'].split())[:150]}")
    explain = "EXPLAIN ANALYZE " if vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    for query in ranked[:1]:
        with connection.cursor() as cursor:
            cursor.execute(explain + query["sql"])
            plan = [" ".join(str(column) for column in row) for row in cursor.fetchall()]
        print(f"  plan of {' '.join(query['sql'].split())[:90]}…")
        for line in plan:
            print(f"      {line}")


if __name__ == "__main__":
    sys.exit(main())
