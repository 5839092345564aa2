"""The competitive score of an applicant at a programme (Art. 13; RANKING.md "Score"), the same
arithmetic as the engine's, for showing applicants their score per preference before any
ranking: score = course average × coefficient + graduation grade, exact, three decimals."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

THOUSANDTH = Decimal("0.001")

REASONS = {
    "own_university": _("graduate of this university"),
    "related": _("graduate in a related area"),
    "economics": _("graduate in economics, programme with the economics bonus"),
    "other": _("other graduate"),
}


def coefficient(applicant, programme, campaign) -> tuple[Decimal, str]:
    """The coefficient that applies first, and the key of its reason in REASONS."""
    if applicant.own_university:
        return Decimal(campaign.coefficient_own_university), "own_university"
    if applicant.area in campaign.related_area_codes():
        return Decimal(campaign.coefficient_related), "related"
    if applicant.professional_field == campaign.economics_field and programme.economics_bonus:
        return Decimal(campaign.coefficient_related), "economics"
    return Decimal(campaign.coefficient_other), "other"


def score(applicant, programme, campaign) -> Decimal | None:
    """None until the course average and the graduation grade are in."""
    if applicant.course_average is None or applicant.graduation_grade is None:
        return None
    value, _reason = coefficient(applicant, programme, campaign)
    return (Decimal(applicant.course_average) * value + Decimal(applicant.graduation_grade)).quantize(
        THOUSANDTH, rounding=ROUND_HALF_UP
    )
