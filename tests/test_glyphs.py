"""Which characters print: the fonts setup installs, a warning naming characters no font can
draw, and a batch that reports every student whose PDF would print empty boxes (--strict
refuses it)."""

from __future__ import annotations

import io
import unicodedata
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.writers.fonts import missing_characters

TOTO = "\U0001e290"  # a Toto letter: no font scripts/setup installs can draw it


def _roster(tmp_path: Path) -> Path:
    path = tmp_path / "class.csv"
    path.write_text(
        f"name,field,minutes\nAna Lopez,nurse,15\n{TOTO}bi Nara,nurse,15\n", encoding="utf-8"
    )
    return path


def test_the_setup_fonts_draw_every_script_a_name_may_use() -> None:
    names = "王芳 山田花子 김민준 محمد יעל देवी Иван Σοφία Nguyễn"
    assert missing_characters(names) == []
    assert missing_characters(TOTO) == [TOTO]


@pytest.mark.parametrize("strict", [False, True])
def test_batch_names_the_student_whose_pdf_has_missing_glyphs(tmp_path: Path, strict: bool) -> None:
    out = tmp_path / "out"
    args = ["batch", str(_roster(tmp_path)), "--out", str(out), "--jobs", "1", "--no-combined"]
    result = CliRunner().invoke(main, [*args, "--strict"] if strict else args)
    assert result.exit_code == 1, result.output
    assert "row 3" in result.stdout and "U+1E290" in result.stdout
    made = sorted(p.name for p in out.glob("*.pdf"))
    assert len(made) == (1 if strict else 2)
    if strict:
        assert "1 of 2 students done" in result.stdout
    else:
        assert "2 of 2 students done" in result.stdout
        assert "1 document has characters no installed font can draw" in result.stdout


def test_a_printable_batch_exits_zero(tmp_path: Path) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name,field,minutes\n王芳,nurse,15\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["batch", str(roster), "--out", str(tmp_path / "out"), "--jobs", "1", "--strict"]
    )
    assert result.exit_code == 0, result.output


def test_spanish_and_other_latin_text_render_fully_without_warning() -> None:

    contact = ip.Contact("Señora Muñoz-Ibáñez", title="Enfermera jefa", org="Clínica Łódź Ørsted")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ip.MissingGlyphsWarning)
        pdf = ip.prep_sheet(ip.plan_interview("nurse", "college", 30), contact).to_pdf()
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Señora Muñoz-Ibáñez" in text and "Łódź Ørsted" in text


def test_characters_no_font_has_are_named_in_a_warning() -> None:
    from interview_prep.writers.fonts import undrawable

    # a letter no installed font draws: which one depends on the fonts of the machine
    # (LibreOffice, for one, brings Noto fonts for many rare scripts)
    letter = next(
        chr(code)
        for code in range(0x10570, 0x323AF)
        if unicodedata.category(chr(code)) in ("Lo", "Lu") and undrawable({chr(code)})
    )
    sheet = ip.prep_sheet(
        ip.plan_interview("nurse", "college", 30), ip.Contact(f"{letter} rare script")
    )
    with pytest.warns(
        ip.MissingGlyphsWarning, match=rf"U\+{ord(letter):04X}.*sudo apt-get install"
    ):
        sheet.to_pdf()
