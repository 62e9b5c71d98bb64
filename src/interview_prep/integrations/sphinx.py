"""A Sphinx extension: put interview scripts and question lists in Sphinx or Jupyter Book pages.

In ``conf.py``: ``extensions = ["interview_prep.sphinx"]``. Then, in reStructuredText::

    .. interview-script::
       :field: nurse
       :stage: college
       :minutes: 30

    .. interview-questions::
       :field: electrician
       :stage: high-school
       :theme: advice

and in MyST Markdown the same directives in a ```{interview-script}``` fence. The content is
rendered to HTML; other builders (LaTeX, text, EPUB...) get the same content as docutils
nodes: numbered questions, bold, lists and tables. Jupyter
Book 2 (mystmd) runs no Sphinx extensions: it gets the directives from
``interview_prep.integrations.myst``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives

from ..errors import InterviewPrepError


def _html_node(markdown: str, heading_offset: int) -> nodes.Node:
    from ..render import markdown_to_html

    html = markdown_to_html(markdown, heading_offset=heading_offset)
    return nodes.raw("", f'<div class="interview-prep">\n{html}</div>\n', format="html")


class _Base(Directive):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "field": directives.unchanged,
        "stage": directives.unchanged,
        "minutes": directives.positive_int,
        "mode": directives.unchanged,
        "seniority": directives.unchanged,
        "seed": directives.nonnegative_int,
        "theme": directives.unchanged,
        "heading-offset": directives.nonnegative_int,
    }

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        try:
            markdown = self.markdown()
        except InterviewPrepError as error:
            raise self.error(f"{self.name}: {error}") from None
        env = getattr(self.state.document.settings, "env", None)
        builder_format = env.app.builder.format if env is not None else "html"
        if builder_format == "html":
            return [_html_node(markdown, self.options.get("heading-offset", 1))]
        from .docutils_nodes import markdown_to_nodes

        return markdown_to_nodes(markdown)


class InterviewScript(_Base):
    """``.. interview-script::`` with :field:, :stage:, :minutes:, :mode:, :seniority:, :seed:."""

    def markdown(self) -> str:
        from .directives import script_markdown

        return script_markdown(self.options)


class InterviewQuestions(_Base):
    """``.. interview-questions::`` with :field:, :stage:, :theme:, :mode: (all optional)."""

    def markdown(self) -> str:
        from .directives import questions_markdown

        return questions_markdown(self.options)


def setup(app: Any) -> dict[str, Any]:
    """Register the directives with Sphinx."""
    app.add_directive("interview-script", InterviewScript)
    app.add_directive("interview-questions", InterviewQuestions)
    from importlib.metadata import version

    return {
        "version": version("interview-prep"),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
