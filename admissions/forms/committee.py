"""Forms of the admissions committee: the campaign with its programmes and quotas, and the
verification of applications. They check the shape of the input; the rules live in
admissions.services, whose refusals are put next to the field they concern (add_service_errors)."""

import re
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from qms.forms import DateInput, add_service_errors  # noqa: F401 -- views import it from here
from qms.models import OrganisationalUnit

from .. import classifier
from ..models import Application, Campaign, Programme, Quota

DATE = DateInput()
TEXT = forms.Textarea(attrs={"rows": 3})
COEFFICIENTS = (
    "coefficient_own_university",
    "coefficient_related",
    "related_areas",
    "economics_field",
    "coefficient_other",
)


class CampaignForm(forms.ModelForm):
    """A campaign; a new one starts with the coefficients of Art. 13 of the regulation."""

    class Meta:
        model = Campaign
        fields = [
            "name",
            "academic_year",
            "opens_on",
            "closes_on",
            "application_fee",
            "currency",
            *COEFFICIENTS,
        ]
        widgets = {"opens_on": DATE, "closes_on": DATE}
        help_texts = {
            "coefficient_own_university": _("Art. 13(1) 3: the course average of graduates of this university."),
            "coefficient_related": _(
                "Art. 13(1) 4: graduates in the related areas, and in economics for programmes with the bonus."
            ),
            "coefficient_other": _("Art. 13(1) 5: every other graduate."),
            "economics_field": _("The professional field of economics, e.g. 3.8."),
        }

    def __init__(self, *args, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = locked
        if locked:
            # The service refuses a change once a round is ranked; the browser shows why first.
            for name in COEFFICIENTS:
                self.fields[name].widget.attrs["readonly"] = True
                self.fields[name].help_text = _("Fixed: a round of this campaign has been ranked.")

    def clean_academic_year(self):
        value = self.cleaned_data["academic_year"].strip()
        if self.instance.pk and value == self.instance.academic_year:
            return value  # kept as it is (a campaign loaded by a command may name its year otherwise)
        match = re.fullmatch(r"(\d{4})/(\d{4})", value)
        if not match or int(match[2]) != int(match[1]) + 1:
            raise forms.ValidationError(_("Write the academic year as two consecutive years, e.g. 2026/2027."))
        return value

    def clean_currency(self):
        value = self.cleaned_data["currency"].strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise forms.ValidationError(_("Use the three-letter currency code, e.g. EUR."))
        return value

    def clean_related_areas(self):
        codes = [code.strip() for code in self.cleaned_data["related_areas"].split(",") if code.strip()]
        if self.instance.pk and codes == self.instance.related_area_codes():
            return self.instance.related_areas  # unchanged: not a change the service would refuse
        unknown = [code for code in codes if code not in classifier.area_codes()]
        if unknown:
            raise forms.ValidationError(
                _("Not an area of higher education: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return ",".join(codes)

    def clean_economics_field(self):
        value = self.cleaned_data["economics_field"].strip()
        if classifier.area_of(value) is None:
            raise forms.ValidationError(_("Choose a professional field from the classifier, e.g. 3.8."))
        return value

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Applications cannot close before they open."))
        for name in ("coefficient_own_university", "coefficient_related", "coefficient_other"):
            value = data.get(name)
            if value is not None and value <= 0:
                self.add_error(name, _("A coefficient is greater than zero."))
        return data


class FacultyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.short_name} · {obj.name}" if obj.short_name else obj.name


class ProgrammeForm(forms.ModelForm):
    area = forms.ChoiceField(label=_("Area of higher education"))
    professional_field = forms.ChoiceField(label=_("Professional field"))
    faculty = FacultyChoice(
        label=_("Faculty"),
        queryset=OrganisationalUnit.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )

    class Meta:
        model = Programme
        fields = [
            "code",
            "name",
            "name_en",
            "faculty",
            "area",
            "professional_field",
            "language",
            "economics_bonus",
            "description",
        ]
        widgets = {"description": TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = OrganisationalUnit.objects.filter(
            kind=OrganisationalUnit.Kind.FACULTY
        ).order_by("name")
        self.fields["area"].choices = [("", "—"), *classifier.area_choices()]
        self.fields["professional_field"].choices = [("", "—"), *classifier.field_choices()]

    def clean_code(self):
        return self.cleaned_data["code"].strip()

    def clean(self):
        data = super().clean()
        area, field = data.get("area"), data.get("professional_field")
        if area and field and classifier.area_of(field) != area:
            self.add_error(
                "professional_field",
                _("Professional field %(field)s is not in area %(area)s.") % {"field": field, "area": area},
            )
        return data


class QuotaForm(forms.ModelForm):
    min_diploma_grade = forms.DecimalField(
        label=_("Minimum diploma grade"),
        required=False,
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("3")), MaxValueValidator(Decimal("6"))],
        help_text=Quota._meta.get_field("min_diploma_grade").help_text,
    )

    class Meta:
        model = Quota
        fields = ["form", "funding", "places", "min_diploma_grade"]


class DocumentReviewForm(forms.Form):
    """Accept a document, or reject it with the reason the applicant will read."""

    ACCEPT = "accept"
    REJECT = "reject"

    decision = forms.ChoiceField(
        choices=[(ACCEPT, _("Accept")), (REJECT, _("Reject"))], widget=forms.HiddenInput, initial=REJECT
    )
    note = forms.CharField(
        label=_("Reason for rejecting"),
        max_length=500,
        required=False,
        help_text=_("The applicant reads it and replaces the document."),
    )

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == self.ACCEPT

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REJECT and not (data.get("note") or "").strip():
            self.add_error("note", _("Say why the document is rejected: the applicant will read it."))
        return data


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What to correct"),
        widget=TEXT,
        help_text=_("The applicant receives this text by e-mail and in the portal."),
    )


class RejectForm(forms.Form):
    article = forms.ChoiceField(
        label=_("Rejected under"),
        choices=[("", "—"), *Application.RejectionArticle.choices],
    )
    note = forms.CharField(label=_("Reason for rejection"), widget=TEXT, required=False)
