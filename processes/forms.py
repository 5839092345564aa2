from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from policies.models import Document, QualityObjective
from qms.i18n import translated
from qms.models import OrganisationalUnit, StandardClause
from qms.selectors import staff_people

from . import periods
from .models import KPI, Flow, Process


def short_date(day):
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def language_field():
    return forms.ChoiceField(
        label=_("Language of the texts"),
        choices=settings.LANGUAGES,
        initial=get_language,
        help_text=_("The texts below are saved in this language; the other languages are kept."),
    )


class UnitChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.short_name or obj.name


class ProcessChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {translated(obj.name)}"


class ProcessForm(forms.Form):
    language = language_field()
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=pgettext_lazy("name of a thing", "Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=Process.Kind.choices)
    parent = ProcessChoice(label=_("Parent process"), queryset=Process.objects.none(), required=False)
    leader = forms.ModelChoiceField(label=_("Process leader"), queryset=None)
    owner = forms.ModelChoiceField(label=_("Process owner"), queryset=None)
    scope = UnitChoice(
        label=_("Scope"),
        queryset=OrganisationalUnit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("The units the process applies to; none means the whole university."),
    )
    clauses = forms.ModelMultipleChoiceField(
        label=_("ISO 9001 clauses and ESG standards"),
        queryset=StandardClause.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    review_interval_months = forms.IntegerField(label=_("Review interval (months)"), min_value=1, max_value=120)

    def __init__(self, *args, process=None, **kwargs):
        if process is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "code": process.code,
                "name": translated(process.name, get_language()),
                "kind": process.kind,
                "parent": process.parent_id,
                "leader": process.leader_id,
                "owner": process.owner_id,
                "scope": list(process.scope.values_list("pk", flat=True)),
                "clauses": list(process.clauses.values_list("pk", flat=True)),
                "review_interval_months": process.review_interval_months,
            }
        kwargs.setdefault("initial", {}).setdefault("review_interval_months", 12)
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = staff_people()
        self.fields["owner"].queryset = staff_people()
        parents = Process.objects.order_by("code")
        if process is not None:
            parents = parents.exclude(pk=process.pk)
        self.fields["parent"].queryset = parents
        self.fields["scope"].queryset = OrganisationalUnit.objects.order_by("path")
        self.fields["clauses"].queryset = StandardClause.objects.all()


class CardTextsForm(forms.Form):
    language = language_field()
    purpose = forms.CharField(label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evaluation_criteria = forms.CharField(
        label=_("Evaluation criteria"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    monitoring_methods = forms.CharField(
        label=_("Monitoring and measurement methods"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    change_summary = forms.CharField(
        label=_("Change summary"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActivityForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Activity"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    executors = forms.CharField(
        label=_("Responsible executors"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    units = UnitChoice(
        label=_("Responsible units"),
        queryset=OrganisationalUnit.objects.order_by("path"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Describing documents"),
        queryset=Document.objects.order_by("code"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )


class FlowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    direction = forms.ChoiceField(
        label=_("Input or output"), choices=Flow.Direction.choices, initial=Flow.Direction.INPUT
    )
    name = forms.CharField(label=pgettext_lazy("name of a thing", "Name"), max_length=500)
    supplier = ProcessChoice(
        label=_("Supplied by"),
        queryset=Process.objects.order_by("code"),
        required=False,
        help_text=_("For an input: the process whose output it is."),
    )

    def clean(self):
        data = super().clean()
        if data.get("direction") == Flow.Direction.OUTPUT and data.get("supplier"):
            self.add_error("supplier", _("Only an input is supplied by another process."))
        return data


ActivityFormSet = forms.formset_factory(ActivityForm, extra=2, can_delete=True)
FlowFormSet = forms.formset_factory(FlowForm, extra=2, can_delete=True)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class KPIForm(forms.Form):
    language = language_field()
    name = forms.CharField(label=_("Indicator"), max_length=255)
    unit_of_measure = forms.CharField(label=_("Unit of measure"), max_length=30, required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=KPI.Direction.choices)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2, localize=True)
    at_risk_threshold = forms.DecimalField(
        label=_("At-risk threshold"),
        max_digits=14,
        decimal_places=2,
        localize=True,
        help_text=_("Values between the target and this threshold are at risk; beyond it, off target."),
    )
    frequency = forms.ChoiceField(label=_("Frequency"), choices=KPI.Frequency.choices)
    objective = forms.ModelChoiceField(
        label=_("Quality objective"), queryset=QualityObjective.objects.order_by("title"), required=False
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class MeasurementForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2, localize=True)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(
        label=pgettext_lazy("measurement", "Evidence"),
        required=False,
        help_text=_("PDF, DOCX, ODT, XLSX, ODS, PNG or JPEG."),
    )

    def __init__(self, *args, kpi, today, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for start, end in periods.recent_periods(kpi.frequency, today, 8):
            choices.append((start.isoformat(), f"{short_date(start)} – {short_date(end)}"))
        self.fields["period"].choices = choices
        self.fields["period"].initial = periods.last_ended_period(kpi.frequency, today)[0].isoformat()

    def clean_period(self):
        import datetime

        return datetime.date.fromisoformat(self.cleaned_data["period"])
