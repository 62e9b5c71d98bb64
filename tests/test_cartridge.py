"""The course unit as IMS Common Cartridge: unpacked, every XML file parsed, the manifest
checked against the structure the CC 1.1 specification gives, and the QTI essay items read."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import interview_prep as ip
from interview_prep.cli import main

CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
# every resource type Common Cartridge 1.1 to 1.3 defines
CC_TYPES = {
    "webcontent",
    "imsdt_xmlv1p1",
    "imsdt_xmlv1p2",
    "imsdt_xmlv1p3",
    "imswl_xmlv1p1",
    "imswl_xmlv1p2",
    "imswl_xmlv1p3",
    "imsbasiclti_xmlv1p0",
    "imsqti_xmlv1p2/imscc_xmlv1p1/assessment",
    "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank",
    "imsqti_xmlv1p2/imscc_xmlv1p2/assessment",
    "imsqti_xmlv1p2/imscc_xmlv1p2/question-bank",
    "imsqti_xmlv1p2/imscc_xmlv1p3/assessment",
    "imsqti_xmlv1p2/imscc_xmlv1p3/question-bank",
    "associatedcontent/imscc_xmlv1p1/learning-application-resource",
    "associatedcontent/imscc_xmlv1p2/learning-application-resource",
    "associatedcontent/imscc_xmlv1p3/learning-application-resource",
    "assignment_xmlv1p0",
}


@pytest.fixture(scope="module")
def unit() -> ip.CourseUnit:
    return ip.course_unit(
        date(2026, 3, 2), weeks=4, shadow=True, field="nurse", stage="college", course="Careers 10"
    )


@pytest.fixture(scope="module")
def package(unit: ip.CourseUnit) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(unit.to_cartridge()))


def test_every_xml_file_parses_and_the_manifest_names_only_present_files(
    package: zipfile.ZipFile,
) -> None:
    names = set(package.namelist())
    assert package.namelist()[0] == "imsmanifest.xml"
    for name in names:
        if name.endswith(".xml"):
            ET.fromstring(package.read(name))
    manifest = ET.fromstring(package.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    named = {f.get("href") for f in manifest.iter(f"{CP}file")}
    named |= {r.get("href") for r in manifest.iter(f"{CP}resource") if r.get("href")}
    assert named <= names
    assert names - named == {"imsmanifest.xml"}, "every packed file belongs to a resource"


def test_manifest_structure_follows_the_cc_specification(package: zipfile.ZipFile) -> None:
    manifest = ET.fromstring(package.read("imsmanifest.xml"))
    assert [child.tag for child in manifest] == [
        f"{CP}metadata",
        f"{CP}organizations",
        f"{CP}resources",
    ]
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "IMS Common Cartridge"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.1.0"
    organizations = manifest.findall(f"{CP}organizations/{CP}organization")
    assert len(organizations) == 1
    assert organizations[0].get("structure") == "rooted-hierarchy"
    root_items = organizations[0].findall(f"{CP}item")
    assert len(root_items) == 1 and root_items[0].find(f"{CP}title") is None

    resources = manifest.findall(f"{CP}resources/{CP}resource")
    identifiers = [r.get("identifier") for r in resources]
    assert len(set(identifiers)) == len(identifiers)
    assert {r.get("type") for r in resources} <= CC_TYPES
    references = [i.get("identifierref") for i in manifest.iter(f"{CP}item")]
    assert set(filter(None, references)) == set(identifiers)
    every_id = identifiers + [i.get("identifier") for i in manifest.iter(f"{CP}item")]
    assert len(set(every_id)) == len(every_id), "identifiers are unique across the manifest"
    for resource in resources:
        if resource.get("type") == "webcontent":
            assert resource.get("href") == resource.find(f"{CP}file").get("href")
        else:
            assert resource.get("href") is None


def test_the_reflection_is_essay_questions(package: zipfile.ZipFile, unit: ip.CourseUnit) -> None:
    qti = ET.fromstring(package.read("reflection_questions/assessment_qti.xml"))
    assessment = qti.find(f"{QTI}assessment")
    profile = {
        f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
        for f in assessment.iter(f"{QTI}qtimetadatafield")
    }
    assert profile["cc_profile"] in ("cc.exam.v0p1", "cc.essay.v0p1")
    items = assessment.findall(f"{QTI}section/{QTI}item")
    headings = [line[3:] for line in unit.reflection.markdown.split("\n") if line[:3] == "## "]
    assert [i.get("title") for i in items] == headings
    for item in items:
        fields = {
            f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
            for f in item.iter(f"{QTI}qtimetadatafield")
        }
        assert fields["cc_profile"] == "cc.essay.v0p1"
        assert fields["question_type"] == "essay_question"  # what Canvas's importer reads
        assert item.find(f"{QTI}presentation/{QTI}response_str/{QTI}render_fib") is not None
        prompt = item.find(f".//{QTI}mattext")
        assert prompt.get("texttype") == "text/html"
        assert prompt.text.startswith(f"<p>{item.get('title')}</p>")
    curious = next(i for i in items if i.get("title") == "Did it make me more curious?")
    # a short last word stays with the word before it (a no-break space)
    assert (curious.findtext(f".//{QTI}mattext") or "").replace("\u00a0", " ") == (
        "<p>Did it make me more curious?</p><p>Choose one:</p><ul><li>More curious</li>"
        "<li>About the same</li><li>Less curious</li></ul><p>Why?</p>"
    )
    screens = "".join(i.findtext(f".//{QTI}mattext") or "" for i in items)
    assert "Circle" not in screens and "____" not in screens and "[ ]" not in screens
    referred = next(i for i in items if i.get("title") == "People I was referred to")
    assert "<table>" in (referred.findtext(f".//{QTI}mattext") or "")


def test_pages_and_files_hold_the_documents(package: zipfile.ZipFile) -> None:
    handout = package.read("wiki_content/handout.html").decode("utf-8").replace("\u00a0", " ")
    # a date's day is joined by a no-break space
    assert "<table>" in handout and "Thu, Mar 5" in handout
    rubric = package.read("wiki_content/rubric.html").decode("utf-8")
    assert "Excellent (4)" in rubric and "Mar 5" not in rubric.replace("\u00a0", " ")
    for name in ("handout", "prep-sheet", "reflection"):
        pdf = PdfReader(io.BytesIO(package.read(f"web_resources/{name}.pdf")))
        assert len(pdf.pages) >= 1
        word = docx.Document(io.BytesIO(package.read(f"web_resources/{name}.docx")))
        assert word.paragraphs[0].style.name == "Heading 1"
    prep = PdfReader(io.BytesIO(package.read("web_resources/prep-sheet.pdf")))
    assert "Registered Nurse" in prep.pages[0].extract_text().replace("\u00a0", " ")


def test_without_a_field_the_unit_has_no_prep_sheet_and_half_a_field_is_refused() -> None:
    unit = ip.course_unit(date(2026, 3, 2))
    assert unit.prep_sheet is None and unit.title.startswith("Assignment")
    with pytest.raises(ip.PlanError, match="both a field and a stage"):
        ip.course_unit(date(2026, 3, 2), field="nurse")


def test_cli_writes_a_cartridge_and_refuses_other_names(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "unit.imscc"
    result = runner.invoke(
        main,
        ["unit", "--start", "2026-03-02", "--weeks", "3", "--course", "Careers", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    names = zipfile.ZipFile(out).namelist()
    assert "web_resources/reflection.docx" in names and "web_resources/prep-sheet.pdf" not in names
    again = runner.invoke(main, ["unit", "--start", "2026-03-02", "-o", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output
    wrong = runner.invoke(main, ["unit", "--start", "2026-03-02", "-o", str(tmp_path / "u.zip")])
    assert wrong.exit_code == 2 and ".imscc" in wrong.output
    assert not (tmp_path / "u.zip").exists()
