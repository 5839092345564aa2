"""Property-based tests of the ranking engine against the rules of RANKING.md.

Small random instances (coarse grades and few submission times, so that ties are frequent) are
ranked by `rank`, and the result is checked with helpers written here from RANKING.md alone:
the score, eligibility, the order of merit at a quota and each applicant's effective list.
"""

import copy
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from admissions.ranking import rank
from admissions.ranking.baseline import rank_baseline
from admissions.ranking.jsonio import result_to_data
from admissions.ranking.model import Applicant, Coefficients, Instance, Programme, Quota

FORMS = ("full-time", "part-time")
FUNDINGS = ("state", "paid")
QUOTA_SHAPES = [(form, funding) for form in FORMS for funding in FUNDINGS]
DEGREES = ("bachelor", "professional_bachelor", "master")
AREAS = ("1", "3", "4", "5")
FIELDS = ("3.8", "5.1", "5.2")
# Coarse, so that scores tie often; 3.99 and 4.99 put diploma grades just below a minimum.
GRADES = tuple(Decimal(g) for g in ("3.00", "3.50", "3.99", "4.00", "4.25", "4.99", "5.00", "5.50", "6.00"))
MIN_GRADES = (None, Decimal("3.50"), Decimal("4.00"), Decimal("4.50"))
# 09:00 UTC and 12:00 at UTC+3 are the same instant: a tie written two ways.
TIMES = (
    datetime(2026, 7, 1, 9, 0, tzinfo=UTC),
    datetime(2026, 7, 1, 12, 0, tzinfo=timezone(timedelta(hours=3))),
    datetime(2026, 7, 1, 9, 30, tzinfo=UTC),
    datetime(2026, 7, 2, 8, 0, tzinfo=UTC),
)
ID_POOL = tuple(f"A{i}" for i in range(7))
THOUSANDTH = Decimal("0.001")

CHEAP = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEDIUM = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BRUTE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- Strategy ---------------------------------------------------------------------------------


@st.composite
def coefficients(draw):
    if draw(st.integers(0, 3)) != 0:
        return Coefficients()
    return Coefficients(
        own_university=draw(st.sampled_from([Decimal("1.0"), Decimal("1.5"), Decimal("2.0")])),
        related=draw(st.sampled_from([Decimal("1.0"), Decimal("1.1"), Decimal("1.2"), Decimal("1.3")])),
        related_areas=draw(st.sampled_from([frozenset({"4", "5"}), frozenset({"4"}), frozenset({"1", "3"})])),
        economics_field=draw(st.sampled_from(["3.8", "5.1"])),
        other=draw(st.sampled_from([Decimal("0.9"), Decimal("1.0"), Decimal("1.1")])),
    )


@st.composite
def instances(
    draw,
    *,
    max_applicants=7,
    max_programmes=3,
    max_quotas=9,
    held_seats=True,
    restrictions=True,
    common_score=False,
):
    """A small valid Instance.

    `restrictions=False`: every applicant a bachelor never state-funded before, no minimum
    grades. `common_score=True`: one score per applicant for all programmes (no economics bonus
    anywhere, or every applicant from this university).
    """
    no_bonus = all_own = False
    if common_score:
        no_bonus = draw(st.booleans())
        all_own = not no_bonus

    n_programmes = draw(st.integers(1, min(max_programmes, max_quotas)))
    programmes = []
    keys = []
    used = 0
    for p in range(n_programmes):
        room = max_quotas - used - (n_programmes - p - 1)
        shapes = draw(st.lists(st.sampled_from(QUOTA_SHAPES), min_size=1, max_size=min(3, room), unique=True))
        used += len(shapes)
        code = f"P{p}"
        quotas = [
            Quota(
                form,
                funding,
                draw(st.integers(0, 3)),
                draw(st.sampled_from(MIN_GRADES)) if restrictions else None,
            )
            for form, funding in shapes
        ]
        keys += [(code, q.form, q.funding) for q in quotas]
        programmes.append(
            Programme(
                code=code,
                name=f"Programme {p}",
                area=draw(st.sampled_from(AREAS)),
                professional_field=draw(st.sampled_from(FIELDS)),
                economics_bonus=False if no_bonus else draw(st.booleans()),
                quotas=quotas,
            )
        )
    places = {(p.code, q.form, q.funding): q.places for p in programmes for q in p.quotas}

    n_applicants = draw(st.integers(1, max_applicants))
    ids = draw(st.permutations(ID_POOL))[:n_applicants]
    applicants = []
    for identifier in ids:
        order = draw(st.permutations(keys))
        applicants.append(
            Applicant(
                id=identifier,
                degree=draw(st.sampled_from(DEGREES)) if restrictions else "bachelor",
                own_university=True if all_own else draw(st.booleans()),
                area=draw(st.sampled_from(AREAS)),
                professional_field=draw(st.sampled_from(FIELDS)),
                course_average=draw(st.sampled_from(GRADES)),
                graduation_grade=draw(st.sampled_from(GRADES)),
                state_funded_before=draw(st.booleans()) if restrictions else False,
                submitted_at=draw(st.sampled_from(TIMES)),
                preferences=list(order[: draw(st.integers(0, len(order)))]),
                held=None,
            )
        )

    if held_seats:
        held_count = dict.fromkeys(keys, 0)
        for applicant in applicants:
            spare = [key for key in keys if held_count[key] < places[key]]
            if spare and draw(st.integers(0, 2)) == 0:
                # Half the time a quota from their own list, if it has spare held capacity.
                listed = [key for key in applicant.preferences if key in spare]
                pool = listed if listed and draw(st.booleans()) else spare
                held = draw(st.sampled_from(pool))
                held_count[held] += 1
                applicant.held = held

    return Instance(programmes=programmes, applicants=applicants, coefficients=draw(coefficients()))


# --- The rules, written from RANKING.md ---------------------------------------------------------


def programme_of(instance, code):
    return next(p for p in instance.programmes if p.code == code)


def quota_of(instance, key):
    programme = programme_of(instance, key[0])
    return next(q for q in programme.quotas if (q.form, q.funding) == key[1:])


def all_quota_keys(instance):
    return [(p.code, q.form, q.funding) for p in instance.programmes for q in p.quotas]


def score(applicant, programme, c):
    related = applicant.area in c.related_areas or (
        applicant.professional_field == c.economics_field and programme.economics_bonus
    )
    if applicant.own_university:
        coefficient = c.own_university
    elif related:
        coefficient = c.related
    else:
        coefficient = c.other
    return applicant.course_average * Decimal(coefficient) + applicant.graduation_grade


def score_at(applicant, key, instance):
    return score(applicant, programme_of(instance, key[0]), instance.coefficients)


def eligible(applicant, programme, quota):
    """None when the applicant may take the quota, else the first failing reason."""
    if applicant.degree == "professional_bachelor" and programme.professional_field != applicant.professional_field:
        return "professional_field"
    if applicant.state_funded_before and quota.funding != "paid":
        return "state_funded_before"
    diploma_grade = (applicant.course_average + applicant.graduation_grade) / 2
    if quota.min_diploma_grade is not None and diploma_grade < quota.min_diploma_grade:
        return "min_diploma_grade"
    return None


def reason_at(applicant, key, instance):
    return eligible(applicant, programme_of(instance, key[0]), quota_of(instance, key))


def considered(applicant):
    """The preferences that are checked for eligibility: those above a listed held seat."""
    preferences = list(applicant.preferences)
    if applicant.held in preferences:
        return preferences[: preferences.index(applicant.held)]
    return preferences


def effective_list(applicant, instance):
    keys = [key for key in considered(applicant) if reason_at(applicant, key, instance) is None]
    if applicant.held is not None:
        keys.append(applicant.held)
    return keys


def merit_key(applicant, key, instance):
    """Smaller is better: the order of merit at the quota `key`."""
    return (
        0 if applicant.held == key else 1,
        -score_at(applicant, key, instance),
        -applicant.graduation_grade,
        -applicant.course_average,
        applicant.submitted_at,
        applicant.id,
    )


def placement(result):
    return {a.applicant: (a.programme, a.form, a.funding) for a in result.assignments}


def is_stable(instance, placed, lists):
    """`placed`: applicant id -> quota key or None. No applicant prefers a quota with a free place
    or one that admitted someone below them."""
    by_id = {a.id: a for a in instance.applicants}
    admitted = {key: [] for key in all_quota_keys(instance)}
    for identifier, key in placed.items():
        if key is not None:
            admitted[key].append(by_id[identifier])
    for applicant in instance.applicants:
        own = lists[applicant.id]
        key = placed.get(applicant.id)
        above = own[: own.index(key)] if key is not None else own
        for better in above:
            if len(admitted[better]) < quota_of(instance, better).places:
                return False
            mine = merit_key(applicant, better, instance)
            if any(merit_key(other, better, instance) > mine for other in admitted[better]):
                return False
    return True


def stable_assignments(instance):
    """Every assignment of applicants to a quota of their effective list or to nothing that
    respects the places and is stable."""
    lists = {a.id: effective_list(a, instance) for a in instance.applicants}
    room = {key: quota_of(instance, key).places for key in all_quota_keys(instance)}
    ids = [a.id for a in instance.applicants]
    found = []
    current = {}

    def extend(index):
        if index == len(ids):
            if is_stable(instance, current, lists):
                found.append(dict(current))
            return
        identifier = ids[index]
        for key in [*lists[identifier], None]:
            if key is not None:
                if room[key] == 0:
                    continue
                room[key] -= 1
            current[identifier] = key
            extend(index + 1)
            if key is not None:
                room[key] += 1
        del current[identifier]

    extend(0)
    return found, lists


def shuffled(instance, rng):
    copied = copy.deepcopy(instance)
    for programme in copied.programmes:
        rng.shuffle(programme.quotas)
    rng.shuffle(copied.programmes)
    rng.shuffle(copied.applicants)
    return copied


# --- Properties ---------------------------------------------------------------------------------


@CHEAP
@given(instances())
def test_no_quota_admits_more_than_its_places(instance):
    result = rank(instance)
    counts = {}
    for assignment in result.assignments:
        key = (assignment.programme, assignment.form, assignment.funding)
        counts[key] = counts.get(key, 0) + 1
    assert [(q.programme, q.form, q.funding) for q in result.quotas] == all_quota_keys(instance)
    for row in result.quotas:
        key = (row.programme, row.form, row.funding)
        assert row.places == quota_of(instance, key).places
        assert row.admitted == counts.get(key, 0)
        assert row.admitted <= row.places
    ids = [a.applicant for a in result.assignments]
    assert len(ids) == len(set(ids))
    assert sorted(ids + result.unassigned) == sorted(a.id for a in instance.applicants)


@CHEAP
@given(instances())
def test_nobody_is_placed_outside_their_effective_list_and_ineligible_rows_give_the_first_reason(instance):
    result = rank(instance)
    by_id = {a.id: a for a in instance.applicants}
    for identifier, key in placement(result).items():
        applicant = by_id[identifier]
        assert key in effective_list(applicant, instance)
        if key != applicant.held:
            assert reason_at(applicant, key, instance) is None

    expected = []
    for applicant in instance.applicants:
        for key in considered(applicant):
            reason = reason_at(applicant, key, instance)
            if reason is not None:
                expected.append((applicant.id, *key, reason))
    rows = [tuple(row) for row in result.ineligible]
    assert len(rows) == len(set(rows))
    assert rows == sorted(rows, key=lambda row: row[:4])
    assert sorted(rows) == sorted(expected)


@CHEAP
@given(instances())
def test_no_applicant_prefers_a_quota_with_a_free_place_or_that_admitted_someone_below_them(instance):
    result = rank(instance)
    placed = placement(result)
    by_id = {a.id: a for a in instance.applicants}
    admitted = {key: [] for key in all_quota_keys(instance)}
    for identifier, key in placed.items():
        admitted[key].append(by_id[identifier])
    for applicant in instance.applicants:
        own = effective_list(applicant, instance)
        key = placed.get(applicant.id)
        above = own[: own.index(key)] if key is not None else own
        for better in above:
            places = quota_of(instance, better).places
            assert len(admitted[better]) == places, (applicant.id, better, "has a free place")
            mine = merit_key(applicant, better, instance)
            below = [other.id for other in admitted[better] if merit_key(other, better, instance) > mine]
            assert not below, (applicant.id, better, "admitted below them", below)


@BRUTE
@given(instances(max_applicants=5, max_programmes=2, max_quotas=4))
def test_every_applicant_does_at_least_as_well_as_in_any_stable_assignment(instance):
    result = rank(instance)
    stable, lists = stable_assignments(instance)
    assert stable, "there is always at least one stable assignment"
    placed = placement(result)
    engine = {a.id: placed.get(a.id) for a in instance.applicants}
    assert engine in stable

    def position(identifier, key):
        return len(lists[identifier]) if key is None else lists[identifier].index(key)

    for other in stable:
        for identifier, key in other.items():
            assert position(identifier, engine[identifier]) <= position(identifier, key), (identifier, other)


@MEDIUM
@given(instances(), st.randoms(use_true_random=False))
def test_the_order_of_applicants_programmes_and_quotas_does_not_change_the_result(instance, rng):
    first = rank(instance)
    second = rank(shuffled(instance, rng))
    assert second.assignments == first.assignments
    assert second.unassigned == first.unassigned
    assert second.ineligible == first.ineligible

    def by_key(rows):
        return {(q.programme, q.form, q.funding): q for q in rows}

    assert by_key(second.quotas) == by_key(first.quotas)


@CHEAP
@given(instances())
def test_a_held_seat_is_never_lost(instance):
    result = rank(instance)
    placed = placement(result)
    for applicant in instance.applicants:
        if applicant.held is None:
            continue
        assert applicant.id in placed, applicant.id
        own = effective_list(applicant, instance)
        assert own.index(placed[applicant.id]) <= own.index(applicant.held)


@CHEAP
@given(instances(held_seats=False, restrictions=False, common_score=True))
def test_with_one_score_and_no_restrictions_the_result_is_serial_dictatorship(instance):
    some_programme = instance.programmes[0]

    def merit(applicant):
        return (
            -score(applicant, some_programme, instance.coefficients),
            -applicant.graduation_grade,
            -applicant.course_average,
            applicant.submitted_at,
            applicant.id,
        )

    free = {key: quota_of(instance, key).places for key in all_quota_keys(instance)}
    expected = {}
    for applicant in sorted(instance.applicants, key=merit):
        for key in applicant.preferences:
            if free[key] > 0:
                free[key] -= 1
                expected[applicant.id] = key
                break

    result = rank(instance)
    assert placement(result) == expected
    assert result.unassigned == sorted(a.id for a in instance.applicants if a.id not in expected)
    assert result.ineligible == []


@CHEAP
@given(instances())
def test_the_engine_and_the_baseline_agree(instance):
    assert result_to_data(rank(instance)) == rank_baseline(instance)


@CHEAP
@given(instances())
def test_each_explanation_is_consistent_with_the_result(instance):
    result = rank(instance)
    assignments = {a.applicant: a for a in result.assignments}
    last_scores = {(q.programme, q.form, q.funding): q.last_score for q in result.quotas}
    for applicant in instance.applicants:
        outcomes = result.explain(applicant.id)
        listed = list(applicant.preferences)
        if applicant.held is not None and applicant.held not in listed:
            listed.append(applicant.held)
        assert [(o.position, (o.programme, o.form, o.funding)) for o in outcomes] == list(enumerate(listed, start=1))
        for o in outcomes:
            expected = score_at(applicant, (o.programme, o.form, o.funding), instance).quantize(THOUSANDTH)
            assert o.score == expected
            assert str(o.score) == str(expected)

        admitted = [o for o in outcomes if o.status == "admitted"]
        assignment = assignments.get(applicant.id)
        if assignment is None:
            assert admitted == []
            admitted_position = len(listed) + 1
        else:
            (o,) = admitted
            assert (o.programme, o.form, o.funding) == (assignment.programme, assignment.form, assignment.funding)
            assert o.position == assignment.preference
            assert o.score == assignment.score
            admitted_position = o.position

        rows = {
            (row.programme, row.form, row.funding): row.reason
            for row in result.ineligible
            if row.applicant == applicant.id
        }
        said = {(o.programme, o.form, o.funding): o.reason for o in outcomes if o.status == "ineligible"}
        assert said == rows  # every ineligible preference is explained as such, above or below the admission

        for o in outcomes:
            if o.status == "not_admitted":
                assert o.position < admitted_position
                assert o.last_score == last_scores[(o.programme, o.form, o.funding)]
