"""Messages to a person in their own language: by e-mail and in their in-portal inbox.

A message is three templates: `<prefix>_subject.txt`, `<prefix>_body.txt` and, optionally,
`<prefix>_body.html` (without one, the text is laid out in `email/message.html`). Every e-mail
goes out as text with an HTML alternative.

- `send_to_person` e-mails a message now (for what cannot wait: confirming an address).
- `notify` keeps the message in the person's inbox (`Notification`) with a link to the page it is
  about, and e-mails it now or with the next daily digest, as the person chose
  (`User.notification_delivery`); `notification_digest_send` sends the digests.
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override


def render_message(person, template_prefix: str, context: dict) -> tuple[str, str]:
    """The subject and the text of a message, in the person's language."""
    subject, text, _html = render_message_parts(person, template_prefix, context)
    return subject, text


def render_message_parts(person, template_prefix: str, context: dict) -> tuple[str, str, str]:
    """Subject, text and HTML of a message, in the person's language."""
    with override(person.language or settings.LANGUAGE_CODE):
        context = {**context, "person": person}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}_body.txt", context)
        try:
            html = render_to_string(f"{template_prefix}_body.html", context)
        except TemplateDoesNotExist:
            html = render_to_string(
                "email/message.html", {"subject": subject, "text": text, "link": context.get("link", "")}
            )
    return subject, text, html


def _send(person, subject: str, text: str, html: str) -> None:
    message = EmailMultiAlternatives(subject, text, None, [person.email])
    message.attach_alternative(html, "text/html")
    message.send()


def send_to_person(person, template_prefix: str, context: dict) -> bool:
    """E-mail the message now; False when the person has no address."""
    if not person.email:
        return False
    _send(person, *render_message_parts(person, template_prefix, context))
    return True


def notify(person, template_prefix: str, context: dict, *, url: str = ""):
    """Keep the message in the person's inbox and e-mail it (now, or with the daily digest);
    returns the Notification.

    `url` is a path inside the portal; the e-mail gets it as an absolute link."""
    from .models import Notification, User

    subject, text, html = render_message_parts(person, template_prefix, {**context, "link": absolute(url)})
    if not person.email:
        email = Notification.Email.NONE
    elif person.notification_delivery == User.Delivery.DAILY:
        email = Notification.Email.DIGEST
    else:
        email = Notification.Email.SENT
    notification = Notification.objects.create(
        recipient=person,
        subject=subject[:255],
        body=text,
        url=url,
        language=person.language or settings.LANGUAGE_CODE,
        email=email,
        emailed_at=timezone.now() if email == Notification.Email.SENT else None,
    )
    if email == Notification.Email.SENT:
        _send(person, subject, text, html)
    return notification


def notification_digest_send(*, now=None) -> dict:
    """E-mail each person who chose the daily digest the messages waiting for it, in one e-mail.
    Each person's messages are taken under lock and marked sent with the e-mail, so the job is
    safe to run twice, or late (a missed day's messages go out with the next)."""
    from .models import Notification, User

    now = now or timezone.now()
    waiting = Notification.objects.filter(email=Notification.Email.DIGEST)
    recipients = list(waiting.order_by().values_list("recipient", flat=True).distinct())
    people = User.objects.in_bulk(recipients)
    counts = defaultdict(int)
    for person_id in recipients:
        person = people[person_id]
        with transaction.atomic():
            messages = list(waiting.select_for_update().filter(recipient_id=person_id).order_by("created_at", "pk"))
            if not messages:
                continue
            if person.email:
                for message in messages:
                    message.link = absolute(message.url)
                _send(
                    person,
                    *render_message_parts(
                        person, "email/digest", {"messages": messages, "inbox": absolute("/inbox/"), "day": now}
                    ),
                )
                state = Notification.Email.SENT
            else:
                state = Notification.Email.NONE
            Notification.objects.filter(pk__in=[m.pk for m in messages]).update(
                email=state, emailed_at=now if state == Notification.Email.SENT else None
            )
            counts["people"] += state == Notification.Email.SENT
            counts["messages"] += len(messages)
    return {"people": counts["people"], "messages": counts["messages"]}


def absolute(path: str) -> str:
    if not path or "://" in path:
        return path
    return settings.PORTAL_URL.rstrip("/") + path
