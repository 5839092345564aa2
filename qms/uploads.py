"""Uploaded files judged by their bytes, never by their name or the browser's word.

`check_upload(uploaded, allowed=..., limit=...)` returns the kind ("pdf", "docx", "odt", "xlsx",
"ods", "png", "jpeg") or raises a ValidationError naming the problem (code "too_large", "empty"
or "wrong_type"). The file is left at its start."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

KIND_LABELS = {"pdf": "PDF", "docx": "DOCX", "odt": "ODT", "xlsx": "XLSX", "ods": "ODS", "png": "PNG", "jpeg": "JPEG"}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def detect_kind(uploaded) -> str | None:
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png"
        if head.startswith(b"\xff\xd8\xff"):
            return "jpeg"
        if head.startswith(b"PK\x03\x04"):
            return _zip_kind(uploaded)
        return None
    finally:
        uploaded.seek(0)


def _zip_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
            if "mimetype" in names and "content.xml" in names:
                return ODF_MIMETYPES.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def check_upload(uploaded, *, allowed, limit: int) -> str:
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s may be attached."),
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    kind = detect_kind(uploaded)
    if kind in allowed:
        return kind
    raise ValidationError(
        _("Only %(kinds)s files can be attached; this file is none of them, whatever its name says."),
        code="wrong_type",
        params={"kinds": ", ".join(KIND_LABELS[k] for k in allowed)},
    )
