from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.test.utils import override_settings

from sprida.core import demo
from sprida.settings import env_bool


class Command(BaseCommand):
    help = "Set up the demo: migrate, load the regions, demo users and demo data, then serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-serve", action="store_true", help="Load everything, do not serve."
        )
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("Sprida demo: migrerar databasen …")
        call_command("migrate", interactive=False, verbosity=0)
        # Demo data may trigger notices (e.g. a new dossier version); keep them off the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for loader in demo.loaders():
                self.stdout.write(f"Laddar {loader.name} …")
                loader.load(self.stdout)
        password = demo.demo_password()
        users = demo.demo_users_create(password)
        call_command("collectstatic", interactive=False, verbosity=0)
        host = options["bind"]
        self.stdout.write(self.style.SUCCESS(f"\nSprida: http://{host}/"))
        self.stdout.write(f"Demoanvändare (lösenord: {password}):")
        for user in users:
            self.stdout.write(f"  {user.username:<14} {user.description}")
        self.stdout.write(f"Databas: {settings.DATABASES['default']['NAME']}")
        if not options["no_serve"]:
            # In the demo, two-factor sign-in is by choice unless the environment requires it.
            os.environ.setdefault("SPRIDA_REQUIRE_2FA_FOR_STAFF", "0")
            if not env_bool("SPRIDA_REQUIRE_2FA_FOR_STAFF"):
                self.stdout.write(
                    "Tvåstegsverifiering: frivillig i demon (Mitt konto → Tvåstegsverifiering); "
                    "SPRIDA_REQUIRE_2FA_FOR_STAFF=1 kräver den av delegationen och admin."
                )
            call_command("serve", bind=host)
