"""What a caller asked for, checked: parameter objects built from strings (a command line, a
form, a roster row, a directive) that report every problem at once and fill what was not typed
from a journal record. The CLI, the batch, the directives and the web pages all call these."""

from ..errors import ParameterError as ParameterError
from ..errors import ParameterProblem as ParameterProblem
from .documents import DOCUMENT_KINDS as DOCUMENT_KINDS
from .documents import DocumentKind as DocumentKind
from .documents import build_document as build_document
from .documents import document_kind as document_kind
from .letter import build_letter as build_letter
from .meeting import MeetingParams as MeetingParams
from .meeting import PlanParams as PlanParams
from .output import OutputRequest as OutputRequest
from .reader import ValueReader as ValueReader
from .reader import Values as Values
from .unit import build_unit as build_unit

__all__ = [
    "DOCUMENT_KINDS",
    "DocumentKind",
    "MeetingParams",
    "OutputRequest",
    "ParameterError",
    "ParameterProblem",
    "PlanParams",
    "ValueReader",
    "Values",
    "build_document",
    "build_letter",
    "build_unit",
    "document_kind",
]
