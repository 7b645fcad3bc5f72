"""A notice with a period (a photo contest taking entries until a date) that knows if it is open."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from wagtail_chiiki.blocks.links import LinkBlock, localize_links
from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.blocks.text import RichTextBlock

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def period_status(starts: datetime.date | None, ends: datetime.date | None, today: datetime.date) -> str:
    """Where ``today`` falls in a period whose both ends are inclusive; a missing end never closes."""
    if starts and today < starts:
        return UPCOMING
    if ends and today > ends:
        return CLOSED
    return OPEN


class PeriodBlock(PlacedBlock):
    """A block with an optional period (``starts``, ``ends``) that checks it and knows its status."""

    period_error = _("The closing day must not be before the opening day.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("starts") and value.get("ends") and value["ends"] < value["starts"]:
            raise StructBlockValidationError(block_errors={"ends": ValidationError(self.period_error)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["status"] = period_status(value.get("starts"), value.get("ends"), timezone.localdate())
        return context


class PeriodNoticeBlock(PeriodBlock):
    """An announcement open for a period, showing by itself whether it is upcoming, open or closed."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = RichTextBlock(label=_("Text"), required=False)
    starts = blocks.DateBlock(label=_("Opens on"), required=False)
    ends = blocks.DateBlock(label=_("Closes on"), required=False, help_text=_("The last day, included."))
    link = LinkBlock(label=_("Link for details"), required=False)

    class Meta:
        icon = "date"
        label = _("Notice with a period")
        template = "wagtail_chiiki/blocks/period_notice.html"
        preview_value = {
            "title": "フォト&動画コンテスト作品募集",
            "body": "<p>地域の魅力を写した写真と動画を募集しています。</p>",
            "starts": datetime.date(2024, 6, 1),
            "ends": datetime.date(2024, 9, 30),
            "link": {"text": "コンテストの公式サイト", "url": "https://www.example.jp/contest/"},
        }
        description = _("A notice (e.g. a contest taking entries) that shows whether it is open.")

    def get_context(self, value, parent_context=None):
        localize_links([value.get("link")], (parent_context or {}).get("request"))
        return super().get_context(value, parent_context=parent_context)
