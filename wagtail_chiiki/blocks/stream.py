"""The stream of content blocks (text, links, live listings, support programs) and the update-history entry."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from wagtail_chiiki.blocks.contact import ContactBlock
from wagtail_chiiki.blocks.links import LinkListBlock, RelatedPagesBlock, SocialLinksBlock
from wagtail_chiiki.blocks.maps import MapBlock
from wagtail_chiiki.blocks.media import DocumentLinkBlock, ImageBlock
from wagtail_chiiki.blocks.notices import PeriodNoticeBlock
from wagtail_chiiki.blocks.organizations import OrganizationListBlock, StageTableBlock
from wagtail_chiiki.blocks.support import StaffingProgramBlock, SubsidyBlock
from wagtail_chiiki.blocks.tables import TableBlock
from wagtail_chiiki.blocks.text import HeadingBlock, RichTextBlock
from wagtail_chiiki.blocks.workshops import WorkshopSessionsBlock


class ContentStreamBlock(blocks.StreamBlock):
    """Every general-purpose block of the package, for page bodies here and on the host site."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    links = LinkListBlock()
    social_links = SocialLinksBlock()
    contact = ContactBlock()
    notice = PeriodNoticeBlock()
    table = TableBlock()
    related_pages = RelatedPagesBlock()
    organization_list = OrganizationListBlock()
    stage_table = StageTableBlock()
    workshop_sessions = WorkshopSessionsBlock()
    map = MapBlock()
    subsidy = SubsidyBlock()
    staffing_program = StaffingProgramBlock()


class SupportStreamBlock(ContentStreamBlock):
    """The stream of the stages page's body: every content block (kept as a name for host code)."""


class UpdateEntryBlock(blocks.StructBlock):
    """One line of a page's public update history: the date and what changed."""

    date = blocks.DateBlock(label=_("Date"))
    description = blocks.CharBlock(label=_("What changed"), max_length=200)

    class Meta:
        icon = "history"
        label = _("Update")
        preview_value = {"date": datetime.date(2024, 6, 12), "description": "ページを公開しました。"}

    def clean(self, value):
        value = super().clean(value)
        if value.get("date") and value["date"] > timezone.localdate():
            raise StructBlockValidationError(
                block_errors={"date": ValidationError(_("An update cannot be dated in the future."))}
            )
        return value
