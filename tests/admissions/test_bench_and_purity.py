"""The engine stands alone (no Django), and the benchmark command runs end to end."""

import io
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def test_the_engine_imports_nothing_from_django():
    probe = (
        "import sys; import admissions.ranking, admissions.ranking.jsonio, admissions.ranking.baseline, "
        "admissions.ranking.generate; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_bench_ranking_prints_the_engine_and_command_figures_and_agrees_with_the_baseline():
    out = io.StringIO()
    call_command("bench_ranking", applicants=400, preferences=5, seed=3, repeat=1, baseline=True, stdout=out)
    text = out.getvalue()
    assert "instance: 400 applicants" in text
    assert "engine: " in text and "s wall" in text
    assert "peak allocated while ranking" in text
    assert "rank_applicants command: " in text and "peak resident" in text
    assert "same result: yes" in text


def test_the_generator_is_reproducible_and_realistic():
    from admissions.ranking.generate import generate

    first, second = generate(2000, 10, seed=7), generate(2000, 10, seed=7)
    assert [a.preferences for a in first.applicants] == [a.preferences for a in second.applicants]
    held = sum(1 for a in first.applicants if a.held)
    assert 20 < held < 200  # some held seats
    assert {q.funding for p in first.programmes for q in p.quotas} == {"state", "paid"}
    assert {q.form for p in first.programmes for q in p.quotas} == {"full-time", "part-time"}
    scores = {(a.course_average, a.graduation_grade) for a in first.applicants}
    assert len(scores) < 1500  # coarse grades: ties happen
    assert max(len(a.preferences) for a in first.applicants) == 10
