"""Editors' related words: autocompleted, made in the page's language; the data migration moves
taggit tags to them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from wagtail_chiiki.models import RelatedWord


@pytest.mark.django_db
def test_new_words_are_made_in_the_pages_language(make_organization, locales):
    RelatedWord.objects.create(name="Bus", slug="bus", locale=locales["en"])
    page_ = make_organization(title="湊地区まちづくり協議会")
    page_.tags.add("Bus", "のりもの")
    page_.save_revision().publish()

    assert {(w.name, w.locale.language_code) for w in page_.tags.all()} == {("Bus", "ja"), ("のりもの", "ja")}
    assert RelatedWord.objects.filter(name="Bus").count() == 2


@pytest.mark.django_db
def test_the_tag_field_autocompletes_related_words(admin_client, make_organization, locales):
    page = make_organization(title="湊地区まちづくり協議会")
    RelatedWord.objects.create(name="バス", slug="bus", locale=locales["ja"])
    url = reverse("wagtailadmin_tag_model_autocomplete", args=("wagtail_chiiki", "relatedword"))

    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert url in form
    assert admin_client.get(url, {"term": "バ"}).json() == ["バス"]


# -- the data migration ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_taggit_tags_to_related_words():
    executor = MigrationExecutor(connection)
    executor.migrate([("wagtail_chiiki", "0001_initial")])
    old = executor.loader.project_state([("wagtail_chiiki", "0001_initial")]).apps
    try:
        Locale = old.get_model("wagtailcore", "Locale")
        Tag = old.get_model("taggit", "Tag")
        ja = Locale.objects.get_or_create(language_code="ja")[0]
        OrganizationPage_ = old.get_model("wagtail_chiiki", "OrganizationPage")
        ContentType = old.get_model("contenttypes", "ContentType")
        # A tree of its own: the test does not depend on what other tests left in the page tree.
        root = old.get_model("wagtailcore", "Page").objects.create(
            title="Root",
            slug="root",
            path="00ZZ",
            depth=1,
            numchild=1,
            url_path="/",
            draft_title="Root",
            locale=ja,
            content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0],
        )
        ct, _ = ContentType.objects.get_or_create(app_label="wagtail_chiiki", model="organizationpage")
        org = OrganizationPage_.objects.create(
            title="湊",
            slug="minato",
            path=root.path + "0099",
            depth=2,
            locale=ja,
            content_type=ct,
            summary="",
            url_path="/minato/",
            draft_title="湊",
            body=[],
            update_history=[],
        )
        bus = Tag.objects.create(name="バス", slug="バス")
        unused = Tag.objects.create(name="未使用", slug="未使用")
        old.get_model("wagtail_chiiki", "OrganizationTag").objects.create(content_object=org, tag=bus)

        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes("wagtail_chiiki"))
        new = executor.loader.project_state(executor.loader.graph.leaf_nodes("wagtail_chiiki")).apps

        words = new.get_model("wagtail_chiiki", "RelatedWord").objects.all()
        assert [(w.pk, w.name, w.slug, w.locale_id) for w in words] == [(bus.pk, "バス", "バス", ja.pk)]
        rows = new.get_model("wagtail_chiiki", "OrganizationTag").objects.filter(content_object_id=org.pk)
        assert [row.tag.name for row in rows] == ["バス"]
        assert not words.filter(name=unused.name).exists()
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
