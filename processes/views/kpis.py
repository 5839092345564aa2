"""KPIs of a process: define them, see their measurements, enter a measurement with evidence."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qms.i18n import translated
from qms.permissions import require_university_staff

from .. import services
from ..forms import KPIForm, MeasurementForm
from ..models import KPI, Measurement
from ..permissions import can_measure, get_kpi_for_measurer, get_process_for_user

FIELDS = ("unit_of_measure", "direction", "target", "at_risk_threshold", "frequency", "objective", "active")


def _kpi_form(request, process, kpi):
    if kpi is None:
        initial = {"active": True}
    else:
        initial = {name: getattr(kpi, name) for name in FIELDS}
        initial["objective"] = kpi.objective_id
        initial["name"] = translated(kpi.name, get_language())
    form = KPIForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            kpi = services.kpi_save(
                process=process,
                kpi=kpi,
                name={data["language"]: data["name"]},
                **{name: data[name] for name in FIELDS},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The KPI was saved."))
            return redirect("processes:kpi-detail", pk=kpi.pk)
    return render(request, "processes/kpi_form.html", {"form": form, "process": process, "kpi": kpi})


def kpi_edit(request, pk):
    process = get_process_for_user(request.user, pk)
    if not can_measure(request.user, process):
        raise PermissionDenied
    return _kpi_form(request, process, None)


def kpi_edit_existing(request, pk):
    kpi = get_kpi_for_measurer(request.user, pk)
    return _kpi_form(request, kpi.process, kpi)


def kpi_detail(request, pk):
    require_university_staff(request.user)
    kpi = get_object_or_404(KPI.objects.select_related("process__owner", "objective"), pk=pk)
    measurer = can_measure(request.user, kpi.process)
    form = None
    if measurer:
        form = MeasurementForm(request.POST or None, request.FILES or None, kpi=kpi, today=timezone.localdate())
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.measurement_record(
                    kpi=kpi,
                    period_start=data["period"],
                    value=data["value"],
                    comment=data["comment"],
                    evidence=data["evidence"],
                    by=request.user,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict") and "period_start" in error.error_dict:
                    form.add_error("period", error.error_dict["period_start"])
                else:
                    form.add_error("evidence" if data["evidence"] else None, error)
            else:
                messages.success(request, _("The measurement was recorded."))
                return redirect("processes:kpi-detail", pk=kpi.pk)
    elif request.method == "POST":
        raise PermissionDenied
    measurements = list(kpi.measurements.select_related("entered_by").order_by("-period_start"))
    for measurement in measurements:
        measurement.status = kpi.status_of(measurement.value)
    return render(
        request,
        "processes/kpi_detail.html",
        {
            "kpi": kpi,
            "process": kpi.process,
            "measurements": measurements,
            "form": form,
            "can_measure": measurer,
        },
    )


def evidence_download(request, pk):
    require_university_staff(request.user)
    measurement = get_object_or_404(Measurement.objects.select_related("kpi"), pk=pk)
    if not measurement.evidence:
        raise Http404
    return FileResponse(
        measurement.evidence.open("rb"), as_attachment=True, filename=measurement.evidence.name.rsplit("/", 1)[-1]
    )
