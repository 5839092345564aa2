"""Realistic random instances for `bench_ranking` and the tests.

Popularity of programmes is skewed (Zipf-like), grades are coarse enough to tie often, some
applicants share a submission time, there are state and paid quotas in both forms, some paid
quotas ask for a "Good" diploma, a few applicants are professional bachelors or were state-funded
before, and some hold a seat from an earlier round.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from .model import Applicant, Coefficients, Instance, Programme, Quota

AREAS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
AREA_WEIGHTS = [4, 3, 10, 12, 30, 6, 8, 4, 3]


def _grade(rng: random.Random, mean: float, spread: float, step: int) -> Decimal:
    value = min(6.0, max(3.0, rng.gauss(mean, spread)))
    hundredths = int(round(value * 100 / step)) * step
    return Decimal(min(600, max(300, hundredths))) / 100


def generate(
    applicants: int,
    preferences: int = 10,
    seed: int = 0,
    programmes: int | None = None,
    held_share: float = 0.05,
) -> Instance:
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    n_programmes = programmes or max(1, applicants // 100)
    start = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)

    # Programmes and quotas; places follow popularity, about 80% of the applicants in all.
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(n_programmes)]
    total_popularity = sum(popularity)
    programme_list = []
    quota_keys = []
    for index in range(n_programmes):
        area = rng.choices(AREAS, AREA_WEIGHTS)[0]
        field = f"{area}.{rng.randint(1, 9)}"
        economics_bonus = rng.random() < 0.05
        seats = max(2, int(0.8 * applicants * popularity[index] / total_popularity))
        shapes = [("full-time", "state", 0.5), ("full-time", "paid", 0.3)]
        if rng.random() < 0.6:
            shapes.append(("part-time", "paid", 0.15))
        if rng.random() < 0.2:
            shapes.append(("part-time", "state", 0.05))
        code = f"P{index:05d}"
        quotas = []
        for form, funding, share in shapes:
            minimum = Decimal("3.5") if funding == "paid" and rng.random() < 0.5 else None
            places = 0 if rng.random() < 0.01 else max(1, int(seats * share))
            quotas.append(Quota(form, funding, places, minimum))
            quota_keys.append((code, form, funding))
        programme_list.append(Programme(code, f"Programme {index}", area, field, economics_bonus, quotas))
    quotas_of = {p.code: [(p.code, q.form, q.funding) for q in p.quotas] for p in programme_list}
    places_of = {(p.code, q.form, q.funding): q.places for p in programme_list for q in p.quotas}
    cumulative = []
    running = 0.0
    for weight in popularity:
        running += weight
        cumulative.append(running)
    codes = [p.code for p in programme_list]

    held_left = {key: places // 3 for key, places in places_of.items()}
    applicant_list = []
    for index in range(applicants):
        roll = rng.random()
        degree = "bachelor" if roll < 0.85 else "professional_bachelor" if roll < 0.95 else "master"
        area = rng.choices(AREAS, AREA_WEIGHTS)[0]
        ability = rng.gauss(0, 1)
        course = _grade(rng, 4.7 + 0.5 * ability, 0.3, rng.choice((1, 10, 10, 50)))
        graduation = _grade(rng, 4.8 + 0.5 * ability, 0.5, rng.choice((50, 100, 100)))
        wanted = rng.randint(1, preferences)
        chosen: list[tuple[str, str, str]] = []
        seen_programmes = set()
        for code in rng.choices(codes, cum_weights=cumulative, k=wanted * 2):
            if len(chosen) >= wanted:
                break
            if code in seen_programmes:
                continue
            seen_programmes.add(code)
            options = quotas_of[code][:]
            rng.shuffle(options)
            for key in options[: rng.choice((1, 1, 2))]:
                if len(chosen) < wanted:
                    chosen.append(key)
        field = (
            programme_list[codes.index(chosen[0][0])].professional_field
            if degree == "professional_bachelor" and rng.random() < 0.7 and n_programmes < 5000
            else f"{area}.{rng.randint(1, 9)}"
        )
        if degree == "professional_bachelor" and n_programmes >= 5000 and rng.random() < 0.7:
            field = next(p.professional_field for p in programme_list if p.code == chosen[0][0])
        held = None
        if rng.random() < held_share:
            key = rng.choice(chosen) if rng.random() < 0.8 else rng.choice(quota_keys)
            if held_left.get(key, 0) > 0:
                held_left[key] -= 1
                held = key
        applicant_list.append(
            Applicant(
                id=f"A{index:07d}",
                degree=degree,
                own_university=rng.random() < 0.3,
                area=area,
                professional_field=field,
                course_average=course,
                graduation_grade=graduation,
                state_funded_before=degree == "master" or rng.random() < 0.02,
                submitted_at=start + timedelta(minutes=rng.randint(0, 30 * 24 * 60 // 10) * 10),
                preferences=chosen,
                held=held,
            )
        )
    rng.shuffle(applicant_list)
    return Instance(
        programmes=programme_list,
        applicants=applicant_list,
        coefficients=Coefficients(),
        campaign=f"generated: {applicants} applicants, up to {preferences} preferences, seed {seed}",
    )
