"""Every kind of document the library writes; each is built from one Markdown template."""

from .document import Document as Document
from .family import family_guide as family_guide
from .handout import assignment_handout as assignment_handout
from .letters import CHANNELS as CHANNELS
from .letters import LETTER_KINDS as LETTER_KINDS
from .letters import Letter as Letter
from .letters import LetterTooLongError as LetterTooLongError
from .letters import letter as letter
from .reflection import comparison_sheet as comparison_sheet
from .reflection import reflection_sheet as reflection_sheet
from .script import interview_script as interview_script
from .script import prep_sheet as prep_sheet
from .shadow import shadow_plan as shadow_plan
from .timeline import Timeline as Timeline
from .timeline import timeline as timeline
from .unit import CourseUnit as CourseUnit
from .unit import course_unit as course_unit
