"""The activity categories most region management organizations need, and the function that adds them.

``install_default_categories`` adds what is missing, in the default locale and in its Japanese and
English translations, and never changes a category that exists: once there, editors own it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from wagtail_chiiki.models import ActivityCategory


class Wording(NamedTuple):
    name: str
    description: str


@dataclass(frozen=True)
class DefaultCategory:
    """One default category: its slug and order, and its name and description in each language."""

    slug: str
    sort_order: int
    ja: Wording
    en: Wording

    def wording(self, language: str) -> Wording | None:
        return {"ja": self.ja, "en": self.en}.get(language)


# Steps of ten leave room for categories of a site's own between these.
DEFAULT_CATEGORIES = [
    DefaultCategory(
        "clean-up",
        10,
        ja=Wording(
            "環境美化",
            "道路や公園、川辺の清掃、花壇の手入れ、ごみの減量など、身近な環境を美しく保つ活動です。",
        ),
        en=Wording(
            "Neighbourhood clean-up",
            "Cleaning streets, parks and riverbanks, tending flower beds and cutting waste to keep the "
            "neighbourhood pleasant.",
        ),
    ),
    DefaultCategory(
        "safety",
        20,
        ja=Wording(
            "防災・防犯",
            "防災訓練や避難所の運営、防犯パトロール、登下校の見守りなど、地域の安全を守る活動です。",
        ),
        en=Wording(
            "Disaster preparedness and crime prevention",
            "Evacuation drills, running shelters, safety patrols, watching over children on their way to "
            "and from school and other work that keeps the area safe.",
        ),
    ),
    DefaultCategory(
        "market",
        30,
        ja=Wording(
            "農産物直売所・マルシェ",
            "地域で採れた野菜や加工品を販売し、生産者と住民をつなぐ直売所やマルシェの運営です。",
        ),
        en=Wording(
            "Farm stands and markets",
            "Farm stands and markets that sell vegetables and food grown or made in the area and bring "
            "growers and residents together.",
        ),
    ),
    DefaultCategory(
        "transport",
        40,
        ja=Wording(
            "地域内交通",
            "乗合タクシーやコミュニティバス、買い物や通院の送迎など、住民が運営する地域の移動手段です。",
        ),
        en=Wording(
            "Community transport",
            "Shared taxis, community buses and rides to shops and clinics, run by residents for getting "
            "around the area.",
        ),
    ),
    DefaultCategory(
        "health",
        50,
        ja=Wording(
            "健康づくり",
            "体操教室やウォーキング、健康講座など、住民が元気に暮らし続けるための活動です。",
        ),
        en=Wording(
            "Health promotion",
            "Exercise classes, walking groups and health talks that help residents stay well.",
        ),
    ),
    DefaultCategory(
        "events",
        60,
        ja=Wording(
            "交流イベント",
            "祭りや運動会、季節の行事など、世代や地区を超えて住民が集い、交流する催しです。",
        ),
        en=Wording(
            "Community events",
            "Festivals, sports days and seasonal gatherings where residents of all ages and districts meet.",
        ),
    ),
    DefaultCategory(
        "publicity",
        70,
        ja=Wording(
            "広報",
            "広報紙やホームページ、SNSで、地域の活動や暮らしの情報を住民に届ける取り組みです。",
        ),
        en=Wording(
            "Newsletters and publicity",
            "Newsletters, websites and social media that keep residents informed about local activities "
            "and life in the area.",
        ),
    ),
    DefaultCategory(
        "daily-life",
        80,
        ja=Wording(
            "生活支援",
            "買い物の手伝いや草刈り、雪かき、ごみ出しなど、暮らしの困りごとを住民同士で助け合う活動です。",
        ),
        en=Wording(
            "Help with daily life",
            "Residents helping one another with shopping, mowing, clearing snow, putting out rubbish and "
            "other everyday tasks.",
        ),
    ),
    DefaultCategory(
        "elderly",
        90,
        ja=Wording(
            "高齢者の見守り",
            "一人暮らしの高齢者への声かけや訪問、サロンの開催など、高齢者が安心して暮らせるよう見守る活動です。",
        ),
        en=Wording(
            "Looking out for older residents",
            "Visits, friendly calls and drop-in salons that look out for older residents, especially those "
            "living alone.",
        ),
    ),
    DefaultCategory(
        "children",
        100,
        ja=Wording(
            "子育て・子どもの居場所",
            "子ども食堂や放課後の居場所、親同士の交流の場など、子どもと子育て家庭を支える活動です。",
        ),
        en=Wording(
            "Child-rearing support and places for children",
            "Children's cafeterias, after-school places and meet-ups for parents that support children "
            "and their families.",
        ),
    ),
    DefaultCategory(
        "learning",
        110,
        ja=Wording(
            "学び・講座",
            "パソコンやスマートフォンの教室、趣味の講座など、住民が学び合い、暮らしに役立つ知識を身につける場です。",
        ),
        en=Wording(
            "Learning and classes",
            "Computer and smartphone lessons, hobby courses and other classes where residents learn "
            "from one another.",
        ),
    ),
    DefaultCategory(
        "heritage",
        120,
        ja=Wording(
            "歴史・文化",
            "伝統芸能や祭礼、史跡、地域の言い伝えを守り、次の世代へ引き継ぐ活動です。",
        ),
        en=Wording(
            "History and culture",
            "Keeping traditional performing arts, festivals, historic sites and local lore alive for the "
            "next generation.",
        ),
    ),
    DefaultCategory(
        "relocation",
        130,
        ja=Wording(
            "移住・定住",
            "空き家の活用や移住者の受け入れ、地域の魅力の発信など、住み続けたい地域をつくる取り組みです。",
        ),
        en=Wording(
            "Relocation and settlement",
            "Finding uses for empty houses, welcoming newcomers and showing what makes the area a good "
            "place to live.",
        ),
    ),
    DefaultCategory(
        "planning",
        140,
        ja=Wording(
            "地域づくり計画",
            "住民アンケートやワークショップで地域の課題を話し合い、地域づくりビジョンや計画をまとめる取り組みです。",
        ),
        en=Wording(
            "Community development planning",
            "Surveys and workshops where residents discuss local issues and draw up a community "
            "development vision or plan.",
        ),
    ),
]


class Action(models.TextChoices):
    CREATED = "created", _("created")
    KEPT = "kept", _("kept")
    # The slug is taken in that locale by a category that is not a translation of the source.
    KEPT_UNLINKED = "kept-unlinked", _("kept, not a translation of the source")


@dataclass(frozen=True)
class Outcome:
    locale: Locale
    category: ActivityCategory
    action: Action


@dataclass
class InstallReport:
    """What ``install_default_categories`` did (or, on a dry run, would do), category by locale."""

    source_locale: Locale
    outcomes: list[Outcome] = field(default_factory=list)
    skipped_locales: list[Locale] = field(default_factory=list)  # languages with no default wording
    dry_run: bool = False

    @property
    def created(self) -> int:
        return sum(outcome.action == Action.CREATED for outcome in self.outcomes)

    @property
    def kept(self) -> int:
        return len(self.outcomes) - self.created

    def by_locale(self) -> dict[Locale, list[Outcome]]:
        """The outcomes grouped by locale, the source locale first."""
        grouped: dict[Locale, list[Outcome]] = {}
        for outcome in self.outcomes:
            grouped.setdefault(outcome.locale, []).append(outcome)
        return grouped


class DefaultCategoriesError(Exception):
    """The default categories cannot be added to this site as it is set up."""


def language_of(locale: Locale) -> str:
    """The language of a locale without its region: ``en`` for ``en-gb``."""
    return locale.language_code.replace("_", "-").split("-")[0].lower()


class _Saved:
    """The categories already saved in the locales at hand, found by slug or by translation key."""

    def __init__(self, locales: list[Locale]):
        slugs = [default.slug for default in DEFAULT_CATEGORIES]
        found = list(ActivityCategory.objects.filter(slug__in=slugs, locale__in=locales))
        self._by_slug = {(category.slug, category.locale_id): category for category in found}
        keys = {category.translation_key for category in found}
        self._by_key = {
            (category.translation_key, category.locale_id): category
            for category in ActivityCategory.objects.filter(translation_key__in=keys, locale__in=locales)
        }

    def with_slug(self, slug: str, locale: Locale) -> ActivityCategory | None:
        return self._by_slug.get((slug, locale.pk))

    def translation(self, category: ActivityCategory, locale: Locale) -> ActivityCategory | None:
        return self._by_key.get((category.translation_key, locale.pk))


@transaction.atomic
def install_default_categories(*, dry_run: bool = False, every_locale: bool = False) -> InstallReport:
    """Adds the missing default categories to the default locale and its Japanese and English locales.

    With ``every_locale``, locales of other languages get them too, in the source's wording, for their
    translators. A category whose slug exists in a locale is kept untouched; a dry run reports the
    same, saving nothing.
    """
    try:
        source_locale = Locale.get_default()
    except (Locale.DoesNotExist, LookupError):
        raise DefaultCategoriesError(
            _("There is no locale for LANGUAGE_CODE; run migrate or add it under Settings → Locales.")
        ) from None
    if not has_wording(source_locale):
        raise DefaultCategoriesError(
            _(
                "The default locale (%(code)s) is neither Japanese nor English, the languages the "
                "default categories are written in. Add the categories in the admin instead."
            )
            % {"code": source_locale.language_code}
        )

    report = InstallReport(source_locale=source_locale, dry_run=dry_run)
    targets = []
    for locale in Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"):
        (targets if every_locale or has_wording(locale) else report.skipped_locales).append(locale)
    saved = _Saved([source_locale, *targets])

    for default in DEFAULT_CATEGORIES:
        source, action = _source(default, source_locale, targets, saved)
        report.outcomes.append(Outcome(source_locale, source, action))
        for locale in targets:
            if (translation := saved.translation(source, locale)) is not None:
                report.outcomes.append(Outcome(locale, translation, Action.KEPT))
            elif (taken := saved.with_slug(default.slug, locale)) is not None:
                report.outcomes.append(Outcome(locale, taken, Action.KEPT_UNLINKED))
            else:
                wording = default.wording(language_of(locale)) or default.wording(language_of(source_locale))
                translation = _save(source.copy_for_translation(locale), wording)
                report.outcomes.append(Outcome(locale, translation, Action.CREATED))

    if dry_run:
        transaction.set_rollback(True)
    return report


def has_wording(locale: Locale) -> bool:
    return DEFAULT_CATEGORIES[0].wording(language_of(locale)) is not None


def _source(
    default: DefaultCategory, locale: Locale, targets: list[Locale], saved: _Saved
) -> tuple[ActivityCategory, Action]:
    """The category in the source locale, created when missing."""
    if (existing := saved.with_slug(default.slug, locale)) is not None:
        return existing, Action.KEPT
    # A translation saved before its source (say, while English was the default) gets linked to it.
    earlier = next(filter(None, (saved.with_slug(default.slug, target) for target in targets)), None)
    if earlier is None:
        new = ActivityCategory(slug=default.slug, sort_order=default.sort_order, locale=locale)
    elif (linked := saved.translation(earlier, locale)) is not None:
        return linked, Action.KEPT  # the source is there under another slug
    else:
        new = earlier.copy_for_translation(locale)
    return _save(new, default.wording(language_of(locale))), Action.CREATED


def _save(category: ActivityCategory, wording: Wording) -> ActivityCategory:
    category.name, category.description = wording
    category.save()
    return category
