"""The curated banks: counts, coverage, the linter's rules, and originality."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_prep as ip
from interview_prep.cli import main
from interview_prep.lint.linter import lint_paths

from .conftest import REPO, SEEDS

FIXTURES = Path(__file__).parent / "fixtures"
CORE = ("path", "typical-day", "likes-dislikes", "promotion", "future-trends", "advice")


def test_counts_hold(catalog: ip.Catalog) -> None:
    per_bank = Counter(item.bank for item in catalog.items)
    assert per_bank["general"] >= 120
    for cluster in catalog.taxonomy.clusters:
        assert per_bank[cluster.id] >= 30, cluster.id
    shadow = [i for i in catalog.items if i.bank == "shadow"]
    assert sum(i.kind == "observation" for i in shadow) >= 40
    assert sum(i.theme == "debrief" and i.kind == "question" for i in shadow) >= 20
    researched = {f for i in catalog.items if i.kind == "research" for f in i.fields}
    assert {c.id for c in catalog.taxonomy.clusters} <= researched


def test_every_cluster_bank_covers_core_themes_and_stages(catalog: ip.Catalog) -> None:
    for cluster in catalog.taxonomy.clusters:
        own = [i for i in catalog.items if cluster.id in i.fields and i.kind == "question"]
        themes = Counter(i.theme for i in own)
        assert all(themes[t] >= 3 for t in CORE), (cluster.id, themes)
        for stage in catalog.taxonomy.stages:
            assert any(stage.id in i.stages for i in own), (cluster.id, stage.id)


def test_general_bank_serves_every_stage_and_seniority(catalog: ip.Catalog) -> None:
    general = [i for i in catalog.items if i.bank == "general"]
    for stage in catalog.taxonomy.stages:
        assert sum(stage.id in i.stages for i in general) >= 5
    for level in catalog.taxonomy.seniority:
        assert sum(level.id in i.seniority for i in general) >= 5


# rules added by issue 10; the content work on the banks brings them up to these
NEW_RULES = frozenset(
    [
        "too-long",
        "long-median",
        "double-question",
        "british-spelling",
        "dated-reference",
        "occupation-coverage",
        "near-duplicate",
    ]
)


def test_builtin_banks_pass_strict_lint_on_the_established_rules() -> None:
    report = lint_paths()
    established = [f for f in report.findings if f.rule not in NEW_RULES]
    assert not established, "\n".join(str(f) for f in established)
    for finding, reason in report.silenced:
        assert len(reason.split()) >= 4, finding


def test_builtin_banks_pass_strict_lint() -> None:
    report = lint_paths()
    assert report.ok(strict=True), "\n".join(str(f) for f in report.findings)


def test_each_rule_catches_its_case() -> None:
    report = lint_paths([FIXTURES / "lint-bad.yaml"])
    found = {(f.item_id, f.rule) for f in report.findings}
    expected = {
        ("lint-bad-closed", "closed-question"),
        ("lint-bad-no-mark", "question-mark"),
        ("lint-bad-long", "too-long"),
        ("lint-bad-no-why", "missing-why"),
        ("lint-bad-salary", "website-answerable"),
        ("lint-bad-impersonal", "impersonal"),
        ("lint-bad-twin-a", "near-duplicate"),
        ("lint-bad-reading", "reading-level"),
        ("lint-bad-double", "double-question"),
        ("lint-bad-british", "british-spelling"),
        ("lint-bad-dated", "dated-reference"),
        ("lint-bad-review-due", "review-due"),
    }
    assert expected <= found
    assert ("lint-bad-silenced", "website-answerable") not in found
    assert not {rule for item, rule in found if item == "lint-bad-review-ok"}
    british = next(f for f in report.findings if f.rule == "british-spelling")
    assert "licence -> license" in british.message and "programme -> program" in british.message
    dated = next(f for f in report.findings if f.rule == "dated-reference")
    assert "since the pandemic" in dated.message and "TikTok" in dated.message
    assert [f.item_id for f, _ in report.silenced] == ["lint-bad-silenced"]
    assert all(f.location and f.location.line for f in report.findings if f.item_id)


def test_a_thin_cluster_bank_fails_coverage() -> None:
    report = lint_paths([FIXTURES / "thin-cluster-bank.yaml"])
    coverage = {f.rule for f in report.findings if f.item_id is None}
    assert {"core-theme-coverage", "stage-coverage"} <= coverage
    assert not report.ok()


def test_lint_cli_exit_codes_and_json() -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["banks", "lint", str(FIXTURES / "lint-bad.yaml")])
    assert bad.exit_code == 2 and "error[closed-question]" in bad.stdout
    teacher = str(FIXTURES / "teacher-bank.yaml")
    assert runner.invoke(main, ["banks", "lint", teacher]).exit_code == 0
    result = runner.invoke(main, ["banks", "lint", teacher, "--format", "json"])
    data = json.loads(result.stdout)
    assert {"summary", "findings", "silenced"} <= set(data)
    broken = runner.invoke(main, ["banks", "lint", str(FIXTURES / "broken-bank.yaml")])
    assert broken.exit_code == 2 and "error[format]" in broken.stdout


def _runs(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_no_item_or_template_shares_eight_words_with_the_sources(catalog: ip.Catalog) -> None:
    seeds = set().union(*(_runs(p.read_text(encoding="utf-8")) for p in SEEDS.iterdir()))
    ours = {
        item.id: " / ".join([item.text, *item.follow_ups, item.why or ""]) for item in catalog.items
    }
    for path in [
        *(REPO / "src" / "interview_prep" / "templates").glob("**/*.j2"),
        *(REPO / "src" / "interview_prep").glob("**/*.py"),
        *(REPO / "examples").glob("*.*"),
        REPO / "README.md",
        *(REPO / "docs").glob("**/*.md"),
    ]:
        ours[str(path)] = path.read_text(encoding="utf-8")
    copied = {name: _runs(text) & seeds for name, text in ours.items()}
    assert not {name: runs for name, runs in copied.items() if runs}


def test_docs_schema_is_current_and_validates_a_bank(catalog: ip.Catalog) -> None:
    from interview_prep.catalog.schema import bank_json_schema

    shipped = json.loads((REPO / "docs" / "bank.schema.json").read_text(encoding="utf-8"))
    assert shipped == bank_json_schema(catalog.taxonomy), "run: interview-prep banks schema"
    item = shipped["$defs"]["ItemFields"]
    assert {"id", "text", "theme"} <= set(item["required"])
    assert "college" in item["properties"]["stages"]["anyOf"][0]["items"]["enum"]
