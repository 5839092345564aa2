"""Writes for the `qms` app. Views, commands and tasks call these; they hold the rules."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from guardian.shortcuts import assign_perm, remove_perm

from .models import Membership, OrganisationalUnit, Report
from .pdf import URLRefused

logger = logging.getLogger(__name__)


def unit_create(*, name, kind, parent=None, short_name="", head=None) -> OrganisationalUnit:
    unit = OrganisationalUnit(name=name, kind=kind, short_name=short_name, head=head)
    unit.full_clean(exclude=["path", "depth", "numchild"])
    if parent is None:
        return OrganisationalUnit.objects.add_root(instance=unit)
    return OrganisationalUnit.objects.add_child(parent, instance=unit)


MANAGE_MEMBERS = "qms.manage_members"


def unit_set_head(*, unit, head) -> OrganisationalUnit:
    """Make `head` the head of `unit`: they may then manage its members (an object permission),
    and the previous head no longer may."""
    with transaction.atomic():
        previous = unit.head
        if previous == head:
            if head is not None and not head.has_perm(MANAGE_MEMBERS, unit):
                assign_perm(MANAGE_MEMBERS, head, unit)
            return unit
        if previous is not None:
            remove_perm(MANAGE_MEMBERS, previous, unit)
        unit.head = head
        unit.save(update_fields=["head"])
        if head is not None:
            assign_perm(MANAGE_MEMBERS, head, unit)
    return unit


def unit_add_member(*, unit, user, position="") -> Membership:
    membership = Membership.objects.filter(unit=unit, user=user).first() or Membership(unit=unit, user=user)
    if membership.pk is None or membership.position != position:
        membership.position = position
        membership.full_clean()
        membership.save()
    return membership


def unit_remove_member(*, membership: Membership) -> None:
    membership.delete()


def report_request(*, kind, by, language) -> Report:
    """Record a report request and queue its build once the request is committed."""
    from .tasks import build_report

    with transaction.atomic():
        report = Report(kind=kind, requested_by=by, language=language)
        report.full_clean()
        report.save()
        build_report.delay_on_commit(str(report.pk), by.pk)
    return report


def report_build(*, report: Report) -> Report:
    """Build the report's file; a failure is recorded on the report with its reason.
    Safe to run twice: a finished report is left as it is."""
    from .reports import RENDERERS

    if report.status == Report.Status.DONE:
        return report
    report.status = Report.Status.RUNNING
    report.save(update_fields=["status"])
    try:
        with override(report.language):
            filename, content = RENDERERS[report.kind]()
    except Exception as exc:
        logger.exception("report %s (%s) failed", report.pk, report.kind)
        report.status = Report.Status.FAILED
        with override(report.language):
            # Only reasons written for people are shown; anything else is in the log.
            reason = (
                str(exc) if isinstance(exc, URLRefused) else _("an unexpected error, logged for the administrators")
            )
            report.error = _("The report could not be built: %(reason)s") % {"reason": reason}
        report.finished_at = timezone.now()
        report.save(update_fields=["status", "error", "finished_at"])
        return report
    report.file.save(filename, ContentFile(content), save=False)
    report.status = Report.Status.DONE
    report.error = ""
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "error", "finished_at"])
    return report
