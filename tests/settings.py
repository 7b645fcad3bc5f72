"""Test settings: the example site, on SQLite by default or on the database named by ``DATABASE_URL``."""

import os

import dj_database_url

from example_site.settings import *  # noqa: F403

DEBUG = False
DATABASES = {
    "default": dj_database_url.config(default="sqlite:///:memory:", conn_max_age=0)
    if os.environ.get("DATABASE_URL")
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
