from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnablementConfig(AppConfig):
    name = "sprida.enablement"
    verbose_name = _("Gemensamma underlag")

    def ready(self) -> None:
        from sprida.core import dashboard
        from sprida.enablement import demo  # noqa: F401 - registers the demo loader
        from sprida.enablement.panels import enablement_panels

        dashboard.register(enablement_panels)
