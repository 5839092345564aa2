"""Scaffolding: replaced by the real views."""


def committee_index(request, *args, **kwargs):
    raise NotImplementedError


def campaign_create(request, *args, **kwargs):
    raise NotImplementedError


def campaign_detail(request, *args, **kwargs):
    raise NotImplementedError


def campaign_edit(request, *args, **kwargs):
    raise NotImplementedError


def programme_create(request, *args, **kwargs):
    raise NotImplementedError


def programme_edit(request, *args, **kwargs):
    raise NotImplementedError


def programme_delete(request, *args, **kwargs):
    raise NotImplementedError


def quota_create(request, *args, **kwargs):
    raise NotImplementedError


def quota_edit(request, *args, **kwargs):
    raise NotImplementedError


def quota_delete(request, *args, **kwargs):
    raise NotImplementedError


def queue(request, *args, **kwargs):
    raise NotImplementedError


def review(request, *args, **kwargs):
    raise NotImplementedError


def document_review(request, *args, **kwargs):
    raise NotImplementedError


def application_return(request, *args, **kwargs):
    raise NotImplementedError


def application_verify(request, *args, **kwargs):
    raise NotImplementedError


def application_reject(request, *args, **kwargs):
    raise NotImplementedError


def application_enrol(request, *args, **kwargs):
    raise NotImplementedError


def application_history(request, *args, **kwargs):
    raise NotImplementedError


def enrolment(request, *args, **kwargs):
    raise NotImplementedError


def enrolment_order_pdf(request, *args, **kwargs):
    raise NotImplementedError


def statistics(request, *args, **kwargs):
    raise NotImplementedError
