from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpreadingConfig(AppConfig):
    name = "sprida.spreading"
    verbose_name = _("Spridning")

    def ready(self) -> None:
        from sprida.spreading import demo, searching  # noqa: F401  (registers demo and search)
