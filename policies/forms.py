from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qms.forms import DateInput
from qms.models import OrganisationalUnit, StandardClause, User
from qms.roles import Role
from qms.selectors import staff_people

from .models import Document, QualityObjective


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = [
            "code",
            "title",
            "type",
            "level",
            "owner_unit",
            "owner",
            "applies_to",
            "clauses",
            "review_interval_months",
            "is_public",
        ]
        widgets = {
            "applies_to": forms.SelectMultiple(attrs={"size": 8}),
            "clauses": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()
        self.fields["owner_unit"].queryset = OrganisationalUnit.objects.order_by("path")
        self.fields["applies_to"].queryset = OrganisationalUnit.objects.order_by("path")
        self.fields["clauses"].queryset = StandardClause.objects.all()


class BodyForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "data-rich-text": "true"}),
        help_text=_("Headings, lists, tables and links are kept; anything else is removed when saved."),
    )
    change_summary = forms.CharField(
        label=_("Change summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, DOCX or ODT)"))
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages"))] + list(settings.LANGUAGES), required=False
    )


class SubmitForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    approver = forms.ModelChoiceField(label=_("Approver"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = staff_people()
        self.fields["approver"].queryset = staff_people()
        rector = staff_people().filter(groups__name=Role.RECTORATE).first()
        if rector is not None:
            self.fields["approver"].initial = rector.pk


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approved", _("Approve")), ("changes_requested", _("Ask for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == "changes_requested" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say which changes are needed."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(forms.Form):
    effective_date = forms.DateField(label=_("Effective date"), widget=DateInput(), initial=timezone.localdate)


class ReviewOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("no_change", _("No change")), ("new_draft", _("Start a new draft"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = QualityObjective
        fields = [
            "policy",
            "title",
            "owner",
            "indicator",
            "unit_of_measure",
            "baseline",
            "target",
            "deadline",
            "status",
        ]
        widgets = {"deadline": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_people()


class ObjectiveReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=QualityObjective.Status.choices)
    reviewed_on = forms.DateField(label=_("Reviewed on"), widget=DateInput(), initial=timezone.localdate)
