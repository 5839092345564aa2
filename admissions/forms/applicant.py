"""Forms of the applicant's side of the admission portal. They check the shape of the input; the
rules live in the model's clean() and the services, whose refusals are shown next to the field
they concern."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from qms.forms import DateInput, add_service_errors  # noqa: F401 -- views import it from here
from qms.models import User

from .. import classifier
from ..models import Applicant, FeeExemption

DATE = DateInput()
GRADE = forms.NumberInput(attrs={"step": "0.01", "min": "3", "max": "6"})
#: What the file inputs offer to pick; the server judges the bytes anyway (qms.uploads).
ACCEPT = ".pdf,.jpg,.jpeg,.png"

PERSONAL_FIELDS = [
    "first_name",
    "middle_name",
    "last_name",
    "first_name_latin",
    "last_name_latin",
    "citizenship",
    "country",
    "identity_kind",
    "identity_number",
    "date_of_birth",
    "phone",
    "address",
]
EDUCATION_FIELDS = [
    "degree",
    "university",
    "own_university",
    "foreign_degree",
    "speciality",
    "area",
    "professional_field",
    "course_average",
    "graduation_grade",
    "diploma_status",
    "diploma_number",
    "state_funded_before",
]
#: The fields of each step without which an application cannot be submitted (as in
#: services.missing_profile_fields), to mark the step done or missing.
PERSONAL_REQUIRED = [
    "first_name",
    "last_name",
    "first_name_latin",
    "last_name_latin",
    "citizenship",
    "identity_kind",
    "identity_number",
    "date_of_birth",
]
EDUCATION_REQUIRED = ["degree", "university", "area", "professional_field", "course_average", "graduation_grade"]


def missing_fields(applicant, names) -> list[str]:
    return [
        str(Applicant._meta.get_field(name).verbose_name) for name in names if getattr(applicant, name) in ("", None)
    ]


# --- account ----------------------------------------------------------------------------------------


class RegisterForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password again, to be sure of it."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the portal, the e-mails and the application form."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"]).strip()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            person = User(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, person)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


# --- personal data and education --------------------------------------------------------------------


class ApplicantForm(forms.ModelForm):
    """An applicant's step. `readonly` disables every field (the application is no longer editable)."""

    def __init__(self, *args, readonly=False, **kwargs):
        super().__init__(*args, **kwargs)
        if readonly:
            for field in self.fields.values():
                field.disabled = True

    def _update_errors(self, errors):
        # Model.clean() checks the whole record; what it says of a field of the other step goes on top.
        if hasattr(errors, "error_dict"):
            moved = {}
            for field, messages in errors.error_dict.items():
                key = field if field in self.fields or field == NON_FIELD_ERRORS else NON_FIELD_ERRORS
                moved.setdefault(key, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)


class PersonalForm(ApplicantForm):
    class Meta:
        model = Applicant
        fields = PERSONAL_FIELDS
        widgets = {"citizenship": forms.RadioSelect, "date_of_birth": DATE}
        help_texts = {
            "first_name": _("As in your identity document, in Cyrillic."),
            "first_name_latin": _("As in your passport, in Latin letters."),
            "identity_number": _(
                "A Bulgarian personal number (EGN) or a foreigner's (LNCh) is checked by its check digit."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        citizenship = self.fields["citizenship"]
        citizenship.choices = [c for c in citizenship.choices if c[0]]  # radios need no empty choice
        self.fields["date_of_birth"].widget.attrs["autocomplete"] = "bday"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"

    @property
    def section_vi(self) -> bool:
        """Whether the citizenship chosen (as typed, or as saved) is the Section VI one."""
        value = self["citizenship"].value()
        return value == Applicant.Citizenship.OTHER_FOREIGNER


class EducationForm(ApplicantForm):
    area = forms.ChoiceField(label=_("Area of higher education"), required=False)
    professional_field = forms.ChoiceField(
        label=_("Professional field"),
        required=False,
        help_text=_("The professional field of your bachelor's degree, as in the diploma supplement."),
    )

    class Meta:
        model = Applicant
        fields = EDUCATION_FIELDS
        widgets = {"course_average": GRADE, "graduation_grade": GRADE, "diploma_status": forms.RadioSelect}
        help_texts = {
            "course_average": _("The average of the semester examinations, from 3.00 to 6.00."),
            "own_university": _("Graduates of this university get the highest coefficient (Art. 13(1) 3)."),
            "foreign_degree": _("A degree obtained abroad must be recognised first (Art. 12(1) 2.4)."),
            "diploma_number": _("Leave empty if the diploma is not issued yet."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        empty = [("", "—")]
        self.fields["area"].choices = empty + classifier.area_choices()
        self.fields["professional_field"].choices = empty + classifier.field_choices()
        self.fields["degree"].help_text = _(
            "Professional bachelors may apply only for programmes of their own professional field (Art. 8, 2)."
        )


# --- preferences -------------------------------------------------------------------------------------


class PreferencesForm(forms.Form):
    """The ordered list of quota ids as posted (repeated hidden inputs `quota`), and the button
    pressed: move a row up or down, remove it, add a quota, or just save the order.

    `quotas` are all the quotas of the campaign (id → Quota); `addable` the ones the Add select
    offers. Whether a quota may be listed at all is the service's decision."""

    quota = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.MultipleHiddenInput)
    add = forms.TypedChoiceField(label=_("Add a programme"), coerce=int, required=False, empty_value=None)
    move_up = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    move_down = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    remove = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    action = forms.ChoiceField(choices=[("save", "save"), ("add", "add")], required=False)

    def __init__(self, *args, quotas, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [(str(pk), str(pk)) for pk in quotas]
        for name in ("quota", "move_up", "move_down", "remove"):
            self.fields[name].choices = ids
        self.fields["quota"].error_messages["invalid_choice"] = _(
            "A programme in the list is not offered in this campaign; reload the page."
        )
        self.fields["add"].choices = [("", "—")] + ids
        self.fields["add"].error_messages["invalid_choice"] = _("This programme is not offered in this campaign.")
        self.moved = None

    def offer(self, quotas, label):
        """The select shows only what may still be added; the field accepts any quota of the
        campaign (the service says why one may not be listed)."""
        self.fields["add"].widget.choices = [("", _("Choose a programme…"))] + [(str(q.pk), label(q)) for q in quotas]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "add" and not cleaned.get("add"):
            self.add_error("add", _("Choose the programme to add."))
        return cleaned

    def order(self) -> list[int]:
        """The list after the button pressed (call once the form is valid)."""
        order = list(self.cleaned_data["quota"])
        data = self.cleaned_data
        if data.get("move_up") in order:
            i = order.index(data["move_up"])
            if i > 0:
                order[i - 1], order[i] = order[i], order[i - 1]
            self.moved = data["move_up"]
        elif data.get("move_down") in order:
            i = order.index(data["move_down"])
            if i < len(order) - 1:
                order[i + 1], order[i] = order[i], order[i + 1]
            self.moved = data["move_down"]
        elif data.get("remove") in order:
            order.remove(data["remove"])
        elif data.get("action") == "add" and data.get("add"):
            if data["add"] not in order:
                order.append(data["add"])
            self.moved = data["add"]
        return order


# --- documents ---------------------------------------------------------------------------------------


class ExemptionForm(forms.Form):
    fee_exemption = forms.ChoiceField(
        label=_("Are you exempt from the fee?"),
        choices=FeeExemption.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Art. 12(1) 4.2: these applicants do not pay the fee; they upload a proof of the ground instead."),
    )

    def __init__(self, *args, readonly=False, **kwargs):
        super().__init__(*args, **kwargs)
        if readonly:
            self.fields["fee_exemption"].disabled = True


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (PDF, JPEG or PNG)"),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={"required": _("Choose the file to upload.")},
    )

    def __init__(self, *args, kind="", **kwargs):
        kwargs.setdefault("auto_id", f"id_{kind}_%s" if kind else "id_%s")
        super().__init__(*args, **kwargs)
