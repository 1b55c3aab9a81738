from django.urls import path

from sprida.enablement.views import adoption, dossiers, groups

app_name = "enablement"
urlpatterns = [
    path("", dossiers.dossiers, name="dossiers"),
    path("nytt/", dossiers.dossier_create, name="dossier_create"),
    path("krav/", dossiers.requirements, name="requirements"),
    path("oversikt/", adoption.matrix, name="matrix"),
    path("antaganden/<int:pk>/", adoption.adoption_detail, name="adoption"),
    path("antaganden/<int:pk>/<str:action>/", adoption.adoption_action, name="adoption_action"),
    path("arbetsgrupper/", groups.groups, name="groups"),
    path("arbetsgrupper/<slug:slug>/", groups.group_detail, name="group"),
    path("tid/", groups.time, name="time"),
    path("ersattning/", groups.compensation, name="compensation"),
    path("effekter/", groups.effects, name="effects"),
    path("<slug:slug>/", dossiers.dossier_detail, name="dossier"),
    path("<slug:slug>/anta/", dossiers.adopt, name="adopt"),
    path("<slug:slug>/jamfor/", dossiers.diff, name="diff"),
    path("<slug:slug>/transparens/", dossiers.transparency, name="transparency"),
    path("<slug:slug>/transparens.json", dossiers.transparency_json, name="transparency_json"),
    path("<slug:slug>/v<int:number>/", dossiers.dossier_detail, name="version"),
    path("<slug:slug>/v<int:number>/redigera/", dossiers.version_edit, name="version_edit"),
    path("<slug:slug>/v<int:number>/ai-forordningen/", dossiers.aiact_edit, name="aiact"),
    path("<slug:slug>/v<int:number>/krav/", dossiers.checks_edit, name="checks"),
    path("<slug:slug>/v<int:number>/docx", dossiers.version_docx, name="docx"),
    path(
        "<slug:slug>/v<int:number>/<str:action>/",
        dossiers.version_action,
        name="version_action",
    ),
    path(
        "<slug:slug>/v<int:number>/rader/<str:kind>/",
        dossiers.item_add,
        name="item_add",
    ),
    path(
        "<slug:slug>/v<int:number>/rader/<str:kind>/<int:pk>/ta-bort/",
        dossiers.item_delete,
        name="item_delete",
    ),
]
