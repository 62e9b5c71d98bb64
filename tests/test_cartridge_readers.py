"""The course cartridge as a Common Cartridge reader sees it: pyslet's IMS CC 1.1 profile
checks over the unpacked package, and its QTI 1.2 reader over the reflection's questions.

The CC 1.1 XSDs themselves come in no PyPI or npm package, so the package is not validated
against them here; pyslet (PyPI) is the standards reader that is available."""

from __future__ import annotations

import io
import unittest
import zipfile
from datetime import date
from pathlib import Path

import pytest

import interview_prep as ip

# pyslet (2017) calls its own renamed methods, each with a DeprecationWarning; the unit
# renders PDFs, which takes a few seconds
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"), pytest.mark.slow]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    unit = ip.course_unit(
        date(2026, 3, 2), weeks=4, shadow=True, field="nurse", stage="college", course="Careers 10"
    )
    folder = tmp_path_factory.mktemp("cartridge")
    with zipfile.ZipFile(io.BytesIO(unit.to_cartridge())) as package:
        package.extractall(folder)
    return folder


def test_the_cartridge_passes_pyslets_cc_1_1_profile_checks(unpacked: Path) -> None:
    profile = pytest.importorskip("pyslet.imscc_profilev1p1")
    from pyslet.imscc_profilev1p0 import CCTestSuite

    cartridge = profile.CommonCartridge(str(unpacked))
    # the pages and files are web content; the reflection quiz is the one application object
    assert len(cartridge.cwcList) >= 7 and len(cartridge.laoTable) == 1
    result = unittest.TestResult()
    CCTestSuite(cartridge).run(result)
    assert result.testsRun == 8
    assert not result.failures and not result.errors, result.failures + result.errors


def test_pyslets_qti_reader_reads_the_reflection_questions(unpacked: Path) -> None:
    pytest.importorskip("pyslet.qtiv1")
    from pyslet.qtiv1.core import QTIElement
    from pyslet.qtiv1.xml import QTIDocument

    document = QTIDocument()
    with (unpacked / "reflection_questions" / "assessment_qti.xml").open("rb") as file:
        document.read(src=file)
    root = document.root
    assert root.xmlname == "questestinterop" and isinstance(root, QTIElement)
    items = [e for e in root.get_children() if getattr(e, "xmlname", "") == "assessment"]
    assert len(items) == 1


def test_the_handout_page_has_no_name_lines_to_write_on(unpacked: Path) -> None:
    page = (unpacked / "wiki_content" / "handout.html").read_text(encoding="utf-8")
    assert "<li>Name:</li>" not in page and 'class="fields"' not in page
    assert "<h2>What it is</h2>" in page
