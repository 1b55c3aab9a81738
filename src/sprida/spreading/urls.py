from django.urls import path  # noqa: F401

app_name = "spreading"
urlpatterns: list = []
