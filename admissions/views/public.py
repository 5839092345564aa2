"""Scaffolding: replaced by the real views."""


def round_index(request, *args, **kwargs):
    raise NotImplementedError


def round_detail(request, *args, **kwargs):
    raise NotImplementedError


def quota_list(request, *args, **kwargs):
    raise NotImplementedError
