from pathlib import Path

from django import template
from django.contrib.staticfiles import finders

register = template.Library()


@register.simple_tag
def pdf_static(path):
    """The file:// URI of a static file, for templates rendered to PDF."""
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"static file not found: {path}")
    return Path(found).resolve().as_uri()


@register.filter
def bootstrap_widget(field):
    """Render a form field's widget with Bootstrap's classes, marked invalid when it has errors."""
    input_type = getattr(field.field.widget, "input_type", "")
    if input_type in ("checkbox", "radio"):
        css = "form-check-input"
    elif input_type == "select" or field.field.widget.__class__.__name__.endswith("Select"):
        css = "form-select"
    else:
        css = "form-control"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": f"{css} {field.field.widget.attrs.get('class', '')}".strip()}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def is_radio(field) -> bool:
    """A choice shown as radio buttons: the field include lays them out one per line."""
    return getattr(field.field.widget, "input_type", "") == "radio"


@register.filter
def css_string(value):
    """`value` as a quoted CSS string for a PDF's <style> (quotes, backslashes and "<" escaped)."""
    from django.utils.safestring import mark_safe

    from qms.pdf import css_string as quote

    return mark_safe(quote(value))  # noqa: S308 -- quote() escapes everything that could end the string or the element


@register.filter
def translated(texts, language=None):
    """A text kept per language ({"kk": ..., "en": ...}) in `language`, else the reader's, with a fallback."""
    from qms.i18n import translated as pick

    return pick(texts, language or None)
