from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "sprida.effects"
    verbose_name = _("Effekter")
