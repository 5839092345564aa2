"""Texts kept per language, {"kk": "...", "en": "..."}: the reader's language, else the
portal's default, else any language the text exists in."""

from django.conf import settings
from django.utils.translation import get_language


def translated(texts, language=None) -> str:
    if not texts:
        return ""
    for code in (language, get_language(), settings.LANGUAGE_CODE):
        if code and texts.get(code):
            return texts[code]
    for code, _name in settings.LANGUAGES:
        if texts.get(code):
            return texts[code]
    return next((text for text in texts.values() if text), "")


def languages_of(*texts) -> list[str]:
    """The languages any of `texts` exists in, in the portal's order."""
    present = {code for value in texts if value for code, text in value.items() if text}
    return [code for code, _name in settings.LANGUAGES if code in present]
