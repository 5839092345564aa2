from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from admissions.models import Application, Campaign, Preference
from audits.models import Action, Audit, ChecklistItem, Nonconformity
from policies.models import Document, Version
from processes.models import KPI, Measurement, Process
from qms import volume
from qms.models import OrganisationalUnit, User
from qms.roles import Role

pytestmark = pytest.mark.django_db

SCALE = 0.01


def generate(*args):
    out = StringIO()
    call_command("generate_volume_data", "--scale", str(SCALE), *args, stdout=out)
    return out.getvalue()


def generated_counts() -> dict[str, int]:
    prefix, code = volume.PREFIX, volume.CODE_PREFIX
    documents = Document.objects.filter(code__startswith=code)
    processes = Process.objects.filter(code__startswith=code)
    audits = Audit.objects.filter(title__startswith=volume.AUDIT_PREFIX)
    ncs = Nonconformity.objects.filter(number__startswith=code)
    applications = Application.objects.filter(campaign__academic_year__startswith=code)
    return {
        "units": OrganisationalUnit.objects.filter(short_name__startswith=prefix).count(),
        "staff": User.objects.filter(username__startswith=f"{prefix}staff-").count(),
        "documents": documents.count(),
        "versions": Version.objects.filter(document__in=documents).count(),
        "processes": processes.count(),
        "KPIs": KPI.objects.filter(process__in=processes).count(),
        "measurements": Measurement.objects.filter(kpi__process__in=processes).count(),
        "audits": audits.count(),
        "checklist answers": ChecklistItem.objects.filter(audit__in=audits).count(),
        "nonconformities": ncs.count(),
        "actions": Action.objects.filter(nonconformity__in=ncs).count(),
        "applications": applications.count(),
        "preferences": Preference.objects.filter(application__in=applications).count(),
    }


def test_scale_creates_the_counts_of_the_scale():
    output = generate()

    assert generated_counts() == volume.expected_counts(SCALE)
    assert generated_counts() == {
        "units": 1,
        "staff": 20,
        "documents": 5,
        "versions": 15,
        "processes": 3,
        "KPIs": 15,
        "measurements": 360,
        "audits": 2,
        "checklist answers": 60,
        "nonconformities": 100,
        "actions": 200,
        "applications": 200,
        "preferences": 1000,
    }
    assert "admissions" in output and "total" in output
    # Every document's latest version is published, the older ones superseded.
    assert not Version.objects.filter(document__code__startswith=volume.CODE_PREFIX, status="published").exclude(
        revision=3
    )
    # Applications in every state.
    states = set(
        Application.objects.filter(campaign__academic_year__startswith="VOL-").values_list("status", flat=True)
    )
    assert states == set(Application.Status.values)


def test_clear_twice_gives_the_same_counts():
    generate()
    first = generated_counts()
    generate("--clear")
    assert generated_counts() == first
    generate("--clear")
    assert generated_counts() == first
    assert Campaign.objects.filter(academic_year__startswith="VOL-").count() == 1


def test_a_second_run_without_clear_is_refused():
    generate()
    with pytest.raises(CommandError, match="--clear"):
        generate()


@pytest.mark.parametrize("scale", ["0", "-1", "nan"])
def test_scale_zero_or_negative_is_refused(scale):
    with pytest.raises(CommandError, match="--scale"):
        call_command("generate_volume_data", "--scale", scale, stdout=StringIO())


def test_main_pages_answer_on_the_generated_data(client):
    generate()
    rector = User.objects.filter(username__startswith=volume.PREFIX, groups__name=Role.RECTORATE).first()
    committee = User.objects.filter(username__startswith=volume.PREFIX, groups__name=Role.ADMISSIONS_COMMITTEE).first()
    campaign = Campaign.objects.get(academic_year__startswith="VOL-")
    client.force_login(rector)
    for name in ("dashboard", "audits:nc-list", "policies:document-list", "processes:process-list"):
        response = client.get(reverse(name), secure=True)
        assert response.status_code == 200, name
    client.force_login(committee)
    response = client.get(reverse("admissions:queue", args=[campaign.pk]), secure=True)
    assert response.status_code == 200
    response = client.get(reverse("admissions:queue", args=[campaign.pk]) + "?status=eligible", secure=True)
    assert response.status_code == 200
