from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from qms.views import auth, dashboard, health, home, inbox, preferences, reports, schedule, units

units_patterns = (
    [
        path("", units.unit_list, name="list"),
        path("mine/", units.my_unit, name="mine"),
        path("<int:pk>/", units.unit_detail, name="detail"),
        path("<int:pk>/members/", units.unit_members, name="members"),
        path("<int:pk>/members/<int:membership_pk>/remove/", units.unit_member_remove, name="member-remove"),
    ],
    "units",
)

reports_patterns = (
    [
        path("", reports.report_list, name="list"),
        path("request/", reports.report_request, name="request"),
        path("<uuid:pk>/", reports.report_detail, name="detail"),
        path("<uuid:pk>/retry/", reports.report_retry, name="retry"),
        path("<uuid:pk>/download/", reports.report_download, name="download"),
    ],
    "reports",
)

schedule_patterns = (
    [
        path("", schedule.job_list, name="list"),
        path("<slug:name>/", schedule.job_runs, name="runs"),
        path("<slug:name>/run/", schedule.job_run_now, name="run"),
    ],
    "schedule",
)

accounts_patterns = [
    path("preferences/", preferences.preferences, name="preferences"),
    path("login/", auth.PortalLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/complete/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("accounts/", include(accounts_patterns)),
    path("i18n/setlang/", auth.set_language, name="set_language"),
    path("jsi18n/", login_not_required(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("healthz", health.healthz, name="healthz"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/read-all/", inbox.inbox_read_all, name="inbox-read-all"),
    path("inbox/<int:pk>/open/", inbox.notification_open, name="notification-open"),
    path("units/", include(units_patterns)),
    path("reports/", include(reports_patterns)),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("scheduled-jobs/", include(schedule_patterns)),
    path("documents/", include("policies.urls")),
    path("processes/", include("processes.urls")),
    path("audits/", include("audits.urls")),
    path("admissions/", include("admissions.urls")),
    path("public/documents/", include("policies.public_urls")),
    path("public/admissions/", include("admissions.public_urls")),
    path("admin/", admin.site.urls),
]
