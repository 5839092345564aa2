"""Demo organisation: the University of Chemical Technology and Metallurgy (Sofia), whose quality
policy (seed 000) and master's admission regulation (seed 004) the other apps' demo data use,
and one account per role. The people are invented."""

from django.contrib.auth.models import Group, Permission

from .models import OrganisationalUnit, StandardClause, User
from .roles import Role
from .services import unit_add_member, unit_create, unit_set_head
from .standards import load_standard_clauses

DEMO_PASSWORD = "demo"  # noqa: S105 -- the documented demo password, refused with DEBUG off

Kind = OrganisationalUnit.Kind

# (name, short name, kind, children)
UNITS = (
    "Химикотехнологичен и металургичен университет",
    "ХТМУ",
    Kind.UNIVERSITY,
    [
        ("Ректорат", "", Kind.SERVICE, []),
        ("Център по качество", "ЦК", Kind.SERVICE, []),
        ("Учебен отдел", "УО", Kind.SERVICE, []),
        ("Отдел „Човешки ресурси“", "ЧР", Kind.SERVICE, []),
        ("Библиотечно-информационен център", "БИЦ", Kind.SERVICE, []),
        (
            "Факултет по химични технологии",
            "ФХТ",
            Kind.FACULTY,
            [
                ("Катедра „Органичен синтез и горива“", "ОСГ", Kind.DEPARTMENT, []),
                ("Катедра „Неорганични и електрохимични производства“", "НЕП", Kind.DEPARTMENT, []),
                ("Катедра „Технология на керамиката, стъклото и свързващите вещества“", "ТКССВ", Kind.DEPARTMENT, []),
            ],
        ),
        (
            "Факултет по химично и системно инженерство",
            "ФХСИ",
            Kind.FACULTY,
            [
                ("Катедра „Автоматизация на производството“", "АП", Kind.DEPARTMENT, []),
                ("Катедра „Инженерна химия“", "ИХ", Kind.DEPARTMENT, []),
                ("Катедра „Математика“", "М", Kind.DEPARTMENT, []),
            ],
        ),
        (
            "Факултет по металургия и материалознание",
            "ФММ",
            Kind.FACULTY,
            [
                ("Катедра „Физична металургия и топлинни агрегати“", "ФМТА", Kind.DEPARTMENT, []),
                ("Катедра „Металургия на цветните метали и полупроводниковите материали“", "МЦМ", Kind.DEPARTMENT, []),
            ],
        ),
    ],
)

# username, first name, last name, roles, (unit short name, position), heads unit (short name)
ACCOUNTS = [
    (
        "quality",
        "Мария",
        "Петрова",
        [Role.QUALITY_OFFICER, Role.STAFF],
        ("ЦК", "Ръководител на Център по качество"),
        "ЦК",
    ),
    (
        "owner",
        "Георги",
        "Иванов",
        [Role.PROCESS_OWNER, Role.STAFF],
        ("УО", "Заместник-ректор по учебната дейност"),
        None,
    ),
    ("head", "Елена", "Димитрова", [Role.UNIT_HEAD, Role.STAFF], ("ФХТ", "Декан"), "ФХТ"),
    ("auditor", "Николай", "Стоянов", [Role.AUDITOR, Role.STAFF], ("АП", "Доцент, вътрешен одитор"), None),
    ("rector", "Иван", "Колев", [Role.RECTORATE, Role.STAFF], ("Ректорат", "Ректор"), "ХТМУ"),
    ("staff", "Петър", "Николов", [Role.STAFF], ("ОСГ", "Главен асистент"), None),
    ("committee", "Десислава", "Георгиева", [Role.ADMISSIONS_COMMITTEE, Role.STAFF], ("УО", "Експерт по приема"), None),
    ("applicant", "Александър", "Тодоров", [Role.APPLICANT], None, None),
    ("applicant2", "Виктория", "Маринова", [Role.APPLICANT], None, None),
]


def ensure_role_groups():
    return {role: Group.objects.get_or_create(name=role)[0] for role in Role.values}


def _ensure_units(spec, parent=None, by_short=None):
    by_short = {} if by_short is None else by_short
    name, short_name, kind, children = spec
    siblings = (
        OrganisationalUnit.objects.get_root_nodes()
        if parent is None
        else OrganisationalUnit.objects.get_children(parent)
    )
    unit = siblings.filter(name=name).first()
    if unit is None:
        unit = unit_create(name=name, short_name=short_name, kind=kind, parent=parent)
        if parent is not None:
            parent.refresh_from_db()
    by_short[short_name or name] = unit
    for child in children:
        _ensure_units(child, parent=unit, by_short=by_short)
        unit.refresh_from_db()
    return by_short


def _ensure_account(username, first, last, roles, groups):
    user = User.objects.filter(username=username).first() or User(username=username)
    wanted = {
        "first_name": first,
        "last_name": last,
        "email": f"{username}@demo.uctm.invalid",
        "is_staff": Role.QUALITY_OFFICER in roles,  # the quality office runs the admin site
    }
    changed = user.pk is None or any(getattr(user, field) != value for field, value in wanted.items())
    for field, value in wanted.items():
        setattr(user, field, value)
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    if changed:
        user.save()
    missing = [groups[role] for role in roles if role not in user.roles]
    if missing:
        user.groups.add(*missing)
    if user.is_staff:
        missing_permissions = Permission.objects.filter(content_type__app_label__in=["qms", "policies"]).exclude(
            user=user
        )
        if missing_permissions.exists():
            user.user_permissions.add(*missing_permissions)
    return user


def load(stdout):
    load_standard_clauses(StandardClause)
    groups = ensure_role_groups()
    units = _ensure_units(UNITS)
    for username, first, last, roles, membership, heads in ACCOUNTS:
        user = _ensure_account(username, first, last, roles, groups)
        if membership:
            unit_short, position = membership
            unit_add_member(unit=units[unit_short], user=user, position=position)
        if heads:
            unit_set_head(unit=units[heads], head=user)
    stdout.write("Demo accounts (password: demo): " + ", ".join(username for username, *_ in ACCOUNTS))
