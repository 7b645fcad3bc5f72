"""What needs a translator: the package's pages and snippets not yet translated, partly translated or
out of date, per language a user may translate. Read in a fixed number of queries per language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import GroupPagePermission, Locale, Page, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

#: The package's snippets a translator translates, in the order the dashboard lists them.
SNIPPET_MODELS = ("District", "ActivityCategory", "SupportStage", "Contact")
#: How many items of each kind the dashboard names; the rest are counted.
SHOWN = 10


@dataclass(frozen=True)
class Task:
    """One page or snippet that needs a translator, and where to act on it."""

    title: str
    kind: str
    url: str
    untranslated: int = 0


@dataclass(frozen=True)
class TaskGroup:
    """The first ``SHOWN`` tasks of one kind and how many there are in all."""

    tasks: tuple[Task, ...] = ()
    total: int = 0

    @classmethod
    def of(cls, tasks: list[Task]) -> TaskGroup:
        return cls(tasks=tuple(tasks[:SHOWN]), total=len(tasks))


@dataclass(frozen=True)
class LanguageStatus:
    """The translation work waiting in one language."""

    locale: Locale
    not_started: TaskGroup = field(default_factory=TaskGroup)
    partly_translated: TaskGroup = field(default_factory=TaskGroup)
    out_of_date: TaskGroup = field(default_factory=TaskGroup)

    @property
    def name(self) -> str:
        return self.locale.get_display_name()

    @property
    def total(self) -> int:
        return self.not_started.total + self.partly_translated.total + self.out_of_date.total


@dataclass(frozen=True)
class _Source:
    translation_key: object
    title: str
    kind: str
    start_url: str
    published_at: datetime.datetime | None
    model: type


def translatable_locales(user) -> list[Locale]:
    """The languages other than the default one in which ``user`` may edit pages (all for superusers)."""
    if not user.is_active:
        return []
    others = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
    if user.is_superuser:
        return list(others)
    granted = GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=["change_page", "publish_page"]
    ).values("page__locale_id")
    return list(others.filter(pk__in=granted))


def language_statuses(user) -> list[LanguageStatus]:
    """The translation work of every language ``user`` may translate."""
    locales = translatable_locales(user)
    if not locales:
        return []
    sources = _sources(Locale.get_default())
    may_start = user.has_perm("wagtail_localize.submit_translation")
    return [_status(locale, sources, may_start=may_start) for locale in locales]


def _package_page_types() -> list[ContentType]:
    config = apps.get_app_config("wagtail_chiiki")
    models = [model for model in get_page_models() if model._meta.app_label == config.label]
    return list(ContentType.objects.get_for_models(*models).values())


def _sources(default: Locale) -> list[_Source]:
    """Every page of the package's types and every snippet of the package, in the default language."""
    sources = [
        _Source(
            translation_key=page.translation_key,
            title=page.title,
            kind=str(page.content_type.model_class()._meta.verbose_name),
            start_url=reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            published_at=page.last_published_at,
            model=Page,
        )
        for page in Page.objects.filter(locale=default, content_type__in=_package_page_types())
        .select_related("content_type")
        .order_by("path")
    ]
    for name in SNIPPET_MODELS:
        model = apps.get_model("wagtail_chiiki", name)
        meta = model._meta
        sources += [
            _Source(
                translation_key=snippet.translation_key,
                title=str(snippet),
                kind=str(meta.verbose_name),
                start_url=reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, snippet.pk],
                ),
                published_at=None,
                model=model,
            )
            for snippet in model.objects.filter(locale=default)
        ]
    return sources


def _status(locale: Locale, sources: list[_Source], *, may_start: bool) -> LanguageStatus:
    targets = _target_edit_urls(locale, sources)
    progress = _progress(locale, [source.translation_key for source in sources])
    not_started, partly, out_of_date = [], [], []
    select = "?" + urlencode({"select_locale": locale.language_code})
    for source in sources:
        key = source.translation_key
        if key not in targets:
            not_started.append(
                Task(source.title, source.kind, source.start_url + select if may_start else "")
            )
            continue
        total, translated, synced_at, _ = progress.get(key, (0, 0, None, None))
        if translated < total:
            partly.append(Task(source.title, source.kind, targets[key], untranslated=total - translated))
        if synced_at is not None and source.published_at is not None and source.published_at > synced_at:
            out_of_date.append(Task(source.title, source.kind, _update_url(progress, key)))
    return LanguageStatus(
        locale=locale,
        not_started=TaskGroup.of(not_started),
        partly_translated=TaskGroup.of(partly),
        out_of_date=TaskGroup.of(out_of_date),
    )


def _target_edit_urls(locale: Locale, sources: list[_Source]) -> dict:
    """The admin edit address of each source's translation in ``locale`` (one query per model)."""
    urls = {}
    by_model: dict[type, list] = {}
    for source in sources:
        by_model.setdefault(source.model, []).append(source.translation_key)
    for model, keys in by_model.items():
        rows = model._default_manager.filter(locale=locale, translation_key__in=keys).values_list(
            "translation_key", "pk"
        )
        meta = model._meta
        for key, pk in rows:
            if model is Page:
                urls[key] = reverse("wagtailadmin_pages:edit", args=[pk])
            else:
                urls[key] = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[pk])
    return urls


def _progress(locale: Locale, keys: list) -> dict:
    """For each translated source: (entries, entries translated, when the source was last synced)."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            )
        )
    )

    def count(queryset):
        counted = queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))

    rows = (
        Translation.objects.filter(Q(target_locale=locale) & Q(source__object_id__in=keys), enabled=True)
        .annotate(total=count(segments), done=count(translated))
        .values_list("source__object_id", "total", "done", "source__last_updated_at", "source_id")
    )
    return {key: (total, done, synced, source_id) for key, total, done, synced, source_id in rows}


def _update_url(progress: dict, key) -> str:
    return reverse("wagtail_localize:update_translations", args=[progress[key][3]])
