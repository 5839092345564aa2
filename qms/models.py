"""People and organisation: accounts, organisational units as a tree, memberships, and the
files that workers build for people (reports)."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node

from .roles import STAFF_ROLES, Role


class User(AbstractUser):
    """A person who signs in: university staff, or an applicant."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the portal, e-mails and PDFs for this person."),
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
    title = models.CharField(_("title"), max_length=255)
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


class Report(models.Model):
    """A file that a worker builds on someone's request, kept for download."""

    class Kind(models.TextChoices):
        ORGANISATION_STRUCTURE = "organisation_structure", _("Organisational structure")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=50, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="reports"
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="reports/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])


class Notification(models.Model):
    """A message in a person's in-portal inbox; the same text goes out by e-mail."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self):
        return self.subject
