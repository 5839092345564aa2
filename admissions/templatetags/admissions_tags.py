"""Labels of the admission codes kept as plain data (management review inputs, explanations)."""

from django import template

from .. import classifier
from ..models import Application, Form, Funding

register = template.Library()


def _label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


@register.filter
def admission_form(value):
    return _label(Form, value)


@register.filter
def admission_funding(value):
    return _label(Funding, value)


@register.filter
def application_status(value):
    return _label(Application.Status, value)


@register.filter
def area_name(code):
    return classifier.area_name(code)


@register.filter
def field_name(code):
    return classifier.field_name(code)
