"""The error summary every form page shares: one entry per error, linked to its field."""

from __future__ import annotations

from django import forms
from django.template import Context, Template

from sprida.core.form_errors import form_errors


class Sample(forms.Form):
    name = forms.CharField(label="Namn")
    amount = forms.IntegerField(label="Belopp")

    def clean(self):
        raise forms.ValidationError("Summan stämmer inte.")


Rows = forms.formset_factory(Sample, extra=0)


def test_every_error_is_listed_and_field_errors_link_to_their_field() -> None:
    form = Sample({"amount": "x"})
    errors = form_errors(form, ["Ett fel från tjänsten."], None)
    assert [(e.message.split(":")[0], e.target) for e in errors] == [
        ("Summan stämmer inte.", ""),
        ("Namn", "id_name"),
        ("Belopp", "id_amount"),
        ("Ett fel från tjänsten.", ""),
    ]


def test_formset_rows_are_numbered_and_unbound_forms_have_no_errors() -> None:
    rows = Rows({"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": "a"})
    targets = [e.target for e in form_errors({"rows": rows, "blank": Sample()})]
    assert "id_form-0-amount" in targets
    assert any(e.message.startswith("Rad 1: Belopp: ") for e in form_errors(rows))
    assert form_errors(Sample()) == []


def test_the_component_renders_the_summary_and_the_title_prefix() -> None:
    template = Template(
        "{% load sprida %}<title>{% error_title form %}X</title>{% error_summary form %}"
    )
    html = template.render(Context({"form": Sample({"name": "", "amount": "1"})}))
    assert "<title>Fel: X</title>" in html
    assert "Det finns fel i formuläret" in html and 'href="#id_name"' in html
    assert 'tabindex="-1"' in html and "data-error-summary" in html
    clean = Template("{% load sprida %}{% error_title form %}{% error_summary form %}")
    assert clean.render(Context({"form": Sample()})).strip() == ""


class Choices(forms.Form):
    regions = forms.MultipleChoiceField(
        label="Regioner", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )


def test_a_group_of_checkboxes_links_to_its_first_box() -> None:
    assert [e.target for e in form_errors(Choices({}))] == ["id_regions_0"]
