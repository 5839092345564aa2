"""The quality officer's page of scheduled jobs: every periodic job of the beat schedule, when it
last ran and what it did, with a button to run one now. The rectorate may read it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms import schedule
from qms.roles import Role


def _require_reader(user):
    if not user.has_role(Role.QUALITY_OFFICER, Role.RECTORATE):
        raise PermissionDenied


def job_list(request):
    _require_reader(request.user)
    return render(
        request,
        "qms/schedule.html",
        {"jobs": schedule.job_overview(), "can_run": request.user.has_role(Role.QUALITY_OFFICER)},
    )


def job_runs(request, name):
    _require_reader(request.user)
    jobs = {row["name"]: row for row in schedule.job_overview()}
    if name not in jobs:
        raise Http404
    runs = schedule.job_runs(name)
    labels = jobs[name]["job"].result_labels
    for run in runs:
        run.figures = [
            {"label": labels.get(key, key.replace("_", " ")), "value": value} for key, value in run.result.items()
        ]
    return render(request, "qms/schedule_runs.html", {"row": jobs[name], "runs": runs})


@require_POST
def job_run_now(request, name):
    if not request.user.has_role(Role.QUALITY_OFFICER):
        raise PermissionDenied
    if name not in schedule.JOBS or name not in schedule.settings.CELERY_BEAT_SCHEDULE:
        raise Http404
    if schedule.job_run_now(name, by=request.user):
        messages.success(request, _("The job has been queued; its run appears here when it has finished."))
    else:
        messages.warning(
            request, _("The task queue cannot be reached at the moment; the job will run at its next scheduled time.")
        )
    return redirect("schedule:list")
