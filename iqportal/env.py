"""
Where the configuration comes from: environment variables, and for the variables the environment does not set,
a ``.env`` file in the project (``NAME=value`` lines, every name in .env.example; ``make run`` writes a
development one when there is none). Read by the settings and by gunicorn.conf.py.

``ENV_FILE`` names another file; set but empty, no file is read (the test suite does this: its results must not
depend on a developer's .env).
"""

import os
from pathlib import Path

from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent


def load_env_file():
    """Adds the variables of the .env file (or ENV_FILE) that the environment does not set; the environment wins."""
    path = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
    if path:
        load_dotenv(path, override=False, interpolate=False)
