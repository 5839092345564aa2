"""INPUT.json and OUTPUT.json of RANKING.md: strict parsing with one-line errors, and output.

Every problem raises `RankingInputError(subject, problem)`, where the subject names the
applicant or programme ("applicant A0001", "programme IM") or is empty for the file as a whole.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from .model import (
    DEGREES,
    FORMS,
    FUNDINGS,
    Applicant,
    Coefficients,
    Instance,
    Programme,
    Quota,
    RankingInputError,
    Result,
)

GRADE_MIN = Decimal("3.00")
GRADE_MAX = Decimal("6.00")
COEFFICIENT_KEYS = {"own_university", "related", "related_areas", "economics_field", "other"}


def loads(text: str | bytes) -> Instance:
    """Parse and validate the text of an INPUT.json."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError) as exc:
        raise RankingInputError("", f"not valid JSON: {exc}") from None
    return parse(data)


def _type_name(kind) -> str:
    names = {str: "a string", bool: "true or false", int: "an integer", list: "a list", dict: "an object"}
    return names.get(kind, kind.__name__)


class _Fields:
    """Typed access to one JSON object, with errors that name its owner."""

    __slots__ = ("data", "subject")

    def __init__(self, data, subject):
        if not isinstance(data, dict):
            raise RankingInputError(subject, "must be an object")
        self.data = data
        self.subject = subject

    def fail(self, problem):
        raise RankingInputError(self.subject, problem)

    def get(self, name, kind, *, optional=False, nullable=False):
        data = self.data
        if name not in data:
            if optional:
                return None
            self.fail(f"missing field {name!r}")
        value = data[name]
        if value is None:
            if nullable:
                return None
            self.fail(f"field {name!r} must be {_type_name(kind)}, not null")
        if kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind is bool:
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, kind)
        if not ok:
            self.fail(f"field {name!r} must be {_type_name(kind)}")
        return value

    def number(self, name, *, nullable=False):
        value = self.get(name, object, nullable=nullable)
        if value is None:
            return None
        if isinstance(value, float):  # data decoded without parse_float=Decimal: its shortest repr is what was written
            return Decimal(repr(value))
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.fail(f"field {name!r} must be a number")
        return Decimal(value)

    def grade(self, name, *, nullable=False):
        value = self.number(name, nullable=nullable)
        if value is None:
            return None
        if not (GRADE_MIN <= value <= GRADE_MAX):
            self.fail(f"{name} {value} is outside 3.00–6.00")
        if (value * 100) % 1 != 0:
            self.fail(f"{name} {value} has more than two decimals")
        return value

    def choice(self, name, allowed):
        value = self.get(name, str)
        if value not in allowed:
            self.fail(f"unknown {name} {value!r} (expected one of {', '.join(allowed)})")
        return value


def _quota_key(raw, subject, what, programmes_quotas):
    fields = _Fields(raw, subject)
    key = (fields.get("programme", str), fields.choice("form", FORMS), fields.choice("funding", FUNDINGS))
    if key not in programmes_quotas:
        fields.fail(f"{what} names an unknown quota {key[0]} {key[1]} {key[2]}")
    unknown = set(raw) - {"programme", "form", "funding"}
    if unknown:
        fields.fail(f"{what} has an unknown field {sorted(unknown)[0]!r}")
    return key


def _coefficients(raw) -> Coefficients:
    if raw is None:
        return Coefficients()
    fields = _Fields(raw, "coefficients")
    unknown = set(raw) - COEFFICIENT_KEYS
    if unknown:
        fields.fail(f"unknown key {sorted(unknown)[0]!r}")
    defaults = Coefficients()
    values = {}
    for name in ("own_university", "related", "other"):
        if name in raw:
            value = fields.number(name)
            if value < 0:
                fields.fail(f"{name} must not be negative")
            values[name] = value
    if "related_areas" in raw:
        areas = fields.get("related_areas", list)
        if not all(isinstance(area, str) for area in areas):
            fields.fail("related_areas must be a list of strings")
        values["related_areas"] = frozenset(areas)
    if "economics_field" in raw:
        values["economics_field"] = fields.get("economics_field", str)
    return Coefficients(
        own_university=values.get("own_university", defaults.own_university),
        related=values.get("related", defaults.related),
        related_areas=values.get("related_areas", defaults.related_areas),
        economics_field=values.get("economics_field", defaults.economics_field),
        other=values.get("other", defaults.other),
    )


def _datetime(fields, name) -> datetime:
    value = fields.get(name, str)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fields.fail(f"{name} {value!r} is not an ISO 8601 date and time")
    if moment.tzinfo is None:
        fields.fail(f"{name} {value!r} has no time zone")
    return moment


def _identified(raw, position: int, kind: str, id_field: str, seen: set[str]):
    """The fields of a programme or applicant, named by its identifier (or its position while
    that is unusable), and the identifier, which must not have been seen before."""
    identifier = raw.get(id_field) if isinstance(raw, dict) else None
    fields = _Fields(raw, f"{kind} {identifier}" if isinstance(identifier, str) else f"{kind} #{position}")
    identifier = fields.get(id_field, str)
    if identifier in seen:
        fields.fail(f"duplicate {kind} {id_field}")
    seen.add(identifier)
    return fields, identifier


def parse(data) -> Instance:
    """Validate decoded INPUT.json data and build the Instance."""
    top = _Fields(data, "")
    campaign = top.get("campaign", str, optional=True) or ""
    coefficients = _coefficients(top.get("coefficients", dict, optional=True, nullable=True))

    programmes: list[Programme] = []
    places_of: dict[tuple[str, str, str], int] = {}
    codes: set[str] = set()
    for position, raw in enumerate(top.get("programmes", list), start=1):
        fields, code = _identified(raw, position, "programme", "code", codes)
        subject = fields.subject
        quotas = []
        for raw_quota in fields.get("quotas", list):
            quota_fields = _Fields(raw_quota, subject)
            form = quota_fields.choice("form", FORMS)
            funding = quota_fields.choice("funding", FUNDINGS)
            places = quota_fields.get("places", int)
            if places < 0:
                quota_fields.fail(f"{form} {funding} quota has negative places ({places})")
            if (code, form, funding) in places_of:
                quota_fields.fail(f"{form} {funding} quota appears twice")
            minimum = (
                quota_fields.grade("min_diploma_grade", nullable=True) if "min_diploma_grade" in raw_quota else None
            )
            places_of[(code, form, funding)] = places
            quotas.append(Quota(form, funding, places, minimum))
        programmes.append(
            Programme(
                code=code,
                name=fields.get("name", str, optional=True) or "",
                area=fields.get("area", str),
                professional_field=fields.get("professional_field", str),
                economics_bonus=fields.get("economics_bonus", bool),
                quotas=quotas,
            )
        )

    applicants: list[Applicant] = []
    ids: set[str] = set()
    held_count: dict[tuple[str, str, str], int] = {}
    for position, raw in enumerate(top.get("applicants", list), start=1):
        fields, identifier = _identified(raw, position, "applicant", "id", ids)
        subject = fields.subject
        preferences = []
        for raw_preference in fields.get("preferences", list):
            # Fast path: a known quota key proves programme, form and funding valid at once.
            try:
                key = (raw_preference["programme"], raw_preference["form"], raw_preference["funding"])
                known = key in places_of and len(raw_preference) == 3
            except (TypeError, KeyError):
                known = False
            if not known:
                key = _quota_key(raw_preference, subject, "a preference", places_of)
            preferences.append(key)
        if len(set(preferences)) != len(preferences):
            seen = set()
            for key in preferences:
                if key in seen:
                    fields.fail(f"lists the quota {key[0]} {key[1]} {key[2]} twice")
                seen.add(key)
        held = None
        raw_held = fields.get("held", dict, optional=True, nullable=True)
        if raw_held is not None:
            held = _quota_key(raw_held, subject, "the held seat", places_of)
            held_count[held] = held_count.get(held, 0) + 1
        applicants.append(
            Applicant(
                id=identifier,
                degree=fields.choice("degree", DEGREES),
                own_university=fields.get("own_university", bool),
                area=fields.get("area", str),
                professional_field=fields.get("professional_field", str),
                course_average=fields.grade("course_average"),
                graduation_grade=fields.grade("graduation_grade"),
                state_funded_before=fields.get("state_funded_before", bool),
                submitted_at=_datetime(fields, "submitted_at"),
                preferences=preferences,
                held=held,
            )
        )

    for key, count in held_count.items():
        if count > places_of[key]:
            raise RankingInputError(
                f"programme {key[0]}",
                f"{key[1]} {key[2]} quota has more held seats ({count}) than places ({places_of[key]})",
            )
    return Instance(programmes=programmes, applicants=applicants, coefficients=coefficients, campaign=campaign)


def _score(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.3f}"


def result_to_data(result: Result) -> dict:
    """OUTPUT.json as Python data, in the order RANKING.md gives."""
    return {
        "assignments": [
            {
                "applicant": a.applicant,
                "programme": a.programme,
                "form": a.form,
                "funding": a.funding,
                "score": _score(a.score),
                "preference": a.preference,
            }
            for a in result.assignments
        ],
        "unassigned": list(result.unassigned),
        "quotas": [
            {
                "programme": q.programme,
                "form": q.form,
                "funding": q.funding,
                "places": q.places,
                "admitted": q.admitted,
                "last_score": _score(q.last_score),
            }
            for q in result.quotas
        ],
        "ineligible": [
            {
                "applicant": x.applicant,
                "programme": x.programme,
                "form": x.form,
                "funding": x.funding,
                "reason": x.reason,
            }
            for x in result.ineligible
        ],
    }


def dumps(result: Result) -> str:
    """OUTPUT.json text: one row per line, written with json's C encoder (indent= would fall
    back to the pure-Python one, several times slower on a national ranking)."""
    data = result_to_data(result)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    parts = ["{"]
    for number, (name, rows) in enumerate(data.items()):
        parts.append(f"{',' if number else ''}\n {encode(name)}: [")
        parts.append(",".join(f"\n  {encode(row)}" for row in rows))
        parts.append("\n ]" if rows else "]")
    parts.append("\n}\n")
    return "".join(parts)


def instance_to_data(instance: Instance) -> dict:
    """INPUT.json data for an Instance (used by the benchmark generator and tests)."""

    def number(value):
        return None if value is None else float(value)

    def quota_ref(key):
        return {"programme": key[0], "form": key[1], "funding": key[2]}

    c = instance.coefficients
    return {
        "campaign": instance.campaign,
        "coefficients": {
            "own_university": float(c.own_university),
            "related": float(c.related),
            "related_areas": sorted(c.related_areas),
            "economics_field": c.economics_field,
            "other": float(c.other),
        },
        "programmes": [
            {
                "code": p.code,
                "name": p.name,
                "area": p.area,
                "professional_field": p.professional_field,
                "economics_bonus": p.economics_bonus,
                "quotas": [
                    {
                        "form": q.form,
                        "funding": q.funding,
                        "places": q.places,
                        "min_diploma_grade": number(q.min_diploma_grade),
                    }
                    for q in p.quotas
                ],
            }
            for p in instance.programmes
        ],
        "applicants": [
            {
                "id": a.id,
                "degree": a.degree,
                "own_university": a.own_university,
                "area": a.area,
                "professional_field": a.professional_field,
                "course_average": number(a.course_average),
                "graduation_grade": number(a.graduation_grade),
                "state_funded_before": a.state_funded_before,
                "submitted_at": a.submitted_at.isoformat().replace("+00:00", "Z"),
                "preferences": [quota_ref(key) for key in a.preferences],
                "held": None if a.held is None else quota_ref(a.held),
            }
            for a in instance.applicants
        ],
    }
