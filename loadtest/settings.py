"""The portal's own settings for a local load test, with one change: STATIC_ROOT may point at a
throwaway folder (LOADTEST_STATIC_ROOT), so that `collectstatic` for DEBUG=0 (whitenoise's manifest
storage needs it) does not write into the checkout. Everything else is qms.settings as production
reads it from the environment; loadtest/serve.sh sets the variables for plain http."""

import os
from pathlib import Path

from qms.settings import *  # noqa: F403

if os.environ.get("LOADTEST_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["LOADTEST_STATIC_ROOT"])
