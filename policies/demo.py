"""Demo documents: the university's quality policy (seed 000) in Bulgarian and English, the six
documented procedures its quality manual lists (seed 001 §2), one of them with a second revision
in draft, and quality objectives taken from the policy.

Everything goes through the services, so the versions carry the same review decisions and history
as ones made in the portal. Idempotent: a document whose code exists and an objective whose title
exists under the policy are left alone.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape

from qms.models import OrganisationalUnit, StandardClause, User

from .models import Document, QualityObjective
from .services import (
    document_create,
    review_decide,
    version_publish,
    version_save_body,
    version_start_draft,
    version_submit,
)

QUALITY_UNIT = "ЦК"  # Център по качество
AUTHOR = "quality"
REVIEWER = "owner"
APPROVER = "rector"
PUBLISHER = "quality"
TEN = datetime.time(10, 0)

POLICY_CODE = "QP 01"
POLICY_EFFECTIVE = datetime.date(2026, 1, 15)
PROCEDURES_EFFECTIVE = datetime.date(2026, 2, 1)

# A body is a list of blocks: ("h2", text), ("p", text), ("ul", [items]) or ("ol", [items]).

# Seed 000, kept word for word; only the misspelling "кавалификация" is corrected.
POLICY_BG = [
    ("p", "ХИМИКОТЕХНОЛОГИЧЕН И МЕТАЛУРГИЧЕН УНИВЕРСИТЕТ"),
    ("h2", "ПОЛИТИКА ПО КАЧЕСТВОТО"),
    (
        "p",
        "Академичното ръководство на ХТМУ официално декларира своята ПОЛИТИКА ПО КАЧЕСТВОТО, която е "
        "огласена, разбрана, прилагана и поддържана на всички равнища в УНИВЕРСИТЕТА:",
    ),
    (
        "ul",
        [
            "В изпълнение на образователната си функция ХТМУ предлага като основен ПРОДУКТ НА ДЕЙНОСТТА СИ "
            "ОБУЧЕНИЕ ПО СПЕЦИАЛНОСТИТЕ ОТ ПРОФИЛА НА УНИВЕРСИТЕТА ВЪВ ВСИЧКИ ОБРАЗОВАТЕЛНИ СТЕПЕНИ;",
            "Като научен център в Университета се развива изследователска дейност, резултатите от която "
            "формират значим НАУЧЕН ПРОДУКТ. Този продукт има приложение у нас и в чужбина, и негови клиенти "
            "са индустрията и научните Организации;",
            "Университетското ръководство поддържа високо качество както на предлагания основен продукт, така "
            "и на резултатите от него - ЗНАНИЯТА, УМЕНИЯТА И КОМПЕТЕНТНОСТИТЕ на завършилите различните "
            "образователни курсове и форми на обучение;",
            "Клиентите на ХТМУ се разделят на: вътрешни - СТУДЕНТИТЕ и ПРЕПОДАВАТЕЛИТЕ (в качеството им на "
            "обекти на някои процеси в институцията) и външни – МОН, индустрията, научните Организации, "
            "образованието, сферата на услугите и т.н.;",
            "СТУДЕНТЪТ е клиента, в името на който и преди всичко Организацията осъществява цялостната си "
            "дейност по осигуряване на качеството на обучението;",
            "СОКО на ХТМУ е разработена за поддържане, управление и подобряване на качеството на обучението по "
            "специалностите в Университета;",
            "ХТМУ е отворен за по-нататъшно разширяване на обхвата и за непрекъснато усъвършенстване на работата "
            "на СОКО, съизмеримо с динамиката на целите по качеството в национален, европейски и световен мащаб.",
        ],
    ),
    (
        "p",
        "Политиката на ХТМУ е ориентирана устойчиво към реализиране на целите по качеството на Организацията: "
        "подготовка на високо квалифицирани специалисти – инженери и технолози, отговаряща на потребностите и "
        "изискванията на сферите за реализацията им и на европейските стандарти. Тя подлежи на системна "
        "актуализация и последващ преглед за нейната адекватност.",
    ),
    ("p", "За Университета тази Политика означава да:"),
    (
        "ul",
        [
            "Създава адекватни условия за учебна и научна дейност на студентите и докторантите - учебни планове "
            "и програми, образователни технологии и практическо обучение, системи за обратна връзка и контрол на "
            "постиженията на студентите;",
            "Развива академичния състав и ползва потенциала му за усъвършенстване на образователния процес;",
            "Развива материалната среда във връзка с повишените изисквания към учебния процес и научните изследвания;",
            "Проучва потребностите на клиентите /нуждите на пазара на работна сила/ и създава условия за тяхното "
            "удовлетворяване;",
        ],
    ),
    (
        "p",
        "За ефективното провеждане на ПОЛИТИКАТА ПО КАЧЕСТВО, Академичното Ръководство предлага рамка за "
        "създаване и преглед на целите по качеството, като определя основни измерими цели по качеството на "
        "Университета:",
    ),
    (
        "ul",
        [
            "Поддържа традициите на Университета и авторитета му на престижен, уважаван и съвременен "
            "образователен център;",
            "Развива образователните и научни дейности в синхрон с динамичните тенденции в инженерното обучение "
            "и изследователските практики, за да се постигне пълноценна интеграция в европейското пространство "
            "за висше образование;",
            "Поддържа Система за осигуряване на качеството на обучението, която да гарантира изпълнението на "
            "дейностите и процесите по начина, утвърден от академичните цели, и осигурява системно оценяване на "
            "качеството и мерки по подобряването му;",
            "Осигурява условия за непрекъснато повишаване на професионалното равнище на академичния състав "
            "/научно и преподавателско/ и поддържа висока квалификация на административния и обслужващ "
            "персонал;",
            "Поддържа връзки с външни Организации (от България и чужбина), които подпомагат развитието на "
            "институцията и утвърждават националния й и международен престиж;",
            "Развива информационната и комуникационната среда на учебния процес и на научните изследвания;",
            "Представя Университета и неговите постижения пред обществото и съответни целеви групи у нас и в чужбина.",
        ],
    ),
    (
        "p",
        "В изпълнение на тези цели Ръководството е създало условия за стриктно спазване изискванията на "
        "Системата за осигуряване на качеството на обучението в ХТМУ и за активното съдействие на ръководния "
        "състав, академичния състав и изпълнителския персонал в нейното развитие.",
    ),
]

POLICY_EN = [
    ("p", "UNIVERSITY OF CHEMICAL TECHNOLOGY AND METALLURGY"),
    ("h2", "QUALITY POLICY"),
    (
        "p",
        "The Academic Management of UCTM officially declares its QUALITY POLICY, which is announced, understood, "
        "applied and maintained at all levels of the UNIVERSITY:",
    ),
    (
        "ul",
        [
            "In fulfilment of its educational function, UCTM offers as the main PRODUCT OF ITS ACTIVITY EDUCATION "
            "IN THE SPECIALTIES OF THE UNIVERSITY'S PROFILE AT ALL DEGREE LEVELS;",
            "As a research centre, the University carries out research whose results form a significant "
            "SCIENTIFIC PRODUCT. This product is applied in Bulgaria and abroad, and its customers are industry "
            "and research Organisations;",
            "The University management maintains high quality both of the main product offered and of its "
            "results – the KNOWLEDGE, SKILLS AND COMPETENCES of the graduates of the various educational courses "
            "and forms of study;",
            "The customers of UCTM are divided into internal ones – the STUDENTS and the TEACHING STAFF (as "
            "objects of certain processes in the institution) – and external ones – the Ministry of Education and "
            "Science, industry, research Organisations, education, the service sector, etc.;",
            "The STUDENT is the customer in whose name, and above all for whom, the Organisation carries out all "
            "its activity of assuring the quality of education;",
            "The Education Quality Assurance System (SOKO) of UCTM has been developed to maintain, manage and "
            "improve the quality of education in the University's specialties;",
            "UCTM is open to further widening the scope and to continually improving the work of SOKO, in step "
            "with the dynamics of quality objectives at national, European and global level.",
        ],
    ),
    (
        "p",
        "The policy of UCTM is steadily oriented towards achieving the quality objectives of the Organisation: "
        "the preparation of highly qualified specialists – engineers and technologists – meeting the needs and "
        "requirements of the fields in which they will work and European standards. It is subject to systematic "
        "updating and subsequent review of its adequacy.",
    ),
    ("p", "For the University this Policy means to:"),
    (
        "ul",
        [
            "Create adequate conditions for the educational and research activity of students and doctoral "
            "students – curricula and syllabi, educational technologies and practical training, systems for "
            "feedback and for monitoring students' achievements;",
            "Develop the academic staff and use its potential to improve the educational process;",
            "Develop the physical environment in line with the increased requirements of teaching and research;",
            "Study the needs of the customers (the needs of the labour market) and create conditions for meeting them;",
        ],
    ),
    (
        "p",
        "For the effective implementation of the QUALITY POLICY, the Academic Management proposes a framework "
        "for setting and reviewing quality objectives, and sets the main measurable quality objectives of the "
        "University:",
    ),
    (
        "ul",
        [
            "To maintain the traditions of the University and its standing as a prestigious, respected and modern "
            "educational centre;",
            "To develop its educational and research activities in step with the dynamic trends in engineering "
            "education and research practice, so as to achieve full integration into the European Higher "
            "Education Area;",
            "To maintain an Education Quality Assurance System that guarantees that activities and processes are "
            "carried out in the way established by the academic goals, and that provides systematic assessment "
            "of quality and measures for its improvement;",
            "To provide conditions for continually raising the professional level of the academic staff "
            "(research and teaching) and to maintain high qualification of the administrative and support staff;",
            "To maintain links with external Organisations (in Bulgaria and abroad) that support the development "
            "of the institution and strengthen its national and international prestige;",
            "To develop the information and communication environment of teaching and research;",
            "To present the University and its achievements to society and to relevant target groups in Bulgaria "
            "and abroad.",
        ],
    ),
    (
        "p",
        "In pursuit of these objectives, the Management has created conditions for strict compliance with the "
        "requirements of the Education Quality Assurance System of UCTM and for the active contribution of the "
        "managerial staff, the academic staff and the executive staff to its development.",
    ),
]

POLICY = {
    "code": POLICY_CODE,
    "title": "Quality policy",
    "type": Document.Type.QUALITY_POLICY,
    "level": Document.Level.POLICY,
    "is_public": True,
    "clauses": [("iso9001", "5.2"), ("iso9001", "5.2.1"), ("iso9001", "5.2.2"), ("esg2015", "1.1")],
    "bodies": {"bg": POLICY_BG, "en": POLICY_EN},
    "effective": POLICY_EFFECTIVE,
}

PROCEDURE_DEFAULTS = {
    "type": Document.Type.PROCEDURE,
    "level": Document.Level.PROCEDURES,
    "is_public": False,
    "effective": PROCEDURES_EFFECTIVE,
}

# Seed 001 §2 (normative references) lists the documented procedures as
# СЖҚ 04.ҚР 01 «Құжаттарды басқару», СЖҚ 04.ҚР 02 «Жазбаларды басқару», СЖҚ 08.ҚР 01 «Ішкі аудит»,
# СЖҚ 08.ҚР 02 «Сәйкес келмейтін өнімді басқару», СЖҚ 08.ҚР 03 «Түзету әрекеттері» and
# СЖҚ 08.ҚР 04 «Ескерту әрекеттері»; the codes keep their numbering as "DP 04.01" and so on.
PROCEDURES = [
    {
        "code": "DP 04.01",
        "title": "Control of documents",
        "clauses": [("iso9001", "7.5.3")],
        "body": [
            ("h2", "Purpose"),
            (
                "p",
                "To make sure that only current, approved versions of the documents of the quality management "
                "system are used at every workplace, by applying the same requirements to the preparation, "
                "agreement, checking, approval, distribution, revision, archiving and withdrawal of every type "
                "of document.",
            ),
            ("h2", "Scope"),
            (
                "p",
                "All documents of the quality management system at its five levels – the quality policy, the "
                "quality manual, documented procedures, regulations and job descriptions, and records – in all "
                "units of the University. The Quality Centre keeps the register of controlled documents; each "
                "document has an owner who prepares its revisions.",
            ),
            ("h2", "Steps"),
            (
                "ol",
                [
                    "The owner prepares a draft revision in the portal and summarises what changes and why.",
                    "The named reviewers check the draft and the rector approves it; a reviewer may send it back "
                    "to draft, saying what must change.",
                    "The Quality Centre publishes the approved revision with its effective date; the previous "
                    "revision is superseded and kept in the archive.",
                    "The staff of the units the document applies to confirm that they have read it.",
                    "Every document is reviewed at least once a year and revised when needed.",
                ],
            ),
        ],
    },
    {
        "code": "DP 04.02",
        "title": "Control of records",
        "clauses": [("iso9001", "7.5.3")],
        "body": [
            ("h2", "Purpose"),
            (
                "p",
                "To obtain objective evidence that the University's educational services conform to requirements "
                "and that the quality management system is effective, by controlling the identification, "
                "storage, protection, retrieval, retention and disposal of records.",
            ),
            ("h2", "Scope"),
            (
                "p",
                "Records of the educational process (examination records, student files, diploma supplements) "
                "and of the quality management system (audit reports, nonconformity reports, minutes of "
                "management review) in all units. The Quality Centre is responsible; in each unit the person "
                "authorised for quality keeps the unit's records.",
            ),
            ("h2", "Steps"),
            (
                "ol",
                [
                    "Each documented procedure names the records it produces and who keeps them.",
                    "Records are identified by the code of the document they follow, the unit and the date.",
                    "Records are stored protected against damage, loss and unauthorised change; electronic "
                    "records are backed up.",
                    "At the end of its retention period a record is archived or disposed of, and the disposal is "
                    "recorded.",
                ],
            ),
        ],
    },
    {
        "code": "DP 08.01",
        "title": "Internal audit",
        "clauses": [("iso9001", "9.2")],
        "body": [
            ("h2", "Purpose"),
            (
                "p",
                "To give the management reliable and timely information on the suitability, adequacy and "
                "effectiveness of the quality management system, and on how far activities and their results "
                "meet the requirements, the quality policy and the quality objectives.",
            ),
            ("h2", "Scope"),
            (
                "p",
                "All units that carry out educational activity and all processes of the quality management "
                "system. Audits are planned in the annual programme approved by the rector; unplanned audits are "
                "held on the management's instruction, on customers' requirements and before external "
                "accreditation.",
            ),
            ("h2", "Steps"),
            (
                "ol",
                [
                    "The Quality Centre prepares the annual audit programme; the rector approves it.",
                    "Qualified auditors, independent of the audited unit, plan the audit and carry it out with a "
                    "checklist.",
                    "Findings and nonconformities are recorded in the audit report.",
                    "The audited unit plans corrections and corrective actions; the auditors check that they "
                    "were carried out.",
                    "The results are reported to the management and used in management review.",
                ],
            ),
        ],
    },
    {
        "code": "DP 08.02",
        "title": "Control of nonconforming product",
        "clauses": [("iso9001", "8.7")],
        "body": [
            ("h2", "Purpose"),
            (
                "p",
                "To make sure that an educational service or its result that does not conform to requirements "
                "is identified and kept under control so that it is not used or delivered unintentionally – "
                "above all, so that no specialist graduates without meeting the requirements of the standards.",
            ),
            ("h2", "Scope"),
            (
                "p",
                "Education at all degree levels and its outputs: curricula, course materials, assessment results "
                "and documents issued to students. Nonconformities may be reported by staff, students and "
                "auditors.",
            ),
            ("h2", "Steps"),
            (
                "ol",
                [
                    "The nonconformity is identified and recorded.",
                    "The head of the unit analyses it and decides on the correction (for example a re-examination "
                    "or a change to a curriculum); the decision is recorded.",
                    "Where the cause must be removed, the corrective action procedure DP 08.03 is started.",
                ],
            ),
        ],
    },
    {
        "code": "DP 08.03",
        "title": "Corrective action",
        "clauses": [("iso9001", "10.2")],
        "body": [
            ("h2", "Purpose"),
            (
                "p",
                "To remove the causes of nonconformities that have been found, so that they do not recur.",
            ),
            ("h2", "Scope"),
            (
                "p",
                "Nonconformities found in internal and external audits, in the control of nonconforming product, "
                "in customers' complaints and in the analysis of data, in all units.",
            ),
            ("h2", "Steps"),
            (
                "ol",
                [
                    "The unit analyses the nonconformity and determines its cause.",
                    "A plan of corrective actions names each action, who is responsible and the deadline.",
                    "The actions are carried out and their progress is monitored.",
                    "The effectiveness of the actions is evaluated, the nonconformity is closed, and the results "
                    "are reported to management review.",
                ],
            ),
        ],
    },
    {
        "code": "DP 08.04",
        "title": "Preventive action",
        "clauses": [("iso9001", "6.1")],
        "body": [
            ("h2", "Purpose"),
            (
                "p",
                "To remove the causes of potential nonconformities, so that they do not occur.",
            ),
            ("h2", "Scope"),
            (
                "p",
                "All units. Potential nonconformities are found through the analysis of data: annual surveys of "
                "students, graduates and employers, audit results, the annual ranking of departments and the "
                "measurement of processes.",
            ),
            ("h2", "Steps"),
            (
                "ol",
                [
                    "The unit identifies a potential nonconformity and its possible causes.",
                    "A plan of preventive actions names each action, who is responsible and the deadline.",
                    "The actions are carried out, their effectiveness is evaluated and reported to management review.",
                ],
            ),
        ],
        # Revision 2, left in draft: ISO 9001:2015 replaced preventive action by risk-based thinking.
        "draft": {
            "change_summary": "Reworked as actions to address risks and opportunities: ISO 9001:2015 replaces "
            "preventive action by risk-based thinking (clause 6.1). Adds the yearly risk register of each unit.",
            "body": [
                ("h2", "Purpose"),
                (
                    "p",
                    "To determine the risks and opportunities that can affect the conformity of the University's "
                    "services and the achievement of the quality objectives, and to plan actions that address "
                    "them, so that potential nonconformities do not occur.",
                ),
                ("h2", "Scope"),
                (
                    "p",
                    "All units. Risks and opportunities are found through the analysis of data: annual surveys of "
                    "students, graduates and employers, audit results, the annual ranking of departments and the "
                    "measurement of processes.",
                ),
                ("h2", "Steps"),
                (
                    "ol",
                    [
                        "Each unit keeps a risk register and reviews it once a year.",
                        "For each significant risk or opportunity the unit plans an action, who is responsible "
                        "and the deadline.",
                        "The actions are carried out, their effectiveness is evaluated and reported to "
                        "management review.",
                    ],
                ),
            ],
        },
    },
]

# The policy's measurable objectives (seed 000), titles as in the seed. The indicators and figures
# are the demo's own.
OBJECTIVES = [
    {
        "title": "Поддържа Система за осигуряване на качеството на обучението, която да гарантира изпълнението "
        "на дейностите и процесите по начина, утвърден от академичните цели, и осигурява системно оценяване на "
        "качеството и мерки по подобряването му",
        "owner": "quality",
        "indicator": "Share of degree programmes with a valid programme accreditation",
        "unit_of_measure": "%",
        "baseline": Decimal("86.00"),
        "target": Decimal("100.00"),
        "deadline": datetime.date(2027, 12, 31),
    },
    {
        "title": "Развива образователните и научни дейности в синхрон с динамичните тенденции в инженерното "
        "обучение и изследователските практики, за да се постигне пълноценна интеграция в европейското "
        "пространство за висше образование",
        "owner": "rector",
        "indicator": "Outgoing Erasmus+ mobilities of students and staff per academic year",
        "unit_of_measure": "mobilities",
        "baseline": Decimal("48"),
        "target": Decimal("70"),
        "deadline": datetime.date(2027, 9, 30),
    },
    {
        "title": "Осигурява условия за непрекъснато повишаване на професионалното равнище на академичния състав "
        "/научно и преподавателско/ и поддържа висока квалификация на административния и обслужващ персонал",
        "owner": "rector",
        "indicator": "Share of academic staff who completed professional development during the year",
        "unit_of_measure": "%",
        "baseline": Decimal("32.00"),
        "target": Decimal("50.00"),
        "deadline": datetime.date(2027, 6, 30),
    },
    {
        "title": "Поддържа връзки с външни Организации (от България и чужбина), които подпомагат развитието на "
        "институцията и утвърждават националния й и международен престиж",
        "owner": "rector",
        "indicator": "Active cooperation agreements with companies, universities and research organisations",
        "unit_of_measure": "agreements",
        "baseline": Decimal("65"),
        "target": Decimal("80"),
        "deadline": datetime.date(2027, 12, 31),
    },
]


def render(blocks) -> str:
    """HTML of a list of blocks; the text is escaped, the services sanitise it again."""
    parts = []
    for tag, content in blocks:
        if tag in ("ul", "ol"):
            items = "".join(f"<li>{escape(item)}</li>" for item in content)
            parts.append(f"<{tag}>{items}</{tag}>")
        else:
            parts.append(f"<{tag}>{escape(content)}</{tag}>")
    return "\n".join(parts)


def _clauses(pairs):
    return [StandardClause.objects.get(framework=framework, code=code) for framework, code in pairs]


def _publish(document, people, bodies, effective_date, change_summary):
    """Revision 1 written by the author, reviewed, approved by the rector and published."""
    version = version_start_draft(document=document, by=people[AUTHOR], change_summary=change_summary)
    for language, blocks in bodies.items():
        version_save_body(version=version, language=language, html=render(blocks))
    version_submit(version=version, reviewers=[people[REVIEWER]], approver=people[APPROVER])
    review_decide(version=version, person=people[REVIEWER], decision="approved")
    review_decide(version=version, person=people[APPROVER], decision="approved")
    version = version_publish(version=version, by=people[PUBLISHER], effective_date=effective_date)
    # The demo describes revisions that came into force in the past: date the decisions before it.
    approved = timezone.make_aware(datetime.datetime.combine(effective_date - datetime.timedelta(days=7), TEN))
    for decision in version.decisions.all():
        decision.decided_at = approved - datetime.timedelta(days=7 if decision.role == "reviewer" else 0)
        decision.save(update_fields=["decided_at"])
    version.approved_at, version.published_at = approved, approved + datetime.timedelta(days=1)
    version.save(update_fields=["approved_at", "published_at"])
    return version


def _ensure_document(spec, *, people, owner_unit, all_units) -> bool:
    """Create and publish the document unless its code exists; True when it was created."""
    if Document.objects.filter(code=spec["code"]).exists():
        return False
    document = document_create(
        code=spec["code"],
        title=spec["title"],
        type=spec["type"],
        level=spec["level"],
        owner_unit=owner_unit,
        owner=people[AUTHOR],
        applies_to=all_units,
        clauses=_clauses(spec["clauses"]),
        is_public=spec["is_public"],
    )
    _publish(document, people, spec["bodies"], spec["effective"], change_summary="First issue.")
    draft = spec.get("draft")
    if draft:
        version = version_start_draft(document=document, by=people[AUTHOR], change_summary=draft["change_summary"])
        version_save_body(version=version, language="en", html=render(draft["body"]))
    return True


def _ensure_objectives(policy, people):
    for spec in OBJECTIVES:
        if QualityObjective.objects.filter(policy=policy, title=spec["title"]).exists():
            continue
        objective = QualityObjective(
            policy=policy,
            title=spec["title"],
            owner=people[spec["owner"]],
            indicator=spec["indicator"],
            unit_of_measure=spec["unit_of_measure"],
            baseline=spec["baseline"],
            target=spec["target"],
            deadline=spec["deadline"],
            status=QualityObjective.Status.IN_PROGRESS,
        )
        objective.full_clean()
        objective.save()


def load(stdout):
    people = {user.username: user for user in User.objects.filter(username__in=[AUTHOR, REVIEWER, APPROVER])}
    owner_unit = OrganisationalUnit.objects.get(short_name=QUALITY_UNIT)
    all_units = list(OrganisationalUnit.objects.all())
    procedures = [{**PROCEDURE_DEFAULTS, "bodies": {"en": p["body"]}, **p} for p in PROCEDURES]
    for spec in [POLICY, *procedures]:
        _ensure_document(spec, people=people, owner_unit=owner_unit, all_units=all_units)
    policy = Document.objects.get(code=POLICY_CODE)
    _ensure_objectives(policy, people)

    codes = [POLICY_CODE] + [spec["code"] for spec in PROCEDURES]
    documents = Document.objects.filter(code__in=codes).count()
    objectives = QualityObjective.objects.filter(policy=policy, title__in=[o["title"] for o in OBJECTIVES]).count()
    stdout.write(f"Policies demo: {documents} documents, {objectives} objectives.")
