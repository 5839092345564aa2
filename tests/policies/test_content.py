"""Bodies are sanitised on the server; attachments are judged by their bytes and size."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from policies import services
from policies.content import check_attachment, sanitise_html

pytestmark = pytest.mark.django_db

WORD_PASTE = """
<p class=MsoNormal style='margin:0cm'><b><span style='font-size:14pt'>1. Purpose</span></b><o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'>
 <tr><td width=200 valign=top style='width:150pt' colspan=2><p class=MsoNormal>Step<o:p></o:p></p></td>
     <td onmouseover="alert(1)"><img src=x onerror=alert(document.cookie)>Owner</td></tr>
</table>
<ul><li>first</li><li>second <a href="https://example.org/reg" onclick="steal()">regulation</a></li></ul>
<a href="javascript:alert(1)">click</a><script>alert('x')</script><style>p{}</style>
<h2>Scope</h2><iframe src="https://evil.example"></iframe>
"""


def test_sanitising_keeps_structure_and_drops_scripts_handlers_and_styles():
    clean = sanitise_html(WORD_PASTE)
    for kept in ("<b>", "1. Purpose", "<table>", "<tr>", 'colspan="2"', "<ul>", "<li>first</li>", "<h2>Scope</h2>"):
        assert kept in clean
    assert 'href="https://example.org/reg"' in clean
    for dropped in ("<script", "onerror", "onmouseover", "onclick", "javascript:", "style=", "<style", "<img",
                    "<iframe", "class=", "<o:p", "alert("):  # fmt: skip
        assert dropped not in clean, dropped


def test_a_script_in_a_body_never_reaches_the_stored_text(document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    body = services.version_save_body(version=version, language="bg", html=WORD_PASTE)
    assert "<script" not in body.body and "onerror" not in body.body and "<table>" in body.body


def test_an_empty_text_removes_that_language(document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="ru", html="<p>текст</p>")
    assert services.version_save_body(version=version, language="ru", html="<script>x</script>") is None
    assert not version.bodies.filter(language="ru").exists()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content,kind",
    [
        ("policy.pdf", b"%PDF-1.7\n...", "pdf"),
        ("policy.docx", docx_bytes(), "docx"),
        ("policy.odt", odt_bytes(), "odt"),
    ],
)
def test_pdf_docx_and_odt_are_recognised_by_content(name, content, kind):
    assert check_attachment(upload(name, content)) == kind


@pytest.mark.parametrize(
    "name,content",
    [
        ("policy.pdf", b"MZ\x90\x00\x03\x00\x00\x00 this is a Windows executable"),  # a renamed .exe
        ("policy.docx", b"\x7fELF\x02\x01\x01"),
        ("policy.odt", b"PK\x03\x04 not really a zip"),
        ("policy.docx", odt_bytes()[:0] + b"PK\x05\x06" + b"\x00" * 18),  # an empty zip
        ("notes.txt", b"plain text"),
    ],
)
def test_a_file_that_is_not_really_pdf_docx_or_odt_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        check_attachment(upload(name, content))
    assert error.value.code == "wrong_type"


def test_an_oversized_file_is_refused_with_the_limit(settings):
    settings.POLICIES_MAX_ATTACHMENT_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        check_attachment(upload("big.pdf", b"%PDF-" + b"0" * 2000))
    assert error.value.code == "too_large"
    assert "1.0\xa0KB" in error.value.messages[0]


def test_an_attachment_is_stored_on_a_draft_only(document, people, published):
    with pytest.raises(ValidationError):
        services.version_add_attachment(version=published, uploaded=upload("p.pdf", b"%PDF-1.4"), by=people.owner)
    draft = services.version_start_draft(document=document, by=people.owner)
    attachment = services.version_add_attachment(version=draft, uploaded=upload("p.pdf", b"%PDF-1.4"), by=people.owner)
    assert attachment.kind == "pdf" and attachment.size == 8
    assert attachment.file.read() == b"%PDF-1.4"
