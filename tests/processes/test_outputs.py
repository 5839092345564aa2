"""What the process register gives out: the process map (SVG, inline and as a file), the
evidence matrix (page, and XLSX as a report) and the PDF of a process card, with who may get them."""

import io
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from processes import services
from processes.models import Card, Process
from processes.processmap import process_map_data, render_process_map
from qms.models import StandardClause
from qms.roles import Role
from qms.standards import load_standard_clauses
from tests.policies.factories import DocumentFactory
from tests.qms.factories import UnitFactory, UserFactory, build_report

SVG = "{http://www.w3.org/2000/svg}"


# --- helpers ------------------------------------------------------------------------------------


class People:
    def __init__(self):
        self.quality = UserFactory(username="quality", roles=[Role.QUALITY_OFFICER, Role.STAFF])
        self.leader = UserFactory(username="leader", roles=[Role.RECTORATE, Role.STAFF])
        self.owner = UserFactory(username="owner", roles=[Role.PROCESS_OWNER, Role.STAFF])
        self.staff = UserFactory(username="staff", roles=[Role.STAFF])
        self.applicant = UserFactory(username="applicant", roles=[Role.APPLICANT])


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def clauses(db):
    if not StandardClause.objects.exists():  # a flushed test database has lost the migration's rows
        load_standard_clauses(StandardClause)
    return {(c.framework, c.code): c for c in StandardClause.objects.all()}


def make_process(people, code, kind=Process.Kind.CORE, name=None, **extra):
    return services.process_create(
        code=code,
        name=name or {"en": f"Process {code}"},
        kind=kind,
        leader=people.leader,
        owner=people.owner,
        **extra,
    )


def write_card(
    process,
    people,
    *,
    purpose="Keep only current documents at every workplace",
    activities=None,
    inputs=(),
    outputs=("Approved documents",),
    language="en",
):
    """A draft card with texts, an activity table and inputs (name, supplier) and outputs."""
    card = services.card_start_draft(process=process, by=people.owner)
    services.card_save_texts(
        card=card,
        language=language,
        purpose=purpose,
        evaluation_criteria="No obsolete copies found in audits",
        monitoring_methods="Internal audits and management review",
    )
    services.card_save_activities(
        card=card,
        language=language,
        rows=activities or [{"name": "Agree and approve documents", "executors": "Quality office"}],
    )
    rows = [{"direction": "input", "name": name, "supplier": supplier} for name, supplier in inputs]
    rows += [{"direction": "output", "name": name} for name in outputs]
    services.card_save_flows(card=card, language=language, rows=rows)
    return card


def approve(card, people):
    services.card_submit(card=card, by=people.owner)
    return services.card_approve(card=card, by=people.leader)


def current_card(process, people, **kwargs):
    return approve(write_card(process, people, **kwargs), people)


def fake(pk, code, kind="core", name=None, parent_id=None):
    """A process as the map sees it, without the database."""
    return SimpleNamespace(pk=pk, code=code, kind=kind, name=name or {"en": f"Name of {code}"}, parent_id=parent_id)


def parse(svg: str):
    return ET.fromstring(svg)  # noqa: S314 -- the portal's own output, in a test


def boxes(svg: str) -> list[str]:
    root = parse(svg)
    return [g.get("data-process") for g in root.iter(f"{SVG}g") if g.get("data-process")]


def edges_of(svg: str) -> list[str]:
    root = parse(svg)
    return [p.get("data-edge") for p in root.iter(f"{SVG}path") if p.get("data-edge")]


# --- the map, drawn -----------------------------------------------------------------------------


def test_an_empty_register_gives_a_small_map_that_says_so():
    svg = render_process_map([], set())
    root = parse(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img" and root.get("width") == "100%"
    assert root.get("viewBox") and root.find(f"{SVG}title").text == "Process map"
    assert "There are no processes in the register yet." in svg
    assert boxes(svg) == []


def test_a_cycle_and_a_self_reference_draw_without_trouble_and_each_process_appears_once():
    a, b = fake(1, "CP-01"), fake(2, "CP-02")
    c = fake(3, "MP-01", kind="management")
    svg = render_process_map([a, b, c], {(1, 2), (2, 1), (1, 1), (1, 2), (3, 1), (9, 1)})
    assert sorted(boxes(svg)) == ["1", "2", "3"]
    assert sorted(edges_of(svg)) == ["1-2", "2-1", "3-1"]  # no self-arrow, none to an unknown process
    root = parse(svg)
    assert root.find(f"{SVG}defs/{SVG}marker") is not None
    paths = {p.get("data-edge"): p for p in root.iter(f"{SVG}path") if p.get("data-edge")}
    assert all(p.get("marker-end") == "url(#process-map-arrow)" for p in paths.values())
    assert paths["1-2"].get("d") != paths["2-1"].get("d")  # the two arrows of the cycle are apart
    for label in ("Management processes", "Core processes", "Support processes"):
        assert label in svg


def test_boxes_link_to_the_process_pages_when_a_link_is_given():
    processes = [fake(1, "CP-01"), fake(2, "SP-01", kind="support")]
    svg = render_process_map(processes, set(), link=lambda p: f"/processes/{p.pk}/" if p.pk == 1 else None)
    links = [a.get("href") for a in parse(svg).iter(f"{SVG}a")]
    assert links == ["/processes/1/"]


def test_the_same_register_always_gives_the_same_map():
    processes = [fake(i, f"CP-{i:02d}", kind=("management", "core", "support")[i % 3]) for i in range(1, 15)]
    edges = {(i, i % 14 + 1) for i in range(1, 15)}
    first = render_process_map(processes, edges)
    shuffled = processes[7:] + processes[:7][::-1]
    assert render_process_map(shuffled, sorted(edges, reverse=True)) == first
    assert render_process_map(processes, edges) == first


def test_many_processes_wrap_to_several_rows_and_long_names_are_cut():
    long_name = {"en": "Design, approval and periodic review of the educational programmes " * 3}
    processes = [fake(i, f"CP-{i:02d}", name=long_name if i == 1 else None) for i in range(1, 13)]
    svg = render_process_map(processes, set())
    root = parse(svg)
    rects = [g.find(f"{SVG}rect") for g in root.iter(f"{SVG}g") if g.get("data-process")]
    assert len({r.get("y") for r in rects}) == 3  # 12 core processes in rows of 5
    first_box = next(g for g in root.iter(f"{SVG}g") if g.get("data-process") == "1")
    lines = [t.text for t in first_box.iter(f"{SVG}tspan")]
    assert 1 < len(lines) <= 3 and lines[-1].endswith("…")
    assert long_name["en"].strip() in first_box.find(f"{SVG}title").text  # the whole name as a tooltip


def test_texts_are_escaped_and_sub_processes_show_their_parent():
    parent = fake(1, "MP-01", kind="management")
    child = fake(2, "MP-01.1", kind="management", name={"en": 'Plans <script>alert("x")</script> & goals'}, parent_id=1)
    svg = render_process_map([parent, child], set())
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    child_box = next(g for g in parse(svg).iter(f"{SVG}g") if g.get("data-process") == "2")
    assert "↑ MP-01" in [t.text for t in child_box.iter(f"{SVG}text")]
    assert "style" not in svg  # presentation attributes only: the page's CSP allows no inline style


def test_the_map_data_takes_arrows_from_current_cards_only(people):
    supplier = make_process(people, "MP-01", kind=Process.Kind.MANAGEMENT)
    consumer = make_process(people, "CP-01")
    other = make_process(people, "SP-01", kind=Process.Kind.SUPPORT)
    current_card(consumer, people, inputs=[("Strategic plan", supplier)])
    write_card(other, people, inputs=[("Strategic plan", supplier)])  # a draft draws nothing
    with CaptureQueriesContext(connection) as queries:
        processes, edges = process_map_data()
    assert len(queries) == 2
    assert [p.code for p in processes] == ["MP-01", "CP-01", "SP-01"]
    assert edges == {(supplier.pk, consumer.pk)}


# --- the map and evidence pages -----------------------------------------------------------------


def build_register(people, clauses, count, start=0):
    """`count` processes, each with a current card taking an input from the one before it, linked
    to a clause, with a document on that clause too."""
    unit = UnitFactory(name=f"Unit {start}")
    codes = list(clauses)
    previous = Process.objects.order_by("-pk").first()
    for index in range(start, start + count):
        clause = clauses[codes[index % len(codes)]]
        process = make_process(people, f"CP-{index:02d}", clauses=[clause])
        inputs = [("Input", previous)] if previous else []
        current_card(process, people, inputs=inputs)
        DocumentFactory(owner=people.owner, owner_unit=unit, code=f"DP {index:02d}.01", clauses=[clause])
        previous = process


def count_queries(client, url):
    client.get(url)  # warm up caches that a first request fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["processes:process-map", "processes:evidence", "processes:process-map-svg"])
def test_the_map_and_evidence_pages_do_not_query_per_process(client, people, clauses, url_name):
    client.force_login(people.quality)
    url = reverse(url_name)
    build_register(people, clauses, 2)
    few = count_queries(client, url)
    build_register(people, clauses, 10, start=2)
    assert Process.objects.count() == 12
    assert count_queries(client, url) == few


def test_the_map_page_shows_the_svg_inline_with_links_and_a_legend(client, people):
    management = make_process(people, "MP-01", kind=Process.Kind.MANAGEMENT)
    core = make_process(people, "CP-01", parent=None)
    sub = make_process(people, "CP-01.1", parent=core)
    current_card(core, people, inputs=[("Plan", management)])
    current_card(management, people, inputs=[("Report", core)])  # a cycle
    client.force_login(people.staff)
    page = client.get(reverse("processes:process-map")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'data-testid="legend"' in page
    svg = page[page.index('<svg xmlns="http://www.w3.org/2000/svg"') : page.index("</svg>") + len("</svg>")]
    assert "style" not in svg
    hrefs = {a.get("href") for a in parse(svg).iter(f"{SVG}a")}
    assert hrefs == {p.get_absolute_url() for p in (management, core, sub)}
    assert sorted(edges_of(svg)) == sorted([f"{management.pk}-{core.pk}", f"{core.pk}-{management.pk}"])

    response = client.get(reverse("processes:process-map-svg"))
    assert response["Content-Type"].startswith("image/svg+xml")
    assert sorted(boxes(response.content.decode().split("\n", 1)[1])) == sorted(
        str(p.pk) for p in (management, core, sub)
    )


def table_row(page: str, code: str) -> str:
    """The first <tr> of the page for a clause code, from its opening tag to its end."""
    marker = page.index(f'data-clause="{code}"')
    return page[page.rindex("<tr", 0, marker) : page.index("</tr>", marker)]


def test_the_evidence_matrix_shows_linked_processes_and_documents_and_marks_gaps(client, people, clauses):
    clause = clauses[("iso9001", "7.5.3")]
    esg = clauses[("esg2015", "1.1")]
    process = make_process(people, "MP-04", clauses=[clause, esg])
    DocumentFactory(owner=people.owner, owner_unit=UnitFactory(), code="DP 04.01", clauses=[clause])
    client.force_login(people.quality)
    page = client.get(reverse("processes:evidence")).content.decode()
    linked = table_row(page, "7.5.3")
    assert process.get_absolute_url() in linked and "DP 04.01" in linked and 'data-gap="1"' not in linked
    assert 'data-gap="1"' in table_row(page, "7.5.2")  # nothing linked: a gap
    assert 'data-gap="1"' not in table_row(page, "7.5")  # covered by its sub-clause 7.5.3
    assert "See the sub-clauses" in table_row(page, "7.5")
    assert process.get_absolute_url() in table_row(page, "1.1")  # the ESG section, on the same page

    esg_only = client.get(reverse("processes:evidence") + "?framework=esg2015").content.decode()
    assert 'data-testid="evidence-esg2015"' in esg_only and 'data-testid="evidence-iso9001"' not in esg_only


def test_the_evidence_matrix_lists_only_documents_the_reader_may_open(client, people, clauses):
    clause = clauses[("iso9001", "8.2.2")]
    DocumentFactory(owner=people.owner, owner_unit=UnitFactory(), code="DP 08.02", clauses=[clause])
    client.force_login(people.staff)
    page = client.get(reverse("processes:evidence") + "?framework=iso9001").content.decode()
    row = table_row(page, "8.2.2")
    assert "DP 08.02" not in row and "1 more document that you cannot open" in row and 'data-gap="1"' not in row


def test_the_evidence_xlsx_has_a_sheet_per_framework_with_the_process_codes_in_the_clause_row(
    people, clauses, django_capture_on_commit_callbacks
):
    from openpyxl import load_workbook

    make_process(people, "MP-04", clauses=[clauses[("iso9001", "7.5.3")]])
    make_process(people, "CP-02", clauses=[clauses[("iso9001", "7.5.3")], clauses[("esg2015", "1.3")]])
    report, content = build_report(django_capture_on_commit_callbacks, "evidence_matrix", people.quality, "xlsx")
    assert report.file.name.rsplit("/", 1)[-1].startswith("evidence-matrix-")
    workbook = load_workbook(io.BytesIO(content))
    assert len(workbook.sheetnames) == 2
    iso, esg = (workbook[name] for name in workbook.sheetnames)
    assert [cell.value for cell in iso[1]] == [
        "Code", "Clause or standard", "Processes", "Documents", "Audits", "Open nonconformities", "Gap"
    ]  # fmt: skip
    assert iso["A1"].font.b and iso.freeze_panes == "A2"
    rows = {row[0]: row for row in iso.iter_rows(min_row=2, values_only=True)}
    assert "CP-02" in rows["7.5.3"][2] and "MP-04" in rows["7.5.3"][2]
    assert rows["7.5.3"][6] in (None, "") and rows["7.5.3"][4] == 0
    assert rows["7.5.2"][2] in (None, "") and rows["7.5.2"][6] == "Nothing linked"
    esg_rows = {row[0]: row for row in esg.iter_rows(min_row=2, values_only=True)}
    assert "CP-02" in esg_rows["1.3"][2] and "MP-04" not in (esg_rows["1.3"][2] or "")

    _report, content = build_report(
        django_capture_on_commit_callbacks, "evidence_matrix", people.quality, "xlsx", {"framework": "esg2015"}
    )
    assert load_workbook(io.BytesIO(content)).sheetnames == ["ESG 2015"]


def test_the_evidence_page_offers_the_matrix_as_reports_with_its_current_framework(client, people, clauses):
    client.force_login(people.quality)
    page = client.get(reverse("processes:evidence") + "?framework=esg2015").content.decode()
    for fmt in ("pdf", "xlsx"):
        form = page[page.index(f'data-testid="report-button-evidence_matrix-{fmt}"') :]
        form = form[: form.index("</form>")]
        assert f'name="format" value="{fmt}"' in form and 'name="framework" value="esg2015"' in form
    everything = client.get(reverse("processes:evidence")).content.decode()
    assert 'data-testid="report-button-evidence_matrix-xlsx"' in everything and 'name="framework"' not in everything
    client.force_login(people.staff)  # may see the page, may not request the report
    assert "report-button-evidence_matrix" not in client.get(reverse("processes:evidence")).content.decode()


# --- the card PDF ------------------------------------------------------------------------------


def pdf_text(response) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_pdf_of_a_current_card_is_laid_out_like_the_manuals_card(client, people):
    supplier = make_process(people, "MP-01", kind=Process.Kind.MANAGEMENT)
    process = make_process(people, "MP-04", name={"en": "Document control"})
    card = current_card(
        process,
        people,
        activities=[{"name": "Agree and approve documents", "executors": "Quality office"}],
        inputs=[("Strategic plan", supplier)],
    )
    services.kpi_save(
        process=process,
        name={"en": "Share of current documents"},
        unit_of_measure="%",
        direction="higher",
        target=95,
        at_risk_threshold=90,
        frequency="yearly",
    )
    client.force_login(people.staff)
    response = client.get(reverse("processes:card-pdf", args=[card.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="mp-04-card-{card.revision}.pdf"'
    text = pdf_text(response)
    for expected in (
        "MP-04 Document control",
        "Card revision",
        "Current",
        str(people.leader),
        "Purpose",
        "Keep only current documents at every workplace",
        "Process leader",
        "Process owner",
        "The whole university.",
        "Agree and approve documents",
        "Quality office",
        "Strategic plan",
        "MP-01",
        "Approved documents",
        "Evaluation criteria",
        "Internal audits and management review",
        "Share of current documents",
        "No measurement yet",
        "Uncontrolled when printed",
        "Page 1 of",
    ):
        assert expected in text, expected


def test_the_pdf_is_in_the_requested_language_when_the_card_has_it(client, people):
    process = make_process(people, "MP-05", name={"en": "Records control", "kk": "Жазбаларды басқару"})
    card = write_card(process, people, purpose="Keep the records", language="en")
    services.card_save_texts(
        card=card, language="kk", purpose="Жазбаларды сақтау", evaluation_criteria="", monitoring_methods=""
    )
    approve(card, people)
    client.force_login(people.staff)
    kazakh = pdf_text(client.get(reverse("processes:card-pdf", args=[card.pk]) + "?lang=kk"))
    assert "Жазбаларды сақтау" in kazakh and "Жазбаларды басқару" in kazakh and "Keep the records" not in kazakh
    assert "Internal audits and management review" in kazakh  # only in English: the fallback
    default = pdf_text(client.get(reverse("processes:card-pdf", args=[card.pk]) + "?lang=xx"))
    assert "Keep the records" in default


def test_a_draft_pdf_says_it_is_not_in_force(client, people):
    draft = write_card(make_process(people, "SP-01", kind=Process.Kind.SUPPORT), people)
    client.force_login(people.owner)
    response = client.get(reverse("processes:card-pdf", args=[draft.pk]))
    assert response.status_code == 200
    assert "Draft: not in force" in pdf_text(response)


# --- who gets what -----------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["processes:process-map", "processes:process-map-svg", "processes:evidence"])
def test_applicants_get_no_map_and_no_evidence(client, people, url_name):
    client.force_login(people.applicant)
    assert client.get(reverse(url_name)).status_code == 403


def test_a_staff_member_gets_the_pdf_of_a_current_card_but_not_of_someone_elses_draft(client, people):
    process = make_process(people, "CP-07")
    current = current_card(process, people)
    draft = services.card_start_draft(process=process, by=people.owner)
    assert draft.status == Card.Status.DRAFT
    client.force_login(people.staff)
    assert client.get(reverse("processes:card-pdf", args=[draft.pk])).status_code == 403
    assert client.get(reverse("processes:card-pdf", args=[current.pk])).status_code == 200
    client.force_login(people.applicant)
    assert client.get(reverse("processes:card-pdf", args=[current.pk])).status_code == 403


def test_an_unknown_card_gives_404(client, people):
    client.force_login(people.staff)
    assert client.get(reverse("processes:card-pdf", args=[999999])).status_code == 404


def test_the_evidence_matrix_counts_audits_and_open_nonconformities_the_reader_may_see(client, people, clauses):
    import datetime

    from audits import services as audits_services
    from tests.qms.factories import UserFactory

    clause = clauses[("iso9001", "9.2")]
    auditor = UserFactory(username="lead", roles=["auditor", "staff"])
    unit = UnitFactory(name="Audited")
    audits_services.audit_save(
        kind="unplanned", title="Spot check", lead_auditor=auditor, planned_start=datetime.date(2026, 5, 4),
        planned_end=datetime.date(2026, 5, 4), units=[unit], processes=[], clauses=[clause],
    )  # fmt: skip
    for title in ("First", "Second"):
        audits_services.nonconformity_register(
            title=title, description="d", unit=unit, source="complaint", reported_by=auditor, clause=clause
        )
    client.force_login(people.quality)
    row = table_row(client.get(reverse("processes:evidence") + "?framework=iso9001").content.decode(), "9.2")
    assert 'data-testid="audit-count">1<' in row and ">2</a>" in row
    client.force_login(people.staff)  # neither on the audit nor in the unit: sees no counts
    row = table_row(client.get(reverse("processes:evidence") + "?framework=iso9001").content.decode(), "9.2")
    assert 'data-testid="audit-count">—<' in row and ">2</a>" not in row
