from django.urls import path

from sprida.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.documents, name="documents"),
    path("<int:pk>/", views.document, name="document"),
    path("<int:pk>/forlopp/", views.progress, name="progress"),
    path("<int:pk>/original/", views.original, name="original"),
    path("<int:pk>/tolka-igen/", views.reprocess, name="reprocess"),
]
