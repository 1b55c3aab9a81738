from django.urls import path

from sprida.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("organisationer/", views.organisations, name="organisations"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
]
