"""Finding English left on a page shown in Bulgarian, Russian, Kazakh or Kyrgyz.

All four write Cyrillic, so any Latin word on such a page is suspect. What may stay:
- the records' own data (names, codes such as "DP 04.01" or "NC-2026-0001", texts kept only in
  English): every text value of the database is taken out of the page first;
- text marked as another language (`lang="en"` on it or an ancestor) or `translate="no"`;
- the alt text of the admin's boolean icons ("True", "False"), which Django does not translate;
- the language switcher (each language's own name), the names of file formats and standards
  (PDF, XLSX, ISO, ESG...) and Roman numerals, which are the same in every language.
"""

import re
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Names that every language writes in Latin letters, possibly with a Cyrillic suffix (ky "ESGнин").
SAME_IN_EVERY_LANGUAGE = re.compile(
    r"(?<![A-Za-z])(PDF|XLSX|CSV|DOCX|ODT|ODS|PNG|JPEG|JPG|KPI|ISO|ESG|QMS|SWOT|URL|Erasmus|EN|BG|RU|KK|KY|[IVX]+)"
    r"(?![A-Za-z])|\S+@\S+|https?://\S+"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
APPS = {"qms", "policies", "processes", "audits", "admissions"}
# Data of other apps that pages show: the names of the roles' groups.
OTHER_DATA = [("auth", "Group")]


class VisibleText(HTMLParser):
    """The text a reader meets on the page, with what is exempt (see the module) left out."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.texts: list[str] = []
        self._open: list[tuple[str, bool]] = []

    def _hidden(self) -> bool:
        return any(hidden for _tag, hidden in self._open)

    def _attributes(self, attributes: dict):
        if self._hidden():
            return
        for name in SHOWN_ATTRIBUTES:
            value = attributes.get(name)
            # Django's admin draws booleans as icons whose alt text it writes in English only.
            if value and not (name == "alt" and value in ("True", "False", "None")):
                self.texts.append(value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        language = (attributes.get("lang") or "").lower()
        hidden = (
            tag in ("script", "style", "template")
            or attributes.get("data-testid") == "language-switcher"
            or attributes.get("translate") == "no"
            or (tag != "html" and language and language != self.language)
        )
        if not hidden:
            self._attributes(attributes)
        if tag not in VOID:
            self._open.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self._attributes(dict(attrs))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.texts.append(data)


def data_pattern():
    """A pattern matching every text value in the database that has a Latin letter."""
    values = set()

    def collect(value):
        if isinstance(value, str):
            if LATIN_WORD.search(value):
                values.update(line.strip() for line in value.splitlines() if LATIN_WORD.search(line))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for model in apps.get_models():
        if model._meta.app_label not in APPS and (model._meta.app_label, model.__name__) not in OTHER_DATA:
            continue
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                for value in row:
                    collect(value)
    values.discard("")
    if not values:
        return None
    return re.compile("|".join(re.escape(value) for value in sorted(values, key=len, reverse=True)))


def english_left(html: str, language: str, data=None) -> list[str]:
    """The texts of the page that still hold a Latin word once data and exempt names are out."""
    parser = VisibleText(language)
    parser.feed(html)
    parser.close()
    found = []
    for text in parser.texts:
        rest = data.sub(" ", text) if data is not None else text
        rest = SAME_IN_EVERY_LANGUAGE.sub(" ", rest)
        if LATIN_WORD.search(rest):
            found.append(" ".join(text.split())[:120])
    return found
