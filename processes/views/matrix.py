"""The functional matrix: processes × units with each unit's role, as an editable grid."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from qms.models import OrganisationalUnit
from qms.permissions import require_university_staff

from .. import selectors, services
from ..models import MatrixEntry
from ..permissions import can_manage_register

CELL_PREFIX = "cell-"
#: Processes per page: a large register (hundreds of processes x dozens of units, each cell a
#: select for the editor) would otherwise be one page of megabytes.
MATRIX_PAGE = 25


def _parse_cells(post):
    """{(process id, unit id): role} from fields named cell-<process>-<unit>; ValidationError on
    a malformed name."""
    cells = {}
    for name, value in post.items():
        if not name.startswith(CELL_PREFIX):
            continue
        try:
            process_id, unit_id = (int(part) for part in name[len(CELL_PREFIX) :].split("-"))
        except ValueError:
            raise ValidationError(_("The matrix form was not understood; reload the page and try again.")) from None
        cells[(process_id, unit_id)] = value
    return cells


def functional_matrix(request):
    require_university_staff(request.user)
    editor = can_manage_register(request.user)
    if request.method == "POST":
        if not editor:
            raise PermissionDenied
        try:
            counts = services.matrix_save(cells=_parse_cells(request.POST))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The matrix was saved: %(created)s added, %(changed)s changed, %(removed)s removed.") % counts,
            )
        return redirect(request.get_full_path())  # the same page and units
    units = OrganisationalUnit.objects.get_tree()
    unit_filter = request.GET.get("unit")
    if unit_filter and unit_filter.isdigit():
        parent = OrganisationalUnit.objects.filter(pk=unit_filter).first()
        if parent is not None:
            units = OrganisationalUnit.get_tree(parent)
    page = Paginator(selectors.register_order(), MATRIX_PAGE).get_page(request.GET.get("page"))
    processes, units, cells = selectors.matrix(units=units, processes=page.object_list)
    rows = [(process, [(unit, cells.get((process.pk, unit.pk), "")) for unit in units]) for process in processes]
    return render(
        request,
        "processes/matrix.html",
        {
            "rows": rows,
            "page": page,
            "units": units,
            "roles": MatrixEntry.Role.choices,
            "editor": editor,
            "faculties": OrganisationalUnit.objects.filter(depth__lte=2).order_by("path"),
            "unit_filter": unit_filter,
        },
    )
