from django.urls import path

from . import views

app_name = "policies"

urlpatterns = [
    path("", views.document_list, name="document-list"),
    path("new/", views.document_create, name="document-create"),
    path("reviews/", views.review_calendar, name="review-calendar"),
    path("objectives/", views.objective_list, name="objective-list"),
    path("objectives/new/", views.objective_edit, name="objective-create"),
    path("objectives/<int:pk>/", views.objective_edit, name="objective-edit"),
    path("objectives/<int:pk>/review/", views.objective_review, name="objective-review"),
    path("<int:pk>/", views.document_detail, name="document-detail"),
    path("<int:pk>/edit/", views.document_edit, name="document-edit"),
    path("<int:pk>/history/", views.document_history, name="document-history"),
    path("<int:pk>/review/", views.document_review, name="document-review"),
    path("<int:pk>/draft/", views.version_start, name="version-start"),
    path("versions/<int:pk>/", views.version_detail, name="version-detail"),
    path("versions/<int:pk>/edit/", views.version_edit, name="version-edit"),
    path("versions/<int:pk>/attachments/", views.attachment_add, name="attachment-add"),
    path(
        "versions/<int:pk>/attachments/<int:attachment_pk>/remove/", views.attachment_remove, name="attachment-remove"
    ),
    path("versions/<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment-download"),
    path("versions/<int:pk>/submit/", views.version_submit, name="version-submit"),
    path("versions/<int:pk>/decide/", views.version_decide, name="version-decide"),
    path("versions/<int:pk>/return/", views.version_return, name="version-return"),
    path("versions/<int:pk>/publish/", views.version_publish, name="version-publish"),
    path("versions/<int:pk>/withdraw/", views.version_withdraw, name="version-withdraw"),
    path("versions/<int:pk>/acknowledge/", views.version_acknowledge, name="version-acknowledge"),
    path("versions/<int:pk>/diff/", views.version_diff, name="version-diff"),
    path("versions/<int:pk>/pdf/", views.version_pdf, name="version-pdf"),
]
