"""KPIs: status from the latest measurement with inclusive thresholds, one measurement per period,
evidence judged by its bytes, and the daily sweep that marks missing measurements overdue and
reminds the owner once per KPI and period."""

import datetime
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from processes import services
from processes.models import KPI, Measurement, MeasurementReminder
from processes.periods import last_ended_period, period_of

pytestmark = pytest.mark.django_db

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def make_kpi(process, *, direction="higher", target="80", threshold="60", frequency="monthly", active=True):
    return services.kpi_save(
        process=process,
        name={"en": "Graduate employment"},
        unit_of_measure="%",
        direction=direction,
        target=Decimal(target),
        at_risk_threshold=Decimal(threshold),
        frequency=frequency,
        objective=None,
        active=active,
    )


def created_long_ago(kpi):
    KPI.objects.filter(pk=kpi.pk).update(created_at=timezone.now() - datetime.timedelta(days=800))
    kpi.refresh_from_db()
    return kpi


@pytest.mark.parametrize(
    ("direction", "target", "threshold", "value", "status"),
    [
        ("higher", "80", "60", "95", KPI.Status.ON_TARGET),
        ("higher", "80", "60", "80", KPI.Status.ON_TARGET),
        ("higher", "80", "60", "79.99", KPI.Status.AT_RISK),
        ("higher", "80", "60", "60", KPI.Status.AT_RISK),
        ("higher", "80", "60", "59.99", KPI.Status.OFF_TARGET),
        ("lower", "5", "10", "1", KPI.Status.ON_TARGET),
        ("lower", "5", "10", "5", KPI.Status.ON_TARGET),
        ("lower", "5", "10", "5.01", KPI.Status.AT_RISK),
        ("lower", "5", "10", "10", KPI.Status.AT_RISK),
        ("lower", "5", "10", "10.01", KPI.Status.OFF_TARGET),
        ("higher", "80", "80", "79.99", KPI.Status.OFF_TARGET),  # no at-risk band at all
    ],
)
def test_the_status_at_and_just_beyond_the_thresholds(direction, target, threshold, value, status):
    kpi = KPI(direction=direction, target=Decimal(target), at_risk_threshold=Decimal(threshold))
    assert kpi.status_of(Decimal(value)) == status


def test_no_value_means_no_data():
    assert KPI(target=Decimal(1), at_risk_threshold=Decimal(0)).status_of(None) == KPI.Status.NO_DATA


@pytest.mark.parametrize(("direction", "target", "threshold"), [("higher", "80", "90"), ("lower", "10", "5")])
def test_a_threshold_on_the_wrong_side_of_the_target_is_refused(process, direction, target, threshold):
    kpi = KPI(
        process=process,
        name={"en": "X"},
        direction=direction,
        target=Decimal(target),
        at_risk_threshold=Decimal(threshold),
        frequency="monthly",
    )
    with pytest.raises(ValidationError) as refused:
        kpi.full_clean()
    assert "at_risk_threshold" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_kpi(process, direction=direction, target=target, threshold=threshold)
    assert "at_risk_threshold" in refused.value.message_dict
    assert not KPI.objects.exists()


def test_the_database_refuses_a_threshold_on_the_wrong_side(process):
    kpi = make_kpi(process)
    with pytest.raises(IntegrityError), transaction.atomic():
        KPI.objects.filter(pk=kpi.pk).update(at_risk_threshold=Decimal("90"))


def test_the_kpi_form_shows_a_threshold_on_the_wrong_side_next_to_the_field(client, process, people):
    client.force_login(people.owner)
    response = client.post(
        reverse("processes:kpi-create", args=[process.pk]),
        {
            "language": "en",
            "name": "Drop-out rate",
            "direction": "lower",
            "target": "5",
            "at_risk_threshold": "3",
            "frequency": "semester",
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "at least the target" in " ".join(response.context["form"].errors["at_risk_threshold"])
    assert 'value="Drop-out rate"' in response.content.decode()
    assert not KPI.objects.exists()


def test_recording_a_measurement_sets_the_status_and_the_latest_value(process, people):
    kpi = make_kpi(process)
    assert kpi.status == KPI.Status.NO_DATA and kpi.last_value is None
    start, end = last_ended_period("monthly", timezone.localdate())
    measurement = services.measurement_record(
        kpi=kpi, period_start=start, value=Decimal("70"), by=people.owner, comment=" Survey "
    )
    assert (measurement.period_start, measurement.period_end, measurement.comment) == (start, end, "Survey")
    assert measurement.entered_by == people.owner
    kpi.refresh_from_db()
    assert (kpi.status, kpi.last_value, kpi.last_period_start) == (KPI.Status.AT_RISK, Decimal("70"), start)

    earlier = period_of("monthly", start - datetime.timedelta(days=1))[0]
    services.measurement_record(kpi=kpi, period_start=earlier, value=Decimal("10"), by=people.owner)
    kpi.refresh_from_db()
    assert (kpi.status, kpi.last_value) == (KPI.Status.AT_RISK, Decimal("70"))  # the latest period counts


def test_correcting_a_periods_value_replaces_it(process, people):
    kpi = make_kpi(process)
    start, _end = last_ended_period("monthly", timezone.localdate())
    first = services.measurement_record(kpi=kpi, period_start=start, value=Decimal("50"), by=people.owner)
    second = services.measurement_record(kpi=kpi, period_start=start, value=Decimal("85"), by=people.quality)
    assert first.pk == second.pk
    assert list(kpi.measurements.values_list("value", "entered_by")) == [(Decimal("85"), people.quality.pk)]
    kpi.refresh_from_db()
    assert (kpi.status, kpi.last_value) == (KPI.Status.ON_TARGET, Decimal("85"))


def test_a_period_that_has_not_begun_is_refused(process, people):
    kpi = make_kpi(process)
    next_start = period_of("monthly", timezone.localdate())[1] + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.measurement_record(kpi=kpi, period_start=next_start, value=Decimal("90"), by=people.owner)
    assert "period_start" in refused.value.message_dict
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("frequency", ["monthly", "quarterly", "semester", "yearly"])
def test_a_day_that_does_not_start_a_period_is_refused(process, people, frequency):
    kpi = make_kpi(process, frequency=frequency)
    start, _end = last_ended_period(frequency, timezone.localdate())
    with pytest.raises(ValidationError) as refused:
        services.measurement_record(kpi=kpi, period_start=start + datetime.timedelta(days=14), value=1, by=people.owner)
    assert "period_start" in refused.value.message_dict
    assert not Measurement.objects.exists()


def test_a_renamed_executable_is_refused_as_evidence_and_nothing_is_saved(process, people, media_root):
    kpi = make_kpi(process)
    start, _end = last_ended_period("monthly", timezone.localdate())
    upload = SimpleUploadedFile("evidence.pdf", EXECUTABLE, content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        services.measurement_record(kpi=kpi, period_start=start, value=Decimal("90"), by=people.owner, evidence=upload)
    assert refused.value.code == "wrong_type"
    assert "whatever its name says" in refused.value.messages[0]
    assert not Measurement.objects.exists()
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))
    kpi.refresh_from_db()
    assert kpi.status == KPI.Status.NO_DATA


def test_the_measurement_page_shows_why_the_evidence_was_refused(client, process, people, media_root):
    kpi = make_kpi(process)
    start, _end = last_ended_period("monthly", timezone.localdate())
    client.force_login(people.owner)
    response = client.post(
        reverse("processes:kpi-detail", args=[kpi.pk]),
        {
            "period": start.isoformat(),
            "value": "90",
            "comment": "Typed comment",
            "evidence": SimpleUploadedFile("evidence.pdf", EXECUTABLE, content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["evidence"])
    assert "Only PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG files can be attached" in errors
    assert "Typed comment" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_real_pdf_is_kept_as_evidence(process, people, media_root):
    kpi = make_kpi(process)
    start, _end = last_ended_period("monthly", timezone.localdate())
    upload = SimpleUploadedFile("survey results.pdf", PDF, content_type="application/pdf")
    measurement = services.measurement_record(
        kpi=kpi, period_start=start, value=Decimal("90"), by=people.owner, evidence=upload
    )
    measurement.refresh_from_db()
    assert measurement.evidence.name.startswith(f"kpi-evidence/{kpi.pk}/{start:%Y-%m-%d}/")
    with measurement.evidence.open("rb") as stored:
        assert stored.read() == PDF


def test_a_measurement_refused_after_its_evidence_was_checked_leaves_no_file_behind(process, people, media_root):
    """Fails: measurement_record stores the evidence file (evidence.save) before full_clean, so a
    value the model refuses leaves an orphan file in the media storage."""
    kpi = make_kpi(process)
    start, _end = last_ended_period("monthly", timezone.localdate())
    upload = SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.measurement_record(
            kpi=kpi, period_start=start, value=Decimal("1e15"), by=people.owner, evidence=upload
        )
    assert not Measurement.objects.exists()
    assert not media_root.exists() or [p.name for p in media_root.rglob("*") if p.is_file()] == []


def test_changing_the_target_recomputes_the_status(process, people):
    kpi = make_kpi(process)
    start, _end = last_ended_period("monthly", timezone.localdate())
    services.measurement_record(kpi=kpi, period_start=start, value=Decimal("70"), by=people.owner)
    kpi = services.kpi_save(process=process, kpi=kpi, target=Decimal("70"))
    assert kpi.status == KPI.Status.ON_TARGET
    kpi = services.kpi_save(process=process, kpi=kpi, target=Decimal("90"), at_risk_threshold=Decimal("80"))
    kpi.refresh_from_db()
    assert kpi.status == KPI.Status.OFF_TARGET


def test_a_kpi_without_the_last_periods_measurement_is_overdue_until_measured(
    process, people, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    kpi = created_long_ago(make_kpi(process))
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.kpi_measurement_sweep(today=today)
    assert counts == {"kpis": 1, "overdue": 1, "reminded": 1}
    kpi.refresh_from_db()
    assert kpi.overdue

    start, _end = last_ended_period("monthly", today)
    services.measurement_record(kpi=kpi, period_start=start, value=Decimal("90"), by=people.owner)
    kpi.refresh_from_db()
    assert not kpi.overdue
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.kpi_measurement_sweep(today=today)
    kpi.refresh_from_db()
    assert not kpi.overdue and counts["overdue"] == 0


def test_a_kpi_created_during_the_current_period_is_not_overdue(process, django_capture_on_commit_callbacks):
    kpi = make_kpi(process)
    with django_capture_on_commit_callbacks(execute=True):
        services.kpi_measurement_sweep(today=timezone.localdate())
    kpi.refresh_from_db()
    assert not kpi.overdue and not mail.outbox


def test_the_sweep_reminds_once_per_kpi_and_period(process, people, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    kpi = created_long_ago(make_kpi(process))
    other = created_long_ago(make_kpi(process, frequency="quarterly"))
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.kpi_measurement_sweep(today=today)
    assert len(mail.outbox) == 2
    assert all(message.to == [people.owner.email] for message in mail.outbox)
    assert {(r.kpi_id, r.period_start) for r in MeasurementReminder.objects.all()} == {
        (kpi.pk, last_ended_period("monthly", today)[0]),
        (other.pk, last_ended_period("quarterly", today)[0]),
    }

    next_month = today + relativedelta(months=1)
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.kpi_measurement_sweep(today=next_month)
    assert counts["reminded"] >= 1
    assert MeasurementReminder.objects.filter(kpi=kpi).count() == 2
    assert len(mail.outbox) == 2 + counts["reminded"]
    assert process.code in mail.outbox[-1].subject


def test_an_inactive_kpi_is_never_overdue(process, people, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    inactive = created_long_ago(make_kpi(process, active=False))
    overdue = created_long_ago(make_kpi(process))
    with django_capture_on_commit_callbacks(execute=True):
        services.kpi_measurement_sweep(today=today)
    inactive.refresh_from_db()
    overdue.refresh_from_db()
    assert not inactive.overdue and overdue.overdue
    assert len(mail.outbox) == 1

    services.kpi_save(process=process, kpi=overdue, active=False)
    overdue.refresh_from_db()
    assert not overdue.overdue
    with django_capture_on_commit_callbacks(execute=True):
        services.kpi_measurement_sweep(today=today + relativedelta(months=2))
    assert len(mail.outbox) == 1
    assert not MeasurementReminder.objects.filter(kpi=inactive).exists()
