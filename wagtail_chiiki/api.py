"""Serializers the Wagtail API v2 uses for the package's snippets and tags."""

from __future__ import annotations

from rest_framework import serializers


class SnippetSerializer(serializers.Field):
    """A translatable snippet as ``{"id", "name"/fields…}``: the plain fields, not a nested endpoint."""

    def __init__(self, model, fields: tuple[str, ...] | None = None, **kwargs):
        self.model = model
        self.fields_to_show = fields
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None:
            return None
        names = self.fields_to_show or [
            f.name
            for f in self.model._meta.concrete_fields
            if f.name not in ("locale", "translation_key", "sort_order")
        ]
        return {name: getattr(value, name) for name in names}


class DistrictSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()


class TagsSerializer(serializers.Field):
    """Related words as a plain list of their names (give a list of words, e.g. in the page's language)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [tag.name for tag in (value.all() if hasattr(value, "all") else value)]


class CoordinateSerializer(serializers.DecimalField):
    """A latitude or longitude as a JSON number, as map consumers expect."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(max_digits=9, decimal_places=6, coerce_to_string=False, **kwargs)
