"""Forms of audits and improvement. They check the shape of the input; the rules live in the
services, whose refusals are shown next to the field they concern."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from policies.models import Document
from processes.models import Process
from qms.forms import DateInput, add_service_errors  # noqa: F401 -- views import it from here
from qms.i18n import translated
from qms.models import OrganisationalUnit, StandardClause
from qms.roles import Role
from qms.selectors import staff_people

from .models import Action, Audit, AuditProgramme, ChecklistItem, ChecklistTemplate, Finding, Nonconformity

DATE = DateInput()
TEXT = forms.Textarea(attrs={"rows": 3})


def person_label(obj):
    return obj.get_full_name() or obj.username


def unit_label(obj):
    return f"{obj.short_name} · {obj.name}" if obj.short_name else obj.name


def process_label(obj):
    return f"{obj.code} {translated(obj.name)}"


def document_label(obj):
    return f"{obj.code} {obj.title}"


def clause_label(obj):
    return f"{obj.get_framework_display()} {obj.code} {obj.title}"


def labelled(label):
    """A single and a multiple model choice field whose options read `label(obj)`."""
    single = type("Choice", (forms.ModelChoiceField,), {"label_from_instance": lambda self, obj: label(obj)})
    multiple = type("Choices", (forms.ModelMultipleChoiceField,), {"label_from_instance": lambda self, obj: label(obj)})
    return single, multiple


PersonChoice, PeopleChoice = labelled(person_label)
UnitChoice, UnitsChoice = labelled(unit_label)
ProcessChoice, ProcessesChoice = labelled(process_label)
DocumentChoice, DocumentsChoice = labelled(document_label)
ClauseChoice, ClausesChoice = labelled(clause_label)


def auditors():
    return staff_people().filter(groups__name__in=[Role.AUDITOR, Role.QUALITY_OFFICER]).distinct()


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = AuditProgramme
        fields = ["year", "notes"]
        widgets = {"notes": TEXT}


INDEPENDENCE = _(
    "Independence: an auditor may not audit a unit they belong to or head (nor a unit above or below it), "
    "nor a process they own."
)


class AuditForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Audit programme"),
        queryset=AuditProgramme.objects.all(),
        required=False,
        help_text=_("Planned audits belong to the year's programme."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Audit.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    planned_start = forms.DateField(label=_("Planned start"), widget=DATE)
    planned_end = forms.DateField(label=_("Planned end"), widget=DATE)
    lead_auditor = PersonChoice(label=_("Lead auditor"), queryset=None, help_text=INDEPENDENCE)
    team = PeopleChoice(
        label=_("Audit team"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=INDEPENDENCE,
    )
    units = UnitsChoice(
        label=_("Audited units"),
        queryset=OrganisationalUnit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    processes = ProcessesChoice(
        label=_("Audited processes"),
        queryset=Process.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    documents = DocumentsChoice(
        label=_("Criteria: documents"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    clauses = ClausesChoice(
        label=_("Criteria: ISO 9001 clauses and ESG standards"),
        queryset=StandardClause.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, audit=None, programme=None, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        if audit is not None:
            initial.update(
                {
                    "programme": audit.programme_id,
                    "kind": audit.kind,
                    "title": audit.title,
                    "planned_start": audit.planned_start,
                    "planned_end": audit.planned_end,
                    "lead_auditor": audit.lead_auditor_id,
                    "team": list(audit.team.all()),
                    "units": list(audit.units.all()),
                    "processes": list(audit.processes.all()),
                    "documents": list(audit.documents.all()),
                    "clauses": list(audit.clauses.all()),
                }
            )
        elif programme is not None:
            initial.setdefault("programme", programme.pk)
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["lead_auditor"].queryset = auditors()
        self.fields["team"].queryset = auditors()
        self.fields["units"].queryset = OrganisationalUnit.objects.order_by("path")
        self.fields["processes"].queryset = Process.objects.order_by("code")
        self.fields["documents"].queryset = Document.objects.order_by("code")
        self.fields["clauses"].queryset = StandardClause.objects.order_by("framework", "sort_key")

    def clean(self):
        data = super().clean()
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("The audit cannot end before it starts."))
        if not data.get("units") and not data.get("processes"):
            self.add_error("units", _("Choose the units or processes the audit covers."))
        return data


class ChecklistBuildForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Add the questions of a template"), queryset=ChecklistTemplate.objects.all(), required=False
    )


class QuestionForm(forms.Form):
    question = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 2}))
    clause = ClauseChoice(label=_("Requirement"), queryset=StandardClause.objects.none(), required=False)
    document = DocumentChoice(label=_("Document"), queryset=Document.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = StandardClause.objects.order_by("framework", "sort_key")
        self.fields["document"].queryset = Document.objects.order_by("code")


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Answer"),
        choices=[c for c in ChecklistItem.Answer.choices if c[0]],
        widget=forms.RadioSelect,
    )
    evidence_notes = forms.CharField(label=_("Evidence notes"), required=False, widget=TEXT)
    attachment = forms.FileField(
        label=_("Attachment"), required=False, help_text=_("A photo, PDF or office document, up to 20 MB.")
    )


class SummaryForm(forms.Form):
    summary = forms.CharField(label=_("Summary of the audit"), widget=forms.Textarea(attrs={"rows": 5}))


class FindingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of finding"), choices=Finding.Kind.choices, widget=forms.RadioSelect)
    unit = UnitChoice(label=_("Unit"), queryset=OrganisationalUnit.objects.none())
    process = ProcessChoice(label=_("Process"), queryset=Process.objects.none(), required=False)
    clause = ClauseChoice(label=_("Requirement (ISO clause or ESG standard)"), queryset=None, required=False)
    requirement = forms.CharField(
        label=_("Requirement concerned"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The document and paragraph, or the requirement in words."),
    )
    statement = forms.CharField(label=_("Finding"), widget=TEXT)
    evidence = forms.CharField(label=_("Evidence"), required=False, widget=TEXT)
    checklist_item = forms.ModelChoiceField(
        label=_("Checklist question"), queryset=ChecklistItem.objects.none(), required=False
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        scope = list(audit.units.all())
        units = OrganisationalUnit.objects.order_by("path")
        if scope:
            query = Q()
            for unit in scope:
                query |= Q(path__startswith=unit.path)
            units = units.filter(query)
        self.fields["unit"].queryset = units
        processes = audit.processes.order_by("code")
        self.fields["process"].queryset = processes if processes.exists() else Process.objects.order_by("code")
        self.fields["clause"].queryset = StandardClause.objects.order_by("framework", "sort_key")
        self.fields["checklist_item"].queryset = audit.checklist.order_by("order", "id")


class NonconformityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.ChoiceField(label=_("Source"), choices=Nonconformity.Source.choices)
    severity = forms.ChoiceField(label=_("Severity"), choices=Nonconformity.Severity.choices)
    unit = UnitChoice(label=_("Unit"), queryset=OrganisationalUnit.objects.none())
    process = ProcessChoice(label=_("Process"), queryset=Process.objects.none(), required=False)
    clause = ClauseChoice(label=_("Requirement (ISO clause or ESG standard)"), queryset=None, required=False)
    requirement = forms.CharField(
        label=_("Requirement concerned"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("A new nonconformity on the same requirement and unit within a year is flagged as a repeat."),
    )
    detected_on = forms.DateField(label=_("Detected on"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrganisationalUnit.objects.order_by("path")
        self.fields["process"].queryset = Process.objects.order_by("code")
        self.fields["clause"].queryset = StandardClause.objects.order_by("framework", "sort_key")


class AnalysisForm(forms.Form):
    why1 = forms.CharField(label=_("Why? (1)"), max_length=500)
    why2 = forms.CharField(label=_("Why? (2)"), max_length=500, required=False)
    why3 = forms.CharField(label=_("Why? (3)"), max_length=500, required=False)
    why4 = forms.CharField(label=_("Why? (4)"), max_length=500, required=False)
    why5 = forms.CharField(label=_("Why? (5)"), max_length=500, required=False)
    cause_category = forms.ChoiceField(label=_("Cause category"), choices=Nonconformity.CauseCategory.choices)
    root_cause = forms.CharField(label=_("Root cause"), widget=TEXT)
    correction = forms.CharField(
        label=_("Immediate correction"),
        required=False,
        widget=TEXT,
        help_text=_("What was done at once to contain the nonconformity."),
    )

    WHY_FIELDS = ("why1", "why2", "why3", "why4", "why5")

    @classmethod
    def initial_for(cls, nc):
        initial = {f"why{i + 1}": why for i, why in enumerate(nc.whys[:5])}
        initial.update(cause_category=nc.cause_category, root_cause=nc.root_cause, correction=nc.correction)
        return initial


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Action.Kind.choices)
    description = forms.CharField(label=_("Action"), widget=TEXT)
    responsible = PersonChoice(label=_("Responsible"), queryset=None)
    due_date = forms.DateField(label=_("Due date"), widget=DATE)

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = staff_people()
        if kinds is not None:
            self.fields["kind"].choices = [c for c in Action.Kind.choices if c[0] in kinds]


class CompleteForm(forms.Form):
    evidence = forms.CharField(label=_("What was done"), widget=TEXT)
    evidence_file = forms.FileField(
        label=_("Evidence file"), required=False, help_text=_("A photo, PDF or office document, up to 20 MB.")
    )


class EffectivenessForm(forms.Form):
    effective = forms.TypedChoiceField(
        label=_("Did the actions work?"),
        choices=[("yes", _("Effective: close the nonconformity")), ("no", _("Not effective: reopen the action plan"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("What the check found"), widget=TEXT)


class ReviewCreateForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class ReviewTextsForm(forms.Form):
    stakeholder_feedback = forms.CharField(label=_("Stakeholder feedback"), required=False, widget=TEXT)
    changes = forms.CharField(label=_("Changes that could affect the system"), required=False, widget=TEXT)
    resources = forms.CharField(label=_("Adequacy of resources"), required=False, widget=TEXT)


class HoldForm(forms.Form):
    meeting_date = forms.DateField(label=_("Meeting date"), widget=DATE)
    attendees = PeopleChoice(label=_("Attendees"), queryset=None, widget=forms.SelectMultiple(attrs={"size": 8}))
    decisions = forms.CharField(label=_("Decisions"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = staff_people()
