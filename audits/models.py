"""Internal audits and improvement: the yearly audit programme, audits with their checklists and
findings, nonconformities from any source driven through analysis, actions and an effectiveness
check, and the yearly management review.

States:
- programme: draft → approved (by the rector)
- audit: planned → prepared → in progress → reported → closed
- nonconformity: registered → analysis → action plan → implementation → effectiveness check →
  closed (effective), or back to action plan when the check finds it ineffective (reopened)
- action: open → done → verified (by someone other than its owner) or reopened
- management review: draft → inputs collected → held → closed
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from qms.models import OrganisationalUnit, StandardClause


class ReportFile(models.Model):
    """A PDF that a worker builds and keeps with the record (the audit report, the annual report
    of a management review). Its state tells the page what to show while it is being built."""

    class ReportState(models.TextChoices):
        NONE = "", _("Not built yet")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    report_file = models.FileField(_("report"), upload_to="audit-reports/%Y/", blank=True)
    report_state = models.CharField(
        _("report state"), max_length=20, choices=ReportState.choices, blank=True, default=""
    )
    report_language = models.CharField(_("report language"), max_length=10, blank=True)
    report_error = models.TextField(_("report error"), blank=True)
    report_built_at = models.DateTimeField(_("report built at"), null=True, blank=True)
    report_queued_at = models.DateTimeField(_("report requested at"), null=True, blank=True)

    class Meta:
        abstract = True


class AuditProgramme(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    notes = models.TextField(_("notes"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("audit programme")
        verbose_name_plural = _("audit programmes")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="audits_programme_approved_has_approver",
            )
        ]

    def __str__(self):
        return _("Audit programme %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("audits:programme-detail", args=[self.pk])


class Audit(ReportFile):
    class Kind(models.TextChoices):
        PLANNED = "planned", _("Planned (from the programme)")
        UNPLANNED = "unplanned", _("Unplanned, on management's instruction")
        CUSTOMER = "customer", _("On a customer requirement")
        PRE_EXTERNAL = "pre_external", _("Preparation for an external audit")
        EXTERNAL = "external", _("External audit")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        PREPARED = "prepared", _("Prepared")
        IN_PROGRESS = "in_progress", _("In progress")
        REPORTED = "reported", _("Reported")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        AuditProgramme,
        verbose_name=_("audit programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLANNED)
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    units = models.ManyToManyField(
        OrganisationalUnit, verbose_name=_("audited units"), related_name="audits", blank=True
    )
    processes = models.ManyToManyField(
        "processes.Process", verbose_name=_("audited processes"), related_name="audits", blank=True
    )
    documents = models.ManyToManyField(
        "policies.Document", verbose_name=_("criteria: documents"), related_name="audits", blank=True
    )
    clauses = models.ManyToManyField(
        StandardClause, verbose_name=_("criteria: ISO 9001 clauses and ESG standards"), related_name="audits",
        blank=True,
    )  # fmt: skip
    lead_auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lead auditor"), on_delete=models.PROTECT, related_name="led_audits"
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("audit team"), related_name="audit_teams", blank=True
    )
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    summary = models.TextField(_("summary"), blank=True)
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords(
        m2m_fields=[units, processes, documents, clauses, team],
        excluded_fields=["report_state", "report_error", "report_language", "report_queued_at"],
    )

    class Meta:
        verbose_name = _("audit")
        verbose_name_plural = _("audits")
        ordering = ["-planned_start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(planned_end__gte=models.F("planned_start")), name="audits_audit_dates"),
            models.CheckConstraint(
                condition=~Q(kind="planned") | Q(programme__isnull=False), name="audits_planned_audit_in_programme"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("audits:audit-detail", args=[self.pk])


class ChecklistItem(models.Model):
    """A question of an audit's checklist, answered during the audit (also on a phone)."""

    class Answer(models.TextChoices):
        UNANSWERED = "", _("Not answered yet")
        CONFORMING = "conforming", _("Conforming")
        NONCONFORMING = "nonconforming", _("Nonconforming")
        OBSERVATION = "observation", _("Observation")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    audit = models.ForeignKey(Audit, verbose_name=_("audit"), on_delete=models.CASCADE, related_name="checklist")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question = models.TextField(_("question"))
    clause = models.ForeignKey(
        StandardClause, verbose_name=_("requirement"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        "policies.Document", verbose_name=_("document"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True, default="")
    evidence_notes = models.TextField(_("evidence notes"), blank=True)
    attachment = models.FileField(_("attachment"), upload_to="audit-evidence/%Y/", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist question")
        verbose_name_plural = _("checklist")
        ordering = ["audit", "order", "id"]

    def __str__(self):
        return self.question[:80]


class ChecklistTemplate(models.Model):
    """A reusable set of questions, e.g. for auditing the admission process every year."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    questions = models.JSONField(_("questions"), default=list, help_text=_("One question per line."))

    class Meta:
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Nonconformity(models.Model):
    """A nonconformity from any source, driven to closure through its actions."""

    class Source(models.TextChoices):
        INTERNAL_AUDIT = "internal_audit", _("Internal audit")
        EXTERNAL_AUDIT = "external_audit", _("External audit")
        COMPLAINT = "complaint", _("Complaint")
        KPI = "kpi", _("KPI off target")
        SURVEY = "survey", _("Survey")
        STAFF_REPORT = "staff_report", _("Staff report")
        STUDENT_REPORT = "student_report", _("Student report")

    class Severity(models.TextChoices):
        MAJOR = "major", _("Major")
        MINOR = "minor", _("Minor")
        POTENTIAL = "potential", _("Potential")

    class State(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        ANALYSIS = "analysis", _("Cause analysis")
        ACTION_PLAN = "action_plan", _("Action plan")
        IMPLEMENTATION = "implementation", _("Implementation")
        EFFECTIVENESS = "effectiveness", _("Effectiveness check")
        CLOSED = "closed", pgettext_lazy("nonconformity state", "Closed")

    class CauseCategory(models.TextChoices):
        PEOPLE = "people", _("People and competence")
        METHOD = "method", _("Method or procedure")
        DOCUMENTS = "documents", _("Documents and records")
        RESOURCES = "resources", _("Resources and infrastructure")
        COMMUNICATION = "communication", _("Communication")
        MANAGEMENT = "management", _("Management and planning")
        EXTERNAL = "external", _("External factors")

    number = models.CharField(_("number"), max_length=20, unique=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices, default=Severity.MINOR)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"))
    unit = models.ForeignKey(
        OrganisationalUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="nonconformities"
    )
    process = models.ForeignKey(
        "processes.Process", verbose_name=_("process"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nonconformities",
    )  # fmt: skip
    clause = models.ForeignKey(
        StandardClause, verbose_name=_("requirement"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nonconformities",
    )  # fmt: skip
    requirement = models.TextField(_("requirement concerned"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.REGISTERED)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )
    detected_on = models.DateField(_("detected on"))
    whys = models.JSONField(_("5 whys"), default=list, blank=True)
    cause_category = models.CharField(_("cause category"), max_length=20, choices=CauseCategory.choices, blank=True)
    root_cause = models.TextField(_("root cause"), blank=True)
    correction = models.TextField(_("immediate correction"), blank=True)
    repeat_of = models.ForeignKey(
        "self", verbose_name=_("repeat of"), on_delete=models.SET_NULL, null=True, blank=True, related_name="repeats"
    )
    effectiveness_due = models.DateField(_("effectiveness check due"), null=True, blank=True)
    effective = models.BooleanField(_("effective"), null=True, blank=True)
    effectiveness_comment = models.TextField(_("effectiveness check"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verified by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    reopened = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nonconformity")
        verbose_name_plural = _("nonconformities")
        ordering = ["-detected_on", "-id"]
        indexes = [
            models.Index(fields=["state", "unit"]),
            models.Index(fields=["clause", "unit", "detected_on"]),
            models.Index(fields=["-detected_on", "-id"], name="audits_nc_register_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="closed") | Q(closed_at__isnull=False, effective=True),
                name="audits_nc_closed_only_when_effective",
            )
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("audits:nc-detail", args=[self.pk])

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of_id is not None


class Finding(models.Model):
    class Kind(models.TextChoices):
        MAJOR = "major", _("Major nonconformity")
        MINOR = "minor", _("Minor nonconformity")
        OBSERVATION = "observation", _("Observation")
        IMPROVEMENT = "improvement", _("Opportunity for improvement")

    audit = models.ForeignKey(Audit, verbose_name=_("audit"), on_delete=models.CASCADE, related_name="findings")
    checklist_item = models.ForeignKey(
        ChecklistItem, verbose_name=_("checklist question"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="findings",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(OrganisationalUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    process = models.ForeignKey(
        "processes.Process", verbose_name=_("process"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    clause = models.ForeignKey(
        StandardClause, verbose_name=_("requirement"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requirement = models.TextField(_("requirement concerned"), blank=True)
    statement = models.TextField(_("finding"))
    evidence = models.TextField(_("evidence"), blank=True)
    nonconformity = models.OneToOneField(
        Nonconformity, verbose_name=_("nonconformity"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="finding",
    )  # fmt: skip
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["audit", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.statement[:60]}"

    @property
    def is_nonconformity(self) -> bool:
        return self.kind in (self.Kind.MAJOR, self.Kind.MINOR)


class ManagementReview(ReportFile):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        INPUTS = "inputs", _("Inputs collected")
        HELD = "held", _("Held")
        CLOSED = "closed", _("Closed")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    inputs = models.JSONField(_("inputs assembled by the portal"), default=dict, blank=True, editable=False)
    inputs_collected_at = models.DateTimeField(_("inputs collected at"), null=True, blank=True)
    stakeholder_feedback = models.TextField(_("stakeholder feedback"), blank=True)
    changes = models.TextField(_("changes that could affect the system"), blank=True)
    resources = models.TextField(_("adequacy of resources"), blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees"), related_name="management_reviews", blank=True
    )
    decisions = models.TextField(_("decisions"), blank=True)

    history = HistoricalRecords(
        m2m_fields=[attendees], excluded_fields=["report_state", "report_error", "report_language", "report_queued_at"]
    )

    class Meta:
        verbose_name = _("management review")
        verbose_name_plural = _("management reviews")
        ordering = ["-year"]

    def __str__(self):
        return _("Management review %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("audits:review-detail", args=[self.pk])


class Action(models.Model):
    """A correction, corrective or preventive action of a nonconformity, or an action decided by
    a management review. Its owner does it; someone else verifies it."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CORRECTIVE = "corrective", _("Corrective action")
        PREVENTIVE = "preventive", _("Preventive action")
        IMPROVEMENT = "improvement", _("Improvement action")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        VERIFIED = "verified", _("Verified")

    nonconformity = models.ForeignKey(
        Nonconformity, verbose_name=_("nonconformity"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="actions",
    )  # fmt: skip
    review = models.ForeignKey(
        ManagementReview, verbose_name=_("management review"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="actions",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("action"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible"), on_delete=models.PROTECT, related_name="qms_actions"
    )
    due_date = models.DateField(_("due date"), db_index=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="action-evidence/%Y/", blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verified by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nonconformity__isnull=False) | Q(review__isnull=False), name="audits_action_has_a_parent"
            ),
            models.CheckConstraint(
                condition=~Q(state="verified")
                | (Q(verified_by__isnull=False) & ~Q(verified_by=models.F("responsible"))),
                name="audits_action_verified_by_someone_else",
            ),
        ]

    def __str__(self):
        return self.description[:80]


class ActionNotice(models.Model):
    """A reminder or escalation about an action: each stage is sent once."""

    class Stage(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        UNIT_HEAD = "unit_head", _("Escalated to the unit head")
        QUALITY_OFFICER = "quality_officer", _("Escalated to the quality officer")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notices")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "stage"], name="audits_notice_once_per_stage")]

    def __str__(self):
        return f"{self.action_id}: {self.stage}"


class ManagementReviewNotice(models.Model):
    """A reminder to the quality officers that the management review of a year is due or overdue
    and not held yet: each stage is sent once."""

    class Stage(models.TextChoices):
        DUE = "due", pgettext_lazy("reminder stage", "Due")
        OVERDUE = "overdue", _("Overdue")

    year = models.PositiveSmallIntegerField(_("year"))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("management review reminder")
        verbose_name_plural = _("management review reminders")
        ordering = ["-year", "stage"]
        constraints = [models.UniqueConstraint(fields=["year", "stage"], name="audits_review_notice_once_per_stage")]

    def __str__(self):
        return f"{self.year}: {self.stage}"
