from django.urls import path

from sprida.effects.views import (
    accounting,
    changes,
    conditions,
    corrections,
    overview,
    part_records,
    records,
    reports,
)

app_name = "effects"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("nationellt/", overview.national, name="national"),
    path("atgard/<int:pk>/", records.measure_detail, name="measure"),
    path("atgard/<int:pk>/status/", part_records.status_add, name="status_add"),
    path("atgard/<int:pk>/indikator/ny/", records.indicator_add, name="indicator_add"),
    path("atgard/<int:pk>/effekt/", part_records.effect_add, name="effect_add"),
    path("atgard/<int:pk>/kostnad/", part_records.cost_add, name="cost_add"),
    path("kostnad/<int:pk>/underlag/", records.cost_document_add, name="cost_document_add"),
    path("underlag/<int:pk>/", records.cost_document_download, name="cost_document"),
    path("indikator/<int:pk>/", records.indicator_detail, name="indicator"),
    path("indikator/<int:pk>/andra/", records.indicator_edit, name="indicator_edit"),
    path("indikator/<int:pk>/matvarde/", records.measurement_add, name="measurement_add"),
    path("indikator/<int:pk>/import/", records.measurement_import, name="measurement_import"),
    path("indikator/<int:pk>/matvarden.csv", records.measurement_template, name="measurement_csv"),
    path("beslut/<int:decision_pk>/redovisning/", reports.report_start, name="report_start"),
    path("redovisning/<int:pk>/", reports.report_detail, name="report"),
    path("redovisning/<int:pk>/lamna-in/", reports.report_submit, name="report_submit"),
    path("redovisning/<int:pk>/ratta/", reports.report_correct, name="report_correct"),
    path("redovisning/<int:pk>/utskrift/", reports.report_print, name="report_print"),
    path("redovisning/<int:pk>/<str:fmt>/", reports.report_download, name="report_download"),
    path("ekonomi/beslut/<int:pk>/", accounting.decision_accounting, name="decision_accounting"),
    path("ekonomi/region/<slug:slug>/", accounting.region_accounting, name="region_accounting"),
    path("andringar/", changes.change_list, name="changes"),
    path("beslut/<int:decision_pk>/andring/ny/", changes.change_new, name="change_new"),
    path("andring/<int:pk>/", changes.change_detail, name="change"),
    path("andring/<int:pk>/svar/", changes.change_answer, name="change_answer"),
    path("villkor/<int:pk>/", conditions.condition_detail, name="condition"),
    path("villkor/<int:pk>/uppfyllelse/", conditions.fulfilment_save, name="condition_fulfilment"),
    path("villkor/<int:pk>/bilaga/", conditions.evidence_add, name="condition_evidence_add"),
    path(
        "villkor/<int:pk>/kvittera/", conditions.condition_acknowledge, name="condition_acknowledge"
    ),
    path("villkorsbilaga/<int:pk>/", conditions.evidence_download, name="condition_evidence"),
    path("post/<str:kind>/<int:pk>/andra/", corrections.record_edit, name="record_edit"),
    path("post/<str:kind>/<int:pk>/ta-bort/", corrections.record_remove, name="record_remove"),
]
