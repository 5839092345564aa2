"""E-mail to a person in their own language, from a subject and a body template."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import override


def send_to_person(person, template_prefix: str, context: dict) -> bool:
    """Render `<prefix>_subject.txt` and `<prefix>_body.txt` in the person's language and send
    them; False when the person has no address."""
    if not person.email:
        return False
    with override(person.language or settings.LANGUAGE_CODE):
        context = {**context, "person": person}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
    send_mail(subject, body, None, [person.email])
    return True
