import io
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from sprida.accounts.models import User


@pytest.mark.django_db
def test_demo_without_serving(monkeypatch, settings, tmp_path) -> None:
    settings.VAR_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("SPRIDA_DEMO_PASSWORD", "demo-passord-123")
    out = io.StringIO()
    call_command("demo", no_serve=True, stdout=out)
    call_command("demo", no_serve=True, stdout=out)  # a second run works too
    for name in ("orebro", "jamtland", "vastmanland", "skr", "delegationen", "admin"):
        assert User.objects.get(username=name).check_password("demo-passord-123")
    assert "demo-passord-123" in out.getvalue()
    assert User.objects.get(username="vastmanland").memberships.get().role == "viewer"


def _check(tmp_path, **overrides: str) -> subprocess.CompletedProcess[str]:
    """`sprida check`, as a deployment script runs it, with production settings."""
    # The browser tests allow async-unsafe calls in this process; production never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "sprida.settings",
        "SECRET_KEY": "x" * 64 + "-production-secret-key-with-enough-entropy-1234567890",
        "SPRIDA_HTTPS": "1",
        "ALLOWED_HOSTS": "sprida.example.se",
        "SPRIDA_VAR_DIR": str(tmp_path),
        "DEBUG": "0",
        **overrides,
    }
    return subprocess.run(
        [sys.executable, "-m", "sprida.cli", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_checks_are_clean_with_production_settings(tmp_path) -> None:
    result = _check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_fails_on_a_deployment_warning(tmp_path) -> None:
    result = _check(tmp_path, SECRET_KEY="kort")  # security.W009: a weak secret key
    assert result.returncode != 0, result.stdout + result.stderr
    assert "security.W009" in result.stderr + result.stdout
