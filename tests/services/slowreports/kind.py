"""A report kind for the worker tests: it takes a while (so that a test can kill the worker in the
middle of it) and fails on demand. Registered in the worker by `tests.services.worker_settings`
and in the test process by the tests that use it."""

import time
from pathlib import Path

from django import forms

from qms.reporting import ReportError, ReportParamsForm, ReportType
from qms.roles import Role

KIND = "test_slow_report"


def build(params, fmt, progress):
    if params.get("fail_while") and Path(params["fail_while"]).exists():
        raise ReportError(f"the flag {Path(params['fail_while']).name} is set")
    steps = int(params.get("steps", 10))
    for step in range(steps):
        time.sleep(0.3)
        progress(step + 1, steps)
    return "slow.pdf", b"%PDF-1.4 slow report " + str(steps).encode()


class SlowReportForm(ReportParamsForm):
    steps = forms.IntegerField(required=False, min_value=1, max_value=100)
    fail_while = forms.CharField(required=False)


REPORT_TYPE = ReportType(
    kind=KIND,
    label="Slow report",
    description="For the worker tests.",
    build=build,
    readers=(Role.QUALITY_OFFICER,),
    form_class=SlowReportForm,
)
