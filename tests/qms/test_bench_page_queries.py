"""`manage.py bench_page_queries` reads each account's pages at two volumes and compares their
query counts: a page whose queries grow with the data is named and the command fails."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audits import selectors
from audits.models import Nonconformity
from tests.admissions.factories import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    from qms import demo

    demo.load(io.StringIO())


def rows(output: str) -> dict[str, str]:
    """{page: its row} of the rector's table."""
    return {line.split()[1]: line for line in output.splitlines() if line.startswith("rector ")}


def test_a_page_whose_queries_grow_with_the_data_is_named_and_the_others_are_not(demo, monkeypatch):
    register = selectors.nonconformity_register

    def one_query_per_nonconformity(user, **filters):  # an N+1 put in on purpose
        ncs = register(user, **filters)
        for nc in ncs:
            Nonconformity.objects.filter(pk=nc.pk).exists()
        return ncs

    monkeypatch.setattr(selectors, "nonconformity_register", one_query_per_nonconformity)
    CampaignFactory()  # as in the full demo: the rectorate's Admissions link leads to its statistics
    out = io.StringIO()
    with pytest.raises(CommandError, match="^1 pages change their query count with the data, 0 did not answer 200$"):
        call_command("bench_page_queries", "--scales", "0.02", "0.04", "--roles", "rector", "--limit", "14", stdout=out)
    table = rows(out.getvalue())
    assert table["/audits/nonconformities/"].endswith("NO")
    assert "/dashboard/" in table and len(table) >= 8
    same = [page for page, row in table.items() if row.endswith("yes")]
    assert len(same) == len(table) - 1
    assert "scale 0.02: volume data generated" in out.getvalue()
    assert "scale 0.04: volume data generated" in out.getvalue()


def test_one_scale_is_refused():
    with pytest.raises(CommandError, match="at least two"):
        call_command("bench_page_queries", "--scales", "1", stdout=io.StringIO())
