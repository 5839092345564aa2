"""A Django app that registers a slow report kind in the worker of the report tests (see kind.py)."""
