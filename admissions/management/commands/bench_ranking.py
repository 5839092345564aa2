"""python manage.py bench_ranking --applicants N --preferences K --seed S

Generates a realistic instance (skewed popularity, ties, state and paid quotas in both forms,
eligibility rules at work, some held seats), ranks it, and prints the wall time and peak memory
of the engine and of the whole `rank_applicants` command on the same data as a file. With
--baseline it also times a straightforward heap-based deferred acceptance and checks that both
give the same result.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from admissions.ranking import rank
from admissions.ranking.baseline import rank_baseline
from admissions.ranking.generate import generate
from admissions.ranking.jsonio import instance_to_data, result_to_data


def megabytes(count: int) -> str:
    return f"{count / 1024 / 1024:,.0f} MB"


class Command(BaseCommand):
    help = "Benchmark the ranking engine and the rank_applicants command on a generated instance."

    def add_arguments(self, parser):
        parser.add_argument("--applicants", type=int, default=100_000)
        parser.add_argument("--preferences", type=int, default=10, help="at most this many per applicant")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--programmes", type=int, default=None, help="default: one per 100 applicants")
        parser.add_argument("--repeat", type=int, default=3, help="engine runs; the best is reported")
        parser.add_argument("--baseline", action="store_true", help="also time the plain heap-based version")
        parser.add_argument("--no-command", action="store_true", help="skip timing rank_applicants on a file")
        parser.add_argument("--no-memory", action="store_true", help="skip the traced run of the engine")

    def handle(self, *args, **o):
        if o["applicants"] < 1 or o["preferences"] < 1 or o["repeat"] < 1:
            raise CommandError("--applicants, --preferences and --repeat must be at least 1")
        out = self.stdout.write
        started = time.perf_counter()
        instance = generate(o["applicants"], o["preferences"], o["seed"], programmes=o["programmes"])
        generated = time.perf_counter() - started
        quotas = sum(len(p.quotas) for p in instance.programmes)
        preferences = sum(len(a.preferences) for a in instance.applicants)
        held = sum(1 for a in instance.applicants if a.held)
        places = sum(q.places for p in instance.programmes for q in p.quotas)
        out(
            f"instance: {len(instance.applicants):,} applicants, {preferences:,} preferences, "
            f"{len(instance.programmes):,} programmes, {quotas:,} quotas, {places:,} places, {held:,} held seats "
            f"(seed {o['seed']}, generated in {generated:.1f} s)"
        )

        times = []
        for _ in range(o["repeat"]):
            started = time.perf_counter()
            result = rank(instance)
            times.append(time.perf_counter() - started)
        out(
            f"engine: {min(times):.2f} s wall (best of {len(times)}: {', '.join(f'{t:.2f}' for t in times)}); "
            f"{len(result.assignments):,} admitted, {len(result.unassigned):,} unassigned, "
            f"{len(result.ineligible):,} ineligible preferences"
        )
        if not o["no_memory"]:
            tracemalloc.start()
            rank(instance)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            out(f"engine: {megabytes(peak)} peak allocated while ranking (tracemalloc, a separate run)")

        if not o["no_command"]:
            self.time_command(instance, out)

        if o["baseline"]:
            started = time.perf_counter()
            expected = rank_baseline(instance)
            elapsed = time.perf_counter() - started
            same = expected == result_to_data(result)
            out(
                f"baseline heap-based deferred acceptance: {elapsed:.2f} s wall; same result: {'yes' if same else 'NO'}"
            )
            if not same:
                raise CommandError("the engine and the baseline disagree")

    def time_command(self, instance, out):
        with tempfile.TemporaryDirectory(prefix="bench-ranking-") as folder:
            source, target = Path(folder) / "input.json", Path(folder) / "output.json"
            source.write_text(json.dumps(instance_to_data(instance)))
            command = [sys.executable, "manage.py", "rank_applicants", str(source), str(target)]
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=os.environ.copy())  # noqa: S603 -- our own command
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
            if os.waitstatus_to_exitcode(status) != 0:
                raise CommandError(f"rank_applicants failed with status {os.waitstatus_to_exitcode(status)}")
            out(
                f"rank_applicants command: {elapsed:.2f} s wall, {megabytes(usage.ru_maxrss * 1024)} peak resident "
                f"(input {megabytes(source.stat().st_size)}, output {megabytes(target.stat().st_size)})"
            )
