"""A PO upload for wagtail-localize's translation editor that refuses bad files and changes nothing.

wagtail-localize's own view answers an empty file or a file without its header with a server error,
and imports entries with broken HTML as they are (marking them as errors). This view, served at the
same address, checks the file first and imports all of it or none of it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

import polib
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

#: Larger files are refused: a page's PO file is a few kilobytes.
MAX_PO_FILE_SIZE = 2 * 1024 * 1024


class RefusedFile(Exception):
    """A PO file that cannot be imported, with the message that says why."""


def read_po_file(upload, translation: Translation) -> polib.POFile:
    """The PO file of ``translation`` from an upload, or RefusedFile saying what is wrong with it."""
    if upload is None:
        raise RefusedFile(_("Choose a PO file to upload."))
    data = upload.read(MAX_PO_FILE_SIZE + 1)
    if len(data) > MAX_PO_FILE_SIZE:
        raise RefusedFile(_("The file is too large to be a PO file of one page."))
    if not data.strip():
        raise RefusedFile(_("The file is empty. Download the PO file of this translation and fill it in."))
    # polib reads a string that names an existing file as that file: parse from a file of our own.
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as file:
        file.write(data)
    try:
        po = polib.pofile(file.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RefusedFile(
            _("This is not a PO file that can be read (%(error)s).") % {"error": error}
        ) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(file.name)
    made_for = po.metadata.get("X-WagtailLocalize-TranslationID")
    if made_for != str(translation.uuid):
        raise RefusedFile(
            _(
                "This PO file was made for another page, snippet or language. Download the PO file of "
                "this translation and fill it in."
            )
        )
    return po


def import_all_or_nothing(translation: Translation, po: polib.POFile, user) -> None:
    """Imports every entry, or none when one of them is broken (RefusedFile lists what is wrong)."""
    with transaction.atomic():
        translation.import_po(po, user=user, tool_name="PO File")
        broken = StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale_id=translation.target_locale_id,
            has_error=True,
        ).select_related("translation_of")
        problems = [f"“{item.translation_of.data[:60]}”: {item.get_error()}" for item in broken]
        if problems:
            transaction.set_rollback(True)
            raise RefusedFile(
                _("Nothing was imported. Correct these entries and upload the file again: %(problems)s")
                % {"problems": "; ".join(problems)}
            )


@require_POST
def upload_pofile(request, translation_id: int):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:  # a translation whose page or snippet is not made yet
        raise Http404 from None
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    try:
        import_all_or_nothing(translation, read_po_file(request.FILES.get("file"), translation), request.user)
    except RefusedFile as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The translations of the PO file were imported."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
