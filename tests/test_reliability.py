"""Regression tests for the December 2026 reliability review (N3, N6-N10, N14, N15, N17,
the linter's near-duplicates and stylesheet addresses): each failed before its fix."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
import vobject
from click.testing import CliRunner, Result

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.errors import InputFileError
from interview_prep.files.read import csv_rows, pdf_form_values
from interview_prep.journal.notes import read_pdf_form
from interview_prep.lint.linter import lint_banks
from interview_prep.model import Bank, Item
from interview_prep.writers.escaping import stylesheet_without_fetches, terminal_text, word_property

PYTHON = sys.executable
SRC = str(Path(ip.__file__).resolve().parent.parent)
C0_C1 = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B]))


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERVIEW_PREP_PLUGINS", "0")
    monkeypatch.setenv("INTERVIEW_PREP_JOURNAL", str(tmp_path / "journal.sqlite"))
    return CliRunner()


def _ok(result: Result) -> Result:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    return result


def _refused(result: Result) -> Result:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result


# N3: vCard --------------------------------------------------------------------------------

INJECTION = "https://x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Injected\r\nTEL:+1-555-0100"


def _cards(path: Path) -> list[vobject.base.Component]:
    return list(vobject.readComponents(path.read_text("utf-8")))


def test_a_linkedin_address_cannot_start_a_card_of_its_own(runner: CliRunner) -> None:
    _ok(runner.invoke(main, ["people", "add", "Eve", "--linkedin", INJECTION]))
    _ok(runner.invoke(main, ["people", "export", "-o", "v.vcf"]))
    cards = _cards(Path("v.vcf"))
    assert [c.fn.value for c in cards] == ["Eve"]
    assert not set(cards[0].url.value) & set("\r\n ")


def test_a_connections_url_column_cannot_start_a_card_either(runner: CliRunner) -> None:
    rows = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows += f'Eve,Ng,"{INJECTION}",,,Nurse,01 Mar 2026\n'
    Path("Connections.csv").write_text(rows, "utf-8")
    _ok(runner.invoke(main, ["people", "import", "linkedin", "Connections.csv"]))
    _ok(runner.invoke(main, ["people", "export", "-o", "v.vcf"]))
    assert [c.fn.value for c in _cards(Path("v.vcf"))] == ["Eve Ng"]


def test_no_control_character_reaches_any_vcard_property(runner: CliRunner) -> None:
    typed = C0_C1.replace("\x00", "")  # a command line cannot hold NUL: see the journal below
    hostile = f"A{typed}Z"
    details = ["--title", hostile, "--org", hostile, "--email", f"e{typed}@x.org"]
    details += ["--phone", f"555{typed}0100", "--how-found", hostile, "--field", "nurse"]
    _ok(runner.invoke(main, ["people", "add", f"Eve {hostile}", *details]))
    _ok(runner.invoke(main, ["people", "export", "-o", "v.vcf"]))
    text = Path("v.vcf").read_bytes().decode("utf-8")
    assert not set(text.replace("\r\n", "")) & set(C0_C1 + "\r\n"), repr(text)
    (card,) = _cards(Path("v.vcf"))
    assert card.title.value.startswith("A") and card.title.value.endswith("Z")
    with ip.Journal(Path("api.sqlite")) as journal:
        journal.add_person(f"Nul\x00{C0_C1}Name", org=f"O{C0_C1}")
        text = journal.export_people("vcf")
    assert not set(text.replace("\r\n", "")) & set(C0_C1 + "\r\n"), repr(text)


# N6: a field from a job title -------------------------------------------------------------

HEADLINE = "Registered Nurse Educator | Helping new grads thrive in critical care units at Mercy"


def test_a_long_headline_finds_its_field_in_milliseconds(catalog: ip.Catalog) -> None:
    started = time.process_time()
    found = catalog.field_in(HEADLINE + " and more words to make it forty " * 3)
    assert time.process_time() - started < 0.2
    assert found is not None and found.id == "registered-nurse"
    assert catalog.field_in("Staff RN, Mercy Hospital").id == "registered-nurse"  # type: ignore[union-attr]
    assert catalog.field_in("Chief Vibes Officer at Nowhere") is None


def test_people_list_by_field_over_400_long_headlines_is_quick(runner: CliRunner) -> None:
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    jobs = ["Registered Nurse", "Electrician", "Chief Vibes Officer", "Staff RN"]
    for n in range(400):
        title = f"{jobs[n % 4]} | {HEADLINE} number {n} of many"
        rows.append(f"P{n},Q{n},,,Mercy,{title},01 Mar 2026")
    Path("Connections.csv").write_text("\n".join(rows) + "\n", "utf-8")
    _ok(runner.invoke(main, ["people", "import", "linkedin", "Connections.csv"]))
    started = time.perf_counter()
    listed = _ok(runner.invoke(main, ["people", "list", "--field", "nurse", "--format", "json"]))
    assert time.perf_counter() - started < 2.0
    assert len(json.loads(listed.stdout)) == 400  # every headline names a nurse somewhere


# N7 and N9: Word and the course cartridge -------------------------------------------------

LONG = "W" * 300
CONTROLS = "Bio\x0blogy\x01 1\x1f0\ufffe1\uffff"


def test_word_takes_a_school_or_title_over_255_characters(runner: CliRunner) -> None:
    _ok(
        runner.invoke(
            main, ["prep-sheet", "-f", "nurse", "-s", "college", "--school", LONG, "-o", "w.docx"]
        )
    )
    properties = docx.Document("w.docx").core_properties
    assert len(properties.author) <= 255 and properties.author.startswith("WWW")
    assert len(word_property("word " * 100)) <= 255


def test_a_long_name_never_stops_a_word_batch(runner: CliRunner) -> None:
    Path("roster.csv").write_text(f"name,field\nAna,nurse\n{'Long' * 80},nurse\nBo,nurse\n")
    _ok(
        runner.invoke(
            main,
            [
                "batch",
                "roster.csv",
                "--out",
                "class",
                "--format",
                "docx",
                "--jobs",
                "1",
                "--no-combined",
            ],
        )
    )
    made = sorted(p.name for p in Path("class").glob("*.docx"))
    assert len(made) == 3 and made[0] == "001-ana.docx" and made[2] == "003-bo.docx"


def test_control_characters_never_make_the_cartridge_or_word_unreadable(
    runner: CliRunner,
) -> None:
    _ok(
        runner.invoke(
            main,
            [
                "unit",
                "--start",
                "2026-03-02",
                "--course",
                CONTROLS,
                "--school",
                LONG + CONTROLS,
                "-f",
                "nurse",
                "-s",
                "college",
                "-o",
                "u.imscc",
            ],
        )
    )
    with zipfile.ZipFile("u.imscc") as unit:
        for name in unit.namelist():
            if name.endswith(".xml"):
                ET.fromstring(unit.read(name))  # raises on a character XML cannot hold
            if name.endswith(".docx"):
                document = docx.Document(io.BytesIO(unit.read(name)))
                assert len(document.core_properties.author) <= 255
        manifest = unit.read("imsmanifest.xml").decode("utf-8")
    assert "<title>Biology 101</title>" in manifest


# N8: the Word logo ------------------------------------------------------------------------


def _script_with_logo(
    logo: Path, out: Path, *, memory: int | None = None
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [
            PYTHON,
            "-m",
            "interview_prep",
            "script",
            "-f",
            "nurse",
            "-s",
            "college",
            "--logo",
            str(logo),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": SRC, "INTERVIEW_PREP_PLUGINS": "0"},
        preexec_fn=limit,
    )


def test_a_fifo_logo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    done = _script_with_logo(fifo, tmp_path / "l.docx")
    assert done.returncode == 2 and "not a regular file" in done.stderr, done.stderr
    assert not (tmp_path / "l.docx").exists()


def test_a_huge_logo_is_refused_before_it_is_read(tmp_path: Path) -> None:
    zero = tmp_path / "zero.png"
    with zero.open("wb") as stream:
        stream.truncate(2_700_000_000)  # sparse: no disk used
    done = _script_with_logo(zero, tmp_path / "l.docx", memory=2_000_000_000)
    assert done.returncode == 2 and "over the limit" in done.stderr, done.stderr[-500:]


def test_a_truncated_logo_is_a_message(runner: CliRunner) -> None:
    Path("bad.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    Path("bad.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    Path("bad.gif").write_bytes(b"GIF89a")
    for name in ("bad.png", "bad.jpg", "bad.gif"):
        result = _refused(
            runner.invoke(
                main, ["script", "-f", "nurse", "-s", "college", "--logo", name, "-o", "l.docx"]
            )
        )
        assert "not a complete" in result.output
    assert not Path("l.docx").exists()


# N10: filled-in PDF forms -----------------------------------------------------------------


def _pdf(objects: dict[int, bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(
            b"%010d 00000 n \n" % offsets[number]
            if number in offsets
            else b"0" * 10 + b" 65535 f \n"
        )
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def _form(fields: dict[int, bytes]) -> bytes:
    return _pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
            2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            **fields,
        }
    )


def _flate_bomb(megabytes: int) -> bytes:
    compressor = zlib.compressobj(9)
    chunk = bytes(1_000_000)
    return b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()


BOMB = _flate_bomb(200)
HOSTILE_PDFS = {
    "title-array": _form({3: b"<< /FT /Tx /T [(a) (b)] /V (x) >>"}),
    "parent-cycle": _form(
        {
            3: b"<< /FT /Tx /T (a) /Parent 5 0 R /V (x) >>",
            5: b"<< /T (b) /Parent 3 0 R /Kids [3 0 R] >>",
        }
    ),
    "flate-bomb": _form(
        {
            3: b"<< /FT /Tx /T (notes-1) /V 6 0 R >>",
            6: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(BOMB)
            + BOMB
            + b"\nendstream",
        }
    ),
    "garbage": b"%PDF-1.7\n" + bytes(range(256)) * 40,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_PDFS))
def test_a_hostile_pdf_form_is_a_message(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(HOSTILE_PDFS[kind])
    plan = ip.plan_interview("nurse", "college")
    started = time.perf_counter()
    with pytest.raises(ip.InterviewPrepError, match="cannot read the PDF"):
        read_pdf_form(path, plan)
    assert time.perf_counter() - started < 10


def test_a_form_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = _form({3: b"<< /FT /Tx /T (notes-1) /V (They start at six.) >>"})
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="teacher", algorithm="AES-256")
    locked = io.BytesIO()
    writer.write(locked)
    assert pdf_form_values(locked.getvalue(), "sheet.pdf") == {"notes-1": "They start at six."}
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="secret", algorithm="AES-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(InputFileError, match="protected with a password"):
        pdf_form_values(locked.getvalue(), "sheet.pdf")


# N14: a LinkedIn cell over csv's limit ----------------------------------------------------


def test_a_connections_cell_over_131072_characters_is_read(runner: CliRunner) -> None:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    Path("Connections.csv").write_text(header + f'Eve,Ng,,,"{"x" * 200_000}",Nurse,\n', "utf-8")
    _ok(runner.invoke(main, ["people", "import", "linkedin", "Connections.csv"]))
    assert len(csv_rows('a,"' + "y" * 300_000 + '"\n', "x.csv")[0][1]) == 300_000


# N15: the MyST plugin's standard input ----------------------------------------------------

MYST_INPUTS = [
    b"null",
    b"[]",
    b'"text"',
    b'{"options": "x"}',
    b'{"options": {"theme": 5}}',
    b'{"options": {"field": ["nurse"], "stage": "college"}}',
    b'{"options": {"seed": true, "field": "nurse", "stage": "college"}}',
    b'{"options": {"nonsense": 1}}',
    b"[" * 100_000 + b"]" * 100_000,
    b"\xff\xfe not utf-8",
    b"{",
]


@pytest.mark.parametrize("data", MYST_INPUTS, ids=[repr(d[:20]) for d in MYST_INPUTS])
def test_the_myst_plugin_refuses_odd_input_with_a_message(
    data: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from interview_prep.integrations.myst import main as myst_main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert myst_main(["--directive", "interview-questions"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "interview-questions: " in captured.err


def test_the_myst_plugin_program_still_answers(tmp_path: Path) -> None:
    data = json.dumps({"name": "interview-questions", "options": {"field": "nurse"}})
    done = subprocess.run(
        [
            PYTHON,
            "-c",
            "from interview_prep.integrations.myst import main; raise SystemExit(main())",
            "--directive",
            "interview-questions",
        ],
        input=data,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["type"] == "list"


# N17: the terminal ------------------------------------------------------------------------

TITLE_AND_CLEAR = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"


def test_names_cannot_drive_the_terminal(runner: CliRunner) -> None:
    name = f"Eve{TITLE_AND_CLEAR}"
    _ok(runner.invoke(main, ["people", "add", name, "--title", f"RN{TITLE_AND_CLEAR}"]))
    shown = [
        runner.invoke(main, ["people", "list"]),
        runner.invoke(main, ["people", "show", name]),
        runner.invoke(main, ["due"]),
        runner.invoke(main, ["people", "show", f"Nobody{TITLE_AND_CLEAR}"]),
        runner.invoke(main, ["prep-sheet", "-f", "nurse", "-s", f"college{TITLE_AND_CLEAR}"]),
    ]
    for result in shown:
        assert not set(result.output) & set("\x1b\x07\x9b\u202e"), repr(result.output)
    assert "Eve\\x1b]0;pwned\\x07" in shown[0].output
    assert terminal_text("a\tb\nc") == "a\tb\nc"
    assert terminal_text("a\tb\nc\r", lines=False) == "a\\x09b\\x0ac\\x0d"


def test_data_piped_out_stays_exact_and_shown_harmlessly_on_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_prep.cli.app import say

    _ok(runner.invoke(main, ["people", "add", "Zoë\x1b[1m"]))
    listed = _ok(runner.invoke(main, ["people", "list", "--format", "json"]))
    assert json.loads(listed.stdout)[0]["name"] == "Zoë\x1b[1m"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    say("# Zoë\x1b[1m\x9b2J", data=True)
    monkeypatch.undo()
    assert terminal.getvalue() == "# Zoë\\x1b[1m\\x9b2J\n"


# banks lint: near-duplicates --------------------------------------------------------------

ROOMS = ["ward", "clinic", "shift", "team", "unit", "floor", "rotation", "placement"]


def _alike(count: int) -> Bank:
    items = tuple(
        Item(
            id=f"alike-{n}",
            text=f"What do you enjoy most about your {ROOMS[n % 8]} work as a nurse in year {n}?",
            theme="path",
            why="Generated.",
            fields=("registered-nurse",),
        )
        for n in range(count)
    )
    return Bank("alike", "Alike", items)


def test_three_thousand_alike_questions_lint_in_seconds_as_one_finding(
    catalog: ip.Catalog,
) -> None:
    started = time.process_time()
    report = lint_banks([_alike(3000)], catalog.taxonomy)
    spent = time.process_time() - started
    twins = [f for f in report.findings if f.rule == "near-duplicate"]
    assert len(twins) == 1, len(twins)
    assert twins[0].message.startswith("3000 questions say nearly the same thing")
    assert "and 2,994 more" in twins[0].message and twins[0].item_id == "alike-2999"
    assert spent < 5, spent


def test_two_alike_questions_still_read_as_a_pair(catalog: ip.Catalog) -> None:
    pair = _alike(9).items[::8]  # the same room: alike-0 and alike-8
    report = lint_banks([Bank("pair", "Pair", pair)], catalog.taxonomy)
    (twin,) = [f for f in report.findings if f.rule == "near-duplicate"]
    assert twin.item_id == "alike-8" and "% alike alike-0: What do you" in twin.message


# a user stylesheet in HTML ----------------------------------------------------------------


def test_a_stylesheet_fetches_nothing_from_an_html_page(runner: CliRunner) -> None:
    Path("brand.css").write_text(
        '@import "http://evil.example/x.css";\n'
        "body { background: u\\72l(http://evil.example/bg.png) }\n"
        'h1 { background: image-set("http://evil.example/h.png" 1x) }\n'
        "h2 { background: url(data:image/png;base64,iVBORw0KGgo=) }\n"
        "p { color: #123c5a }\n",
        "utf-8",
    )
    result = _ok(
        runner.invoke(
            main, ["script", "-f", "nurse", "-s", "college", "--css", "brand.css", "-o", "s.html"]
        )
    )
    page = Path("s.html").read_text("utf-8")
    assert "evil.example" not in page
    assert "data:image/png;base64,iVBORw0KGgo=" in page and "#123c5a" in page
    assert "left out 3 address(es)" in result.output
    kept, refused = stylesheet_without_fetches("a { color: red }")
    assert (kept, refused) == ("a { color: red }", [])


# found by the 10,000-run fuzz: a NUL in a name reached the system calls ------------------


def test_a_nul_in_an_argument_or_a_path_is_a_message(runner: CliRunner, tmp_path: Path) -> None:
    from interview_prep.files.read import read_input
    from interview_prep.files.write import atomic_write

    for args in (["banks", "init", "0\x00"], ["banks", "lint", "a\x00"], ["script", "-f",
                 "nurse", "-s", "college", "--css", "a\x00b", "-o", "x.html"]):  # fmt: skip
        assert "holds a NUL character" in _refused(runner.invoke(main, args)).output
    with pytest.raises(ip.InterviewPrepError, match="NUL"):
        atomic_write(tmp_path / "a\x00.md", "text")
    with pytest.raises(InputFileError, match="NUL"):
        read_input(tmp_path / "a\x00.yaml", what="bank file", limit=10)


def test_a_bank_under_the_home_of_no_user_is_a_message(runner: CliRunner) -> None:
    result = _refused(runner.invoke(main, ["questions", "--bank", "~no-such-user-here/b.yaml"]))
    assert "no such file or folder" in result.output
