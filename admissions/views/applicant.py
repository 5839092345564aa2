"""Scaffolding: replaced by the real views."""


def my_application(request, *args, **kwargs):
    raise NotImplementedError


def application_start(request, *args, **kwargs):
    raise NotImplementedError


def application_detail(request, *args, **kwargs):
    raise NotImplementedError


def personal_edit(request, *args, **kwargs):
    raise NotImplementedError


def education_edit(request, *args, **kwargs):
    raise NotImplementedError


def preferences_edit(request, *args, **kwargs):
    raise NotImplementedError


def documents(request, *args, **kwargs):
    raise NotImplementedError


def document_upload(request, *args, **kwargs):
    raise NotImplementedError


def document_delete(request, *args, **kwargs):
    raise NotImplementedError


def submit(request, *args, **kwargs):
    raise NotImplementedError


def application_pdf(request, *args, **kwargs):
    raise NotImplementedError


def result(request, *args, **kwargs):
    raise NotImplementedError


def enrolment_confirm(request, *args, **kwargs):
    raise NotImplementedError


def document_download(request, *args, **kwargs):
    raise NotImplementedError
