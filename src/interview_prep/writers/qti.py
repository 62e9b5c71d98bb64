"""QTI 1.2 in the Common Cartridge profile: an assessment of essay items.

Canvas, Schoology, Moodle, Blackboard and D2L all import this profile from a Common
Cartridge; each essay item becomes a question a teacher marks by hand.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from .escaping import xml_document

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_SCHEMA = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"


@dataclass(frozen=True)
class EssayItem:
    """One essay question: a short title and the prompt a student answers (plain text; each
    line becomes a paragraph)."""

    ident: str
    title: str
    prompt: str
    html: str | None = None  # the prompt as HTML for a screen, when there is one


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def essay_assessment(ident: str, title: str, items: Sequence[EssayItem]) -> bytes:
    """A ``questestinterop`` document holding one assessment of ``items``."""
    ET.register_namespace("", QTI)
    ET.register_namespace("xsi", XSI)
    root = ET.Element("questestinterop", {f"{{{XSI}}}schemaLocation": f"{QTI} {QTI_SCHEMA}"})
    assessment = ET.SubElement(root, "assessment", {"ident": ident, "title": title})
    _metadata(
        assessment,
        {
            "cc_profile": "cc.exam.v0p1",
            "qmd_assessmenttype": "Examination",
            "cc_maxattempts": "1",
        },
    )
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for item in items:
        element = ET.SubElement(section, "item", {"ident": item.ident, "title": item.title})
        _metadata(
            ET.SubElement(element, "itemmetadata"),
            # question_type is the field Canvas's importer reads; CC 1.1 allows any label
            {
                "cc_profile": "cc.essay.v0p1",
                "qmd_computerscored": "No",
                "question_type": "essay_question",
            },
        )
        presentation = ET.SubElement(element, "presentation")
        material = ET.SubElement(presentation, "material")
        ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = (
            item.html or _paragraphs(item.prompt)
        )
        response = ET.SubElement(
            presentation, "response_str", {"ident": "response1", "rcardinality": "Single"}
        )
        ET.SubElement(
            ET.SubElement(response, "render_fib"),
            "response_label",
            {"ident": "answer1", "rshuffle": "No"},
        )
    _qualify(root)
    return xml_document(root)


def _paragraphs(text: str) -> str:
    """Each line of ``text`` as an HTML paragraph: learning platforms show QTI text as HTML,
    and plain line breaks would run together."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


def _qualify(root: ET.Element) -> None:
    """Put every unqualified element in the QTI namespace."""
    for element in root.iter():
        if not element.tag.startswith("{"):
            element.tag = f"{{{QTI}}}{element.tag}"
