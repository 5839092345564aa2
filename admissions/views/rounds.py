"""Scaffolding: replaced by the real views."""


def round_create(request, *args, **kwargs):
    raise NotImplementedError


def round_detail(request, *args, **kwargs):
    raise NotImplementedError


def round_edit(request, *args, **kwargs):
    raise NotImplementedError


def round_start(request, *args, **kwargs):
    raise NotImplementedError


def round_publish(request, *args, **kwargs):
    raise NotImplementedError


def round_quota(request, *args, **kwargs):
    raise NotImplementedError


def round_xlsx(request, *args, **kwargs):
    raise NotImplementedError


def round_pdf(request, *args, **kwargs):
    raise NotImplementedError


def round_input(request, *args, **kwargs):
    raise NotImplementedError
