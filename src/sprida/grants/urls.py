from django.urls import path

from sprida.grants import views

app_name = "grants"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("portfolj/", views.portfolio, name="portfolio"),
    path("tidsfrister/", views.deadlines, name="deadlines"),
    path("region/<slug:slug>/", views.region, name="region"),
    path("region/<slug:slug>/tidsfrister/", views.deadlines, name="region_deadlines"),
    path("program/<slug:slug>/", views.programme, name="programme"),
    path("program/<slug:slug>/budget/ny/", views.budget_create, name="budget_create"),
    path("ansokan/ny/", views.application_create, name="application_create"),
    path("ansokan/<int:pk>/", views.application, name="application"),
    path("ansokan/<int:pk>/andra/", views.application_edit, name="application_edit"),
    path("ansokan/<int:pk>/lamna-in/", views.application_submit, name="application_submit"),
    path("ansokan/<int:pk>/aterkalla/", views.application_withdraw, name="application_withdraw"),
    path("ansokan/<int:pk>/atgard/ny/", views.measure_create, name="measure_create"),
    path("ansokan/<int:pk>/beslut/ny/", views.decision_create, name="decision_create"),
    path("atgard/<int:pk>/andra/", views.measure_edit, name="measure_edit"),
    path("atgard/<int:pk>/ta-bort/", views.measure_delete, name="measure_delete"),
    path("beslut/<int:pk>/", views.decision, name="decision"),
    path("beslut/<int:pk>/andra/", views.decision_edit, name="decision_edit"),
    path("beslut/<int:pk>/villkor/ny/", views.condition_create, name="condition_create"),
    path("villkor/<int:pk>/andra/", views.condition_edit, name="condition_edit"),
]
