"""Applicant-proposing deferred acceptance with exact scores (RANKING.md, "Assignment").

How it stays exact and fast:
- Grades are integer hundredths and coefficients integers over a common power of ten, so a score
  is an exact integer (Decimal appears only in the result).
- An applicant's score differs between programmes only through the economics bonus, so each
  applicant has one or two scores. One integer sort of those (score, graduation grade, course
  average, then earlier submission and smaller id) gives every applicant a strict merit rank per
  variant; a quota compares applicants by that rank alone, and a held seat ranks above everyone
  at its quota.
- Deferred acceptance keeps, per quota, a heap of the admitted applicants' ranks. Applicants
  propose in merit order, best first, so a proposal rarely displaces anyone: the result does not
  depend on the order of proposals, and this order makes it nearly a single pass.
"""

from __future__ import annotations

import gc
import math
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from heapq import heappush, heapreplace

from .model import (
    Assignment,
    Coefficients,
    Ineligible,
    Instance,
    PreferenceOutcome,
    QuotaResult,
    Result,
)

GRADE_SPAN = 601  # grades in hundredths lie in 0..600
THOUSANDTH = Decimal("0.001")


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _integer_coefficients(coefficients: Coefficients):
    values = (coefficients.own_university, coefficients.related, coefficients.other)
    places = max(_decimals(Decimal(v)) for v in values)
    scale = 10**places
    own, related, other = (int(Decimal(v) * scale) for v in values)
    return places, scale, own, related, other


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector. Ranking, and parsing a national INPUT.json, make
    millions of small objects and no cycles; the collector's repeated passes over them would
    double the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rank(instance: Instance) -> Result:
    """Rank a valid instance (as `jsonio.parse` checks it): who is admitted where, and why not
    elsewhere."""
    with gc_paused():
        return _rank(instance)


def _rank(instance: Instance) -> Result:
    coefficients = instance.coefficients
    applicants = instance.applicants
    n = len(applicants)

    # Quotas, flattened in input order.
    quota_keys: list[tuple[str, str, str]] = []
    places: list[int] = []
    paid: list[bool] = []
    economics: list[bool] = []
    field_of: list[str] = []
    min_sum: list[int | None] = []  # minimum of course_average + graduation_grade, in hundredths
    index_of: dict[tuple[str, str, str], int] = {}
    for programme in instance.programmes:
        for quota in programme.quotas:
            key = (programme.code, quota.form, quota.funding)
            index_of[key] = len(quota_keys)
            quota_keys.append(key)
            places.append(quota.places)
            paid.append(quota.funding == "paid")
            economics.append(bool(programme.economics_bonus))
            field_of.append(programme.professional_field)
            grade = quota.min_diploma_grade
            min_sum.append(None if grade is None else math.ceil(Decimal(grade) * 200))
    nq = len(quota_keys)

    # Scores as integers in units of 10^-(2 + places).
    places_dec, scale, c_own, c_related, c_other = _integer_coefficients(coefficients)
    related_areas = coefficients.related_areas
    economics_field = coefficients.economics_field
    course = [0] * n
    graduation = [0] * n
    base_score = [0] * n
    bonus_score = [-1] * n  # the economics-bonus score, -1 when it is the same as the base one
    for i, a in enumerate(applicants):
        ca = int(a.course_average * 100)
        gg = int(a.graduation_grade * 100)
        course[i] = ca
        graduation[i] = gg
        if a.own_university:
            coefficient = c_own
        elif a.area in related_areas:
            coefficient = c_related
        else:
            coefficient = c_other
            if a.professional_field == economics_field and c_related != c_other:
                bonus_score[i] = ca * c_related + gg * scale
        base_score[i] = ca * coefficient + gg * scale

    # One strict merit order over every (applicant, score variant).
    ids = [a.id for a in applicants]
    by_submission = sorted(range(n), key=ids.__getitem__)
    by_submission.sort(key=[a.submitted_at for a in applicants].__getitem__)  # stable: then by id
    entry_key: list[int] = []
    entry_owner: list[int] = []
    entry_bonus: list[bool] = []
    span = GRADE_SPAN * GRADE_SPAN * n
    for t, i in enumerate(by_submission):
        merit = (graduation[i] * GRADE_SPAN + course[i]) * n + (n - 1 - t)  # earlier, then smaller id: higher
        entry_key.append(base_score[i] * span + merit)
        entry_owner.append(i)
        entry_bonus.append(False)
        if bonus_score[i] >= 0:
            entry_key.append(bonus_score[i] * span + merit)
            entry_owner.append(i)
            entry_bonus.append(True)
    entries = len(entry_key)
    order = sorted(range(entries), key=entry_key.__getitem__, reverse=True)
    owner = [entry_owner[e] for e in order]  # owner[r]: the applicant at merit rank r
    rank_base = [0] * n
    rank_bonus = [0] * n
    for r, e in enumerate(order):
        i = entry_owner[e]
        if entry_bonus[e]:
            rank_bonus[i] = r
        else:
            rank_base[i] = r
            if bonus_score[i] < 0:
                rank_bonus[i] = r
    del entry_key, entry_owner, entry_bonus, order
    held_offset = entries  # a held seat's priority is its rank minus this: above every other

    # Effective preference lists: the eligible quotas above a held seat, then the held seat.
    choice_quota: list[list[int]] = [None] * n  # type: ignore[list-item]
    held_quota = [-1] * n
    ineligible: list[tuple[int, int, str]] = []
    any_minimum = max((m for m in min_sum if m is not None), default=None)
    resolve = index_of.__getitem__
    for i, a in enumerate(applicants):
        quotas = list(map(resolve, a.preferences))
        held = a.held
        if held is not None:
            hq = index_of[held]
            held_quota[i] = hq
            if hq in quotas:
                del quotas[quotas.index(hq) :]
        professional = a.degree == "professional_bachelor"
        funded = a.state_funded_before
        diploma_sum = course[i] + graduation[i]
        if professional or funded or (any_minimum is not None and diploma_sum < any_minimum):
            own_field = a.professional_field
            eligible = []
            for q in quotas:
                if professional and field_of[q] != own_field:
                    ineligible.append((i, q, "professional_field"))
                elif funded and not paid[q]:
                    ineligible.append((i, q, "state_funded_before"))
                elif min_sum[q] is not None and diploma_sum < min_sum[q]:
                    ineligible.append((i, q, "min_diploma_grade"))
                else:
                    eligible.append(q)
            quotas = eligible
        if held is not None:
            quotas.append(held_quota[i])
        choice_quota[i] = quotas

    # Deferred acceptance. A heap holds the negated priorities of the admitted: its top is the
    # worst admitted, the one a better proposal displaces.
    heaps: list[list[int]] = [[] for _ in range(nq)]
    next_choice = [0] * n
    placed = [-1] * n
    for start in sorted(range(n), key=rank_base.__getitem__):
        a = start
        while a >= 0:
            quotas = choice_quota[a]
            j = next_choice[a]
            count = len(quotas)
            displaced = -1
            rb, rbonus, hq = rank_base[a], rank_bonus[a], held_quota[a]
            while j < count:
                q = quotas[j]
                j += 1
                p = rbonus if economics[q] else rb
                if q == hq:
                    p -= held_offset
                heap = heaps[q]
                if len(heap) < places[q]:
                    heappush(heap, -p)
                    placed[a] = q
                    break
                if heap and -heap[0] > p:
                    worst = -heapreplace(heap, -p)
                    placed[a] = q
                    displaced = owner[worst + held_offset if worst < 0 else worst]
                    placed[displaced] = -1
                    break
            next_choice[a] = j
            a = displaced

    # Scores as Decimals, three decimals.
    exponent = -(2 + places_dec)

    decimals: dict[int, Decimal] = {}

    def as_decimal(units: int) -> Decimal:
        value = decimals.get(units)
        if value is None:
            value = Decimal(units).scaleb(exponent)
            if exponent != -3:
                value = value.quantize(THOUSANDTH, rounding=ROUND_HALF_UP)
            decimals[units] = value
        return value

    def score_at(i: int, q: int) -> int:
        return bonus_score[i] if economics[q] and bonus_score[i] >= 0 else base_score[i]

    quota_results = []
    last_score: list[Decimal | None] = [None] * nq
    for q, key in enumerate(quota_keys):
        heap = heaps[q]
        if heap:
            worst = -heap[0]
            last_score[q] = as_decimal(score_at(owner[worst + held_offset if worst < 0 else worst], q))
        quota_results.append(QuotaResult(key[0], key[1], key[2], places[q], len(heap), last_score[q]))

    assignments = []
    unassigned = []
    for i, a in enumerate(applicants):
        q = placed[i]
        if q < 0:
            unassigned.append(a.id)
            continue
        key = quota_keys[q]
        position = _position(a.preferences, key)
        assignments.append(Assignment(a.id, key[0], key[1], key[2], as_decimal(score_at(i, q)), position))
    assignments.sort(key=lambda x: x.applicant)
    unassigned.sort()

    ineligible_rows = [Ineligible(applicants[i].id, *quota_keys[q], reason) for i, q, reason in ineligible]
    ineligible_rows.sort(key=lambda x: (x.applicant, x.programme, x.form, x.funding))

    reasons = {(i, q): reason for i, q, reason in ineligible}
    position_of: dict[str, int] = {}

    def explain(applicant_id: str) -> list[PreferenceOutcome]:
        if not position_of:
            position_of.update((a.id, i) for i, a in enumerate(applicants))
        i = position_of[applicant_id]
        a = applicants[i]
        hq = held_quota[i]
        listed = list(a.preferences)
        if hq >= 0 and quota_keys[hq] not in listed:
            listed.append(quota_keys[hq])
        outcomes = []
        passed_placement = False
        passed_held = False
        for position, key in enumerate(listed, start=1):
            q = index_of[key]
            score = as_decimal(score_at(i, q))
            common = {"position": position, "programme": key[0], "form": key[1], "funding": key[2], "score": score}
            if passed_held:
                outcomes.append(PreferenceOutcome(**common, status="below_held"))
            elif (i, q) in reasons:
                outcomes.append(PreferenceOutcome(**common, status="ineligible", reason=reasons[(i, q)]))
            elif q == placed[i] and not passed_placement:
                outcomes.append(PreferenceOutcome(**common, status="admitted", held=q == hq))
                passed_placement = True
            elif passed_placement:
                outcomes.append(PreferenceOutcome(**common, status="not_needed", held=q == hq))
            else:
                last = last_score[q]
                outcomes.append(
                    PreferenceOutcome(**common, status="not_admitted", last_score=last, tie_break=last == score)
                )
            if q == hq:
                passed_held = True
        return outcomes

    return Result(assignments, unassigned, quota_results, ineligible_rows, _explain=explain)


def _position(preferences, key) -> int:
    try:
        return preferences.index(key) + 1
    except ValueError:
        return len(preferences) + 1  # a held seat that is not in the list
