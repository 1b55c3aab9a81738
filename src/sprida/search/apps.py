from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "sprida.search"
    verbose_name = _("Sök")

    def ready(self) -> None:
        from sprida.search import demo, kinds  # noqa: F401  (registers builders and the demo step)
