"""StreamField blocks of wagtail-chiiki, reusable on the host site's own pages.

``ContentStreamBlock`` gathers the general ones and ``SupportStreamBlock`` adds the support programs;
the host site can also pick single blocks::

    from wagtail_chiiki.blocks import ContentStreamBlock, DocumentLinkBlock

``MapBlock`` (a map of a community index's organizations) is in no stream of the package: add it
to a StreamField of the host site's own, e.g. ``StreamField([..., ("map", MapBlock())])``.
"""

from wagtail_chiiki.blocks.contact import ContactBlock
from wagtail_chiiki.blocks.links import LinkBlock, LinkListBlock, SocialLinkBlock, SocialLinksBlock
from wagtail_chiiki.blocks.maps import MapBlock
from wagtail_chiiki.blocks.media import DocumentLinkBlock, ImageBlock
from wagtail_chiiki.blocks.notices import PeriodNoticeBlock
from wagtail_chiiki.blocks.stream import ContentStreamBlock, SupportStreamBlock, UpdateEntryBlock
from wagtail_chiiki.blocks.support import StaffingProgramBlock, SubsidyBlock
from wagtail_chiiki.blocks.text import HeadingBlock, RichTextBlock

__all__ = [
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
