"""Help for people who write banks: a commented starter file."""

from __future__ import annotations

import re

from ..catalog.catalog import Catalog
from ..errors import InterviewPrepError

STARTER = """\
# yaml-language-server: $schema=bank.schema.json
# {title}: questions for an informational interview.
# Format: docs/bank-format.md. Check it with: interview-prep banks lint {file}
# For completion and checks as you type, write the schema beside this file with
#   interview-prep banks schema -o bank.schema.json
bank: {bank}
title: {title}
version: 1
language: en-US
description: What these questions are for, and who wrote them.
defaults:
  fields: [{field}]            # cluster, sub-cluster or occupation ids; any = every field
items:
  # One item: id (unique, kebab-case), text (one open question, 22 words at most), theme.
  - id: {prefix}-path-first-step
    text: What first drew you to this work?
    theme: path                  # path, typical-day, skills, workplace, likes-dislikes,
                                 # hiring, promotion, future-trends, advice, closing
    priority: 1                  # 1 must ask, 2 standard (default), 3 if time allows
    minutes: 3                   # time with its answer, 1 to 10
    follow_ups:                  # a second question belongs here, not in the text
      - What was your very first step into it?
      - Who helped you most at the start?
    why: Shows a real route into the field, beyond the official one.

  - id: {prefix}-typical-day-last-week
    text: Which day last week would you pick to show me what your work is really like?
    theme: typical-day
    stages: [high-school, college]   # leave out for every stage
    follow_ups:
      - What part of that day would surprise most people?
    why: A concrete day says more than a general description.
"""


def starter_bank(name: str, field: str | None, catalog: Catalog) -> str:
    """A commented starter bank called ``name`` for ``field`` (any field when not given)."""
    bank = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not bank:
        raise InterviewPrepError(
            f"{name!r} cannot be a bank id",
            hint="use letters, digits and dashes, e.g. mercy-health",
        )
    field_id = catalog.resolve_field(field).id if field else "any"
    prefix = "-".join(bank.split("-")[:2])
    return STARTER.format(
        bank=bank,
        title=name.replace("-", " ").title(),
        file=f"{name}.yaml",
        field=field_id,
        prefix=prefix,
    )
