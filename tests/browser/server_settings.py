"""
Settings of the site that the browser tests start in a subprocess (tests/browser/conftest.py).

Production behaviour where a visitor notices it: DEBUG off (friendly 404/500 pages, strict CSP,
no debug toolbar), over plain http on 127.0.0.1. Development defaults for the secret key, hosts and
static storage (DEBUG=1 while the project settings are read), and WhiteNoise serves static files
straight from the source folders, so no collectstatic is needed.
"""

import os

os.environ["DEBUG"] = "1"

from iqportal.settings import *  # noqa: E402,F403

DEBUG = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
STATIC_ROOT = None  # WhiteNoise serves from the finders; no collectstatic output to look for
# Mails (the subscription's) go to files beside the site's media folder, where tests/browser reads them.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = MEDIA_ROOT.parent / "mail"  # noqa: F405
