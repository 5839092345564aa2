"""The functional matrix: which unit is responsible for, takes part in or is informed of each
process; saved all or nothing, edited by the quality office, read from a unit's page too."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from processes import services
from processes.models import MatrixEntry

from .factories import ProcessFactory

pytestmark = pytest.mark.django_db

R, P, I = MatrixEntry.Role.RESPONSIBLE, MatrixEntry.Role.PARTICIPATES, MatrixEntry.Role.INFORMED  # noqa: E741


@pytest.fixture
def second(people):
    return ProcessFactory(code="P-02", name={"en": "Research"}, leader=people.leader, owner=people.owner)


def cells_of():
    return {(e.process_id, e.unit_id): e.role for e in MatrixEntry.objects.all()}


def test_saving_the_matrix_creates_changes_and_removes_cells(process, second, units):
    root, faculty, other = units
    counts = services.matrix_save(
        cells={(process.pk, faculty.pk): R, (process.pk, other.pk): P, (second.pk, root.pk): I}
    )
    assert counts == {"created": 3, "changed": 0, "removed": 0}
    assert cells_of() == {(process.pk, faculty.pk): R, (process.pk, other.pk): P, (second.pk, root.pk): I}

    counts = services.matrix_save(
        cells={
            (process.pk, faculty.pk): R,
            (process.pk, other.pk): I,
            (second.pk, root.pk): "",
            (second.pk, other.pk): "",
        }
    )
    assert counts == {"created": 0, "changed": 1, "removed": 1}
    assert cells_of() == {(process.pk, faculty.pk): R, (process.pk, other.pk): I}


@pytest.mark.parametrize("bad", ["unit", "process", "role"])
def test_an_unknown_unit_process_or_role_is_refused_and_nothing_is_written(process, second, units, bad):
    root, faculty, other = units
    services.matrix_save(cells={(process.pk, faculty.pk): R, (second.pk, root.pk): I})
    before = cells_of()
    cells = {
        (process.pk, faculty.pk): P,  # a change
        (second.pk, root.pk): "",  # a removal
        (second.pk, other.pk): R,  # a new cell
    }
    if bad == "unit":
        cells[(process.pk, 999_999)] = R
    elif bad == "process":
        cells[(999_999, faculty.pk)] = R
    else:
        cells[(process.pk, other.pk)] = "boss"
    with pytest.raises(ValidationError, match="Unknown"):
        services.matrix_save(cells=cells)
    assert cells_of() == before


def test_the_rows_a_caller_may_change_can_be_limited(process, second, units):
    with pytest.raises(ValidationError):
        services.matrix_save(cells={(process.pk, units[1].pk): R, (second.pk, units[1].pk): R}, processes=[process])
    assert not MatrixEntry.objects.exists()


def test_the_quality_office_saves_the_matrix_page(client, process, second, units, people):
    root, faculty, other = units
    client.force_login(people.quality)
    page = client.get(reverse("processes:matrix"))
    assert page.status_code == 200 and page.context["editor"]
    assert f'name="cell-{process.pk}-{faculty.pk}"' in page.content.decode()
    response = client.post(
        reverse("processes:matrix"), {f"cell-{process.pk}-{faculty.pk}": R, f"cell-{second.pk}-{other.pk}": I}
    )
    assert response.status_code == 302
    assert cells_of() == {(process.pk, faculty.pk): R, (second.pk, other.pk): I}


def test_a_bad_matrix_post_saves_nothing_and_says_why(client, process, units, people):
    client.force_login(people.quality)
    response = client.post(
        reverse("processes:matrix"), {f"cell-{process.pk}-{units[1].pk}": R, f"cell-{process.pk}-999999": R}
    )
    assert response.status_code == 302
    assert not MatrixEntry.objects.exists()
    assert any("Unknown unit" in str(m) for m in get_messages(response.wsgi_request))
    response = client.post(reverse("processes:matrix"), {f"cell-{process.pk}-x": R})
    assert not MatrixEntry.objects.exists()


def test_staff_read_the_matrix_but_cannot_save_it(client, process, units, people):
    services.matrix_save(cells={(process.pk, units[1].pk): R})
    client.force_login(people.reader)
    page = client.get(reverse("processes:matrix"))
    assert page.status_code == 200 and not page.context["editor"]
    assert 'name="cell-' not in page.content.decode()
    assert client.post(reverse("processes:matrix"), {f"cell-{process.pk}-{units[1].pk}": I}).status_code == 403
    assert cells_of() == {(process.pk, units[1].pk): R}
    client.force_login(people.applicant)
    assert client.get(reverse("processes:matrix")).status_code == 403


def test_a_units_page_lists_its_processes_with_the_units_role(client, process, second, units, people):
    root, faculty, other = units
    services.matrix_save(cells={(process.pk, faculty.pk): R, (second.pk, faculty.pk): I, (second.pk, other.pk): P})
    client.force_login(people.reader)
    response = client.get(reverse("units:detail", args=[faculty.pk]))
    assert response.status_code == 200
    assert [(e.process, e.role) for e in response.context["processes"]] == [(process, R), (second, I)]
    page = response.content.decode()
    table = page[page.index('data-testid="unit-processes"') :]
    assert "P-01 Teaching" in table and "Responsible" in table
    assert "P-02 Research" in table and "Informed" in table
    assert "Participates" not in table


def make_processes(people, count, start=10):
    return [
        ProcessFactory(
            code=f"P-{number:03d}", name={"en": f"Process {number}"}, leader=people.leader, owner=people.owner
        )
        for number in range(start, start + count)
    ]


def test_a_large_matrix_comes_in_pages_with_a_constant_number_of_queries(client, process, units, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from processes.views.matrix import MATRIX_PAGE

    client.force_login(people.quality)
    make_processes(people, MATRIX_PAGE)
    with CaptureQueriesContext(connection) as few:
        first = client.get(reverse("processes:matrix"))
    make_processes(people, 2 * MATRIX_PAGE, start=100)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("processes:matrix"))

    assert len(first.context["rows"]) == MATRIX_PAGE
    assert first.context["page"].paginator.num_pages == 2
    assert len(many.captured_queries) == len(few.captured_queries)
    last = client.get(reverse("processes:matrix"), {"page": 4})
    assert len(last.context["rows"]) == 1  # 1 + 3 pages' worth of processes: the last page holds one


def test_saving_a_page_of_the_matrix_leaves_the_other_pages_and_comes_back_to_it(client, process, units, people):
    from processes.views.matrix import MATRIX_PAGE

    root, faculty, other = units
    client.force_login(people.quality)
    later = make_processes(people, MATRIX_PAGE)[-1]  # on page 2 (the fixture's process is on page 1)
    services.matrix_save(cells={(process.pk, faculty.pk): R})
    url = reverse("processes:matrix") + "?page=2"
    assert f'name="cell-{later.pk}-{faculty.pk}"' in client.get(url).content.decode()

    response = client.post(url, {f"cell-{later.pk}-{other.pk}": P, f"cell-{later.pk}-{faculty.pk}": ""})

    assert response.status_code == 302 and response["Location"] == url
    assert cells_of() == {(process.pk, faculty.pk): R, (later.pk, other.pk): P}
