"""Demo audits and improvement for the University of Chemical Technology and Metallurgy (Sofia),
following the quality manual (seed 001: §8.2.2 internal audit, §8.3 nonconforming product, §8.5
improvement, §5.6 management review): this year's audit programme approved by the rector, an
audit of the Faculty of Chemical Technology reported and closed, an audit of the Educational
Department in progress, nonconformities from audits, a complaint, a KPI off target and staff and
student reports in every state (one overdue action, one repeat, one closed as effective), the
held management review of last year and this year's review with its inputs collected.

Dates are counted from the day the demo is loaded, so it stays plausible whenever that is.
Everything goes through the services (with the person acting recorded in the history).
Idempotent: the audit part is skipped when this year's programme exists, a review when its year
exists, a nonconformity outside the audits when one with its title exists.
"""

import datetime

from django.utils import timezone
from django.utils.translation import override

from policies.models import Document
from processes.models import Process
from qms.history import acting_user
from qms.models import OrganisationalUnit, StandardClause, User

from . import services
from .models import (
    Action,
    Audit,
    AuditProgramme,
    ChecklistItem,
    ChecklistTemplate,
    Finding,
    ManagementReview,
    Nonconformity,
)

Answer = ChecklistItem.Answer
Source = Nonconformity.Source
Cause = Nonconformity.CauseCategory
State = Nonconformity.State
Kind = Action.Kind
STATE_ORDER = list(State.values)

LEAD_AUDITOR = "auditor"  # Николай Стоянов, member of АП (ФХСИ): may not audit ФХСИ
QUALITY = "quality"  # Мария Петрова, head of ЦК: may not audit ЦК or MP 09, MP 11...
APPROVER = "rector"
PEOPLE = ("quality", "owner", "head", "auditor", "rector", "staff", "committee")

PROGRAMME_NOTES = """
Програмата е изготвена от Центъра по качество съгласно DP 08.01 „Вътрешен одит“ и т. 9.2 на
ISO 9001:2015 и обхваща основните и поддържащите процеси на СОКО. Приоритет имат процесите на
обучение и студентската документация (подготовка за програмната акредитация от НАОА) и
процесите, в които предходните одити и прегледът от ръководството са установили несъответствия.
Одиторите са независими от одитираната дейност: не одитират звено, в което работят, нито процес,
на който са собственици. Резултатите от одитите се докладват на ректора и се използват при
прегледа от ръководството.
"""

CHECKLIST_TEMPLATE = "Административно обслужване на студентите"
TEMPLATE_QUESTIONS = [
    "Завеждат ли се всички заявления на студентите с входящ номер и дата в деловодната система?",
    "Спазват ли се сроковете за издаване на уверения, академични справки и дипломи? Покажете регистъра.",
    "Публикувана ли е на сайта актуална информация за приемното време, таксите и сроковете?",
    "Как се регистрират, разглеждат и отговарят жалбите и сигналите на студентите?",
    "Защитени ли са личните данни в студентските досиета (заключени шкафове, достъп по роли в системата)?",
]

# --- audit A: reported and closed ------------------------------------------------------------

AUDIT_A = {
    "title": "Учебен процес във Факултета по химични технологии",
    "units": ["ФХТ"],
    "processes": ["CP 05", "CP 06"],
    "documents": ["DP 04.02"],
    "clauses": [("iso9001", "7.5.3"), ("iso9001", "8.5.1"), ("esg2015", "1.3"), ("esg2015", "1.4")],
    "team": [QUALITY],
}

# The auditors write audit A's checklist themselves, one question per criterion and a few more:
# key: (question, clause, document, answer, evidence notes). Findings point at their question by key.
AUDIT_A_CHECKLIST = {
    "records": (
        "Как се управляват записите от учебния процес (протоколи от текущия контрол и от изпитите, присъствени "
        "списъци): съхраняване, опазване и проследимост?",
        ("iso9001", "7.5.3"),
        None,
        Answer.NONCONFORMING,
        "Катедра ТКССВ: протоколите от текущия контрол за зимния семестър са в 3 папки без опис, извън "
        "номенклатурата на делата; 3 от 11 проверени протокола са без подпис на преподавателя. В ОСГ и НЕП "
        "записите се водят по номенклатурата.",
    ),
    "syllabi": (
        "Утвърдени ли са актуални учебни програми за всички дисциплини от учебния план за текущата година?",
        ("iso9001", "8.5.1"),
        None,
        Answer.NONCONFORMING,
        "Проверени учебен план и папка с учебните програми на бакалавърска програма „Химични технологии“ в "
        "деканата: Факултетният съвет (протокол № 3) е утвърдил 29 от 38 програми; 9 са от 2019 г.",
    ),
    "labs": (
        "Провеждат ли се лабораторните упражнения по утвърдения график и има ли записи за присъствието?",
        ("iso9001", "8.5.1"),
        None,
        Answer.CONFORMING,
        "Графиците на лабораториите на ОСГ и НЕП съвпадат с разписанието; присъствието се води в хартиени "
        "тетрадки за всяка група, подписани от асистента. Проверени 6 групи, без пропуски.",
    ),
    "surveys": (
        "Как се използват резултатите от студентските анкети за подобряване на преподаването и оценяването?",
        ("esg2015", "1.3"),
        None,
        Answer.OBSERVATION,
        "Резултатите от студентските анкети се обсъждат на катедрените съвети (протоколи на ОСГ и НЕП), но "
        "не се записва кои мерки са приети, кой отговаря за тях и в какъв срок.",
    ),
    "files": (
        "Пълни и проследими ли са студентските досиета: записване, семестриални заверки, признати кредити?",
        ("esg2015", "1.4"),
        None,
        Answer.CONFORMING,
        "Проверени 25 студентски досиета: заповеди за записване, семестриални заверки и признати кредити от "
        "мобилност по Еразъм+ са налични и проследими в информационната система.",
    ),
    "procedure": (
        "Налична ли е актуалната редакция на DP 04.02 „Управление на записите“ и прилага ли се номенклатурата "
        "на делата на факултета?",
        None,
        "DP 04.02",
        Answer.CONFORMING,
        "Процедурата е налична в деканата и в катедрите в актуалната редакция; номенклатурата на делата на "
        "факултета е утвърдена. Отклонението в катедра ТКССВ е описано при въпроса за записите.",
    ),
    "policy": (
        "Запознати ли са преподавателите с Политиката по качеството и с целите по качеството на факултета?",
        None,
        "QP 01",
        Answer.CONFORMING,
        "Интервюирани 6 преподаватели от 3 катедри: всички познават политиката и целите на факултета; "
        "листовете за запознаване са подписани.",
    ),
    "design": (
        "Разработвана ли е през годината нова образователна програма и спазена ли е процедурата за проектиране?",
        ("iso9001", "8.3"),
        None,
        Answer.NOT_APPLICABLE,
        "През одитирания период факултетът не е разработвал нова програма; въпросът остава за следващия одит.",
    ),
}

AUDIT_A_SUMMARY = """
Одитът обхвана деканата на Факултета по химични технологии и катедрите ОСГ, НЕП и ТКССВ: учебни
планове и програми, провеждане на учебните занятия, студентска документация и управление на
записите. Интервюирани са деканът, заместник-деканът по учебната дейност, трима ръководители на
катедри, шестима преподаватели и технически сътрудници; проверени са 25 студентски досиета.

Системата за управление на качеството във факултета е внедрена и се поддържа. Установени са едно
значително несъответствие (неутвърдени учебни програми), едно незначително несъответствие
(съхраняване на протоколите от текущия контрол в катедра ТКССВ), едно наблюдение (проследяване на
мерките след студентските анкети) и една възможност за подобряване (електронен дневник на
лабораторните упражнения). Коригиращите действия се планират по DP 08.03.
"""

AUDIT_A_FINDINGS = [
    {
        "key": "syllabi",
        "kind": Finding.Kind.MAJOR,
        "unit": "ФХТ",
        "process": "CP 06",
        "clause": ("iso9001", "8.5.1"),
        "requirement": "Учебните програми се утвърждават от Факултетния съвет преди началото на всяка учебна година.",
        "statement": (
            "Учебните програми на 9 от 38 дисциплини в бакалавърската програма „Химични технологии“ не са "
            "актуализирани и утвърдени от Факултетния съвет за текущата учебна година.\n"
            "Обучението по тях се води по програми от 2019 г. с неактуални литература и критерии за оценяване."
        ),
        "evidence": (
            "Учебен план и папка с учебните програми в деканата; протокол № 3 на Факултетния съвет; справка от "
            "информационната система за 9-те дисциплини; интервю със заместник-декана по учебната дейност."
        ),
        "state": State.IMPLEMENTATION,
        "analyst": "head",
        "whys": [
            "Защо 9 програми не са утвърдени? — Катедрите не са ги внесли за Факултетния съвет.",
            "Защо не са ги внесли? — Не е определен срок за актуализирането им и никой не е следил.",
            "Защо няма срок? — Графикът за учебната година урежда учебните планове, но не и програмите.",
            "Защо графикът не ги урежда? — Отговорността за програмите е само на титуляря на дисциплината.",
        ],
        "cause_category": Cause.MANAGEMENT,
        "root_cause": (
            "Няма годишен график и отговорник на ниво катедра за актуализирането на учебните програми; "
            "отговорността е оставена изцяло на титулярите на дисциплините."
        ),
        "correction": "Деветте програми са внесени за утвърждаване на извънредно заседание на Факултетния съвет.",
        "actions": [
            (
                Kind.CORRECTION,
                "Утвърждаване на 9-те учебни програми от Факултетния съвет",
                "head",
                14,
                "Факултетният съвет утвърди 9-те програми (протокол № 5); програмите са качени в системата.",
            ),
            (
                Kind.CORRECTIVE,
                "Годишен график за актуализиране на учебните програми с отговорник във всяка катедра, "
                "утвърден от Академичния съвет",
                "owner",
                40,
                None,
            ),
            (
                Kind.PREVENTIVE,
                "Проверка на актуалността на учебните програми в информационната система преди всеки семестър",
                "head",
                90,
                None,
            ),
        ],
    },
    {
        "key": "records",
        "kind": Finding.Kind.MINOR,
        "unit": "ТКССВ",
        "process": "CP 06",
        "clause": ("iso9001", "7.5.3"),
        "requirement": "DP 04.02 „Управление на записите“: записите се съхраняват по номенклатурата на делата.",
        "statement": (
            "В катедра „Технология на керамиката, стъклото и свързващите вещества“ протоколите от текущия "
            "контрол не се съхраняват по номенклатурата на делата.\n"
            "Три папки са без опис, а 3 от 11 проверени протокола са без подпис на преподавателя."
        ),
        "evidence": "Папките с протоколи от текущия контрол за зимния семестър; интервю с техническия сътрудник.",
        "state": State.ACTION_PLAN,
        "analyst": "head",
        "whys": [
            "Защо протоколите не са по номенклатурата? — Техническият сътрудник е назначен наскоро.",
            "Защо не познава номенклатурата? — Не е въведен в DP 04.02 при постъпването си.",
            "Защо не е въведен? — Въвеждането на нови служители не включва процедурите по СОКО.",
        ],
        "cause_category": Cause.PEOPLE,
        "root_cause": "Програмата за въвеждане на нови служители не включва процедурите на СОКО за записите.",
        "correction": "Протоколите са подредени и описани; преподавателите подписаха липсващите протоколи.",
        "actions": [
            (
                Kind.CORRECTIVE,
                "Обучение на техническите сътрудници на катедрите на ФХТ по DP 04.02 „Управление на записите“",
                "head",
                30,
                None,
            ),
            (
                Kind.PREVENTIVE,
                "Включване на процедурите на СОКО в програмата за въвеждане на нови служители",
                "owner",
                60,
                None,
            ),
        ],
    },
    {
        "key": "surveys",
        "kind": Finding.Kind.OBSERVATION,
        "unit": "ФХТ",
        "process": "CP 06",
        "clause": ("esg2015", "1.3"),
        "requirement": "",
        "statement": (
            "Резултатите от студентските анкети се обсъждат на катедрените съвети, но приетите мерки и "
            "отговорниците за тях не се записват; има риск мерките да не се изпълнят и да не могат да се проследят."
        ),
        "evidence": "Протоколи на катедрените съвети на ОСГ и НЕП от последната година.",
    },
    {
        "key": "labs",
        "kind": Finding.Kind.IMPROVEMENT,
        "unit": "ФХТ",
        "process": "CP 06",
        "clause": None,
        "requirement": "",
        "statement": (
            "Електронен дневник на лабораторните упражнения в Moodle (присъствие, допускане до изпит, резултати) "
            "би заменил хартиените тетрадки във всички катедри и би улеснил проследимостта."
        ),
        "evidence": "Хартиени тетрадки за присъствие в лабораториите на ОСГ и НЕП.",
    },
]

# --- audit B: in progress --------------------------------------------------------------------

AUDIT_B = {
    "title": "Учебен отдел — административно обслужване на студентите и студентска документация",
    "units": ["УО"],
    "processes": ["CP 04", "CP 05"],
    "documents": ["DP 04.02"],
    "clauses": [("iso9001", "8.2.1"), ("iso9001", "8.5.2"), ("esg2015", "1.4")],
    "team": [QUALITY],
}

AUDIT_B_ANSWERS = {
    TEMPLATE_QUESTIONS[0]: (
        Answer.NONCONFORMING,
        "Проверени 20 заявления за академични справки и уверения от последния месец: 6 са без входящ номер и "
        "дата; приети са на гишето и предадени направо на инспектора.",
    ),
    TEMPLATE_QUESTIONS[1]: (
        Answer.CONFORMING,
        "Регистърът на издадените документи е воден; 48 от 50 уверения са издадени до 3 работни дни.",
    ),
    TEMPLATE_QUESTIONS[2]: (
        Answer.OBSERVATION,
        "Приемното време на сайта е актуално, но таксите за следващата учебна година още не са публикувани, "
        "въпреки че са утвърдени от Академичния съвет.",
    ),
    ("esg2015", "1.4"): (
        Answer.CONFORMING,
        "Заповедите за записване и преместване са налични и съвпадат с данните в информационната система "
        "(проверени 15 студенти).",
    ),
}

AUDIT_B_FINDING = {
    "key": TEMPLATE_QUESTIONS[0],
    "kind": Finding.Kind.MINOR,
    "unit": "УО",
    "process": "CP 05",
    "clause": ("iso9001", "8.5.2"),
    "requirement": "Всяко заявление на студент се завежда с входящ номер и дата (DP 04.02).",
    "statement": (
        "6 от 20 проверени заявления на студенти за академични справки и уверения нямат входящ номер и дата "
        "в деловодната система."
    ),
    "evidence": "Заявленията в папката на инспектора; справка от деловодната система за същия период.",
}

# --- audits only planned -----------------------------------------------------------------------

AUDIT_C = {
    "title": "Център по качество — вътрешни одити, несъответствия и коригиращи действия",
    "units": ["ЦК"],
    "processes": ["MP 09", "MP 11", "MP 13"],
    "documents": ["DP 08.01", "DP 08.03"],
    "clauses": [("iso9001", "9.2"), ("iso9001", "10.2"), ("esg2015", "1.1")],
    "team": [],  # the quality officer heads ЦК and owns MP 09 and MP 11: not on this team
}

AUDIT_D = {
    "title": "Факултет по металургия и материалознание — ресурси за обучение и средства за измерване",
    "units": ["ФММ"],
    "processes": ["SP 04", "CP 07"],
    "documents": [],
    "clauses": [("iso9001", "7.1.3"), ("iso9001", "7.1.5"), ("esg2015", "1.6")],
    "team": [QUALITY],
}

# --- nonconformities outside the audits (identified by title), oldest first ------------------

NONCONFORMITIES = [
    {
        "title": "Изпитни протоколи на катедра ОСГ са предадени в Учебен отдел със закъснение",
        "description": (
            "11 изпитни протокола на катедра „Органичен синтез и горива“ от редовната сесия са предадени в "
            "Учебен отдел 3 до 5 седмици след изпита при срок 7 дни по Правилника за учебната дейност. "
            "Студентите не могат да получат академична справка, а стипендиите се изчисляват със закъснение."
        ),
        "unit": "ОСГ",
        "process": "CP 06",
        "clause": ("iso9001", "7.5.3"),
        "requirement": "Изпитните протоколи се предават в Учебен отдел до 7 дни след изпита.",
        "source": Source.STAFF_REPORT,
        "severity": Nonconformity.Severity.MINOR,
        "reported_by": "committee",
        "days_ago": 200,
        "state": State.CLOSED,
        "analyst": "head",
        "whys": [
            "Защо протоколите са предадени късно? — Преподавателите ги оставят на техническия сътрудник чак в "
            "края на сесията.",
            "Защо в края на сесията? — Не знаят за 7-дневния срок; той е в Правилника, не и в указанията на катедрата.",
            "Защо не е в указанията? — Указанията не са актуализирани след промяната на Правилника.",
            "Защо не са актуализирани? — Няма отговорник за вътрешните указания на катедрата.",
        ],
        "cause_category": Cause.COMMUNICATION,
        "root_cause": (
            "Няма отговорник за актуализирането на вътрешните указания на катедрата и срокът за предаване на "
            "протоколите не е доведен до преподавателите."
        ),
        "correction": "Закъснелите протоколи са събрани и предадени; оценките са нанесени в информационната система.",
        "actions": [
            (
                Kind.CORRECTIVE,
                "Актуализиране на указанията на катедрата за провеждане на изпити със срока за предаване на "
                "протоколите и запознаване на преподавателите",
                "staff",
                -170,
                "Указанията са актуализирани (ред. 2) и връчени на 14 преподаватели; листът за запознаване е "
                "приложен към протокола на катедрения съвет.",
            ),
            (
                Kind.CORRECTIVE,
                "Седмична справка от Учебен отдел до деканите за непредадените протоколи по време на сесията",
                "head",
                -150,
                "Справката се получава всеки понеделник по време на сесията; деканът я препраща на катедрите.",
            ),
        ],
        "checker": QUALITY,
        "effectiveness_comment": (
            "При следващата редовна сесия всички 42 протокола на катедрата са предадени до 7 дни след изпита. "
            "Действията са ефективни."
        ),
    },
    {
        "title": "Делът на студентите от ФХТ, положили изпитите от първия път, е 64 % при цел 75 %",
        "description": (
            "Показателят „Дял на студентите, положили изпитната сесия от първия път“ на процес CP 06 е под "
            "целевата стойност две поредни сесии (66 % и 64 %). Най-нисък е в първи курс по „Обща и неорганична "
            "химия“ и „Математика I“."
        ),
        "unit": "ФХТ",
        "process": "CP 06",
        "clause": ("esg2015", "1.3"),
        "requirement": "",
        "source": Source.KPI,
        "severity": Nonconformity.Severity.MINOR,
        "reported_by": "head",
        "days_ago": 100,
        "state": State.IMPLEMENTATION,
        "analyst": "head",
        "whys": [
            "Защо показателят е под целта? — Много първокурсници не взимат „Обща и неорганична химия“ и "
            "„Математика I“.",
            "Защо? — Входното им ниво по химия и математика е по-ниско от очакваното.",
            "Защо това не е компенсирано? — Няма изравнителни курсове, а консултациите не са в графика.",
            "Защо не са предвидени? — Учебният план на първи курс не е преразглеждан след промяната в профила на "
            "приеманите студенти.",
        ],
        "cause_category": Cause.MANAGEMENT,
        "root_cause": (
            "Учебният план и формите на подкрепа в първи курс не са адаптирани към по-ниското входно ниво на "
            "приеманите студенти."
        ),
        "correction": "Допълнителни консултации и още една поправителна дата за двата изпита.",
        "actions": [
            (
                Kind.CORRECTION,
                "Допълнителни консултации по двете дисциплини преди поправителната сесия",
                "staff",
                -60,
                "Проведени 8 консултации с 96 студенти; присъствените списъци са в катедрата.",
            ),
            (
                Kind.CORRECTIVE,
                "Изравнителен курс по химия и математика за първокурсниците през първите 6 седмици на семестъра",
                "head",
                -12,  # overdue: still open
                None,
            ),
            (
                Kind.PREVENTIVE,
                "Анализ на входното ниво на приетите студенти след всеки прием и доклад до Академичния съвет",
                "owner",
                75,
                None,
            ),
        ],
    },
    {
        "title": "Средства за измерване в учебната лаборатория на катедра НЕП са с изтекла метрологична проверка",
        "description": (
            "При подготовка на лабораторно упражнение е установено, че 2 аналитични везни и 3 pH-метъра в "
            "учебната лаборатория на катедра „Неорганични и електрохимични производства“ са с изтекла периодична "
            "проверка (от 4 до 9 месеца). С тях са проведени упражнения на 3 групи студенти."
        ),
        "unit": "НЕП",
        "process": "SP 04",
        "clause": ("iso9001", "7.1.5"),
        "requirement": "",
        "source": Source.STAFF_REPORT,
        "severity": Nonconformity.Severity.MINOR,
        "reported_by": "staff",
        "days_ago": 75,
        "state": State.EFFECTIVENESS,
        "analyst": "head",
        "whys": [
            "Защо уредите са с изтекла проверка? — Не са включени в годишния график за метрологична проверка.",
            "Защо не са включени? — Закупени са по научен проект и не са вписани в регистъра на средствата за "
            "измерване.",
            "Защо не са вписани? — Процедурата за приемане на оборудване по проекти не изисква вписване в регистъра.",
        ],
        "cause_category": Cause.METHOD,
        "root_cause": (
            "Оборудването, закупено по проекти, не се вписва в регистъра на средствата за измерване, защото "
            "процедурата за приемането му не го изисква."
        ),
        "correction": (
            "Уредите са изведени от употреба и етикетирани до проверката; упражненията на трите групи са "
            "повторени с проверени уреди."
        ),
        "actions": [
            (
                Kind.CORRECTIVE,
                "Калибриране на 2-те аналитични везни и 3-те pH-метъра от акредитирана лаборатория",
                "head",
                -40,
                "Сертификати за калибриране от акредитирана лаборатория за петте уреда; етикетите са поставени.",
            ),
            (
                Kind.CORRECTIVE,
                "Инвентаризация на средствата за измерване в лабораториите на ФХТ и вписване в регистъра",
                "staff",
                -20,
                "Инвентаризирани 64 уреда в 9 лаборатории; 11 са вписани в регистъра и в графика за проверка.",
            ),
            (
                Kind.PREVENTIVE,
                "Допълване на процедурата за приемане на оборудване по проекти с вписване в регистъра",
                "owner",
                -10,
                "Процедурата е допълнена (ред. 3) и утвърдена от ректора; разпратена е до ръководителите на проекти.",
            ),
        ],
    },
    {
        "title": "Оценките от поправителната сесия в катедра ОСГ не са нанесени в срок",
        "description": (
            "Студентският съвет сигнализира, че четири седмици след поправителните изпити оценките на 37 студенти "
            "от катедра „Органичен синтез и горива“ не са нанесени в информационната система, защото протоколите "
            "не са предадени в Учебен отдел."
        ),
        "unit": "ОСГ",
        "process": "CP 06",
        "clause": ("iso9001", "7.5.3"),  # as the closed one above: registered as its repeat
        "requirement": "Изпитните протоколи се предават в Учебен отдел до 7 дни след изпита.",
        "source": Source.STUDENT_REPORT,
        "severity": Nonconformity.Severity.MINOR,
        "reported_by": QUALITY,
        "days_ago": 15,
        "state": State.ANALYSIS,
        "analyst": QUALITY,
    },
    {
        "title": "Жалба: лекционните материали по „Физична металургия“ не са качени в Moodle",
        "description": (
            "Студенти от трети курс, специалност „Металургия“, подават жалба чрез Студентския съвет: шест "
            "седмици след началото на семестъра лекционните материали и заданието за курсовата работа по "
            "„Физична металургия“ не са достъпни в Moodle."
        ),
        "unit": "ФММ",
        "process": "CP 06",
        "clause": ("esg2015", "1.6"),
        "requirement": "",
        "source": Source.COMPLAINT,
        "severity": Nonconformity.Severity.MINOR,
        "reported_by": QUALITY,
        "days_ago": 4,
        "state": State.REGISTERED,
    },
]

# --- management review of last year ----------------------------------------------------------

REVIEW_TEXTS = {
    "stakeholder_feedback": """
Анкета сред студентите (1 240 отговора): общата удовлетвореност от обучението е 4,1 от 5; най-ниско
са оценени материалната база на учебните лаборатории и достъпът до електронни учебни материали.
Работодателите от Консултативния съвет (12 фирми) оценяват подготовката на завършилите като добра,
но искат повече практика в реална производствена среда. Постъпили са 7 жалби от студенти, 5 от тях
са решени в срок.
""",
    "changes": """
Предстояща програмна акредитация от НАОА на професионално направление 5.10 „Химични технологии“;
промени в Закона за висшето образование и в Наредбата за държавните изисквания; въвеждане на
новата университетска информационна система за студентите от следващата учебна година.
""",
    "resources": """
Академичният състав е достатъчен, но 18 % от хабилитираните преподаватели са над 65 години.
Необходими са средства за обновяване на лабораторното оборудване и за метрологичната проверка на
средствата за измерване. Центърът по качество работи с двама служители при нужда от трима;
вътрешните одитори са 9, от тях 4 са обучени по ISO 19011:2018.
""",
}

REVIEW_DECISIONS = """
1. СОКО е подходяща, адекватна и ефективна; политиката по качеството остава без промяна.
2. Центърът по качество организира обучение на всички вътрешни одитори по ISO 19011:2018.
3. Учебен отдел въвежда електронни изпитни протоколи в информационната система за всички факултети.
4. Деканите включват в плана на факултетите мерки за подкрепа на студентите от първи курс.
5. Целите по качеството за годината се утвърждават от Академичния съвет с отговорници и срокове.
"""

REVIEW_ACTIONS = [
    # (description, responsible, due: days after the meeting, evidence when done)
    (
        "Обучение на вътрешните одитори по ISO 19011:2018 и актуализиране на списъка на одиторите",
        QUALITY,
        75,
        "Проведено двудневно обучение; 9 одитори с удостоверения; списъкът е утвърден със заповед на ректора.",
    ),
    (
        "Въвеждане на електронни изпитни протоколи в информационната система за всички факултети",
        "owner",
        None,  # mid-December
        None,
    ),
]


def _clamp(day, year):
    return min(max(day, datetime.date(year, 1, 1)), datetime.date(year, 12, 31))


class _Context:
    def __init__(self, today):
        self.today = today
        self.year = today.year
        self.people = User.objects.in_bulk(list(PEOPLE), field_name="username")
        self.units = {u.short_name: u for u in OrganisationalUnit.objects.exclude(short_name="")}
        self.processes = Process.objects.in_bulk(field_name="code")
        self.documents = Document.objects.in_bulk(field_name="code")
        self.clauses = {(c.framework, c.code): c for c in StandardClause.objects.all()}

    def clause(self, key):
        return self.clauses[key] if key else None

    def process(self, code):
        return self.processes.get(code) if code else None

    def days(self, n):
        return self.today + datetime.timedelta(days=n)


def _save_audit(ctx, programme, spec, start, end):
    return services.audit_save(
        programme=programme,
        kind=Audit.Kind.PLANNED,
        title=spec["title"],
        lead_auditor=ctx.people[LEAD_AUDITOR],
        planned_start=start,
        planned_end=max(start, end),
        units=[ctx.units[short] for short in spec["units"]],
        processes=[ctx.processes[code] for code in spec["processes"] if code in ctx.processes],
        documents=[ctx.documents[code] for code in spec["documents"] if code in ctx.documents],
        clauses=[ctx.clauses[key] for key in spec["clauses"]],
        team=[ctx.people[name] for name in spec["team"]],
    )


def _item_key(item):
    if item.clause_id and not item.document_id:
        return (item.clause.framework, item.clause.code)
    if item.document_id:
        return item.document.code
    return item.question


def _answer_some(audit, answers, by):
    """Answer the questions of the checklist found in `answers` (by text, clause or document code)."""
    answered = {}
    with acting_user(by):
        for item in audit.checklist.select_related("clause", "document"):
            key = item.question if item.question in answers else _item_key(item)
            if key in answers and key not in answered:
                answer, notes = answers[key]
                answered[key] = services.checklist_answer(item=item, by=by, answer=answer, evidence_notes=notes)
    return answered


def _record_finding(ctx, audit, spec, items, by):
    with acting_user(by):
        return services.finding_record(
            audit=audit,
            by=by,
            kind=spec["kind"],
            unit=ctx.units[spec["unit"]],
            statement=spec["statement"],
            evidence=spec["evidence"],
            process=ctx.process(spec["process"]),
            clause=ctx.clause(spec["clause"]),
            requirement=spec["requirement"],
            checklist_item=items.get(spec["key"]),
            detected_on=min(audit.planned_end, ctx.today),
        )


def _advance(ctx, nc, spec):
    """Drive a nonconformity through the workflow up to spec["state"]."""
    target = STATE_ORDER.index(spec["state"])
    if target < STATE_ORDER.index(State.ANALYSIS):
        return nc
    analyst = ctx.people[spec["analyst"]]
    with acting_user(analyst):
        nc = services.nonconformity_start_analysis(nc=nc, by=analyst)
    if target < STATE_ORDER.index(State.ACTION_PLAN):
        return nc
    with acting_user(analyst):
        nc = services.nonconformity_record_analysis(
            nc=nc,
            whys=spec["whys"],
            cause_category=spec["cause_category"],
            root_cause=spec["root_cause"],
            correction=spec["correction"],
        )
        actions = [
            (
                services.action_add(
                    nc=nc,
                    kind=kind,
                    description=description,
                    responsible=ctx.people[responsible],
                    due_date=ctx.days(due),
                ),
                evidence,
            )
            for kind, description, responsible, due, evidence in spec["actions"]
        ]
    if target < STATE_ORDER.index(State.IMPLEMENTATION):
        return nc
    with acting_user(analyst):
        nc = services.nonconformity_start_implementation(nc=nc, by=analyst)
    for action, evidence in actions:
        if evidence:
            with acting_user(action.responsible):
                services.action_complete(action=action, by=action.responsible, evidence=evidence)
    nc.refresh_from_db()
    if target < STATE_ORDER.index(State.CLOSED):
        return nc
    checker = ctx.people[spec["checker"]]
    with acting_user(checker):
        return services.nonconformity_check_effectiveness(
            nc=nc,
            by=checker,
            effective=True,
            comment=spec["effectiveness_comment"],
            today=nc.effectiveness_due,
        )


def _programme(ctx):
    """This year's programme with its audits: A reported and closed, B in progress, C and D planned."""
    auditor, quality, rector = ctx.people[LEAD_AUDITOR], ctx.people[QUALITY], ctx.people[APPROVER]
    year = ctx.year
    with acting_user(quality):
        programme = services.programme_create(year=year, notes=PROGRAMME_NOTES)
        a_start = _clamp(min(datetime.date(year, 3, 10), ctx.days(-60)), year)
        audit_a = _save_audit(ctx, programme, AUDIT_A, a_start, _clamp(a_start + datetime.timedelta(days=2), year))
        b_start = _clamp(ctx.days(-2), year)
        audit_b = _save_audit(ctx, programme, AUDIT_B, b_start, _clamp(b_start + datetime.timedelta(days=3), year))
        c_start = _clamp(min(ctx.days(14), datetime.date(year, 12, 27)), year)
        _save_audit(ctx, programme, AUDIT_C, c_start, _clamp(c_start + datetime.timedelta(days=1), year))
        d_start = _clamp(min(ctx.days(24), datetime.date(year, 12, 29)), year)
        _save_audit(ctx, programme, AUDIT_D, d_start, _clamp(d_start + datetime.timedelta(days=2), year))
    with acting_user(rector):
        services.programme_approve(programme=programme, by=rector)

    # Audit A: the auditors' own questions, one per criterion and a few more, every one answered.
    with acting_user(auditor):
        items = {
            key: services.checklist_add_question(
                audit=audit_a,
                question=question,
                clause=ctx.clause(clause),
                document=ctx.documents.get(document) if document else None,
            )
            for key, (question, clause, document, _answer, _notes) in AUDIT_A_CHECKLIST.items()
        }
        services.audit_prepare(audit=audit_a, by=auditor)
        services.audit_start(audit=audit_a, by=auditor)
        for key, (_question, _clause, _document, answer, notes) in AUDIT_A_CHECKLIST.items():
            items[key] = services.checklist_answer(item=items[key], by=auditor, answer=answer, evidence_notes=notes)
    for index, spec in enumerate(AUDIT_A_FINDINGS):
        finding = _record_finding(ctx, audit_a, spec, items, auditor if index % 2 == 0 else quality)
        if finding.nonconformity is not None:
            _advance(ctx, finding.nonconformity, spec)
    with acting_user(auditor):
        services.audit_report(audit=audit_a, by=auditor, summary=AUDIT_A_SUMMARY, language="bg")
    with acting_user(quality):
        services.audit_close(audit=audit_a, by=quality)

    # Audit B: questions built from its criteria and the template, partly answered; one minor nonconformity so far.
    template, _created = ChecklistTemplate.objects.get_or_create(
        name=CHECKLIST_TEMPLATE, defaults={"questions": TEMPLATE_QUESTIONS}
    )
    with acting_user(auditor), override("bg"):
        services.checklist_build(audit=audit_b, template=template)
        services.audit_prepare(audit=audit_b, by=auditor)
        services.audit_start(audit=audit_b, by=auditor)
    items = _answer_some(audit_b, AUDIT_B_ANSWERS, quality)
    _record_finding(ctx, audit_b, AUDIT_B_FINDING, items, quality)
    return programme


def _nonconformities(ctx):
    added = 0
    for spec in NONCONFORMITIES:
        if Nonconformity.objects.filter(title=spec["title"]).exists():
            continue
        reporter = ctx.people[spec["reported_by"]]
        with acting_user(reporter):
            nc = services.nonconformity_register(
                title=spec["title"],
                description=spec["description"],
                unit=ctx.units[spec["unit"]],
                source=spec["source"],
                reported_by=reporter,
                severity=spec["severity"],
                process=ctx.process(spec["process"]),
                clause=ctx.clause(spec["clause"]),
                requirement=spec["requirement"],
                detected_on=ctx.days(-spec["days_ago"]),
            )
        _advance(ctx, nc, spec)
        added += 1
    return added


def _last_review(ctx):
    """Last year's review, held early this year, with two actions (one done). Its inputs are
    collected before this year's records exist, as they stood at the meeting."""
    quality, rector = ctx.people[QUALITY], ctx.people[APPROVER]
    last_year = ctx.year - 1
    if ManagementReview.objects.filter(year=last_year).exists():
        return False
    meeting = min(datetime.date(ctx.year, 2, 12), ctx.days(-1))
    with acting_user(quality):
        review = services.review_create(year=last_year)
        review = services.review_collect_inputs(review=review, today=meeting)
        review = services.review_save_texts(review=review, **REVIEW_TEXTS)
    with acting_user(rector):
        review = services.review_hold(
            review=review,
            meeting_date=meeting,
            attendees=[ctx.people[name] for name in ("rector", "quality", "owner", "head")],
            decisions=REVIEW_DECISIONS,
        )
        actions = [
            (
                services.action_add(
                    review=review,
                    kind=Kind.IMPROVEMENT,
                    description=description,
                    responsible=ctx.people[responsible],
                    due_date=(meeting + datetime.timedelta(days=due) if due else datetime.date(ctx.year, 12, 15)),
                ),
                evidence,
            )
            for description, responsible, due, evidence in REVIEW_ACTIONS
        ]
    for action, evidence in actions:
        if evidence:
            with acting_user(action.responsible):
                services.action_complete(action=action, by=action.responsible, evidence=evidence)
    return True


def _this_review(ctx):
    """This year's review, in preparation: its inputs collected from the demo's records."""
    if ManagementReview.objects.filter(year=ctx.year).exists():
        return False
    with acting_user(ctx.people[QUALITY]):
        review = services.review_create(year=ctx.year)
        services.review_collect_inputs(review=review, today=ctx.today)
    return True


def load(stdout):
    ctx = _Context(timezone.localdate())
    added = []
    if _last_review(ctx):
        added.append(f"the {ctx.year - 1} review")
    if not AuditProgramme.objects.filter(year=ctx.year).exists():
        _programme(ctx)
        added.append("the programme and its audits")
    if count := _nonconformities(ctx):
        added.append(f"{count} nonconformities")
    if _this_review(ctx):
        added.append(f"the {ctx.year} review")
    stdout.write(
        f"Audits demo: {AuditProgramme.objects.count()} programmes, {Audit.objects.count()} audits, "
        f"{Nonconformity.objects.count()} nonconformities, {Action.objects.count()} actions, "
        f"{ManagementReview.objects.count()} management reviews ({', '.join(added) or 'nothing'} added)."
    )
