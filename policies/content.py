"""What a document version may contain: sanitised HTML, and attachments checked by content.

The editor keeps headings, lists, tables and links (also when pasting from a word processor);
`sanitise_html` keeps exactly that structure and drops everything else, scripts, event handlers,
styles and foreign URLs schemes included. `check_attachment` recognises a PDF, DOCX or ODT file by
its bytes, not by its name, and refuses anything larger than the limit.
"""

import nh3
from django.conf import settings

from qms.uploads import check_upload

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
    return check_upload(uploaded, allowed=("pdf", "docx", "odt"), limit=max_attachment_bytes())
