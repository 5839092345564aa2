"""Each applicant's explanation: for every preference, the score there and why it was not given."""

import json
from decimal import Decimal
from pathlib import Path

from admissions.ranking import rank
from admissions.ranking.jsonio import loads

CASES = Path(__file__).resolve().parents[3] / "shared" / "admissions" / "cases"


def explain(case, applicant):
    return rank(loads((CASES / f"{case}.input.json").read_bytes())).explain(applicant)


def test_a_preference_lost_to_a_higher_score_gives_the_last_admitted_score():
    first, second = explain("03-deferred-acceptance", "C2")
    assert (first.programme, first.status, first.score, first.last_score) == (
        "IM",
        "not_admitted",
        Decimal("10.400"),
        Decimal("11.000"),
    )
    assert not first.tie_break
    assert (second.programme, second.status, second.score) == ("FIN", "admitted", Decimal("10.400"))


def test_a_preference_lost_on_the_tie_break_says_so():
    (outcome,) = explain("01-coefficients-and-ties", "A1")
    assert outcome.status == "not_admitted"
    assert outcome.score == outcome.last_score == Decimal("11.000")
    assert outcome.tie_break


def test_ineligible_preferences_give_the_reason_and_the_score_there():
    outcomes = explain("02-eligibility", "B3")
    assert [(o.position, o.status, o.reason) for o in outcomes] == [
        (1, "ineligible", "min_diploma_grade"),
        (2, "admitted", ""),
    ]
    assert outcomes[0].score == Decimal("6.800")


def test_preferences_below_the_admitted_one_are_not_needed():
    outcomes = explain("04-second-round-held", "D1")
    assert [(o.funding, o.status, o.held) for o in outcomes] == [
        ("state", "admitted", False),
        ("paid", "not_needed", True),
    ]


def test_preferences_below_a_held_seat_are_dropped_and_an_unlisted_held_seat_comes_last():
    data = json.loads((CASES / "04-second-round-held.input.json").read_text())
    data["programmes"][0]["quotas"].append(
        {"form": "part-time", "funding": "paid", "places": 3, "min_diploma_grade": None}
    )
    d2 = data["applicants"][1]
    d2["preferences"] = [
        {"programme": "MET", "form": "full-time", "funding": "state"},
        {"programme": "MET", "form": "full-time", "funding": "paid"},
        {"programme": "MET", "form": "part-time", "funding": "paid"},
    ]
    d2["held"] = {"programme": "MET", "form": "full-time", "funding": "paid"}
    d1 = data["applicants"][0]
    d1["preferences"] = [{"programme": "MET", "form": "full-time", "funding": "state"}]
    d1["held"] = {"programme": "MET", "form": "part-time", "funding": "paid"}
    from admissions.ranking.jsonio import parse

    result = rank(parse(data))
    # D2 (10.000) beats D1 (8.000) for the one state place; their held seat is then not needed,
    # and the part-time preference below the held seat was dropped.
    d2_outcomes = result.explain("D2")
    assert [(o.position, o.status, o.held) for o in d2_outcomes] == [
        (1, "admitted", False),
        (2, "not_needed", True),
        (3, "below_held", False),
    ]
    # D1 keeps the part-time seat they hold, which is not in their list: it comes last.
    d1_outcomes = result.explain("D1")
    assert [(o.position, o.form, o.status) for o in d1_outcomes] == [
        (1, "full-time", "not_admitted"),
        (2, "part-time", "admitted"),
    ]
    assert d1_outcomes[0].last_score == Decimal("10.000")
    assert d1_outcomes[1].held
    assignment = next(a for a in result.assignments if a.applicant == "D1")
    assert (assignment.form, assignment.funding, assignment.preference) == ("part-time", "paid", 2)
