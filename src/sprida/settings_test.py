"""Test settings: the same as production apart from speed and static files."""

from sprida.settings import *  # noqa: F403
from sprida.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_FAILURE_LIMIT = 5
# Tests that need two-factor sign-in required turn it on themselves.
SPRIDA_REQUIRE_2FA_FOR_STAFF = False
# Tests serve static files through the finders; no collected folder is needed.
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
