"""Files with people's data (applicants' documents, ranking inputs, reports) live outside the web root
(PRIVATE_MEDIA_ROOT, never served by URL): only views that check who is asking hand them out."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage on PRIVATE_MEDIA_ROOT, read at each use so that tests may move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; a view serves them after checking access.")

    def deconstruct(self):
        return ("qms.storage.PrivateStorage", (), {})


private_storage = PrivateStorage()
