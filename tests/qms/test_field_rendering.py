"""Drop-down lists are written directly (not one template per option) and read as Django's own."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.template import Context, Template

from qms.models import User
from qms.templatetags.qms_tags import bootstrap_widget

from .factories import UserFactory

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, sorted(attrs)))

    def handle_data(self, data):
        if data.strip():
            self.tags.append(("text", data.strip()))


def parsed(html: str) -> list:
    parser = Tags()
    parser.feed(str(html))
    return parser.tags


class PeopleForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=User.objects.order_by("username"), help_text="The owner.")
    reviewers = forms.ModelMultipleChoiceField(queryset=User.objects.order_by("username"), required=False)
    kind = forms.ChoiceField(
        choices=[("Documents", [("policy", "Policy <1>"), ("manual", "Manual")]), ("other", "Other")]
    )


def test_a_select_reads_as_djangos_own_with_its_choice_errors_and_groups():
    people = [UserFactory(username=f"p{index}") for index in range(3)]
    form = PeopleForm({"owner": "", "reviewers": [people[0].pk, people[2].pk], "kind": "manual"})
    assert not form.is_valid()  # owner missing: the field is marked invalid

    for name in ("owner", "reviewers", "kind"):
        field = form[name]
        fast = bootstrap_widget(field)
        django = field.as_widget(
            attrs={"class": "form-select" + (" is-invalid" if field.errors else "")}
            | ({"aria-invalid": "true"} if field.errors else {})
        )
        assert parsed(fast) == parsed(django), name
    assert "&lt;1&gt;" in bootstrap_widget(form["kind"])  # labels escaped
    assert "selected" in bootstrap_widget(form["reviewers"]) and "multiple" in bootstrap_widget(form["reviewers"])


def test_the_field_include_lists_every_person_once():
    UserFactory.create_batch(30)
    form = PeopleForm()
    html = Template('{% include "includes/field.html" with field=form.owner %}').render(Context({"form": form}))
    assert html.count("<option") == User.objects.count() + 1  # and the empty choice


def test_a_select_that_adds_to_its_options_is_left_to_django():
    class TaggedSelect(forms.Select):
        def create_option(self, *args, **kwargs):
            option = super().create_option(*args, **kwargs)
            option["attrs"]["data-tag"] = "x"
            return option

    class TaggedForm(forms.Form):
        kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=TaggedSelect)

    assert bootstrap_widget(TaggedForm()["kind"]).count('data-tag="x"') == 2
