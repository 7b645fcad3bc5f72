"""Blocks that embed the organizations: a list of an index's organizations, and the support-stage table."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.blocks.preview import newest_object_preview
from wagtail_chiiki.listings.common import active_locale

CARDS, COMPACT = "cards", "compact"

#: The stage table's optional columns, in the order they show; the stage's name always shows.
STAGE_COLUMNS = [
    ("goal", _("Goal")),
    ("work", _("The community's work")),
    ("support", _("What the city offers")),
    ("organizations", _("Organizations at this stage")),
]


class OrganizationListBlock(PlacedBlock):
    """The organizations of a community index, as cards or a compact list, optionally filtered."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    index = blocks.PageChooserBlock(
        page_type="wagtail_chiiki.CommunityIndexPage",
        label=_("Organizations of"),
        help_text=_("The community index whose organizations the list shows."),
    )
    display = blocks.ChoiceBlock(
        label=_("Display"),
        choices=[(CARDS, _("Cards")), (COMPACT, _("Compact list"))],
        default=CARDS,
    )
    district = SnippetChooserBlock("wagtail_chiiki.District", label=_("Only in district"), required=False)
    stage = SnippetChooserBlock("wagtail_chiiki.SupportStage", label=_("Only at stage"), required=False)
    category = SnippetChooserBlock(
        "wagtail_chiiki.ActivityCategory", label=_("Only with activities of"), required=False
    )
    all_link = blocks.BooleanBlock(
        label=_("Link to all organizations"),
        required=False,
        default=True,
        help_text=_("A link to the community index under the list."),
    )

    class Meta:
        icon = "group"
        label = _("Organization list")
        template = "wagtail_chiiki/blocks/organization_list.html"
        description = _("The organizations of a community index, as cards or a list, filtered if you like.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Imported when rendering (docs/architecture.md: page modules import the blocks).
        from wagtail_chiiki.listings.organizations import filtered_organizations, organization_cards
        from wagtail_chiiki.listings.visibility import resolve_page

        request = (parent_context or {}).get("request")
        locale = active_locale()
        index = resolve_page(value.get("index"), locale, request)
        context["index_page"] = index
        context["organizations"] = ()
        if index is not None:
            filters = {
                "district": getattr(value.get("district"), "slug", ""),
                "category": getattr(value.get("category"), "slug", ""),
                # Stage numbers start at 0: a chosen stage 0 must still filter.
                "stage": "" if value.get("stage") is None else str(value["stage"].number),
            }
            organizations = filtered_organizations(index, filters)
            context["organizations"] = organization_cards(organizations, request, locale)
        return context

    def get_preview_value(self):
        model = apps.get_model("wagtail_chiiki", "CommunityIndexPage")
        return newest_object_preview(self, model, lambda index: {"index": index.pk, "display": CARDS})


class StageTableBlock(PlacedBlock):
    """The support stages as a table, with the columns the editor chooses."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    columns = blocks.MultipleChoiceBlock(
        label=_("Columns"),
        choices=STAGE_COLUMNS,
        default=["goal", "work", "support"],
        help_text=_("The stage's name always shows."),
    )

    class Meta:
        icon = "table"
        label = _("Support-stage table")
        template = "wagtail_chiiki/blocks/stage_table.html"
        preview_value = {"heading": "段階に応じた支援", "columns": ["goal", "work", "support"]}
        description = _("Every support stage in a table, linking to the stages page.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        from wagtail_chiiki.listings.stages import stage_views, stages_page

        request = (parent_context or {}).get("request")
        locale = active_locale()
        chosen = set(value.get("columns") or [])
        context["columns"] = [(name, label) for name, label in STAGE_COLUMNS if name in chosen]
        context["column_names"] = chosen
        context["stages"] = stage_views(request, locale)
        explained = stages_page(request, locale)
        context["stages_url"] = (explained.get_url(request) or "") if explained else ""
        return context
