"""IMS Common Cartridge 1.1: a zip of pages, files and assessments with an ``imsmanifest.xml``.

Version 1.1 is the one every large learning platform imports (Canvas, Schoology, Moodle,
Blackboard, D2L). Its resource types are plain web content (pages and files) and QTI
assessments; a CC 1.3 ``assignment_xmlv1p0`` would only reach Canvas, so a reflection goes
in as an assessment of essay items, which every importer turns into a hand-marked quiz.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from .escaping import xml_document

CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (
    f"{CP} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{LOM} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"
)
WEBCONTENT = "webcontent"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
# a fixed time inside the zip, so the same unit always gives the same bytes
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Resource:
    """One thing a course shows: a page, a file or an assessment, and the files it needs."""

    ident: str
    title: str
    type: str
    files: tuple[tuple[str, bytes], ...]
    href: str | None = None


@dataclass
class Cartridge:
    """A course unit in the making: resources in the order a student meets them."""

    title: str
    ident: str = "interview_prep_unit"
    language: str = "en-US"
    resources: list[Resource] = field(default_factory=list)

    def add_page(self, ident: str, title: str, html: str) -> None:
        """An HTML page; Canvas makes pages of what sits in ``wiki_content/``."""
        path = f"wiki_content/{ident}.html"
        self.resources.append(
            Resource(ident, title, WEBCONTENT, ((path, html.encode("utf-8")),), path)
        )

    def add_file(self, ident: str, title: str, name: str, data: bytes) -> None:
        """A file to download (a PDF or a Word template)."""
        path = f"web_resources/{name}"
        self.resources.append(Resource(ident, title, WEBCONTENT, ((path, data),), path))

    def add_assessment(self, ident: str, title: str, qti: bytes) -> None:
        """A QTI assessment (see :mod:`interview_prep.writers.qti`)."""
        path = f"{ident}/assessment_qti.xml"
        self.resources.append(Resource(ident, title, ASSESSMENT, ((path, qti),)))

    def manifest(self) -> bytes:
        ET.register_namespace("", CP)
        ET.register_namespace("lomimscc", LOM)
        ET.register_namespace("xsi", XSI)
        root = ET.Element(
            f"{{{CP}}}manifest",
            {"identifier": self.ident, f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS},
        )
        metadata = ET.SubElement(root, f"{{{CP}}}metadata")
        ET.SubElement(metadata, f"{{{CP}}}schema").text = "IMS Common Cartridge"
        ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.1.0"
        general = ET.SubElement(ET.SubElement(metadata, f"{{{LOM}}}lom"), f"{{{LOM}}}general")
        title = ET.SubElement(ET.SubElement(general, f"{{{LOM}}}title"), f"{{{LOM}}}string")
        title.text = self.title
        title.set("language", self.language)

        organizations = ET.SubElement(root, f"{{{CP}}}organizations")
        organization = ET.SubElement(
            organizations,
            f"{{{CP}}}organization",
            {"identifier": "organization", "structure": "rooted-hierarchy"},
        )
        top = ET.SubElement(organization, f"{{{CP}}}item", {"identifier": "root"})
        module = ET.SubElement(top, f"{{{CP}}}item", {"identifier": "unit"})
        ET.SubElement(module, f"{{{CP}}}title").text = self.title
        for resource in self.resources:
            item = ET.SubElement(
                module,
                f"{{{CP}}}item",
                {"identifier": f"item_{resource.ident}", "identifierref": resource.ident},
            )
            ET.SubElement(item, f"{{{CP}}}title").text = resource.title

        listed = ET.SubElement(root, f"{{{CP}}}resources")
        for resource in self.resources:
            attributes = {"identifier": resource.ident, "type": resource.type}
            if resource.href:
                attributes["href"] = resource.href
            element = ET.SubElement(listed, f"{{{CP}}}resource", attributes)
            for path, _ in resource.files:
                ET.SubElement(element, f"{{{CP}}}file", {"href": path})
        return xml_document(root)

    def to_bytes(self) -> bytes:
        """The ``.imscc`` file: a zip with the manifest first."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("imsmanifest.xml", ZIP_TIME), self.manifest())
            for resource in self.resources:
                for path, data in resource.files:
                    info = zipfile.ZipInfo(path, ZIP_TIME)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, data)
        return buffer.getvalue()


__all__: Sequence[str] = ("ASSESSMENT", "WEBCONTENT", "Cartridge", "Resource")
