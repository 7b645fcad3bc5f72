"""The page templates: one base page with named blocks a host site overrides one at a time, no
inline scripts (a strict Content-Security-Policy works), and lines a person can read."""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.html import Element, parse
from tests.stages import make_stages, make_stages_page
from wagtail_chiiki.models import Contact, WorkshopIndexPage

TEMPLATES = Path(__file__).resolve().parent.parent / "wagtail_chiiki" / "templates" / "wagtail_chiiki"
PAGE_TEMPLATES = sorted((TEMPLATES / "pages").glob("*.html"))
DOCS = Path(__file__).resolve().parent.parent / "docs" / "templates.md"

# Script elements a browser does not run: data for JSON-LD readers and for map.js (json_script).
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


@pytest.fixture
def organization(make_organization, make_category, locales):
    contact = Contact.objects.create(name="市役所 地域づくり課", phone="0242-39-1202", locale=locales["ja"])
    return make_organization(
        "一箕地区まちづくり協議会",
        slug="ichiki",
        activities=[
            (make_category("交流", "exchange"), "夏祭り", "毎年8月に開きます。"),
            (None, "見守り", ""),
        ],
        links=[("website", "https://www.example.jp/ichiki/")],
        contact=contact,
        latitude="37.5",
        longitude="139.9",
    )


@pytest.fixture
def every_page_type(community_index, organization, activity_index, make_series, locales):
    """The address of one page of each page type, with content in every section it has."""
    workshops = WorkshopIndexPage(title="ワークショップ", slug="workshops", page_size=20)
    community_index.add_child(instance=workshops)
    workshops.save_revision().publish()
    today = datetime.date.today()
    series = make_series(
        parent=workshops,
        sessions=[(today + datetime.timedelta(days=7), "day", "話し合い")],
        organizer=organization,
    )
    make_stages(locales)
    stages = make_stages_page(community_index)
    return {
        "community index": community_index.url,
        "map": community_index.url + "map/",
        "organization": organization.url,
        "activity index": activity_index.url,
        "support stages": stages.url,
        "workshop index": workshops.url,
        "workshop series": series.url,
    }


def dump(node: Element | str, replace: Element | None = None) -> str:
    """The element as markup with its whitespace collapsed; ``replace`` becomes ``<replaced/>``."""
    if isinstance(node, str):
        return re.sub(r"\s+", " ", node)
    if node is replace:
        return "<replaced/>"
    attrs = "".join(f' {name}="{value}"' for name, value in sorted(node.attrs.items()))
    inner = "".join(dump(child, replace) for child in node.children)
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


def test_a_host_template_overrides_one_section_and_the_rest_of_the_page_stays_as_it_was(
    client, organization, settings, tmp_path
):
    before = parse(client.get(organization.url).content.decode())
    host = tmp_path / "wagtail_chiiki" / "pages"
    host.mkdir(parents=True)
    (host / "organization_page.html").write_text(
        '{% extends "wagtail_chiiki/pages/organization_page.html" %}\n'
        "{% block chiiki_activities %}"
        '<section class="host-activities">{% for activity in activities %}<p>{{ activity.title }}</p>{% endfor %}'
        "</section>{% endblock %}\n",
        encoding="utf-8",
    )
    templates = copy.deepcopy(django_settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    after = parse(client.get(organization.url).content.decode())

    ours = before.one("section", aria_labelledby="chiiki-activities-heading")
    theirs = after.one("section", class_="host-activities")
    assert [dump(p) for p in theirs.find_all("p")] == ["<p>夏祭り</p>", "<p>見守り</p>"]
    assert after.find("section", aria_labelledby="chiiki-activities-heading") is None
    assert dump(after, replace=theirs) == dump(before, replace=ours)


def block_names(template: Path) -> list[str]:
    return re.findall(r"{% block (\w+) %}", template.read_text(encoding="utf-8"))


def documented_blocks() -> dict[str, set[str]]:
    """The block names docs/templates.md lists under each page template's heading."""
    blocks: dict[str, set[str]] = {}
    current = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"#+ .*`wagtail_chiiki/pages/(\w+\.html)`", line):
            current = blocks.setdefault(heading.group(1), set())
        elif current is not None and (row := re.match(r"\| `(\w+)` \|", line)):
            current.add(row.group(1))
    return blocks


def test_every_block_of_every_page_template_is_documented_and_every_documented_block_exists():
    base = set(block_names(TEMPLATES / "pages" / "base_page.html")) - {
        "title",
        "extra_css",
        "content",
        "extra_js",
    }
    documented = documented_blocks()

    assert set(documented) == {template.name for template in PAGE_TEMPLATES}
    assert documented["base_page.html"] == base
    for template in PAGE_TEMPLATES:
        if template.name == "base_page.html":
            continue
        own = set(block_names(template)) - base - {"title"}
        assert documented[template.name] == own, template.name
        assert '{% extends "wagtail_chiiki/pages/base_page.html" %}' in template.read_text(encoding="utf-8")


def test_no_page_type_runs_an_inline_script(client, every_page_type):
    for name, url in every_page_type.items():
        response = client.get(url)
        assert response.status_code == 200, name
        doc = parse(response.content.decode())
        inline = [
            script
            for script in doc.find_all("script")
            if not script.get("src") and script.get("type") not in DATA_SCRIPT_TYPES
        ]
        assert inline == [], name


def test_the_stages_page_links_its_script_and_configures_it_with_data_attributes(client, every_page_type):
    doc = parse(client.get(every_page_type["support stages"]).content.decode())

    script = doc.one("script", src="/static/wagtail_chiiki/js/stage-links.js")
    assert script.get("defer") is not None
    section = doc.one("section", data_chiiki_stage_links=True)
    assert section["data-row-suffix"] == "-row"
    # The row the script looks for exists for each step.
    for step in doc.find_all("li", class_="chiiki-step"):
        assert doc.one("tr", id=step["id"] + section["data-row-suffix"])


def test_no_template_line_is_longer_than_160_characters():
    long_lines = [
        f"{template.relative_to(TEMPLATES)}:{number} ({len(line)})"
        for template in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > 160
    ]
    assert long_lines == []
