from pathlib import Path

from django import forms, template
from django.contrib.staticfiles import finders
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

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
    if _plain_select(field.field.widget):
        return _select(field, attrs)
    return field.as_widget(attrs=attrs)


def _plain_select(widget) -> bool:
    """A drop-down list (single or multiple) that renders as Django's own does."""
    return (
        isinstance(widget, forms.Select)
        and widget.template_name == forms.Select.template_name
        and type(widget).render is forms.Widget.render
        and type(widget).optgroups is forms.Select.optgroups
        and type(widget).create_option is forms.Select.create_option
        and not widget.option_inherits_attrs
    )


def _select(field, attrs) -> str:
    """The same <select> as Django's widget templates, written directly: Django renders one
    template per option and builds a dictionary of attributes for each; a list of 2,000 people
    took 150 ms of a page. The choices are read as `Select.optgroups` reads them."""
    widget = field.field.widget
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    final_attrs = widget.build_attrs(widget.attrs, attrs)
    if widget.allow_multiple_selected:
        final_attrs["multiple"] = True
    chosen = set(widget.format_value(field.value()))
    multiple = widget.allow_multiple_selected
    has_selected = False
    parts = []

    def option(value, label):
        nonlocal has_selected
        value = "" if value is None else str(value)
        selected = (multiple or not has_selected) and value in chosen
        has_selected |= selected
        return f'<option value="{escape(value)}"{" selected" if selected else ""}>{escape(label)}</option>'

    for value, label in widget.choices:
        if isinstance(label, (list, tuple)):
            group = "".join(option(sub_value, sub_label) for sub_value, sub_label in label)
            parts.append(f'<optgroup label="{escape(value)}">{group}</optgroup>')
        else:
            parts.append(option(value, label))
    return format_html(
        '<select name="{}"{}>{}</select>',
        field.html_name,
        flatatt(final_attrs),
        mark_safe("".join(parts)),  # noqa: S308 -- every value and label went through escape()
    )


@register.filter
def is_radio(field) -> bool:
    """A choice shown as radio buttons: the field include lays them out one per line."""
    return getattr(field.field.widget, "input_type", "") == "radio"


@register.filter
def css_string(value):
    """`value` as a quoted CSS string for a PDF's <style> (quotes, backslashes and "<" escaped)."""
    from qms.pdf import css_string as quote

    return mark_safe(quote(value))  # noqa: S308 -- quote() escapes everything that could end the string or the element


@register.filter
def translated(texts, language=None):
    """A text kept per language ({"kk": ..., "en": ...}) in `language`, else the reader's, with a fallback."""
    from qms.i18n import translated as pick

    return pick(texts, language or None)


@register.inclusion_tag("includes/report_button.html", takes_context=True)
def report_button(context, kind, fmt="pdf", label="", css="btn-outline-secondary", **params):
    """A one-click button that requests a report (`qms.reporting`) with these parameters, shown
    only to those who may request it. Parameters that are empty are left out."""
    from qms.reporting import get_type

    report_type = get_type(kind)
    user = context["request"].user
    params = {name: getattr(value, "pk", value) for name, value in params.items() if value not in (None, "")}
    allowed = report_type is not None and fmt in report_type.formats and report_type.can_request(user, params)
    return {
        "allowed": allowed,
        "kind": kind,
        "format": fmt,
        "label": label or (report_type.label if report_type else ""),
        "params": params,
        "css": css,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def timedelta_words(value) -> str:
    """A schedule's interval in words: "24 hours", "1 minute"."""
    from django.utils.translation import ngettext

    seconds = int(value.total_seconds())
    if seconds % 86400 == 0 and seconds >= 86400 * 2:
        days = seconds // 86400
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


@register.simple_tag(takes_context=True)
def submission_token(context):
    """The hidden one-time token of a create form (`qms.submissions`): sent twice, the form makes
    one record. A form shown again after an error keeps the token it was sent with."""
    from qms.submissions import FIELD, token_for

    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token_for(context.get("request")))
