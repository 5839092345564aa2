"""The data of a ranking: what goes in (Instance) and what comes out (Result)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

FORMS = ("full-time", "part-time")
FUNDINGS = ("state", "paid")
DEGREES = ("bachelor", "professional_bachelor", "master")

#: Reasons a preference is skipped, in the order they are checked (RANKING.md, "Eligibility").
INELIGIBILITY_REASONS = ("professional_field", "state_funded_before", "min_diploma_grade")

QuotaKey = tuple[str, str, str]  # (programme code, form, funding)


class RankingInputError(ValueError):
    """Invalid input: `subject` names the applicant or programme, `problem` says what is wrong."""

    def __init__(self, subject: str, problem: str):
        self.subject = subject
        self.problem = problem
        message = f"{subject}: {problem}" if subject else problem
        # One line, whatever the input holds (an id with a line break, say).
        super().__init__(message.replace("\r", "\\r").replace("\n", "\\n"))


@dataclass(slots=True)
class Quota:
    form: str
    funding: str
    places: int
    min_diploma_grade: Decimal | None = None


@dataclass(slots=True)
class Programme:
    code: str
    name: str
    area: str
    professional_field: str
    economics_bonus: bool
    quotas: list[Quota]


@dataclass(slots=True)
class Applicant:
    id: str
    degree: str
    own_university: bool
    area: str
    professional_field: str
    course_average: Decimal
    graduation_grade: Decimal
    state_funded_before: bool
    submitted_at: datetime
    preferences: list[QuotaKey]
    held: QuotaKey | None = None


@dataclass(frozen=True, slots=True)
class Coefficients:
    own_university: Decimal = Decimal("1.5")
    related: Decimal = Decimal("1.2")
    related_areas: frozenset[str] = frozenset({"4", "5"})
    economics_field: str = "3.8"
    other: Decimal = Decimal("1.0")


@dataclass(slots=True)
class Instance:
    programmes: list[Programme]
    applicants: list[Applicant]
    coefficients: Coefficients = field(default_factory=Coefficients)
    campaign: str = ""


class Assignment(NamedTuple):
    applicant: str
    programme: str
    form: str
    funding: str
    score: Decimal
    preference: int  # 1-based position in the applicant's list (one past the end for a held seat not listed)


class QuotaResult(NamedTuple):
    programme: str
    form: str
    funding: str
    places: int
    admitted: int
    last_score: Decimal | None


class Ineligible(NamedTuple):
    applicant: str
    programme: str
    form: str
    funding: str
    reason: str


@dataclass(frozen=True, slots=True)
class PreferenceOutcome:
    """What happened to one preference of an applicant, for the explanation shown to them.

    `status` is one of:
    - "admitted": this is where they are placed;
    - "ineligible": `reason` says why (one of INELIGIBILITY_REASONS), wherever it stands in the
      list: exactly the rows of `Result.ineligible` for this applicant;
    - "not_admitted": the quota filled with applicants above them; `last_score` is the score of
      the last one admitted there (None when the quota has no places); `tie_break` is true when
      their score equals it and the tie-break (graduation grade, course average, submission
      time, id) put them below;
    - "not_needed": below the preference they were admitted to, so not considered;
    - "below_held": below the seat they hold from an earlier round, so dropped.
    """

    position: int
    programme: str
    form: str
    funding: str
    score: Decimal
    status: str
    reason: str = ""
    last_score: Decimal | None = None
    tie_break: bool = False
    held: bool = False


@dataclass(slots=True)
class Result:
    assignments: list[Assignment]
    unassigned: list[str]
    quotas: list[QuotaResult]
    ineligible: list[Ineligible]
    _explain: object = field(default=None, repr=False, compare=False)

    def explain(self, applicant_id: str) -> list[PreferenceOutcome]:
        """Every preference of one applicant with its score and outcome (KeyError if unknown)."""
        return self._explain(applicant_id)
