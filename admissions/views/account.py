"""Scaffolding: replaced by the real views."""


def register(request, *args, **kwargs):
    raise NotImplementedError


def register_sent(request, *args, **kwargs):
    raise NotImplementedError


def confirm(request, *args, **kwargs):
    raise NotImplementedError
