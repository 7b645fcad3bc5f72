"""The map block: the organizations of a community index on a map, with the list by district."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.blocks.preview import newest_object_preview
from wagtail_chiiki.listings.common import active_locale


class MapBlock(PlacedBlock):
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
        # Imported when rendering: page modules import the blocks, and importing any model module
        # (which a listing does) loads every page module (docs/architecture.md).
        from wagtail_chiiki.listings.maps import organization_map
        from wagtail_chiiki.listings.visibility import resolve_page

        request = (parent_context or {}).get("request")
        # A page chooser keeps pointing at the source page: show the reader's language, and only
        # an index a visitor may see.
        index = resolve_page(value.get("index"), active_locale(), request)
        if index is not None:
            context["organization_map"] = organization_map(index, request, active_locale())
        return context

    def get_preview_value(self):
        model = apps.get_model("wagtail_chiiki", "CommunityIndexPage")
        return newest_object_preview(self, model, lambda index: {"heading": "", "index": index.pk})
