"""``imsmanifest.xml`` for a SCORM 1.2 package with one SCO: IMS Content Packaging 1.1.2
with ADL's SCORM 1.2 extensions, schemaversion 1.2.

The manifest names the package's organisation (what the platform shows as the course's
table of contents: one item) and one resource, the SCO, whose ``href`` is the page the
platform launches and whose ``file`` elements list every file the SCO uses. The control
documents (the schemas) sit beside the manifest and are not resources.
"""

from __future__ import annotations

from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

SCHEMA_LOCATIONS = (
    ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
    ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd"),
    ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
)
SCHEMA_FILES = tuple(name for _namespace, name in SCHEMA_LOCATIONS) + ("ims_xml.xsd",)

TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={identifier}
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation={locations}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{course_title}</title>
      <item identifier="course-item" identifierref="course-sco" isvisible="true">
        <title>{sco_title}</title>{mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" adlcp:scormtype="sco" href={launch}>
{files}
    </resource>
  </resources>
</manifest>
"""


def href(path: str) -> str:
    """A package path as the manifest writes it: a relative URL."""
    return quote(path, safe="/")


def manifest_xml(
    identifier: str, course_title: str, sco_title: str, launch: str, files: list[str], mastery: int | None = None
) -> str:
    """The manifest of a one-SCO package launched at ``launch``, using ``files`` (package
    paths, launch page included); ``mastery``, a percentage, becomes the item's
    ``adlcp:masteryscore`` (the score at which the platform may count the SCO passed)."""
    locations = " ".join(f"{namespace} {name}" for namespace, name in SCHEMA_LOCATIONS)
    return TEMPLATE.format(
        identifier=quoteattr(identifier),
        locations=quoteattr(locations),
        course_title=escape(course_title),
        sco_title=escape(sco_title),
        mastery="" if mastery is None else f"\n        <adlcp:masteryscore>{int(mastery)}</adlcp:masteryscore>",
        launch=quoteattr(href(launch)),
        files="\n".join(f"      <file href={quoteattr(href(path))}/>" for path in files),
    )
