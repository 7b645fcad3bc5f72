"""Forms residents use on the public pages: the filters of the community index."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class OrganizationFilterForm(forms.Form):
    """The GET filters of the community index; unknown values are reported and ignored, never fatal."""

    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        error_messages={"invalid_choice": _("That district is not in the list; showing all districts.")},
    )
    category = forms.ChoiceField(
        label=_("Activity"),
        required=False,
        error_messages={"invalid_choice": _("That activity is not in the list; showing all activities.")},
    )
    stage = forms.TypedChoiceField(
        label=_("Support stage"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("That stage is not in the list; showing all stages.")},
    )
    tag = forms.CharField(label=_("Related word"), required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, data, *, districts, categories, stages=()):
        super().__init__(data)
        self.fields["district"].choices = [("", _("All districts")), *[(d.slug, d.name) for d in districts]]
        self.fields["category"].choices = [("", _("All activities")), *[(c.slug, c.name) for c in categories]]
        self.fields["stage"].choices = [("", _("All stages")), *[(str(s.number), str(s)) for s in stages]]
        if not stages and not (data or {}).get("stage"):
            del self.fields["stage"]  # no organization has a stage yet: nothing to choose

    def valid_filters(self) -> dict[str, str | int]:
        """The filters whose values are valid, even when others are not."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in ("", None) and name not in self.errors
        }
