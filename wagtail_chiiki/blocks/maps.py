"""The map block: the organizations of a community index on a map, with the list by district."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_chiiki.blocks.preview import newest_object_preview


class MapBlock(blocks.StructBlock):
    """Shows every organization of a community index on a map, and as a list by district."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    index = blocks.PageChooserBlock(
        page_type="wagtail_chiiki.CommunityIndexPage",
        label=_("Organizations of"),
        help_text=_("The community index whose organizations the map shows."),
    )

    class Meta:
        icon = "site"
        label = _("Map of organizations")
        template = "wagtail_chiiki/blocks/map.html"
        description = _("The organizations of a community index on a map, with a list by district.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        index = value.get("index")
        # A page chooser keeps pointing at the source page: show the reader's language.
        index = index.localized if index is not None else None
        if index is not None and index.live:
            context["organization_map"] = index.specific.organization_map(
                (parent_context or {}).get("request")
            )
        return context

    def get_preview_value(self):
        from wagtail_chiiki.models import CommunityIndexPage

        return newest_object_preview(
            self, CommunityIndexPage, lambda index: {"heading": "", "index": index.pk}
        )
