"""The rules of the master's admission. Views, commands, the demo and tasks call these.

Applicant: register (e-mail confirmation) → personal data and education → application with
ordered preferences and the documents computed from the answers → submit (locks it). Committee:
verify each document → return for correction, accept as eligible or reject under an article →
rank a round (a worker) → publish → mark enrolments. At an enrolment deadline those admitted who
did not confirm lose their rights, which frees their places for the next round.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from simple_history.utils import bulk_update_with_history

from qms.mail import notify, send_to_person
from qms.models import User
from qms.roles import Role
from qms.uploads import check_upload

from . import rounds as round_data
from .documents import ALLOWED_KINDS, MAX_SIZE, required_documents
from .models import (
    Applicant,
    Application,
    ApplicationNotice,
    Campaign,
    Document,
    Preference,
    Programme,
    Quota,
    Round,
    RoundQuota,
    RoundResult,
)
from .ranking import rank
from .ranking.engine import gc_paused
from .ranking.jsonio import instance_to_data

log = logging.getLogger(__name__)

Status = Application.Status
MAX_PREFERENCES = 10
DEADLINE_REMINDER_DAYS = 2  # admitted applicants are reminded this many days before the deadline
ROUND_STALE_AFTER = datetime.timedelta(minutes=30)  # a queued or running round this old was lost


class WorkflowError(ValidationError):
    """A step the process does not allow from where the record stands."""


# --- accounts -----------------------------------------------------------------------------------


def applicant_register(*, email: str, password: str, first_name: str, last_name: str, language: str = "") -> User:
    """An inactive applicant account and the e-mail with the link that activates it."""
    email = User.objects.normalize_email(email).strip()
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        raise ValidationError(
            {"email": _("An account with this e-mail address exists. Sign in or reset the password.")}
        )
    with transaction.atomic():
        user = User(
            username=email,
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            language=language,
            is_active=False,
        )
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Role.APPLICANT)[0])
        Applicant.objects.create(user=user, first_name=first_name.strip(), last_name=last_name.strip())
        transaction.on_commit(lambda: send_confirmation(user))
    return user


class ConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Tokens of the e-mail confirmation link: their own salt (a password-reset token is not a
    confirmation token, nor the other way round), and void once the account is active."""

    key_salt = "admissions.services.ConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.is_active}{user.email}{timestamp}"


confirmation_tokens = ConfirmationTokenGenerator()


def confirmation_path(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("admissions:confirm", args=[uid, confirmation_tokens.make_token(user)])


def send_confirmation(user) -> None:
    from qms.mail import absolute

    send_to_person(user, "admissions/email/confirm", {"link": absolute(confirmation_path(user))})


def applicant_confirm(*, user, token: str) -> bool:
    """Activate an applicant's account when the token is right (it stops working once used)."""
    if not Applicant.objects.filter(user=user).exists() or not confirmation_tokens.check_token(user, token):
        return False
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return True


# --- personal data and education ----------------------------------------------------------------


#: An application in one of these states fixes the data the committee verified or ranks on.
UNDER_WAY = (Status.SUBMITTED, Status.ELIGIBLE, Status.ADMITTED, Status.CONFIRMED)


def _locked_profile(applicant: Applicant) -> bool:
    """Locked while an application is under way, or enrolled in a campaign still ranking (the
    held seat takes part in its next rounds). Earlier campaigns' outcomes lock nothing."""
    return applicant.applications.filter(
        Q(status__in=UNDER_WAY)
        | Q(status=Status.ENROLLED, campaign__rounds__status__in=(Round.Status.PLANNED, Round.Status.RANKED))
    ).exists()


def applicant_update(*, applicant: Applicant, fields: dict) -> Applicant:
    """Save personal data or education; refused once an application is submitted (it would
    change what the committee verified)."""
    if _locked_profile(applicant):
        raise WorkflowError(_("Your application is submitted; your data can no longer be changed."))
    for name, value in fields.items():
        setattr(applicant, name, value)
    applicant.full_clean()
    applicant.save()
    return applicant


def missing_profile_fields(applicant: Applicant) -> list[str]:
    """The labels of the fields an application cannot be submitted without."""
    required = [
        "first_name",
        "last_name",
        "first_name_latin",
        "last_name_latin",
        "citizenship",
        "identity_kind",
        "identity_number",
        "date_of_birth",
        "degree",
        "university",
        "area",
        "professional_field",
        "course_average",
        "graduation_grade",
    ]
    return [
        str(Applicant._meta.get_field(name).verbose_name) for name in required if getattr(applicant, name) in ("", None)
    ]


# --- applications ---------------------------------------------------------------------------------


def current_campaign() -> Campaign | None:
    """The campaign applicants see: the one open now, else the next to open, else the latest."""
    today = timezone.localdate()
    return (
        Campaign.objects.filter(opens_on__lte=today, closes_on__gte=today).order_by("-opens_on").first()
        or Campaign.objects.filter(opens_on__gt=today).order_by("opens_on").first()
        or Campaign.objects.order_by("-opens_on").first()
    )


def application_start(*, applicant: Applicant, campaign: Campaign) -> Application:
    """The applicant's application for the campaign (the existing one if there is one).

    Numbers run per campaign (M2026-00001, ...): the campaign row is locked while the next one is
    taken, so two applicants starting at once get different numbers."""
    existing = Application.objects.filter(applicant=applicant, campaign=campaign).first()
    if existing:
        return existing
    if not campaign.is_open():
        raise WorkflowError(_("Applications for %(campaign)s are not accepted now.") % {"campaign": campaign})
    prefix = f"M{campaign.academic_year[:4]}-"
    try:
        with transaction.atomic():
            Campaign.objects.select_for_update().get(pk=campaign.pk)
            last = (
                Application.objects.filter(campaign=campaign, number__startswith=prefix)
                .order_by("-number")
                .values_list("number", flat=True)
                .first()
            )
            following = int(last.removeprefix(prefix)) + 1 if last else 1
            return Application.objects.create(applicant=applicant, campaign=campaign, number=f"{prefix}{following:05d}")
    except IntegrityError:  # the same applicant started it in another tab a moment ago
        return Application.objects.get(applicant=applicant, campaign=campaign)


def _require(application: Application, *allowed, message=None):
    if application.status not in allowed:
        raise WorkflowError(
            message
            or _("The application is %(state)s; this step needs it %(allowed)s.")
            % {
                "state": application.get_status_display().lower(),
                "allowed": ", ".join(str(Status(s).label).lower() for s in allowed),
            }
        )


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("applicant", "campaign").get(pk=application.pk)


def preferences_set(*, application: Application, quotas: list[Quota]) -> list[Preference]:
    """Replace the ordered list of preferences (the first is the most wanted)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, *Application.EDITABLE)
        if not quotas:
            raise ValidationError(_("List at least one programme."))
        if len(quotas) > MAX_PREFERENCES:
            raise ValidationError(
                ngettext(
                    "At most %(count)d preference may be listed.",
                    "At most %(count)d preferences may be listed.",
                    MAX_PREFERENCES,
                )
                % {"count": MAX_PREFERENCES}
            )
        if len({q.pk for q in quotas}) != len(quotas):
            raise ValidationError(_("The same programme, form and funding is listed twice."))
        for quota in quotas:
            if quota.programme.campaign_id != application.campaign_id:
                raise ValidationError(_("%(quota)s is not offered in this campaign.") % {"quota": quota})
            if application.applicant.section_vi and quota.funding != "paid":
                raise ValidationError(
                    _("Under Section VI foreign citizens apply for paid places only; %(quota)s is state-subsidised.")
                    % {"quota": quota}
                )
        application.preferences.all().delete()
        created = []
        for position, quota in enumerate(quotas, start=1):
            preference = Preference(application=application, position=position, quota=quota)
            preference.save()
            created.append(preference)
    return created


def application_set_exemption(*, application: Application, exemption: str) -> Application:
    with transaction.atomic():
        application = _locked(application)
        _require(application, *Application.EDITABLE)
        application.fee_exemption = exemption
        application.full_clean()
        application.save(update_fields=["fee_exemption"])
    return application


def _store_upload(application, kind, uploaded) -> Document:
    content_kind = check_upload(uploaded, allowed=ALLOWED_KINDS, limit=MAX_SIZE)
    document = Document.objects.filter(application=application, kind=kind).first()
    old_file = document.file.name if document else None
    document = document or Document(application=application, kind=kind)
    extension = {"jpeg": "jpg"}.get(content_kind, content_kind)
    document.file.save(f"{kind}.{extension}", uploaded, save=False)
    document.original_name = (uploaded.name or "")[-255:] or f"{kind}.{extension}"
    document.content_kind = content_kind
    document.size = uploaded.size
    document.uploaded_at = timezone.now()
    document.status = Document.Status.PENDING
    document.review_note = ""
    document.reviewed_by = None
    document.reviewed_at = None
    document.save()
    if old_file and old_file != document.file.name:
        transaction.on_commit(lambda: document.file.storage.delete(old_file))
    return document


def document_upload(*, application: Application, kind: str, uploaded) -> Document:
    """Attach (or replace) one of the required documents; checked by content and size."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, *Application.EDITABLE)
        allowed = {r.kind for r in required_documents(application)}
        if kind not in allowed:
            raise ValidationError(_("This application does not need that document."))
        return _store_upload(application, kind, uploaded)


def document_delete(*, document: Document) -> None:
    with transaction.atomic():
        application = _locked(document.application)
        _require(application, *Application.EDITABLE)
        name = document.file.name
        document.delete()
        transaction.on_commit(lambda: document.file.storage.delete(name))


def submission_problems(application: Application) -> list[str]:
    """What stops the application from being submitted, in words the applicant can act on."""
    problems = []
    missing = missing_profile_fields(application.applicant)
    if missing:
        problems.append(_("Fill in: %(fields)s.") % {"fields": ", ".join(missing)})
    preferences = list(application.preferences.select_related("quota__programme"))
    if not preferences:
        problems.append(_("List at least one programme."))
    if application.applicant.section_vi:
        state = [str(p.quota) for p in preferences if p.quota.funding != "paid"]
        if state:
            problems.append(
                _("Under Section VI foreign citizens apply for paid places only; remove: %(quotas)s.")
                % {"quotas": "; ".join(state)}
            )
    documents = {d.kind: d for d in application.documents.all()}
    for requirement in required_documents(application, preferences):
        document = documents.get(requirement.kind)
        if document is None:
            problems.append(_("Upload: %(document)s.") % {"document": requirement.label})
        elif document.status == Document.Status.REJECTED:
            problems.append(
                _("Replace the rejected document: %(document)s (%(reason)s).")
                % {"document": requirement.label, "reason": document.review_note}
            )
    return problems


def application_submit(*, application: Application) -> Application:
    with transaction.atomic():
        application = _locked(application)
        _require(application, *Application.EDITABLE)
        if application.status == Status.DRAFT and not application.campaign.is_open():
            raise WorkflowError(_("The application period has ended."))
        problems = submission_problems(application)
        if problems:
            raise ValidationError(problems)
        now = timezone.now()
        application.status = Status.SUBMITTED
        application.submitted_at = now
        application.first_submitted_at = application.first_submitted_at or now
        application.save(update_fields=["status", "submitted_at", "first_submitted_at"])
        pk = application.pk
        transaction.on_commit(lambda: _queue_application_pdf(pk))
        _notify(application, "submitted")
    return application


def _queue_application_pdf(pk):
    from .tasks import build_application_pdf

    try:
        build_application_pdf.delay(pk)
    except Exception:  # the workers are down: the PDF is built on the next download instead
        log.exception("could not queue the application PDF of %s", pk)


def application_pdf_build(*, application: Application) -> Application:
    """Render the application to the rector (Art. 12(1) 1) from the data and keep it."""
    from .pdf import application_pdf

    person = application.applicant.user
    with override(person.language or settings.LANGUAGE_CODE):
        content = application_pdf(application)
    old = application.application_pdf.name
    application.application_pdf.save(f"{application.number}.pdf", ContentFile(content), save=False)
    Application.objects.filter(pk=application.pk).update(application_pdf=application.application_pdf.name)
    if old and old != application.application_pdf.name:
        application.application_pdf.storage.delete(old)
    return application


# --- verification ---------------------------------------------------------------------------------


def document_review(*, document: Document, accepted: bool, note: str, by) -> Document:
    with transaction.atomic():
        application = _locked(document.application)
        _require(application, Status.SUBMITTED)
        note = (note or "").strip()
        if not accepted and not note:
            raise ValidationError({"note": _("Say why the document is rejected: the applicant will read it.")})
        document.status = Document.Status.ACCEPTED if accepted else Document.Status.REJECTED
        document.review_note = "" if accepted else note
        document.reviewed_by = by
        document.reviewed_at = timezone.now()
        document._history_user = by
        document.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    return document


def application_return(*, application: Application, note: str, by) -> Application:
    """Back to the applicant with what to fix; they correct it and submit again."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Say what the applicant has to correct.")})
    with transaction.atomic():
        application = _locked(application)
        _require(application, Status.SUBMITTED)
        application.status = Status.RETURNED
        application.return_note = note
        application.returned_at = timezone.now()
        application._history_user = by
        application.save(update_fields=["status", "return_note", "returned_at"])
        rejected = list(application.documents.filter(status=Document.Status.REJECTED))
        _notify(application, "returned", {"rejected": rejected})
    return application


def application_verify(*, application: Application, by) -> Application:
    """Every required document accepted: the application takes part in the ranking."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, Status.SUBMITTED)
        documents = {d.kind: d for d in application.documents.all()}
        waiting = [
            r.label
            for r in required_documents(application)
            if documents.get(r.kind) is None or documents[r.kind].status != Document.Status.ACCEPTED
        ]
        if waiting:
            raise WorkflowError(
                _("Accept every required document first; not accepted: %(documents)s.")
                % {"documents": ", ".join(str(w) for w in waiting)}
            )
        if _campaign_ranked(application.campaign) and not _next_round_open(application.campaign):
            raise WorkflowError(_("The last round of this campaign has been ranked; nothing is left to verify for."))
        application.status = Status.ELIGIBLE
        application.verified_by = by
        application.verified_at = timezone.now()
        application._history_user = by
        application.save(update_fields=["status", "verified_by", "verified_at"])
        _notify(application, "verified")
    return application


def application_reject(*, application: Application, article: str, note: str, by) -> Application:
    with transaction.atomic():
        application = _locked(application)
        _require(application, Status.SUBMITTED, Status.ELIGIBLE)
        if article not in Application.RejectionArticle.values:
            raise ValidationError({"article": _("Choose the article of the regulation the rejection rests on.")})
        application.status = Status.REJECTED
        application.rejection_article = article
        application.rejection_note = (note or "").strip()
        application._history_user = by
        application.save(update_fields=["status", "rejection_article", "rejection_note"])
        _notify(application, "rejected")
    return application


def _campaign_ranked(campaign) -> bool:
    return campaign.rounds.exclude(status__in=(Round.Status.PLANNED, Round.Status.FAILED)).exists()


def _next_round_open(campaign) -> bool:
    return campaign.rounds.filter(status__in=(Round.Status.PLANNED, Round.Status.FAILED, Round.Status.RANKED)).exists()


# --- campaign, programmes, quotas, rounds -----------------------------------------------------------


def campaign_locked(campaign: Campaign) -> bool:
    """Programmes and quotas are fixed from the first ranking on (the regulation's places are
    announced before it)."""
    return _campaign_ranked(campaign)


def _require_unlocked(campaign):
    """Lock the campaign row (round_start locks it too, so a ranking cannot start between this
    check and the change) and refuse once a round has been ranked. Call inside a transaction."""
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    if campaign_locked(campaign):
        raise WorkflowError(_("A round of this campaign has been ranked: programmes and quotas can no longer change."))


def campaign_save(*, campaign: Campaign) -> Campaign:
    with transaction.atomic():
        if campaign.pk:
            before = Campaign.objects.get(pk=campaign.pk)
            changed = any(
                getattr(before, f) != getattr(campaign, f)
                for f in ("coefficient_own_university", "coefficient_related", "economics_field", "coefficient_other")
            ) or set(before.related_area_codes()) != set(campaign.related_area_codes())
            if changed:
                _require_unlocked(campaign)
        campaign.full_clean()
        campaign.save()
    return campaign


def programme_save(*, programme: Programme) -> Programme:
    with transaction.atomic():
        _require_unlocked(programme.campaign)
        programme.full_clean()
        programme.save()
    return programme


def programme_delete(*, programme: Programme) -> None:
    with transaction.atomic():
        _require_unlocked(programme.campaign)
        if Preference.objects.filter(quota__programme=programme).exists():
            raise WorkflowError(_("Applicants have listed this programme; it can no longer be removed."))
        programme.delete()


def quota_save(*, quota: Quota) -> Quota:
    with transaction.atomic():
        _require_unlocked(quota.programme.campaign)
        quota.full_clean()
        quota.save()
    return quota


def quota_delete(*, quota: Quota) -> None:
    with transaction.atomic():
        _require_unlocked(quota.programme.campaign)
        if quota.preferences.exists():
            raise WorkflowError(_("Applicants have listed this quota; set its places to 0 instead."))
        quota.delete()


def round_save(*, round: Round) -> Round:
    """Dates of a planned round move freely; a ranked one keeps its number; a published one only
    moves its enrolment deadline; a round being ranked or closed does not change."""
    with transaction.atomic():
        if round.pk:
            current = Round.objects.select_for_update().get(pk=round.pk)
            if current.in_progress or current.status == Round.Status.CLOSED:
                raise WorkflowError(_("The round is being ranked or closed; it cannot change now."))
            if current.status != Round.Status.PLANNED and current.number != round.number:
                raise WorkflowError(_("A round that has been ranked keeps its number."))
            if current.is_public and (
                current.ranking_on != round.ranking_on or current.publication_on != round.publication_on
            ):
                raise WorkflowError(_("The round is published; only its enrolment deadline may still move."))
        round.full_clean()
        round.save()
    return round


# --- ranking rounds -------------------------------------------------------------------------------


def round_start(*, round: Round, by) -> Round:
    """Queue the ranking of a round; a ranked round may be ranked again until it is published.

    Two people starting the same round at once: the row lock lets one through, the other is
    told that it is already being ranked."""
    now = timezone.now()
    with transaction.atomic():
        Campaign.objects.select_for_update().filter(pk=round.campaign_id).first()  # see _require_unlocked
        locked = Round.objects.select_for_update().select_related("campaign").get(pk=round.pk)
        if locked.is_public:
            raise WorkflowError(
                _("%(round)s is published; a published round is never ranked again.") % {"round": locked}
            )
        if locked.in_progress and locked.queued_at and now - locked.queued_at < ROUND_STALE_AFTER:
            raise WorkflowError(
                _("%(round)s is already being ranked (started by %(person)s).")
                % {"round": locked, "person": locked.started_by or _("someone")}
            )
        earlier = Round.objects.filter(campaign=locked.campaign, number__lt=locked.number).exclude(
            status=Round.Status.CLOSED
        )
        if earlier.exists():
            raise WorkflowError(
                _("Round %(number)s is not closed yet: the next round starts after its enrolment deadline.")
                % {"number": earlier.order_by("number").first().number}
            )
        locked.status = Round.Status.QUEUED
        locked.progress = 0
        locked.progress_note = ""
        locked.error = ""
        locked.started_by = by
        locked.queued_at = now
        locked._history_user = by
        locked.save()
        pk = locked.pk
        transaction.on_commit(lambda: _enqueue_round(pk))
    return locked


def _enqueue_round(pk):
    from .tasks import rank_round

    try:
        rank_round.delay(pk)
    except Exception:  # the broker is down (or, with eager tasks, the ranking itself failed)
        log.exception("ranking round %s could not be queued or failed", pk)
        Round.objects.filter(pk=pk, status=Round.Status.QUEUED).update(
            status=Round.Status.FAILED,
            error=_("The ranking could not be queued: the workers are not reachable. Try again in a moment."),
        )


def _progress(pk, percent, note):
    Round.objects.filter(pk=pk).update(progress=percent, progress_note=note)


def round_rank(*, round_id: int) -> Round | None:
    """Build the input from the database, rank it with the engine and store the result and the
    explanations in one transaction. Runs in a worker; safe to run twice (the second run finds
    the round ranked and does nothing, or replaces an unpublished result by the same one)."""
    with transaction.atomic():
        round = Round.objects.select_for_update().select_related("campaign").get(pk=round_id)
        if round.status not in (Round.Status.QUEUED, Round.Status.RUNNING):
            return None
        round.status = Round.Status.RUNNING
        round.save(update_fields=["status"])
    try:
        _progress(round_id, 10, _("Building the input from the applications"))
        with gc_paused():
            data = round_data.build_instance(round)
            _progress(
                round_id,
                35,
                ngettext("Ranking %(count)d applicant", "Ranking %(count)d applicants", len(data.instance.applicants))
                % {"count": len(data.instance.applicants)},
            )
            result = rank(data.instance)
            _progress(round_id, 60, _("Storing the results"))
            results, quotas = round_data.result_rows(round, data, result)
            input_text = _input_json(data.instance)
        with transaction.atomic():
            locked = Round.objects.select_for_update().get(pk=round_id)
            if locked.status != Round.Status.RUNNING:  # published or restarted meanwhile
                return None
            RoundResult.objects.filter(round=locked).delete()
            RoundQuota.objects.filter(round=locked).delete()
            RoundResult.objects.bulk_create(results, batch_size=2000)
            RoundQuota.objects.bulk_create(quotas, batch_size=2000)
            if locked.input_file:
                locked.input_file.delete(save=False)
            locked.input_file.save(
                f"round-{locked.campaign_id}-{locked.number}.json", ContentFile(input_text), save=False
            )
            locked.status = Round.Status.RANKED
            locked.progress = 100
            locked.progress_note = ""
            locked.ranked_at = timezone.now()
            locked.applicants_count = len(results)
            locked.admitted_count = len(result.assignments)
            locked.save()
        _analyze(RoundResult)
        return locked
    except Exception as exc:
        log.exception("ranking round %s failed", round_id)
        Round.objects.filter(pk=round_id, status=Round.Status.RUNNING).update(
            status=Round.Status.FAILED, error=_("The ranking failed: %(error)s") % {"error": exc}
        )
        raise


def _analyze(model) -> None:
    """Tell PostgreSQL's planner about the rows just written: publication and the lists look the
    results up per application, and with the table's statistics from before the insert the
    planner would scan it whole for each of them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def _input_json(instance) -> str:
    import json

    return json.dumps(instance_to_data(instance), ensure_ascii=False)


def round_publish(*, round: Round, by) -> Round:
    """Publish the lists and apply the result: the newly admitted wait for their confirmation;
    those holding a seat who got a better preference move there with their enrolment."""
    with transaction.atomic():
        round = Round.objects.select_for_update().select_related("campaign").get(pk=round.pk)
        if round.status != Round.Status.RANKED:
            raise WorkflowError(_("Only a ranked round can be published."))
        today = timezone.localdate()
        if round.enrolment_deadline < today:
            raise WorkflowError(_("The enrolment deadline of this round has passed; move it first."))
        # A few UPDATEs for everyone placed (not one per row): the newly admitted, and those holding
        # a seat who got a better preference and move there with their enrolment.
        placed = RoundResult.objects.filter(round=round, quota__isnull=False)
        ids = list(placed.filter(application__status=Status.ELIGIBLE).values_list("application_id", flat=True))
        ids += (
            placed.filter(application__status__in=round_data.HOLDING_STATES)
            .exclude(application__admitted_quota=F("quota"))
            .values_list("application_id", flat=True)
        )
        result = RoundResult.objects.filter(round=round, application=OuterRef("pk"))
        for start in range(0, len(ids), 2000):
            Application.objects.filter(pk__in=ids[start : start + 2000]).update(
                status=Case(When(status=Status.ELIGIBLE, then=Value(Status.ADMITTED)), default=F("status")),
                admitted_round=round,
                admitted_quota=Subquery(result.values("quota")[:1]),
                admitted_score=Subquery(result.values("score")[:1]),
                admitted_preference=Subquery(result.values("preference")[:1]),
            )
        Application.history.bulk_history_create(
            list(Application.objects.filter(admitted_round=round)), batch_size=2000, update=True, default_user=by
        )
        round.status = Round.Status.PUBLISHED
        round.published_by = by
        round.published_at = timezone.now()
        round._history_user = by
        round.save()
        pk = round.pk
        transaction.on_commit(lambda: _enqueue_round_notices(pk))
    return round


def _enqueue_round_notices(pk):
    from .tasks import round_notices

    try:
        round_notices.delay(pk)
    except Exception:  # the daily sweep sends them when the workers are back
        log.exception("could not queue the notices of round %s", pk)


def _noticed(round, kind):
    """The applications already told about `kind` in `round` (one subquery)."""
    return ApplicationNotice.objects.filter(round=round, kind=kind).values("application_id")


def round_notices_send(*, round_id: int) -> int:
    """Tell each ranked applicant their result, once (a re-run sends nothing twice)."""
    round = Round.objects.get(pk=round_id)
    if not round.is_public:
        return 0
    sent = 0
    results = (
        RoundResult.objects.filter(round=round)
        .exclude(application__in=_noticed(round, ApplicationNotice.Kind.RANKED))
        .select_related("application__applicant__user", "application__campaign", "quota__programme")
    )
    for result in results.iterator(chunk_size=500):
        with transaction.atomic():
            _, created = ApplicationNotice.objects.get_or_create(
                application=result.application, round=round, kind=ApplicationNotice.Kind.RANKED
            )
            if created:
                _notify(result.application, "ranked", {"result": result, "round": round})
                sent += 1
    return sent


# --- enrolment ----------------------------------------------------------------------------------


def enrolment_confirm(*, application: Application, uploaded) -> Application:
    """The admitted applicant confirms by the deadline with the receipt of the semester fee."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, Status.ADMITTED)
        deadline = application.admitted_round.enrolment_deadline
        if timezone.localdate() > deadline:
            raise WorkflowError(_("The enrolment deadline has passed."))
        _store_upload(application, Document.Kind.ENROLMENT_RECEIPT, uploaded)
        application.status = Status.CONFIRMED
        application.confirmed_at = timezone.now()
        application.save(update_fields=["status", "confirmed_at"])
        _notify(application, "confirmed")
    return application


def application_enrol(*, application: Application, by) -> Application:
    """The committee checked the receipt: the applicant is enrolled (for the rector's order)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, Status.CONFIRMED)
        receipt = application.documents.filter(kind=Document.Kind.ENROLMENT_RECEIPT).first()
        if receipt is None:
            raise WorkflowError(_("There is no receipt of the semester fee."))
        if receipt.status != Document.Status.ACCEPTED:
            receipt.status = Document.Status.ACCEPTED
            receipt.reviewed_by = by
            receipt.reviewed_at = timezone.now()
            receipt._history_user = by
            receipt.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        application.status = Status.ENROLLED
        application.enrolled_by = by
        application.enrolled_at = timezone.now()
        application._history_user = by
        application.save(update_fields=["status", "enrolled_by", "enrolled_at"])
        _notify(application, "enrolled")
    return application


def enrolment_sweep(*, today: datetime.date | None = None) -> dict:
    """Daily: remind the admitted before their deadline; after it, those who did not confirm
    lose their rights and the round closes, which lets the next round start. Idempotent, and a
    late run catches up."""
    today = today or timezone.localdate()
    reminded = lost = closed = 0
    soon = today + datetime.timedelta(days=DEADLINE_REMINDER_DAYS)
    for round in Round.objects.filter(
        status=Round.Status.PUBLISHED, enrolment_deadline__gte=today, enrolment_deadline__lte=soon
    ):
        waiting = Application.objects.filter(admitted_round=round, status=Status.ADMITTED).exclude(
            pk__in=_noticed(round, ApplicationNotice.Kind.DEADLINE_SOON)
        )
        for application in waiting.select_related("applicant__user", "campaign", "admitted_quota__programme"):
            with transaction.atomic():
                _, created = ApplicationNotice.objects.get_or_create(
                    application=application, round=round, kind=ApplicationNotice.Kind.DEADLINE_SOON
                )
                if created:
                    _notify(application, "deadline_soon", {"round": round})
                    reminded += 1
    for round in Round.objects.filter(status=Round.Status.PUBLISHED, enrolment_deadline__lt=today):
        with transaction.atomic():
            round = Round.objects.select_for_update().get(pk=round.pk)
            if round.status != Round.Status.PUBLISHED:
                continue
            now = timezone.now()
            forfeited = list(
                Application.objects.select_for_update(of=("self",))
                .filter(admitted_round=round, status=Status.ADMITTED)
                .select_related("applicant__user", "campaign", "admitted_quota__programme")
            )
            for application in forfeited:
                application.status = Status.LOST_RIGHTS
                application.lost_rights_at = now
            bulk_update_with_history(forfeited, Application, ["status", "lost_rights_at"], batch_size=2000)
            for application in forfeited:
                _, created = ApplicationNotice.objects.get_or_create(
                    application=application, round=round, kind=ApplicationNotice.Kind.LOST_RIGHTS
                )
                if created:
                    _notify(application, "lost_rights", {"round": round})
            lost += len(forfeited)
            round.status = Round.Status.CLOSED
            round.closed_at = now
            round.save(update_fields=["status", "closed_at"])
            closed += 1
    return {"reminded": reminded, "lost_rights": lost, "rounds_closed": closed}


# --- notifications ------------------------------------------------------------------------------


def _notify(application: Application, event: str, context: dict | None = None) -> None:
    """The applicant hears of each step by e-mail and in their inbox, after the commit."""
    person = application.applicant.user
    url = application.get_absolute_url()
    context = {"application": application, "event": event, **(context or {})}
    transaction.on_commit(lambda: notify(person, f"admissions/email/{event}", context, url=url))
