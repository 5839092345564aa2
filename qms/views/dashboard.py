"""The rectorate's dashboard: how the quality system stands, for a year and a unit (see
`qms.dashboard` for what each figure counts and who sees what)."""

from django.shortcuts import render

from qms.dashboard import (
    AREAS,
    READ_ALL_ROLES,
    dashboard_charts,
    dashboard_figures,
    dashboard_unit,
    dashboard_year,
)
from qms.reporting import year_choices


def dashboard(request):
    user = request.user
    unit, units = dashboard_unit(user, request.GET.get("unit"))  # 404 or 403 for those without a dashboard
    year = dashboard_year(request.GET.get("year"))
    figures = dashboard_figures(user=user, year=year, unit=unit)
    years = year_choices()
    if year not in [value for value, _label in years]:
        years.append((year, str(year)))
    return render(
        request,
        "qms/dashboard.html",
        {
            "figures": figures,
            "charts": dashboard_charts(figures),
            "links": True,
            "areas": AREAS,
            "year": year,
            "unit": unit,
            "unit_choices": [(choice.pk, "— " * (choice.depth - 1) + choice.name) for choice in units],
            "years": years,
            "all_units_allowed": user.has_role(*READ_ALL_ROLES),
        },
    )
