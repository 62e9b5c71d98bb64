"""A course unit for a learning platform: the handout as a page, the sheets as files, the
reflection as essay questions, and the rubric, packed as an IMS Common Cartridge."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanError
from .document import Document
from .handout import assignment_handout
from .reflection import reflection_sheet

if TYPE_CHECKING:
    from markdown_it.token import Token

    from ..model import Branding
    from ..writers.qti import EssayItem

RUBRIC_WORDS = ("rubric", "marked", "graded")
RUBRIC_TITLE = "Rubric for the reflection"


@dataclass(frozen=True)
class CourseUnit:
    """The documents of one class assignment, ready to pack for a learning platform."""

    title: str
    handout: Document
    reflection: Document
    prep_sheet: Document | None = None

    def branded(self, branding: Branding | None) -> CourseUnit:
        """The same unit with a school's name and logo on every sheet."""
        return CourseUnit(
            self.title,
            self.handout.branded(branding),
            self.reflection.branded(branding),
            self.prep_sheet.branded(branding) if self.prep_sheet else None,
        )

    def essay_items(self) -> list[EssayItem]:
        """The reflection's prompts, one essay question per section of the sheet."""
        from ..writers.qti import EssayItem

        source = self.reflection.source
        lines = source.split("\n")
        screens = {
            heading: _screen_prompt(heading, "\n".join(lines[start + 1 : end]))
            for heading, start, end in _h2_spans(source)
        }
        return [
            EssayItem(f"reflection_{number}", heading, prompt, screens.get(heading))
            for number, (heading, prompt) in enumerate(_sections(source), 1)
        ]

    def rubric_markdown(self) -> str | None:
        """The handout's section on how the reflection is marked, if it has one."""
        lines = self.handout.source.split("\n")
        for heading, start, end in _h2_spans(self.handout.source):
            if any(word in heading.lower() for word in RUBRIC_WORDS):
                return "\n".join(["# " + heading, *lines[start + 1 : end]]).strip() + "\n"
        return None

    def to_cartridge(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        paper: str | None = None,
        force: bool = False,
    ) -> bytes:
        """The unit as an IMS Common Cartridge 1.1 (``.imscc``); with ``path``, also write it."""
        from ..writers.cartridge import Cartridge
        from ..writers.qti import essay_assessment

        unit = Cartridge(self.title)
        unit.add_page("handout", self.handout.title, _html_page(self.title, self.handout.source))
        rubric = self.rubric_markdown()
        if rubric is not None:
            unit.add_page("rubric", RUBRIC_TITLE, _html_page(RUBRIC_TITLE, rubric))
        sheets = [("handout", self.handout), ("reflection", self.reflection)]
        if self.prep_sheet is not None:
            sheets.insert(1, ("prep-sheet", self.prep_sheet))
        for name, sheet in sheets:
            unit.add_file(
                f"{name}_pdf", f"{sheet.title} (PDF)", f"{name}.pdf", sheet.to_pdf(paper=paper)
            )
            unit.add_file(
                f"{name}_docx",
                f"{sheet.title} (Word, to edit)",
                f"{name}.docx",
                sheet.to_docx(paper=paper),
            )
        items = self.essay_items()
        unit.add_assessment(
            "reflection_questions",
            "Reflection",
            essay_assessment("reflection_questions", "Reflection", items),
        )
        data = unit.to_bytes()
        if path is not None:
            from ..files.write import atomic_write

            atomic_write(Path(path), data, force=force)
        return data


def course_unit(
    start: date,
    *,
    weeks: int = 4,
    shadow: bool = False,
    field: str | None = None,
    stage: str | None = None,
    minutes: int = 30,
    course: str | None = None,
    teacher: str | None = None,
    template_dirs: Sequence[str | os.PathLike[str]] = (),
) -> CourseUnit:
    """A unit for a class: the dated handout, the reflection and, for a ``field`` and
    ``stage``, a prep sheet to hand out as a template."""
    if (field is None) != (stage is None):
        raise PlanError(
            "a prep sheet for the unit needs both a field and a stage",
            hint="give both -f FIELD and -s STAGE, or neither",
        )
    handout = assignment_handout(
        start,
        weeks=weeks,
        course=course,
        teacher=teacher,
        shadow=shadow,
        template_dirs=template_dirs,
    )
    prep = None
    plan = None
    if field is not None and stage is not None:
        from ..planning.plan import plan_interview
        from .script import prep_sheet

        plan = plan_interview(field, stage, minutes, mode="shadow" if shadow else "interview")
        prep = prep_sheet(plan, template_dirs=template_dirs)
    reflection = reflection_sheet(plan, template_dirs=template_dirs)
    title = course or handout.title
    return CourseUnit(title, handout, reflection, prep)


def _html_page(title: str, markdown: str) -> str:
    """A plain HTML page: the learning platform adds its own look. Lines to write a name
    on belong on paper: on a page the platform shows, they would be bare bullets."""
    import html
    import re

    from ..render import markdown_to_html

    markdown = re.sub(r"(?ms)^::: fields\n.*?^:::\n+", "", markdown)

    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
        f"{markdown_to_html(markdown)}</body>\n</html>\n"
    )


def _h2_spans(markdown: str) -> Iterator[tuple[str, int, int]]:
    """(heading, first line, line after the section) for every second-level heading."""
    from ..render import markdown_parser

    tokens = markdown_parser().parse(markdown)
    starts = [
        (tokens[i + 1].content, token.map[0])
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2" and token.map
    ]
    ends = [start for _, start in starts[1:]] + [len(markdown.split("\n"))]
    for (heading, start), end in zip(starts, ends, strict=True):
        yield heading, start, end


def _sections(markdown: str) -> Iterator[tuple[str, str]]:
    """(heading, prompt) for each second-level section: the heading, then its sentences."""
    from ..render import markdown_parser

    tokens = markdown_parser().parse(markdown)
    heading: str | None = None
    parts: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            if heading is not None:
                yield heading, _prompt(heading, parts)
            heading = _plain(tokens[index + 1]) if token.tag == "h2" else None
            parts = []
        elif (
            token.type == "inline"
            and heading is not None
            and tokens[index - 1].type not in ("heading_open", "th_open", "td_open")
        ):
            parts.append(_plain(token))
    if heading is not None:
        yield heading, _prompt(heading, parts)


def _screen_prompt(heading: str, body: str) -> str:
    """A section of the paper sheet as HTML for a screen: no writing lines or blanks to fill
    by hand, "Choose one" for "Circle one", plain lists for check boxes, tables kept."""
    import html
    import re

    from ..render import markdown_to_html

    kept = []
    for line in body.split("\n"):
        if line.strip().startswith(":::"):
            kept.append("")
            continue
        line = re.sub(r"^(\s*)Circle one:", r"\1Choose one:", line)
        line = re.sub(r"^(\s*[-*]) \[[ xX]\] ", r"\1 ", line)
        kept.append(re.sub(r"[:\s]*_{4,}", "", line))
    body_html = markdown_to_html("\n".join(kept)).replace("\n", "")
    return f"<p>{html.escape(heading)}</p>{body_html}"


def _prompt(heading: str, parts: list[str]) -> str:
    return "\n".join([heading, *parts])


def _plain(token: Token) -> str:
    """The text of an inline token, without markup or task-list boxes."""
    words = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return "".join(words).strip()
