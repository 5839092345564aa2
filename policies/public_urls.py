"""Pages anyone may read without signing in."""

from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.public_list, name="document-list"),
    path("<int:pk>/", views.public_detail, name="document-detail"),
]
