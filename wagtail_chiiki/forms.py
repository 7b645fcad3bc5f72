"""Forms residents use on the public pages: the GET filters of the community index and activity list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail_chiiki.text import MAX_KEYWORD_LENGTH


class FilterForm(forms.Form):
    """GET filters whose unknown values are reported and ignored, never fatal."""

    def valid_filters(self) -> dict[str, str | int]:
        """The filters whose values are valid, even when others are not."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in ("", None) and name not in self.errors
        }


class Select(forms.Select):
    """A select built in Python: Django renders each option through a template, which costs
    milliseconds on a list of hundreds of organizations."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = next(iter(self.format_value(value)), "")
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, mark_safe(" selected") if str(choice) == selected else "", label)
                for choice, label in self.choices
            ),
        )
        return format_html(
            "<select{}>{}</select>",
            flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})),
            options,
        )


def choice_filter(label, invalid_choice) -> forms.ChoiceField:
    """An optional select whose unknown values are explained with ``invalid_choice``."""
    return forms.ChoiceField(
        label=label, required=False, widget=Select, error_messages={"invalid_choice": invalid_choice}
    )


def district_filter() -> forms.ChoiceField:
    return choice_filter(_("District"), _("That district is not in the list; showing all districts."))


def stage_filter() -> forms.ChoiceField:
    return choice_filter(_("Support stage"), _("That stage is not in the list; showing all stages."))


def stage_choices(stages) -> list[tuple[str, str]]:
    return [("", _("All stages")), *[(str(stage.number), str(stage)) for stage in stages]]


class OrganizationFilterForm(FilterForm):
    """The GET filters of the community index."""

    district = district_filter()
    category = choice_filter(_("Activity"), _("That activity is not in the list; showing all activities."))
    stage = stage_filter()
    tag = forms.CharField(label=_("Related word"), required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, data, *, districts, categories, stages=()):
        super().__init__(data)
        self.fields["district"].choices = [("", _("All districts")), *[(d.slug, d.name) for d in districts]]
        self.fields["category"].choices = [("", _("All activities")), *[(c.slug, c.name) for c in categories]]
        self.fields["stage"].choices = stage_choices(stages)
        if not stages and not (data or {}).get("stage"):
            del self.fields["stage"]  # no organization has a stage yet: nothing to choose


class ActivitySort:
    """The orders of the activity list; every one ends on the row's id, so pages never overlap."""

    CATEGORY = "category"
    ORGANIZATION = "organization"
    NEWEST = "newest"
    CHOICES = [
        (CATEGORY, pgettext_lazy("sort order", "By category")),
        (ORGANIZATION, pgettext_lazy("sort order", "By organization")),
        (NEWEST, pgettext_lazy("sort order", "Newest first")),
    ]


class ActivityFilterForm(FilterForm):
    """The GET filters of the activity list; the choices carry how many activities each would leave."""

    q = forms.CharField(
        label=_("Keyword"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_KEYWORD_LENGTH}),
        help_text=_(
            "Words in the activity, its category or its organization's name. Separate words with spaces."
        ),
    )
    category = choice_filter(_("Category"), _("That category is not in the list; showing all categories."))
    district = district_filter()
    organization = choice_filter(
        _("Organization"), _("That organization is not in the list; showing all organizations.")
    )
    stage = stage_filter()
    tag = choice_filter(_("Related word"), _("That related word is not in use; showing all activities."))
    sort = choice_filter(_("Order"), _("That order is not available; sorted by category."))

    #: The filters that narrow the list (``sort`` only orders it).
    FACETS = ("category", "district", "organization", "stage", "tag")
    EMPTY_LABELS = {
        "category": _("All categories"),
        "district": _("All districts"),
        "organization": _("All organizations"),
        "stage": _("All stages"),
        "tag": _("All related words"),
    }

    def __init__(self, data, *, choices: Mapping[str, Iterable[tuple[str, str]]]):
        if data is not None and len(data.get("q", "")) > MAX_KEYWORD_LENGTH:
            # A very long keyword is shortened rather than refused: the reader still gets results.
            data = data.copy()
            data["q"] = data["q"][:MAX_KEYWORD_LENGTH]
        super().__init__(data)
        self._names = {name: list(choices[name]) for name in self.FACETS}
        for name in self.FACETS:
            self.fields[name].choices = [("", self.EMPTY_LABELS[name]), *self._names[name]]
        self.fields["sort"].choices = ActivitySort.CHOICES
        if not self._names["stage"] and not (data or {}).get("stage"):
            del self.fields["stage"]  # no organization has a stage yet: nothing to choose

    def show_counts(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        """Label each choice with the number of activities it would leave, given the other filters;
        leave out the choices that would leave none, unless chosen."""
        for name in self.FACETS:
            if name not in self.fields:
                continue
            chosen = self.data.get(name) if self.is_bound else None
            self.fields[name].choices = [
                ("", self.EMPTY_LABELS[name]),
                *[
                    (value, _("%(name)s (%(count)s)") % {"name": label, "count": counts[name].get(value, 0)})
                    for value, label in self._names[name]
                    if counts[name].get(value) or value == chosen
                ],
            ]
