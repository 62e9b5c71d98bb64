"""Hostile input: broken banks, strange text, interrupted writes, and many renders at once.

Every bad bank must give the library's own error, with a location, quickly; every strange
string must print as written; no render may fetch anything; outputs are whole or absent.
"""

from __future__ import annotations

import io
import os
import re
import time
import unicodedata
import warnings
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.batch import read_roster, run_batch
from interview_prep.files.write import atomic_write

from .conftest import REPO

VALID = (Path(__file__).parent / "fixtures" / "teacher-bank.yaml").read_text(encoding="utf-8")
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def load(path: Path) -> ip.Catalog | None:
    """Load a bank; only BankError may come out, and every problem names the file."""
    try:
        return ip.load_catalog([path], plugins=False)
    except ip.BankError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.location is not None and problem.location.file
        return None


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(data=junk)
def test_any_yaml_data_gives_a_bank_error_or_a_bank(tmp_path: Path, data: Any) -> None:
    path = tmp_path / "junk.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    load(path)


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_give_a_bank_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "bytes.yaml"
    path.write_bytes(raw)
    load(path)


ITEM_KEYS = [
    "id",
    "text",
    "theme",
    "stages",
    "minutes",
    "priority",
    "follow_ups",
    "why",
    "fields",
    "modes",
    "kind",
    "seniority",
]


@SETTINGS
@given(key=st.sampled_from(ITEM_KEYS), value=junk, index=st.integers(0, 1), drop=st.booleans())
def test_mutated_valid_banks_give_located_errors(
    tmp_path: Path, key: str, value: Any, index: int, drop: bool
) -> None:
    data = yaml.safe_load(VALID)
    item = data["items"][index]
    if drop:
        item.pop(key, None)
    else:
        item[key] = value
    path = tmp_path / "mutated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    load(path)


@SETTINGS
@given(text=st.text(min_size=1, max_size=200))
def test_text_with_any_characters_loads_or_is_refused_cleanly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "text.yaml"
    path.write_text(
        VALID.replace(
            "What changes for you when you work nights instead of days?",
            yaml.safe_dump(text).strip().removesuffix("...").strip(),
        ),
        encoding="utf-8",
    )
    load(path)


def test_yaml_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nbank: bomb\ntitle: B\nitems: *a8\n", encoding="utf-8")
    start = time.perf_counter()
    assert load(path) is None
    assert time.perf_counter() - start < 5


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(
        "bank: deep\ntitle: D\nitems: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8"
    )
    assert load(path) is None


def test_a_fifty_megabyte_file_is_refused_without_reading_it_into_yaml(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("bank: huge\ntitle: H\nitems:\n")
        line = "  - {id: huge-x, text: What?, theme: path}\n"
        stream.write(line * (50_000_000 // len(line)))
    start = time.perf_counter()
    with pytest.raises(ip.BankError, match="over the limit"):
        ip.load_catalog([path], plugins=False)
    assert time.perf_counter() - start < 5


def test_thousands_of_items_load_in_bounded_time(tmp_path: Path) -> None:
    items = "".join(
        f"  - id: many-path-{n}\n    text: What did step {n} of your path teach you?\n"
        f"    theme: path\n"
        for n in range(3000)
    )
    path = tmp_path / "many.yaml"
    path.write_text(f"bank: many\ntitle: Many\nitems:\n{items}", encoding="utf-8")
    start = time.perf_counter()
    catalog = ip.load_catalog([path], plugins=False)
    assert sum(1 for i in catalog.items if i.bank == "many") == 3000
    assert time.perf_counter() - start < 10
    too_many = tmp_path / "too-many.yaml"
    too_many.write_text(
        f"bank: many2\ntitle: M\nitems:\n{items * 2}".replace("many-path", "more-path"),
        encoding="utf-8",
    )
    with pytest.raises(ip.BankError, match="over the limit of 5,000"):
        ip.load_catalog([too_many], plugins=False)


HOSTILE_TEXT = [
    "**bold** __under__ `code` ~~gone~~",
    "<img src=x onerror=alert(1)><script>alert(1)</script>",
    "[click me](javascript:alert(1)) <javascript:alert(1)>",
    "[file](file:///etc/passwd) ![secret](file:///etc/shadow)",
    "![remote](http://127.0.0.1:9/pixel.png) https://example.com/track",
    "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %} {# hidden #}",
    "# Not a heading\n- not a list\n1. nor this\n> nor a quote",
    "| a | b |\n|---|---|",
    "::: notes\n:::",
    "مرحبا بالعالم שלום",
    "e\u0301 n\u0303 a\u0308",
    "\u202eevil\u202c name",
    "Zoë O'Connor-Núñez & Co. <Ltd>",
    "x" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_hostile_text_prints_as_written_and_fetches_nothing(text: str, fetchers: list[Any]) -> None:
    plan = ip.plan_interview("nurse", "college", 30)
    sheet = ip.prep_sheet(plan, ip.Contact(text, title=text, org=text), ip.Meeting(where=text))
    html = sheet.to_html(fragment=True)
    for tag in ("<script", "<img", "<a ", "<h2>Not", "<blockquote", "<table><thead><tr><th>a"):
        assert tag not in html.split("<h2>Before")[0]
    assert "49" not in sheet.markdown.split("## Before")[0]
    folded = " ".join(text.split())
    visible = unescape(re.sub(r"<[^>]+>", "", html))
    assert folded[:2000] in visible
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ip.MissingGlyphsWarning)
        pdf = sheet.to_pdf()
    assert pdf.startswith(b"%PDF-")
    assert all(not f.refused for f in fetchers)


def test_letters_and_scripts_keep_hostile_names_literal() -> None:
    name = "[Dana](http://evil.example) <b>Ortiz</b> {{ 1+1 }}"
    for document in (
        ip.letter("request", "email", contact=ip.Contact(name), sender=ip.Sender(name)),
        ip.interview_script(ip.plan_interview("nurse", "college", 30), ip.Contact(name)),
        ip.reflection_sheet(contact=ip.Contact(name)),
    ):
        html = document.to_html(fragment=True)
        assert (
            "<a " not in html and "<b>" not in html and "{{ 1+1 }}" in html.replace("&#123;", "{")
        )


def test_spanish_and_other_latin_text_render_fully_without_warning() -> None:
    import warnings

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


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    target = atomic_write(tmp_path / "sheet.md", "text")
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "prep.md"
    target.write_text("my own notes", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ip.OutputError, match="No space left"):
        atomic_write(target, "new text", force=True)
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert [p.name for p in tmp_path.iterdir()] == ["prep.md"]


def test_an_interrupted_batch_finishes_on_the_rerun(tmp_path: Path) -> None:
    students = read_roster(REPO / "examples" / "roster.csv")[:6]
    done: list[ip.batch.Outcome] = []

    def interrupt(outcome: ip.batch.Outcome) -> None:
        done.append(outcome)
        if len(done) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(
            students, tmp_path, format="md", executor=ThreadPoolExecutor(1), on_done=interrupt
        )
    finished = {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.md")}
    assert 3 <= len(finished) < 6
    result = run_batch(students, tmp_path, format="md", jobs=1)
    assert len(result.made) == 6 and sum(o.skipped for o in result.outcomes) == len(finished)
    assert all(p.stat().st_mtime_ns == t for p, t in finished.items())
    debris = [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert [p.name for p in debris] == [".interview-prep-batch.jsonl"]  # the batch's record


def _markdown_and_text(field: str) -> tuple[str, str]:
    sheet = ip.prep_sheet(ip.plan_interview(field, "college", 30, seed=3))
    reader = PdfReader(io.BytesIO(sheet.to_pdf()))
    return sheet.markdown, " ".join((p.extract_text() or "") for p in reader.pages)


FIELDS = ["nurse", "electrician", "chef", "software developer", "high school teacher", "pilot"]


def test_many_renders_at_once_match_one_at_a_time() -> None:
    alone = [_markdown_and_text(f) for f in FIELDS]
    with ThreadPoolExecutor(4) as threads:
        threaded = list(threads.map(_markdown_and_text, FIELDS))
    with ProcessPoolExecutor(2) as processes:
        parallel = list(processes.map(_markdown_and_text, FIELDS))
    assert threaded == alone
    assert parallel == alone
