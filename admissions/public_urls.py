"""The published ranking lists, readable without signing in (numbers and scores, no names)."""

from django.urls import path

from .views import public

app_name = "public-admissions"

urlpatterns = [
    path("", public.round_index, name="index"),
    path("rounds/<int:pk>/", public.round_detail, name="round"),
    path("rounds/<int:pk>/quotas/<int:quota>/", public.quota_list, name="quota"),
]
