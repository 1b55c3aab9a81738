from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "sprida.intake"
    verbose_name = _("Dokument")

    def ready(self) -> None:
        from sprida.intake import demo, searching  # noqa: F401  (demo loader, search kind)
