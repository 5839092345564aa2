"""The PDFs of the admission portal, rendered in the active language (callers wrap them in
`translation.override`) from templates under `templates/admissions/pdf/`:

- `application_pdf`: the application to the rector (Art. 12(1) 1), built from the data when the
  application is submitted (`services.application_pdf_build`);
- `round_lists_pdf`: a round's lists with names, for the committee;
- `enrolment_order_pdf`: the enrolled per programme, form and funding, for the rector's order of
  enrolment (Art. 15(1));
- `statistics_pdf`: a campaign's figures (no personal data), for the committee, the rectorate and
  the quality office.

The last three are reports built by a worker (`admissions.reports`). Each reads its data with a
fixed number of queries; the lists are plain tables, so that thousands of rows render in
reasonable time.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from qms.models import OrganisationalUnit
from qms.pdf import render_pdf

from . import classifier, selectors
from .models import Application, Campaign, Document, Round

Status = Application.Status


def no_progress(done: int, total: int) -> None:
    return None


def _organisation(campaign: Campaign) -> str:
    """The university: the root of the organisational structure, else the campaign's name."""
    root = OrganisationalUnit.objects.get_first_root_node()
    return root.name if root else campaign.name


def application_pdf(application: Application) -> bytes:
    application = Application.objects.select_related("applicant__user", "campaign").get(pk=application.pk)
    applicant = application.applicant
    campaign = application.campaign
    overview = selectors.application_overview(application)
    attached = overview["documents"]
    documents = [
        {"label": row["requirement"].label, "document": row["document"]}
        for row in overview["requirements"]
        if row["document"] is not None
    ]
    listed = {row["requirement"].kind for row in overview["requirements"]}
    documents += [
        {"label": document.get_kind_display(), "document": document}
        for kind, document in sorted(attached.items())
        if kind not in listed and kind != Document.Kind.ENROLMENT_RECEIPT
    ]
    context = {
        "title": _("Application to the Rector"),
        "organisation": _organisation(campaign),
        "application": application,
        "applicant": applicant,
        "campaign": campaign,
        "email": applicant.user.email,
        "area_name": classifier.area_name(applicant.area) if applicant.area else "",
        "field_name": classifier.field_name(applicant.professional_field) if applicant.professional_field else "",
        "preferences": overview["preferences"],
        "documents": documents,
    }
    return render_pdf("admissions/pdf/application.html", context)


def round_lists_pdf(round: Round, progress=no_progress) -> bytes:
    """The lists quota by quota: each quota's table is written (and `progress` told) in turn, then
    the whole is laid out, which takes as long again (`progress` reaches half before it)."""
    round = Round.objects.select_related("campaign").get(pk=round.pk)
    lists = selectors.round_lists(round, with_names=True)
    total = 2 * len(lists)
    sections = []
    for done, (row, results) in enumerate(lists, start=1):
        # A rendered template is already safe (escaped) HTML.
        sections.append(render_to_string("admissions/pdf/_round_list_quota.html", {"row": row, "results": results}))
        progress(done, total)
    context = {
        "title": _("Ranking lists: %(campaign)s, round %(number)s")
        % {"campaign": round.campaign.name, "number": round.number},
        "organisation": _organisation(round.campaign),
        "round": round,
        "campaign": round.campaign,
        "sections": sections,
        "admitted": sum(len(results) for _row, results in lists),
    }
    return render_pdf("admissions/pdf/round_lists.html", context)


def enrolment_order_pdf(campaign: Campaign) -> bytes:
    groups = selectors.enrolment_order(campaign)
    context = {
        "title": _("List for the Rector's order of enrolment"),
        "organisation": _organisation(campaign),
        "campaign": campaign,
        "groups": groups,
        "enrolled": sum(len(applications) for _quota, applications in groups),
    }
    return render_pdf("admissions/pdf/enrolment_order.html", context)


def statistics_pdf(campaign: Campaign) -> bytes:
    """The figures of the statistics page: counts, places and scores, never a name or a number."""
    figures = selectors.campaign_statistics(campaign)
    context = {
        "title": _("Admission statistics"),
        "organisation": _organisation(campaign),
        "campaign": campaign,
        "figures": figures,
        "statuses": [{"label": label, "count": figures["statuses"].get(value, 0)} for value, label in Status.choices],
    }
    return render_pdf("admissions/pdf/statistics.html", context)
