"""Controlled documents: the quality policy, the manual, procedures, regulations, forms and
records templates, each with versions that go through review, approval and publication; who
acknowledged what; and the quality objectives derived from the policy."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from qms.models import OrganisationalUnit, StandardClause


class Document(models.Model):
    """A controlled document, identified by its code (e.g. "DP 04.01")."""

    class Type(models.TextChoices):
        QUALITY_POLICY = "quality_policy", _("Quality policy")
        QUALITY_MANUAL = "quality_manual", _("Quality manual")
        PROCEDURE = "procedure", _("Documented procedure")
        REGULATION = "regulation", _("Regulation")
        INSTRUCTION = "instruction", _("Instruction")
        FORM = "form", _("Form")
        RECORD_TEMPLATE = "record_template", _("Record template")

    class Level(models.IntegerChoices):
        POLICY = 1, _("1 — Quality policy")
        MANUAL = 2, _("2 — Quality manual")
        PROCEDURES = 3, _("3 — Documented procedures")
        REGULATIONS = 4, _("4 — Regulations and job descriptions")
        RECORDS = 5, _("5 — Records")

    class ReviewState(models.TextChoices):
        CURRENT = "current", _("Current")
        DUE = "due", _("Review due")
        OVERDUE = "overdue", _("Review overdue")

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=255)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    owner_unit = models.ForeignKey(
        OrganisationalUnit, verbose_name=_("owner unit"), on_delete=models.PROTECT, related_name="owned_documents"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="owned_documents"
    )
    applies_to = models.ManyToManyField(
        OrganisationalUnit, verbose_name=_("applies to"), related_name="applicable_documents", blank=True
    )
    clauses = models.ManyToManyField(
        StandardClause,
        verbose_name=_("ISO 9001 clauses and ESG standards"),
        related_name="documents",
        blank=True,
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Published versions can be read without signing in.")
    )
    next_review_date = models.DateField(_("next review"), null=True, blank=True, db_index=True)
    review_state = models.CharField(
        _("review state"), max_length=20, choices=ReviewState.choices, default=ReviewState.CURRENT
    )
    review_notified = models.CharField(
        _("review notice sent for"), max_length=20, choices=ReviewState.choices, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[applies_to, clauses])

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["level", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="policies_document_level_1_to_5"),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1), name="policies_document_interval_positive"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("policies:document-detail", args=[self.pk])

    def review_date_after(self, day):
        return day + relativedelta(months=self.review_interval_months)


class DocumentUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Document, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("document permission of a person")
        verbose_name_plural = _("document permissions of people")


class DocumentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Document, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("document permission of a group")
        verbose_name_plural = _("document permissions of groups")


class Version(models.Model):
    """One revision of a document, with its own workflow:
    draft → in review → approved → published → superseded, or withdrawn; back to draft with a reason."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    revision = models.PositiveIntegerField(_("revision"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    change_summary = models.TextField(_("change summary"), blank=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions_to_approve",
    )
    returned_reason = models.TextField(_("reason for returning to draft"), blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["document", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["document", "revision"], name="policies_version_unique_revision"),
            # Exactly one published version at a time.
            models.UniqueConstraint(
                fields=["document"], condition=Q(status="published"), name="policies_version_one_published"
            ),
            # At most one version being worked on (draft, in review or approved) at a time.
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status__in=["draft", "in_review", "approved"]),
                name="policies_version_one_open",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(effective_date__isnull=False, published_at__isnull=False),
                name="policies_version_published_has_dates",
            ),
        ]

    def __str__(self):
        return _("%(code)s, revision %(revision)s") % {"code": self.document.code, "revision": self.revision}

    def get_absolute_url(self):
        return reverse("policies:version-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class VersionBody(models.Model):
    """The text of a version in one language: sanitised HTML (see policies.content)."""

    version = models.ForeignKey(Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="bodies")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    body = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("text of a version")
        verbose_name_plural = _("texts of versions")
        constraints = [models.UniqueConstraint(fields=["version", "language"], name="policies_body_one_per_language")]

    def __str__(self):
        return f"{self.version} ({self.language})"


def attachment_path(instance, filename):
    return f"documents/{instance.version.document_id}/{instance.version.revision}/{filename}"


class Attachment(models.Model):
    """A file of a version (PDF, DOCX or ODT), checked by its content and size on upload."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        ODT = "odt", "ODT"

    version = models.ForeignKey(
        Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("size"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class ReviewDecision(models.Model):
    """A named reviewer's or the approver's decision on a version in review."""

    class Role(models.TextChoices):
        REVIEWER = "reviewer", _("Reviewer")
        APPROVER = "approver", _("Approver")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", pgettext_lazy("decision", "Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    version = models.ForeignKey(Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="decisions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="review_decisions"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    decision = models.CharField(_("decision"), max_length=30, choices=Decision.choices, default=Decision.PENDING)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "person", "role"], name="policies_decision_unique_person_role"),
            models.CheckConstraint(
                condition=Q(decision="pending", decided_at__isnull=True)
                | (~Q(decision="pending") & Q(decided_at__isnull=False)),
                name="policies_decision_time_iff_decided",
            ),
        ]

    def __str__(self):
        return f"{self.version}: {self.person} ({self.get_role_display()}) {self.get_decision_display()}"


class Acknowledgement(models.Model):
    """A person confirmed "read and understood" for a published version (the familiarisation sheet)."""

    version = models.ForeignKey(
        Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        constraints = [models.UniqueConstraint(fields=["version", "person"], name="policies_acknowledgement_once")]

    def __str__(self):
        return f"{self.person} — {self.version}"


class QualityObjective(models.Model):
    """A measurable quality objective derived from the quality policy."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_PROGRESS = "in_progress", _("In progress")
        REACHED = "reached", _("Reached")
        NOT_REACHED = "not_reached", _("Not reached")
        CANCELLED = "cancelled", _("Cancelled")

    policy = models.ForeignKey(
        Document,
        verbose_name=_("quality policy"),
        on_delete=models.PROTECT,
        related_name="objectives",
        limit_choices_to={"type": Document.Type.QUALITY_POLICY},
    )
    title = models.CharField(_("objective"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="quality_objectives"
    )
    indicator = models.CharField(_("indicator"), max_length=255)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    last_reviewed_at = models.DateField(_("last reviewed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quality objective")
        verbose_name_plural = _("quality objectives")
        ordering = ["deadline", "title"]

    def __str__(self):
        return self.title


class DocumentReview(models.Model):
    """A periodic review of a document: "no change" (the next review date moves on) or a new draft."""

    class Outcome(models.TextChoices):
        NO_CHANGE = "no_change", _("No change")
        NEW_DRAFT = "new_draft", _("New draft")

    document = models.ForeignKey(Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="reviews")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    comment = models.TextField(_("comment"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.PROTECT)
    reviewed_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document review")
        verbose_name_plural = _("document reviews")
        ordering = ["-reviewed_at"]

    def __str__(self):
        return f"{self.document.code}: {self.get_outcome_display()}"


class AcknowledgementReminder(models.Model):
    """A reminder sent to a person about a published version they have not acknowledged yet."""

    version = models.ForeignKey(Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), db_index=True)

    class Meta:
        verbose_name = _("acknowledgement reminder")
        verbose_name_plural = _("acknowledgement reminders")
        indexes = [models.Index(fields=["version", "person", "-sent_at"])]

    def __str__(self):
        return f"{self.person} — {self.version} ({self.sent_at:%Y-%m-%d})"
