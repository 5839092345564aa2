from django.urls import path

from .views import cards, kpis, matrix, outputs, register

app_name = "processes"

urlpatterns = [
    path("", register.process_list, name="process-list"),
    path("new/", register.process_create, name="process-create"),
    path("map/", outputs.process_map, name="process-map"),
    path("map.svg", outputs.process_map_svg, name="process-map-svg"),
    path("matrix/", matrix.functional_matrix, name="matrix"),
    path("evidence/", outputs.evidence_matrix, name="evidence"),
    path("<int:pk>/", register.process_detail, name="process-detail"),
    path("<int:pk>/edit/", register.process_edit, name="process-edit"),
    path("<int:pk>/history/", register.process_history, name="process-history"),
    path("<int:pk>/draft/", cards.card_start, name="card-start"),
    path("<int:pk>/kpis/new/", kpis.kpi_edit, name="kpi-create"),
    path("cards/<int:pk>/", cards.card_detail, name="card-detail"),
    path("cards/<int:pk>/edit/", cards.card_edit, name="card-edit"),
    path("cards/<int:pk>/submit/", cards.card_submit, name="card-submit"),
    path("cards/<int:pk>/approve/", cards.card_approve, name="card-approve"),
    path("cards/<int:pk>/return/", cards.card_return, name="card-return"),
    path("cards/<int:pk>/pdf/", outputs.card_pdf, name="card-pdf"),
    path("kpis/<int:pk>/", kpis.kpi_detail, name="kpi-detail"),
    path("kpis/<int:pk>/edit/", kpis.kpi_edit_existing, name="kpi-edit"),
    path("measurements/<int:pk>/evidence/", kpis.evidence_download, name="evidence-download"),
]
