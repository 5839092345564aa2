"""Reports built by a worker: request one, follow its status, download the file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms import services
from qms.models import Report
from qms.permissions import can_request_organisation_report, get_report_for_user
from qms.selectors import reports_visible_to


def report_list(request):
    return render(
        request,
        "qms/report_list.html",
        {
            "reports": reports_visible_to(request.user)[:50],
            "can_request_report": can_request_organisation_report(request.user),
        },
    )


@require_POST
def report_request(request):
    kind = request.POST.get("kind", "")
    if kind not in Report.Kind.values:
        raise Http404
    if not can_request_organisation_report(request.user):
        raise PermissionDenied
    report = services.report_request(kind=kind, by=request.user, language=get_language())
    messages.success(request, _("Your report has been requested. It will be ready here in a moment."))
    return redirect(report)


def report_detail(request, pk):
    report = get_report_for_user(request.user, pk)
    return render(request, "qms/report_detail.html", {"report": report})


def report_download(request, pk):
    report = get_report_for_user(request.user, pk)
    if report.status != Report.Status.DONE or not report.file:
        raise Http404
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.file.name.rsplit("/", 1)[-1])
