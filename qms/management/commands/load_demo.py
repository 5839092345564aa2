"""Load the demo data: a university's units and one account per role, password "demo".

Idempotent: running it again changes nothing that is already there. Each app may add its own
demo content in `<app>/demo.py` with a `load(stdout)` function; they run in INSTALLED_APPS order.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load idempotent demo data (units, one account per role with the password 'demo')."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even with DEBUG off (demo accounts have a known password)."
        )
        parser.add_argument(
            "--without",
            action="append",
            default=[],
            metavar="APP",
            help="Leave out an app's demo content (repeatable), e.g. --without admissions; qms always loads.",
        )

    def handle(self, *args, force=False, without=(), **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "refusing to load demo accounts with a known password while DEBUG is off; use --force to insist"
            )
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.label in without and config.label != "qms":
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
