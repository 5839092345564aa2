"""Document control in the browser: each view as owner, allowed role and outsider, and the whole
workflow driven through the pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from policies import services
from policies.models import Version
from tests.qms.factories import UserFactory

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_the_whole_workflow_through_the_pages(client, document, people):
    client.force_login(people.owner)
    response = client.post(reverse("policies:version-start", args=[document.pk]))
    version = Version.objects.get(document=document)
    assert response["Location"] == reverse("policies:version-edit", args=[version.pk])
    pasted = (
        '<h2>Scope</h2><table><tr><td>Step</td><td><img src=x onerror="alert(1)">Who</td></tr></table>'
        "<script>x()</script>"
    )
    client.post(
        reverse("policies:version-edit", args=[version.pk]),
        {"language": "en", "body": pasted, "change_summary": "First"},
    )
    client.post(
        reverse("policies:version-submit", args=[version.pk]),
        {"reviewers": [people.reviewer.pk], "approver": people.rector.pk},
    )
    version.refresh_from_db()
    assert version.status == "in_review"

    client.force_login(people.reviewer)
    assert "awaiting" in client.get(reverse("policies:document-list")).context
    client.post(reverse("policies:version-decide", args=[version.pk]), {"decision": "approved", "comment": "ok"})
    client.force_login(people.rector)
    client.post(reverse("policies:version-decide", args=[version.pk]), {"decision": "approved"})
    version.refresh_from_db()
    assert version.status == "approved"

    client.force_login(people.quality)
    client.post(reverse("policies:version-publish", args=[version.pk]), {"effective_date": "2026-03-01"})
    version.refresh_from_db()
    assert version.status == "published"

    client.force_login(people.reader)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "<table>" in page and "Scope" in page
    assert "onerror" not in page and "x()" not in page
    assert 'data-testid="acknowledge"' in page
    client.post(reverse("policies:version-acknowledge", args=[version.pk]))
    assert version.acknowledgements.filter(person=people.reader).exists()
    assert 'data-testid="acknowledged"' in client.get(document.get_absolute_url()).content.decode()


def test_readers_of_other_units_do_not_see_the_document(client, document, people, published):
    client.force_login(people.outsider)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(reverse("policies:version-detail", args=[published.pk])).status_code == 404
    assert document not in client.get(reverse("policies:document-list")).context["page"].object_list


def test_an_applicant_cannot_open_documents(client, document, people, published):
    client.force_login(people.applicant)
    assert client.get(reverse("policies:document-list")).status_code == 403
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_reader_sees_the_published_version_but_not_drafts(client, document, people, published):
    draft = services.version_start_draft(document=document, by=people.owner)
    client.force_login(people.reader)
    assert client.get(reverse("policies:version-detail", args=[published.pk])).status_code == 200
    assert client.get(reverse("policies:version-detail", args=[draft.pk])).status_code == 403
    assert client.get(reverse("policies:version-edit", args=[draft.pk])).status_code == 403
    response = client.post(reverse("policies:version-edit", args=[draft.pk]), {"language": "en", "body": "<p>x</p>"})
    assert response.status_code == 403


def test_a_named_reviewer_may_read_the_draft_and_decide_but_not_edit(client, document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="en", html="<p>a</p>")
    services.version_submit(version=version, reviewers=[people.outsider], approver=people.rector)
    client.force_login(people.outsider)  # not a member of the document's units, but named to review
    assert client.get(reverse("policies:version-detail", args=[version.pk])).status_code == 200
    assert client.get(reverse("policies:version-edit", args=[version.pk])).status_code == 403
    client.post(reverse("policies:version-decide", args=[version.pk]), {"decision": "approved"})
    assert version.decisions.get(person=people.outsider).decision == "approved"


def test_only_the_quality_office_publishes_and_withdraws(client, document, people, published):
    client.force_login(people.owner)
    assert client.post(reverse("policies:version-withdraw", args=[published.pk]), {"reason": "x"}).status_code == 403
    published.refresh_from_db()
    assert published.status == "published"


def test_someone_not_named_cannot_decide(client, document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="en", html="<p>a</p>")
    services.version_submit(version=version, reviewers=[people.reviewer], approver=people.rector)
    client.force_login(people.quality)  # may read, but was not named
    response = client.post(reverse("policies:version-decide", args=[version.pk]), {"decision": "approved"})
    assert response.status_code == 403


def test_asking_for_changes_without_a_comment_is_refused_and_nothing_changes(client, document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="en", html="<p>a</p>")
    services.version_submit(version=version, reviewers=[people.reviewer], approver=people.rector)
    client.force_login(people.reviewer)
    response = client.post(
        reverse("policies:version-decide", args=[version.pk]), {"decision": "changes_requested"}, follow=True
    )
    assert "Say which changes are needed." in response.content.decode()
    version.refresh_from_db()
    assert version.status == "in_review"


def test_a_document_is_created_by_the_quality_office_only(client, people, units):
    data = {
        "code": "DP 09.01",
        "title": "Complaints",
        "type": "procedure",
        "level": 3,
        "owner_unit": units[0].pk,
        "owner": people.owner.pk,
        "applies_to": [units[1].pk],
        "review_interval_months": 12,
    }
    client.force_login(people.owner)
    assert client.post(reverse("policies:document-create"), data).status_code == 403
    client.force_login(people.quality)
    response = client.post(reverse("policies:document-create"), {**data, "code": ""})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert 'value="Complaints"' in response.content.decode()  # what was typed is kept
    response = client.post(reverse("policies:document-create"), data)
    assert response.status_code == 302
    created = people.owner.owned_documents.get(code="DP 09.01")
    assert people.owner.has_perm("policies.change_document", created)


def test_the_reader_chooses_the_language_of_the_text_with_a_fallback(client, document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="bg", html="<p>Политика</p>")
    services.version_save_body(version=version, language="en", html="<p>Policy</p>")
    client.force_login(people.owner)
    assert "Policy" in client.get(reverse("policies:version-detail", args=[version.pk])).content.decode()
    assert "Политика" in client.get(reverse("policies:version-detail", args=[version.pk]) + "?lang=bg").content.decode()
    client.post(reverse("set_language"), {"language": "ky", "next": "/"})  # no Kyrgyz text: falls back
    page = client.get(reverse("policies:version-detail", args=[version.pk])).content.decode()
    assert "Policy" in page


def test_the_diff_shows_what_changed_between_two_revisions(client, document, people, published):
    from .conftest import publish_new_revision

    second = publish_new_revision(document, people, "<h2>Purpose</h2><p>Rev 2 wording</p>", published.effective_date)
    client.force_login(people.reader)
    response = client.get(reverse("policies:version-diff", args=[second.pk]) + f"?other={published.pk}")
    assert response.status_code == 200
    table = response.context["table"]
    assert "Rev&nbsp;1" in table and "Rev&nbsp;2&nbsp;wording" in table and "diff_sub" in table and "diff_add" in table


def test_the_document_list_makes_the_same_number_of_queries_for_few_and_many_documents(client, people, units, document):
    client.force_login(people.quality)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("policies:document-list")).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for _ in range(15):
        DocumentFactory(owner=UserFactory(), owner_unit=units[0], applies_to=[units[1]])
    assert count() == few


def test_the_controlled_copy_pdf_has_the_control_block_and_the_uncontrolled_footer(client, document, people, published):
    import io

    from pypdf import PdfReader

    services.version_start_draft(document=document, by=people.owner)  # a draft must not change the PDF
    client.force_login(people.reader)
    response = client.get(reverse("policies:version-pdf", args=[published.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("DP 04.01", "Revision", "Effective date", "15 January 2026", str(people.rector), "Purpose",
                     "Rev 1", "Uncontrolled when printed", "Page 1 of 1"):  # fmt: skip
        assert expected in text, expected


def test_the_pdf_is_in_the_readers_language_with_the_text_in_theirs(client, document, people):
    import io

    from pypdf import PdfReader

    from .conftest import publish_new_revision

    version = publish_new_revision(document, people, "<p>English text</p>", datetime.date(2026, 2, 1))
    services.version_start_draft(document=document, by=people.owner)
    client.force_login(people.reader)
    client.post(reverse("set_language"), {"language": "bg", "next": "/"})
    response = client.get(reverse("policies:version-pdf", args=[version.pk]))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "English text" in text  # the only language the text exists in
    assert "Страница 1 от 1" in text  # the portal's own words in Bulgarian


def test_no_pdf_for_drafts_or_for_outsiders(client, document, people, published):
    draft = services.version_start_draft(document=document, by=people.owner)
    client.force_login(people.owner)
    assert client.get(reverse("policies:version-pdf", args=[draft.pk])).status_code == 404
    client.force_login(people.outsider)
    assert client.get(reverse("policies:version-pdf", args=[published.pk])).status_code == 404


def test_the_public_policy_is_readable_without_signing_in_in_each_of_its_languages(client, document, people, units):
    from policies.models import Document

    policy = DocumentFactory(
        code="QP 01", type="quality_policy", level=1, owner=people.quality, owner_unit=units[0], is_public=True
    )
    version = services.version_start_draft(document=policy, by=people.quality)
    services.version_save_body(version=version, language="bg", html="<h2>ПОЛИТИКА ПО КАЧЕСТВОТО</h2>")
    services.version_save_body(version=version, language="en", html="<h2>QUALITY POLICY</h2>")
    services.version_submit(version=version, reviewers=[], approver=people.rector)
    services.review_decide(version=version, person=people.rector, decision="approved")
    services.version_publish(version=version, by=people.quality, effective_date=datetime.date(2026, 1, 15))

    login_page = client.get(reverse("login")).content.decode()
    assert reverse("public:document-list") in login_page
    listing = client.get(reverse("public:document-list")).content.decode()
    assert "QP 01" in listing and document.code not in listing  # not public: not listed
    page = client.get(reverse("public:document-detail", args=[policy.pk]))
    assert page.status_code == 200 and "QUALITY POLICY" in page.content.decode()
    assert (
        "ПОЛИТИКА ПО КАЧЕСТВОТО"
        in client.get(reverse("public:document-detail", args=[policy.pk]) + "?lang=bg").content.decode()
    )
    assert client.get(reverse("public:document-detail", args=[document.pk])).status_code == 404
    # A draft of the policy never shows publicly.
    draft = services.version_start_draft(document=policy, by=people.quality)
    services.version_save_body(version=draft, language="en", html="<p>secret draft</p>")
    assert "secret draft" not in client.get(reverse("public:document-detail", args=[policy.pk])).content.decode()
    assert Document.objects.filter(is_public=True).count() == 1


def test_only_the_editor_page_relaxes_styles_and_no_page_relaxes_scripts(client, document, people, published):
    draft = services.version_start_draft(document=document, by=people.owner)
    client.force_login(people.owner)
    editor = client.get(reverse("policies:version-edit", args=[draft.pk]))["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in editor
    assert "script-src 'self';" in editor + ";" and "unsafe-inline" not in editor.split("script-src")[1].split(";")[0]
    detail = client.get(document.get_absolute_url())["Content-Security-Policy"]
    assert "unsafe-inline" not in detail


def test_the_review_calendar_is_for_the_quality_office_and_rectorate(client, document, people, published):
    client.force_login(people.reader)
    assert client.get(reverse("policies:review-calendar")).status_code == 403
    client.force_login(people.rector)
    response = client.get(reverse("policies:review-calendar"))
    assert response.status_code == 200 and "DP 04.01" in response.content.decode()
    ((month, documents),) = response.context["months"]
    assert month == datetime.date(2027, 1, 1) and documents == [document]


def test_the_review_calendar_shows_a_year_ahead_and_all_on_request(client, document, people, published, units):
    from policies.models import Document

    later = DocumentFactory(code="DP 09.09", owner=people.quality, owner_unit=units[0])
    Document.objects.filter(pk=later.pk).update(next_review_date=timezone.localdate() + datetime.timedelta(days=800))
    client.force_login(people.quality)
    html = client.get(reverse("policies:review-calendar")).content.decode()
    assert "DP 04.01" in html and "DP 09.09" not in html
    assert 'data-testid="calendar-all"' in html and "1 review planned later" in html
    html = client.get(reverse("policies:review-calendar"), {"all": "1"}).content.decode()
    assert "DP 04.01" in html and later.code in html
    assert 'data-testid="calendar-all"' not in html


def test_quality_objectives_are_read_by_staff_and_kept_by_the_quality_office(client, people, units, document):
    from policies.models import QualityObjective

    policy = DocumentFactory(code="QP 01", type="quality_policy", level=1, owner=people.quality, owner_unit=units[0])
    data = {
        "policy": policy.pk,
        "title": "Accredit every programme",
        "owner": people.rector.pk,
        "indicator": "Accredited programmes",
        "unit_of_measure": "%",
        "baseline": "86",
        "target": "100",
        "deadline": "2027-12-31",
        "status": "in_progress",
    }
    client.force_login(people.owner)
    assert client.post(reverse("policies:objective-create"), data).status_code == 403
    client.force_login(people.quality)
    response = client.post(reverse("policies:objective-create"), {**data, "target": "lots"})
    assert response.status_code == 200 and response.context["form"].errors["target"]
    assert 'value="Accredit every programme"' in response.content.decode()
    assert client.post(reverse("policies:objective-create"), data).status_code == 302
    objective = QualityObjective.objects.get()
    client.post(
        reverse("policies:objective-review", args=[objective.pk]), {"status": "reached", "reviewed_on": "2027-12-01"}
    )
    objective.refresh_from_db()
    assert objective.status == "reached" and objective.last_reviewed_at == datetime.date(2027, 12, 1)
    assert objective.history.count() == 2
    client.force_login(people.reader)
    assert "Accredit every programme" in client.get(reverse("policies:objective-list")).content.decode()
    client.force_login(people.applicant)
    assert client.get(reverse("policies:objective-list")).status_code == 403


def test_only_members_of_the_units_a_document_applies_to_are_asked_to_acknowledge(client, document, people, published):
    client.force_login(people.quality)  # may read everything, but is not in the document's units
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'data-testid="acknowledge"' not in page
    client.force_login(people.reader)
    assert 'data-testid="acknowledge"' in client.get(document.get_absolute_url()).content.decode()
