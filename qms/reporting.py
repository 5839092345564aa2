"""The kinds of report a worker builds, and who may request and read each.

Each app declares its kinds in its `reports` module with `register(ReportType(...))`; `QmsConfig`
imports those modules at start-up. A kind says:

- what it is called and what it contains (`label`, `description`), in which `formats`;
- its parameters, as a form (`form_class`, built with the requesting user so that the choices
  are already limited to what they may see); the cleaned data becomes the report's `params`
  (model instances are kept as their primary keys);
- who reads it: `readers` are the roles that read every report of the kind (the quality officer
  only where listed: admission lists with names are the committee's); when `unit_readers`
  is set, a unit head also reads (and may request) the reports limited to a unit they belong to
  or head, or one below it (a dean and their faculty);
- how it is built: `build(params, fmt, progress)` returns (file name, bytes), and is called in
  the language of the report; `progress(done, total)` may be called as it goes.

Whoever may read a report's content may download it, whoever asked for it.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .permissions import unit_scope_ids
from .roles import Role

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"pdf": "application/pdf", "xlsx": XLSX_CONTENT_TYPE}
#: xlsxwriter options of every workbook: built in memory; text is never read as a formula or URL.
XLSX_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


class ReportError(Exception):
    """A reason a report cannot be built, written for the person who asked (shown on the page)."""


def no_progress(done: int, total: int) -> None:
    return None


def xlsx_sheet_name(label, used: set | None = None) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\; unique among `used` (which
    it updates) when given."""
    name = "".join("-" if char in "[]:*?/\\" else char for char in str(label)).strip("'")[:31] or "Sheet"
    if used is None:
        return name
    base, number = name, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


def params_unit(params: dict):
    """The unit a report is limited to (None: the whole university); a unit removed since the
    request is a readable failure."""
    from .models import OrganisationalUnit

    if params.get("unit") in (None, ""):
        return None
    unit = OrganisationalUnit.objects.filter(pk=params["unit"]).first()
    if unit is None:
        raise ReportError(_("the unit no longer exists"))
    return unit


def unit_name(params: dict) -> str:
    """The name of the unit of the params, for a report's subject ("" for the whole university)."""
    from .models import OrganisationalUnit

    if params.get("unit") in (None, ""):
        return ""
    return OrganisationalUnit.objects.filter(pk=params["unit"]).values_list("name", flat=True).first() or ""


@dataclass(frozen=True)
class ReportType:
    kind: str
    label: str
    description: str
    build: Callable[[dict, str, Callable[[int, int], None]], tuple[str, bytes]]
    formats: tuple[str, ...] = ("pdf",)
    readers: tuple[str, ...] = (Role.QUALITY_OFFICER,)
    unit_readers: bool = False
    form_class: type[forms.Form] | None = None
    #: what the report is about, from its params ("Faculty of Chemical Technology, 2026")
    subject: Callable[[dict], str] = field(default=lambda params: "")
    #: the navigation section whose pages offer it (for grouping on the reports page)
    section: str = ""
    order: int = 100

    def can_request(self, user, params: dict | None = None) -> bool:
        if not user.is_authenticated or not user.is_active:
            return False
        if user.has_role(*self.readers):
            return True
        if self.unit_readers and user.has_role(Role.UNIT_HEAD):
            if params is None:  # may request it for some unit
                return bool(unit_scope_ids(user))
            unit = params.get("unit")
            return unit is not None and int(unit) in unit_scope_ids(user)
        return False

    def form(self, user, data=None, *, initial=None):
        form_class = self.form_class or ReportParamsForm
        return form_class(data, user=user, report_type=self, initial=initial, auto_id=f"id_{self.kind}_%s")


class ReportParamsForm(forms.Form):
    """Base of the parameter forms: takes the requesting user (to limit choices) and offers the
    kind's formats."""

    def __init__(self, *args, user=None, report_type=None, **kwargs):
        self.user = user
        self.report_type = report_type
        super().__init__(*args, **kwargs)

    def params(self) -> dict:
        """The cleaned data as JSON-able parameters (instances as primary keys, dates as ISO)."""
        params = {}
        for name, value in self.cleaned_data.items():
            if value in (None, "", [], ()):
                continue
            if isinstance(value, models.Model):
                value = value.pk
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            params[name] = value
        return params


def year_choices(first: int | None = None):
    this_year = timezone.localdate().year
    first = first or this_year - 5
    return [(year, str(year)) for year in range(this_year + 1, first - 1, -1)]


class UnitChoiceForm(ReportParamsForm):
    """Parameters of a report that may be limited to one unit: everyone who reads the kind in
    full may leave it empty; a unit head must choose one of their units."""

    unit = forms.ModelChoiceField(queryset=None, required=False, label=_("Unit"), empty_label=_("All units"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import OrganisationalUnit

        units = OrganisationalUnit.objects.order_by("path")
        readers = self.report_type.readers if self.report_type else ()
        if self.user is not None and not self.user.has_role(*readers):
            units = units.filter(pk__in=unit_scope_ids(self.user))
            self.fields["unit"].required = True
            self.fields["unit"].empty_label = None
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda unit: ("— " * (unit.depth - 1)) + unit.name


_REGISTRY: dict[str, ReportType] = {}


def register(report_type: ReportType) -> ReportType:
    _REGISTRY[report_type.kind] = report_type
    return report_type


def get_type(kind: str) -> ReportType | None:
    return _REGISTRY.get(kind)


def all_types() -> list[ReportType]:
    return sorted(_REGISTRY.values(), key=lambda t: (t.order, str(t.label)))


def types_for(user) -> list[ReportType]:
    """The kinds the person may request (for some parameters)."""
    return [t for t in all_types() if t.can_request(user)]


def dedupe_key(kind: str, fmt: str, language: str, params: dict) -> str:
    canonical = json.dumps([kind, fmt, language, params], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def visible_filter(user) -> Q:
    """The reports the person may read, as a filter."""
    kinds = [t.kind for t in all_types() if user.has_role(*t.readers)]
    query = Q(kind__in=kinds)
    if user.has_role(Role.UNIT_HEAD):
        unit_kinds = [t.kind for t in all_types() if t.unit_readers and t.kind not in kinds]
        if unit_kinds:
            query |= Q(kind__in=unit_kinds, unit__in=unit_scope_ids(user))
    return query


def can_read(user, report) -> bool:
    report_type = get_type(report.kind)
    return report_type is not None and report_type.can_request(user, report.params)
