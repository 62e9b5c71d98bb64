"""Measure the journal at scale, against the targets of issue 21 (N19, N6).

    .venv/bin/python benchmarks/journal.py

- `due` over a journal of 20,000 people and 20,000 logged steps (and 2,000 meetings): under
  2 seconds for the whole command.
- `people list --field nurse` over 400 imported LinkedIn contacts with long headlines: under
  2 seconds for the whole command.

Each figure is the median of three runs of the real command line in a process of its own
(start-up included): its CPU time (user + system, which a busy machine does not inflate),
judged against the target, and its wall time. This is a measurement, not a test: nothing
here fails on a missed target; it prints each figure beside its target.
"""

from __future__ import annotations

import csv
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PYTHON = sys.executable
TARGET_SECONDS = 2.0
WORDS = [
    "Senior",
    "Lead",
    "Manager",
    "Coordinator",
    "Specialist",
    "Director",
    "Regional",
    "Strategic",
    "Operations",
    "Growth",
    "Clinical",
    "Quality",
    "Patient",
    "Experience",
    "Digital",
    "Transformation",
    "Partner",
    "Advisor",
    "Consultant",
    "Community",
    "Outreach",
    "Program",
    "Development",
    "Global",
    "Innovation",
    "Customer",
    "Success",
    "Enterprise",
    "Solutions",
    "Analytics",
    "Research",
    "Education",
    "Volunteer",
    "Mentor",
    "Speaker",
    "Author",
    "Builder",
    "Helping",
    "Teams",
    "Scale",
    "Impact",
    "People",
    "First",
    "Healthcare",
    "Technology",
    "Finance",
    "Marketing",
    "Sales",
]


def big_journal(folder: Path, people: int = 20_000, steps: int = 20_000) -> Path:
    """A journal made by the program, then filled quickly in one transaction."""
    import interview_prep as ip

    path = folder / "big.journal"
    with ip.Journal(path) as journal:
        journal.add_person("Seed Person")
    start = date(2026, 1, 5)
    kinds = ("request", "reply", "follow-up", "confirm", "thank-you", "keep-in-touch")
    rng = random.Random(21)
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO people (name, name_key, title, added_on) VALUES (?, ?, ?, ?)",
            [
                (f"Person {n}", f"person {n}", "Registered Nurse", start.isoformat())
                for n in range(people)
            ],
        )
        ids = [row[0] for row in connection.execute("SELECT id FROM people")]
        connection.executemany(
            "INSERT INTO meetings (person_id, starts_at, minutes, field, stage, mode)"
            " VALUES (?, ?, 30, 'registered-nurse', 'college', 'interview')",
            [
                (rng.choice(ids), f"{start + timedelta(days=rng.randrange(120))}T15:30")
                for _ in range(people // 10)
            ],
        )
        connection.executemany(
            "INSERT INTO events (person_id, kind, on_day) VALUES (?, ?, ?)",
            [
                (rng.choice(ids), rng.choice(kinds), str(start + timedelta(days=rng.randrange(90))))
                for _ in range(steps)
            ],
        )
    connection.close()
    return path


def connections_file(folder: Path, count: int = 400) -> Path:
    """LinkedIn's Connections.csv with ``count`` distinct headlines of 13 to 20 words."""
    rng = random.Random(6)
    path = folder / "Connections.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        stream.write('Notes:\n"When exporting your connection data, ..."\n\n')
        writer = csv.writer(stream)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for n in range(count):
            headline = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(13, 21)))
            if n % 4 == 0:
                headline = "Registered Nurse | " + headline
            writer.writerow(
                [
                    "Contact",
                    f"Number{n}",
                    f"https://www.linkedin.com/in/c{n}",
                    "",
                    "Mercy",
                    headline,
                    "03 Feb 2024",
                ]
            )
    return path


def timed(*args: str, repeat: int = 3) -> tuple[float, float]:
    """Median (CPU seconds, wall seconds) of the command."""
    cpu, wall = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([PYTHON, "-m", "interview_prep", *args], check=True, capture_output=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


def report(label: str, figures: tuple[float, float]) -> None:
    cpu, wall = figures
    verdict = "ok" if cpu < TARGET_SECONDS else "MISSED"
    print(
        f"{label}: {cpu:.2f} s CPU, {wall:.2f} s wall (target < {TARGET_SECONDS:.0f} s) {verdict}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        report("start-up alone (interview-prep --version)", timed("--version"))
        journal = big_journal(folder)
        report(
            "due, 20,000 people and 20,000 steps (N19)",
            timed("due", "--on", "2026-04-01", "--journal", str(journal)),
        )
        contacts = folder / "contacts.journal"
        subprocess.run(
            [
                PYTHON,
                "-m",
                "interview_prep",
                "people",
                "import",
                "linkedin",
                str(connections_file(folder)),
                "--journal",
                str(contacts),
            ],
            check=True,
            capture_output=True,
        )
        report(
            "people list --field nurse, 400 LinkedIn contacts with long headlines (N6)",
            timed("people", "list", "--field", "nurse", "--journal", str(contacts)),
        )


if __name__ == "__main__":
    main()
