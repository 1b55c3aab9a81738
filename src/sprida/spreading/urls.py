from django.urls import path

from sprida.spreading import views

app_name = "spreading"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("losningar/<slug:slug>/", views.solution_detail, name="solution"),
    path("atgarder/<int:pk>/", views.measure_similar, name="measure"),
]
