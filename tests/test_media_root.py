"""Every test writes its uploads into a temporary folder of its own, which pytest removes."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_a_tests_uploads_go_to_its_own_temporary_folder(media_root, tmp_path):
    name = default_storage.save("flyers/flyer.txt", ContentFile(b"flyer"))

    assert media_root == tmp_path / "media"
    assert (media_root / name).read_bytes() == b"flyer"
