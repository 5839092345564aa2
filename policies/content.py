"""What a document version may contain: sanitised HTML, and attachments checked by content.

The editor keeps headings, lists, tables and links (also when pasting from a word processor);
`sanitise_html` keeps exactly that structure and drops everything else, scripts, event handlers,
styles and foreign URLs schemes included. `check_attachment` recognises a PDF, DOCX or ODT file by
its bytes, not by its name, and refuses anything larger than the limit.
"""

import zipfile

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "span",
    "ul", "ol", "li",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def sanitise_html(html: str) -> str:
    """The HTML with only structure kept: no script, no event handler, no style, no javascript: URL."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def max_attachment_bytes() -> int:
    return getattr(settings, "POLICIES_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES)


def check_attachment(uploaded) -> str:
    """The kind of an uploaded file ("pdf", "docx" or "odt"), judged by its content, or a
    ValidationError saying what is wrong. The file is left at its start."""
    limit = max_attachment_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s may be attached."),
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            kind = _office_kind(uploaded)
            if kind:
                return kind
    finally:
        uploaded.seek(0)
    raise ValidationError(
        _("Only PDF, DOCX and ODT files can be attached; this file is none of them, whatever its name says."),
        code="wrong_type",
    )


def _office_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None
