"""How each document kind is set in Word: the sizes and choices print.css makes for the PDF."""

from __future__ import annotations

DEFAULT_LINES = {"notes": 3, "lines": 5}
RULED_CONTAINERS = ("notes", "lines")  # the containers that hold ruled writing space
TICK_BOX = "☐\u2002"  # a box after a question's number, then an en space
TICKED_KINDS = ("script",)
RIGHT_CUE_KINDS = ("prep-sheet", "shadow-plan")  # a question's time cue at the right edge
CHOICE = "○ "  # a circle to mark, before each of a ::: choices list's items
# as in print.css: a comparison has tall rows to write in
TALL_ROWS = {"comparison": 22.4 / 25.4}  # inches
# as print.css: a table's rows with blanks to write in, in millimeters, and whether the
# text sits on the row's rule (the reflection's referrals) or at its top (the timeline's steps)
WRITE_IN_ROWS = {"reflection": (9, True), "timeline": (22.4, False)}
# as print.css: two rules in each blank cell of these kinds' tables, 7.1 mm apart, over the
# row's border (three lines to write on), and the columns' shares of the width in percent
RULED_CELLS = {"timeline": 2, "comparison": 2}
CELL_RULE_MM = 7.1
# a rubric's six, wider than print.css's for its longest criteria: no cell past 3 lines
COLUMN_SHARES = {"timeline": (17, 50, 9, 24), "handout": (16, 29, 16, 16, 15, 8)}
RUBRIC_PT = 9.5  # as print.css: a rubric's type
# as print.css: a column set centered (the timeline's Done), and ruled cells with a light
# rule at their left (the timeline's Notes; a comparison's grid has its own)
CENTERED_COLUMN = {"timeline": 2}
EDGED_CELLS = ("timeline",)
RUBRIC_KINDS = ("handout",)  # its last table a rubric: scores at the right, a ruled total
EMU_PER_TWIP = 635
# as print.css: tables a page never splits, a handout's last (its rubric) or all of them
WHOLE_TABLES = {"handout": slice(-1, None), "reflection": slice(None)}
SIGNATURE_ROOM = 20  # millimeters between a letter's sign-off and the typed name
# points below writing space (the gap above the next question is larger) and below a table
SPACE_BELOW_RULES, SPACE_BELOW_TABLE = 7.0, 8.0
STACKED_FIELD_GAP = 16.0  # points above each of a plan's lines after the first
# as print.css: a table's header cells in navy, its first column's labels bold in dark grey
# (not a comparison's questions, which carry their own bold theme)
HEADER_INK, LABEL_INK = "123C5A", "333333"
PLAIN_FIRST_COLUMN = ("comparison",)
# as the PDF's worksheets: a page may break early where that evens out the lines a minute
BALANCED = ("prep-sheet", "shadow-plan")
# _conversation.md.j2's word on a closing ask's writing space: "notes 2 1min closing"
CLOSING_MARK = "closing"


def column_shares(kind: str) -> dict[int, tuple[float, ...]]:
    """A kind's columns' shares of the width in percent, by the number of columns (as
    print.css: a label column takes 26%, a comparison's questions 30% and the people share
    what is left)."""
    shares: dict[int, tuple[float, ...]] = {2: (26, 74)}  # labels and values: a meeting's
    if kind in TALL_ROWS:
        shares = {n: (30, *[70 / (n - 1)] * (n - 1)) for n in range(2, 9)}
    if kind in COLUMN_SHARES:
        shares[len(COLUMN_SHARES[kind])] = COLUMN_SHARES[kind]
    return shares
