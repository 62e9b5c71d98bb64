"""The web app (`interview-prep serve`): pages and a small HTTP API over the public API.

Needs the ``web`` extra: ``pip install "interview-prep[web]"``."""

from .app import Settings as Settings
from .app import create_app as create_app
