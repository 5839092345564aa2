"""The roles of DOMAIN.md. Each role is a Django group whose name is the role's value."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    QUALITY_OFFICER = "quality_officer", _("Quality officer")
    PROCESS_OWNER = "process_owner", _("Process owner")
    UNIT_HEAD = "unit_head", _("Unit head")
    AUDITOR = "auditor", _("Auditor")
    RECTORATE = "rectorate", _("Rectorate")
    STAFF = "staff", _("Staff member")
    ADMISSIONS_COMMITTEE = "admissions_committee", _("Admissions committee")
    APPLICANT = "applicant", _("Applicant")


#: Roles that read every controlled record (documents, process cards, audits) whatever its unit.
READ_ALL_ROLES = (Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR)

#: Roles held by the university's own people (everyone but applicants).
STAFF_ROLES = frozenset(Role) - {Role.APPLICANT}
