"""The demo's images and PDF flyer, drawn by ``artwork`` and stored as Wagtail images and documents."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.file import hash_filelike

from example_site.demo import artwork, content


def demo_collection(
    record: Callable[[str, str, str], None], name: str = content.COLLECTION_NAME
) -> Collection:
    """The top-level collection called ``name``, made when missing."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
        record("created", "collection", collection.name)
    return collection


def private_collection(record: Callable[[str, str, str], None]) -> Collection:
    """The collection for files of unpublished pages: served to logged-in users only."""
    collection = demo_collection(record, content.PRIVATE_COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def load_images(collection: Collection, record: Callable[[str, str, str], None]) -> dict:
    """The images of ``content.IMAGES`` by key; found again by title, drawn only when missing."""
    Image = get_image_model()
    images = {}
    for key, spec in content.IMAGES.items():
        image = Image.objects.filter(collection=collection, title=spec["title"]).first()
        if image is None:
            data = artwork.illustration(spec["scene"])
            image = Image(
                title=spec["title"],
                description=spec["description"],
                collection=collection,
                file=ImageFile(io.BytesIO(data), name=spec["filename"]),
                file_size=len(data),
                file_hash=hash_filelike(io.BytesIO(data)),
            )
            image.save()
            record("created", "image", image.title)
        elif image.description != spec["description"]:
            image.description = spec["description"]
            image.save(update_fields=["description"])
            record("updated", "image", image.title)
        else:
            record("unchanged", "image", image.title)
        images[key] = image
    return images


def load_documents(
    collection: Collection, record: Callable[[str, str, str], None], specs: dict | None = None
) -> dict:
    """The documents of ``specs`` (``content.DOCUMENTS``) by key; found by title, made only when missing."""
    Document = get_document_model()
    documents = {}
    for key, spec in (content.DOCUMENTS if specs is None else specs).items():
        document = Document.objects.filter(collection=collection, title=spec["title"]).first()
        if document is None:
            data = artwork.flyer_pdf(spec["heading"], spec["lines"])
            document = Document(
                title=spec["title"],
                collection=collection,
                file=ContentFile(data, name=spec["filename"]),
                file_size=len(data),
                file_hash=hash_filelike(io.BytesIO(data)),
            )
            document.save()
            record("created", "document", document.title)
        else:
            record("unchanged", "document", document.title)
        documents[key] = document
    return documents
