"""Support-program blocks: a subsidy with its application window, and a staffing program."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_chiiki.blocks.links import LinkBlock
from wagtail_chiiki.blocks.media import DocumentLinkBlock
from wagtail_chiiki.blocks.notices import PeriodBlock
from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.blocks.text import RichTextBlock
from wagtail_chiiki.listings.visibility import localize_one


class SubsidyBlock(PeriodBlock):
    """A subsidy (補助金): what it pays for and how much, and whether applications are open now."""

    name = blocks.CharBlock(label=_("Name of the subsidy"), max_length=200)
    purpose = RichTextBlock(label=_("Purpose"), help_text=_("What the subsidy is for, in a few sentences."))
    eligible_costs = RichTextBlock(
        label=_("Eligible costs"), required=False, help_text=_("What the money may be spent on.")
    )
    amount = blocks.CharBlock(
        label=_("Amount or rate"),
        required=False,
        max_length=200,
        help_text=_("E.g. up to 500,000 yen, or two thirds of the costs."),
    )
    starts = blocks.DateBlock(label=_("Applications open on"), required=False)
    ends = blocks.DateBlock(
        label=_("Applications close on"), required=False, help_text=_("The last day, included.")
    )
    window_note = blocks.CharBlock(
        label=_("Note on applying"),
        required=False,
        max_length=200,
        help_text=_(
            "E.g. consult the division before applying. Leave the dates empty if there is no window."
        ),
    )
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"), default=[])
    contact = SnippetChooserBlock("wagtail_chiiki.Contact", label=_("Contact"), required=False)

    period_error = _("The application window must not close before it opens.")

    class Meta:
        icon = "tasks"
        label = _("Subsidy")
        template = "wagtail_chiiki/blocks/subsidy.html"
        preview_value = {
            "name": "地域づくりビジョン推進事業補助金",
            "purpose": "<p>地域づくりビジョンの策定や、ビジョンに沿った活動にかかる経費を補助します。</p>",
            "eligible_costs": "<ul><li>ワークショップの会場費</li><li>広報紙の印刷費</li></ul>",
            "amount": "補助対象経費の3分の2以内",
            "starts": datetime.date(2024, 4, 1),
            "ends": datetime.date(2024, 5, 31),
            "window_note": "",
            "documents": [],
            "contact": None,
        }
        description = _("A subsidy: purpose, eligible costs, amount, application window and documents.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Without dates there is no window to be open or closed: no status is shown.
        if not (value.get("starts") or value.get("ends")):
            context["status"] = ""
        context["contact"] = localize_one(value.get("contact"))
        return context


class StaffingProgramBlock(PlacedBlock):
    """A staffing program (地域おこし協力隊, 集落支援員): what the person does, and where to read more."""

    name = blocks.CharBlock(label=_("Name of the program"), max_length=200)
    description = RichTextBlock(label=_("What the person does"))
    link = LinkBlock(label=_("Link for details"), required=False)

    class Meta:
        icon = "user"
        label = _("Staffing program")
        template = "wagtail_chiiki/blocks/staffing_program.html"
        preview_value = {
            "name": "集落支援員",
            "description": "<p>地域の事情に詳しい人が、市の職員と協力して集落を回り、暮らしの様子を確かめます。</p>",
            "link": {"text": "", "page": None, "url": ""},
        }
        description = _("A program that places a person in the community, with a link for details.")
