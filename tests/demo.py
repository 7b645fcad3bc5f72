"""The demo site, loaded once for a test module (a plugin of tests/conftest.py).

The loader uploads the demo's images and documents to the run's media folder: tests that read them
are marked ``shared_media``.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import TestCase

from example_site.demo.loader import DemoLoader


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Runs the loader once; yields its report. Everything is rolled back after the module."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                report = DemoLoader().run()
            yield report
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
