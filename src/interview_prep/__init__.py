"""interview_prep: question banks, scripts and prep sheets for informational interviews.

Names are imported on first use (PEP 562), so `import interview_prep` stays light and a
command pays only for what it uses."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import AmbiguousFieldError as AmbiguousFieldError
from .errors import BankError as BankError
from .errors import BeforeMeetingWarning as BeforeMeetingWarning
from .errors import FieldTextTooLongError as FieldTextTooLongError
from .errors import InputFileError as InputFileError
from .errors import InterviewPrepError as InterviewPrepError
from .errors import InterviewPrepWarning as InterviewPrepWarning
from .errors import InvalidValueError as InvalidValueError
from .errors import JournalError as JournalError
from .errors import LateHoursWarning as LateHoursWarning
from .errors import LetterTooLongError as LetterTooLongError
from .errors import MissingGlyphsWarning as MissingGlyphsWarning
from .errors import NoReplyAddressWarning as NoReplyAddressWarning
from .errors import OutputError as OutputError
from .errors import ParameterError as ParameterError
from .errors import ParameterProblem as ParameterProblem
from .errors import PastDateWarning as PastDateWarning
from .errors import PlanError as PlanError
from .errors import PluginWarning as PluginWarning
from .errors import RefusedResourceWarning as RefusedResourceWarning
from .errors import RenderError as RenderError
from .errors import RosterError as RosterError
from .errors import UnknownNameError as UnknownNameError

if TYPE_CHECKING:
    from .batch import BatchResult as BatchResult
    from .batch import read_roster as read_roster
    from .batch import run_batch as run_batch
    from .catalog.catalog import Catalog as Catalog
    from .catalog.catalog import default_catalog as default_catalog
    from .catalog.catalog import load_catalog as load_catalog
    from .catalog.field_match import FieldMatch as FieldMatch
    from .documents import CourseUnit as CourseUnit
    from .documents import Document as Document
    from .documents import Letter as Letter
    from .documents import Timeline as Timeline
    from .documents import assignment_handout as assignment_handout
    from .documents import comparison_sheet as comparison_sheet
    from .documents import course_unit as course_unit
    from .documents import family_guide as family_guide
    from .documents import interview_script as interview_script
    from .documents import letter as letter
    from .documents import prep_sheet as prep_sheet
    from .documents import reflection_sheet as reflection_sheet
    from .documents import shadow_plan as shadow_plan
    from .documents import timeline as timeline  # type: ignore[no-redef]
    from .journal import Journal as Journal
    from .model import Answer as Answer
    from .model import Bank as Bank
    from .model import Branding as Branding
    from .model import Contact as Contact
    from .model import Item as Item
    from .model import Meeting as Meeting
    from .model import Notes as Notes
    from .model import Sender as Sender
    from .model import Taxonomy as Taxonomy
    from .params import OutputRequest as OutputRequest
    from .params import build_document as build_document
    from .params import build_letter as build_letter
    from .planning.plan import Plan as Plan
    from .planning.plan import plan_interview as plan_interview
    from .planning.questions import QuestionList as QuestionList
    from .planning.questions import find_questions as find_questions

# public name -> the module that defines it
_LAZY = {
    "BatchResult": "batch",
    "read_roster": "batch",
    "run_batch": "batch",
    "Catalog": "catalog.catalog",
    "default_catalog": "catalog.catalog",
    "load_catalog": "catalog.catalog",
    "FieldMatch": "catalog.field_match",
    "CourseUnit": "documents",
    "Document": "documents",
    "Letter": "documents",
    "Timeline": "documents",
    "assignment_handout": "documents",
    "comparison_sheet": "documents",
    "course_unit": "documents",
    "family_guide": "documents",
    "interview_script": "documents",
    "letter": "documents",
    "prep_sheet": "documents",
    "reflection_sheet": "documents",
    "shadow_plan": "documents",
    "timeline": "documents",
    "Journal": "journal",
    "Answer": "model",
    "Bank": "model",
    "Branding": "model",
    "Contact": "model",
    "Item": "model",
    "Meeting": "model",
    "Notes": "model",
    "Sender": "model",
    "Taxonomy": "model",
    "OutputRequest": "params",
    "build_document": "params",
    "build_letter": "params",
    "Plan": "planning.plan",
    "plan_interview": "planning.plan",
    "QuestionList": "planning.questions",
    "find_questions": "planning.questions",
}

__all__ = [
    "AmbiguousFieldError",
    "Answer",
    "Bank",
    "BankError",
    "BatchResult",
    "BeforeMeetingWarning",
    "Branding",
    "Catalog",
    "Contact",
    "CourseUnit",
    "Document",
    "FieldMatch",
    "FieldTextTooLongError",
    "InputFileError",
    "InterviewPrepError",
    "InterviewPrepWarning",
    "InvalidValueError",
    "Item",
    "Journal",
    "JournalError",
    "LateHoursWarning",
    "Letter",
    "LetterTooLongError",
    "Meeting",
    "MissingGlyphsWarning",
    "NoReplyAddressWarning",
    "Notes",
    "OutputError",
    "OutputRequest",
    "ParameterError",
    "ParameterProblem",
    "PastDateWarning",
    "Plan",
    "PlanError",
    "PluginWarning",
    "QuestionList",
    "RefusedResourceWarning",
    "RenderError",
    "RosterError",
    "Sender",
    "Taxonomy",
    "Timeline",
    "UnknownNameError",
    "assignment_handout",
    "build_document",
    "build_letter",
    "comparison_sheet",
    "course_unit",
    "default_catalog",
    "family_guide",
    "find_questions",
    "interview_script",
    "letter",
    "load_catalog",
    "plan_interview",
    "prep_sheet",
    "read_roster",
    "reflection_sheet",
    "run_batch",
    "shadow_plan",
    "timeline",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        # importlib.metadata is slow to import, so the version is looked up on first use
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("interview-prep")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'interview_prep' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
