"""Which documents an application needs (Art. 12 for the ordinary procedure, Art. 21 for other
foreigners under Section VI), computed from the applicant's answers and preferences."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Applicant, Document

Kind = Document.Kind

#: What an applicant may upload: PDF scans or photos, each at most this size.
ALLOWED_KINDS = ("pdf", "jpeg", "png")
MAX_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class Requirement:
    kind: str
    why: str

    @property
    def label(self):
        return Kind(self.kind).label


def required_documents(application, preferences=None) -> list[Requirement]:
    """The documents to upload for `application`, each with the reason it is asked for.

    The application to the rector itself is not in the list: the portal generates it as a PDF
    from the data when the application is submitted. `preferences` may be passed (with their
    quotas and programmes) to save a query."""
    applicant: Applicant = application.applicant
    if preferences is None:
        preferences = list(application.preferences.select_related("quota__programme"))
    needs: list[Requirement] = []

    def need(kind, why):
        needs.append(Requirement(kind, why))

    if applicant.section_vi:
        need(Kind.DIPLOMA, _("Art. 21(1) 2: the diploma and its supplement with the grades."))
        need(Kind.RECOGNITION, _("Art. 21(1) 3: the rector's certificate recognising the foreign degree."))
        need(
            Kind.LANGUAGE_CERTIFICATE,
            _("Art. 21(1) 4: Bulgarian (or the programme's language) at level B2 of the European framework."),
        )
        need(Kind.MEDICAL_CERTIFICATE, _("Art. 21(1) 5: issued within a month before applying."))
        need(Kind.PASSPORT, _("Art. 21(1) 6: a copy of the passport."))
        need(Kind.TRANSLATIONS, _("Art. 21(2): the diploma and the medical certificate legalised and translated."))
        need(Kind.FEE_RECEIPT, _("Art. 12(1) 4: the application fee."))
        return needs

    if applicant.diploma_status == Applicant.DiplomaStatus.ISSUED:
        need(Kind.DIPLOMA, _("Art. 12(1) 2: a copy of the diploma (the original is shown and returned)."))
    elif applicant.own_university:
        need(
            Kind.FACULTY_CERTIFICATE,
            _("Art. 12(1) 2.2: the diploma is not issued yet; an application certified by your faculty office."),
        )
    else:
        need(
            Kind.TRANSCRIPT,
            _("Art. 12(1) 2.1: no diploma yet; an academic transcript with the course average and graduation grade."),
        )
    if any(p.quota.programme.foreign_language for p in preferences):
        need(
            Kind.LANGUAGE_CERTIFICATE,
            _("Art. 12(1) 2.3: you listed a programme taught in a foreign language."),
        )
    if applicant.foreign_degree:
        need(Kind.RECOGNITION, _("Art. 12(1) 2.4: the degree was obtained abroad and must be recognised."))
    need(Kind.IDENTITY, _("Art. 12(1) 3: a copy of the identity card (the original is shown and returned)."))
    if applicant.citizenship in (
        Applicant.Citizenship.PERMANENT_RESIDENT,
        Applicant.Citizenship.REFUGEE,
        Applicant.Citizenship.BULGARIAN_ORIGIN,
    ):
        need(Kind.CITIZENSHIP_PROOF, _("Art. 9(2): the document that gives you the right to apply as Bulgarians do."))
    if application.fee_exemption:
        need(Kind.EXEMPTION_PROOF, _("Art. 12(1) 4.2: proof of the ground for the fee exemption."))
    else:
        need(Kind.FEE_RECEIPT, _("Art. 12(1) 4: the application fee (not refunded)."))
    return needs
