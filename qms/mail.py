"""Messages to a person in their own language: by e-mail and in their in-portal inbox.

`send_to_person` renders `<prefix>_subject.txt` and `<prefix>_body.txt` and e-mails them;
`notify` does the same and also keeps the message in the person's inbox (`Notification`), with a
link to the page it is about."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import override


def render_message(person, template_prefix: str, context: dict) -> tuple[str, str]:
    with override(person.language or settings.LANGUAGE_CODE):
        context = {**context, "person": person}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
    return subject, body


def send_to_person(person, template_prefix: str, context: dict) -> bool:
    """E-mail the message; False when the person has no address."""
    if not person.email:
        return False
    subject, body = render_message(person, template_prefix, context)
    send_mail(subject, body, None, [person.email])
    return True


def notify(person, template_prefix: str, context: dict, *, url: str = ""):
    """Keep the message in the person's inbox and e-mail it; returns the Notification.

    `url` is a path inside the portal; the e-mail gets it as an absolute link."""
    from .models import Notification

    subject, body = render_message(person, template_prefix, {**context, "link": absolute(url)})
    notification = Notification.objects.create(recipient=person, subject=subject[:255], body=body, url=url)
    if person.email:
        send_mail(subject, body, None, [person.email])
    return notification


def absolute(path: str) -> str:
    if not path or "://" in path:
        return path
    return settings.PORTAL_URL.rstrip("/") + path
