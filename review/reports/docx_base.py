"""A Word document with the settings every DOCX export shares."""

from __future__ import annotations

from datetime import datetime, timezone

from docx import Document
from docx.shared import Pt

BODY_FONT = "Calibri"
BODY_SIZE = Pt(11)
# Fixed document dates: the same review gives the same file, and no clock time leaks into it.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)


def new_document():
    document = Document()
    style = document.styles["Normal"]
    style.font.name = BODY_FONT
    style.font.size = BODY_SIZE
    props = document.core_properties
    props.author = "nordic-review"
    props.last_modified_by = "nordic-review"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.revision = 1
    return document
