"""Bad banks are reported whole: every problem, with its file, line, key and a hint."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ip.BankError) as caught:
        ip.load_catalog([path], plugins=False)
    return [str(problem) for problem in caught.value.problems]


def test_every_mistake_in_a_file_is_reported_with_its_line() -> None:
    problems = problems_of(FIXTURES / "broken-bank.yaml")
    text = "\n".join(problems)
    assert len(problems) == 5
    assert "line 6, column 12: items.0.theme: unknown theme" in text
    assert "did you mean 'likes-dislikes'?" in text
    assert "unknown stage 'colege'" in text and "did you mean 'college'?" in text
    assert "items.1.minutes: expected a whole number but found 'twenty'" in text
    assert "line 12" in text and "items.2.id: expected kebab-case" in text
    assert "unknown key 'colour'" in text


def test_yaml_syntax_error_names_its_line_and_a_fix() -> None:
    [problem] = problems_of(FIXTURES / "syntax-error.yaml")
    assert "line 5" in problem
    assert "YAML syntax error" in problem
    assert "must be quoted" in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "expected a bank"),
        ("- just\n- a list\n", "expected a bank"),
        ("bank: x\ntitle: X\nitems: []\nitems: []\n", "key 'items' appears twice"),
        (
            "bank: x\ntitle: X\nitems:\n  - &a {id: a-b, text: What?, theme: path}\n  - *a\n",
            "anchors and aliases",
        ),
        ("bank: x\ntitle: X\n", "missing key 'items'"),
        ("bank: x\ntitle: X\nitems:\n  - 42\n", "expected an item"),
        (
            "bank: x\ntitle: X\nitems:\n  - {id: a-b, text: What?, theme: path, minutes: 11}\n",
            "expected a number less than or 10",
        ),
        ("bank: x\ntitle: X\nitems:\n\t- id: a\n", "indent with spaces"),
        ("bank: x\ntitle: X\ndefaults: {stages: [collage]}\nitems: []\n", "'college'"),
        (
            "bank: x\ntitle: X\nitems:\n  - {id: a-b, text: What?, theme: observe, "
            "modes: [interview]}\n",
            "for shadow only",
        ),
    ],
)
def test_malformed_banks_raise_bank_errors(
    write_bank: Callable[[str], Path], text: str, expected: str
) -> None:
    path = write_bank(text)
    assert expected in "\n".join(problems_of(path))


def test_binary_junk_is_a_bank_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"bank: x\n\xff\xfe\x00garbage")
    assert "not UTF-8" in problems_of(path)[0]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    text = "bank: bom\r\ntitle: BOM\r\nitems:\r\n  - id: bom-path-one\r\n"
    text += "    text: How did you start?\r\n    theme: path\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    catalog = ip.load_catalog([path], plugins=False)
    assert catalog.item("bom-path-one").text == "How did you start?"


def test_a_clash_with_a_builtin_id_names_both_files(write_bank: Callable[[str], Path]) -> None:
    path = write_bank(
        """
        bank: clash
        title: Clash
        items:
          - id: gen-closing-who-else
            text: Who else should I meet?
            theme: closing
        """
    )
    [problem] = problems_of(path)
    assert "already used by" in problem and "banks/general.yaml" in problem
    assert str(path) in problem and "replaces: true" in problem


def test_replaces_true_swaps_a_builtin_item(write_bank: Callable[[str], Path]) -> None:
    path = write_bank(
        """
        bank: swap
        title: Swap
        items:
          - id: gen-closing-who-else
            text: Which two people should I talk to next?
            theme: closing
            priority: 1
            minutes: 1
            replaces: true
        """
    )
    catalog = ip.load_catalog([path], plugins=False)
    assert catalog.item("gen-closing-who-else").text.startswith("Which two people")


def test_replaces_nothing_is_an_error(write_bank: Callable[[str], Path]) -> None:
    path = write_bank(
        """
        bank: swap
        title: Swap
        items:
          - id: swap-nothing-here
            text: What?
            theme: path
            replaces: true
        """
    )
    assert "no earlier bank has that id" in problems_of(path)[0]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    assert "no such file or folder" in problems_of(tmp_path / "nope.yaml")[0]


def test_problems_from_several_files_are_all_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("bank: a\ntitle: A\nitems: [{id: a-a, theme: path}]\n")
    (tmp_path / "b.yaml").write_text("bank: b\ntitle: B\nitems: 3\n")
    text = "\n".join(problems_of(tmp_path))
    assert "a.yaml" in text and "missing key 'text'" in text
    assert "b.yaml" in text and "expected a list" in text


def test_plugin_banks_load_through_the_entry_point_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import metadata

    package = tmp_path / "mercy_banks"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from importlib import resources\n\n"
        "def bank_folder():\n"
        "    return resources.files(__name__) / 'banks'\n",
        encoding="utf-8",
    )
    (package / "banks").mkdir()
    (package / "banks" / "mercy.yaml").write_text(
        (FIXTURES / "teacher-bank.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    point = metadata.EntryPoint("mercy", "mercy_banks:bank_folder", "interview_prep.banks")
    real = metadata.entry_points

    def entry_points(**kwargs: str) -> object:
        if kwargs.get("group") == "interview_prep.banks":
            return [point]
        return real(**kwargs)

    monkeypatch.setattr(metadata, "entry_points", entry_points)
    catalog = ip.load_catalog()
    assert "mercy-health-class" in {bank.id for bank in catalog.banks}
    assert catalog.item("mercy-day-night-shift").minutes == 2


def _plugins(monkeypatch: pytest.MonkeyPatch, *points: object) -> None:
    from importlib import metadata

    monkeypatch.setattr(metadata, "entry_points", lambda **kwargs: list(points))


def test_a_broken_plugin_is_named_and_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    point = metadata.EntryPoint("ghost", "no_such_module_here:banks", "interview_prep.banks")
    _plugins(monkeypatch, point)
    with pytest.warns(ip.PluginWarning, match="bank plugin 'ghost'.*ModuleNotFoundError"):
        catalog = ip.load_catalog()
    assert len(catalog.items) == len(ip.load_catalog(plugins=False).items)


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ("def banks():\n    raise SystemExit(0)\n", "SystemExit"),
        ("def banks():\n    return 42\n", "gave int"),
        ("def banks():\n    return [1, 'x']\n", "gave list"),
        ("def banks():\n    return 1 / 0\n", "ZeroDivisionError"),
        ("def banks():\n    return '/no/such/folder'\n", "no such file"),
        ("import sys\nsys.exit(3)\n", "SystemExit"),
    ],
)
def test_a_misbehaving_plugin_never_stops_a_command(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    body: str,
    complaint: str,
) -> None:
    from importlib import metadata

    name = f"plugin_{abs(hash(body))}"
    (tmp_path / f"{name}.py").write_text(body, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    _plugins(monkeypatch, metadata.EntryPoint("odd", f"{name}:banks", "interview_prep.banks"))
    with pytest.warns(ip.PluginWarning, match=complaint):
        catalog = ip.load_catalog()
    assert catalog.items
    from interview_prep.catalog.catalog import default_catalog

    default_catalog.cache_clear()
    request.addfinalizer(default_catalog.cache_clear)
    result = CliRunner().invoke(main, ["questions", "-f", "nurse", "-t", "advice"])
    assert result.exit_code == 0, result.output
    assert "bank plugin 'odd'" in result.stderr
    assert "?" in result.stdout


def test_plugins_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    _plugins(monkeypatch, metadata.EntryPoint("ghost", "nowhere:banks", "interview_prep.banks"))
    monkeypatch.setenv("INTERVIEW_PREP_PLUGINS", "0")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ip.load_catalog().items


def test_the_builtin_cache_is_used_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_prep.catalog import reading as catalog

    monkeypatch.setenv("INTERVIEW_PREP_CACHE", str(tmp_path))
    catalog._builtin.cache_clear()
    first = catalog._builtin()
    [cache] = tmp_path.glob("catalog-*.json")
    catalog._builtin.cache_clear()
    assert catalog._builtin() == first
    cache.write_bytes(b"not json {")
    catalog._builtin.cache_clear()
    assert catalog._builtin() == first
    monkeypatch.setenv("INTERVIEW_PREP_CACHE", "0")
    catalog._builtin.cache_clear()
    assert catalog._builtin() == first
    catalog._builtin.cache_clear()
