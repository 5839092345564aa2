"""A straightforward heap-based deferred acceptance, written plainly from RANKING.md.

It is the yardstick of `bench_ranking` and a second opinion in the tests: it shares nothing with
`engine` but the data classes, computes scores in Decimal, compares tuple keys, and lets
applicants propose in input order.
"""

from __future__ import annotations

import heapq
from decimal import Decimal

from .model import Instance


class _Worst:
    """Heap entry ordered so that the heap's top is the worst admitted applicant."""

    __slots__ = ("key", "applicant")

    def __init__(self, key, applicant):
        self.key = key
        self.applicant = applicant

    def __lt__(self, other):
        return self.key > other.key


def _coefficient(applicant, programme, c) -> Decimal:
    if applicant.own_university:
        return Decimal(c.own_university)
    if applicant.area in c.related_areas:
        return Decimal(c.related)
    if applicant.professional_field == c.economics_field and programme.economics_bonus:
        return Decimal(c.related)
    return Decimal(c.other)


def rank_baseline(instance: Instance) -> dict:
    """OUTPUT.json data for `instance`, the slow and obvious way."""
    c = instance.coefficients
    programmes = {p.code: p for p in instance.programmes}
    quotas = {}
    for p in instance.programmes:
        for q in p.quotas:
            quotas[(p.code, q.form, q.funding)] = q
    ineligible = []
    lists = {}
    score = {}
    for a in instance.applicants:
        effective = []
        for key in a.preferences:
            if a.held == key:
                break
            programme, quota = programmes[key[0]], quotas[key]
            reason = None
            if a.degree == "professional_bachelor" and programme.professional_field != a.professional_field:
                reason = "professional_field"
            elif a.state_funded_before and quota.funding != "paid":
                reason = "state_funded_before"
            elif quota.min_diploma_grade is not None and (a.course_average + a.graduation_grade) / 2 < Decimal(
                quota.min_diploma_grade
            ):
                reason = "min_diploma_grade"
            if reason:
                ineligible.append((a.id, *key, reason))
            else:
                effective.append(key)
        if a.held is not None:
            effective.append(a.held)
        lists[a.id] = effective
        for key in set(a.preferences) | ({a.held} if a.held else set()):
            score[(a.id, key)] = a.course_average * _coefficient(a, programmes[key[0]], c) + a.graduation_grade

    by_id = {a.id: a for a in instance.applicants}

    def key_at(applicant_id, quota_key):
        a = by_id[applicant_id]
        held = 0 if a.held == quota_key else 1
        return (held, -score[(applicant_id, quota_key)], -a.graduation_grade, -a.course_average, a.submitted_at, a.id)

    admitted = {key: [] for key in quotas}
    next_choice = dict.fromkeys(lists, 0)
    placed = {}
    free = [a.id for a in instance.applicants]
    while free:
        applicant_id = free.pop()
        choices = lists[applicant_id]
        while next_choice[applicant_id] < len(choices):
            key = choices[next_choice[applicant_id]]
            next_choice[applicant_id] += 1
            heap = admitted[key]
            entry = _Worst(key_at(applicant_id, key), applicant_id)
            if len(heap) < quotas[key].places:
                heapq.heappush(heap, entry)
                placed[applicant_id] = key
                break
            if heap and heap[0].key > entry.key:
                loser = heapq.heapreplace(heap, entry).applicant
                del placed[loser]
                placed[applicant_id] = key
                free.append(loser)
                break

    def fmt(value):
        return f"{value.quantize(Decimal('0.001')):.3f}"

    def position(a, key):
        return a.preferences.index(key) + 1 if key in a.preferences else len(a.preferences) + 1

    quota_rows = []
    for key, quota in quotas.items():
        heap = admitted[key]
        last = fmt(score[(heap[0].applicant, key)]) if heap else None
        quota_rows.append(
            {
                "programme": key[0],
                "form": key[1],
                "funding": key[2],
                "places": quota.places,
                "admitted": len(heap),
                "last_score": last,
            }
        )
    return {
        "assignments": [
            {
                "applicant": i,
                "programme": k[0],
                "form": k[1],
                "funding": k[2],
                "score": fmt(score[(i, k)]),
                "preference": position(by_id[i], k),
            }
            for i, k in sorted(placed.items())
        ],
        "unassigned": sorted(set(lists) - set(placed)),
        "quotas": quota_rows,
        "ineligible": [
            {"applicant": r[0], "programme": r[1], "form": r[2], "funding": r[3], "reason": r[4]}
            for r in sorted(ineligible)
        ],
    }
