"""Keep locale_vendor/ complete: the third-party messages the packages leave untranslated."""

from django.core.management.base import BaseCommand, CommandError

from qms import catalogues


class Command(BaseCommand):
    help = (
        "List the messages of Django and the third-party apps that no catalogue translates into "
        "the portal's languages; --write adds them to locale_vendor/ for translation; --check "
        "exits non-zero when any is left."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--write", action="store_true", help="add the missing messages to locale_vendor/")
        mode.add_argument("--check", action="store_true", help="exit 1 when a message is untranslated")

    def handle(self, *args, write=False, check=False, **options):
        total = 0
        for language in catalogues.languages():
            for domain in ("django", "djangojs"):
                if write:
                    catalogues.update_vendor_catalogue(language, domain)
                gaps = catalogues.missing(language, domain)
                total += len(gaps)
                self.stdout.write(f"{language} {domain}: {len(gaps)} untranslated")
                if options["verbosity"] > 1:
                    for (context, msgid, _plural), (_entry, names) in sorted(gaps.items()):
                        label = f"{context}|{msgid}" if context else msgid
                        self.stdout.write(f"  {', '.join(names)}: {label!r}")
        if check and total:
            raise CommandError(f"{total} third-party messages are untranslated; see locale_vendor/")
