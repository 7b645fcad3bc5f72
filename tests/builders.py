"""Fast builders for city-scale data: hundreds of organization pages, thousands of activities.

Index pages are added with treebeard's ``add_child``; the organization pages of a city are placed in
the tree as ``add_child`` would place them (path, depth, numchild, ``url_path``) but written with one
``bulk_create`` for their ``wagtailcore_page`` rows and a raw save for their own table, and their
rows (districts, related words, activities) with ``bulk_create``. What the site reads is the same as
for pages an editor made and published: live, public, dates set, every row in the page's locale with
its own ``translation_key``, activities numbered by ``sort_order`` within their page and with
``search_text`` folded as ``Activity.save`` folds it (``tests/test_activity_queries.py`` checks this
against a publish). What is skipped is what the listings do not read: revisions, log entries and the
search and reference indexes of the organization pages.

Used by ``tests/test_activity_queries.py`` and the benchmarks of ``tests/benchmarks/``.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from wagtail_chiiki.text import fold_fields

#: (name, slug) of the categories, districts and related words a built city uses, in this order.
CATEGORIES = [
    ("地域内交通", "transport"),
    ("農産物直売所・マルシェ", "market"),
    ("防災・防犯", "safety"),
    ("環境美化", "cleanup"),
    ("健康づくり", "health"),
    ("交流イベント", "events"),
    ("広報", "newsletter"),
    ("生活支援", "support"),
]
DISTRICTS = [
    (name, f"district-{i + 1:02d}")
    for i, name in enumerate(
        ["湊", "一箕", "門田", "大戸", "北会津", "河東", "東山", "城西", "神指", "高野", "町北", "日橋"]
    )
]
TAGS = ["バス", "直売所", "見守り", "夏祭り", "花壇", "防災訓練", "体操", "広報誌", "子育て", "雪かき"]
#: Activity titles and descriptions, used in turn; the first holds the keyword ``バス`` (as ``ばす``
#: once folded, so a search for ``バス`` or ``ばす`` finds it).
ACTIVITY_TEXTS = [
    ("みなとバスの運行", "地区内を巡回するバスを週三日運行し、買い物や通院に使えるようにしています。"),
    ("農産物直売所の開設", "毎週土曜日の朝、地元の農家が野菜や加工品を持ち寄る直売所を開いています。"),
    ("防災訓練と避難所運営", "年二回、避難所の開設から炊き出しまでを住民と一緒に訓練しています。"),
    ("花壇の手入れ", "集落の入口の花壇に季節の花を植え、月に一度みんなで草取りをしています。"),
    ("健康体操教室", "公民館で毎週火曜日に、保健師さんと一緒に転倒予防の体操をしています。"),
    ("夏祭りの開催", "子どもから高齢者までが集まる夏祭りを、地区の団体と協力して開いています。"),
    ("地域だよりの発行", "活動の予定や報告を載せた地域だよりを、年四回全戸に配布しています。"),
    ("高齢者の見守り", "一人暮らしの高齢者宅を訪ね、困りごとの相談や雪かきの手伝いをしています。"),
]


@dataclass
class City:
    """What a builder made: the pages and snippets, in the order the builder used them."""

    index: Page
    organizations: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    districts: list = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    activity_count: int = 0


def make_site(hostname: str = "testserver", port: int = 80) -> Page:
    """Locales ja and en, and a Japanese home page (the example site's type) as the only site's root."""
    from example_site.home.models import HomePage

    ja, _ = Locale.objects.get_or_create(language_code="ja")
    Locale.objects.get_or_create(language_code="en")
    Page.objects.filter(depth=2).delete()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="ホーム", slug="home", locale=ja, **published())
    )
    Site.objects.all().delete()
    Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    return home


def published(when: datetime.datetime | None = None) -> dict:
    """The fields of a page published once at ``when`` (now by default) and unchanged since."""
    when = when or timezone.now()
    return {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": when,
        "last_published_at": when,
    }


def add_page(parent: Page, page: Page) -> Page:
    """Adds ``page`` under ``parent`` as a live page, in the parent's locale unless it has one."""
    if not page.locale_id:
        page.locale_id = parent.locale_id
    for name, value in published().items():
        setattr(page, name, value)
    return parent.add_child(instance=page)


def add_pages(parent: Page, pages: list[Page]) -> list[Page]:
    """Adds live ``pages`` (all of one type) as the last children of ``parent``, in a few queries."""
    if not pages:
        return pages
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    when = published()
    for page in pages:
        step += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type = content_type
        page.locale_id = page.locale_id or parent.locale_id
        page.__dict__.update(when)
    base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)  # this type's own table; no signal handler acts on raw
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def snippets(model, pairs: list[tuple[str, str]], locale: Locale) -> list:
    """The snippets of ``model`` with these names and slugs in ``locale``, created where missing."""
    return [
        model.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, "sort_order": i})[0]
        for i, (name, slug) in enumerate(pairs)
    ]


def build_city(
    parent: Page,
    *,
    organizations: int,
    activities: int,
    slug: str = "chiiki",
    districts_each: int = 2,
    tags_each: int = 3,
) -> City:
    """A community index under ``parent`` with ``organizations`` live organization pages and
    ``activities`` activities spread over them in turn.

    Organization ``i`` (from 0) is ``org-{i + 1:04d}``; it serves ``districts_each`` districts and
    has ``tags_each`` related words, both taken in turn from ``DISTRICTS`` and ``TAGS`` starting at
    the ``i``-th. Activity ``j`` belongs to organization ``j % organizations``, has category
    ``CATEGORIES[j % 8]`` and text ``ACTIVITY_TEXTS[j % 8]`` and was added ``j`` minutes ago.
    """
    from wagtail_chiiki.models import (
        Activity,
        ActivityCategory,
        CommunityIndexPage,
        District,
        OrganizationPage,
        RelatedWord,
    )
    from wagtail_chiiki.models.organizations import OrganizationTag

    locale = parent.locale
    index = add_page(parent, CommunityIndexPage(title="地域運営組織の紹介", slug=slug))
    city = City(
        index=index,
        categories=snippets(ActivityCategory, CATEGORIES, locale),
        districts=snippets(District, DISTRICTS, locale),
        tags=list(TAGS),
    )
    tags = [RelatedWord.objects.get_or_create(name=name, locale=locale)[0] for name in TAGS]

    city.organizations = add_pages(
        index,
        [
            OrganizationPage(
                title=f"{DISTRICTS[i % len(DISTRICTS)][0]}地区まちづくり協議会 {i + 1}",
                slug=f"org-{i + 1:04d}",
                summary="住民が地域の課題に取り組む組織です。",
                established=datetime.date(2015 + i % 10, 4, 1),
            )
            for i in range(organizations)
        ],
    )
    district_rows, tag_rows = [], []
    for i, page in enumerate(city.organizations):
        for k in range(districts_each):
            district = city.districts[(i + k) % len(city.districts)]
            district_rows.append(OrganizationPage.districts.through(organizationpage=page, district=district))
        chosen = [tags[(i + k) % len(tags)] for k in range(tags_each)]
        tag_rows += [OrganizationTag(content_object=page, tag=tag) for tag in chosen]
    OrganizationPage.districts.through.objects.bulk_create(district_rows)
    OrganizationTag.objects.bulk_create(tag_rows)

    start = timezone.now()
    rows, per_page = [], [0] * max(organizations, 1)
    for j in range(activities):
        page = city.organizations[j % organizations]
        title, description = ACTIVITY_TEXTS[j % len(ACTIVITY_TEXTS)]
        rows.append(
            Activity(
                page=page,
                category=city.categories[j % len(city.categories)],
                title=title,
                description=description,
                search_text=fold_fields(title, description, page.title),  # as Activity.save
                created_at=start - datetime.timedelta(minutes=j),
                sort_order=per_page[j % organizations],
                locale_id=page.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        per_page[j % organizations] += 1
    Activity.objects.bulk_create(rows, batch_size=1000)
    city.activity_count = activities
    return city


def add_activity_index(parent: Page, *, slug: str = "activities", page_size: int = 20):
    """A live activity list (活動一覧) under ``parent``; it lists the organizations of ``parent``."""
    from wagtail_chiiki.models import ActivityIndexPage

    return add_page(parent, ActivityIndexPage(title="活動一覧", slug=slug, page_size=page_size))
