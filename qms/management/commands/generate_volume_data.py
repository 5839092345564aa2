"""python manage.py generate_volume_data --scale N [--seed S] [--clear] [--password P]"""

import math
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from qms import volume


class Command(BaseCommand):
    help = (
        "Generate realistic volume data for load tests: at --scale 1, 50 units, 2,000 staff, 500 documents "
        "x 3 versions with acknowledgements, 300 processes x 5 KPIs x 24 measurements, 200 audits x 30 "
        "checklist answers, 10,000 nonconformities x 2 actions, 20,000 applications x 5 preferences; every "
        "total scales linearly (at least 1). Rows are written with bulk_create: no history rows and no "
        "signals for them (the units, the rounds' ranking and publishing go through the services). Names "
        "and codes start with 'vol-'/'VOL-', so it runs beside the demo; --clear deletes only those. "
        "Staff accounts get --password (hashed once), else an unusable one; applicants always unusable."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="multiplies every total (default 1)")
        parser.add_argument("--seed", type=int, default=1, help="random seed, 0 to 999 (default 1)")
        parser.add_argument("--clear", action="store_true", help="first delete what an earlier run generated")
        parser.add_argument("--password", default=None, help="password of the generated staff accounts")

    def handle(self, *args, scale, seed, clear, password, **options):
        if not math.isfinite(scale) or scale <= 0:
            raise CommandError(f"--scale must be a positive number, not {scale:g}")
        if scale > 100:
            raise CommandError(f"--scale must be at most 100, not {scale:g}")
        if not 0 <= seed <= 999:
            raise CommandError(f"--seed must be between 0 and 999, not {seed}")
        out = self.stdout.write
        # No query log in memory while hundreds of thousands of rows go in.
        with override_settings(DEBUG=False):
            if clear:
                started = time.perf_counter()
                deleted = volume.clear()
                out(
                    f"cleared in {time.perf_counter() - started:.1f} s: "
                    + ", ".join(f"{count:,} {name}" for name, count in deleted.items())
                )
            if volume.User.objects.filter(username__startswith=volume.PREFIX).exists():
                raise CommandError("generated data exists already: run with --clear to replace it")
            out(f"generating volume data at scale {scale:g}, seed {seed}, on {connection.vendor}:")
            try:
                counts = volume.generate(scale=scale, seed=seed, password=password, out=out)
            except RuntimeError as exc:
                raise CommandError(str(exc)) from exc
        out("created: " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
