"""Placeholder: the rectorate dashboard is being written (issue 8)."""

from django.http import HttpResponse


def dashboard(request):
    return HttpResponse("")
