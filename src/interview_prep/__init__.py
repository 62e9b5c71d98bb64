"""interview_prep: question banks, scripts and prep sheets for informational interviews."""

from .batch import BatchResult as BatchResult
from .batch import RosterError as RosterError
from .batch import read_roster as read_roster
from .batch import run_batch as run_batch
from .catalog import Catalog as Catalog
from .catalog import default_catalog as default_catalog
from .catalog import load_catalog as load_catalog
from .documents import Document as Document
from .documents import Letter as Letter
from .documents import LetterTooLongError as LetterTooLongError
from .documents import Timeline as Timeline
from .documents import assignment_handout as assignment_handout
from .documents import comparison_sheet as comparison_sheet
from .documents import interview_script as interview_script
from .documents import letter as letter
from .documents import prep_sheet as prep_sheet
from .documents import reflection_sheet as reflection_sheet
from .documents import shadow_plan as shadow_plan
from .documents import timeline as timeline
from .errors import AmbiguousFieldError as AmbiguousFieldError
from .errors import BankError as BankError
from .errors import InterviewPrepError as InterviewPrepError
from .errors import InterviewPrepWarning as InterviewPrepWarning
from .errors import MissingGlyphsWarning as MissingGlyphsWarning
from .errors import NoReplyAddressWarning as NoReplyAddressWarning
from .errors import OutputError as OutputError
from .errors import PlanError as PlanError
from .errors import RefusedResourceWarning as RefusedResourceWarning
from .errors import RenderError as RenderError
from .errors import UnknownNameError as UnknownNameError
from .fields import FieldMatch as FieldMatch
from .model import Bank as Bank
from .model import Branding as Branding
from .model import Contact as Contact
from .model import Item as Item
from .model import Meeting as Meeting
from .model import Sender as Sender
from .model import Taxonomy as Taxonomy
from .select import Plan as Plan
from .select import QuestionList as QuestionList
from .select import find_questions as find_questions
from .select import plan_interview as plan_interview


def __getattr__(name: str) -> str:
    # importlib.metadata is slow to import, so the version is looked up on first use
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("interview-prep")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    raise AttributeError(f"module 'interview_prep' has no attribute {name!r}")
