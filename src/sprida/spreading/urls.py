from django.urls import path

from sprida.spreading import views

app_name = "spreading"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("losningar/ny/", views.solution_edit, name="solution_create"),
    path("losningar/<slug:slug>/", views.solution_detail, name="solution"),
    path("losningar/<slug:slug>/andra/", views.solution_edit, name="solution_edit"),
    path("losningar/<slug:slug>/mognad/", views.solution_maturity, name="solution_maturity"),
    path("losningar/<slug:slug>/inforande/", views.adoption_record, name="adoption_record"),
    path("losningar/<slug:slug>/atgard/", views.solution_link_measure, name="solution_link"),
    path("losningar/<slug:slug>.yaml", views.solution_export, {"fmt": "yaml"}, name="yaml"),
    path("losningar/<slug:slug>.json", views.solution_export, {"fmt": "json"}, name="json"),
    path("atgarder/<int:pk>/", views.measure_similar, name="measure"),
    path("samarbete/", views.partners, name="partners"),
    path("samarbete/<slug:category>/", views.partners, name="partners_category"),
    path("samarbete/<slug:category>/ny-grupp/", views.group_create, name="group_create"),
    path("grupper/", views.groups, name="groups"),
    path("seminarier/", views.seminars, name="seminars"),
]
