"""StreamField blocks of wagtail-chiiki, reusable on the host site's own pages.

``ContentStreamBlock`` gathers every block, those that embed live listings (organizations, stages,
workshop sessions, the map) and the support programs included; the host site can also pick single
blocks::

    from wagtail_chiiki.blocks import ContentStreamBlock, DocumentLinkBlock

A block's headings start at h2; pass ``chiiki_heading_level`` to ``include_block`` to place a stream
deeper (docs/blocks.md).
"""

from wagtail_chiiki.blocks.contact import ContactBlock
from wagtail_chiiki.blocks.links import (
    LinkBlock,
    LinkListBlock,
    RelatedPagesBlock,
    SocialLinkBlock,
    SocialLinksBlock,
)
from wagtail_chiiki.blocks.maps import MapBlock
from wagtail_chiiki.blocks.media import DocumentLinkBlock, ImageBlock
from wagtail_chiiki.blocks.notices import PeriodNoticeBlock
from wagtail_chiiki.blocks.organizations import OrganizationListBlock, StageTableBlock
from wagtail_chiiki.blocks.stream import ContentStreamBlock, SupportStreamBlock, UpdateEntryBlock
from wagtail_chiiki.blocks.support import StaffingProgramBlock, SubsidyBlock
from wagtail_chiiki.blocks.tables import TableBlock
from wagtail_chiiki.blocks.text import HeadingBlock, RichTextBlock
from wagtail_chiiki.blocks.workshops import WorkshopSessionsBlock

__all__ = [
    "WorkshopSessionsBlock",
    "TableBlock",
    "StageTableBlock",
    "RelatedPagesBlock",
    "OrganizationListBlock",
    "ContactBlock",
    "ContentStreamBlock",
    "DocumentLinkBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkListBlock",
    "MapBlock",
    "PeriodNoticeBlock",
    "RichTextBlock",
    "SocialLinkBlock",
    "SocialLinksBlock",
    "StaffingProgramBlock",
    "SubsidyBlock",
    "SupportStreamBlock",
    "UpdateEntryBlock",
]
