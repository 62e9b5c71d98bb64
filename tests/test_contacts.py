"""People leaving the journal for contact apps: vCards read back by vobject with the names
LinkedIn gave, and the contacts CSV read by Python's csv module and by LibreOffice Calc."""

from __future__ import annotations

import csv
import json
import stat
import subprocess
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.journal.contacts import COLUMNS

from .tools import need

CONNECTIONS = (
    'Notes:\n"Some connections hide their email address."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Mary Ann,van der Berg,https://www.linkedin.com/in/mavdb,mary@example.org,Mercy,RN,"
    "12 Jan 2025\n"
    'Ana,O\'Neil Jr,https://www.linkedin.com/in/ana,,"=HYPERLINK(""http://x"")",Nurse,'
    "03 Feb 2024\n"
)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERVIEW_PREP_JOURNAL", str(tmp_path / "class.journal"))
    return CliRunner()


def _ok(runner: CliRunner, *arguments: str) -> str:
    result = runner.invoke(main, list(arguments))
    assert result.exit_code == 0, result.output + result.stderr
    return result.output


def _filled(runner: CliRunner) -> None:
    Path("Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    _ok(runner, "people", "import", "linkedin", "Connections.csv")
    _ok(runner, "people", "add", "Li Wei Zhang", "--phone", "+1 555 0100", "--org", "-2+3")


def _cards(path: Path) -> dict[str, vobject.base.Component]:
    return {c.fn.value: c for c in vobject.readComponents(path.read_text(encoding="utf-8"))}


def test_vcards_keep_the_given_and_family_names_linkedin_gave(cli: CliRunner) -> None:
    _filled(cli)
    _ok(cli, "people", "export", "-o", "people.vcf")
    raw = Path("people.vcf").read_text(encoding="utf-8")
    cards = _cards(Path("people.vcf"))
    mary = cards["Mary Ann van der Berg"].n.value
    assert (mary.given, mary.family) == ("Mary Ann", "van der Berg")
    ana = cards["Ana O'Neil Jr"].n.value
    assert (ana.given, ana.family) == ("Ana", "O'Neil Jr")
    # a name typed whole is never split at a guessed space: all of it is the given name
    typed = cards["Li Wei Zhang"].n.value
    assert (typed.given, typed.family) == ("Li Wei Zhang", "")
    assert "N:Berg;Mary Ann van der" not in raw and "N:van der Berg;Mary Ann;;;" in raw


def test_a_person_added_by_hand_gets_the_parts_from_linkedin_and_loses_them_on_rename(
    cli: CliRunner,
) -> None:
    _ok(cli, "people", "add", "Mary Ann van der Berg")
    with ip.Journal() as journal:
        assert journal.person("Mary Ann van der Berg").family_name is None
    Path("Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    _ok(cli, "people", "import", "linkedin", "Connections.csv")
    with ip.Journal() as journal:
        person = journal.person("mary ann van der berg")
        assert (person.given_name, person.family_name) == ("Mary Ann", "van der Berg")
        renamed = journal.edit_person(person.name, name="Mary Ann Berg")
        assert (renamed.given_name, renamed.family_name) == (None, None)


def test_the_journal_export_carries_the_parts_and_an_older_export_still_imports(
    cli: CliRunner, tmp_path: Path
) -> None:
    _filled(cli)
    _ok(cli, "journal", "export", "-o", "journal.json")
    data = json.loads(Path("journal.json").read_text(encoding="utf-8"))
    mary = next(p for p in data["people"] if p["name"] == "Mary Ann van der Berg")
    assert (mary["given_name"], mary["family_name"]) == ("Mary Ann", "van der Berg")
    with ip.Journal(tmp_path / "copy.journal") as copy:
        copy.import_json(data, source="journal.json")
        assert copy.person("Mary Ann van der Berg").family_name == "van der Berg"
    for person in data["people"]:  # as a journal of schema 2 wrote it
        del person["given_name"], person["family_name"]
    data["schema"] = 2
    with ip.Journal(tmp_path / "older.journal") as older:
        older.import_json(data, source="journal.json")
        assert older.person("Mary Ann van der Berg").family_name is None


def _contacts(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel and Outlook read UTF-8 by it
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_contacts_csv_for_outlook_and_google_is_owner_only_and_formula_safe(
    cli: CliRunner,
) -> None:
    _filled(cli)
    _ok(cli, "people", "export", "-o", "contacts.csv")
    path = Path("contacts.csv")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = {f"{r['First Name']} {r['Last Name']}".strip(): r for r in _contacts(path)}
    assert list(next(iter(rows.values()))) == list(COLUMNS)
    mary = rows["Mary Ann van der Berg"]
    assert (mary["First Name"], mary["Last Name"]) == ("Mary Ann", "van der Berg")
    assert mary["E-mail Address"] == "mary@example.org" and mary["Job Title"] == "RN"
    assert mary["Web Page"] == "https://www.linkedin.com/in/mavdb"
    assert rows["Ana O'Neil Jr"]["Company"] == '\'=HYPERLINK("http://x")'
    zhang = rows["Li Wei Zhang"]
    assert (zhang["First Name"], zhang["Last Name"]) == ("Li Wei Zhang", "")
    assert zhang["Business Phone"] == "+1 555 0100" and zhang["Company"] == "'-2+3"
    # the journal's own columns stay one command away
    listed = _ok(cli, "people", "list", "--format", "csv")
    assert listed.startswith("name,title,org")


@pytest.mark.slow
def test_a_spreadsheet_opens_the_contacts_csv_without_running_a_formula(
    cli: CliRunner, tmp_path: Path
) -> None:
    soffice = need("soffice", "libreoffice-calc-nogui")
    openpyxl = pytest.importorskip("openpyxl")
    _filled(cli)
    _ok(cli, "people", "export", "-o", "contacts.csv")
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            "contacts.csv",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    book = tmp_path / "contacts.xlsx"
    if not book.is_file():
        pytest.fail(f"LibreOffice Calc made no spreadsheet (libreoffice-calc): {result.stderr}")
    sheet = openpyxl.load_workbook(book).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.value for c in cells if c.data_type == "f"]  # no formula among them
    values = {str(c.value) for c in cells}
    assert "Mary Ann" in values and "van der Berg" in values and "+1 555 0100" in values
