"""Checks what a translator types over a synchronized value in wagtail-localize's editor.

wagtail-localize saves an override (a web address of a link block, the application address of a
workshop series) as typed, so ``javascript:…`` would reach the translated page. This view, served
at the address of wagtail-localize's own, refuses an address with a scheme other than http or https
before handing the request on; it changes nothing else.
"""

from __future__ import annotations

import io
import json

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.views.decorators.csrf import csrf_exempt
from wagtail_localize.models import OverridableSegment
from wagtail_localize.views import edit_translation

from wagtail_chiiki.links import url_scheme
from wagtail_chiiki.validators import validate_http_url


def check_override(value: str, source_value) -> None:
    """ValidationError unless ``value`` may replace ``source_value``: a web address stays one, and no
    value carries a scheme other than http or https."""
    source_is_web_address = isinstance(source_value, str) and url_scheme(source_value) in ("http", "https")
    if source_is_web_address or url_scheme(value):
        validate_http_url(value)


def _put_value(request: HttpRequest) -> str | None:
    """The ``value`` of a PUT form (urlencoded or multipart), read without using up the body."""
    body = request.body  # cached: wagtail-localize's view reads the same body again
    if request.content_type == "multipart/form-data":
        try:
            data, _files = MultiPartParser(request.META, io.BytesIO(body), request.upload_handlers).parse()
        except MultiPartParserError:
            return None
    else:
        data = QueryDict(body, encoding=request.encoding)
    return data.get("value")


@csrf_exempt  # as wagtail-localize's view: its session authentication checks the CSRF token
def edit_override(request: HttpRequest, translation_id: int, overridable_segment_id: int) -> HttpResponse:
    if request.method == "PUT" and request.user.is_authenticated:
        value = _put_value(request)
        segment = OverridableSegment.objects.filter(id=overridable_segment_id).first()
        if value is not None and segment is not None:
            try:
                check_override(value, json.loads(segment.data_json))
            except ValidationError as error:
                return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return edit_translation.edit_override(
        request, translation_id=translation_id, overridable_segment_id=overridable_segment_id
    )
