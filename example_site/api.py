"""The Wagtail API v2 endpoints the example site publishes (organizations come through ``pages``).

Two things a municipal site adds to Wagtail's own endpoints:

- ``find/?id=…`` with an id that is not a number, and an ``offset`` past any database's integers,
  answer 400 instead of a server error;
- documents and images in a private collection (docs/privacy.md) are not listed: Wagtail decides
  file privacy by collection, and its API endpoints list every file whatever its collection;
- pages are those anyone may see (live and public), whoever asks: Wagtail's own endpoint also lists
  login- and group-restricted pages to a signed-in member, which a public API must not name.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

#: The largest offset a list takes: beyond it a database's integers overflow.
MAX_OFFSET = 2**31 - 1


class CheckedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class CheckedFindMixin:
    """``find/?id=`` takes a number only; lists check their offset."""

    pagination_class = CheckedPagination

    def handle_exception(self, exc):
        # Parameter values Wagtail's filters pass on unchecked (an id that is not a number, a
        # number too large for the database, a malformed lookup) are the request's fault: 400.
        if isinstance(exc, ValueError | TypeError | OverflowError | DjangoValidationError | DataError):
            exc = BadRequestError("a query parameter has a value this API cannot use")
        return super().handle_exception(exc)

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a number")
        return super().find_object(queryset, request)


def private_collections():
    """Collections under a view restriction, with the collections below them."""
    restricted = Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id"))
    private = Collection.objects.none()
    for collection in restricted:
        private = private | Collection.objects.descendant_of(collection, inclusive=True)
    return private


class PublicFilesMixin(CheckedFindMixin):
    """Only files outside private collections."""

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=private_collections())


class PublicPagesAPIViewSet(CheckedFindMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicDocumentsAPIViewSet(PublicFilesMixin, DocumentsAPIViewSet):
    pass


class PublicImagesAPIViewSet(PublicFilesMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
