"""python manage.py rank_applicants INPUT.json OUTPUT.json (shared/admissions/RANKING.md).

Invalid input: exit status 2, one line on standard error naming the applicant or programme and
the problem, and no OUTPUT file (an existing one is left untouched: the result is written to a
temporary file beside it and moved into place only when complete).
"""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from admissions.ranking import RankingInputError, rank
from admissions.ranking.engine import gc_paused
from admissions.ranking.jsonio import dumps, loads

INVALID_INPUT = 2


class Command(BaseCommand):
    help = "Rank master's applicants: read INPUT.json, write OUTPUT.json (see RANKING.md)."

    def add_arguments(self, parser):
        parser.add_argument("input", help="INPUT.json")
        parser.add_argument("output", help="OUTPUT.json")

    def handle(self, *args, input, output, **options):
        source, target = Path(input), Path(output)
        try:
            text = source.read_bytes()
        except OSError as exc:
            raise CommandError(f"{source}: cannot be read ({exc.strerror})", returncode=INVALID_INPUT) from None
        with gc_paused():
            try:
                instance = loads(text)
            except RankingInputError as exc:
                raise CommandError(str(exc), returncode=INVALID_INPUT) from None
            result = rank(instance)
            write_atomically(target, dumps(result))


def write_atomically(target: Path, text: str) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CommandError(f"{target}: cannot be written ({exc.strerror})", returncode=INVALID_INPUT) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
