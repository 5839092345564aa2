"""The process register: list, create, edit, a process's page with its current card, history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from qms.changelog import Source, change_log
from qms.i18n import languages_of
from qms.models import OrganisationalUnit
from qms.permissions import require_university_staff
from qms.submissions import already_sent, create_once, sent_before

from .. import selectors, services
from ..forms import ProcessForm
from ..models import KPI, Activity, Card, Flow, MatrixEntry, Process
from ..permissions import (
    can_approve_card,
    can_edit_card,
    can_manage_register,
    can_measure,
    can_read_drafts,
    get_process_for_user,
)


def process_list(request):
    require_university_staff(request.user)
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    kpi_status = request.GET.get("kpis", "")
    unit_pk = request.GET.get("unit", "")
    unit = OrganisationalUnit.objects.filter(pk=unit_pk).first() if unit_pk.isdigit() else None
    page = Paginator(
        selectors.process_register(query=query, kind=kind, kpi_status=kpi_status, unit=unit), 100
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "processes/process_list.html",
        {
            "page": page,
            "query": query,
            "kind": kind,
            "kinds": Process.Kind.choices,
            "kpi_status": kpi_status,
            "kpi_statuses": [*KPI.Status.choices, ("overdue", _("Measurement overdue"))],
            "unit": unit,
            "can_create": can_manage_register(request.user),
        },
    )


def _process_fields(data):
    return {
        "code": data["code"],
        "name": {data["language"]: data["name"]},
        "kind": data["kind"],
        "parent": data["parent"],
        "leader": data["leader"],
        "owner": data["owner"],
        "review_interval_months": data["review_interval_months"],
    }


def process_create(request):
    require_university_staff(request.user)
    if not can_manage_register(request.user):
        raise PermissionDenied
    if (earlier := sent_before(request, model=Process)) is not None:
        return already_sent(request, earlier)
    form = ProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            process, created = create_once(
                request,
                lambda: services.process_create(scope=data["scope"], clauses=data["clauses"], **_process_fields(data)),
                model=Process,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not created:
                return already_sent(request, process)
            messages.success(request, _("The process was added to the register. Start its card."))
            return redirect(process)
    return render(request, "processes/process_form.html", {"form": form})


def process_edit(request, pk):
    process = get_process_for_user(request.user, pk)
    if not can_manage_register(request.user):
        raise PermissionDenied
    form = ProcessForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.process_update(
                process=process, scope=data["scope"], clauses=data["clauses"], **_process_fields(data)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The process was saved."))
            return redirect(process)
    return render(request, "processes/process_form.html", {"form": form, "process": process})


def card_context(card, language):
    """What a card page (and the card PDF) shows."""
    activities, inputs, outputs = selectors.card_contents(card)
    texts = [card.purpose, card.evaluation_criteria, card.monitoring_methods]
    texts += [a.name for a in activities] + [f.name for f in inputs + outputs]
    return {"card": card, "activities": activities, "inputs": inputs, "outputs": outputs,
            "languages": languages_of(*texts), "language": language}  # fmt: skip


def process_detail(request, pk):
    process = get_process_for_user(request.user, pk)
    user = request.user
    current = selectors.current_card(process)
    context = card_context(current, request.GET.get("lang")) if current else {"card": None}
    open_card = (
        process.cards.filter(status__in=[Card.Status.DRAFT, Card.Status.SUBMITTED]).first()
        if can_read_drafts(user, process)
        else None
    )
    revisions = process.cards.select_related("approved_by")
    if not can_read_drafts(user, process):
        revisions = revisions.filter(status__in=[Card.Status.CURRENT, Card.Status.SUPERSEDED])
    context.update(
        {
            "process": process,
            "open_card": open_card,
            "revisions": revisions,
            "kpis": selectors.kpis_of(process),
            "scope": process.scope.order_by("path"),
            "clauses": process.clauses.all(),
            "subprocesses": process.subprocesses.order_by("code"),
            "matrix_entries": MatrixEntry.objects.filter(process=process).select_related("unit").order_by("role"),
            "consumers": selectors.consumers_of(process),
            "can_edit_card": can_edit_card(user, process),
            "can_approve": can_approve_card(user, process),
            "can_measure": can_measure(user, process),
            "can_manage": can_manage_register(user),
            "can_see_history": can_read_drafts(user, process),
        }
    )
    return render(request, "processes/process_detail.html", context)


def process_history(request, pk):
    process = get_process_for_user(request.user, pk)
    if not can_read_drafts(request.user, process):
        raise PermissionDenied
    cards = dict(Card.objects.filter(process=process).values_list("pk", "revision"))

    def card_label(card_id):
        return _("Card revision %(revision)s") % {"revision": cards.get(card_id, "?")}

    entries = change_log(
        Source(Process.history.filter(id=process.pk), label=lambda r: _("Process details"),
               exclude=("review_notified", "created_at")),
        Source(Card.history.filter(process_id=process.pk), label=lambda r: card_label(r.id),
               exclude=("process", "created_at")),
        Source(Activity.history.filter(card_id__in=list(cards)),
               label=lambda r: _("%(card)s: activity") % {"card": card_label(r.card_id)}, exclude=("card",)),
        Source(Flow.history.filter(card_id__in=list(cards)),
               label=lambda r: _("%(card)s: input or output") % {"card": card_label(r.card_id)}, exclude=("card",)),
        Source(KPI.history.filter(process_id=process.pk), label=lambda r: _("KPI"),
               exclude=("process", "created_at", "status", "overdue", "last_value", "last_period_start")),
        Source(MatrixEntry.history.filter(process_id=process.pk), label=lambda r: _("Functional matrix"),
               exclude=("process",)),
    )  # fmt: skip
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "processes/process_history.html", {"process": process, "page": page})
