"""Fields to type into, for a fillable sheet (a PDF form, or a page written on screen).

Each field is labeled by text a reader sees: a writing space by its prompt (or the question
or heading it follows), a table cell by its column's header, a tick box by its item, a choice
by its words. Markdown-it render rules; `label_fields` marks the labels before rendering.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

WRITING = ("container_notes_open", "container_lines_open")
TICK = "☐"  # a printed box to tick (the timeline's Done)
YES_NO = "yes / no"  # a printed choice to circle (the referral table's "OK to mention your name?")
BLANK = re.compile(r"^\s*(?P<words>.*?\S)\s*_{4,}\s*$")  # "Date to tell them how things went: ____"
MARKS = (TICK, YES_NO)


def _label_target(tokens: Any, index: int) -> Any:
    """The token that opens what a writing space answers: its own prompt paragraph, else the
    nearest paragraph, heading or list item before it that is rendered."""
    if index + 1 < len(tokens) and tokens[index + 1].type == "paragraph_open":
        return tokens[index + 1]
    for token in reversed(tokens[:index]):
        if token.type in ("paragraph_open", "heading_open") and not token.hidden:
            return token
        if token.type == "list_item_open":
            return token
    return None


def label_fields(tokens: Any, *, screen: bool = False) -> None:
    """Give each field's visible label an id, kept in the field's token (``meta["label"]``);
    table header cells get ids too, and a task list's boxes are made to tick. On ``screen`` a
    checklist item's blank ("Date to tell them how things went: ____") becomes a field."""
    count = 0

    def labeled(token: Any) -> str:
        nonlocal count
        if not token.attrGet("id"):
            count += 1
            token.attrSet("id", f"field-label-{count}")
        return str(token.attrGet("id"))

    in_fields = False
    for index, token in enumerate(tokens):
        if token.type in ("container_fields_open", "container_fields_close"):
            in_fields = screen and token.type == "container_fields_open"
        elif in_fields and token.type == "inline":
            _line_field(token, labeled)
        elif token.type in WRITING:
            target = _label_target(tokens, index)
            if target is not None:
                token.meta["label"] = labeled(target)
        elif token.type == "th_open":
            labeled(token)
        elif token.type == "tr_open":
            _label_row(tokens, index, labeled)
        elif token.type == "list_item_open" and "task-list-item" in str(token.attrGet("class")):
            box = next((t for t in tokens[index + 1 : index + 3] if t.type == "inline"), None)
            children = box.children if box is not None and box.children else []
            if children and "task-list-item-checkbox" in children[0].content:
                item = labeled(token)
                children[0].content = children[0].content.replace(
                    ' disabled="disabled"', f' name="done-{count}" aria-labelledby="{item}"'
                )
                if screen:
                    _blank_field(children, labeled)
                    if len(children) > 1 and children[1].type == "text":
                        # the box's margin spaces its words: a space too would set the
                        # first line off from the lines it wraps to
                        children[1].content = children[1].content.lstrip()


def question_boxes(tokens: Any) -> None:
    """On screen, the script's box to tick beside each question is a checkbox, named by the
    question's words (paper draws the box; print.css)."""
    count = 0
    depth = 0
    for index, token in enumerate(tokens):
        if token.type in ("ordered_list_open", "bullet_list_open"):
            depth += 1
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            depth -= 1
        elif token.type == "list_item_open" and token.markup in (".", ")") and depth == 1:
            inline = next((t for t in tokens[index + 1 : index + 3] if t.type == "inline"), None)
            if inline is None or not inline.children:
                continue
            count += 1
            item = f"question-{count}"
            words = next((c for c in inline.children if c.type == "strong_open"), None)
            if words is not None:
                words.attrSet("id", item)
            else:
                token.attrSet("id", item)
            box = type(inline.children[0])(type="html_inline", tag="", nesting=0)
            box.content = (
                f'<input type="checkbox" class="asked" name="asked-{count}"'
                f' aria-labelledby="{item}">'
            )
            inline.children.insert(0, box)


def _line_field(inline: Any, labeled: Any) -> None:
    """A line to fill in ("Name:", "Who I will ask:"): its label's words label a text field
    beside it, holding what the line already gives ("Name: Alex Kim"), still to edit; a Date
    is a date field."""
    words = "".join(
        child.content for child in inline.children or [] if child.type in ("text", "code_inline")
    ).strip()
    if not words:
        return
    prompt, colon, given = words.partition(":")
    # no-break spaces keep a printed name whole; a field's value has plain ones
    prompt, given = (prompt + colon, " ".join(given.split())) if colon else (words, "")
    prompt = " ".join(prompt.split())  # a label is kept on one line by screen.css
    holder = type(inline.children[0])(type="html_inline", tag="", nesting=0)
    label = labeled(holder)
    kind, value = "text", given
    day = _iso_day(given)
    if prompt.rstrip(":").strip().lower() == "date" and (day is not None or not given):
        kind, value = "date", day or ""  # a date the field cannot read stays text
    filled = f' value="{html.escape(value)}"' if value else ""
    holder.content = (
        f'<span class="field-label" id="{label}">{html.escape(prompt)}</span>'
        f'<input type="{kind}" name="line-{label}"{filled} aria-labelledby="{label}">'
    )
    inline.children = [holder]


def _iso_day(text: str) -> str | None:
    """'Dec 14, 2026' (or 'December 14, 2026') as a date field's value ('2026-12-14'), or None."""
    for form in ("%b %d, %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(" ".join(text.split()), form).date().isoformat()
        except ValueError:
            continue
    return None


def _blank_field(children: list[Any], labeled: Any) -> None:
    """A checklist item ending in a blank: its words label a field on its own line."""
    last = children[-1]
    match = BLANK.match(last.content) if last.type == "text" else None
    if match is None:
        return
    holder = type(last)(type="html_inline", tag="", nesting=0)
    label = labeled(holder)
    # a space after words before the blank's; none after the box, whose margin spaces them
    space = " " if len(children) > 2 else ""
    holder.content = (
        f'{space}<span id="{label}">{html.escape(match["words"])}</span>'
        f'<input type="date" class="blank" name="blank-{label}" aria-labelledby="{label}">'
    )
    children[-1] = holder


def _label_row(tokens: Any, index: int, labeled: Any) -> None:
    """A body row whose first cell has words and whose other cells are blank to fill in (a
    comparison's question, then a cell for each person): the first cell names the row, so
    each field is read as its column and its row ("Dana Ortiz", the question)."""
    cells: list[int] = []
    for position in range(index + 1, len(tokens)):
        if tokens[position].type == "tr_close":
            break
        if tokens[position].type == "td_open":
            cells.append(position)
    texts = [tokens[cell + 1].content.strip() for cell in cells]
    words = [bool(text) and text not in MARKS for text in texts]
    if len(words) > 1 and words[-1] and not all(words):
        tokens[index].meta["summary"] = True  # a total row ("Total", blanks, "/20"): no fields
    if len(words) > 1 and words[0] and not all(words[1:]):
        # the row is named by its leading cells with words (a timeline's date and step)
        names = []
        for cell, has_words in zip(cells, words, strict=True):
            if not has_words:
                break
            names.append(labeled(tokens[cell]))
        tokens[cells[0]].meta["row_label"] = " ".join(names)


def writing_field(token: Any, env: Any) -> str:
    """The textarea over a writing space's rules."""
    env["fields"] = number = env.get("fields", 0) + 1
    label = token.meta.get("label") if token.meta else None
    named = f' aria-labelledby="{label}"' if label else f' title="Notes {number}"'
    return f'<textarea name="notes-{number}"{named}></textarea>'


def cell_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """With ``env["fillable"]`` a cell left to fill in takes input, labeled by its column's
    header and its row's name: a blank cell a field (a text area in a row named by a question,
    as a comparison's), and on screen a printed box a checkbox and "yes / no" two radio buttons.
    """
    html_open = str(renderer.renderToken(tokens, index, options, env))
    inline = tokens[index + 1]
    if not env.get("fillable") or inline.type != "inline":
        return html_open
    text = inline.content.strip()
    if text and not (env.get("screen") and text in MARKS):
        return html_open
    if _in_summary_row(tokens, index):
        return html_open
    env["cells"] = number = env.get("cells", 0) + 1
    header, row = _cell_labels(tokens, index)
    label = " ".join(name for name in (header, row) if name)
    named = f' aria-labelledby="{html.escape(label)}"' if label else ' title="Answer"'
    if text == TICK:
        inline.children = []
        return f'{html_open}<input type="checkbox" name="cell-{number}"{named}>'
    if text == YES_NO:
        inline.children = []
        group = f' role="radiogroup"{named}' if label else ' role="radiogroup" title="Answer"'
        radios = "".join(
            f'<label><input type="radio" name="cell-{number}" value="{word}">{word}</label>'
            for word in ("yes", "no")
        )
        return f'{html_open}<span class="yes-no"{group}>{radios}</span>'
    if row and env.get("screen"):
        return f'{html_open}<textarea name="cell-{number}" rows="3"{named}></textarea>'
    kind = "date" if env.get("screen") and _dated(tokens, header) else "text"
    return f'{html_open}<input type="{kind}" name="cell-{number}"{named}>'


def _dated(tokens: Any, header: str) -> bool:
    """Whether a column's head asks for a day ("Date", "Contacted on"): a date field there."""
    for index, token in enumerate(tokens):
        if token.type == "th_open" and header and token.attrGet("id") == header:
            words = str(tokens[index + 1].content).strip().lower()
            return words == "date" or words.endswith(" on")
    return False


def _in_summary_row(tokens: Any, index: int) -> bool:
    for token in reversed(tokens[:index]):
        if token.type == "tr_open":
            return bool(token.meta and token.meta.get("summary"))
    return False


def _cell_labels(tokens: Any, index: int) -> tuple[str, str]:
    """The ids of a cell's column header and of its row's name ("" where there is none)."""
    column = 0
    for token in reversed(tokens[:index]):
        if token.type == "tr_open":
            break
        column += token.type == "td_open"
    headers: list[Any] = []
    for token in reversed(tokens[:index]):
        if token.type == "th_open":
            headers.insert(0, token)
        elif token.type == "table_open":
            break
    header = str(headers[column].attrGet("id") or "") if column < len(headers) else ""
    row = ""
    for position in range(index - 1, -1, -1):
        if tokens[position].type == "tr_open":
            first = tokens[position + 1]
            row = str(first.meta.get("row_label") or "") if first.meta else ""
            break
    return header, row


def choices_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    """Choices to mark one of; with ``env["fillable"]`` each is also a radio button (the
    screen shows it, paper keeps its circle), and on a screen "Circle one" says "Choose one"."""
    env["choices"] = env.get("choices", 0) + 1
    env["in_choices"] = True
    if env.get("fillable") and env.get("screen"):
        for token in tokens[index + 1 :]:
            if token.type == "container_choices_close":
                break
            for child in token.children or []:
                if child.type == "text" and child.content.startswith("Circle one"):
                    child.content = "Choose one" + child.content[len("Circle one") :]
    return '<div class="choices">\n'


def choices_close(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    env["in_choices"] = False
    return "</div>\n"


def item_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    html_open = str(renderer.renderToken(tokens, index, options, env))
    if env.get("fillable") and env.get("in_choices"):
        return f'{html_open}<label><input type="radio" name="choice-{env["choices"]}">'
    return html_open


def item_close(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    html_close = str(renderer.renderToken(tokens, index, options, env))
    return f"</label>{html_close}" if env.get("fillable") and env.get("in_choices") else html_close
