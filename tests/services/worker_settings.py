"""Settings of the workers that the tests in tests/services start and kill: the test settings,
with a slow report kind and a short heartbeat so that a dead worker is noticed fast, and, when
QMS_TEST_MAIL_DIR is set, a slow e-mail backend writing into that folder (tests/services/slowmail)."""

import os

from qms.settings_test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.services.slowreports"]  # noqa: F405
REPORT_HEARTBEAT_SECONDS = 1
REPORT_STALE_SECONDS = 4
if os.environ.get("QMS_TEST_MAIL_DIR"):
    EMAIL_BACKEND = "tests.services.slowmail.SlowFileBackend"
