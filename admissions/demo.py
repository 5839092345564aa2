"""Demo master's admission of the University of Chemical Technology and Metallurgy (Sofia) under
its regulation (seed 004): this year's campaign, open now, with twelve master's programmes of the
three faculties and their quotas; 200 invented applicants (and the demo accounts `applicant` and
`applicant2`) driven through the services to every state of an application; round 1 ranked,
published and closed (those admitted who did not confirm lost their rights), round 2 published
with its enrolment deadline ahead, round 3 planned.

Dates are counted from the day the demo is loaded. Every step goes through the services, as the
portal itself would take it, with the person acting recorded in the history; afterwards the times
of the steps are moved back to when they would have happened (a campaign that opened 60 days ago
did not receive all its applications in the same second), rounds through a queryset update as the
services refuse to publish a round whose enrolment deadline has passed.

The work the portal hands to workers is done here in-process: the demo ranks the rounds itself
(`round_rank` right after `round_start`) and sends the results notices itself, whether or not a
worker is running; the application PDFs are left to be built on their first download. The e-mails
of the notifications go nowhere (their inbox copies are kept).

Idempotent: when the campaign exists nothing is added. The random choices are seeded, so each
load gives the same applicants, preferences and results.
"""

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Case, DateTimeField, Max, Value, When
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import override
from stdnum.bg import egn, pnf

from qms.history import acting_user
from qms.models import Notification, OrganisationalUnit, User
from qms.roles import Role

from . import services
from .documents import required_documents
from .models import (
    Applicant,
    Application,
    ApplicationNotice,
    Campaign,
    Document,
    FeeExemption,
    Programme,
    Quota,
    Round,
)

SEED = 2026
ACADEMIC_YEAR = "2026/2027"
CAMPAIGN_NAME = "Прием в ОКС „Магистър“ 2026/2027"
OWN_UNIVERSITY = "Химикотехнологичен и металургичен университет"
COMMITTEE = "committee"
DEMO_APPLICANT = "applicant"
DEMO_ADMITTED = "applicant2"
QUIET_EMAIL = "django.core.mail.backends.dummy.EmailBackend"
#: Work the services hand to the workers after the commit; the demo does it itself (or leaves it).
WORKER_HOOKS = frozenset({"_queue_application_pdf", "_enqueue_round", "_enqueue_round_notices"})

Status = Application.Status
Kind = Document.Kind
Citizenship = Applicant.Citizenship
IdentityKind = Applicant.IdentityKind
Article = Application.RejectionArticle
FT, PT, STATE, PAID = "full-time", "part-time", "state", "paid"

# --- programmes -------------------------------------------------------------------------------------

# code, name, English name, faculty, professional field, quotas (form, funding, places, minimum diploma grade)
PROGRAMMES = [
    ("ХТ-ОС", "Органичен синтез", "Organic Synthesis", "ФХТ", "5.10", [(FT, STATE, 10, None), (FT, PAID, 6, None)]),
    (
        "ХТ-ТГ",
        "Технология на горивата",
        "Fuel Technology",
        "ФХТ",
        "5.10",
        [(FT, STATE, 8, None), (FT, PAID, 5, "3.50"), (PT, PAID, 5, "3.50")],
    ),
    (
        "ХТ-ЕХТ",
        "Електрохимични технологии",
        "Electrochemical Technologies",
        "ФХТ",
        "5.10",
        [(FT, STATE, 6, None), (FT, PAID, 5, None)],
    ),
    (
        "ХТ-ТС",
        "Технология на силикатите",
        "Silicate Technology",
        "ФХТ",
        "5.10",
        [(FT, STATE, 6, None), (FT, PAID, 5, None)],
    ),
    ("ХТ-БТ", "Биотехнологии", "Biotechnology", "ФХТ", "5.11", [(FT, STATE, 10, None), (FT, PAID, 8, "3.50")]),
    ("ХСИ-ИХ", "Инженерна химия", "Chemical Engineering", "ФХСИ", "5.10", [(FT, STATE, 10, None), (FT, PAID, 6, None)]),
    (
        "ХСИ-ИХЕ",
        "Инженерна химия (на английски език)",
        "Chemical Engineering (taught in English)",
        "ФХСИ",
        "5.10",
        [(FT, STATE, 5, None), (FT, PAID, 10, None)],
    ),
    (
        "ХСИ-АП",
        "Автоматизация на производството",
        "Industrial Automation",
        "ФХСИ",
        "5.2",
        [(FT, STATE, 10, None), (FT, PAID, 6, None), (PT, PAID, 6, None)],
    ),
    (
        "ХСИ-ИМ",
        "Индустриален мениджмънт",
        "Industrial Management",
        "ФХСИ",
        "3.7",
        [(FT, STATE, 12, None), (FT, PAID, 10, "3.50"), (PT, PAID, 10, "3.50")],
    ),
    (
        "ХСИ-ИЛ",
        "Индустриална логистика",
        "Industrial Logistics",
        "ФХСИ",
        "3.7",
        [(FT, STATE, 8, None), (FT, PAID, 8, None), (PT, PAID, 8, None)],
    ),
    ("ММ-МЕТ", "Металургия", "Metallurgy", "ФММ", "5.9", [(FT, STATE, 8, None), (FT, PAID, 5, None)]),
    (
        "ММ-МЗ",
        "Материалознание",
        "Materials Science",
        "ФММ",
        "5.6",
        [(FT, STATE, 6, None), (FT, PAID, 5, None), (PT, PAID, 5, None)],
    ),
]
TAUGHT_IN_ENGLISH = {"ХСИ-ИХЕ"}
ECONOMICS_BONUS = {"ХСИ-ИМ", "ХСИ-ИЛ"}  # Art. 13(1), item 4: economics graduates get the related coefficient
DESCRIPTIONS = {
    "ХТ-ОС": "Синтез, изолиране и анализ на органични вещества, лекарствени и агрохимични продукти; "
    "лабораторна практика в катедра „Органичен синтез и горива“.",
    "ХТ-ТГ": "Преработване на нефт, природен газ и биомаса, качество на горивата и смазочните материали; "
    "стаж в рафинерия.",
    "ХТ-ЕХТ": "Галванотехника, химични източници на ток, корозия и защита на металите, водородни технологии.",
    "ХТ-ТС": "Керамика, стъкло, цимент и свързващи вещества: суровини, технологии и контрол на качеството.",
    "ХТ-БТ": "Промишлени и екологични биотехнологии, биопроцесно инженерство, ферментационни производства.",
    "ХСИ-ИХ": "Процеси и апарати на химичната промишленост, моделиране и оптимизация на химико-технологични системи.",
    "ХСИ-ИХЕ": "Обучението е изцяло на английски език; кандидатите представят документ за владеене на "
    "английски език на ниво B2 (чл. 12, ал. 1, т. 2.3).",
    "ХСИ-АП": "Системи за управление на непрекъснати производства, индустриални мрежи, SCADA и PLC.",
    "ХСИ-ИМ": "Управление на производствени предприятия, качество, проекти и иновации. Завършилите "
    "„Икономика“ (3.8) кандидатстват с коефициент 1,2 (чл. 13, т. 4).",
    "ХСИ-ИЛ": "Снабдяване, складиране и дистрибуция в промишлеността, вериги на доставки. Завършилите "
    "„Икономика“ (3.8) кандидатстват с коефициент 1,2 (чл. 13, т. 4).",
    "ММ-МЕТ": "Металургия на черните и цветните метали, рециклиране на метали, топлинни агрегати.",
    "ММ-МЗ": "Метални, керамични, полимерни и композитни материали: структура, свойства и изпитване.",
}

# --- people ---------------------------------------------------------------------------------------

MALE = [
    "Александър", "Георги", "Иван", "Димитър", "Николай", "Петър", "Христо", "Стефан", "Мартин", "Кристиян",
    "Йордан", "Васил", "Калоян", "Борислав", "Тодор", "Даниел", "Виктор", "Емил", "Радослав", "Симеон",
    "Владимир", "Пламен", "Любомир", "Цветан", "Атанас", "Ивайло", "Никола", "Теодор", "Богдан", "Светослав",
    "Михаил", "Филип",
]  # fmt: skip
FEMALE = [
    "Мария", "Елена", "Йоана", "Виктория", "Габриела", "Десислава", "Никол", "Ивана", "Радостина", "Цветелина",
    "Симона", "Петя", "Гергана", "Теодора", "Михаела", "Кристина", "Полина", "Силвия", "Станислава", "Антония",
    "Даниела", "Вяра", "Надежда", "Ралица", "Биляна", "Христина", "Деница", "Яна", "Калина", "Александра",
    "Борислава", "Екатерина",
]  # fmt: skip
SURNAMES = [
    "Иванов", "Петров", "Георгиев", "Димитров", "Николов", "Стоянов", "Христов", "Тодоров", "Илиев", "Василев",
    "Атанасов", "Ангелов", "Колев", "Маринов", "Стефанов", "Попов", "Йорданов", "Михайлов", "Кирилов",
    "Костадинов", "Павлов", "Симеонов", "Петков", "Енчев", "Цветков", "Младенов", "Русев", "Найденов", "Станков",
    "Бонев", "Добрев", "Генчев", "Митев", "Славов", "Киров", "Вълчев", "Златев", "Костов", "Андонов", "Пенев",
]  # fmt: skip
PATRONYMICS = [
    "Иванов", "Петров", "Георгиев", "Димитров", "Николаев", "Христов", "Стефанов", "Йорданов", "Василев",
    "Тодоров", "Атанасов", "Красимиров", "Пламенов", "Валентинов", "Любомиров", "Емилов", "Руменов",
    "Веселинов", "Борисов", "Стоянов",
]  # fmt: skip
CITIES = [
    "София", "София", "София", "София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора", "Плевен", "Враца",
    "Перник", "Кюстендил", "Благоевград", "Шумен", "Велико Търново", "Габрово", "Ямбол", "Сливен", "Хасково",
    "Пазарджик", "Девня", "Димитровград", "Ботевград",
]  # fmt: skip
STREETS = [
    "Васил Левски", "Христо Ботев", "Иван Вазов", "Г. С. Раковски", "Шипка", "Възраждане", "Славянска",
    "Оборище", "Родопи", "Стефан Стамболов", "Цар Симеон", "Алеко Константинов",
]  # fmt: skip

UNIVERSITIES = {
    "su": "Софийски университет „Св. Климент Охридски“",
    "tu": "Технически университет – София",
    "unss": "Университет за национално и световно стопанство",
    "burgas": "Университет „Проф. д-р Асен Златаров“ – Бургас",
    "pu": "Пловдивски университет „Паисий Хилендарски“",
    "ru": "Русенски университет „Ангел Кънчев“",
    "uht": "Университет по хранителни технологии – Пловдив",
    "tuv": "Технически университет – Варна",
    "tug": "Технически университет – Габрово",
    "svishtov": "Стопанска академия „Д. А. Ценов“ – Свищов",
    "iuv": "Икономически университет – Варна",
    "swu": "Югозападен университет „Неофит Рилски“",
    "shu": "Шуменски университет „Епископ Константин Преславски“",
    "tru": "Тракийски университет – Стара Загора",
    "nbu": "Нов български университет",
}

# professional field: (weight, [(university key or None for this university, weight)], specialities,
#                      {programme code: interest})
PROFILES = {
    "5.10": (
        28,
        [(None, 6), ("burgas", 3)],
        ["Химично инженерство", "Химични технологии", "Технология на органичните вещества", "Технология на горивата"],
        {"ХТ-ОС": 3, "ХТ-ТГ": 3, "ХТ-ЕХТ": 2, "ХТ-ТС": 2, "ХСИ-ИХ": 3, "ХСИ-ИХЕ": 1, "ХТ-БТ": 1, "ХСИ-ИМ": 2},
    ),
    "4.2": (
        10,
        [("su", 4), ("pu", 2), ("shu", 1), ("swu", 1)],
        ["Химия", "Медицинска химия", "Химия и физика"],
        {"ХТ-ОС": 4, "ХТ-ЕХТ": 2, "ХТ-ТГ": 2, "ХТ-БТ": 2, "ХСИ-ИХ": 2, "ХТ-ТС": 1},
    ),
    "5.11": (9, [(None, 3), ("uht", 1)], ["Биотехнологии"], {"ХТ-БТ": 6, "ХТ-ОС": 1, "ХСИ-ИХ": 1}),
    "4.3": (
        5,
        [("su", 3), ("pu", 1), ("tru", 1)],
        ["Молекулярна биология", "Биология", "Екология и опазване на околната среда"],
        {"ХТ-БТ": 6, "ХТ-ОС": 1},
    ),
    "5.12": (3, [("uht", 1)], ["Технология на храните"], {"ХТ-БТ": 3, "ХСИ-ИХ": 1, "ХСИ-ИМ": 1}),
    "5.2": (
        9,
        [(None, 3), ("tu", 2), ("tuv", 1), ("ru", 1)],
        ["Автоматика, информационна и управляваща техника", "Автоматизация на производството"],
        {"ХСИ-АП": 6, "ХСИ-ИХ": 1, "ХСИ-ИМ": 2, "ХСИ-ИЛ": 1},
    ),
    "5.9": (5, [(None, 1)], ["Металургия", "Металургия на цветните метали"], {"ММ-МЕТ": 5, "ММ-МЗ": 3, "ХСИ-ИМ": 1}),
    "5.6": (5, [(None, 2), ("tu", 1)], ["Материалознание"], {"ММ-МЗ": 5, "ММ-МЕТ": 2, "ХТ-ТС": 2}),
    "5.1": (
        3,
        [("tu", 2), ("ru", 1), ("tug", 1)],
        ["Машинно инженерство", "Машиностроене"],
        {"ММ-МЗ": 2, "ХСИ-АП": 2, "ММ-МЕТ": 2, "ХСИ-ИЛ": 1},
    ),
    "3.8": (
        14,
        [("unss", 4), ("svishtov", 2), ("iuv", 2), ("su", 1)],
        ["Икономика", "Финанси", "Маркетинг", "Счетоводство и контрол", "Международни икономически отношения"],
        {"ХСИ-ИМ": 6, "ХСИ-ИЛ": 5},
    ),
    "3.7": (
        5,
        [("unss", 2), ("nbu", 1), ("svishtov", 1)],
        ["Стопанско управление", "Бизнес администрация", "Публична администрация"],
        {"ХСИ-ИМ": 5, "ХСИ-ИЛ": 4},
    ),
    "4.6": (2, [("su", 1), ("pu", 1)], ["Информатика"], {"ХСИ-АП": 3, "ХСИ-ИЛ": 2, "ХСИ-ИМ": 2}),
    "4.1": (2, [("su", 1), ("pu", 1)], ["Физика", "Инженерна физика"], {"ММ-МЗ": 2, "ХТ-ЕХТ": 2, "ХСИ-АП": 1}),
    "5.4": (2, [("tu", 1), ("tuv", 1)], ["Топлоенергетика"], {"ХТ-ТГ": 3, "ХСИ-АП": 2}),
    "5.13": (4, [("tu", 2), ("tug", 1), ("ru", 1)], ["Индустриален мениджмънт"], {"ХСИ-ИМ": 6, "ХСИ-ИЛ": 3}),
}

# Applicants whose documents the committee sends back: the document (in the applicant's words) and
# what is wrong with it (the applicant reads both).
DOCUMENT_PROBLEMS = {
    Kind.DIPLOMA: ("Диплома", "качена е само първата страница; качете и приложението с оценките."),
    Kind.TRANSCRIPT: ("Академична справка", "липсва оценката от държавния изпит (защитата на дипломната работа)."),
    Kind.FACULTY_CERTIFICATE: (
        "Заявление, заверено от факултетната канцелария",
        "заявлението не е заверено (липсват печат и подпис).",
    ),
    Kind.IDENTITY: ("Лична карта", "копието е нечетливо; качете ясно сканиране на двете страни."),
    Kind.PASSPORT: ("Паспорт", "копието не показва страницата със снимката и номера."),
    Kind.FEE_RECEIPT: ("Вносна бележка", "бележката е за 20,00 EUR, а таксата за кандидатстване е 30,00 EUR."),
    Kind.EXEMPTION_PROOF: ("Документ за освобождаване от такса", "експертното решение на ТЕЛК е с изтекъл срок."),
    Kind.LANGUAGE_CERTIFICATE: (
        "Документ за владеене на чужд език",
        "сертификатът е за ниво B1, а програмата на английски език изисква ниво B2.",
    ),
    Kind.RECOGNITION: (
        "Удостоверение за признаване на висшето образование",
        "приложено е заявлението за признаване, а не удостоверението на Ректора.",
    ),
    Kind.CITIZENSHIP_PROOF: ("Документ за статут", "липсва страницата с датата на валидност."),
    Kind.MEDICAL_CERTIFICATE: ("Медицинско свидетелство", "издадено е преди повече от месец."),
    Kind.TRANSLATIONS: ("Легализирани преводи", "преводът на дипломата не е легализиран."),
}
# The document each returned applicant has wrong, in preference order (the first one they need).
RETURN_KINDS = [
    Kind.IDENTITY,
    Kind.FEE_RECEIPT,
    Kind.TRANSCRIPT,
    Kind.DIPLOMA,
    Kind.RECOGNITION,
    Kind.EXEMPTION_PROOF,
    Kind.LANGUAGE_CERTIFICATE,
    Kind.CITIZENSHIP_PROOF,
]

REJECTIONS = {
    "art8": (
        Article.DEGREE,
        Kind.TRANSCRIPT,
        "Академичната справка показва, че държавният изпит не е положен: към датата на кандидатстване "
        "кандидатът няма завършена ОКС „Бакалавър“ (чл. 8, т. 1).",
    ),
    "art12_2_original": (
        Article.DOCUMENTS,
        Kind.DIPLOMA,
        "Оригиналът на дипломата не е представен за сверяване в определения срок, въпреки двете "
        "напомняния на комисията (чл. 12, ал. 1, т. 2).",
    ),
    "art12_2_accreditation": (
        Article.DOCUMENTS,
        Kind.DIPLOMA,
        "Дипломата е издадена по специалност, за която висшето училище не е имало акредитация към датата "
        "на дипломирането (чл. 12, ал. 1, т. 2).",
    ),
    "art3_2": (
        Article.PROFESSIONAL_FIELD,
        Kind.DIPLOMA,
        "Кандидатът е професионален бакалавър по 5.1 Машинно инженерство, а посочените програми са от "
        "други професионални направления (чл. 3, ал. 2 и чл. 8, т. 2).",
    ),
    "recognition": (
        Article.RECOGNITION,
        Kind.RECOGNITION,
        "Комисията по признаване отказа признаване на придобитото в чужбина висше образование: "
        "продължителността на обучението е под изискуемата за ОКС „Бакалавър“.",
    ),
    "citizenship": (
        Article.CITIZENSHIP,
        Kind.CITIZENSHIP_PROOF,
        "Представената карта е за продължително, а не за постоянно пребиваване; кандидатът може да "
        "кандидатства по реда на Раздел VI на правилника (чл. 10).",
    ),
}

TRANSLIT = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъьюя",
        "a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a y yu ya".split(),  # noqa: SIM905
        strict=True,
    )
)


def transliterate(text: str) -> str:
    """Bulgarian to Latin under the Transliteration Act (a final "ия" is "ia")."""
    words = []
    for word in text.split(" "):
        latin = ""
        lower = word.lower()
        for i, char in enumerate(lower):
            final_ia = char == "я" and i == len(lower) - 1 and lower.endswith("ия")
            piece = "a" if final_ia else TRANSLIT.get(char, char)
            latin += piece.capitalize() if word[i].isupper() else piece
        words.append(latin)
    return " ".join(words)


# --- what each person does ----------------------------------------------------------------------------

DRAFT_INCOMPLETE, DRAFT = "draft_incomplete", "draft"
ROUND1, ROUND1_FIXED, ROUND2, LATE = "round1", "round1_fixed", "round2", "late"
SUBMITTED, RETURNED, REJECTED = "submitted", "returned", "rejected"

#: How many of the 200 end where (the hand-made people below count in their fate).
FATES = {
    DRAFT_INCOMPLETE: 4,
    DRAFT: 8,
    ROUND1: 105,
    ROUND1_FIXED: 3,
    ROUND2: 42,
    LATE: 10,
    SUBMITTED: 14,
    RETURNED: 8,
    REJECTED: 6,
}


@dataclass
class Person:
    username: str
    first_name: str
    last_name: str
    language: str
    profile: dict
    preferences: list = field(default_factory=list)
    fate: str = DRAFT
    exemption: str = ""
    rejection: str = ""
    problem: str = ""
    confirms: bool = False  # admitted in a round, they confirm their enrolment
    enrols: bool = False  # and the committee enrols them


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` (ASCII) in Helvetica."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "\n".join(
        ["BT", "/F1 13 Tf", "72 770 Td", "20 TL"] + [f"({escape(line)}) Tj T*" for line in lines] + ["ET"]
    ).encode("ascii", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


FILE_NAMES = {
    Kind.DIPLOMA: "diploma.pdf",
    Kind.TRANSCRIPT: "akademichna-spravka.pdf",
    Kind.FACULTY_CERTIFICATE: "zaverka-fakultet.pdf",
    Kind.IDENTITY: "lichna-karta.pdf",
    Kind.PASSPORT: "passport.pdf",
    Kind.FEE_RECEIPT: "vnosna-belezhka.pdf",
    Kind.EXEMPTION_PROOF: "osvobozhdavane-ot-taksa.pdf",
    Kind.LANGUAGE_CERTIFICATE: "ezikov-sertifikat.pdf",
    Kind.RECOGNITION: "priznavane.pdf",
    Kind.CITIZENSHIP_PROOF: "status.pdf",
    Kind.MEDICAL_CERTIFICATE: "medical-certificate.pdf",
    Kind.TRANSLATIONS: "translations.pdf",
    Kind.ENROLMENT_RECEIPT: "semestrialna-taksa.pdf",
}


def _scan(application: Application, kind: str, note: str = "") -> SimpleUploadedFile:
    with override("en"):
        label = str(Kind(kind).label)
    applicant = application.applicant
    lines = [
        "UCTM Sofia - master's admission 2026/2027",
        "DEMO DOCUMENT - no legal value",
        "",
        label,
        f"{applicant.first_name_latin} {applicant.last_name_latin}",
        f"Application {application.number}",
    ]
    if note:
        lines.append(note)
    return SimpleUploadedFile(FILE_NAMES.get(kind, f"{kind}.pdf"), _pdf(lines), content_type="application/pdf")


# --- the people -------------------------------------------------------------------------------------


class _People:
    """The 200 invented applicants and the two demo accounts, all from one seeded generator."""

    def __init__(self, rng: random.Random, today: datetime.date):
        self.rng = rng
        self.today = today
        self.identities: set[str] = set()
        self.quotas = {code: [(form, funding) for form, funding, *_ in quotas] for code, *_, quotas in PROGRAMMES}

    # identity

    def _egn(self, birth: datetime.date, female: bool) -> str:
        month = birth.month + (40 if birth.year >= 2000 else 0)
        while True:
            serial = self.rng.randrange(0, 1000, 2) + (1 if female else 0)  # the ninth digit: odd for women
            digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial:03d}"
            number = digits + egn.calc_check_digit(digits)
            if number not in self.identities:
                self.identities.add(number)
                return number

    def _lnch(self) -> str:
        while True:
            digits = f"{self.rng.randrange(10**9):09d}"
            number = digits + pnf.calc_check_digit(digits)
            if number not in self.identities:
                self.identities.add(number)
                return number

    def _birth(self, first_year=1995, last_year=2003) -> datetime.date:
        start = datetime.date(first_year, 1, 1)
        return start + datetime.timedelta(days=self.rng.randrange((datetime.date(last_year, 12, 31) - start).days))

    def _phone(self) -> str:
        rng = self.rng
        return f"+359 {rng.choice(['87', '88', '89', '98'])} {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"

    def _address(self) -> str:
        rng = self.rng
        return f"гр. {rng.choice(CITIES)}, ул. „{rng.choice(STREETS)}“ № {rng.randrange(1, 120)}"

    def _grades(self, weak=False) -> tuple[Decimal, Decimal]:
        rng = self.rng
        course = min(6.0, max(3.0, rng.gauss(3.75 if weak else 4.9, 0.3 if weak else 0.5)))
        graduation = min(6.0, max(3.0, round(rng.gauss(course + 0.15, 0.6) * 2) / 2))
        return Decimal(f"{course:.2f}"), Decimal(f"{graduation:.2f}")

    def _bulgarian(self, female: bool | None = None) -> dict:
        rng = self.rng
        female = rng.random() < 0.55 if female is None else female
        first = rng.choice(FEMALE if female else MALE)
        last = rng.choice(SURNAMES) + ("а" if female else "")
        middle = rng.choice(PATRONYMICS) + ("а" if female else "")
        birth = self._birth()
        return {
            "first_name": first,
            "middle_name": middle,
            "last_name": last,
            "first_name_latin": transliterate(first),
            "last_name_latin": transliterate(last),
            "citizenship": Citizenship.BULGARIAN_EU_EEA,
            "country": "България",
            "identity_kind": IdentityKind.EGN,
            "identity_number": self._egn(birth, female),
            "date_of_birth": birth,
            "phone": self._phone(),
            "address": self._address(),
            "_female": female,
        }

    def _education(self, professional_field: str, *, university: str | None = "") -> dict:
        rng = self.rng
        _weight, universities, specialities, _interest = PROFILES[professional_field]
        if university == "":
            keys = [key for key, _w in universities]
            key = rng.choices(keys, weights=[w for _k, w in universities])[0]
            university = OWN_UNIVERSITY if key is None else UNIVERSITIES[key]
        course, graduation = self._grades(weak=rng.random() < 0.07)
        return {
            "degree": "bachelor",
            "university": university,
            "own_university": university == OWN_UNIVERSITY,
            "speciality": rng.choice(specialities),
            "area": professional_field.split(".")[0],
            "professional_field": professional_field,
            "course_average": course,
            "graduation_grade": graduation,
            "diploma_status": Applicant.DiplomaStatus.ISSUED,
            "diploma_number": f"{rng.randrange(100000, 1000000)}",
        }

    def _preferences(self, interest: dict, *, paid_only=False, part_time=False, count=None) -> list:
        """An ordered list of quotas: state places of the programmes first, then the paid ones."""
        rng = self.rng
        count = count or rng.choices([1, 2, 3, 4, 5], weights=[15, 30, 30, 15, 10])[0]
        codes = list(interest)
        weights = [interest[c] for c in codes]
        chosen = []
        while codes and len(chosen) < min(3, count):
            code = rng.choices(codes, weights=weights)[0]
            index = codes.index(code)
            codes.pop(index)
            weights.pop(index)
            chosen.append(code)
        wanted = []
        if part_time:
            for code in chosen:
                form = PT if (PT, PAID) in self.quotas[code] else FT
                wanted.append((code, form, PAID))
        elif paid_only:
            wanted += [(code, FT, PAID) for code in chosen]
        else:
            wanted += [(code, FT, STATE) for code in chosen]
            paid = [(code, FT, PAID) for code in chosen]
            if rng.random() < 0.3:
                wanted.insert(1, paid.pop(0))
            wanted += paid
        return wanted[:count]

    def regular(self) -> Person:
        rng = self.rng
        profile = self._bulgarian()
        fields = list(PROFILES)
        professional_field = rng.choices(fields, weights=[PROFILES[f][0] for f in fields])[0]
        profile.update(self._education(professional_field))
        paid_only = False
        if rng.random() < 0.03:  # a second master's after a state-funded one (Art. 1(2), Art. 19)
            profile.update(degree="master", state_funded_before=True)
            paid_only = rng.random() < 0.7
        if profile["date_of_birth"].year >= 2002 and rng.random() < 0.35:  # graduating this summer
            profile.update(diploma_status=Applicant.DiplomaStatus.PENDING, diploma_number="")
        interest = PROFILES[professional_field][3]
        preferences = self._preferences(interest, paid_only=paid_only, part_time=rng.random() < 0.1)
        return self._person(profile, preferences)

    def _person(self, profile, preferences, *, language="bg", fate="", **extra) -> Person:
        female = profile.pop("_female", False)
        exemption = ""
        if profile["citizenship"] != Citizenship.OTHER_FOREIGNER and self.rng.random() < 0.05:
            grounds = [FeeExemption.ORPHAN, FeeExemption.DISABILITY, FeeExemption.CHRONIC, FeeExemption.CARE]
            if female:
                grounds.append(FeeExemption.MOTHER)
            if profile["date_of_birth"] < self.today.replace(year=self.today.year - 26):
                grounds.remove(FeeExemption.ORPHAN)
            exemption = self.rng.choice(grounds)
        return Person(
            username="",
            first_name=profile["first_name"],
            last_name=profile["last_name"],
            language=language,
            profile=profile,
            preferences=preferences,
            fate=fate,
            exemption=exemption,
            **extra,
        )

    def _foreigner(self, *, first, last, first_latin, last_latin, female, citizenship, country, identity, **rest):
        profile = {
            "first_name": first,
            "middle_name": "",
            "last_name": last,
            "first_name_latin": first_latin,
            "last_name_latin": last_latin,
            "citizenship": citizenship,
            "country": country,
            "identity_kind": IdentityKind.PASSPORT if identity == "passport" else IdentityKind.LNCH,
            "identity_number": identity if identity != "lnch" else self._lnch(),
            "date_of_birth": self._birth(1995, 2001),
            "phone": rest.pop("phone", self._phone()),
            "address": rest.pop("address", self._address()),
            "_female": female,
        }
        if identity == "passport":
            profile["identity_number"] = rest.pop("passport")
        professional_field = rest.pop("field")
        profile.update(self._education(professional_field, university=rest.pop("university")))
        profile["foreign_degree"] = rest.pop("foreign_degree", True)
        preferences = rest.pop("preferences")
        return self._person(profile, preferences, **rest)

    def hand_made(self) -> list[Person]:
        """People whose story the demo tells on purpose: foreigners of each kind, professional
        bachelors, the applicants the committee rejects under each article."""
        people = [
            self._foreigner(
                first="Олена", last="Коваленко", first_latin="Olena", last_latin="Kovalenko", female=True,
                citizenship=Citizenship.PERMANENT_RESIDENT, country="Украйна", identity="lnch", field="4.2",
                university=UNIVERSITIES["su"], foreign_degree=False, fate=ROUND1,
                preferences=[("ХТ-ОС", FT, STATE), ("ХСИ-ИХ", FT, STATE), ("ХТ-ОС", FT, PAID)],
            ),
            self._foreigner(
                first="Дмитрий", last="Смирнов", first_latin="Dmitriy", last_latin="Smirnov", female=False,
                citizenship=Citizenship.PERMANENT_RESIDENT, country="Русия", identity="lnch", field="5.2",
                university=UNIVERSITIES["tu"], foreign_degree=False, fate=ROUND2,
                preferences=[("ХСИ-АП", FT, STATE), ("ХСИ-АП", FT, PAID)],
            ),
            self._foreigner(
                first="Ахмад", last="Ал Хасан", first_latin="Ahmad", last_latin="Al Hasan", female=False,
                citizenship=Citizenship.REFUGEE, country="Сирия", identity="lnch", field="4.2",
                university="Дамаски университет", fate=ROUND1,
                preferences=[("ХСИ-ИХ", FT, STATE), ("ХТ-ЕХТ", FT, STATE), ("ХСИ-ИХЕ", FT, STATE)],
            ),
            self._foreigner(
                first="Наталия", last="Паскалова", first_latin="Natalia", last_latin="Paskalova",
                female=True, citizenship=Citizenship.BULGARIAN_ORIGIN, country="Молдова", identity="passport",
                passport="B01234567", field="3.8", phone="+373 294 2 31 45", address="гр. Тараклия, Молдова",
                university="Тараклийски държавен университет „Григорий Цамблак“ (Молдова)", fate=ROUND1,
                preferences=[("ХСИ-ИМ", FT, STATE), ("ХСИ-ИЛ", FT, STATE)],
            ),
            self._foreigner(
                first="Олег", last="Драганов", first_latin="Oleg", last_latin="Draganov", female=False,
                citizenship=Citizenship.BULGARIAN_ORIGIN, country="Украйна", identity="passport",
                passport="FT482913", field="5.10", phone="+380 48 731 2290", address="гр. Болград, Украйна",
                university="Одески национален политехнически университет (Украйна)", fate=RETURNED,
                problem=Kind.RECOGNITION, preferences=[("ХСИ-ИХ", FT, STATE), ("ХТ-ОС", FT, STATE)],
            ),
            self._foreigner(
                first="Айдар", last="Сейткалиев", first_latin="Aidar", last_latin="Seitkaliyev",
                female=False, citizenship=Citizenship.OTHER_FOREIGNER, country="Казахстан", identity="passport",
                passport="N13588204", field="4.2", phone="+7 701 455 2317", address="гр. Алмати, Казахстан",
                university="Казахски национален университет „Ал-Фараби“ (Казахстан)", language="en", fate=ROUND1,
                preferences=[("ХСИ-ИХЕ", FT, PAID), ("ХТ-ОС", FT, PAID)],
            ),
            self._foreigner(
                first="Мехмет", last="Йълмаз", first_latin="Mehmet", last_latin="Yilmaz", female=False,
                citizenship=Citizenship.OTHER_FOREIGNER, country="Турция", identity="passport",
                passport="U20917733", field="5.10", phone="+90 532 418 7720", address="Истанбул, Турция",
                university="Истанбулски технически университет (Турция)", language="en", fate=ROUND1,
                preferences=[("ХСИ-ИХЕ", FT, PAID), ("ХСИ-ИХ", FT, PAID), ("ХСИ-ИМ", FT, PAID)],
            ),
            self._foreigner(
                first="Лан", last="Нгуен", first_latin="Lan", last_latin="Nguyen", female=True,
                citizenship=Citizenship.OTHER_FOREIGNER, country="Виетнам", identity="passport",
                passport="C4471902", field="5.11", phone="+84 91 234 5678", address="Ханой, Виетнам",
                university="Ханойски университет за наука и технологии (Виетнам)", language="en", fate=ROUND2,
                preferences=[("ХСИ-ИХЕ", FT, PAID), ("ХТ-БТ", FT, PAID)],
            ),
            self._foreigner(
                first="Ахмед", last="Хасан", first_latin="Ahmed", last_latin="Hassan", female=False,
                citizenship=Citizenship.OTHER_FOREIGNER, country="Египет", identity="passport",
                passport="A27719054", field="5.9", phone="+20 100 555 0142", address="Кайро, Египет",
                university="Университет в Кайро (Египет)", language="en", fate=SUBMITTED,
                preferences=[("ММ-МЕТ", FT, PAID), ("ММ-МЗ", FT, PAID), ("ХСИ-ИХЕ", FT, PAID)],
            ),
            self._foreigner(
                first="Андрий", last="Мелник", first_latin="Andriy", last_latin="Melnyk", female=False,
                citizenship=Citizenship.PERMANENT_RESIDENT, country="Украйна", identity="lnch", field="5.2",
                university=UNIVERSITIES["tuv"], foreign_degree=False, fate=REJECTED, rejection="citizenship",
                preferences=[("ХСИ-АП", FT, STATE), ("ХСИ-АП", FT, PAID)],
            ),
        ]  # fmt: skip
        # Bulgarians with a degree from abroad: recognised, or not.
        for university, professional_field, fate, rejection, preferences in (
            (
                "Технически университет – Мюнхен (Германия)",
                "5.10",
                ROUND1,
                "",
                [("ХСИ-ИХЕ", FT, STATE), ("ХСИ-ИХ", FT, STATE)],
            ),
            ("Университет в Гронинген (Нидерландия)", "4.3", ROUND2, "", [("ХТ-БТ", FT, STATE), ("ХТ-БТ", FT, PAID)]),
            ("Университет в Манчестър (Обединено кралство)", "3.8", REJECTED, "recognition", [("ХСИ-ИМ", FT, STATE)]),
        ):
            profile = self._bulgarian()
            profile.update(self._education(professional_field, university=university), foreign_degree=True)
            people.append(self._person(profile, preferences, fate=fate, rejection=rejection))
        # Professional bachelors (Art. 3(2), 8(2)): only their own professional field counts.
        college = "Колеж по енергетика и електроника към Технически университет – София"
        for fate, preferences in (
            (ROUND1, [("ХСИ-АП", FT, STATE), ("ХСИ-АП", PT, PAID)]),
            (ROUND1, [("ХСИ-ИМ", FT, STATE), ("ХСИ-АП", FT, STATE)]),
            (ROUND2, [("ХСИ-АП", FT, STATE), ("ХСИ-ИЛ", PT, PAID), ("ХСИ-АП", FT, PAID)]),
        ):
            profile = self._bulgarian()
            profile.update(self._education("5.2", university=college), degree="professional_bachelor")
            profile["speciality"] = "Електронна техника"
            people.append(self._person(profile, preferences, fate=fate))
        profile = self._bulgarian(female=False)
        profile.update(
            self._education("5.1", university="Технически колеж – Ловеч към Технически университет – Габрово"),
            degree="professional_bachelor",
            speciality="Машиностроителна техника и технологии",
        )
        people.append(
            self._person(profile, [("ММ-МЗ", FT, STATE), ("ХСИ-АП", FT, STATE)], fate=REJECTED, rejection="art3_2")
        )
        return people

    def demo_accounts(self) -> list[Person]:
        alexander = {
            "first_name": "Александър",
            "middle_name": "Георгиев",
            "last_name": "Тодоров",
            "first_name_latin": "Aleksandar",
            "last_name_latin": "Todorov",
            "citizenship": Citizenship.BULGARIAN_EU_EEA,
            "country": "България",
            "identity_kind": IdentityKind.EGN,
            "identity_number": self._egn(datetime.date(2001, 3, 14), female=False),
            "date_of_birth": datetime.date(2001, 3, 14),
            "phone": "+359 88 412 3307",
            "address": "гр. София, ж.к. „Младост 1“, бл. 12, вх. А",
            "degree": "bachelor",
            "university": UNIVERSITIES["unss"],
            "own_university": False,
            "speciality": "Икономика",
            "area": "3",
            "professional_field": "3.8",
            "course_average": Decimal("5.12"),
            "graduation_grade": Decimal("5.50"),
            "diploma_status": Applicant.DiplomaStatus.ISSUED,
            "diploma_number": "УНСС-2025-04417",
        }
        victoria = {
            "first_name": "Виктория",
            "middle_name": "Петрова",
            "last_name": "Маринова",
            "first_name_latin": "Viktoria",
            "last_name_latin": "Marinova",
            "citizenship": Citizenship.BULGARIAN_EU_EEA,
            "country": "България",
            "identity_kind": IdentityKind.EGN,
            "identity_number": self._egn(datetime.date(2002, 7, 22), female=True),
            "date_of_birth": datetime.date(2002, 7, 22),
            "phone": "+359 89 705 1164",
            "address": "гр. Пловдив, ул. „Капитан Райчо“ № 48",
            "degree": "bachelor",
            "university": UNIVERSITIES["su"],
            "own_university": False,
            "speciality": "Молекулярна биология",
            "area": "4",
            "professional_field": "4.3",
            "course_average": Decimal("5.46"),
            "graduation_grade": Decimal("5.75"),
            "diploma_status": Applicant.DiplomaStatus.ISSUED,
            "diploma_number": "СУ-2025-11873",
        }
        return [
            Person(
                username=DEMO_APPLICANT,
                first_name="Александър",
                last_name="Тодоров",
                language="",
                profile=alexander,
                preferences=[("ХСИ-ИМ", FT, STATE), ("ХСИ-ИЛ", FT, STATE), ("ХСИ-ИМ", FT, PAID)],
                fate=DRAFT,
            ),
            Person(
                username=DEMO_ADMITTED,
                first_name="Виктория",
                last_name="Маринова",
                language="",
                profile=victoria,
                preferences=[("ХТ-БТ", FT, STATE), ("ХТ-БТ", FT, PAID), ("ХТ-ОС", FT, STATE)],
                fate=ROUND2,
            ),
        ]

    def everyone(self, count: int) -> list[Person]:
        """`count` applicants (hand-made ones included) with their fates, then the demo accounts."""
        special = self.hand_made()
        regular = [self.regular() for _ in range(count - len(special))]
        for number, person in enumerate(regular + special, start=1):
            latin = f"{person.profile['first_name_latin']}.{person.profile['last_name_latin']}".replace(" ", "-")
            person.username = f"{latin}.{number}@example.invalid".lower()
        left = Counter(FATES)
        for person in special:
            left[person.fate] -= 1
        fates = [fate for fate, number in left.items() for _ in range(number)]
        self.rng.shuffle(fates)
        for person, fate in zip(regular, fates, strict=True):
            person.fate = fate
        # The committee rejects three of the ordinary ones too, and returns the documents of some.
        regular_rejected = [p for p in regular if p.fate == REJECTED]
        for person, reason in zip(regular_rejected, ["art8", "art12_2_original", "art12_2_accreditation"], strict=True):
            person.rejection = reason
            if reason == "art8":
                person.profile.update(
                    diploma_status=Applicant.DiplomaStatus.PENDING,
                    diploma_number="",
                    own_university=False,
                    university=UNIVERSITIES["burgas"],
                )
        returned = [p for p in regular if p.fate in (RETURNED, ROUND1_FIXED)]
        for index, person in enumerate(returned):
            person.problem = RETURN_KINDS[index % len(RETURN_KINDS)]
        for person in regular + special:
            person.confirms = self.rng.random() < (0.8 if person.fate in (ROUND1, ROUND1_FIXED) else 0.45)
            person.enrols = self.rng.random() < (1 if person.fate in (ROUND1, ROUND1_FIXED) else 0.55)
        # Incomplete drafts: what the applicant has not filled in yet.
        drafts = [p for p in regular if p.fate == DRAFT_INCOMPLETE]
        missing = [
            ("course_average", "graduation_grade", "diploma_number"),
            ("first_name_latin", "last_name_latin"),
            ("identity_kind", "identity_number", "phone", "address"),
            ("degree", "university", "speciality", "area", "professional_field", "course_average", "graduation_grade"),
        ]
        for person, names in zip(drafts, missing, strict=True):
            for name in names:
                person.profile[name] = None if name in ("course_average", "graduation_grade") else ""
            if "area" in names:
                person.profile["own_university"] = False
                person.preferences = []
        return regular + special + self.demo_accounts()


def invented_people(today: datetime.date, count: int = 200) -> list[Person]:
    """The applicants of the demo, the same at each call (seeded), the demo accounts last."""
    return _People(random.Random(SEED), today).everyone(count)  # noqa: S311 -- reproducible, not a secret


# --- the load ---------------------------------------------------------------------------------------


def _by_key(key: str, moments: dict):
    """An expression giving each row the moment of its `key` (one UPDATE for many rows)."""
    return Case(
        *(When(**{key: pk}, then=Value(moment)) for pk, moment in moments.items()), output_field=DateTimeField()
    )


class _Demo:
    def __init__(self, stdout):
        self.stdout = stdout
        self.rng = random.Random(SEED)  # noqa: S311 -- reproducible demo data, not a secret
        self.today = timezone.localdate()
        self.now = timezone.now().replace(microsecond=0)
        self.committee = User.objects.get(username=COMMITTEE)
        self.connection = transaction.get_connection()
        self.hook_mark = len(self.connection.run_on_commit)
        self.notification_mark = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
        self.problems: list[str] = []
        self.applications: dict[str, Application] = {}
        self.people: dict[str, Person] = {}
        self.times: dict[str, dict] = defaultdict(dict)  # username -> step -> datetime
        self.pending_stamps: dict[int, dict] = defaultdict(dict)  # application pk -> field -> datetime
        self.document_stamps: list[tuple[int, tuple, dict]] = []  # (application pk, kinds, fields)

    # time

    def at(self, days: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
        day = self.today + datetime.timedelta(days=days)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def between(self, first_day: int, last_day: int, hours=(8, 22)) -> datetime.datetime:
        day = self.rng.randint(first_day, last_day)
        moment = self.at(day, self.rng.randint(hours[0], hours[1] - 1), self.rng.randrange(60))
        return min(moment, self.now - datetime.timedelta(minutes=self.rng.randint(20, 90)))

    def later(self, after, days=(0, 3), hours=(9, 17), before=None) -> datetime.datetime:
        local = timezone.localtime(after).date()
        offset = (local - self.today).days + self.rng.randint(*days)
        moment = self.at(offset, self.rng.randint(hours[0], hours[1] - 1), self.rng.randrange(60))
        latest = min(before or self.now, self.now - datetime.timedelta(minutes=5))
        return max(min(moment, latest), after + datetime.timedelta(minutes=self.rng.randint(5, 40)))

    def stamp(self, application: Application, **fields):
        self.pending_stamps[application.pk].update(fields)

    def stamp_documents(self, application: Application, kinds=(), **fields):
        self.document_stamps.append((application.pk, tuple(kinds), fields))

    def apply_stamps(self):
        """Write the times collected so far: a few bulk updates whatever the number of rows."""
        by_fields = defaultdict(list)
        for pk, fields in self.pending_stamps.items():
            by_fields[tuple(sorted(fields))].append(Application(pk=pk, **fields))
        for names, applications in by_fields.items():
            Application.objects.bulk_update(applications, names, batch_size=500)
        self.pending_stamps.clear()
        by_kinds = defaultdict(dict)  # (kinds, field) -> application pk -> moment; later stamps win
        for pk, kinds, fields in self.document_stamps:
            for name, moment in fields.items():
                by_kinds[(kinds, name)][pk] = moment
        for (kinds, name), moments in by_kinds.items():
            documents = Document.objects.filter(application_id__in=list(moments))
            documents = documents.filter(kind__in=kinds) if kinds else documents.exclude(kind=Kind.ENROLMENT_RECEIPT)
            documents.update(**{name: _by_key("application_id", moments)})
        self.document_stamps.clear()

    # what the services leave for after the commit

    def settle(self, when):
        """Run what the services left for after the commit (the notifications: inbox and e-mail) now,
        except the work for the workers, and date the notifications `when` (a moment, or a
        moment per username)."""
        hooks = self.connection.run_on_commit[self.hook_mark :]
        del self.connection.run_on_commit[self.hook_mark :]
        for _savepoints, hook, _robust in hooks:
            code = getattr(hook, "__code__", None) or getattr(getattr(hook, "func", None), "__code__", None)
            if code is not None and WORKER_HOOKS & set(code.co_names):
                continue
            try:
                with transaction.atomic():
                    hook()
            except Exception as exc:  # a notification that fails to render must not stop the demo
                self.problems.append(f"{getattr(hook, '__qualname__', hook)}: {exc!r}")
        created = Notification.objects.filter(
            pk__gt=self.notification_mark, recipient__applicant__applications__campaign=self.campaign_obj
        )
        if isinstance(when, dict):
            users = dict(User.objects.filter(username__in=list(when)).values_list("pk", "username"))
            created.filter(recipient_id__in=list(users)).update(
                created_at=_by_key("recipient_id", {pk: when[username] for pk, username in users.items()})
            )
        else:
            created.update(created_at=when)
        self.notification_mark = Notification.objects.aggregate(last=Max("pk"))["last"] or self.notification_mark

    # campaign

    def campaign(self) -> Campaign:
        campaign = services.campaign_save(
            campaign=Campaign(
                name=CAMPAIGN_NAME,
                academic_year=ACADEMIC_YEAR,
                opens_on=self.today - datetime.timedelta(days=60),
                closes_on=self.today + datetime.timedelta(days=20),
                application_fee=Decimal("30.00"),
                currency="EUR",
                # The default coefficients of Art. 13, as decimals (the model's float defaults fail full_clean).
                coefficient_own_university=Decimal("1.5"),
                coefficient_related=Decimal("1.2"),
                coefficient_other=Decimal("1.0"),
            )
        )
        faculties = {
            unit.short_name: unit
            for unit in OrganisationalUnit.objects.filter(
                short_name__in=["ФХТ", "ФХСИ", "ФММ"], kind=OrganisationalUnit.Kind.FACULTY
            )
        }
        self.quotas = {}
        for code, name, name_en, faculty, field_code, quotas in PROGRAMMES:
            programme = services.programme_save(
                programme=Programme(
                    campaign=campaign,
                    code=code,
                    name=name,
                    name_en=name_en,
                    faculty=faculties.get(faculty),
                    area=field_code.split(".")[0],
                    professional_field=field_code,
                    language="en" if code in TAUGHT_IN_ENGLISH else "bg",
                    economics_bonus=code in ECONOMICS_BONUS,
                    description=DESCRIPTIONS[code],
                )
            )
            for form, funding, places, minimum in quotas:
                quota = services.quota_save(
                    quota=Quota(
                        programme=programme,
                        form=form,
                        funding=funding,
                        places=places,
                        min_diploma_grade=Decimal(minimum) if minimum else None,
                    )
                )
                self.quotas[(code, form, funding)] = quota

        # Round 1 is ranked and published with dates still ahead (the services refuse to publish a
        # round whose enrolment deadline has passed); its dates are moved back once it has run.
        def make(number, ranking, publication, deadline):
            def day(days):
                return self.today + datetime.timedelta(days=days)

            return services.round_save(
                round=Round(
                    campaign=campaign,
                    number=number,
                    ranking_on=day(ranking),
                    publication_on=day(publication),
                    enrolment_deadline=day(deadline),
                )
            )

        self.round1 = make(1, 0, 0, 1)
        self.round2 = make(2, -4, -3, 4)
        self.round3 = make(3, 22, 23, 30)
        return campaign

    # applicants

    def accounts(self, people: list[Person]):
        group = Group.objects.get_or_create(name=Role.APPLICANT)[0]
        existing = {u.username: u for u in User.objects.filter(username__in=[DEMO_APPLICANT, DEMO_ADMITTED])}
        for person in people:
            self.people[person.username] = person
            user = existing.get(person.username)
            if user is None:
                user = User(
                    username=person.username,
                    email=person.username,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    language=person.language,
                    is_active=True,
                )
                user.set_unusable_password()
                user.save()
                user.groups.add(group)
            with acting_user(user):
                applicant = Applicant(user=user, **person.profile)  # as applicant_update would save it
                applicant.full_clean()
                applicant.save()
                application = services.application_start(applicant=applicant, campaign=self.campaign_obj)
                if person.exemption:
                    application = services.application_set_exemption(
                        application=application, exemption=person.exemption
                    )
                if person.preferences:
                    services.preferences_set(
                        application=application, quotas=[self.quotas[key] for key in person.preferences]
                    )
            self.applications[person.username] = application

    def upload(self, username: str, kinds=None):
        application = self.applications[username]
        with acting_user(application.applicant.user):
            for requirement in required_documents(application):
                if kinds is None or requirement.kind in kinds:
                    services.document_upload(
                        application=application, kind=requirement.kind, uploaded=_scan(application, requirement.kind)
                    )

    def submit(self, usernames, first_day, last_day) -> dict:
        """Upload the documents and submit; returns the moment each submitted."""
        moments = {}
        for username in usernames:
            self.upload(username)
            application = self.applications[username]
            with acting_user(application.applicant.user):
                application = services.application_submit(application=application)
            self.applications[username] = application
            submitted = self.between(first_day, last_day)
            created = max(
                submitted - datetime.timedelta(minutes=self.rng.randint(10, 60 * 24 * 5)),
                self.at(-60, 8),
            )
            self.stamp(application, created_at=created, submitted_at=submitted, first_submitted_at=submitted)
            self.stamp_documents(
                application, uploaded_at=submitted - datetime.timedelta(minutes=self.rng.randint(2, 90))
            )
            self.times[username]["submitted"] = moments[username] = submitted
        self.settle(moments)
        return moments

    def review(self, username, *, reject_kind=None, note="", accept_only=None):
        application = self.applications[username]
        with acting_user(self.committee):
            for document in application.documents.exclude(kind=Kind.ENROLMENT_RECEIPT):
                if accept_only is not None and document.kind not in accept_only:
                    continue
                if document.kind == reject_kind:
                    services.document_review(document=document, accepted=False, note=note, by=self.committee)
                else:
                    services.document_review(document=document, accepted=True, note="", by=self.committee)

    def verify(self, usernames, before=None, days=(1, 4)):
        moments = {}
        for username in usernames:
            self.review(username)
            with acting_user(self.committee):
                application = services.application_verify(application=self.applications[username], by=self.committee)
            self.applications[username] = application
            verified = self.later(self.times[username]["submitted"], days=days, before=before)
            self.stamp(application, verified_at=verified)
            self.stamp_documents(application, reviewed_at=verified)
            self.times[username]["verified"] = moments[username] = verified
        self.settle(moments)

    def send_back(self, usernames, days=(1, 3)):
        """Reject the document the applicant has wrong and return the application to them."""
        moments = {}
        for username in usernames:
            person = self.people[username]
            application = self.applications[username]
            needed = {r.kind for r in required_documents(application)}
            kind = person.problem if person.problem in needed else next(k for k in RETURN_KINDS if k in needed)
            person.problem = kind
            label, problem = DOCUMENT_PROBLEMS[kind]
            self.review(username, reject_kind=kind, note=problem[0].upper() + problem[1:])
            note = (
                f"Моля, заменете документа „{label}“: {problem} Останалите документи са приети. След като "
                f"качите новия документ, подайте заявлението отново до {self.campaign_obj.closes_on:%d.%m.%Y} г."
            )
            with acting_user(self.committee):
                application = services.application_return(application=application, note=note, by=self.committee)
            self.applications[username] = application
            returned = self.later(self.times[username]["submitted"], days=days)
            self.stamp(application, returned_at=returned)
            self.stamp_documents(application, reviewed_at=returned)
            self.times[username]["returned"] = moments[username] = returned
        self.settle(moments)

    def resubmit(self, usernames, days=(1, 4)):
        moments = {}
        for username in usernames:
            person = self.people[username]
            application = self.applications[username]
            with acting_user(application.applicant.user):
                services.document_upload(
                    application=application,
                    kind=person.problem,
                    uploaded=_scan(application, person.problem, note="Corrected copy"),
                )
                application = services.application_submit(application=application)
            self.applications[username] = application
            submitted = self.later(self.times[username]["returned"], days=days, hours=(8, 22))
            self.stamp(application, submitted_at=submitted)
            self.stamp_documents(application, [person.problem], uploaded_at=submitted - datetime.timedelta(minutes=3))
            self.times[username]["submitted"] = moments[username] = submitted
        self.settle(moments)

    def reject(self, usernames):
        moments = {}
        for username in usernames:
            article, kind, note = REJECTIONS[self.people[username].rejection]
            application = self.applications[username]
            present = set(application.documents.values_list("kind", flat=True))
            if kind not in present:  # the degree is shown by a transcript or a certificate instead
                kind = next(k for k in (Kind.DIPLOMA, Kind.TRANSCRIPT, Kind.FACULTY_CERTIFICATE) if k in present)
            self.review(username, reject_kind=kind, note=note)
            with acting_user(self.committee):
                application = services.application_reject(
                    application=application, article=article, note=note, by=self.committee
                )
            self.applications[username] = application
            rejected = self.later(self.times[username]["submitted"], days=(1, 5))
            self.stamp_documents(application, reviewed_at=rejected)
            moments[username] = rejected
        self.settle(moments)

    # rounds

    def rank_and_publish(self, round: Round, ranked_at, published_at) -> Round:
        self.apply_stamps()  # the ranking reads the submission times
        with acting_user(self.committee):
            services.round_start(round=round, by=self.committee)
            services.round_rank(round_id=round.pk)  # the worker's task, here and now
            round = services.round_publish(round=round, by=self.committee)
        Round.objects.filter(pk=round.pk).update(
            queued_at=ranked_at - datetime.timedelta(seconds=95), ranked_at=ranked_at, published_at=published_at
        )
        self.settle(published_at)
        return Round.objects.get(pk=round.pk)

    def notices(self, round: Round, published_at):
        services.round_notices_send(round_id=round.pk)
        ApplicationNotice.objects.filter(round=round, kind=ApplicationNotice.Kind.RANKED).update(sent_at=published_at)
        self.settle(published_at)

    def enrolments(self, round: Round, published_at, deadline, enrol_before):
        """Those admitted in `round` who mean to enrol confirm with the semester fee receipt; the
        committee enrols those whose receipt it has checked."""
        admitted = Application.objects.filter(admitted_round=round, status=Status.ADMITTED).select_related(
            "applicant__user"
        )
        confirmed, enrolled = {}, {}
        for application in admitted:
            username = application.applicant.user.username
            person = self.people[username]
            if username == DEMO_ADMITTED or not person.confirms:
                continue
            with acting_user(application.applicant.user):
                application = services.enrolment_confirm(
                    application=application, uploaded=_scan(application, Kind.ENROLMENT_RECEIPT)
                )
            moment = self.later(published_at, days=(0, 5), hours=(8, 22), before=deadline)
            self.stamp(application, confirmed_at=moment)
            self.stamp_documents(application, [Kind.ENROLMENT_RECEIPT], uploaded_at=moment)
            confirmed[username] = moment
            self.applications[username] = application
        self.settle(confirmed)
        for username, moment in confirmed.items():
            if not self.people[username].enrols:
                continue
            with acting_user(self.committee):
                application = services.application_enrol(application=self.applications[username], by=self.committee)
            enrolled_at = self.later(moment, days=(0, 2), before=enrol_before)
            self.stamp(application, enrolled_at=enrolled_at)
            self.stamp_documents(application, [Kind.ENROLMENT_RECEIPT], reviewed_at=enrolled_at)
            enrolled[username] = enrolled_at
            self.applications[username] = application
        self.settle(enrolled)
        self.apply_stamps()

    # the story

    def run(self):
        self.campaign_obj = self.campaign()
        people = invented_people(self.today)
        self.accounts(people)
        by_fate = defaultdict(list)
        for person in people:
            by_fate[person.fate].append(person.username)

        # Round 1: applications of the first month, verified (three after a correction).
        self.submit(by_fate[ROUND1], -58, -35)
        self.submit(by_fate[ROUND1_FIXED], -58, -48)
        self.send_back(by_fate[ROUND1_FIXED])
        self.resubmit(by_fate[ROUND1_FIXED])
        self.verify(by_fate[ROUND1] + by_fate[ROUND1_FIXED], before=self.at(-33, 17))
        round1_ranked, round1_published = self.at(-32, 10, 30), self.at(-31, 9)
        round1 = self.rank_and_publish(self.round1, round1_ranked, round1_published)
        self.enrolments(round1, round1_published, self.at(-22, 23, 30), enrol_before=self.at(-21, 17))
        # Its enrolment deadline passes: the round closes, those who did not confirm lose their rights.
        Round.objects.filter(pk=round1.pk).update(
            ranking_on=self.today - datetime.timedelta(days=32),
            publication_on=self.today - datetime.timedelta(days=31),
            enrolment_deadline=self.today - datetime.timedelta(days=22),
        )
        self.notices(round1, round1_published)
        services.enrolment_sweep(today=self.today)
        closed = self.at(-21, 0, 15)
        Round.objects.filter(pk=round1.pk).update(closed_at=closed)
        Application.objects.filter(admitted_round=round1, status=Status.LOST_RIGHTS).update(lost_rights_at=closed)
        ApplicationNotice.objects.filter(round=round1, kind=ApplicationNotice.Kind.LOST_RIGHTS).update(sent_at=closed)
        self.settle(closed)

        # Round 2: the applications of the following weeks join those not admitted in round 1.
        self.submit(by_fate[ROUND2], -30, -8)
        self.verify(by_fate[ROUND2], before=self.at(-5, 17))
        round2_published = self.at(-3, 9)
        round2 = self.rank_and_publish(self.round2, self.at(-4, 10, 30), round2_published)
        self.notices(round2, round2_published)
        self.enrolments(round2, round2_published, self.now, enrol_before=self.now)

        # Since round 2: applications verified for round 3, waiting, sent back, rejected.
        self.submit(by_fate[LATE], -4, -2)
        self.verify(by_fate[LATE], days=(1, 2))
        self.submit(by_fate[SUBMITTED], -3, 0)
        for index, username in enumerate(by_fate[SUBMITTED][:5]):  # the committee has started on a few
            kinds = [d.kind for d in self.applications[username].documents.all()][: index % 3 + 1]
            self.review(username, accept_only=kinds)
            reviewed = self.later(self.times[username]["submitted"], days=(0, 1))
            self.stamp_documents(self.applications[username], kinds, reviewed_at=reviewed)
        self.submit(by_fate[RETURNED], -16, -5)
        self.send_back(by_fate[RETURNED], days=(2, 4))
        self.submit(by_fate[REJECTED], -50, -10)
        self.reject(by_fate[REJECTED])

        # Drafts: some complete with a few documents (the demo account among them), some not.
        for username in by_fate[DRAFT] + by_fate[DRAFT_INCOMPLETE]:
            application = self.applications[username]
            created = self.between(-45, 0)
            self.stamp(application, created_at=created)
            person = self.people[username]
            if username == DEMO_APPLICANT:
                self.upload(username, kinds={Kind.DIPLOMA, Kind.IDENTITY})
            elif person.fate == DRAFT and person.preferences and self.rng.random() < 0.6:
                self.upload(username, kinds={Kind.DIPLOMA, Kind.TRANSCRIPT, Kind.IDENTITY})
            self.stamp_documents(application, uploaded_at=self.later(created, days=(0, 1), hours=(8, 22)))
        self.apply_stamps()
        self.settle(self.now)

    def report(self):
        campaign = self.campaign_obj
        counts = Counter(Application.objects.filter(campaign=campaign).values_list("status", flat=True))
        write = self.stdout.write
        write(
            f"Admissions demo: {campaign.name}, open {campaign.opens_on} to {campaign.closes_on}: "
            f"{campaign.programmes.count()} programmes, {Quota.objects.filter(programme__campaign=campaign).count()} "
            f"quotas, {sum(counts.values())} applications (the demo accounts {DEMO_APPLICANT} and "
            f"{DEMO_ADMITTED} among them)."
        )
        for round in campaign.rounds.order_by("number"):
            if round.status == Round.Status.PLANNED:
                write(f"  Round {round.number}: planned, ranking on {round.ranking_on}")
            else:
                write(
                    f"  Round {round.number}: {round.status}, {round.applicants_count} ranked, {round.admitted_count} "
                    f"admitted, enrolment deadline {round.enrolment_deadline}"
                )
        notes = {
            Status.DRAFT: f"{DEMO_APPLICANT} among them, ready to finish and submit",
            Status.ADMITTED: f"{DEMO_ADMITTED} among them, to confirm by the round 2 deadline",
        }
        for status in Status:
            note = f" ({notes[status]})" if status in notes else ""
            write(f"  {status.label}: {counts.get(status.value, 0)}{note}")
        for problem in self.problems[:5]:
            write(f"  A notification could not be sent: {problem}")


def load(stdout):
    campaign = Campaign.objects.filter(academic_year=ACADEMIC_YEAR).first()
    if campaign is not None:
        stdout.write(
            f"Admissions demo: the campaign {campaign.name} is there already "
            f"({campaign.applications.count()} applications); nothing added."
        )
        return
    if not User.objects.filter(username=COMMITTEE).exists():
        stdout.write("Admissions demo: the demo accounts are missing (load qms.demo first); nothing added.")
        return
    with override_settings(EMAIL_BACKEND=QUIET_EMAIL), transaction.atomic():
        demo = _Demo(stdout)
        try:
            demo.run()
        finally:
            # Whatever is left for after the commit is the work of the workers, done here or dropped.
            del demo.connection.run_on_commit[demo.hook_mark :]
        demo.report()
