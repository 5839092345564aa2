"""The catalogues are complete and every user-facing string is marked for translation.

- the portal's catalogues (locale/) have every message translated, none fuzzy, and msgfmt
  accepts them;
- `makemessages` run on the code finds no message the catalogues lack and none they keep in
  vain, so a newly marked string fails here until it is translated;
- templates hold no visible text outside {% translate %} / {% blocktranslate %}, and the
  Python code passes no literal text where people read it (labels, help texts, choices,
  messages, validation errors, model verbose names);
- the third-party catalogues are complete for our languages (locale_vendor/);
- the ISO 9001 / ESG titles are in the catalogue.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

from qms import catalogues, standards

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
DOMAINS = ("django", "djangojs")
# The same folders the README's makemessages command leaves out.
IGNORE = [".venv", "node_modules", "staticfiles", "tests", "test-artifacts", "private-media", "media"]
APPS = ["qms", "policies", "processes", "audits", "admissions"]
REQUIRE_GETTEXT = os.environ.get("QMS_REQUIRE_SERVICES") == "1" or os.environ.get("CI") == "true"


def key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def label(message_key) -> str:
    context, msgid, _plural = message_key
    return f"{context}|{msgid}" if context else msgid


# --- the catalogues -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_has_every_message_translated_and_none_fuzzy(language, domain):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))

    untranslated = [label(key(entry)) for entry in po.untranslated_entries()]
    fuzzy = [label(key(entry)) for entry in po.fuzzy_entries()]

    assert untranslated == [], f"{len(untranslated)} untranslated in {language}/{domain}.po: {untranslated[:10]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}/{domain}.po: {fuzzy[:10]}"
    assert len(po.translated_entries()) == len([entry for entry in po if not entry.obsolete])


def _gettext_tools() -> bool:
    if shutil.which("msgfmt") and shutil.which("xgettext") and shutil.which("msgmerge"):
        return True
    if REQUIRE_GETTEXT:
        pytest.fail("GNU gettext is required here (apt-get install gettext)", pytrace=False)
    pytest.skip("needs GNU gettext (apt-get install gettext)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_counts_every_message_translated(language):
    _gettext_tools()
    for domain in DOMAINS:
        path = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "LC_ALL": "C"},
        )
        assert result.returncode == 0, result.stderr
        assert re.fullmatch(r"\d+ translated messages?\.\n", result.stderr), f"{path}: {result.stderr}"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues as makemessages leaves them when run on today's code. It runs in a copy
    of the project: makemessages writes into every `locale` folder it finds under the current
    directory, whatever LOCALE_PATHS says."""
    _gettext_tools()
    copy = tmp_path_factory.mktemp("project") / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(*IGNORE, ".git", "locale_vendor", "*.mo", "__pycache__", "*.sqlite3"),
    )
    language = LANGUAGES[0]
    command = [sys.executable, "manage.py", "makemessages", "--locale", language, "--no-obsolete", "--verbosity", "0"]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "qms.settings_test", "PYTHONPATH": str(copy)}
    for domain, ignore in (("django", IGNORE), ("djangojs", [*IGNORE, "static/vendor"])):
        options = ["--domain", domain, *(f"--ignore={pattern}" for pattern in ignore)]
        subprocess.run([*command, *options], cwd=copy, env=environment, check=True, capture_output=True)
    return {
        domain: {key(entry) for entry in polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / f"{domain}.po"))}
        for domain in DOMAINS
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_makemessages_finds_no_message_the_catalogues_lack(extracted, domain):
    """A string marked in code or a template after the catalogues were last updated fails here:
    run the README's makemessages command and translate it."""
    for language in LANGUAGES:
        committed = {key(entry) for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))}
        new = sorted(extracted[domain] - committed)
        stale = sorted(committed - extracted[domain])
        assert [label(k) for k in new] == [], f"{language}/{domain}.po lacks {len(new)} message(s)"
        assert [label(k) for k in stale] == [], f"{language}/{domain}.po keeps {len(stale)} message(s) no code uses"


def test_the_third_party_catalogues_are_complete_for_our_languages():
    """Django's Kazakh, and guardian, simple-history, axes and treebeard in bg/kk/ky (and ru
    for simple-history): what they lack is in locale_vendor/, translated."""
    gaps = {
        (language, domain): len(catalogues.missing(language, domain)) for language in LANGUAGES for domain in DOMAINS
    }

    assert {where: count for where, count in gaps.items() if count} == {}


def test_the_third_party_check_sees_a_message_missing(tmp_path, monkeypatch):
    """The check above can fail: with an empty locale_vendor, Kazakh lacks Django messages."""
    monkeypatch.setattr(catalogues, "VENDOR_LOCALE", tmp_path)

    gaps = catalogues.missing("kk", "django")

    sign_in_error = "Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."
    assert gaps[("", sign_in_error, "")][1] == ["django/contrib/auth/locale"]
    assert len(gaps) > 100


def test_every_standard_clause_title_is_a_message_of_the_catalogue():
    written = (ROOT / "qms" / "standards_messages.py").read_text(encoding="utf-8")

    assert written == standards.messages_module(), (
        "qms/standards_messages.py is out of date: write qms.standards.messages_module() to it"
    )


# --- nothing left unmarked: templates -----------------------------------------------------

VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}
LETTERS = re.compile(r"[^\W\d_]{2,}")
# Text that is the same in every language, with the reason.
TEMPLATE_TEXT_ALLOWED = {
    # the attributes of <body> given by a block of base.html, not text
    ("policies/version_edit.html", 'data-editor-base=" vendor/tinymce-6.8.6"'),
    # an example process code in the legend of the process map
    ("processes/process_map.html", "↑ MP-01"),
}
# Templates that hold no text for people: a stylesheet included inside <style>.
TEMPLATES_WITHOUT_TEXT = {"processes/pdf/_card_styles.html"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._hidden += 1
        attributes = dict(attrs)
        for name, value in attrs:
            shown = name in VISIBLE_ATTRIBUTES or (
                tag == "input" and name == "value" and attributes.get("type") in ("submit", "button", "reset")
            )
            if value and shown:
                self.pieces.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.pieces.append(data)


def unmarked_template_text(source: str) -> list[str]:
    """Visible text of a template outside translation tags, comments and verbatim blocks.
    Variables and tags count as blanks: what they print is checked where it is made."""
    chunks, skipping = [], 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if name in ("comment", "verbatim", "blocktranslate", "blocktrans"):
                skipping += 1
            elif name in ("endcomment", "endverbatim", "endblocktranslate", "endblocktrans"):
                skipping -= 1
            chunks.append(" ")
        elif token.token_type == TokenType.TEXT and not skipping:
            chunks.append(token.contents)
        else:
            chunks.append(" ")
    parser = _VisibleText()
    parser.feed("".join(chunks))
    parser.close()
    return [" ".join(piece.split()) for piece in parser.pieces if LETTERS.search(piece)]


def test_the_template_check_finds_unmarked_text():
    assert unmarked_template_text("<p>{% translate 'Saved' %}</p><p>Saved</p>") == ["Saved"]
    assert unmarked_template_text('<a title="Open the list" href="{% url "x" %}">{{ name }}</a>') == ["Open the list"]
    assert unmarked_template_text("{# note #}{% comment %}Draft{% endcomment %}<b>{{ x }}</b> — 3") == []
    assert unmarked_template_text("{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}") == []
    assert unmarked_template_text('<input type="submit" value="Send"><button value="add">') == ["Send"]


def test_no_template_shows_text_outside_translation_tags():
    found = []
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix not in (".html", ".txt"):
            continue
        name = path.relative_to(ROOT / "templates").as_posix()
        if name in TEMPLATES_WITHOUT_TEXT:
            continue
        for text in unmarked_template_text(path.read_text(encoding="utf-8")):
            if (name, text) not in TEMPLATE_TEXT_ALLOWED:
                found.append(f"{name}: {text!r}")

    assert found == []


# --- nothing left unmarked: Python --------------------------------------------------------

TEXT_KEYWORDS = {
    "label",
    "help_text",
    "verbose_name",
    "verbose_name_plural",
    "empty_label",
    "title",
    "description",
    "message",
    "empty_value_display",
}
MESSAGE_FUNCTIONS = {"success", "info", "warning", "error", "debug", "add_message"}
# Exceptions whose text is for developers and operators (tracebacks, command lines, logs).
DEVELOPER_ERRORS = {
    "CommandError",
    "ValueError",
    "TypeError",
    "KeyError",
    "RuntimeError",
    "AttributeError",
    "ImproperlyConfigured",
    "AssertionError",
    "NotImplementedError",
    "LookupError",
    "OSError",
    "IndexError",
    "TemplateSyntaxError",
    "RankingInputError",  # the ranking engine's file format, read by rank_applicants on a command line
}
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField", "GenericForeignKey"}
# File formats: their names are the same in every language.
FORMAT_NAMES = re.compile(r"[A-Z]{2,5}")


def _is_text(node) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(LETTERS.search(node.value))


def _name(function) -> str:
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def unmarked_python_text(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and any(_name(base).endswith("Choices") for base in node.bases):
            for statement in node.body:
                value = getattr(statement, "value", None)
                if isinstance(statement, ast.Assign) and isinstance(value, ast.Tuple) and len(value.elts) >= 2:
                    text = value.elts[-1]
                    if _is_text(text) and not (isinstance(text, ast.Constant) and FORMAT_NAMES.fullmatch(text.value)):
                        found.append((statement.lineno, f"{node.name} choice label"))
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        for keyword in node.keywords:
            if keyword.arg in TEXT_KEYWORDS and _is_text(keyword.value):
                found.append((node.lineno, f"{name}({keyword.arg}=...)"))
        receiver = _name(node.func.value) if isinstance(node.func, ast.Attribute) else ""
        if name in MESSAGE_FUNCTIONS and receiver == "messages" and any(_is_text(arg) for arg in node.args[1:]):
            found.append((node.lineno, f"messages.{name}"))
        if name.endswith(("Error", "Denied")) and name not in DEVELOPER_ERRORS and node.args:
            first = node.args[0]
            values = first.values if isinstance(first, ast.Dict) else [first]
            if any(_is_text(value) for value in values):
                found.append((node.lineno, f"{name}(...)"))
        if name == "add_error" and len(node.args) >= 2 and _is_text(node.args[1]):
            found.append((node.lineno, "add_error"))
        if (
            name.endswith("Field")
            and name not in RELATION_FIELDS
            and receiver == "models"
            and node.args
            and _is_text(node.args[0])
        ):
            found.append((node.lineno, f"models.{name} verbose name"))
    return found


def test_the_python_check_finds_unmarked_text():
    source = """
class State(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", _("Done")
    PDF = "pdf", "PDF"

name = models.CharField("name", max_length=10)
owner = models.ForeignKey("qms.User", on_delete=models.CASCADE)
field = forms.CharField(label=f"Name {x}", help_text=_("Shown"))
messages.success(request, "Saved.")
messages.error(request, _("Not saved."))
raise ValidationError({"title": "Required."})
raise CommandError("no such file")
form.add_error("title", "Too long")
"""
    assert [what for _line, what in unmarked_python_text(source)] == [
        "State choice label",
        "models.CharField verbose name",
        "CharField(label=...)",
        "messages.success",
        "ValidationError(...)",
        "add_error",
    ]


def test_no_python_code_gives_people_text_outside_gettext():
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            # migrations freeze what the models said; commands talk to operators in English; the
            # volume generator writes records' data (titles of made-up nonconformities...)
            if (
                "migrations" in relative.parts
                or "management" in relative.parts
                or relative.as_posix() == "qms/volume.py"
            ):
                continue
            for line, what in unmarked_python_text(path.read_text(encoding="utf-8")):
                found.append(f"{relative}:{line}: {what}")

    # Choices of hidden form fields that people never read.
    allowed = {"admissions/forms/applicant.py"}
    assert [item for item in found if item.split(":")[0] not in allowed or "choices" not in item] == []
