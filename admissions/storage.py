"""Kept for the migrations that name it: private storage lives in `qms.storage`."""

from qms.storage import PrivateStorage, private_storage

__all__ = ["PrivateStorage", "private_storage"]
