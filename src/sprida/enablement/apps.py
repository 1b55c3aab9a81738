from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnablementConfig(AppConfig):
    name = "sprida.enablement"
    verbose_name = _("Gemensamma underlag")
