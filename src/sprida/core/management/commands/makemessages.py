"""Django's makemessages, also reading `_l(...)`: modules import gettext_lazy under that name."""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_l"]
