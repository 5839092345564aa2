"""Reports built by workers: choose one and request it, follow its build, download the file.

Every kind is declared in `qms.reporting`; the list shows the reports the person may read (their
own and anyone else's with the same content rights), the form offers the kinds they may request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms import services
from qms.models import Report
from qms.permissions import get_report_for_user
from qms.reporting import CONTENT_TYPES, get_type, types_for
from qms.selectors import reports_visible_to

#: A dispatched build that has not started after this long is waiting for a worker.
WAITING_FOR_WORKER_AFTER = 20  # seconds


def _list_context(request, bound=None):
    user = request.user
    reports = reports_visible_to(user)
    if request.GET.get("mine"):
        reports = reports.filter(requested_by=user)
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    offers = []
    for report_type in types_for(user):
        form = bound if bound is not None and bound.report_type.kind == report_type.kind else report_type.form(user)
        offers.append({"type": report_type, "form": form, "formats": report_type.formats})
    return {"page": page, "reports": page.object_list, "offers": offers, "mine": bool(request.GET.get("mine"))}


def report_list(request):
    return render(request, "qms/report_list.html", _list_context(request))


@require_POST
def report_request(request):
    user = request.user
    report_type = get_type(request.POST.get("kind", ""))
    if report_type is None:
        raise Http404
    if not report_type.can_request(user):
        raise PermissionDenied
    fmt = request.POST.get("format") or report_type.formats[0]
    form = report_type.form(user, request.POST)
    if fmt not in report_type.formats:
        form.is_valid()
        form.add_error(None, _("Choose one of the formats offered."))
    if not form.is_valid():
        return render(request, "qms/report_list.html", _list_context(request, bound=form), status=400)
    params = form.params()
    if not report_type.can_request(user, params):
        raise PermissionDenied
    try:
        report, created = services.report_request(
            kind=report_type.kind, fmt=fmt, params=params, by=user, language=get_language()
        )
    except services.ReportRequestRefused as exc:
        raise PermissionDenied(str(exc)) from exc
    if created:
        messages.success(request, _("Your report has been requested. You can follow its build here."))
    else:
        messages.info(request, _("The same report is already being built: you will find it here when it is ready."))
    return redirect(report)


def report_detail(request, pk):
    report = get_report_for_user(request.user, pk)
    now = timezone.now()
    waiting_for_queue = report.status == Report.Status.QUEUED and report.dispatched_at is None
    waiting_for_worker = (
        report.status == Report.Status.QUEUED
        and report.dispatched_at is not None
        and (now - report.dispatched_at).total_seconds() > WAITING_FOR_WORKER_AFTER
    )
    return render(
        request,
        "qms/report_detail.html",
        {"report": report, "waiting_for_queue": waiting_for_queue, "waiting_for_worker": waiting_for_worker},
    )


@require_POST
def report_retry(request, pk):
    report = get_report_for_user(request.user, pk)
    try:
        report = services.report_retry(report=report, by=request.user)
    except services.ReportRequestRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The report is queued again."))
    return redirect(report)


def report_download(request, pk):
    report = get_report_for_user(request.user, pk)
    if report.status != Report.Status.DONE or not report.file:
        raise Http404
    response = FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES.get(report.format, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response
