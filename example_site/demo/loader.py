"""Builds the demo site described in ``example_site/demo/content.py``, idempotently.

Everything is looked up before it is made (pages by slug under their parent, districts and
categories by slug, contacts and inline rows by a fixed translation key, images and documents by
title) and updated in place only when it differs, so running the loader again changes nothing.
StreamField blocks get fixed ids for the same reason: wagtail-localize keys its translation
segments by block id, and Wagtail sees no change when nothing changed.

Images and the flyer come from ``media`` (drawn by ``artwork``); English from ``english``, through
wagtail-localize's own machinery.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update, reference_index_auto_update_disabled
from wagtail_localize.models import Translation, TranslationSource

from example_site.demo import content
from example_site.demo.accounts import ensure_accounts
from example_site.demo.applications import load_applications
from example_site.demo.content import Ref
from example_site.demo.english import EnglishTranslator
from example_site.demo.media import demo_collection, load_documents, load_images, private_collection
from example_site.home.models import HomePage
from wagtail_chiiki.models import (
    Activity,
    ActivityCategory,
    ActivityIndexPage,
    CommunityIndexPage,
    Contact,
    District,
    MemberGroup,
    OrganizationLink,
    OrganizationPage,
    RelatedWord,
    StageRecord,
    SupportStage,
    SupportStagesPage,
    TransportService,
    WorkshopIndexPage,
    WorkshopSeriesPage,
    WorkshopSession,
)

# Fixed ids (block ids, translation keys) are derived from this namespace and a readable path.
NAMESPACE = uuid.UUID("6f1d3c1e-1f0b-4c55-9a55-7b0e1f6c2d11")

ROW_FIELDS = {
    "activities": (Activity, ("category_id", "title", "description")),
    "transport_services": (TransportService, ("name", "description", "url")),
    "member_groups": (MemberGroup, ("name",)),
    "links": (OrganizationLink, ("kind", "url", "label")),
    "stage_history": (StageRecord, ("stage_id", "reached")),
    "sessions": (WorkshopSession, ("date", "precision", "topic")),
}
#: The plain fields of a workshop series page the loader sets from ``content.WORKSHOP_SERIES``.
SERIES_FIELDS = (
    "title",
    "title_kana",
    "summary",
    "organizer_name",
    "venue_name",
    "venue_address",
    "latitude",
    "longitude",
    "access",
    "usual_start",
    "usual_end",
    "audience",
    "capacity",
    "fee",
    "application_method",
    "application_value",
    "application_deadline",
    "later_sessions_open",
    "flyer_text",
)


def fixed_uuid(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


@dataclass
class Report:
    """What the loader did, object by object: created, updated or unchanged."""

    actions: Counter = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)
    missing_english: dict[str, str] = field(default_factory=dict)
    used_english: set[str] = field(default_factory=set)

    def add(self, action: str, kind: str, name: str) -> None:
        self.actions[action] += 1
        self.lines.append(f"{action:9} {kind}: {name}")


class DemoLoader:
    def __init__(
        self, *, hostname: str = "localhost", port: int = 80, log: Callable[[str], None] | None = None
    ):
        self.hostname = hostname
        self.port = port
        self.log = log or (lambda message: None)
        self.report = Report()
        self.images: dict[str, object] = {}
        self.documents: dict[str, object] = {}
        self.districts: dict[str, District] = {}
        self.words: dict[str, RelatedWord] = {}
        self.categories: dict[str, ActivityCategory] = {}
        self.contacts: dict[str, Contact] = {}
        self.stages: dict[int, SupportStage] = {}
        self.pages: dict[str, Page] = {}

    # -----------------------------------------------------------------------------------------
    def run(self) -> Report:
        """Loads everything in one transaction, so that a failure leaves nothing half-made."""
        # Wagtail re-indexes a page's references on every save of the page and of each of its rows;
        # doing it once per object at the end is several times faster. Wagtail's switch is not
        # re-entrant, and a caller that turned the index off (tests) wants it left alone.
        index_off_by_caller = getattr(reference_index_auto_update_disabled, "value", False)
        index_switch = nullcontext() if index_off_by_caller else disable_reference_index_auto_update()
        with transaction.atomic(), index_switch:
            self.ja, _ = Locale.objects.get_or_create(language_code="ja")
            self.en, _ = Locale.objects.get_or_create(language_code="en")
            collection = demo_collection(self._record)
            self.images = load_images(collection, self._record)
            self.documents = load_documents(collection, self._record)
            load_documents(private_collection(self._record), self._record, content.PRIVATE_DOCUMENTS)
            self.load_snippets()
            home = self.ensure_home()
            self.ensure_site(home)
            self.load_index()
            self.load_organizations()
            self.load_activity_index()
            self.load_support()
            self.load_workshops()
            load_applications(self.pages["festival"], self._record)
            self.load_home_body()
            self.translate_all()
            self.ensure_superuser()
            ensure_accounts(self.pages, self._record)
            if set(self.report.actions) != {"unchanged"} and not index_off_by_caller:
                self.update_reference_index()
        return self.report

    def update_reference_index(self) -> None:
        """Records what the demo objects refer to (the admin's "usage" counts), in both languages."""
        objects = [*self.images.values(), *self.documents.values()]
        objects += [*self.districts.values(), *self.categories.values(), *self.contacts.values()]
        objects += [*self.stages.values(), *self.words.values()]
        objects += list(Page.objects.filter(pk__in=[page.pk for page in self.pages.values()]).specific())
        for obj in objects:
            translations = obj.get_translations() if hasattr(obj, "get_translations") else []
            for instance in [obj, *(t.specific if isinstance(t, Page) else t for t in translations)]:
                if ReferenceIndex.is_indexed(type(instance)):
                    ReferenceIndex.create_or_update_for_object(instance)

    def _record(self, action: str, kind: str, name: str) -> None:
        self.report.add(action, kind, name)
        if action != "unchanged":
            self.log(f"  {action} {kind}: {name}")

    # -----------------------------------------------------------------------------------------
    # Snippets
    # -----------------------------------------------------------------------------------------
    def _upsert(self, model, lookup: dict, values: dict, *, kind: str):
        obj = model.objects.filter(locale=self.ja, **lookup).first()
        if obj is None:
            obj = model(locale=self.ja, **lookup, **values)
            action = "created"
        else:
            changed = {name: value for name, value in values.items() if self._comparable(obj, name) != value}
            if not changed:
                self._record("unchanged", kind, str(obj))
                return obj
            for name, value in changed.items():
                setattr(obj, name, value)
            action = "updated"
        obj.full_clean()
        obj.save()
        self._record(action, kind, str(obj))
        return obj

    def _comparable(self, obj, name: str):
        """A field's value as the content module writes it; StreamFields as their stored data."""
        if isinstance(obj._meta.get_field(name), StreamField):
            return self._normalized_stream(type(obj), name, getattr(obj, name))
        return getattr(obj, name)

    def load_snippets(self) -> None:
        for spec in content.DISTRICTS:
            values = {"name": spec["name"], "sort_order": spec["sort_order"]}
            self.districts[spec["slug"]] = self._upsert(
                District, {"slug": spec["slug"]}, values, kind="district"
            )
        # The package's default categories. Unlike the chiiki_default_categories command, which never
        # changes a saved category, the loader puts their words back like the rest of the demo's;
        # their English comes through wagtail-localize in translate_all.
        for default in content.CATEGORIES:
            values = {
                "name": default.ja.name,
                "sort_order": default.sort_order,
                "description": default.ja.description,
            }
            self.categories[default.slug] = self._upsert(
                ActivityCategory, {"slug": default.slug}, values, kind="activity category"
            )
        for name, slug in content.RELATED_WORDS.items():
            self.words[name] = self._upsert(RelatedWord, {"slug": slug}, {"name": name}, kind="related word")
        for key, spec in content.CONTACTS.items():
            lookup = {"translation_key": fixed_uuid("contact", key)}
            self.contacts[key] = self._upsert(Contact, lookup, dict(spec), kind="contact")
        for spec in content.STAGES:
            values = {k: spec[k] for k in ("name", "goal", "city_support", "examples")}
            items = [("item", item) for item in spec["work"]]
            values["work"] = self.stream(SupportStage, "work", f"stage/{spec['number']}", items)
            self.stages[spec["number"]] = self._upsert(
                SupportStage, {"number": spec["number"]}, values, kind="support stage"
            )

    # -----------------------------------------------------------------------------------------
    # StreamField data
    # -----------------------------------------------------------------------------------------
    def _resolve(self, value, path: str):
        """Content values as raw block data: Refs become ids, lists become ListBlock items with ids."""
        if isinstance(value, Ref):
            return self._object_for(value).pk
        if isinstance(value, dict):
            return {name: self._resolve(item, f"{path}/{name}") for name, item in value.items()}
        if isinstance(value, list):
            return [
                {
                    "type": "item",
                    "value": self._resolve(item, f"{path}/{i}"),
                    "id": str(fixed_uuid(path, str(i))),
                }
                for i, item in enumerate(value)
            ]
        return value

    def _object_for(self, ref: Ref):
        registry = {
            "image": self.images,
            "document": self.documents,
            "contact": self.contacts,
            "page": self.pages,
        }
        try:
            return registry[ref.kind][ref.key]
        except KeyError:
            raise CommandError(f"The demo content refers to an unknown {ref.kind} {ref.key!r}.") from None

    def stream(self, model, field_name: str, key: str, items: Iterable[tuple[str, object]]) -> list[dict]:
        """Raw StreamField data with fixed block ids, normalized the way Wagtail stores it."""
        raw = []
        for i, (block_type, value) in enumerate(items):
            path = f"{key}/{field_name}/{i}"
            raw.append({"type": block_type, "value": self._resolve(value, path), "id": str(fixed_uuid(path))})
        return self._normalized_stream(model, field_name, raw)

    @staticmethod
    def _normalized_stream(model, field_name: str, value) -> list[dict]:
        block = model._meta.get_field(field_name).stream_block
        if not hasattr(value, "stream_block"):
            value = block.to_python(value)
        # StreamValue converts its items lazily and gives unread ones back as they were given;
        # reading every item fills in sub-blocks the demo content leaves out (a link's empty page),
        # so a value compares equal to the same value read back from the database.
        list(value)
        return json.loads(json.dumps(block.get_prep_value(value), cls=DjangoJSONEncoder))

    def history(self, model, key: str, entries: list[dict]) -> list[dict]:
        return self.stream(model, "update_history", key, [("update", entry) for entry in entries])

    # -----------------------------------------------------------------------------------------
    # Pages
    # -----------------------------------------------------------------------------------------
    def _state(self, page: Page) -> dict:
        """The parts of a page the loader manages, in a form that compares equal when nothing changed."""
        state = {}
        for model_field in page._meta.get_fields():
            if isinstance(model_field, StreamField):
                state[model_field.name] = self._normalized_stream(
                    type(page), model_field.name, getattr(page, model_field.name)
                )
        for name in (
            "title",
            "slug",
            "summary",
            "legal_form",
            "established",
            "latitude",
            "longitude",
            "service_area",
        ):
            if hasattr(page, name):
                state[name] = getattr(page, name)
        for name in (
            "list_heading",
            "stages_heading",
            "stages_note",
            "contact_id",
            "thumbnail_id",
            "page_size",
        ):
            if hasattr(page, name):
                state[name] = getattr(page, name)
        if isinstance(page, WorkshopSeriesPage):
            state.update({name: getattr(page, name) for name in SERIES_FIELDS})
            state.update(purpose=page.purpose, organizer_id=page.organizer_id, flyer_id=page.flyer_id)
        for relation, (_model, attrs) in ROW_FIELDS.items():
            if hasattr(page, relation):
                state[relation] = [
                    tuple(getattr(row, a) for a in attrs) for row in getattr(page, relation).all()
                ]
        if isinstance(page, OrganizationPage):
            state["districts"] = sorted(d.pk for d in page.districts.all())
        if hasattr(page, "tags"):
            state["tags"] = sorted(t.name for t in page.tags.all())
        return state

    def sync_page(self, parent: Page, model, slug: str, apply: Callable[[Page], None], *, kind: str) -> Page:
        """Creates the page under ``parent`` or updates it in place; publishes only when it changed."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, locale=self.ja, first_published_at=self.first_published())
            apply(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            action = "created"
        else:
            page = existing.specific
            if not isinstance(page, model):
                raise CommandError(
                    f"The page {existing.url_path} is a {type(page).__name__}, not a {model.__name__}: "
                    "move or rename it before loading the demo."
                )
            before = self._state(page)
            apply(page)
            if self._state(page) == before:
                action = "unchanged"
            else:
                page.save_revision().publish()
                action = "updated"
        self._record(action, kind, page.title)
        return page

    @staticmethod
    def first_published():
        return timezone.make_aware(content.FIRST_PUBLISHED)

    def ensure_home(self) -> HomePage:
        """The site's home page, replacing Wagtail's default welcome page if that is still there."""
        root = Page.get_first_root_node()
        slug = content.HOME["slug"]
        taken = root.get_children().filter(slug=slug).first()
        if (
            taken is not None
            and taken.specific_class is Page
            and taken.numchild == 0
            and taken.title.startswith("Welcome to your new Wagtail site")
        ):
            # The page Wagtail's migrations make (its site goes with it; ensure_site makes another).
            self._record("deleted", "page", taken.title)
            taken.delete()

        def apply(page: HomePage) -> None:
            page.title = content.HOME["title"]

        home = self.sync_page(root, HomePage, slug, apply, kind="home page")
        self.pages["home"] = home
        return home

    def load_home_body(self) -> None:
        """The home page's blocks, once the pages they link to exist."""

        def apply(page: HomePage) -> None:
            page.title = content.HOME["title"]
            page.body = self.stream(HomePage, "body", "home", content.HOME["body"])

        self.pages["home"] = self.sync_page(
            Page.get_first_root_node(), HomePage, content.HOME["slug"], apply, kind="home page"
        )

    def ensure_site(self, home: HomePage) -> None:
        site = Site.objects.filter(hostname=self.hostname, port=self.port).first()
        site = site or Site.objects.filter(is_default_site=True).first() or Site()
        wanted = {
            "hostname": self.hostname,
            "port": self.port,
            "root_page_id": home.pk,
            "is_default_site": True,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if site.pk and all(getattr(site, name) == value for name, value in wanted.items()):
            self._record("unchanged", "site", str(site))
        else:
            action = "updated" if site.pk else "created"
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
            self._record(action, "site", str(site))
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)

    def load_index(self) -> None:
        spec = content.INDEX

        def apply(page: CommunityIndexPage) -> None:
            page.title = spec["title"]
            page.list_heading = spec["list_heading"]
            page.intro = self.stream(CommunityIndexPage, "intro", "index", spec["intro"])
            page.closing = self.stream(CommunityIndexPage, "closing", "index", spec["closing"])
            page.update_history = self.history(CommunityIndexPage, "index", spec["update_history"])
            self._set_words(page, spec["tags"])

        self.pages["index"] = self.sync_page(
            self.pages["home"], CommunityIndexPage, spec["slug"], apply, kind="community index"
        )

    def load_activity_index(self) -> None:
        spec = content.ACTIVITIES

        def apply(page: ActivityIndexPage) -> None:
            page.title = spec["title"]
            page.page_size = spec["page_size"]
            page.intro = self.stream(ActivityIndexPage, "intro", "activities", spec["intro"])
            page.update_history = self.history(ActivityIndexPage, "activities", spec["update_history"])
            self._set_words(page, spec["tags"])

        self.pages["activities"] = self.sync_page(
            self.pages["index"], ActivityIndexPage, spec["slug"], apply, kind="activity index"
        )

    def load_organizations(self) -> None:
        for spec in content.ORGANIZATIONS:
            page = self.sync_page(
                self.pages["index"],
                OrganizationPage,
                spec["slug"],
                lambda page, spec=spec: self._apply_organization(page, spec),
                kind="organization",
            )
            self.pages[spec["slug"]] = page

    def _apply_organization(self, page: OrganizationPage, spec: dict) -> None:
        key = f"organization/{spec['slug']}"
        page.title = spec["title"]
        page.summary = spec["summary"]
        page.legal_form = spec["legal_form"]
        page.established = spec["established"]
        page.latitude = spec["latitude"]
        page.longitude = spec["longitude"]
        page.service_area = content.SERVICE_AREAS[spec["slug"]]
        page.contact = self.contacts[spec["contact"]]
        page.thumbnail = self.images[spec["image"]]
        page.body = self.stream(OrganizationPage, "body", key, spec["body"])
        page.update_history = self.history(OrganizationPage, key, spec.get("update_history", []))

        districts = [self.districts[slug] for slug in spec["districts"]]
        if sorted(d.pk for d in page.districts.all()) != sorted(d.pk for d in districts):
            page.districts = districts
        self._set_words(page, spec["tags"])

        rows = {
            "activities": [
                {
                    "category_id": self.categories[a["category"]].pk,
                    "title": a["title"],
                    "description": a["description"],
                }
                for a in spec["activities"]
            ],
            "transport_services": spec["transport_services"],
            "member_groups": [{"name": name} for name in spec["member_groups"]],
            "links": spec["links"],
            "stage_history": [
                {"stage_id": self.stages[number].pk, "reached": reached}
                for number, reached in content.STAGE_HISTORY.get(spec["slug"], [])
            ],
        }
        for relation, values in rows.items():
            self._sync_rows(page, relation, key, values)

    @staticmethod
    def _sync_rows(page: Page, relation: str, key: str, values: list[dict]) -> None:
        """Updates inline rows in place, in order; new rows get a fixed translation key."""
        model, attrs = ROW_FIELDS[relation]
        existing = list(getattr(page, relation).all())
        rows = []
        for i, row_values in enumerate(values):
            row = (
                existing[i] if i < len(existing) else model(translation_key=fixed_uuid(key, relation, str(i)))
            )
            for name in attrs:
                setattr(row, name, row_values.get(name, ""))
            row.sort_order = i
            rows.append(row)
        setattr(page, relation, rows)

    def _set_words(self, page: Page, names: list[str]) -> None:
        """Gives the page these related words, leaving it unchanged when it has them already."""
        if sorted(t.name for t in page.tags.all()) != sorted(names):
            page.tags.set([self.words[name] for name in names])

    def load_support(self) -> None:
        spec = content.SUPPORT

        def apply(page: SupportStagesPage) -> None:
            page.title = spec["title"]
            page.stages_heading = spec["stages_heading"]
            page.stages_note = spec["stages_note"]
            page.intro = self.stream(SupportStagesPage, "intro", "support", spec["intro"])
            page.body = self.stream(SupportStagesPage, "body", "support", spec["body"])
            page.contact = self.contacts[spec["contact"]]
            page.update_history = self.history(SupportStagesPage, "support", spec["update_history"])
            self._set_words(page, spec["tags"])

        self.pages["support"] = self.sync_page(
            self.pages["index"], SupportStagesPage, spec["slug"], apply, kind="support stages page"
        )

    def load_workshops(self) -> None:
        spec = content.WORKSHOPS

        def apply(page: WorkshopIndexPage) -> None:
            page.title = spec["title"]
            page.page_size = spec["page_size"]
            page.intro = self.stream(WorkshopIndexPage, "intro", "workshops", spec["intro"])
            page.update_history = self.history(WorkshopIndexPage, "workshops", spec["update_history"])
            self._set_words(page, spec["tags"])

        self.pages["workshops"] = self.sync_page(
            self.pages["index"], WorkshopIndexPage, spec["slug"], apply, kind="workshop index"
        )
        for series in content.WORKSHOP_SERIES:
            self.pages[series["slug"]] = self.sync_page(
                self.pages["workshops"],
                WorkshopSeriesPage,
                series["slug"],
                lambda page, series=series: self._apply_series(page, series),
                kind="workshop series",
            )

    def _apply_series(self, page: WorkshopSeriesPage, spec: dict) -> None:
        for name in SERIES_FIELDS:
            setattr(page, name, spec[name])
        page.purpose = spec["purpose"]
        page.organizer = self.pages[spec["organizer"]] if spec["organizer"] else None
        page.flyer = self.documents[spec["flyer"]] if spec["flyer"] else None
        page.contact = self.contacts[spec["contact"]]
        self._set_words(page, spec["tags"])
        self._sync_rows(page, "sessions", f"workshop/{spec['slug']}", spec["sessions"])

    # -----------------------------------------------------------------------------------------
    # English, through wagtail-localize
    # -----------------------------------------------------------------------------------------
    def translate_all(self) -> None:
        translator = EnglishTranslator(self.en, record=self._record, log=self.log)
        # Snippets first: translated pages point at the English snippets.
        for district in self.districts.values():
            translator.translate(district, "district")
        for category in self.categories.values():
            translator.translate(category, "activity category")
        for contact in self.contacts.values():
            translator.translate(contact, "contact")
        for stage in self.stages.values():
            translator.translate(stage, "support stage")
        for word in self.words.values():
            translator.translate(word, "related word")
        # Pages from the top, so that every page's parent is translated before it.
        translator.translate(self.pages["home"], "home page")
        translator.translate(self.pages["index"], "community index")
        for spec in content.ORGANIZATIONS:
            translator.translate(self.pages[spec["slug"]], "organization")
        translator.translate(self.pages["activities"], "activity index")
        translator.translate(self.pages["support"], "support stages page")
        translator.translate(self.pages["workshops"], "workshop index")
        for spec in content.WORKSHOP_SERIES:
            translator.translate(self.pages[spec["slug"]], "workshop series")
        translator.warn_missing()
        self.report.missing_english = translator.missing
        self.report.used_english = translator.used

    # -----------------------------------------------------------------------------------------
    def ensure_superuser(self) -> None:
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self._record("unchanged", "user", "admin")
            return
        User.objects.create_superuser("admin", "admin@example.jp", "admin")
        self._record("created", "user", "admin")


def counts() -> dict[str, int]:
    """How many of each kind of demo object the database holds (used by the command and the tests)."""
    return {
        "pages (ja)": Page.objects.filter(locale__language_code="ja", depth__gt=1).count(),
        "pages (en)": Page.objects.filter(locale__language_code="en", depth__gt=1).count(),
        "organization pages": OrganizationPage.objects.count(),
        "districts": District.objects.count(),
        "related words": RelatedWord.objects.count(),
        "activity categories": ActivityCategory.objects.count(),
        "contacts": Contact.objects.count(),
        "support stages": SupportStage.objects.count(),
        "stage records": StageRecord.objects.count(),
        "activities": Activity.objects.count(),
        "transport services": TransportService.objects.count(),
        "member groups": MemberGroup.objects.count(),
        "links": OrganizationLink.objects.count(),
        "workshop series": WorkshopSeriesPage.objects.count(),
        "workshop sessions": WorkshopSession.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "translations": Translation.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "sites": Site.objects.count(),
    }
