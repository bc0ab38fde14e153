"""Settings for the test suite: fast hashing, local memory cache, everything else as configured."""

import os

os.environ.setdefault("DEBUG", "1")
# No .env (iqportal/env.py): a developer's local settings must not change what the tests see. Inherited by the
# processes the tests start.
os.environ.setdefault("ENV_FILE", "")

from iqportal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
