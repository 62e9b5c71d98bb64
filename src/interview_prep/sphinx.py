"""The Sphinx extension, under the name ``conf.py`` files use:
``extensions = ["interview_prep.sphinx"]``. It lives in `interview_prep.integrations.sphinx`."""

from .integrations.sphinx import setup as setup

__all__ = ["setup"]
