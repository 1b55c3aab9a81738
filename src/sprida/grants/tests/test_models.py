from django.utils import translation

from sprida.grants.models import MeasureCategory


def test_category_name_follows_the_language() -> None:
    category = MeasureCategory(name="AI-taligenkänning", name_en="AI speech recognition")
    with translation.override("sv"):
        assert category.display_name == "AI-taligenkänning"
        assert str(category) == "AI-taligenkänning"
    with translation.override("en"):
        assert category.display_name == "AI speech recognition"
        assert str(category) == "AI speech recognition"


def test_category_without_english_name_keeps_the_swedish_one() -> None:
    category = MeasureCategory(name="Fallprevention")
    with translation.override("en"):
        assert str(category) == "Fallprevention"
