"""Builders for support-stage tests: the five stages in Japanese (and English), and a stages page."""

from __future__ import annotations

import datetime

from wagtail_chiiki.models import StageRecord, SupportStage, SupportStagesPage

STAGE_NAMES = {
    0: ("住民意識の共有", "Shared awareness"),
    1: ("組織・体制の立ち上げ", "Setting up"),
    2: ("取組の試行", "Trying things out"),
    3: ("自立した組織・体制への移行", "Moving towards independence"),
    4: ("法人化等", "Incorporation"),
}


#: A subsidy block's value (補助金), open from 2025-04-01 to 2025-05-30.
SUBSIDY = {
    "name": "地域づくりビジョン推進事業補助金",
    "purpose": "<p>地域づくりビジョンの策定と、それに沿った活動の経費を補助します。</p>",
    "eligible_costs": "<ul><li>ワークショップの会場費</li></ul>",
    "amount": "対象経費の3分の2以内",
    "starts": "2025-04-01",
    "ends": "2025-05-30",
    "window_note": "",
    "documents": [],
    "contact": None,
}


def make_stages(locales, *, english: bool = False) -> dict[int, SupportStage]:
    """The five stages in Japanese, stored out of order; with ``english``, their English translations."""
    stages = {}
    for number in (3, 0, 4, 1, 2):
        ja_name, en_name = STAGE_NAMES[number]
        stage = SupportStage.objects.create(
            number=number,
            name=ja_name,
            goal=f"{ja_name}の目標",
            work=[("item", f"{ja_name}の取組A"), ("item", f"{ja_name}の取組B")],
            city_support=f"<p>{ja_name}への支援</p>",
            locale=locales["ja"],
        )
        if english:
            translation = stage.copy_for_translation(locales["en"])
            translation.name = en_name
            translation.goal = f"Goal of {en_name}"
            translation.work = [("item", f"{en_name} work")]
            translation.save()
        stages[number] = stage
    return stages


def history(*entries: tuple[SupportStage, datetime.date]) -> list[StageRecord]:
    """Stage history rows for an organization page, in the order given."""
    return [StageRecord(stage=stage, reached=day, sort_order=i) for i, (stage, day) in enumerate(entries)]


def make_stages_page(parent, **fields) -> SupportStagesPage:
    page = SupportStagesPage(title="地域運営組織への支援", slug=fields.pop("slug", "support"), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_in_english(page, locale, title: str):
    """A published English copy of ``page`` (its parents must be translated already)."""
    translation = page.copy_for_translation(locale)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
