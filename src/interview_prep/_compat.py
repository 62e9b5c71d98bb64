"""Names that moved between the Python versions we support."""

import sys

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable as Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable as Traversable
