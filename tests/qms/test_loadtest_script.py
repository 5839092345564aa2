"""loadtest/run.py signs in, finds each role's pages and measures them: a short run against the
live server with the demo accounts (a few seconds of load, the whole test well under 20 s)."""

import importlib.util
import io
import sys
import time
from pathlib import Path

import pytest

RUN_PY = Path(__file__).resolve().parents[2] / "loadtest" / "run.py"


@pytest.fixture(scope="module")
def loadtest():
    spec = importlib.util.spec_from_file_location("loadtest_run", RUN_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture
def demo_accounts(transactional_db):
    from qms import demo

    demo.load(io.StringIO())


def test_patterns_and_page_filter(loadtest):
    assert loadtest.pattern_of("/documents/12/") == "/documents/<id>/"
    assert loadtest.pattern_of("/admissions/review/0b6f3c1e-2f5a-4d4e-9a39-0a1b2c3d4e5f/") == "/admissions/review/<id>/"
    assert loadtest.is_page("/audits/nonconformities/3/")
    assert loadtest.is_page("/admissions/review/0b6f3c1e-2f5a-4d4e-9a39-0a1b2c3d4e5f/")
    for path in (
        "/documents/new/",
        "/documents/3/review/",
        "/audits/2/report.pdf",
        "/admin/qms/user/",
        "/accounts/logout/",
    ):
        assert not loadtest.is_page(path), path
    assert loadtest.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert loadtest.percentile([float(n) for n in range(1, 101)], 0.95) == 95.0


def test_a_short_run_finds_the_pages_and_measures_them_without_errors(loadtest, live_server, demo_accounts):
    started = time.monotonic()
    client = loadtest.Client(live_server.url)
    client.sign_in("quality")
    pages = loadtest.discover_pages(client)
    assert pages[0] == "/" and "/dashboard/" in pages and "/documents/" in pages
    assert not any(path.startswith(("/accounts/", "/inbox/")) for path in pages)

    result = loadtest.run_load(live_server.url, ["quality", "staff"], clients=2, duration=3, warmup=0.5)
    assert not result.failures
    assert set(result.pages) == {"quality", "staff"} and all(result.pages.values())
    rows = result.rows
    assert rows, "no request was measured"
    assert sum(row.errors for row in rows) == 0, result.error_samples
    assert {"/", "/documents/"} <= {row.page for row in rows}
    assert all(row.requests > 0 and 0 < row.p50 <= row.p95 <= row.max for row in rows)
    table = loadtest.format_table(rows, result.seconds)
    assert "p95 ms" in table and "requests/s" in table and "/documents/" in table
    assert time.monotonic() - started < 20
