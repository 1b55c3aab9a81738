from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "sprida.grants"
    verbose_name = _("Bidrag")

    def ready(self) -> None:
        from sprida.core import dashboard
        from sprida.grants import demo, panels  # noqa: F401  (registers the demo loaders)

        dashboard.register(panels.grant_panels)
