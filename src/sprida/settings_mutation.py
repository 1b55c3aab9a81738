"""Settings for mutation testing: the test settings with the test database kept on disk, so the
test run for each mutant reuses it instead of migrating a new one (see tools/mutation.py)."""

from sprida.settings_test import *  # noqa: F403
from sprida.settings_test import DATABASES, VAR_DIR

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "mutation-tests.sqlite3")}
