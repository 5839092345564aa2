"""The master's admission ranking engine (rules: shared/admissions/RANKING.md).

Pure Python, no Django: `rank(instance)` takes an `Instance` and returns a `Result`. The JSON
contract of `rank_applicants` lives in `jsonio`; the browser's ranking rounds build the same
`Instance` from the database and call the same `rank`.
"""

from .engine import rank
from .model import (
    Applicant,
    Assignment,
    Coefficients,
    Ineligible,
    Instance,
    PreferenceOutcome,
    Programme,
    Quota,
    QuotaResult,
    RankingInputError,
    Result,
)

__all__ = [
    "Applicant",
    "Assignment",
    "Coefficients",
    "Ineligible",
    "Instance",
    "PreferenceOutcome",
    "Programme",
    "Quota",
    "QuotaResult",
    "RankingInputError",
    "Result",
    "rank",
]
