"""The `interview-prep` command line: a thin layer over the public API, one module per
command family."""

from . import banks, classroom, course, documents, explore, family, journal, letters, serve
from .app import main

__all__ = [
    "banks",
    "classroom",
    "course",
    "documents",
    "explore",
    "family",
    "journal",
    "letters",
    "main",
    "serve",
]
