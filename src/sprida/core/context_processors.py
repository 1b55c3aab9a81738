from django.http import HttpRequest

from sprida.core.navigation import menu_for


def navigation(request: HttpRequest) -> dict[str, object]:
    return {"nav_items": menu_for(request)}
