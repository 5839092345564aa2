"""The process register: processes with their leader and owner, process cards versioned like
documents (draft → submitted → current → superseded), KPIs with measurements, and the
functional matrix of units and processes.

Card texts are kept per language as {"kk": "...", "en": "..."} (see `qms.i18n`), because
a card exists in the state language and in Russian or English at the same time."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from qms.i18n import translated
from qms.models import OrganisationalUnit, StandardClause


def validate_translations(value):
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValidationError(_("Expected a text per language."))
    unknown = set(value) - {code for code, _name in settings.LANGUAGES}
    if unknown:
        raise ValidationError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(sorted(unknown))})


def TranslatedField(verbose_name, blank=True):  # noqa: N802 - a field factory
    return models.JSONField(verbose_name, default=dict, blank=blank, validators=[validate_translations])


class Process(models.Model):
    class Kind(models.TextChoices):
        MANAGEMENT = "management", _("Management process")
        CORE = "core", _("Core process")
        SUPPORT = "support", _("Support process")

    class ReviewState(models.TextChoices):
        CURRENT = "current", _("Current")
        DUE = "due", _("Review due")
        OVERDUE = "overdue", _("Review overdue")

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = TranslatedField(_("name"), blank=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent process"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subprocesses",
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("process leader"), on_delete=models.PROTECT, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("process owner"),
        on_delete=models.PROTECT,
        related_name="owned_processes",
    )
    scope = models.ManyToManyField(
        OrganisationalUnit,
        verbose_name=_("scope"),
        related_name="processes_in_scope",
        blank=True,
        help_text=_("The units the process applies to; none means the whole university."),
    )
    clauses = models.ManyToManyField(
        StandardClause, verbose_name=_("ISO 9001 clauses and ESG standards"), related_name="processes", blank=True
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    next_review_date = models.DateField(_("next review"), null=True, blank=True, db_index=True)
    review_state = models.CharField(
        _("review state"), max_length=20, choices=ReviewState.choices, default=ReviewState.CURRENT
    )
    review_notified = models.CharField(
        _("review notice sent for"), max_length=20, choices=ReviewState.choices, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[scope, clauses])

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="processes_process_not_own_parent"),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1), name="processes_process_interval_positive"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.display_name}"

    def get_absolute_url(self):
        return reverse("processes:process-detail", args=[self.pk])

    @property
    def display_name(self):
        return translated(self.name)

    def review_date_after(self, day):
        return day + relativedelta(months=self.review_interval_months)


class Card(models.Model):
    """One revision of a process card. The owner drafts, the leader approves; the approved card
    becomes current and the one before it is superseded."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        CURRENT = "current", pgettext_lazy("card revision in force", "Current")
        SUPERSEDED = "superseded", _("Superseded")

    process = models.ForeignKey(Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="cards")
    revision = models.PositiveIntegerField(_("revision"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    purpose = TranslatedField(_("purpose"))
    evaluation_criteria = TranslatedField(_("evaluation criteria"))
    monitoring_methods = TranslatedField(_("monitoring and measurement methods"))
    change_summary = models.TextField(_("change summary"), blank=True)
    returned_reason = models.TextField(_("reason for returning to draft"), blank=True)
    submitted_at = models.DateTimeField(pgettext_lazy("sent for approval", "submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("process card")
        verbose_name_plural = _("process cards")
        ordering = ["process", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["process", "revision"], name="processes_card_unique_revision"),
            models.UniqueConstraint(
                fields=["process"], condition=Q(status="current"), name="processes_card_one_current"
            ),
            models.UniqueConstraint(
                fields=["process"], condition=Q(status__in=["draft", "submitted"]), name="processes_card_one_open"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["current", "superseded"])
                | Q(approved_at__isnull=False, approved_by__isnull=False),
                name="processes_card_approved_has_approver",
            ),
        ]

    def __str__(self):
        return _("%(code)s, card revision %(revision)s") % {"code": self.process.code, "revision": self.revision}

    def get_absolute_url(self):
        return reverse("processes:card-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Activity(models.Model):
    """A row of the card's activity table."""

    card = models.ForeignKey(Card, verbose_name=_("card"), on_delete=models.CASCADE, related_name="activities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = TranslatedField(_("activity"), blank=False)
    executors = TranslatedField(_("responsible executors"))
    units = models.ManyToManyField(
        OrganisationalUnit, verbose_name=_("responsible units"), related_name="process_activities", blank=True
    )
    documents = models.ManyToManyField(
        "policies.Document", verbose_name=_("describing documents"), related_name="process_activities", blank=True
    )

    history = HistoricalRecords(m2m_fields=[units, documents])

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["card", "order", "id"]

    def __str__(self):
        return translated(self.name)


class Flow(models.Model):
    """An input or an output of the process. An input may name the process that supplies it,
    which draws an arrow on the process map."""

    class Direction(models.TextChoices):
        INPUT = "input", _("Input")
        OUTPUT = "output", _("Output")

    card = models.ForeignKey(Card, verbose_name=_("card"), on_delete=models.CASCADE, related_name="flows")
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = TranslatedField(_("name"), blank=False)
    supplier = models.ForeignKey(
        Process,
        verbose_name=_("supplied by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supplied_flows",
        help_text=_("The process whose output this input is; empty for inputs from outside."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("input or output")
        verbose_name_plural = _("inputs and outputs")
        ordering = ["card", "direction", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction="input") | Q(supplier__isnull=True), name="processes_flow_supplier_only_inputs"
            )
        ]

    def __str__(self):
        return translated(self.name)


class KPI(models.Model):
    """A key performance indicator of a process, measured once per period."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        SEMESTER = "semester", _("Per semester")
        YEARLY = "yearly", _("Per academic year")

    class Status(models.TextChoices):
        NO_DATA = "no_data", _("No measurement yet")
        ON_TARGET = "on_target", _("On target")
        AT_RISK = "at_risk", _("At risk")
        OFF_TARGET = "off_target", _("Off target")

    process = models.ForeignKey(Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="kpis")
    name = TranslatedField(_("indicator"), blank=False)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=30, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    at_risk_threshold = models.DecimalField(
        _("at-risk threshold"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Values between the target and this threshold are at risk; beyond it, off target."),
    )
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    objective = models.ForeignKey(
        "policies.QualityObjective",
        verbose_name=_("quality objective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kpis",
    )
    active = models.BooleanField(_("active"), default=True)
    # Kept by processes.services.kpi_refresh from the measurements, for lists and dashboards.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NO_DATA, editable=False
    )
    overdue = models.BooleanField(_("measurement overdue"), default=False, editable=False)
    last_value = models.DecimalField(
        _("latest value"), max_digits=14, decimal_places=2, null=True, blank=True, editable=False
    )
    last_period_start = models.DateField(_("latest period"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["process", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction="higher", at_risk_threshold__lte=models.F("target"))
                | Q(direction="lower", at_risk_threshold__gte=models.F("target")),
                name="processes_kpi_threshold_on_the_far_side",
            )
        ]

    def __str__(self):
        return translated(self.name)

    def clean(self):
        if self.target is None or self.at_risk_threshold is None:
            return
        if self.direction == self.Direction.HIGHER and self.at_risk_threshold > self.target:
            raise ValidationError(
                {"at_risk_threshold": _("When higher is better, the at-risk threshold is at most the target.")}
            )
        if self.direction == self.Direction.LOWER and self.at_risk_threshold < self.target:
            raise ValidationError(
                {"at_risk_threshold": _("When lower is better, the at-risk threshold is at least the target.")}
            )

    def status_of(self, value):
        """On target, at risk or off target for a measured value (thresholds inclusive)."""
        if value is None:
            return self.Status.NO_DATA
        better = (lambda a, b: a >= b) if self.direction == self.Direction.HIGHER else (lambda a, b: a <= b)
        if better(value, self.target):
            return self.Status.ON_TARGET
        if better(value, self.at_risk_threshold):
            return self.Status.AT_RISK
        return self.Status.OFF_TARGET


def evidence_path(instance, filename):
    return f"kpi-evidence/{instance.kpi_id}/{instance.period_start:%Y-%m-%d}/{filename}"


class Measurement(models.Model):
    kpi = models.ForeignKey(KPI, verbose_name=_("KPI"), on_delete=models.CASCADE, related_name="measurements")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)
    evidence = models.FileField(pgettext_lazy("measurement", "evidence"), upload_to=evidence_path, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["kpi", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="processes_measurement_one_per_period"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="processes_measurement_period_order"
            ),
        ]

    def __str__(self):
        return f"{self.kpi}: {self.value} ({self.period_start:%Y-%m-%d})"


class MeasurementReminder(models.Model):
    """A reminder sent for a missing measurement: one per KPI and period, never two."""

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="reminders")
    period_start = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="processes_reminder_once_per_period")
        ]

    def __str__(self):
        return f"{self.kpi_id}: {self.period_start}"


class MatrixEntry(models.Model):
    """A cell of the functional matrix: the role a unit plays in a process."""

    class Role(models.TextChoices):
        RESPONSIBLE = "responsible", pgettext_lazy("functional matrix", "Responsible")
        PARTICIPATES = "participates", _("Participates")
        INFORMED = "informed", _("Informed")

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="matrix_entries"
    )
    unit = models.ForeignKey(
        OrganisationalUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="matrix_entries"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("functional matrix entry")
        verbose_name_plural = _("functional matrix")
        constraints = [models.UniqueConstraint(fields=["process", "unit"], name="processes_matrix_one_role")]

    def __str__(self):
        return f"{self.process.code} × {self.unit}: {self.get_role_display()}"
