"""The table block: the editor's own table, with a caption and header cells for screen readers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from wagtail_chiiki.blocks.placement import PlacedBlock


class TableBlock(PlacedBlock):
    """A table the editor fills in, with a caption; the first row (and column) can be headers."""

    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("What the table shows; read out before it.")
    )
    table = WagtailTableBlock(label=_("Table"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        label = _("Table")
        template = "wagtail_chiiki/blocks/table.html"
        preview_value = {
            "caption": "地域運営組織の段階",
            "table": {
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["段階", "目標"], ["準備", "話し合いの場をつくる"], ["設立", "組織を立ち上げる"]],
            },
        }
        description = _("A table you fill in yourself, with a caption.")
