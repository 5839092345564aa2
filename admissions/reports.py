"""The reports of the admission portal (see `qms.reporting`), built by a worker:

- `admission_lists`: a round's lists with names, per programme, form and funding (PDF, XLSX);
- `enrolment_order`: the enrolled of a campaign, for the rector's order of enrolment (PDF, XLSX);
- `admission_statistics`: a campaign's figures, without personal data (PDF, XLSX).

Lists with names are the admissions committee's only; the figures are also read by the rectorate
and the quality office (`admissions.permissions`)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qms.reporting import ReportError, ReportParamsForm, ReportType, register
from qms.reports import file_name
from qms.roles import Role

from . import exports, pdf
from .models import Campaign, Round
from .permissions import STATISTICS_ROLES

ADMISSION_LISTS = "admission_lists"
ENROLMENT_ORDER = "enrolment_order"
ADMISSION_STATISTICS = "admission_statistics"

#: States in which a round has lists to read and export.
WITH_RESULTS = (Round.Status.RANKED, Round.Status.PUBLISHED, Round.Status.CLOSED)


def round_label(round: Round) -> str:
    return _("%(campaign)s (%(year)s), round %(number)s") % {
        "campaign": round.campaign.name,
        "year": round.campaign.academic_year,
        "number": round.number,
    }


def campaign_label(campaign: Campaign) -> str:
    return f"{campaign.name} ({campaign.academic_year})"


class RoundChoiceForm(ReportParamsForm):
    round = forms.ModelChoiceField(queryset=Round.objects.none(), label=gettext_lazy("Round"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["round"]
        field.queryset = (
            Round.objects.filter(status__in=WITH_RESULTS)
            .select_related("campaign")
            .order_by("-campaign__academic_year", "-number")
        )
        field.label_from_instance = round_label


class CampaignChoiceForm(ReportParamsForm):
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), label=gettext_lazy("Campaign"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["campaign"]
        field.queryset = Campaign.objects.order_by("-academic_year")
        field.label_from_instance = campaign_label


def _round(params: dict) -> Round | None:
    try:
        return Round.objects.select_related("campaign").filter(pk=int(params.get("round"))).first()
    except (TypeError, ValueError):
        return None


def _campaign(params: dict) -> Campaign | None:
    try:
        return Campaign.objects.filter(pk=int(params.get("campaign"))).first()
    except (TypeError, ValueError):
        return None


def _required_campaign(params: dict) -> Campaign:
    campaign = _campaign(params)
    if campaign is None:
        raise ReportError(_("the campaign no longer exists"))
    return campaign


def _year(campaign: Campaign) -> str:
    return campaign.academic_year.replace("/", "-")


def round_subject(params: dict) -> str:
    round = _round(params)
    return round_label(round) if round else ""


def campaign_subject(params: dict) -> str:
    campaign = _campaign(params)
    return campaign_label(campaign) if campaign else ""


def admission_lists(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    round = _round(params)
    if round is None:
        raise ReportError(_("the round no longer exists"))
    if round.status not in WITH_RESULTS or not round.quota_results.exists():
        raise ReportError(
            _("%(round)s has no results: it has not been ranked, or it is being ranked again.")
            % {"round": round_label(round)}
        )
    content = exports.round_lists_xlsx(round, progress) if fmt == "xlsx" else pdf.round_lists_pdf(round, progress)
    name = file_name(_("Ranking lists"), fmt, _year(round.campaign), _("round %(number)s") % {"number": round.number})
    return name, content


def enrolment_order(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    campaign = _required_campaign(params)
    content = exports.enrolment_order_xlsx(campaign) if fmt == "xlsx" else pdf.enrolment_order_pdf(campaign)
    return file_name(_("Enrolment order"), fmt, _year(campaign)), content


def admission_statistics(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    campaign = _required_campaign(params)
    content = exports.statistics_xlsx(campaign) if fmt == "xlsx" else pdf.statistics_pdf(campaign)
    return file_name(_("Admission statistics"), fmt, _year(campaign)), content


register(
    ReportType(
        kind=ADMISSION_LISTS,
        label=gettext_lazy("Ranking lists of a round"),
        description=gettext_lazy(
            "The admitted of a ranked round per programme, form and funding, in order of merit, with their names "
            "(for the admissions committee only)."
        ),
        build=admission_lists,
        formats=("pdf", "xlsx"),
        readers=(Role.ADMISSIONS_COMMITTEE,),
        form_class=RoundChoiceForm,
        subject=round_subject,
        section="admissions",
        order=60,
    )
)

register(
    ReportType(
        kind=ENROLMENT_ORDER,
        label=gettext_lazy("List for the rector's order of enrolment"),
        description=gettext_lazy(
            "The enrolled applicants of a campaign per programme, form and funding (for the admissions committee only)."
        ),
        build=enrolment_order,
        formats=("pdf", "xlsx"),
        readers=(Role.ADMISSIONS_COMMITTEE,),
        form_class=CampaignChoiceForm,
        subject=campaign_subject,
        section="admissions",
        order=61,
    )
)

register(
    ReportType(
        kind=ADMISSION_STATISTICS,
        label=gettext_lazy("Admission statistics"),
        description=gettext_lazy(
            "A campaign's figures without personal data: applications by state, demand per programme, places taken "
            "and the last admitted scores."
        ),
        build=admission_statistics,
        formats=("pdf", "xlsx"),
        readers=STATISTICS_ROLES,
        form_class=CampaignChoiceForm,
        subject=campaign_subject,
        section="admissions",
        order=62,
    )
)
