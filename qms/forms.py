from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import User
from .roles import STAFF_ROLES


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (YYYY-MM-DD), whatever the language:
    a localised value such as 21.11.2026 would leave the picker empty."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_service_errors(form, error):
    """Put a service's ValidationError next to the fields it names (the rest on top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class MemberAddForm(forms.Form):
    person = forms.CharField(
        label=_("Person"),
        max_length=254,
        help_text=_("Their username or e-mail address."),
    )
    position = forms.CharField(label=_("Position"), max_length=150, required=False)

    def __init__(self, *args, unit, **kwargs):
        self.unit = unit
        super().__init__(*args, **kwargs)

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        people = User.objects.filter(Q(username__iexact=value) | Q(email__iexact=value), is_active=True)
        people = list(people.filter(groups__name__in=STAFF_ROLES).distinct()[:2])
        if not people:
            raise forms.ValidationError(_("No member of the university staff has this username or e-mail address."))
        if len(people) > 1:
            raise forms.ValidationError(_("Several people have this e-mail address; please give the username."))
        person = people[0]
        if self.unit.memberships.filter(user=person).exists():
            raise forms.ValidationError(_("%(person)s is already a member of this unit.") % {"person": person})
        return person
