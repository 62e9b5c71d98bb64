"""Broken, hostile and huge bank files give the library's own located error, quickly, and
the cache of validated banks can never be made to run code."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interview_prep as ip

FIXTURES = Path(__file__).parent / "fixtures"


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


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("2026-13-45", "looks like a date"),
        ("2026-02-30", "looks like a date"),
        ("9" * 5000, "more than 30 digits"),
        ("0x" + "f" * 5000, "more than 30 digits"),
    ],
)
def test_bad_numbers_and_dates_in_a_bank_are_located(
    tmp_path: Path, value: str, complaint: str
) -> None:
    text = (FIXTURES / "teacher-bank.yaml").read_text(encoding="utf-8")
    bank = tmp_path / "bank.yaml"
    bank.write_text(text.replace("version: 1", f"version: {value}", 1), encoding="utf-8")
    with pytest.raises(ip.BankError) as caught:
        ip.load_catalog([bank], plugins=False)
    assert complaint in str(caught.value)
    assert f'File "{bank}", line' in str(caught.value)


def test_a_planted_cache_entry_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    from interview_prep.catalog import cache
    from interview_prep.catalog import reading as catalog

    monkeypatch.setenv("INTERVIEW_PREP_CACHE", str(tmp_path))
    catalog._builtin.cache_clear()
    first = catalog._builtin()
    [entry] = tmp_path.glob("catalog-*.json")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (Path.touch, (marker,))

    planted = [
        pickle.dumps(Payload()),
        json.dumps(
            {"format": cache.FORMAT, "key": entry.stem, "value": {"__type__": "Popen"}}
        ).encode(),
        json.dumps({"format": cache.FORMAT, "key": entry.stem, "value": [1, 2]}).encode(),
        b"\x00" * 100,
        b"",
    ]
    for payload in planted:
        entry.write_bytes(payload.encode() if isinstance(payload, str) else payload)
        catalog._builtin.cache_clear()
        assert catalog._builtin() == first
        assert not marker.exists()
        assert json.loads(entry.read_bytes())["format"] == cache.FORMAT  # rebuilt
    catalog._builtin.cache_clear()


def test_user_banks_are_cached_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_prep.catalog import schema

    monkeypatch.setenv("INTERVIEW_PREP_CACHE", str(tmp_path / "cache"))
    bank = tmp_path / "bank.yaml"
    bank.write_text((FIXTURES / "teacher-bank.yaml").read_text(encoding="utf-8"), "utf-8")
    ip.load_catalog(plugins=False)  # the built-in banks are read before counting
    calls: list[str] = []
    real = schema.parse_bank

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("parse")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "parse_bank", counting)
    first = ip.load_catalog([bank], plugins=False)
    again = ip.load_catalog([bank], plugins=False)
    assert calls == ["parse"]
    assert first.items == again.items
    bank.write_text(bank.read_text("utf-8").replace("minutes: 2", "minutes: 4", 1), "utf-8")
    changed = ip.load_catalog([bank], plugins=False)
    assert calls == ["parse", "parse"]
    assert changed.items != first.items
