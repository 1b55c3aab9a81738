from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sprida.core"
    verbose_name = _("Kärna")

    def ready(self) -> None:
        from sprida.core import collation, demo  # noqa: F401  (Swedish order; the loader)
