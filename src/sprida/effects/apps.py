from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "sprida.effects"
    verbose_name = _("Effekter")

    def ready(self) -> None:
        # Registers the demo loaders (orders 30 and 31) and the start-page panel.
        from sprida.effects import dashboard, demo, joint_demo  # noqa: F401
