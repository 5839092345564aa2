"""The PDF helper: A4 pages with "page X of Y", Cyrillic text that extracts as typed, and a URL
fetcher that reads static and media files only."""

import http.server
import io
import threading
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from qms import pdf, reports
from qms.models import OrganisationalUnit

from .factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

A4_POINTS = (595, 842)


@pytest.fixture
def university():
    root = UnitFactory(name="Химикотехнологичен и металургичен университет", kind="university")
    faculty = UnitFactory(name="Факултет по химични технологии", kind="faculty", parent=root)
    kazakh = UnitFactory(name="Сапа менеджменті жүйесі бөлімі", kind="service", parent=root)
    kyrgyz = UnitFactory(name="Сапатты башкаруу бөлүмү", kind="service", parent=root)
    for i in range(40):  # enough departments for several pages
        department = UnitFactory(name=f"Катедра „Органичен синтез {i:02d}“", parent=faculty)
        MembershipFactory(unit=department, user=UserFactory(first_name="Петър", last_name=f"Николов{i}"))
    return root, faculty, kazakh, kyrgyz


def test_organisation_structure_pdf_has_a4_pages_numbered_x_of_y(university):
    filename, content = reports.organisation_structure({}, "pdf", lambda done, total: None)
    assert filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(content))
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == A4_POINTS
        assert f"Page {number} of {pages}" in page.extract_text()


def test_organisation_structure_pdf_text_extracts_in_cyrillic(university):
    _, content = reports.organisation_structure({}, "pdf", lambda done, total: None)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Химикотехнологичен и металургичен университет" in text
    assert "Факултет по химични технологии" in text
    assert "Сапа менеджменті жүйесі бөлімі" in text  # Kazakh letters
    assert "Сапатты башкаруу бөлүмү" in text  # Kyrgyz letters
    assert "Петър Николов7" in text
    # Every unit is listed once.
    for unit in OrganisationalUnit.objects.filter(name__startswith="Катедра"):
        assert text.count(unit.name) == 1


def test_pdf_uses_the_dejavu_font_shipped_under_static(university, monkeypatch):
    fetched = []
    make_fetcher = pdf.url_fetcher

    def recording_fetcher():
        fetcher = make_fetcher()
        original = fetcher.fetch

        def fetch(url, headers=None):
            fetched.append(url)
            return original(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(pdf, "url_fetcher", recording_fetcher)
    _, content = reports.organisation_structure({}, "pdf", lambda done, total: None)
    static_fonts = (Path(settings.BASE_DIR) / "static" / "fonts").resolve().as_uri()
    assert f"{static_fonts}/DejaVuSans.ttf" in fetched
    fonts = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts == {"DejaVu-Sans", "DejaVu-Sans-Bold"}


class CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        CountingHandler.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    CountingHandler.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_network_url_in_a_pdf_is_never_fetched(http_server):
    from weasyprint import HTML

    html = f'<p>x</p><img src="{http_server}/logo.png"><link rel="stylesheet" href="{http_server}/x.css">'
    content = HTML(string=html, url_fetcher=pdf.url_fetcher()).write_pdf()
    assert content.startswith(b"%PDF")
    assert CountingHandler.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/secret.png",
        "https://example.org/font.ttf",
        "ftp://example.org/file",
        "file:///etc/passwd",
        "file:///etc/hostname",
    ],
)
def test_fetcher_refuses_network_urls_and_files_outside_static_and_media(url):
    with pytest.raises(pdf.URLRefused):
        pdf.url_fetcher().fetch(url)


def test_fetcher_refuses_a_path_that_climbs_out_of_static():
    escape = (Path(settings.BASE_DIR) / "static" / ".." / "manage.py").as_uri()
    with pytest.raises(pdf.URLRefused):
        pdf.url_fetcher().fetch(escape)


def test_fetcher_reads_static_files():
    font = (Path(settings.BASE_DIR) / "static" / "fonts" / "DejaVuSans.ttf").as_uri()
    response = pdf.url_fetcher().fetch(font)
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    finally:
        response.close()


def test_fetcher_reads_media_files(media_root):
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "stamp.txt").write_text("stamp")
    response = pdf.url_fetcher().fetch((media_root / "stamp.txt").as_uri())
    try:
        assert response.read() == b"stamp"
    finally:
        response.close()


def test_page_counter_follows_the_translation():
    assert pdf.page_counter_css() == '"Page " counter(page) " of " counter(pages)'


def test_css_string_cannot_break_out_of_a_style_element():
    assert pdf.css_string('a"b</style>') == '"a\\"b\\3C /style>"'
