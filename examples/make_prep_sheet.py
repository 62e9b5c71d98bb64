"""Make a prep sheet PDF for one student's informational interview.

Example:

    python examples/make_prep_sheet.py --field nurse --stage college --minutes 30 \
        --contact "Dana Ortiz" -o prep-sheet.pdf

It uses only the public API of interview_prep (``import interview_prep as ip``), so it is
a starting point for your own scripts: a loop over a class list, a school's branding, etc.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import interview_prep as ip


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Make a prep sheet PDF for an informational interview.",
    )
    parser.add_argument(
        "--field", required=True, help='occupation or career cluster, e.g. "nurse" or "HVAC tech"'
    )
    parser.add_argument(
        "--stage",
        required=True,
        help="the student's stage: high-school, college, recent-grad, career-changer or returning",
    )
    parser.add_argument(
        "--minutes", type=int, default=30, help="length of the meeting, 10 to 120 (default 30)"
    )
    parser.add_argument("--contact", help="name of the person the student will meet")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("prep-sheet.pdf"), help="PDF file to write"
    )
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        # Pick the questions that fit the field, the student's stage and the time.
        # A misspelt field or stage raises an error that suggests the closest names.
        plan = ip.plan_interview(args.field, args.stage, args.minutes)
        # The contact is optional: without one, the sheet leaves a blank to fill in.
        contact = ip.Contact(args.contact) if args.contact else None
        sheet = ip.prep_sheet(plan, contact)
        # Write the PDF. An existing file is kept unless --force is given.
        sheet.to_pdf(args.output, force=args.force)
    except ip.InterviewPrepError as error:
        # Every mistake a user can make is an InterviewPrepError; its text says what was
        # wrong and how to fix it. Exit status 2 matches the interview-prep command.
        # The error names the parameter it is about; say which option of ours that is.
        hint = f" (--{error.parameter})" if error.parameter in ("field", "stage", "force") else ""
        print(f"error: {error}{hint}", file=sys.stderr)
        return 2
    print(f"Wrote {args.output.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
