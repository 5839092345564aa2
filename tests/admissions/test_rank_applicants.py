"""`rank_applicants INPUT.json OUTPUT.json` as RANKING.md specifies: the worked cases, and every
kind of invalid input with exit status 2, one line naming the applicant or programme, and no
output written (an existing one untouched)."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from admissions.ranking import rank
from admissions.ranking.jsonio import dumps, loads

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT.parent / "shared" / "admissions" / "cases"
CASE_NAMES = sorted(p.name.removesuffix(".input.json") for p in CASES.glob("*.input.json"))


def test_the_worked_cases_are_all_there():
    assert CASE_NAMES == [
        "01-coefficients-and-ties",
        "02-eligibility",
        "03-deferred-acceptance",
        "04-second-round-held",
    ]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_engine_reproduces_each_worked_case_exactly(name):
    instance = loads((CASES / f"{name}.input.json").read_bytes())
    expected = json.loads((CASES / f"{name}.expected.json").read_text())
    assert json.loads(dumps(rank(instance))) == expected


@pytest.mark.parametrize("name", CASE_NAMES)
def test_command_reproduces_each_worked_case_exactly(name, tmp_path):
    output = tmp_path / "out.json"
    call_command("rank_applicants", str(CASES / f"{name}.input.json"), str(output))
    assert json.loads(output.read_text()) == json.loads((CASES / f"{name}.expected.json").read_text())


def valid_input():
    return json.loads((CASES / "02-eligibility.input.json").read_text())


def with_change(change):
    data = valid_input()
    change(data)
    return data


def applicant(data, index=0):
    return data["applicants"][index]


def quota(data, programme=0, index=0):
    return data["programmes"][programme]["quotas"][index]


ERRORS = {
    "missing field": (
        lambda d: applicant(d).pop("course_average"),
        "applicant B1: missing field 'course_average'",
    ),
    "mistyped boolean": (
        lambda d: applicant(d).update(own_university="yes"),
        "applicant B1: field 'own_university' must be true or false",
    ),
    "number given as text": (
        lambda d: applicant(d).update(graduation_grade="6.0"),
        "applicant B1: field 'graduation_grade' must be a number",
    ),
    "boolean given as a number": (
        lambda d: applicant(d).update(course_average=True),
        "applicant B1: field 'course_average' must be a number",
    ),
    "unknown degree": (
        lambda d: applicant(d).update(degree="doctor"),
        "applicant B1: unknown degree 'doctor' (expected one of bachelor, professional_bachelor, master)",
    ),
    "unknown form of a quota": (
        lambda d: quota(d).update(form="evening"),
        "programme BIO: unknown form 'evening' (expected one of full-time, part-time)",
    ),
    "unknown funding of a quota": (
        lambda d: quota(d).update(funding="grant"),
        "programme BIO: unknown funding 'grant' (expected one of state, paid)",
    ),
    "unknown form in a preference": (
        lambda d: applicant(d)["preferences"][0].update(form="distance"),
        "applicant B1: unknown form 'distance' (expected one of full-time, part-time)",
    ),
    "grade above 6.00": (
        lambda d: applicant(d, 1).update(course_average=6.5),
        "applicant B2: course_average 6.5 is outside 3.00–6.00",
    ),
    "grade below 3.00": (
        lambda d: applicant(d, 2).update(graduation_grade=2.99),
        "applicant B3: graduation_grade 2.99 is outside 3.00–6.00",
    ),
    "grade with three decimals": (
        lambda d: applicant(d).update(course_average=5.125),
        "applicant B1: course_average 5.125 has more than two decimals",
    ),
    "negative places": (
        lambda d: quota(d, 1, 0).update(places=-1),
        "programme IL: full-time paid quota has negative places (-1)",
    ),
    "places not an integer": (
        lambda d: quota(d).update(places=2.5),
        "programme BIO: field 'places' must be an integer",
    ),
    "preference naming an unknown quota": (
        lambda d: applicant(d, 1)["preferences"].append({"programme": "IL", "form": "part-time", "funding": "paid"}),
        "applicant B2: a preference names an unknown quota IL part-time paid",
    ),
    "preference naming an unknown programme": (
        lambda d: applicant(d)["preferences"].append({"programme": "XX", "form": "full-time", "funding": "paid"}),
        "applicant B1: a preference names an unknown quota XX full-time paid",
    ),
    "held seat naming an unknown quota": (
        lambda d: applicant(d).update(held={"programme": "BIO", "form": "part-time", "funding": "state"}),
        "applicant B1: the held seat names an unknown quota BIO part-time state",
    ),
    "the same quota twice in one list": (
        lambda d: applicant(d)["preferences"].append(dict(applicant(d)["preferences"][0])),
        "applicant B1: lists the quota BIO full-time state twice",
    ),
    "duplicate applicant id": (
        lambda d: d["applicants"].append(copy.deepcopy(applicant(d))),
        "applicant B1: duplicate applicant id",
    ),
    "duplicate programme code": (
        lambda d: d["programmes"].append(copy.deepcopy(d["programmes"][1])),
        "programme IL: duplicate programme code",
    ),
    "the same quota twice in a programme": (
        lambda d: d["programmes"][1]["quotas"].append(dict(quota(d, 1, 0))),
        "programme IL: full-time paid quota appears twice",
    ),
    "more held seats than places": (
        lambda d: [
            quota(d, 1, 0).update(places=1),
            applicant(d, 0).update(held={"programme": "IL", "form": "full-time", "funding": "paid"}),
            applicant(d, 1).update(held={"programme": "IL", "form": "full-time", "funding": "paid"}),
        ],
        "programme IL: full-time paid quota has more held seats (2) than places (1)",
    ),
    "submission time that is not a date": (
        lambda d: applicant(d).update(submitted_at="yesterday"),
        "applicant B1: submitted_at 'yesterday' is not an ISO 8601 date and time",
    ),
    "applicants not a list": (
        lambda d: d.update(applicants={"B1": {}}),
        "field 'applicants' must be a list",
    ),
    "an id with a line break stays on one line": (
        lambda d: [applicant(d).update(id="B\n1"), applicant(d).update(degree="doctor")],
        "applicant B\\n1: unknown degree 'doctor' (expected one of bachelor, professional_bachelor, master)",
    ),
    "an applicant that is not an object": (
        lambda d: d["applicants"].append("B4"),
        "applicant #4: must be an object",
    ),
    "mistyped coefficients": (
        lambda d: d.update(coefficients={"own_university": "high"}),
        "coefficients: field 'own_university' must be a number",
    ),
}


@pytest.fixture
def existing_output(tmp_path):
    output = tmp_path / "out.json"
    output.write_text("previous result\n")
    return output


@pytest.mark.parametrize("change,message", ERRORS.values(), ids=ERRORS.keys())
def test_invalid_input_names_the_problem_and_leaves_the_output_untouched(tmp_path, existing_output, change, message):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(with_change(change)))
    with pytest.raises(CommandError) as error:
        call_command("rank_applicants", str(source), str(existing_output))
    assert error.value.returncode == 2
    assert str(error.value) == message
    assert existing_output.read_text() == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "out.json"]  # no temporary file left


def test_text_that_is_not_json_is_refused(tmp_path, existing_output):
    source = tmp_path / "in.json"
    source.write_text('{"programmes": [')
    with pytest.raises(CommandError, match=r"^not valid JSON: ") as error:
        call_command("rank_applicants", str(source), str(existing_output))
    assert error.value.returncode == 2
    assert existing_output.read_text() == "previous result\n"


def test_a_missing_input_file_is_refused(tmp_path):
    output = tmp_path / "out.json"
    with pytest.raises(CommandError, match="cannot be read") as error:
        call_command("rank_applicants", str(tmp_path / "nowhere.json"), str(output))
    assert error.value.returncode == 2
    assert not output.exists()


def test_valid_input_after_an_error_is_ranked(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(valid_input()))
    call_command("rank_applicants", str(source), str(tmp_path / "out.json"))
    expected = json.loads((CASES / "02-eligibility.expected.json").read_text())
    assert json.loads((tmp_path / "out.json").read_text()) == expected


def run_command(*args):
    return subprocess.run(
        [sys.executable, "manage.py", "rank_applicants", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "qms.settings_test"},
    )


def test_the_command_exits_2_with_one_line_on_standard_error(tmp_path, existing_output):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(with_change(lambda d: applicant(d).update(degree="doctor"))))
    result = run_command(source, existing_output)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "applicant B1: unknown degree 'doctor'" in lines[0]
    assert result.stdout == ""
    assert existing_output.read_text() == "previous result\n"


def test_the_command_writes_the_output_and_exits_0(tmp_path):
    output = tmp_path / "out.json"
    result = run_command(CASES / "03-deferred-acceptance.input.json", output)
    assert result.returncode == 0, result.stderr
    assert json.loads(output.read_text()) == json.loads((CASES / "03-deferred-acceptance.expected.json").read_text())
