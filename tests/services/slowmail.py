"""An e-mail backend for the worker tests that models SMTP honestly: each message takes a while to
send (the SMTP dialogue) and is delivered only at its end.

For each message it writes a marker `sending-<uuid>` into the folder `QMS_TEST_MAIL_DIR`, sleeps
`QMS_TEST_MAIL_SECONDS` (1 s unless told), then writes the message (recipients and subject) to
`sent-<uuid>.json`, atomically: a process killed in the middle of the dialogue has delivered nothing."""

import json
import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = Path(os.environ["QMS_TEST_MAIL_DIR"])
        seconds = float(os.environ.get("QMS_TEST_MAIL_SECONDS", "1"))
        sent = 0
        for message in email_messages:
            name = uuid.uuid4().hex
            (folder / f"sending-{name}").touch()
            time.sleep(seconds)
            data = {
                "to": list(message.to),
                "cc": list(message.cc),
                "bcc": list(message.bcc),
                "recipients": list(message.recipients()),
                "subject": str(message.subject),
            }
            partial = folder / f".partial-{name}"
            partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(partial, folder / f"sent-{name}.json")
            sent += 1
        return sent
