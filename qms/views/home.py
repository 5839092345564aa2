from django.shortcuts import render

from qms.selectors import units_of


def home(request):
    user = request.user
    units = list(units_of(user)) if user.is_university_staff else []
    return render(request, "qms/home.html", {"units": units, "role_labels": user.role_labels()})
