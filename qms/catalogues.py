"""The translation catalogues of the third-party code the portal shows to people.

Django's own Kazakh catalogues are incomplete, and django-guardian, django-simple-history,
django-axes and django-treebeard ship no Bulgarian, Kazakh or Kyrgyz (simple-history's Russian
is filed as ``ru_RU``, which Django never looks up for ``ru``). What they lack is kept in
``locale_vendor/<language>/LC_MESSAGES/`` (second in ``LOCALE_PATHS``, so ``makemessages``
never touches it) and kept complete with ``manage.py vendor_translations``; the test suite
fails while ``missing()`` finds anything. The same files also correct a few of the packages'
broken translations: entries there win over the packages' own.
"""

from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import polib
from django.conf import settings

VENDOR_LOCALE = Path(settings.BASE_DIR) / "locale_vendor"


@dataclass(frozen=True)
class Catalogue:
    package: str  # importable name
    folder: str  # the locale folder inside the package
    domain: str  # "django" or "djangojs"

    @property
    def name(self) -> str:
        return f"{self.package}/{self.folder}" if self.folder != "locale" else self.package

    def locale_dir(self) -> Path:
        return Path(find_spec(self.package).origin).parent / self.folder


# What people meet: Django's forms, validators, dates and messages; sign-in, password rules and
# the admin site (the quality officer's administration); the apps behind the admin's history,
# object permissions, lockouts and unit tree.
CATALOGUES = [
    Catalogue("django", "conf/locale", "django"),
    Catalogue("django", "contrib/admin/locale", "django"),
    Catalogue("django", "contrib/admin/locale", "djangojs"),
    Catalogue("django", "contrib/auth/locale", "django"),
    Catalogue("django", "contrib/contenttypes/locale", "django"),
    Catalogue("django", "contrib/sessions/locale", "django"),
    Catalogue("guardian", "locale", "django"),
    Catalogue("simple_history", "locale", "django"),
    Catalogue("axes", "locale", "django"),
    Catalogue("treebeard", "locale", "django"),
    Catalogue("treebeard", "locale", "djangojs"),
]


def _key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _live(po) -> list:
    return [entry for entry in po if not entry.obsolete]


def _translated(entry) -> bool:
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def source_entries(catalogue: Catalogue) -> dict:
    """The catalogue's messages: its English catalogue, else every message any language has."""
    base = catalogue.locale_dir()
    english = base / "en" / "LC_MESSAGES" / f"{catalogue.domain}.po"
    paths = [english] if english.exists() else sorted(base.glob(f"*/LC_MESSAGES/{catalogue.domain}.po"))
    entries = {}
    for path in paths:
        for entry in _live(polib.pofile(str(path))):
            if entry.msgid:
                entries.setdefault(_key(entry), entry)
    return entries


def _package_translated(catalogue: Catalogue, language: str) -> set:
    """Keys the package itself translates for `language` (as Django would look it up)."""
    path = catalogue.locale_dir() / language / "LC_MESSAGES" / f"{catalogue.domain}.po"
    if not path.exists():
        return set()
    return {_key(entry) for entry in _live(polib.pofile(str(path))) if _translated(entry)}


def vendor_path(language: str, domain: str) -> Path:
    return VENDOR_LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def _our_header(language: str, domain: str) -> dict:
    ours = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / f"{domain}.po"
    if not ours.exists():
        ours = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    metadata = dict(polib.pofile(str(ours)).metadata)
    metadata["Project-Id-Version"] = "qms third-party messages"
    return metadata


def missing(language: str, domain: str) -> dict:
    """Messages of the third-party catalogues of `domain` that neither the package nor
    locale_vendor translates for `language`: {key: (source entry, [catalogue names])}."""
    path = vendor_path(language, domain)
    ours = {_key(entry) for entry in _live(polib.pofile(str(path))) if _translated(entry)} if path.exists() else set()
    result = {}
    for catalogue in CATALOGUES:
        if catalogue.domain != domain:
            continue
        done = _package_translated(catalogue, language) | ours
        for key, entry in source_entries(catalogue).items():
            if key not in done:
                result.setdefault(key, (entry, []))[1].append(catalogue.name)
    return result


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != "en"]


def update_vendor_catalogue(language: str, domain: str) -> int:
    """Add what is missing to locale_vendor as untranslated entries; returns how many."""
    path = vendor_path(language, domain)
    gaps = missing(language, domain)
    if path.exists():
        po = polib.pofile(str(path), wrapwidth=100)
    else:
        po = polib.POFile(wrapwidth=100)
        po.metadata = _our_header(language, domain)
        path.parent.mkdir(parents=True, exist_ok=True)
    present = {_key(entry): entry for entry in po}
    added = 0
    nplurals = int(po.metadata.get("Plural-Forms", "nplurals=2").split("nplurals=")[1].split(";")[0])
    for key, (source, names) in sorted(gaps.items(), key=lambda item: (item[1][1][0], item[0])):
        if key in present:
            continue
        entry = polib.POEntry(
            msgctxt=source.msgctxt,
            msgid=source.msgid,
            msgid_plural=source.msgid_plural or "",
            msgstr="",
            comment=", ".join(sorted(set(names))),
            flags=[flag for flag in source.flags if flag.endswith("-format")],
        )
        if source.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(range(nplurals), "")
        po.append(entry)
        added += 1
    if added or not path.exists():
        po.save(str(path))
    return added
