"""Personalized handouts for a whole class, from a roster, in parallel."""

from .make import default_seed as default_seed
from .make import make_one as make_one
from .make import safe_file_name as safe_file_name
from .roster import COLUMNS as COLUMNS
from .roster import MAX_ROWS as MAX_ROWS
from .roster import RosterError as RosterError
from .roster import Student as Student
from .roster import parse_roster as parse_roster
from .roster import read_roster as read_roster
from .run import BATCH_DOCUMENTS as BATCH_DOCUMENTS
from .run import BATCH_FORMATS as BATCH_FORMATS
from .run import BatchResult as BatchResult
from .run import Outcome as Outcome
from .run import run_batch as run_batch
