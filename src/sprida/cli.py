"""The `sprida` command: Django's management commands under one name."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sprida.settings")
    # `sprida check` runs the deployment checks and fails on any warning, so a deployment
    # script stops on an insecure setting; --no-deploy gives Django's plain checks.
    if args[:1] == ["check"]:
        if "--no-deploy" in args:
            args.remove("--no-deploy")
        elif "--deploy" not in args:
            args.append("--deploy")
        if not any(arg.startswith("--fail-level") for arg in args):
            args += ["--fail-level", "WARNING"]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sprida", *args])


if __name__ == "__main__":
    main()
