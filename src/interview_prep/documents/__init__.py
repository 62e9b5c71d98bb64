"""Every kind of document the library writes; each is built from one Markdown template."""

from .document import Document as Document
from .script import interview_script as interview_script
from .script import prep_sheet as prep_sheet
