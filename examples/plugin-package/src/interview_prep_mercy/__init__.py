"""Example interview_prep plugin: a bank of questions for a hospital visit week."""

from importlib.resources import files


def bank_folder():  # type: ignore[no-untyped-def]
    """The folder of bank files that this package adds to interview_prep."""
    return files(__name__) / "banks"
