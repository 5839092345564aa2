"""Views of the admission portal: `account` and `applicant` for applicants, `committee` and
`rounds` for the admissions committee, `public` for the published lists."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from ..permissions import can_see_statistics, is_applicant, is_committee


def private_file(file, filename: str, *, inline: bool = False):
    """Hand out a file of the private storage; never cached by a shared proxy."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=not inline, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def index(request):
    """Where "Admissions" leads, by role."""
    from ..services import current_campaign

    user = request.user
    if is_committee(user):
        return redirect("admissions:committee")
    if is_applicant(user):
        return redirect("admissions:my-application")
    if can_see_statistics(user):
        campaign = current_campaign()
        if campaign is None:  # nothing to show yet: say so rather than "not found"
            return render(request, "admissions/no_campaign.html")
        return redirect("admissions:statistics", campaign.pk)
    raise PermissionDenied
