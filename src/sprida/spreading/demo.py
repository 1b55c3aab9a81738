from sprida.core import demo  # noqa: F401
