"""Compile the .po catalogues under locale/ to .mo files.

Uses Django's compilemessages (GNU gettext's msgfmt) when msgfmt is installed; on a machine
without gettext it compiles with polib, so `make run` needs nothing beyond Python.
"""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile translations (msgfmt when available, else polib)."

    def handle(self, *args, **options):
        catalogues = [path for folder in settings.LOCALE_PATHS for path in Path(folder).glob("*/LC_MESSAGES/*.po")]
        if not catalogues:
            self.stdout.write("No translation catalogues to compile.")
            return
        if shutil.which("msgfmt"):
            call_command("compilemessages", locale=[], ignore_patterns=[".venv", "node_modules"], verbosity=0)
        else:
            for po_path in catalogues:
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        self.stdout.write(f"Compiled {len(catalogues)} translation catalogue(s).")
