"""Tagged PDFs pass the machine checks of the `pdfua` package, for every document kind.

pdfua 0.1.3 checks 16 of the 106 machine-checkable PDF/UA-1 rules; veraPDF is the authority
for a conformance claim. Two of its results are known and asserted here as they are:
- UA-14-001 (empty headings) raises inside pdfua on pikepdf 10 whenever a heading's /K is an
  array (its `as_integer` asks a pikepdf Array for `is_integer`), so the rule is skipped;
- UA-15-003 warns (heuristic) on every table: WeasyPrint links data cells to their headers
  with /IDs on TH and /Headers on TD, the route ISO 14289-1 7.5 names first, but writes no
  /Scope, and pdfua only looks for /Scope or /Headers on the TH side. The test below checks
  that association itself.
"""

from __future__ import annotations

import io
import os
from typing import Any

import pytest

from .test_documents import CASES

ONE_OF_EACH_KIND = (
    "script-nurse-college-30",
    "prep-sheet-nurse-college-30",
    "letter-confirm-letter",
    "timeline-request-and-meeting",
    "shadow-plan-electrician-high-school-6h",
    "reflection-nurse",
    "handout-four-weeks-shadow",
    "comparison-nurse-three",
)
KNOWN_SKIP = {"UA-14-001": "is_integer"}


def _pdfua() -> Any:
    try:
        import pdfua
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("pdfua is missing: scripts/setup --dev installs it")
        pytest.skip("pdfua is not installed (scripts/setup --dev installs it)")
    return pdfua


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("pdfua")
    paths = {}
    for name in ONE_OF_EACH_KIND:
        paths[name] = folder / f"{name}.pdf"
        CASES[name]().to_pdf(paths[name])
    return paths


@pytest.mark.parametrize("name", ONE_OF_EACH_KIND)
def test_pdf_passes_pdfua_with_no_errors(pdfs: dict[str, Any], name: str) -> None:
    pdfua = _pdfua()
    report = pdfua.validate(str(pdfs[name]))
    errors = [f"{f.rule_id}: {f.message}" for f in report.findings if f.severity.name == "ERROR"]
    assert errors == []
    assert {f.rule_id for f in report.findings} <= {"UA-15-003"}
    for outcome in report.outcomes:
        if outcome.skipped_reason:
            assert KNOWN_SKIP.get(outcome.rule_id, "\0") in outcome.skipped_reason
    ran = [o.rule_id for o in report.outcomes if not o.skipped_reason]
    assert len(ran) >= len(report.outcomes) - 1 >= 10


@pytest.mark.parametrize(
    ("name", "every_column_headed"),
    [("comparison-nurse-three", True), ("prep-sheet-nurse-college-30", False)],
)
def test_table_data_cells_name_their_header_cells(
    pdfs: dict[str, Any], name: str, every_column_headed: bool
) -> None:
    """The Meeting table's second column has no header (an empty cell is no header cell)."""
    _pdfua()
    import pikepdf

    with pikepdf.open(io.BytesIO(pdfs[name].read_bytes())) as pdf:
        ids: set[str] = set()
        headed: list[list[str]] = []

        def walk(node: Any) -> None:
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
                return
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                return
            if node.S == "/TH":
                ids.add(str(node.ID))
            if node.S == "/TD" and "/A" in node and "/Headers" in node.A:
                headed.append([str(h) for h in node.A.Headers])
            if "/K" in node:
                walk(node.K)

        walk(pdf.Root.StructTreeRoot.K)
    assert ids and headed
    assert all(set(headers) <= ids for headers in headed)
    named = [headers for headers in headed if headers]
    assert len(named) == len(headed) if every_column_headed else len(named) >= len(headed) // 2
