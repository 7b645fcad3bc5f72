"""Support stages (ステップ0…4): a shared, translatable snippet, and the dates an organization reached them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_chiiki.api import SnippetSerializer
from wagtail_chiiki.blocks.text import RICH_TEXT_FEATURES
from wagtail_chiiki.models.rows import ORGANIZATION_PAGE, OrganizationRow


class SupportStage(TranslatableMixin, index.Indexed, models.Model):
    """One stage of an organization's growth (ステップ1 組織づくり …) and how the city helps at it."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        help_text=_("The step's number, from 0. Stages are listed in this order; residents read “Step 1”."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("A short name, e.g. Setting up."))
    goal = models.CharField(
        _("goal"),
        max_length=200,
        help_text=_("What the community aims for at this stage (目指す姿)."),
    )
    work = StreamField(
        [("item", blocks.CharBlock(label=_("Item"), max_length=200))],
        blank=True,
        verbose_name=_("the community's work"),
        help_text=_("What the community typically does at this stage (地域の取組), one item each."),
    )
    city_support = RichTextField(
        _("what the city offers"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The city's help at this stage: advice, staff, subsidies."),
    )
    examples = models.TextField(
        _("examples"), blank=True, help_text=_("Optional: examples of what organizations did at this stage.")
    )

    # The number ties the stage to its anchor (#stage-1) and to filter links (?stage=1) in every language.
    override_translatable_fields = [SynchronizedField("number", overridable=False)]
    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("name")]),
        FieldPanel("goal"),
        FieldPanel("work"),
        FieldPanel("city_support"),
        FieldPanel("examples"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("goal"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support stage")
        verbose_name_plural = _("support stages")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "locale"], name="wagtail_chiiki_stage_number_locale"),
        ]

    def __str__(self) -> str:
        return f"{self.step_label} {self.name}"

    def clean(self) -> None:
        super().clean()
        # The database constraint names the locale, which the admin form leaves out: say it here.
        if self.number is None:
            return
        locale_id = self.locale_id or Locale.get_default().pk
        clash = (
            SupportStage.objects.filter(locale_id=locale_id, number=self.number).exclude(pk=self.pk).first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "number": _("%(stage)s already has this number. Give each stage its own number.")
                    % {"stage": clash}
                }
            )

    @property
    def step_label(self) -> str:
        return _("Step %(number)s") % {"number": self.number}

    @property
    def anchor(self) -> str:
        return f"stage-{self.number}"

    @property
    def work_items(self) -> list[str]:
        return [item.value for item in self.work]


class StageRecord(OrganizationRow):
    """The day an organization reached a stage; the latest record is its current stage."""

    page = ParentalKey(ORGANIZATION_PAGE, on_delete=models.CASCADE, related_name="stage_history")
    stage = models.ForeignKey(
        SupportStage, verbose_name=_("stage"), on_delete=models.PROTECT, related_name="records"
    )
    reached = models.DateField(_("date reached"), help_text=_("E.g. the day the organization was founded."))

    # Stages are looked up by number, so the row may keep the source language's stage.
    override_translatable_fields = [SynchronizedField("stage"), SynchronizedField("reached")]
    panels = [FieldRowPanel([FieldPanel("stage"), FieldPanel("reached")])]
    api_fields = [
        APIField("stage", serializer=SnippetSerializer(SupportStage, fields=("id", "number", "name"))),
        APIField("reached"),
    ]

    class Meta(OrganizationRow.Meta):
        verbose_name = _("stage reached")
        verbose_name_plural = _("stages reached")

    def __str__(self) -> str:
        return f"{self.stage} {self.reached}"

    def clean(self) -> None:
        super().clean()
        if self.reached and self.reached > timezone.localdate():
            raise ValidationError(
                {"reached": _("A stage cannot be reached in the future: enter a past date.")}
            )


def latest_record(records) -> StageRecord | None:
    """The record reached last (the later row wins a tie), or None."""
    dated = [record for record in records if record.reached and record.stage_id]
    return max(dated, key=lambda record: (record.reached, record.sort_order or 0), default=None)
