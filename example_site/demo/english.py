"""English translations of the demo, made with wagtail-localize's own machinery.

For each Japanese object: a ``TranslationSource`` (created, or updated when the object changed), a
``Translation`` into English, its PO file filled from ``content.ENGLISH`` and imported, then
``save_target``. An object whose source, PO file and English target are already up to date is left
alone, so loading the demo again makes no new revisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from example_site.demo import content

# Hiragana, katakana, CJK ideographs, full-width forms and Japanese punctuation.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def has_japanese(text: str) -> bool:
    return bool(JAPANESE.search(text or ""))


class EnglishTranslator:
    def __init__(
        self, locale: Locale, *, record: Callable[[str, str, str], None], log: Callable[[str], None]
    ):
        self.locale = locale
        self.record = record
        self.log = log
        self.missing: dict[str, str] = {}  # Japanese text -> where it was found
        self.used: set[str] = set()  # keys of content.ENGLISH that were needed

    def english(self, msgid: str, where: str) -> str:
        """The English of one extracted text; texts with no Japanese in them are kept as they are."""
        if msgid in content.ENGLISH:
            self.used.add(msgid)
            return content.ENGLISH[msgid]
        if not has_japanese(msgid):
            return msgid  # slugs, phone numbers, names in Latin letters
        self.missing.setdefault(msgid, where)
        return msgid

    def translate(self, obj, kind: str) -> None:
        """Translates ``obj`` into English with a PO round trip; does nothing when nothing changed."""
        if isinstance(obj, Page):
            obj = Page.objects.get(pk=obj.pk).specific  # as stored, not as held in memory
        before = (
            TranslationSource.objects.filter(object_id=obj.translation_key, locale_id=obj.locale_id)
            .values_list("last_updated_at", flat=True)
            .first()
        )
        source, _ = TranslationSource.update_or_create_from_instance(obj)
        source_changed = before is None or source.last_updated_at != before
        translation, translation_created = Translation.objects.get_or_create(
            source=source, target_locale=self.locale
        )

        po = translation.export_po()
        po_changed = False
        for entry in po:
            if entry.obsolete:
                continue
            wanted = self.english(entry.msgid, f"{kind} {obj} ({entry.msgctxt})")
            if entry.msgstr != wanted:
                entry.msgstr = wanted
                po_changed = True
        if po_changed:
            for warning in translation.import_po(po):
                self.log(f"  warning while importing the English of {obj}: {warning!r}")

        try:
            source.get_translated_instance(self.locale)
            target_exists = True
        except ObjectDoesNotExist:
            target_exists = False

        if source_changed or translation_created or po_changed or not target_exists:
            save_target(translation)
            self.record("updated" if target_exists else "created", f"English {kind}", str(obj))
        else:
            self.record("unchanged", f"English {kind}", str(obj))

    def warn_missing(self) -> None:
        if self.missing:
            lines = "\n".join(f"    {msgid!r}  ({where})" for msgid, where in self.missing.items())
            self.log(f"WARNING: no English for these texts; the Japanese is used as it is:\n{lines}")


def save_target(translation: Translation) -> None:
    """Writes the English object; pages are published at once rather than when the transaction commits.

    ``save_target(publish=True)`` publishes a page through ``transaction.on_commit``, with the page
    as the revision held it in memory when the revision was made. Inside one transaction that
    translates a whole tree, the English home and index pages are then written back at commit with
    the child count they had before their children existed (``numchild=0``), which hides every
    English page below them (treebeard takes them for leaves). So pages are saved as a draft and
    their latest revision, loaded afresh, is published straight away.
    """
    if not issubclass(translation.source.specific_content_type.model_class(), Page):
        translation.save_target(publish=True)  # snippets without drafts: saved directly
        return
    translation.save_target(publish=False)
    target = translation.source.get_translated_instance(translation.target_locale)
    Page.objects.get(pk=target.pk).get_latest_revision().publish()
    # The demo's pages were first published on one day; their English versions say the same.
    source = translation.source.get_source_instance()
    Page.objects.filter(pk=target.pk).update(first_published_at=source.first_published_at)
