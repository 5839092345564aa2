from django.urls import path

from .views import account, applicant, committee, index, rounds

app_name = "admissions"

urlpatterns = [
    path("", index, name="index"),
    # Applicants: their account and their own application (URLs carry random UUIDs).
    path("register/", account.register, name="register"),
    path("register/sent/", account.register_sent, name="register-sent"),
    path("confirm/<str:uidb64>/<str:token>/", account.confirm, name="confirm"),
    path("my/", applicant.my_application, name="my-application"),
    path("my/start/", applicant.application_start, name="application-start"),
    path("application/<uuid:uuid>/", applicant.application_detail, name="application"),
    path("application/<uuid:uuid>/personal/", applicant.personal_edit, name="personal"),
    path("application/<uuid:uuid>/education/", applicant.education_edit, name="education"),
    path("application/<uuid:uuid>/preferences/", applicant.preferences_edit, name="preferences"),
    path("application/<uuid:uuid>/documents/", applicant.documents, name="documents"),
    path("application/<uuid:uuid>/documents/<str:kind>/upload/", applicant.document_upload, name="document-upload"),
    path(
        "application/<uuid:uuid>/documents/<uuid:document>/delete/", applicant.document_delete, name="document-delete"
    ),
    path("application/<uuid:uuid>/submit/", applicant.submit, name="submit"),
    path("application/<uuid:uuid>/form.pdf", applicant.application_pdf, name="application-pdf"),
    path("application/<uuid:uuid>/result/", applicant.result, name="result"),
    path("application/<uuid:uuid>/enrol/", applicant.enrolment_confirm, name="enrol"),
    path("document/<uuid:uuid>/", applicant.document_download, name="document"),
    # The admissions committee.
    path("committee/", committee.committee_index, name="committee"),
    path("campaigns/new/", committee.campaign_create, name="campaign-create"),
    path("campaigns/<int:pk>/", committee.campaign_detail, name="campaign-detail"),
    path("campaigns/<int:pk>/edit/", committee.campaign_edit, name="campaign-edit"),
    path("campaigns/<int:pk>/programmes/new/", committee.programme_create, name="programme-create"),
    path("programmes/<int:pk>/edit/", committee.programme_edit, name="programme-edit"),
    path("programmes/<int:pk>/delete/", committee.programme_delete, name="programme-delete"),
    path("programmes/<int:pk>/quotas/new/", committee.quota_create, name="quota-create"),
    path("quotas/<int:pk>/edit/", committee.quota_edit, name="quota-edit"),
    path("quotas/<int:pk>/delete/", committee.quota_delete, name="quota-delete"),
    path("campaigns/<int:pk>/queue/", committee.queue, name="queue"),
    path("review/<uuid:uuid>/", committee.review, name="review"),
    path("review/<uuid:uuid>/documents/<uuid:document>/", committee.document_review, name="document-review"),
    path("review/<uuid:uuid>/return/", committee.application_return, name="return"),
    path("review/<uuid:uuid>/verify/", committee.application_verify, name="verify"),
    path("review/<uuid:uuid>/reject/", committee.application_reject, name="reject"),
    path("review/<uuid:uuid>/enrol/", committee.application_enrol, name="mark-enrolled"),
    path("review/<uuid:uuid>/history/", committee.application_history, name="application-history"),
    path("campaigns/<int:pk>/enrolment/", committee.enrolment, name="enrolment"),
    path("campaigns/<int:pk>/statistics/", committee.statistics, name="statistics"),
    path("campaigns/<int:pk>/rounds/new/", rounds.round_create, name="round-create"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round-detail"),
    path("rounds/<int:pk>/edit/", rounds.round_edit, name="round-edit"),
    path("rounds/<int:pk>/start/", rounds.round_start, name="round-start"),
    path("rounds/<int:pk>/publish/", rounds.round_publish, name="round-publish"),
    path("rounds/<int:pk>/quotas/<int:quota>/", rounds.round_quota, name="round-quota"),
    path("rounds/<int:pk>/input.json", rounds.round_input, name="round-input"),
]
