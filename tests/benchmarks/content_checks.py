"""Benchmark of the content checks on the server: a page body of 200 blocks, checked in under 50 ms.

Run it by hand from the repository root; it is not a test (pytest does not collect this folder)::

    .venv/bin/python -m tests.benchmarks.content_checks [--runs 50]

It builds an organization page in memory (no database needed) whose body holds 200 blocks of every
kind of the package (headings, rich-text paragraphs with links, images, documents, link lists,
notices, social links) with a few planted problems, then times ``check_page`` — text extraction from
the title, fields and every block, and every rule in force — and prints the median, the 95th
percentile and the slowest run, the segments read and the findings made, against the 50 ms target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

TARGET_MS = 50.0
BLOCKS = 200


def body(count: int = BLOCKS) -> list[dict]:
    """``count`` blocks in the stored JSON form, cycling through the package's block types."""
    kinds = [
        lambda i: ("heading", {"text": f"第{i}回の活動報告", "level": "h2"}),
        lambda i: (
            "paragraph",
            f'<p>地域の清掃活動を{i}月に行いました。参加者は{i + 20}人で、<a href="https://www.example.jp/r{i}">'
            f'活動報告のページ</a>に写真を載せています。<a linktype="document" id="{i}">報告書(PDF 120KB)</a></p>'
            "<ul><li>集合場所：公民館</li><li>持ち物：軍手、タオル</li></ul>",
        ),
        lambda i: (
            "image",
            {"image": i, "alt_text": f"清掃活動に参加した住民{i}人の集合写真", "caption": "活動の様子"},
        ),
        lambda i: ("document", {"document": i, "title": f"第{i}回の議事録"}),
        lambda i: (
            "links",
            {
                "heading": "関連リンク",
                "links": [
                    {
                        "type": "item",
                        "id": f"l{i}-{n}",
                        "value": {"text": f"関連ページ{n}", "page": None, "url": ""},
                    }
                    for n in range(3)
                ],
            },
        ),
        lambda i: (
            "notice",
            {
                "title": f"写真コンテスト{i}",
                "body": '<p>応募は2024/6/21まで。ＡＢＣ賞もあります。詳しくは<a href="/c/">こちら</a></p>',
                "starts": None,
                "ends": None,
                "link": {"text": "コンテストの案内", "page": None, "url": "https://www.example.jp/c/"},
            },
        ),
        lambda i: (
            "social_links",
            {
                "owner": "みんなと湊まちづくりネットワーク",
                "links": [
                    {
                        "type": "item",
                        "id": f"s{i}",
                        "value": {"kind": "note", "url": "https://note.com/x", "label": ""},
                    }
                ],
            },
        ),
    ]
    blocks = []
    for i in range(count):
        kind, value = kinds[i % len(kinds)](i)
        blocks.append({"type": kind, "value": value, "id": f"block-{i}"})
    return blocks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50, help="timed runs after a warm-up (at least 20)")
    args = parser.parse_args(argv)
    runs = max(args.runs, 20)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    from wagtail_chiiki.content_checks.config import rules_for_site
    from wagtail_chiiki.content_checks.extract import page_segments
    from wagtail_chiiki.content_checks.pages import check_page
    from wagtail_chiiki.models import OrganizationPage

    # No database: a page asks for its content type when made, so it is put in Django's cache.
    ContentType.objects._add_to_cache(
        "default", ContentType(id=1, app_label="wagtail_chiiki", model="organizationpage")
    )
    page = OrganizationPage(
        title="NPO法人みんなと湊まちづくりネットワーク",
        slug="minato",
        summary="地域内交通や直売所の運営を行っています。",
        locale=Locale(language_code="ja"),
        body=body(),
    )
    # The site's rules and host names are read once per request in the admin; here, once.
    rules = rules_for_site(None)
    hosts = ("www.midori.example.jp",)
    segments = page_segments(page)
    for _ in range(3):
        report = check_page(page, rules, hosts)
    timings = []
    for _ in range(runs):
        # A new page object each time: nothing read from the last run's StreamField is reused.
        fresh = OrganizationPage(
            title=page.title, slug="minato", summary=page.summary, locale=page.locale, body=body()
        )
        started = time.perf_counter()
        report = check_page(fresh, rules, hosts)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"page of {len(page.body.raw_data)} blocks: {len(segments)} segments, {len(rules)} rules")
    print(f"findings: {len(report.findings)} ({', '.join(f'{r.id} {n}' for r, n in report.counts())})")
    print(
        f"check_page over {runs} runs: median {median:.1f} ms, p95 {p95:.1f} ms, slowest {timings[-1]:.1f} ms"
    )
    met = median < TARGET_MS
    print(f"target: under {TARGET_MS:.0f} ms: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
