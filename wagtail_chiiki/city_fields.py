"""What only the city decides on an organization page (stage history, districts, legal form): shown
read-only to other editors, and a POST that tries to change it is refused with an error."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, Panel

from wagtail_chiiki.page_forms import ChiikiPageForm

#: The permission of the city's staff (see ``roles.py``); superusers have it too.
CITY_FIELDS_PERMISSION = "wagtail_chiiki.decide_city_fields"
CITY_FIELDS = ("legal_form", "legal_form_other", "districts")
CITY_FORMSETS = ("stage_history",)


def decides_city_fields(user) -> bool:
    return user is not None and user.is_active and user.has_perm(CITY_FIELDS_PERMISSION)


class CityFieldsForm(ChiikiPageForm):
    """An organization page form that leaves the city's fields out for editors without the permission
    and refuses a submission that carries them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.city_locked = not decides_city_fields(self.for_user)
        self.refused_fields: list[str] = []
        if not self.city_locked:
            return
        for name in CITY_FIELDS:
            field = self.fields.pop(name, None)
            if field is not None and self.is_bound and self._posted_change(name, field):
                self.refused_fields.append(str(self.instance._meta.get_field(name).verbose_name))
        for name in CITY_FORMSETS:
            formset = self.formsets.pop(name, None)
            if (
                formset is not None
                and self.is_bound
                and any(key.startswith(f"{formset.prefix}-") for key in self.data)
            ):
                self.refused_fields.append(
                    str(self.instance._meta.get_field(name).related_model._meta.verbose_name)
                )

    def _posted_change(self, name: str, field) -> bool:
        key = self.add_prefix(name)
        if key not in self.data:
            return False
        value = field.widget.value_from_datadict(self.data, self.files, key)
        return field.has_changed(self.get_initial_for_field(field, name), value)

    def clean(self):
        cleaned_data = super().clean()
        if self.refused_fields:
            self.add_error(
                None,
                _("Only the city can change %(fields)s. Nothing was saved: ask the city's staff.")
                % {"fields": ", ".join(self.refused_fields)},
            )
        return cleaned_data


def _locked(form) -> bool:
    return getattr(form, "city_locked", False)


class CityFieldPanel(FieldPanel):
    """A field the city decides: editable with the permission, read-only text without it."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is None and _locked(self.form):
                self.read_only = True
                self.heading = self.panel.heading or self.panel.db_field.verbose_name.capitalize()
                self.help_text = _("Set by the city.")


class CityInlinePanel(InlinePanel):
    """Rows the city records (the stage history): an inline panel with the permission, a list without."""

    def get_bound_panel(self, instance=None, request=None, form=None, prefix="panel"):
        if _locked(form):
            return (
                ReadOnlyRows(
                    relation_name=self.relation_name, heading=self.heading, help_text=_("Set by the city.")
                )
                .bind_to_model(self.model)
                .get_bound_panel(instance=instance, request=request, form=form, prefix=prefix)
            )
        return super().get_bound_panel(instance=instance, request=request, form=form, prefix=prefix)


class ReadOnlyRows(Panel):
    """The rows of an inline relation as a read-only list."""

    def __init__(self, relation_name: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.relation_name = relation_name

    def clone_kwargs(self) -> dict:
        return {**super().clone_kwargs(), "relation_name": self.relation_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_chiiki/admin/read_only_rows.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rows = getattr(self.instance, self.panel.relation_name).all() if self.instance else []
            context["rows"] = [str(row) for row in rows]
            return context
