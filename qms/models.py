"""People and organisation: accounts, organisational units as a tree, memberships, and the
files that workers build for people (reports)."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node

from .roles import STAFF_ROLES, Role
from .storage import private_storage


class User(AbstractUser):
    """A person who signs in: university staff, or an applicant."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the portal, e-mails and PDFs for this person."),
    )

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately, one e-mail per message")
        DAILY = "daily", _("Once a day, all messages in one e-mail")

    notification_delivery = models.CharField(
        _("e-mail notifications"),
        max_length=10,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATE,
        help_text=_("Messages always appear in the inbox at once; this chooses when they are e-mailed."),
    )

    # Password hashes and sign-in times are not worth a history row each.
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=["groups"])

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @cached_property
    def roles(self) -> frozenset[str]:
        """The names of the role groups this person belongs to (one query, then cached)."""
        if not self.is_active:
            return frozenset()
        return frozenset(self.groups.filter(name__in=Role.values).values_list("name", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_university_staff(self) -> bool:
        return bool(self.roles & STAFF_ROLES)

    def role_labels(self) -> list[str]:
        return [Role(r).label for r in Role.values if r in self.roles]


class OrganisationalUnit(MP_Node):
    """A unit of the university: the university itself, a faculty, a department or a service."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        FACULTY = "faculty", _("Faculty")
        DEPARTMENT = "department", _("Department")
        SERVICE = "service", _("Service")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_units",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="units",
        verbose_name=_("members"),
        blank=True,
    )

    node_order_by = ["name"]
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")
        permissions = [("manage_members", _("Can manage the members of the unit"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("units:detail", args=[self.pk])


class UnitUserObjectPermission(UserObjectPermissionBase):
    """django-guardian object permissions on units, for people (a direct foreign key)."""

    content_object = models.ForeignKey(OrganisationalUnit, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("unit permission of a person")
        verbose_name_plural = _("unit permissions of people")


class UnitGroupObjectPermission(GroupObjectPermissionBase):
    """django-guardian object permissions on units, for groups (a direct foreign key)."""

    content_object = models.ForeignKey(OrganisationalUnit, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("unit permission of a group")
        verbose_name_plural = _("unit permissions of groups")


class Membership(models.Model):
    """A person's place in a unit, with their position there (e.g. "associate professor")."""

    unit = models.ForeignKey(
        OrganisationalUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    position = models.CharField(_("position"), max_length=150, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["unit", "user"], name="qms_membership_unique_person_per_unit")]

    def __str__(self):
        return f"{self.user} — {self.unit}"


class StandardClause(models.Model):
    """A clause of ISO 9001:2015 or a standard of ESG 2015 Part 1, shipped as data
    (qms/data/standards.json) so that documents, processes, audits and nonconformities can be
    traced to them."""

    class Framework(models.TextChoices):
        ISO9001 = "iso9001", _("ISO 9001:2015")
        ESG2015 = "esg2015", _("ESG 2015")

    framework = models.CharField(_("framework"), max_length=20, choices=Framework.choices)
    code = models.CharField(_("code"), max_length=20)
    #: The title as the standard publishes it in English; `title` is the reader's language.
    title_en = models.CharField(_("title in English"), max_length=255)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    sort_key = models.CharField(max_length=60, editable=False)

    class Meta:
        verbose_name = _("standard clause")
        verbose_name_plural = _("standard clauses")
        ordering = ["framework", "sort_key"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="qms_standardclause_unique_code")]

    def __str__(self):
        return f"{self.get_framework_display()} {self.code} {self.title}"

    @property
    def title(self) -> str:
        """The title in the active language: the catalogue's titles are messages of the
        translation catalogue (qms/standards_messages.py), with the context "standard clause"."""
        return pgettext("standard clause", self.title_en)


class Report(models.Model):
    """A file that a worker builds on someone's request, kept for download by whoever may see
    its content. What a kind contains, who may request and read it and how it is built is
    declared in `qms.reporting` (each app registers its kinds in its `reports` module)."""

    class Kind(models.TextChoices):
        ORGANISATION_STRUCTURE = "organisation_structure", _("Organisational structure")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", pgettext_lazy("report status", "Running")
        DONE = "done", pgettext_lazy("report status", "Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=50)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.PDF)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    #: What the report is about, in the words of the records (a unit's name, a year, a round).
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    #: The unit the content is limited to, if any: its heads may read the report.
    unit = models.ForeignKey(
        OrganisationalUnit, verbose_name=_("unit"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    #: kind, format, language and parameters: while one build of it is queued or running, a
    #: second request joins it instead of starting another.
    dedupe_key = models.CharField(max_length=64, editable=False, default="")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="reports"
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    #: When the build was last handed to the task queue (empty: the queue could not be reached).
    dispatched_at = models.DateTimeField(_("sent to the workers at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    #: Kept fresh by the worker while it builds; a running build whose heartbeat stops is taken
    #: back and queued again.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="reports/%Y/%m/", storage=private_storage, blank=True)
    error = models.TextField(_("error"), blank=True)

    history = HistoricalRecords(excluded_fields=["progress", "heartbeat_at"])

    class Meta:
        verbose_name = pgettext_lazy("generated report", "report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"]),
            models.Index(fields=["kind", "-created_at"]),
            models.Index(fields=["status", "dispatched_at"], name="report_pending_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"],
                condition=models.Q(status__in=["queued", "running"]),
                name="report_one_build_at_a_time",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    @property
    def report_type(self):
        from .reporting import get_type

        return get_type(self.kind)

    @property
    def title(self) -> str:
        report_type = self.report_type
        label = str(report_type.label) if report_type else self.kind
        return f"{label}: {self.subject}" if self.subject else label

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class Notification(models.Model):
    """A message in a person's in-portal inbox; the same text goes out by e-mail."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    #: The language it was written in (the recipient's when it was sent): the inbox marks it so.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Email(models.TextChoices):
        SENT = "sent", _("E-mailed")
        DIGEST = "digest", _("Waiting for the daily digest")
        NONE = "none", _("Not e-mailed (no address)")

    email = models.CharField(_("e-mail"), max_length=10, choices=Email.choices, default=Email.SENT)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["email", "recipient"], name="notification_digest_idx"),
        ]

    def __str__(self):
        return self.subject


class ScheduledJobRun(models.Model):
    """One run of a periodic job of `CELERY_BEAT_SCHEDULE` (see `qms.schedule`): when it ran and
    what it did, for the quality officer's page of scheduled reviews."""

    class Status(models.TextChoices):
        RUNNING = "running", pgettext_lazy("job run", "Running")
        OK = "ok", pgettext_lazy("job run", "Done")
        FAILED = "failed", _("Failed")

    job = models.CharField(_("job"), max_length=100)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the schedule started it."),
    )

    class Meta:
        verbose_name = _("run of a scheduled job")
        verbose_name_plural = _("runs of scheduled jobs")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["job", "-started_at"], name="jobrun_job_idx")]

    def __str__(self):
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"


class FormSubmission(models.Model):
    """A create form that was sent, by its one-time token (`qms.submissions`): the same form sent
    again (a double click, a browser re-sending) is taken to the record the first one made."""

    token = models.UUIDField(_("token"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("kind of record"), on_delete=models.CASCADE, null=True
    )
    object_id = models.PositiveBigIntegerField(_("record id"), null=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        return str(self.token)
