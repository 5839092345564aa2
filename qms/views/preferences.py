"""A person's preferences: the language of the portal, e-mails and PDFs, and when messages are
e-mailed (each one at once, or a daily digest)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qms import services
from qms.models import User


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language", "notification_delivery"]
        widgets = {"notification_delivery": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", gettext_lazy("The browser's language"))] + [
            choice for choice in self.fields["language"].choices if choice[0]
        ]


def preferences(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_preferences_save(
            user=request.user,
            language=form.cleaned_data["language"],
            notification_delivery=form.cleaned_data["notification_delivery"],
        )
        if user.language:
            translation.activate(user.language)
        messages.success(request, _("Your settings are saved."))
        response = redirect("preferences")
        if user.language:
            from django.conf import settings

            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
        return response
    return render(request, "qms/preferences.html", {"form": form}, status=400 if form.errors else 200)
