"""An applicant's account: registering with an e-mail address, the confirmation link that activates
the account. Open to people who are not signed in."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qms.models import User

from .. import services
from ..forms.applicant import RegisterForm, add_service_errors

REGISTERED_EMAIL = "admissions-registered-email"


def _language(request) -> str:
    """The language the page is shown in, as a choice of settings.LANGUAGES."""
    codes = [code for code, _name in settings.LANGUAGES]
    current = (getattr(request, "LANGUAGE_CODE", "") or get_language() or "").lower()
    for code in (current, current.split("-")[0]):
        if code in codes:
            return code
    return settings.LANGUAGE_CODE


def _unconfirmed_applicant(email):
    return User.objects.filter(email__iexact=email, is_active=False, applicant__isnull=False).first()


@login_not_required
def register(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = RegisterForm(request.POST or None, initial={"language": _language(request)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.applicant_register(
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=data["language"],
            )
        except ValidationError as error:
            pending = _unconfirmed_applicant(data["email"])
            if pending is None:
                add_service_errors(form, error)
            else:
                # Registered before but the link was lost or expired: a new link, nothing else changes.
                services.send_confirmation(pending)
                request.session[REGISTERED_EMAIL] = pending.email
                messages.info(
                    request,
                    _(
                        "This address is registered but not confirmed yet: we sent a new link. Sign in with the "
                        "password you chose when you first registered."
                    ),
                )
                return redirect("admissions:register-sent")
        else:
            request.session[REGISTERED_EMAIL] = data["email"]
            return redirect("admissions:register-sent")
    return render(request, "admissions/account/register.html", {"form": form})


@login_not_required
def register_sent(request):
    return render(request, "admissions/account/register_sent.html", {"email": request.session.get(REGISTERED_EMAIL)})


@login_not_required
def confirm(request, uidb64, token):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = User.objects.filter(applicant__isnull=False).get(pk=pk)
    except (TypeError, ValueError, OverflowError, ValidationError, User.DoesNotExist):
        user = None
    if user is not None and services.applicant_confirm(user=user, token=token):
        request.session.pop(REGISTERED_EMAIL, None)
        messages.success(
            request,
            _("Your e-mail address is confirmed and your account is active. Sign in with your e-mail address."),
        )
        return redirect("login")
    return render(request, "admissions/account/confirm_invalid.html", status=400)
