"""Settings of the worker that tests/services/test_report_worker.py starts and kills: the test
settings, with a slow report kind and a short heartbeat so that a dead worker is noticed fast."""

from qms.settings_test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.services.slowreports"]  # noqa: F405
REPORT_HEARTBEAT_SECONDS = 1
REPORT_STALE_SECONDS = 4
