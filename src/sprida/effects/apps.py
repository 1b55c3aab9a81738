from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "sprida.effects"
    verbose_name = _("Effekter")

    def ready(self) -> None:
        # Registers the demo loader (order 30) and the start-page panel.
        from sprida.effects import dashboard, demo  # noqa: F401
