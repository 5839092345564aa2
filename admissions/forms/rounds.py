"""The form of a ranking round: its number and dates. The rules live in `services.round_save`;
the order of the dates (ranking ≤ publication ≤ enrolment deadline, a constraint of the model) is
checked here too, so that the error stands next to the date that is wrong."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from qms.forms import DateInput, add_service_errors  # noqa: F401 -- views import it from here

from ..models import Round

DATE = DateInput()


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["number", "ranking_on", "publication_on", "enrolment_deadline"]
        widgets = {"ranking_on": DATE, "publication_on": DATE, "enrolment_deadline": DATE}
        help_texts = {
            "ranking_on": _("The day the committee ranks the applications."),
            "publication_on": _("The day the lists are published on the university's site."),
            "enrolment_deadline": _(
                "Those admitted who have not confirmed their enrolment by this day lose their rights (Art. 15(3))."
            ),
        }

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.instance.campaign = campaign
        self.fields["number"].widget.attrs["min"] = 1
        if self.instance.pk and self.instance.is_public:
            # A published round keeps the dates it was published with; only the deadline may move.
            for name in ("number", "ranking_on", "publication_on"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("The round is published: this can no longer change.")
        elif self.instance.pk and self.instance.status != Round.Status.PLANNED:
            self.fields["number"].disabled = True

    def clean_number(self):
        number = self.cleaned_data["number"]
        if number is not None and number < 1:
            raise ValidationError(_("Rounds are numbered from 1."))
        taken = Round.objects.filter(campaign=self.campaign, number=number)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if number is not None and taken.exists():
            raise ValidationError(_("This campaign already has a round %(number)s.") % {"number": number})
        return number

    def clean(self):
        data = super().clean()
        ranking, publication, deadline = (
            data.get("ranking_on"),
            data.get("publication_on"),
            data.get("enrolment_deadline"),
        )
        if ranking and publication and publication < ranking:
            self.add_error("publication_on", _("The lists cannot be published before the ranking date."))
            publication = None
        if publication and deadline and deadline < publication:
            self.add_error("enrolment_deadline", _("The enrolment deadline cannot come before the publication."))
        elif ranking and deadline and not publication and deadline < ranking and "publication_on" not in self.errors:
            self.add_error("enrolment_deadline", _("The enrolment deadline cannot come before the ranking date."))
        return data
