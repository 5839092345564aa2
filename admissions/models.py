"""Master's admission (seed 004, DOMAIN.md "Master's admission"): a campaign with its rounds,
programmes and quotas; applicants with their personal data and education; applications with
ordered preferences and documents; ranking rounds with their stored results.

States:
- application: draft → submitted → eligible (verified) or rejected; submitted → returned for
  correction → submitted again; eligible → admitted (a published round placed them) → confirmed
  (they uploaded the enrolment fee receipt) → enrolled (the committee marked it), or admitted →
  lost rights (the enrolment deadline passed without confirmation)
- round: planned → queued → running → ranked (or failed) → published → closed (after its
  enrolment deadline, when those who did not confirm have lost their rights); a ranked or failed
  round can be ranked again, a published one never
"""

import re
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from qms.models import OrganisationalUnit
from qms.storage import private_storage

from . import classifier
from .ranking import Coefficients

PASSPORT_NUMBER = re.compile(r"[A-Z0-9]{5,20}")  # ICAO 9303: Latin capitals and digits


def identity_problem(kind: str, number: str, date_of_birth=None) -> str:
    """What is wrong with an identity number ("" when nothing): a Bulgarian personal number (EGN)
    or a foreigner's personal number (LNCh) must pass its checksum; an EGN also encodes the date
    of birth, which must match the one given."""
    from stdnum.bg import egn, pnf
    from stdnum.exceptions import ValidationError as NumberError

    if kind == Applicant.IdentityKind.EGN:
        try:
            egn.validate(number)
        except NumberError:
            return _("This is not a valid Bulgarian personal number (EGN): check the ten digits.")
        if date_of_birth and egn.get_birth_date(number) != date_of_birth:
            return _("The personal number does not match the date of birth.")
    elif kind == Applicant.IdentityKind.LNCH:
        try:
            pnf.validate(number)
        except NumberError:
            return _("This is not a valid personal number of a foreigner (LNCh): check the ten digits.")
    elif kind == Applicant.IdentityKind.PASSPORT and not PASSPORT_NUMBER.fullmatch(number):
        return _("A passport number has 5 to 20 Latin capital letters and digits.")
    return ""


class Form(models.TextChoices):
    FULL_TIME = "full-time", _("Full-time")
    PART_TIME = "part-time", _("Part-time")


class Funding(models.TextChoices):
    STATE = "state", _("State-subsidised")
    PAID = "paid", _("Paid")


class Degree(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor")
    PROFESSIONAL_BACHELOR = "professional_bachelor", _("Professional bachelor")
    MASTER = "master", _("Master")


class TeachingLanguage(models.TextChoices):
    BULGARIAN = "bg", _("Bulgarian")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")


class Campaign(models.Model):
    """One year's master's admission: its application period, fee and coefficients (Art. 13)."""

    name = models.CharField(_("name"), max_length=200)
    academic_year = models.CharField(_("academic year"), max_length=9, unique=True, help_text=_("e.g. 2026/2027"))
    opens_on = models.DateField(_("applications open on"))
    closes_on = models.DateField(_("applications close on"))
    application_fee = models.DecimalField(_("application fee"), max_digits=8, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    coefficient_own_university = models.DecimalField(
        _("coefficient for graduates of this university"), max_digits=3, decimal_places=1, default=Decimal("1.5")
    )
    coefficient_related = models.DecimalField(
        _("coefficient for related areas and economics"), max_digits=3, decimal_places=1, default=Decimal("1.2")
    )
    related_areas = models.CharField(
        _("related areas of higher education"),
        max_length=50,
        default="4,5",
        help_text=_("Codes of the areas whose graduates get the related coefficient, separated by commas."),
    )
    economics_field = models.CharField(_("economics professional field"), max_length=10, default="3.8")
    coefficient_other = models.DecimalField(
        _("coefficient for everyone else"), max_digits=3, decimal_places=1, default=Decimal("1.0")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-academic_year"]
        verbose_name = _("admission campaign")
        verbose_name_plural = _("admission campaigns")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="campaign_period_ordered"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("admissions:campaign-detail", args=[self.pk])

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def related_area_codes(self) -> list[str]:
        return [code.strip() for code in self.related_areas.split(",") if code.strip()]

    def coefficients(self) -> Coefficients:
        """Exact decimals, also before the object is read back (the field defaults are floats)."""

        def exact(value):
            return Decimal(str(value))

        return Coefficients(
            own_university=exact(self.coefficient_own_university),
            related=exact(self.coefficient_related),
            related_areas=frozenset(self.related_area_codes()),
            economics_field=self.economics_field,
            other=exact(self.coefficient_other),
        )


class Round(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being ranked")
        RANKED = "ranked", _("Ranked, not published")
        FAILED = "failed", _("Failed")
        PUBLISHED = "published", pgettext_lazy("round state", "Published")
        CLOSED = "closed", _("Closed")

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("number"))
    ranking_on = models.DateField(_("ranking date"))
    publication_on = models.DateField(_("publication date"))
    enrolment_deadline = models.DateField(_("enrolment deadline"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    progress_note = models.CharField(_("progress note"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    ranked_at = models.DateTimeField(_("ranked at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    input_file = models.FileField(_("ranking input"), storage=private_storage, upload_to="rounds/", blank=True)
    applicants_count = models.PositiveIntegerField(_("applicants ranked"), default=0)
    admitted_count = models.PositiveIntegerField(_("admitted"), default=0)

    history = HistoricalRecords(excluded_fields=["progress", "progress_note"])

    class Meta:
        ordering = ["campaign", "number"]
        verbose_name = _("ranking round")
        verbose_name_plural = _("ranking rounds")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="round_number_unique"),
            models.CheckConstraint(
                condition=Q(publication_on__gte=models.F("ranking_on"))
                & Q(enrolment_deadline__gte=models.F("publication_on")),
                name="round_dates_ordered",
            ),
        ]

    def __str__(self):
        return _("Round %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("admissions:round-detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.CLOSED)

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class Programme(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="programmes"
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    faculty = models.ForeignKey(
        OrganisationalUnit,
        verbose_name=_("faculty"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="master_programmes",
    )
    area = models.CharField(_("area of higher education"), max_length=5)
    professional_field = models.CharField(_("professional field"), max_length=10)
    language = models.CharField(
        _("language of teaching"), max_length=5, choices=TeachingLanguage.choices, default=TeachingLanguage.BULGARIAN
    )
    economics_bonus = models.BooleanField(
        _("economics bonus"),
        default=False,
        help_text=_("Graduates in economics (field 3.8) get the related coefficient (Art. 13(1), item 4)."),
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["campaign", "code"]
        verbose_name = _("master's programme")
        verbose_name_plural = _("master's programmes")
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="programme_code_unique")]

    def __str__(self):
        return f"{self.code} {self.label}"

    @property
    def label(self) -> str:
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name

    @property
    def foreign_language(self) -> bool:
        return self.language != TeachingLanguage.BULGARIAN


class Quota(models.Model):
    """The places of one programme in one form and funding: one line of an applicant's list."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="quotas"
    )
    form = models.CharField(_("form of study"), max_length=20, choices=Form.choices)
    funding = models.CharField(_("funding"), max_length=20, choices=Funding.choices)
    places = models.PositiveIntegerField(_("places"))
    min_diploma_grade = models.DecimalField(
        _("minimum diploma grade"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Paid places under Art. 21(4) of the Higher Education Act need at least 3.50 (Good)."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme__code", "form", "-funding"]
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        constraints = [
            models.UniqueConstraint(fields=["programme", "form", "funding"], name="quota_unique"),
            models.CheckConstraint(
                condition=Q(min_diploma_grade__isnull=True) | Q(min_diploma_grade__gte=3, min_diploma_grade__lte=6),
                name="quota_min_grade_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.programme.code} · {self.get_form_display()} · {self.get_funding_display()}"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.programme.code, self.form, self.funding)


class Applicant(models.Model):
    """The person behind an applicant account: identity and education (Art. 8, 9, 10, 12)."""

    class Citizenship(models.TextChoices):
        BULGARIAN_EU_EEA = "bg_eu_eea", _("Bulgarian, EU or EEA citizen")
        PERMANENT_RESIDENT = "permanent_resident", _("Foreigner with permanent residence in Bulgaria")
        REFUGEE = "refugee", _("Refugee status in Bulgaria")
        BULGARIAN_ORIGIN = "bulgarian_origin", _("Of Bulgarian origin")
        OTHER_FOREIGNER = "other_foreigner", _("Other foreign citizen (Section VI)")

    class IdentityKind(models.TextChoices):
        EGN = "egn", _("Bulgarian personal number (EGN)")
        LNCH = "lnch", _("Personal number of a foreigner (LNCh)")
        PASSPORT = "passport", _("Passport number")

    class DiplomaStatus(models.TextChoices):
        ISSUED = "issued", _("Issued")
        PENDING = "pending", _("Not yet issued")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="applicant"
    )
    first_name = models.CharField(_("first name (Cyrillic)"), max_length=100, blank=True)
    middle_name = models.CharField(_("middle name (Cyrillic)"), max_length=100, blank=True)
    last_name = models.CharField(_("last name (Cyrillic)"), max_length=100, blank=True)
    first_name_latin = models.CharField(_("first name (Latin)"), max_length=100, blank=True)
    last_name_latin = models.CharField(_("last name (Latin)"), max_length=100, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=30, choices=Citizenship.choices, blank=True)
    country = models.CharField(_("country of citizenship"), max_length=100, blank=True)
    identity_kind = models.CharField(
        _("identity document number kind"), max_length=10, choices=IdentityKind.choices, blank=True
    )
    identity_number = models.CharField(_("identity number"), max_length=30, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)

    degree = models.CharField(_("degree"), max_length=30, choices=Degree.choices, blank=True)
    university = models.CharField(_("university"), max_length=255, blank=True)
    own_university = models.BooleanField(_("graduated from this university"), default=False)
    foreign_degree = models.BooleanField(_("degree obtained abroad"), default=False)
    speciality = models.CharField(_("speciality"), max_length=255, blank=True)
    area = models.CharField(_("area of higher education"), max_length=5, blank=True)
    professional_field = models.CharField(_("professional field"), max_length=10, blank=True)
    course_average = models.DecimalField(_("course average"), max_digits=3, decimal_places=2, null=True, blank=True)
    graduation_grade = models.DecimalField(
        _("graduation grade"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The state examination or thesis defence grade."),
    )
    diploma_status = models.CharField(
        _("diploma"), max_length=10, choices=DiplomaStatus.choices, default=DiplomaStatus.ISSUED
    )
    diploma_number = models.CharField(_("diploma number"), max_length=50, blank=True)
    state_funded_before = models.BooleanField(
        _("studied a state-funded master's (or higher) before"),
        default=False,
        help_text=_("Such applicants may only take paid places (Art. 1(2), Art. 19)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        constraints = [
            models.CheckConstraint(
                condition=Q(course_average__isnull=True) | Q(course_average__gte=3, course_average__lte=6),
                name="applicant_course_average_on_scale",
            ),
            models.CheckConstraint(
                condition=Q(graduation_grade__isnull=True) | Q(graduation_grade__gte=3, graduation_grade__lte=6),
                name="applicant_graduation_grade_on_scale",
            ),
        ]

    def __str__(self):
        return self.full_name or str(self.user)

    def clean(self):
        errors = {}
        number = "".join(self.identity_number.split())
        self.identity_number = number
        if number:
            problem = identity_problem(self.identity_kind, number, self.date_of_birth)
            if problem:
                errors["identity_number"] = problem
        if self.professional_field:
            area = classifier.area_of(self.professional_field)
            if area is None:
                errors["professional_field"] = _("Choose a professional field from the classifier.")
            elif self.area and area != self.area:
                errors["professional_field"] = _("Professional field %(field)s is not in area %(area)s.") % {
                    "field": self.professional_field,
                    "area": self.area,
                }
        for name in ("course_average", "graduation_grade"):
            value = getattr(self, name)
            if value is not None and not (3 <= value <= 6):
                errors[name] = _("A graduate's grades lie between 3.00 and 6.00.")
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self) -> str:
        return " ".join(n for n in (self.first_name, self.middle_name, self.last_name) if n)

    @property
    def latin_name(self) -> str:
        return " ".join(n for n in (self.first_name_latin, self.last_name_latin) if n)

    @property
    def section_vi(self) -> bool:
        """Other foreigners apply through the separate paid procedure of Section VI."""
        return self.citizenship == self.Citizenship.OTHER_FOREIGNER

    @property
    def diploma_grade(self):
        if self.course_average is None or self.graduation_grade is None:
            return None
        return (self.course_average + self.graduation_grade) / 2


class FeeExemption(models.TextChoices):
    """Art. 12(1) 4.2: who does not pay the application fee."""

    NONE = "", _("No exemption: I pay the fee")
    ORPHAN = "orphan", _("Orphan under 26")
    # xgettext:no-python-format
    DISABILITY = "disability", _("Permanent disability of 70% or more")
    WAR_INVALID = "war_invalid", _("War invalid or war victim")
    CARE = "care", _("Raised in care (a protection measure at coming of age)")
    MOTHER = "mother", _("Mother of a child under 6")
    CHRONIC = "chronic", _("Registered chronically ill")


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("application state", "Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        ELIGIBLE = "eligible", _("Verified, in the competition")
        REJECTED = "rejected", _("Rejected")
        ADMITTED = "admitted", _("Admitted")
        CONFIRMED = "confirmed", _("Enrolment confirmed")
        ENROLLED = "enrolled", _("Enrolled")
        LOST_RIGHTS = "lost_rights", _("Lost rights")

    class RejectionArticle(models.TextChoices):
        DEGREE = "art8", _("Art. 8: no bachelor's degree or a degree that does not qualify")
        PROFESSIONAL_FIELD = "art3_2", _("Art. 3(2): a professional bachelor outside their professional field")
        CITIZENSHIP = "art9_10", _("Art. 9–10: citizenship outside the categories of this procedure")
        DOCUMENTS = "art12_2", _("Art. 12(2): the documents do not meet the conditions of the regulation")
        RECOGNITION = "art12_1_2_4", _("Art. 12(1) 2.4: the foreign degree is not recognised")

    #: States in which the applicant may still change their data, preferences and documents.
    EDITABLE = (Status.DRAFT, Status.RETURNED)
    #: States in which the application takes part in a ranking round.
    COMPETING = (Status.ELIGIBLE, Status.ADMITTED, Status.CONFIRMED, Status.ENROLLED)

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    applicant = models.ForeignKey(
        Applicant, verbose_name=_("applicant"), on_delete=models.CASCADE, related_name="applications"
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="applications"
    )
    number = models.CharField(_("application number"), max_length=20, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    fee_exemption = models.CharField(
        _("application fee exemption"), max_length=20, choices=FeeExemption.choices, blank=True, default=""
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(
        _("first submitted at"), null=True, blank=True, help_text=_("Breaks ties in the ranking (earlier first).")
    )
    return_note = models.TextField(_("what to correct"), blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    rejection_article = models.CharField(
        _("rejected under"), max_length=20, choices=RejectionArticle.choices, blank=True
    )
    rejection_note = models.TextField(_("reason for rejection"), blank=True)
    admitted_round = models.ForeignKey(
        Round, verbose_name=_("admitted in round"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    admitted_quota = models.ForeignKey(
        Quota, verbose_name=_("admitted to"), on_delete=models.PROTECT, null=True, blank=True, related_name="admitted"
    )
    admitted_score = models.DecimalField(_("score"), max_digits=6, decimal_places=3, null=True, blank=True)
    admitted_preference = models.PositiveSmallIntegerField(_("preference admitted to"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("enrolment confirmed at"), null=True, blank=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), null=True, blank=True)
    lost_rights_at = models.DateTimeField(_("lost rights at"), null=True, blank=True)
    application_pdf = models.FileField(
        _("application form"), storage=private_storage, upload_to="applications/forms/", blank=True
    )

    history = HistoricalRecords(excluded_fields=["application_pdf"])

    class Meta:
        ordering = ["number"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["applicant", "campaign"], name="one_application_per_campaign"),
        ]
        indexes = [models.Index(fields=["campaign", "status", "submitted_at"], name="application_queue_idx")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("admissions:application", args=[self.uuid])

    def get_review_url(self):
        return reverse("admissions:review", args=[self.uuid])

    @property
    def editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def holds_seat(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.ENROLLED)


class Preference(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="preferences"
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order of a preference", "position"))
    quota = models.ForeignKey(Quota, verbose_name=_("quota"), on_delete=models.PROTECT, related_name="preferences")

    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "position"]
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")
        constraints = [
            models.UniqueConstraint(fields=["application", "quota"], name="preference_quota_once"),
        ]

    def __str__(self):
        return f"{self.position}. {self.quota}"


class Document(models.Model):
    class Kind(models.TextChoices):
        DIPLOMA = "diploma", _("Diploma of higher education")
        TRANSCRIPT = "transcript", _("Academic transcript")
        FACULTY_CERTIFICATE = "faculty_certificate", _("Application certified by the faculty office")
        IDENTITY = "identity", _("Identity card")
        PASSPORT = "passport", _("Passport")
        FEE_RECEIPT = "fee_receipt", _("Receipt of the application fee")
        EXEMPTION_PROOF = "exemption_proof", _("Proof of the fee exemption")
        LANGUAGE_CERTIFICATE = "language_certificate", _("Language certificate")
        RECOGNITION = "recognition", _("Recognition of the foreign degree")
        CITIZENSHIP_PROOF = "citizenship_proof", _("Proof of status (residence, refugee, Bulgarian origin)")
        MEDICAL_CERTIFICATE = "medical_certificate", _("Medical certificate")
        TRANSLATIONS = "translations", _("Legalised translations of the diploma and the medical certificate")
        ENROLMENT_RECEIPT = "enrolment_receipt", _("Receipt of the first semester fee")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", pgettext_lazy("applicant document", "Rejected")

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to="applications/documents/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_kind = models.CharField(_("file type"), max_length=10)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    review_note = models.CharField(_("reason"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("applicant document check", "reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(pgettext_lazy("applicant document check", "reviewed at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "kind"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="document_kind_once")]

    def __str__(self):
        return f"{self.application.number}: {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("admissions:document", args=[self.uuid])


class RoundResult(models.Model):
    """What a round gave one application: the quota (or none), the score there, the place in
    that quota's order of merit, and the explanation of every preference."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="results")
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="results"
    )
    quota = models.ForeignKey(Quota, verbose_name=_("admitted to"), on_delete=models.PROTECT, null=True, blank=True)
    preference = models.PositiveSmallIntegerField(_("preference"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=3, null=True, blank=True)
    merit = models.PositiveIntegerField(_("place in the order of merit"), null=True, blank=True)
    held = models.BooleanField(_("held seat"), default=False)
    explanation = models.JSONField(_("explanation"), default=list)

    class Meta:
        ordering = ["round", "quota", "merit"]
        verbose_name = _("round result")
        verbose_name_plural = _("round results")
        constraints = [models.UniqueConstraint(fields=["round", "application"], name="round_result_once")]
        indexes = [models.Index(fields=["round", "quota", "merit"], name="round_result_list_idx")]

    def __str__(self):
        return f"{self.round}: {self.application}"


class RoundQuota(models.Model):
    """A quota's figures in one round: places, admitted, the last admitted score."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="quota_results")
    quota = models.ForeignKey(Quota, verbose_name=_("quota"), on_delete=models.CASCADE, related_name="round_results")
    places = models.PositiveIntegerField(_("places"))
    admitted = models.PositiveIntegerField(_("admitted"))
    last_score = models.DecimalField(_("last admitted score"), max_digits=6, decimal_places=3, null=True, blank=True)

    class Meta:
        ordering = ["round", "quota__programme__code", "quota__form", "-quota__funding"]
        verbose_name = _("quota result")
        verbose_name_plural = _("quota results")
        constraints = [models.UniqueConstraint(fields=["round", "quota"], name="round_quota_once")]

    def __str__(self):
        return f"{self.round}: {self.quota_id}"


class ApplicationNotice(models.Model):
    """A reminder already sent, so that a sweep run twice or late tells nobody twice."""

    class Kind(models.TextChoices):
        RANKED = "ranked", _("Result published")
        DEADLINE_SOON = "deadline_soon", _("Enrolment deadline approaching")
        LOST_RIGHTS = "lost_rights", _("Lost rights")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notices")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "round", "kind"], name="application_notice_once"),
        ]

    def __str__(self):
        return f"{self.application_id} {self.kind}"
