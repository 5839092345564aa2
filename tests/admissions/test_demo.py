"""The demo admission: this year's campaign open now, 200 invented applicants and the two demo
accounts in every state of an application, round 1 closed, round 2 published with its lists,
round 3 planned; nothing e-mailed or left for the workers; loading twice adds nothing."""

import datetime
import io

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from admissions import demo, services
from admissions.models import (
    Applicant,
    Application,
    Campaign,
    Document,
    Preference,
    Quota,
    Round,
    RoundQuota,
    RoundResult,
    identity_problem,
)
from qms import demo as qms_demo
from qms.models import Notification, User

Status = Application.Status


def snapshot():
    return {
        "users": User.objects.count(),
        "applicants": Applicant.objects.count(),
        "applications": sorted(Application.objects.values_list("number", "status")),
        "documents": Document.objects.count(),
        "preferences": Preference.objects.count(),
        "rounds": sorted(Round.objects.values_list("number", "status", "enrolment_deadline")),
        "results": RoundResult.objects.count(),
        "notifications": Notification.objects.count(),
        "history": (Application.history.count(), Document.history.count(), User.history.count()),
    }


@pytest.mark.django_db
def test_the_demo_admission_reaches_every_state_and_loads_once():
    out = io.StringIO()
    qms_demo.load(out)
    hooks_before = len(transaction.get_connection().run_on_commit)
    demo.load(out)
    today = timezone.localdate()

    # Nothing is e-mailed and nothing is left for after the commit (the workers' work is done).
    assert mail.outbox == []
    assert len(transaction.get_connection().run_on_commit) == hooks_before
    assert "Admissions demo:" in out.getvalue()
    assert "could not be sent" not in out.getvalue()  # every notification rendered

    campaign = Campaign.objects.get(academic_year="2026/2027")
    assert campaign.is_open(today) and campaign.opens_on == today - datetime.timedelta(days=60)
    assert services.current_campaign() == campaign
    assert {"ФХТ", "ФХСИ", "ФММ"} == set(campaign.programmes.values_list("faculty__short_name", flat=True))
    assert campaign.programmes.filter(language="en").exists()
    assert set(campaign.programmes.filter(economics_bonus=True).values_list("name_en", flat=True)) == {
        "Industrial Management",
        "Industrial Logistics",
    }

    rounds = {r.number: r for r in campaign.rounds.all()}
    assert (rounds[1].status, rounds[2].status, rounds[3].status) == ("closed", "published", "planned")
    assert rounds[1].enrolment_deadline < today <= rounds[2].enrolment_deadline < rounds[3].ranking_on
    assert rounds[1].published_at < rounds[1].closed_at < rounds[2].published_at < timezone.now()
    # The public lists of round 2: every quota's figures and the admitted in order of merit.
    quotas = Quota.objects.filter(programme__campaign=campaign).count()
    assert RoundQuota.objects.filter(round=rounds[2]).count() == quotas
    admitted = RoundResult.objects.filter(round=rounds[2], quota__isnull=False)
    assert admitted.count() == rounds[2].admitted_count > 0
    assert not admitted.filter(merit__isnull=True).exists()

    applicants = User.objects.filter(groups__name="applicant")
    assert applicants.count() == 202 == Applicant.objects.count()
    assert {u.username for u in applicants if u.has_usable_password()} == {"applicant", "applicant2"}
    assert applicants.filter(username__endswith="@example.invalid").count() == 200

    applications = Application.objects.filter(campaign=campaign)
    assert set(applications.values_list("status", flat=True)) == set(Status.values)
    returned = applications.filter(status=Status.RETURNED)
    assert all(a.return_note for a in returned)
    assert all(a.documents.filter(status=Document.Status.REJECTED).exclude(review_note="").exists() for a in returned)
    assert not applications.filter(status=Status.REJECTED, rejection_article="").exists()
    assert not applications.filter(status=Status.LOST_RIGHTS).exclude(admitted_round=rounds[1]).exists()
    for application in applications.filter(status__in=[Status.CONFIRMED, Status.ENROLLED]):
        assert application.documents.filter(kind=Document.Kind.ENROLMENT_RECEIPT).exists()
    waiting = applications.filter(status=Status.SUBMITTED).order_by("submitted_at")
    assert waiting.first().first_submitted_at > rounds[2].ranked_at
    assert (
        Preference.objects.filter(
            application__applicant__citizenship=Applicant.Citizenship.OTHER_FOREIGNER, quota__funding="paid"
        ).count()
        == Preference.objects.filter(application__applicant__citizenship=Applicant.Citizenship.OTHER_FOREIGNER).count()
        > 0
    )
    document = Document.objects.exclude(kind=Document.Kind.ENROLMENT_RECEIPT).first()
    with document.file.open("rb") as scan:
        assert scan.read(5) == b"%PDF-"

    victoria = Application.objects.get(applicant__user__username="applicant2")
    assert victoria.status == Status.ADMITTED and victoria.admitted_round == rounds[2]
    result = RoundResult.objects.get(round=rounds[2], application=victoria)
    assert result.quota == victoria.admitted_quota and len(result.explanation) == victoria.preferences.count()
    assert Notification.objects.filter(recipient__username="applicant2").count() >= 3

    alexander = Application.objects.get(applicant__user__username="applicant")
    assert alexander.status == Status.DRAFT
    assert "ХСИ-ИМ" in alexander.preferences.values_list("quota__programme__code", flat=True)
    assert alexander.preferences.count() == 3 and alexander.documents.exists()
    problems = services.submission_problems(alexander)
    assert problems and all(str(p).startswith("Upload") for p in problems)  # only documents are missing

    first = snapshot()
    out = io.StringIO()
    demo.load(out)
    assert "nothing added" in out.getvalue()
    assert snapshot() == first


def test_the_invented_people_are_plausible_and_the_same_each_time():
    today = datetime.date(2026, 7, 1)
    people = demo.invented_people(today)
    again = demo.invented_people(today)
    assert [(p.username, p.profile, p.preferences, p.fate) for p in people] == [
        (p.username, p.profile, p.preferences, p.fate) for p in again
    ]
    invented = people[:-2]
    assert [p.username for p in people[-2:]] == ["applicant", "applicant2"]
    assert len({p.username for p in invented}) == 200
    assert all(p.username.endswith(f".{n}@example.invalid") for n, p in enumerate(invented, start=1))
    numbers = [p.profile["identity_number"] for p in people if p.profile["identity_number"]]
    assert len(set(numbers)) == len(numbers)
    for person in people:
        profile = person.profile
        if profile["identity_number"]:
            assert not identity_problem(profile["identity_kind"], profile["identity_number"], profile["date_of_birth"])
        assert datetime.date(1995, 1, 1) <= profile["date_of_birth"] <= datetime.date(2003, 12, 31)
    grades = [p.profile["course_average"] for p in people if p.profile["course_average"] is not None]
    assert 4.6 < sum(grades) / len(grades) < 5.2 and min(grades) >= 3 and max(grades) <= 6
    assert demo.transliterate("Виктория Маринова") == "Viktoria Marinova"
    assert demo.transliterate("Цветелина Щерева Йорданова") == "Tsvetelina Shtereva Yordanova"
    scan = demo._pdf(["Diploma (copy)"])
    assert scan.startswith(b"%PDF-1.4") and scan.rstrip().endswith(b"%%EOF")
    xref = int(scan.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert scan[xref:].startswith(b"xref")
