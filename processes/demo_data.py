"""The demo process register, as pure data: the process cards of the quality manual of a Kazakh
university (seed 001_b1c56adef2b44932.txt, "Сапа бойынша нұсқау"), where every section from §4.2.3
on is written as a card, set in the demo organisation of `qms.demo`.

Each card keeps the seed's Kazakh text (condensed, with the name of the seed's university left out)
and gives a faithful English translation. Where the seed leaves a part of a card out (many sections
have no activity table, or no inputs and outputs), the content is the demo's own, kept sober and
consistent with the seed and ISO 9001; so are all KPIs and their figures.

How the seed maps onto the demo:
- The seed's management representative for quality (СБӨ), the head of its accreditation and
  strategic development department, is the Quality Centre (ЦК) and the account "quality"; its
  vice-rector for academic affairs is the account "owner"; deans are "head"; the rector "rector".
- Its documented procedures СЖҚ 04.ҚР 01/02 and СЖҚ 08.ҚР 01-04 are DP 04.01/04.02 and
  DP 08.01-08.04 of `policies.demo`, its quality policy is QP 01. Other documents the seed names
  (the quality manual itself, job descriptions, the strategic plan, СЖҚ 05.ҚР 01 on management
  review) have no demo document; activities that cite only those list no document.
- The seed follows ISO 9001:2008; clauses are given in the ISO 9001:2015 numbering of
  qms/data/standards.json ("iso9001"), with the ESG 2015 standards ("esg2015").
- Scope: the seed's "units that carry out educational activity" is the academic affairs office
  and the three faculties; "all units" is an empty scope (the whole university).
- Codes: MP management, CP core (the life cycle of the educational service), SP support. The
  sub-processes of §7.5 (programmes, educational work, employment, research, international work)
  have CP 05 as parent, as in the seed; the library and information resources are part of
  infrastructure (§6), so SP 03 has SP 02 as parent.
- A KPI's history lists its measured values, oldest first, the last one for the latest period.

PROCESSES: the cards; MATRIX: the functional matrix (seed 003 §1.6), process code -> unit short
name -> "responsible" | "participates" | "informed".
"""

PROCESSES = [
    # seed 001 §4.2.3 Құжаттарды басқару
    {
        "code": "MP 01",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Құжаттарды басқару", "en": "Control of documents"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Сапа менеджменті жүйесі (СМЖ) құжаттарының әрбір түрін дайындауға, келісуге, тексеруге, "
                "бекітуге, таратуға, жаңғыртуға, мұрағаттауға және жоюға қойылатын бірдей талаптар негізінде "
                "әрбір жұмыс орнында тек жаңғыртылған құжаттардың қолданылуын қамтамасыз ету."
            ),
            "en": (
                "To ensure that only up-to-date documents are used at every workplace, on the basis of the "
                "same requirements for the preparation, agreement, checking, approval, distribution, revision, "
                "archiving and disposal of every type of document of the quality management system (QMS)."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "7.5.1"), ("iso9001", "7.5.2"), ("iso9001", "7.5.3"), ("esg2015", "1.7")],
        "activities": [
            {
                "name": {
                    "kk": "Құжаттарды дайындау, келісу және тексеру",
                    "en": "Preparing, agreeing and checking documents",
                },
                "executors": {
                    "kk": "Құжат иелері; бөлімшелер басшылары; сапа бойынша басшылық өкілі (СБӨ)",
                    "en": "Document owners; heads of units; management representative for quality",
                },
                "units": ["ЦК", "УО"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Құжаттарды бекіту және тарату",
                    "en": "Approving and distributing documents",
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; СБӨ",
                    "en": "Rector; vice-rector for academic affairs; management representative for quality",
                },
                "units": ["ЦК"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Қызметкерлерді құжаттармен таныстыру (танысу парағына күнін көрсетіп қол қою)",
                    "en": "Familiarising staff with documents (signing the familiarisation sheet with the date)",
                },
                "executors": {
                    "kk": "Бөлімшелер басшылары; бөлімшелердегі сапа бойынша уәкілетті тұлғалар",
                    "en": "Heads of units; persons authorised for quality in the units",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Құжаттарды жаңғырту, мұрағаттау және жою",
                    "en": "Revising, archiving and withdrawing documents",
                },
                "executors": {
                    "kk": "Құжат иелері; СБӨ",
                    "en": "Document owners; management representative for quality",
                },
                "units": ["ЦК"],
                "documents": ["DP 04.01"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Ғылыми кеңестің СМЖ талдауы нәтижелері бойынша шешімдері",
                    "en": "Decisions of the Academic Council on the results of the QMS review",
                },
                "supplier": "MP 07",
            },
            {
                "name": {
                    "kk": "Түзету және ескерту әрекеттерінің жоспарлары",
                    "en": "Corrective and preventive action plans",
                },
                "supplier": "MP 13",
            },
            {
                "name": {
                    "kk": "Сыртқы нормативтік құжаттар (заңдар, мемлекеттік стандарттар, үлгілік қағидалар)",
                    "en": "External normative documents (laws, state standards, model rules)",
                },
                "supplier": None,
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Жұмыс орындарындағы бекітілген, жаңғыртылған құжаттар",
                    "en": "Approved, up-to-date documents at the workplaces",
                },
            },
            {
                "name": {
                    "kk": "Бақыланатын құжаттар тізілімі және өзгерістерді тіркеу парағы",
                    "en": "Register of controlled documents and change log",
                },
            },
            {"name": {"kk": "Құжаттармен танысу парақтары", "en": "Familiarisation sheets"}},
        ],
        "evaluation_criteria": {
            "kk": (
                "Құжатталған рет-жосықтың болуы. Жұмыс орындарында тек қолданыстағы құжаттардың болуы. "
                "Құжаттардың белгіленген мерзімде талдануы және жаңғыртылуы. Қызметкерлердің құжаттармен "
                "танысуы."
            ),
            "en": (
                "A documented procedure exists. Only current documents are in use at the workplaces. Documents "
                "are reviewed and revised within the set periods. Staff have read the documents that concern "
                "them."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Белгіленген мерзімде талданған құжаттардың үлесі",
                    "en": "Share of documents reviewed within the scheduled period",
                },
                "unit": "%",
                "direction": "higher",
                "target": "95",
                "at_risk": "85",
                "frequency": "quarterly",
                "history": ["84", "88", "91", "93", "96"],
            },
            {
                "name": {
                    "kk": "Жарияланғаннан кейін 10 күн ішінде құжатпен танысқан қызметкерлердің үлесі",
                    "en": "Share of staff who acknowledged a new document within 10 days of publication",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "80",
                "frequency": "monthly",
                "history": ["72", "78", "81", "84", "86", "83"],
            },
        ],
    },
    # seed 001 §4.2.3, the card that follows it: records control (СЖҚ 04.ҚР 02)
    {
        "code": "MP 02",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Жазбаларды басқару", "en": "Control of records"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "Өнім мен қызметтер туралы, сонымен қатар СМЖ-ның белгіленген талаптарға сәйкестігі мен оның "
                "нәтижелілігі туралы нақты дәлелдер алу."
            ),
            "en": (
                "To obtain objective evidence about products and services, and of the conformity of the QMS to "
                "the set requirements and of its effectiveness."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "7.5.3"), ("esg2015", "1.7")],
        "activities": [
            {
                "name": {
                    "kk": "Әр үдеріс бойынша қажетті жазбаларды анықтау",
                    "en": "Determining the records each process needs",
                },
                "executors": {
                    "kk": "СБӨ; үдерістер иелері",
                    "en": "Management representative for quality; process owners",
                },
                "units": ["ЦК"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Жазбаларды сәйкестендіру және тіркеу",
                    "en": "Identifying and registering records",
                },
                "executors": {
                    "kk": "Бөлімшелердегі сапа бойынша уәкілетті тұлғалар",
                    "en": "Persons authorised for quality in the units",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Жазбаларды сақтау, қорғау және қалпына келтіру",
                    "en": "Storing, protecting and retrieving records",
                },
                "executors": {
                    "kk": "Бөлімшелер басшылары; бөлімшелердегі сапа бойынша уәкілетті тұлғалар",
                    "en": "Heads of units; persons authorised for quality in the units",
                },
                "units": ["УО", "ЦК"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Сақтау мерзімі өткен жазбаларды мұрағаттау және жою",
                    "en": "Archiving and disposing of records whose retention period has expired",
                },
                "executors": {
                    "kk": "Бөлімшелер басшылары; СБӨ",
                    "en": "Heads of units; management representative for quality",
                },
                "units": ["ЦК"],
                "documents": ["DP 04.02"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Үдерістерді орындау барысында жасалған жазбалар мен деректер",
                    "en": "Records and data produced while the processes run",
                },
                "supplier": "MP 10",
            },
            {
                "name": {
                    "kk": "«Жазбаларды басқару» құжатталған рет-жосығы және істер номенклатурасы",
                    "en": "The documented procedure “Control of records” and the file nomenclature",
                },
                "supplier": "MP 01",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Сәйкестендірілген және қорғалған жазбалар",
                    "en": "Identified and protected records",
                },
            },
            {
                "name": {
                    "kk": "Деректер талдауы мен СМЖ талдауына арналған сапа туралы жазбалар",
                    "en": "Quality records for the analysis of data and the QMS review",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Құжатталған рет-жосықтың болуы. Жазбалардың оқылатын, сәйкестендірілетін және оңай табылатын "
                "болуы. Сақтау мерзімдерінің сақталуы."
            ),
            "en": (
                "A documented procedure exists. Records are legible, identifiable and easy to retrieve. "
                "Retention periods are observed."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Аудиттерде анықталған жазбаларға қатысты сәйкессіздіктер саны",
                    "en": "Nonconformities concerning records found in audits",
                },
                "unit": "findings",
                "direction": "lower",
                "target": "2",
                "at_risk": "4",
                "frequency": "semester",
                "history": ["7", "5", "4", "3"],
            },
        ],
    },
    # seed 001 §5.1 Басшылық міндеттемелері
    {
        "code": "MP 03",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Басшылық міндеттемелері", "en": "Management commitment"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "Басшылықтың СМЖ-ны дайындау, енгізу және оның нәтижелілігін жақсарту бойынша өз "
                "міндеттемелерін растауы."
            ),
            "en": (
                "Top management demonstrates its commitment to developing and implementing the QMS and to "
                "improving its effectiveness."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "5.1"), ("iso9001", "5.1.1"), ("iso9001", "5.1.2"), ("esg2015", "1.1")],
        "activities": [
            {
                "name": {
                    "kk": "Сапа саласындағы саясатты анықтау және жүзеге асыру",
                    "en": "Defining and implementing the quality policy",
                },
                "executors": {"kk": "Ректор", "en": "Rector"},
                "units": ["ЦК"],
                "documents": ["QP 01"],
            },
            {
                "name": {
                    "kk": ("Бөлімшелер мен СМЖ үдерістері үшін сапа саласындағы мақсаттарды белгілеу және оларға жету"),
                    "en": "Setting quality objectives for the units and the QMS processes and achieving them",
                },
                "executors": {
                    "kk": "Ректор; проректорлар; бөлімшелер басшылары",
                    "en": "Rector; vice-rectors; heads of units",
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["QP 01"],
            },
            {
                "name": {
                    "kk": "Үдерістер құрылымы мен университеттің ұйымдық құрылымын анықтау",
                    "en": ("Defining the structure of processes and the organisational structure of the university"),
                },
                "executors": {"kk": "Ректор; СБӨ", "en": "Rector; management representative for quality"},
                "units": ["ЦК", "ЧР"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Барлық қызметкерлерге тұтынушылардың белгіленген талаптарын, сондай-ақ заң және "
                        "құқықтық талаптарды орындаудың маңыздылығы туралы хабарлау"
                    ),
                    "en": (
                        "Communicating to all staff the importance of meeting customer requirements as well as "
                        "statutory and regulatory requirements"
                    ),
                },
                "executors": {
                    "kk": "Ректор; факультет декандары; сапа бойынша уәкілетті тұлғалар",
                    "en": "Rector; deans of faculties; persons authorised for quality",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Сапа менеджменті жүйесін жүйелі талдау және қажетті қорлармен қамтамасыз ету",
                    "en": ("Reviewing the quality management system regularly and providing the necessary resources"),
                },
                "executors": {"kk": "Ректор; ректорат", "en": "Rector; rectorate"},
                "units": ["ЦК"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Қоғам мен мүдделі тұлғаларды университет қызметінің нәтижелері, жетістіктері мен даму "
                        "жоспары туралы хабардар ету"
                    ),
                    "en": (
                        "Informing the public and interested parties about the results of the university's "
                        "work, its achievements and development plan"
                    ),
                },
                "executors": {"kk": "Ректор; СБӨ", "en": "Rector; management representative for quality"},
                "units": ["ЦК"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Стратегиялық даму жоспары", "en": "Strategic development plan"},
                "supplier": "MP 05",
            },
            {
                "name": {
                    "kk": "Мүдделі тараптардың талаптары",
                    "en": "Requirements of interested parties",
                },
                "supplier": "CP 02",
            },
            {
                "name": {
                    "kk": "Басшылық тарапынан жасалған талдау нәтижелері",
                    "en": "Results of the management review",
                },
                "supplier": "MP 07",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Үдерістер құрылымы және ұйымдық құрылым туралы шешімдер",
                    "en": "Decisions on the structure of processes and the organisational structure",
                },
            },
            {
                "name": {
                    "kk": "Үдерістерге бөлінген қорлар",
                    "en": "Resources allocated to the processes",
                },
            },
            {
                "name": {
                    "kk": "Мүдделі тараптарға арналған университет қызметінің нәтижелері туралы ақпарат",
                    "en": "Information for interested parties on the results of the university's work",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Сапа саласындағы саясат пен мақсаттардың болуы. Сапа саласындағы мақсаттарға қол жеткізу "
                "дәрежесі. СМЖ үдерістерінің қажетті қорлармен қамтамасыз етілуі. Басшылық тарапынан талдаудың "
                "жүйелі жүргізілуі."
            ),
            "en": (
                "A quality policy and quality objectives exist. The degree to which the quality objectives are "
                "achieved. The QMS processes have the resources they need. Management review is held "
                "regularly."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Ректорат жиыны, Ғылыми кеңес және факультет кеңесі отырыстары. Басшылық тапсырысымен "
                "өткізілетін әлеуметтік сауалдама нәтижелері. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Meetings of the rectorate, the Academic Council and the faculty councils. Results of social "
                "surveys commissioned by the management. Internal and external QMS audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Қол жеткізілген сапа саласындағы мақсаттардың үлесі",
                    "en": "Share of quality objectives achieved",
                },
                "unit": "%",
                "direction": "higher",
                "target": "85",
                "at_risk": "70",
                "frequency": "yearly",
                "history": ["62", "70", "75", "78"],
            },
        ],
    },
    # seed 001 §5.3 Сапа саласындағы саясат
    {
        "code": "MP 04",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Сапа саласындағы саясат", "en": "Quality policy"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "Әлемдік стандарттар деңгейінде жаңашыл ойлайтын мамандарды кәсіптік дайындауда жоғары "
                "нәтижені қамтамасыз ететін қызметтің негізгі бағыттары бойынша сапа менеджментінің көп қырлы "
                "жүйесін жетілдіру."
            ),
            "en": (
                "To improve the multi-faceted quality management system in the main areas of activity so as to "
                "secure high results in the professional training of innovatively thinking specialists at the "
                "level of world standards."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [
            ("iso9001", "5.2"),
            ("iso9001", "5.2.1"),
            ("iso9001", "5.2.2"),
            ("esg2015", "1.1"),
            ("esg2015", "1.8"),
        ],
        "activities": [
            {
                "name": {"kk": "Саясатты тұжырымдау", "en": "Formulating the policy"},
                "executors": {
                    "kk": "Ректор; Ғылыми кеңес мүшелері",
                    "en": "Rector; members of the Academic Council",
                },
                "units": ["ЦК"],
                "documents": ["QP 01", "DP 04.01"],
            },
            {
                "name": {"kk": "Саясатты бекіту", "en": "Approving the policy"},
                "executors": {"kk": "Ректор", "en": "Rector"},
                "units": ["ЦК"],
                "documents": ["QP 01", "DP 04.01"],
            },
            {
                "name": {
                    "kk": "Қызметкерлерді саясатпен таныстыру (университет сайтында жариялауды қоса)",
                    "en": ("Familiarising staff with the policy (including publication on the university website)"),
                },
                "executors": {
                    "kk": "СБӨ; факультет декандары",
                    "en": "Management representative for quality; deans of faculties",
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["QP 01", "DP 04.01"],
            },
            {
                "name": {
                    "kk": "Саясатты талдау және жаңғырту",
                    "en": "Reviewing and revising the policy",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; СБӨ",
                    "en": "Vice-rector for academic affairs; management representative for quality",
                },
                "units": ["ЦК", "УО"],
                "documents": ["QP 01"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Университеттің маңызды міндеті және стратегиялық даму жоспары",
                    "en": "The university's mission and strategic development plan",
                },
                "supplier": "MP 05",
            },
            {
                "name": {
                    "kk": (
                        "Мүдделі тараптардың қажеттіліктері, күткен нәтижелері және қанағаттанушылық дәрежесі "
                        "туралы деректер"
                    ),
                    "en": "Data on the needs, expectations and degree of satisfaction of interested parties",
                },
                "supplier": "MP 08",
            },
            {
                "name": {
                    "kk": "Саясатты жыл сайынғы талдау нәтижелері бойынша Ғылыми кеңестің шешімдері",
                    "en": "Decisions of the Academic Council on the yearly review of the policy",
                },
                "supplier": "MP 07",
            },
        ],
        "outputs": [
            {"name": {"kk": "Сапа саласындағы саясат", "en": "Quality policy"}},
            {
                "name": {
                    "kk": "Сапа саласындағы мақсаттарды қоюға арналған негіздеме",
                    "en": "Framework for setting quality objectives",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Университет мақсаттарына сәйкестік. Саясатты қызметкерлердің түсінуі. Сапа саласындағы "
                "мақсаттарды қоюға арналған негіздемелерді құру."
            ),
            "en": (
                "Consistency with the university's goals. Staff understanding of the policy. A framework for "
                "setting quality objectives is established."
            ),
        },
        "monitoring_methods": {
            "kk": "Ішкі және сыртқы аудиттер. Басшылық тарапынан жасалған талдау.",
            "en": "Internal and external audits. Management review.",
        },
        "kpis": [
            {
                "name": {
                    "kk": "Сапа саласындағы саясатпен танысқан қызметкерлердің үлесі",
                    "en": "Share of staff who have acknowledged the quality policy",
                },
                "unit": "%",
                "direction": "higher",
                "target": "95",
                "at_risk": "85",
                "frequency": "yearly",
                "history": ["81", "88", "93", "97"],
            },
            {
                "name": {
                    "kk": "Саясатты түсінетін қызметкерлердің үлесі (сауалдама бойынша)",
                    "en": "Share of staff who understand the policy (survey)",
                },
                "unit": "%",
                "direction": "higher",
                "target": "80",
                "at_risk": "70",
                "frequency": "yearly",
                "history": ["64", "69", "72", "68"],
            },
        ],
    },
    # seed 001 §5.4 Жоспарлау
    {
        "code": "MP 05",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Жоспарлау", "en": "Planning"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Ұйымның сәйкес деңгейлеріндегі сәйкес қызметтерге арналған, Саясатпен келісілген және "
                "өлшенетін сапа саласындағы мақсаттарды белгілеу, сонымен қатар СМЖ-ны құру мен дамытуды "
                "жоспарлау."
            ),
            "en": (
                "To set measurable quality objectives, consistent with the Policy, for the relevant functions "
                "at the relevant levels of the organisation, and to plan the establishment and development of "
                "the QMS."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "6.1"), ("iso9001", "6.2"), ("iso9001", "6.3"), ("esg2015", "1.1")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Стратегиялық жоспарлау: SWOT-талдау, маңызды міндетті, болжамдар мен стратегиялық "
                        "басымдықтарды дайындау"
                    ),
                    "en": (
                        "Strategic planning: SWOT analysis, drafting the mission, the outlook and the "
                        "strategic priorities"
                    ),
                },
                "executors": {
                    "kk": "Ректор; проректорлар; Ғылыми кеңес мүшелері",
                    "en": "Rector; vice-rectors; members of the Academic Council",
                },
                "units": ["ЦК"],
                "documents": ["QP 01"],
            },
            {
                "name": {
                    "kk": "Сапа саласындағы мақсаттарды белгілеу және оларды жылына бір рет жаңғырту",
                    "en": "Setting the quality objectives and revising them once a year",
                },
                "executors": {"kk": "Ректор; СБӨ", "en": "Rector; management representative for quality"},
                "units": ["ЦК"],
                "documents": ["QP 01"],
            },
            {
                "name": {
                    "kk": (
                        "Құрылымдық бөлімшелер мен факультеттердің (кафедралардың) жылдық жұмыс жоспарларын дайындау"
                    ),
                    "en": "Preparing the annual work plans of structural units and faculties (departments)",
                },
                "executors": {
                    "kk": "Құрылымдық бөлімшелер басшылары; факультет декандары; кафедра меңгерушілері",
                    "en": "Heads of structural units; deans of faculties; heads of departments",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Жыл бойынша СМЖ дамыту жоспарын дайындау және бекіту",
                    "en": "Preparing and approving the annual QMS development plan",
                },
                "executors": {"kk": "СБӨ; ректор", "en": "Management representative for quality; rector"},
                "units": ["ЦК"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Стратегиялық басымдықтар мен мақсаттарды әрбір қызметкерге жеткізу",
                    "en": "Communicating the strategic priorities and objectives to every employee",
                },
                "executors": {
                    "kk": "Сапа бойынша уәкілетті тұлғалар; бөлімшелер басшылары",
                    "en": "Persons authorised for quality; heads of units",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Сапа саласындағы саясат", "en": "Quality policy"},
                "supplier": "MP 04",
            },
            {
                "name": {
                    "kk": (
                        "Мүдделі тараптардың қажеттіліктері, күткен нәтижелері және қанағаттанушылық дәрежесі "
                        "туралы деректер"
                    ),
                    "en": "Data on the needs, expectations and degree of satisfaction of interested parties",
                },
                "supplier": "MP 08",
            },
            {
                "name": {
                    "kk": (
                        "Басшылық тарапынан жасалған СМЖ талдауының нәтижелері (өткен кезеңдегі мақсаттарға "
                        "қол жеткізу нәтижелерін қоса)"
                    ),
                    "en": (
                        "Results of the management review of the QMS (including how far the objectives of the "
                        "past period were achieved)"
                    ),
                },
                "supplier": "MP 07",
            },
            {
                "name": {
                    "kk": "Қызмет бағыттары бойынша жақсарту бағдарламалары",
                    "en": "Improvement programmes by area of activity",
                },
                "supplier": "MP 13",
            },
        ],
        "outputs": [
            {"name": {"kk": "Стратегиялық даму жоспары", "en": "Strategic development plan"}},
            {
                "name": {
                    "kk": "Құрылымдық бөлімшелердің жұмыс жоспарлары",
                    "en": "Work plans of the structural units",
                },
            },
            {
                "name": {
                    "kk": "Оқытушылардың жеке жұмыс жоспарлары",
                    "en": "Individual work plans of the teaching staff",
                },
            },
            {
                "name": {"kk": "Жыл бойынша СМЖ дамыту жоспары", "en": "Annual QMS development plan"},
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Қызмет түрлеріне сәйкес жоспарлардың болуы. Өлшенетін және Саясатпен келісілген мақсаттардың "
                "болуы. Жоспарды бағалау критерийлері: мақсат; қорлармен қамтамасыз ету; өзектілік; орындалу "
                "мерзімі. Жоспарлардың орындалмауы туралы деректер."
            ),
            "en": (
                "Plans exist for the relevant types of activity. Objectives are measurable and consistent with "
                "the Policy. Criteria for assessing a plan: objective; resources; relevance; deadline. Data on "
                "plans not fulfilled."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Жоспар сапасын бағалау: келісу және бекіту кезінде; нәтижелілігі бойынша. Үдеріске жауапты "
                "тұлғаның мониторингі мен талдауы. Ішкі және сыртқы аудиттер. Басшылық тарапынан жасалған "
                "талдау."
            ),
            "en": (
                "Assessment of the quality of plans: when they are agreed and approved; by their results. "
                "Monitoring and analysis by the person responsible for the process. Internal and external "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Мерзімінде орындалған стратегиялық жоспар іс-шараларының үлесі",
                    "en": "Share of strategic plan actions completed on time",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "80",
                "frequency": "yearly",
                "history": ["78", "83", "86", "88"],
            },
            {
                "name": {
                    "kk": "Мерзімінде бекітілген бөлімшелер жұмыс жоспарларының үлесі",
                    "en": "Share of unit work plans approved by the deadline",
                },
                "unit": "%",
                "direction": "higher",
                "target": "100",
                "at_risk": "90",
                "frequency": "yearly",
                "history": ["85", "92", "100", "100"],
            },
        ],
    },
    # seed 001 §5.5.1 Жауапкершілік пен өкілеттік; §5.5.3 Ішкі ақпарат алмасу
    {
        "code": "MP 06",
        "kind": "management",
        "parent": None,
        "name": {
            "kk": "Жауапкершілік, өкілеттік және ішкі ақпарат алмасу",
            "en": "Responsibility, authority and internal communication",
        },
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "Ұйымдық құрылымды, жауапкершілік матрицасын, бөлімше міндеттері мен қызметтерін, "
                "қызметкерлердің өкілеттігін, жауапкершілігі мен қызметтерін қалыптастыру; сапа мәселелері "
                "бойынша ұйымның ақпараттық ағынын ұйымдастыру және басқару."
            ),
            "en": (
                "To form the organisational structure, the responsibility matrix, the tasks and functions of "
                "the units and the authority, responsibility and functions of staff; to organise and manage "
                "the organisation's flow of information on quality matters."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "5.3"), ("iso9001", "7.4"), ("esg2015", "1.1")],
        "activities": [
            {
                "name": {
                    "kk": "Ұйымдық құрылымды қалыптастыру",
                    "en": "Forming the organisational structure",
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; Ғылыми кеңес мүшелері",
                    "en": "Rector; vice-rector for academic affairs; members of the Academic Council",
                },
                "units": ["ЧР", "ЦК"],
                "documents": [],
            },
            {
                "name": {"kk": "Жоспарлау матрицасын құру", "en": "Drawing up the planning matrix"},
                "executors": {"kk": "Ректор; СБӨ", "en": "Rector; management representative for quality"},
                "units": ["ЦК"],
                "documents": ["QP 01"],
            },
            {
                "name": {"kk": "Лауазымдық нұсқаулықтарды дайындау", "en": "Preparing job descriptions"},
                "executors": {
                    "kk": "Проректор; кадрлар бөлімінің бастығы",
                    "en": "Vice-rector; head of the human resources department",
                },
                "units": ["ЧР"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Өкілеттік пен жауапкершілікті бөлу бойынша құжаттарды талдау және жаңғырту",
                    "en": "Reviewing and updating the documents that assign authority and responsibility",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; бөлімшелер басшылары; аудиторлар",
                    "en": "Vice-rector for academic affairs; heads of units; auditors",
                },
                "units": ["УО", "ЦК"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Сапа мәселелері бойынша ақпаратты жинау, талдау және қызметкерлерге хабарлау",
                    "en": ("Collecting and analysing information on quality matters and communicating it to staff"),
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; СБӨ; бөлімшелер басшылары",
                    "en": ("Vice-rector for academic affairs; management representative for quality; heads of units"),
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": "Ақпараттық жүйенің техникалық жабдықталуы",
                    "en": "Technical equipment of the information system",
                },
                "executors": {
                    "kk": "IT технологиялар бойынша маман; тұтынушылар",
                    "en": "IT specialist; users",
                },
                "units": ["БИЦ"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Стратегиялық даму жоспары", "en": "Strategic development plan"},
                "supplier": "MP 05",
            },
            {
                "name": {"kk": "Сапа саласындағы саясат", "en": "Quality policy"},
                "supplier": "MP 04",
            },
            {
                "name": {
                    "kk": "Үдерістер құрылымы және ұйымдық құрылым туралы басшылық шешімдері",
                    "en": "Management decisions on the structure of processes and the organisational structure",
                },
                "supplier": "MP 03",
            },
        ],
        "outputs": [
            {"name": {"kk": "Ұйымдық құрылым", "en": "Organisational structure"}},
            {"name": {"kk": "Жоспарлау матрицасы", "en": "Planning matrix"}},
            {"name": {"kk": "Лауазымдық нұсқаулықтар", "en": "Job descriptions"}},
            {
                "name": {
                    "kk": ("Сапа мәселелері бойынша ішкі хабарламалар (бұйрықтар, отырыс шешімдері, сайттағы ақпарат)"),
                    "en": (
                        "Internal communications on quality matters (orders, meeting decisions, information on "
                        "the website)"
                    ),
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Ұйымдық құрылымның, жоспарлау матрицасының және лауазымдық нұсқаулықтардың болуы. Бұл "
                "құжаттардың Сапа саласындағы саясатқа сәйкестігі."
            ),
            "en": (
                "The organisational structure, the planning matrix and the job descriptions exist. These "
                "documents are consistent with the Quality Policy."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Жаңартылған лауазымдық нұсқаулықтардың үлесі",
                    "en": "Share of job descriptions that are up to date",
                },
                "unit": "%",
                "direction": "higher",
                "target": "95",
                "at_risk": "85",
                "frequency": "yearly",
                "history": ["76", "84", "90", "96"],
            },
        ],
    },
    # seed 001 §5.6 Басшылық тарапынан жасалған талдау
    {
        "code": "MP 07",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Басшылық тарапынан жасалған талдау", "en": "Management review"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "СМЖ-ның жарамдылығын, сәйкестігін, нәтижелілігі мен қызмет ету тиімділігін оны мерзімді "
                "талдау және жағдайын бағалау жолымен қамтамасыз ету."
            ),
            "en": (
                "To ensure the suitability, adequacy, effectiveness and efficiency of the QMS by reviewing it "
                "periodically and assessing its state."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [
            ("iso9001", "9.3"),
            ("iso9001", "9.3.1"),
            ("iso9001", "9.3.2"),
            ("iso9001", "9.3.3"),
            ("esg2015", "1.7"),
        ],
        "activities": [
            {
                "name": {
                    "kk": "СМЖ қызмет етуі туралы есепті дайындау",
                    "en": "Preparing the report on the functioning of the QMS",
                },
                "executors": {"kk": "СБӨ", "en": "Management representative for quality"},
                "units": ["ЦК"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "СМЖ сәйкестігін бағалау: саясат және сапа саласындағы мақсаттар, ішкі және сыртқы "
                        "тексерулер нәтижелері, университет үдерістері мен қызметінің мониторингі"
                    ),
                    "en": (
                        "Assessing the conformity of the QMS: the policy and quality objectives, the results "
                        "of internal and external audits, the monitoring of the university's processes and "
                        "activities"
                    ),
                },
                "executors": {
                    "kk": (
                        "Ректор; оқу жұмысы бойынша проректор; Ғылыми кеңес мүшелері; ректорат отырысының қатысушылары"
                    ),
                    "en": (
                        "Rector; vice-rector for academic affairs; members of the Academic Council; "
                        "participants of the rectorate meeting"
                    ),
                },
                "units": ["ЦК"],
                "documents": ["QP 01", "DP 08.01"],
            },
            {
                "name": {
                    "kk": "Тұтынушылардың қанағаттанушылығын талдау",
                    "en": "Analysing customer satisfaction",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; факультет декандары; бөлімшелер басшылары",
                    "en": "Vice-rector for academic affairs; deans of faculties; heads of units",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {"kk": "Жақсарту бойынша ұсыныстар", "en": "Proposals for improvement"},
                "executors": {
                    "kk": "Ректор; Ғылыми кеңес мүшелері; үдерістерге жауаптылар",
                    "en": "Rector; members of the Academic Council; those responsible for the processes",
                },
                "units": ["ЦК"],
                "documents": ["DP 08.03", "DP 08.04"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": (
                        "СМЖ қызмет етуі туралы есеп (өткен жылғы СМЖ даму жоспарының орындалу қорытындыларын қоса)"
                    ),
                    "en": (
                        "Report on the functioning of the QMS (including the results of last year's QMS "
                        "development plan)"
                    ),
                },
                "supplier": "MP 12",
            },
            {
                "name": {
                    "kk": "Тұтынушылардың қанағаттанушылығы туралы ақпарат талдауы",
                    "en": "Analysis of information on customer satisfaction",
                },
                "supplier": "MP 08",
            },
            {
                "name": {
                    "kk": "СМЖ сыртқы және ішкі тексерістерінің нәтижелері",
                    "en": "Results of external and internal QMS audits",
                },
                "supplier": "MP 09",
            },
            {
                "name": {
                    "kk": (
                        "Сәйкес келмейтін өнімді анықтау, талдау және жою нәтижелері, тұтынушылардың сапа "
                        "бойынша шағымдары"
                    ),
                    "en": (
                        "Results of identifying, analysing and eliminating nonconforming product; customers' "
                        "complaints about quality"
                    ),
                },
                "supplier": "MP 11",
            },
            {
                "name": {
                    "kk": (
                        "Қызметкерлерді оқыту жоспарларының орындалу қорытындылары және оқыту нәтижелілігінің бағасы"
                    ),
                    "en": "Results of the staff training plans and the evaluation of training effectiveness",
                },
                "supplier": "SP 01",
            },
        ],
        "outputs": [
            {
                "name": {"kk": "Ғылыми кеңес хаттамалары", "en": "Minutes of the Academic Council"},
            },
            {"name": {"kk": "СМЖ талдауы бойынша есеп", "en": "Report on the QMS review"}},
            {
                "name": {
                    "kk": (
                        "Жақсарту бойынша шешімдер мен ұсыныстар, СМЖ құжаттарына өзгерістер енгізу туралы шешімдер"
                    ),
                    "en": "Decisions and proposals for improvement, including decisions to change QMS documents",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Қызметтің сәйкес түрлері бойынша жоспарлардың болуы. Саясатпен келісілген өлшенетін "
                "мақсаттардың болуы. Жоспарды бағалау критерийлері: қорлармен қамтамасыз ету; орындау шегі "
                "бойынша жаңғырту мүмкіндігі; жоспарды жүзеге асыру бойынша әрекеттер; орындалу мерзімдері. "
                "Жоспарларды орындамау бойынша деректер."
            ),
            "en": (
                "Plans exist for the relevant types of activity. Measurable objectives consistent with the "
                "Policy exist. Criteria for assessing a plan: resources; the possibility of revising it as it "
                "is carried out; the actions to carry it out; deadlines. Data on plans not fulfilled."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Жоспарды бағалау: келісу және бекіту кезінде; нәтижелілігі бойынша; өзгерістер саны бойынша. "
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы тексерістері "
                "(аудиттер). Басшылық тарапынан жасалған талдау."
            ),
            "en": (
                "Assessment of the plan: when it is agreed and approved; by its results; by the number of "
                "changes. Monitoring and analysis by the person responsible for the process. Internal and "
                "external QMS checks (audits). Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Мерзімінде орындалған басшылық талдауы шешімдерінің үлесі",
                    "en": "Share of management review decisions implemented on time",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "75",
                "frequency": "yearly",
                "history": ["70", "79", "85", "88"],
            },
        ],
    },
    # seed 001 §8.2.1 Тұтынушылар қанағаттанушылығы
    {
        "code": "MP 08",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Тұтынушылар қанағаттанушылығы", "en": "Customer satisfaction"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Ұйым қызметіне және мамандарды дайындау сапасына тұтынушылардың (мүдделі тараптардың) "
                "қанағаттанушылығын талдау."
            ),
            "en": (
                "To analyse the satisfaction of customers (interested parties) with the organisation's work "
                "and with the quality of specialist training."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "9.1.2"), ("esg2015", "1.7")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Студенттердің, оқытушылардың, бітірушілердің және жұмыс беруші ұйымдар басшылығының "
                        "әлеуметтік сауалдамасын жүргізу"
                    ),
                    "en": (
                        "Conducting social surveys of students, teaching staff, graduates and the management "
                        "of employer organisations"
                    ),
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; факультет декандары; СБӨ",
                    "en": (
                        "Vice-rector for academic affairs; deans of faculties; management representative for quality"
                    ),
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Тұтынушылардың шағымдарын, тілектері мен ұсыныстарын жинау және талдау",
                    "en": "Collecting and analysing customers' complaints, wishes and suggestions",
                },
                "executors": {
                    "kk": "Бөлімшелер басшылары; оқу жұмысы бойынша проректор",
                    "en": "Heads of units; vice-rector for academic affairs",
                },
                "units": ["УО", "ЦК"],
                "documents": ["DP 08.02"],
            },
            {
                "name": {
                    "kk": (
                        "Тұтынушылардың қанағаттанушылығына қатысты сыртқы және ішкі ақпаратты жинау, талдау "
                        "және қолдану"
                    ),
                    "en": (
                        "Collecting, analysing and using external and internal information on customer satisfaction"
                    ),
                },
                "executors": {
                    "kk": (
                        "Ректор; Ғылыми кеңес мүшелері; оқу жұмысы, ғылыми жұмыс және халықаралық "
                        "ынтымақтастық, тәрбие жұмысы бойынша проректорлар; бөлімшелер басшылары"
                    ),
                    "en": (
                        "Rector; members of the Academic Council; vice-rectors for academic affairs, for "
                        "research and international cooperation and for educational work; heads of units"
                    ),
                },
                "units": ["ЦК"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Қанағаттанушылықты бағалау нәтижелерін Ғылыми кеңесте қарау",
                    "en": "Reviewing the results of the satisfaction assessment at the Academic Council",
                },
                "executors": {
                    "kk": "Ректор; Ғылыми кеңес мүшелері",
                    "en": "Rector; members of the Academic Council",
                },
                "units": ["ЦК"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Жұмыс берушілер мен бітірушілердің сауалнама нәтижелері",
                    "en": "Survey results of employers and graduates",
                },
                "supplier": "CP 08",
            },
            {
                "name": {
                    "kk": "Студенттер мен оқытушылардың сауалнамалары",
                    "en": "Questionnaires completed by students and teaching staff",
                },
                "supplier": None,
            },
            {
                "name": {
                    "kk": "Тұтынушылардың шағымдары, тілектері мен ұсыныстары",
                    "en": "Customers' complaints, wishes and suggestions",
                },
                "supplier": None,
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Тұтынушылардың қанағаттанушылығын талдау нәтижелері",
                    "en": "Results of the customer satisfaction analysis",
                },
            },
            {
                "name": {
                    "kk": "Қызметкерлердің жыл сайынғы әлеуметтік сауалдамасының нәтижелері",
                    "en": "Results of the annual staff survey",
                },
            },
            {"name": {"kk": "Жақсарту бойынша ұсыныстар", "en": "Proposals for improvement"}},
        ],
        "evaluation_criteria": {
            "kk": (
                "Сауалдамалардың жоспарға сәйкес өткізілуі және респонденттерді қамтуы. Қанағаттанушылық "
                "деңгейінің өзгеру серпіні. Шағымдарға уақтылы жауап беру."
            ),
            "en": (
                "Surveys are held as planned and reach enough respondents. The trend of the satisfaction "
                "level. Complaints are answered in time."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Деректер талдауы. Нәтижелерді Ғылыми кеңесте қарау. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Analysis of data. Review of the results at the Academic Council. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Студенттердің оқыту сапасына қанағаттанушылық индексі",
                    "en": "Student satisfaction index with the quality of teaching",
                },
                "unit": "%",
                "direction": "higher",
                "target": "80",
                "at_risk": "70",
                "frequency": "semester",
                "history": ["71", "73", "76", "74", "78", "81"],
            },
            {
                "name": {
                    "kk": "Жұмыс берушілердің бітірушілердің дайындығына қанағаттанушылығы",
                    "en": "Employer satisfaction with the preparation of graduates",
                },
                "unit": "%",
                "direction": "higher",
                "target": "85",
                "at_risk": "75",
                "frequency": "yearly",
                "history": ["77", "80", "79", "74"],
            },
        ],
    },
    # seed 001 §8.2.2 Ішкі аудит
    {
        "code": "MP 09",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Ішкі аудит", "en": "Internal audit"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "СМЖ-ның жарамдылығын, сәйкестігін, нәтижелілігі мен тиімділігін талдау, сонымен қатар "
                "басшылықты сапа жүйесіндегі қызметтің және оның нәтижелерінің белгіленген талаптарға "
                "сәйкестік дәрежесі туралы нақты және уақтылы ақпаратпен қамтамасыз ету."
            ),
            "en": (
                "To analyse the suitability, adequacy, effectiveness and efficiency of the QMS, and to provide "
                "the management with accurate and timely information on how far the activities in the quality "
                "system and their results conform to the set requirements."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "9.2"), ("esg2015", "1.1"), ("esg2015", "1.10")],
        "activities": [
            {
                "name": {
                    "kk": "Ішкі аудиттерді жоспарлау (ректор бекітетін бағдарлама)",
                    "en": "Planning internal audits (the programme approved by the rector)",
                },
                "executors": {"kk": "СБӨ; ректор", "en": "Management representative for quality; rector"},
                "units": ["ЦК"],
                "documents": ["DP 08.01"],
            },
            {
                "name": {"kk": "Аудит өткізу", "en": "Performing the audit"},
                "executors": {
                    "kk": "Аудиторлар; бөлімше басшылары; қызметкерлер",
                    "en": "Auditors; heads of units; staff",
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.01"],
            },
            {
                "name": {
                    "kk": "Нәтижелерді өңдеу мен талдау және есепті құру",
                    "en": "Processing and analysing the results and drawing up the report",
                },
                "executors": {"kk": "Аудиторлар", "en": "Auditors"},
                "units": ["ЦК"],
                "documents": ["DP 08.01"],
            },
            {
                "name": {
                    "kk": "Түзету және ескерту әрекеттерінің орындалуын тексеру",
                    "en": "Checking that the corrective and preventive actions have been carried out",
                },
                "executors": {"kk": "Аудиторлар; бөлімше басшылары", "en": "Auditors; heads of units"},
                "units": ["ЦК"],
                "documents": ["DP 08.03", "DP 08.04"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Жыл бойынша СМЖ дамыту жоспары негізіндегі аудиттер бағдарламасы",
                    "en": "Audit programme based on the annual QMS development plan",
                },
                "supplier": "MP 05",
            },
            {
                "name": {
                    "kk": "Басшылық нұсқауы немесе тұтынушылар талабы бойынша жоспардан тыс аудит туралы бұйрық",
                    "en": ("Order for an unplanned audit at the management's instruction or at customers' request"),
                },
                "supplier": "MP 07",
            },
            {
                "name": {
                    "kk": "Аудит критерийлері: ISO 9001 талаптары және СМЖ құжаттары",
                    "en": "Audit criteria: the requirements of ISO 9001 and the QMS documents",
                },
                "supplier": "MP 01",
            },
            {
                "name": {
                    "kk": "Аудит дәлелдері ретінде сапа туралы жазбалар",
                    "en": "Quality records as audit evidence",
                },
                "supplier": "MP 02",
            },
            {
                "name": {
                    "kk": "Алдыңғы аудиттер бойынша түзету және ескерту әрекеттерінің жоспарлары",
                    "en": "Corrective and preventive action plans from previous audits",
                },
                "supplier": "MP 13",
            },
        ],
        "outputs": [
            {"name": {"kk": "Аудит бойынша есеп", "en": "Audit report"}},
            {"name": {"kk": "Сәйкессіздік хаттамалары", "en": "Nonconformity reports"}},
            {
                "name": {
                    "kk": "Тексерілген бөлімшелердің түзету және ескерту әрекеттерінің жоспарлары",
                    "en": "Corrective and preventive action plans of the audited units",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Құжатталған рет-жосық. Білікті аудиторлардың болуы. Аудиттер бойынша құжаттар мен жазбалардың "
                "болуы. Қайталанатын сәйкессіздіктердің болуы."
            ),
            "en": (
                "A documented procedure. Qualified auditors are available. Audit documents and records exist. "
                "Whether nonconformities recur."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Аудиттер бағдарламасының орындалуы",
                    "en": "Completion of the audit programme",
                },
                "unit": "%",
                "direction": "higher",
                "target": "100",
                "at_risk": "90",
                "frequency": "semester",
                "history": ["80", "90", "95", "100", "100"],
            },
            {
                "name": {
                    "kk": "Қайталанатын сәйкессіздіктердің үлесі",
                    "en": "Share of recurring nonconformities",
                },
                "unit": "%",
                "direction": "lower",
                "target": "5",
                "at_risk": "10",
                "frequency": "yearly",
                "history": ["18", "14", "11", "12"],
            },
        ],
    },
    # seed 001 §8.2.3 Үдерістер мен өнімдер мониторингі және өлшеу
    {
        "code": "MP 10",
        "kind": "management",
        "parent": None,
        "name": {
            "kk": "Үдерістер мен өнімдер мониторингі және өлшеу",
            "en": "Monitoring and measurement of processes and product",
        },
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Үдерістердің жоспарланған нәтижелерге жету қабілетін көрсету, білім беру қызметі нәтижелеріне "
                "қатысты белгіленген талаптардың сақталуын тексеру."
            ),
            "en": (
                "To demonstrate the ability of the processes to achieve the planned results and to verify that "
                "the requirements set for the results of the educational service are met."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "9.1"), ("iso9001", "9.1.1"), ("iso9001", "8.6"), ("esg2015", "1.9")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Үдерістер мониторингі мен өлшеу: жоспарлау, мониторинг және өлшеу, жұмыстардың "
                        "орындалу сапасын бағалау, нәтижелер талдауы, түзету және ескерту әрекеттерін дайындау"
                    ),
                    "en": (
                        "Monitoring and measuring the processes: planning, monitoring and measuring, assessing "
                        "the quality of the work done, analysing the results, preparing corrective and "
                        "preventive actions"
                    ),
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; бөлімшелер басшылары; аудиторлар; қызметкерлер",
                    "en": "Vice-rector for academic affairs; heads of units; auditors; staff",
                },
                "units": ["ЦК", "УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Өнім мониторингі мен өлшеу: жоспарлау, аралық және қорытынды аттестаттау, нәтижелер "
                        "талдауы, түзету және ескерту әрекеттерін дайындау"
                    ),
                    "en": (
                        "Monitoring and measuring the product: planning, interim and final attestation, "
                        "analysing the results, preparing corrective and preventive actions"
                    ),
                },
                "executors": {
                    "kk": (
                        "Ректор; оқу жұмысы бойынша проректор; тәрбие жұмысы бойынша проректор; бөлімшелер "
                        "басшылары; ПОҚ; білім алушылар"
                    ),
                    "en": (
                        "Rector; vice-rector for academic affairs; vice-rector for educational work; heads of "
                        "units; teaching staff; students"
                    ),
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Кафедралар рейтингін жыл сайын анықтау",
                    "en": "Determining the annual rating of departments",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; факультет декандары; кафедра меңгерушілері",
                    "en": "Vice-rector for academic affairs; deans of faculties; heads of departments",
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": ("Жоспарланған нәтижелерге қол жетпеген жағдайда түзетулер мен түзету әрекеттерін қолдану"),
                    "en": ("Applying corrections and corrective actions when the planned results are not achieved"),
                },
                "executors": {"kk": "Үдерістер басшылары", "en": "Process leaders"},
                "units": ["ЦК"],
                "documents": ["DP 08.02", "DP 08.03"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Үдерістер мен өнімге қойылатын талаптар (білім беру бағдарламалары)",
                    "en": "Requirements for the processes and the product (educational programmes)",
                },
                "supplier": "CP 03",
            },
            {
                "name": {"kk": "Тексеру (аудит) жоспарлары", "en": "Audit plans"},
                "supplier": "MP 09",
            },
            {
                "name": {
                    "kk": "Білім беру үдерістерін орындау нәтижелері бойынша құжаттар",
                    "en": "Documents on the results of the educational processes",
                },
                "supplier": "CP 05",
            },
            {
                "name": {
                    "kk": "Аралық және қорытынды аттестаттау нәтижелері",
                    "en": "Results of interim and final attestation",
                },
                "supplier": "CP 06",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Тексеру (аудит) нәтижелері, жазбалар мен деректер",
                    "en": "Results of checks (audits), records and data",
                },
            },
            {
                "name": {
                    "kk": "Аттестаттау қорытындылары: емтихан ведомостері, дипломдар",
                    "en": "Attestation results: examination records, diplomas",
                },
            },
            {
                "name": {
                    "kk": ("Есептер, түзету және ескерту әрекеттерінің жоспарлары және олардың орындалу нәтижелері"),
                    "en": "Reports; corrective and preventive action plans and the results of carrying them out",
                },
            },
            {"name": {"kk": "Кафедралар рейтингі", "en": "Rating of departments"}},
        ],
        "evaluation_criteria": {
            "kk": (
                "Сәйкес білім беру бағдарламаларында, құжатталған рет-жосықтарда және ережелерде белгіленген "
                "критерийлер."
            ),
            "en": ("The criteria set in the relevant educational programmes, documented procedures and regulations."),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Көрсеткіштері мақсатты деңгейге жеткен үдерістердің үлесі",
                    "en": "Share of processes whose indicators are on target",
                },
                "unit": "%",
                "direction": "higher",
                "target": "80",
                "at_risk": "65",
                "frequency": "quarterly",
                "history": ["58", "63", "67", "70", "72"],
            },
        ],
    },
    # seed 001 §8.3 Сәйкес келмейтін өнімді басқару
    {
        "code": "MP 11",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Сәйкес келмейтін өнімді басқару", "en": "Control of nonconforming product"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "Талаптарға сәйкес келмейтін өнімді сәйкестендіруді қамтамасыз ету және оның мақсатсыз "
                "қолданылуын болдырмау."
            ),
            "en": (
                "To ensure that product which does not conform to requirements is identified, and to prevent "
                "its unintended use."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "8.7"), ("iso9001", "10.2"), ("esg2015", "1.4")],
        "activities": [
            {
                "name": {
                    "kk": "Сәйкес келмейтін өнімді анықтау, сәйкестендіру және есепке алу",
                    "en": "Detecting, identifying and registering nonconforming product",
                },
                "executors": {
                    "kk": (
                        "Ректор; оқу жұмысы бойынша проректор; бөлімше басшылары; аудиторлар; қызметкерлер; "
                        "білім алушылар"
                    ),
                    "en": "Rector; vice-rector for academic affairs; heads of units; auditors; staff; students",
                },
                "units": ["ЦК", "УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.02"],
            },
            {
                "name": {
                    "kk": (
                        "Сәйкес келмейтін өнім бойынша талдау және шешімдер қабылдау: себептер талдауы, шешім "
                        "қабылдау, түзету"
                    ),
                    "en": (
                        "Analysis of and decisions on nonconforming product: analysing causes, taking a "
                        "decision, correction"
                    ),
                },
                "executors": {
                    "kk": "Бөлімше басшылары; үдеріс басшысы",
                    "en": "Heads of units; process leader",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.02"],
            },
            {
                "name": {
                    "kk": (
                        "Пайда болу (ықтимал пайда болу) себептерін жою: түзету және ескерту әрекеттерін "
                        "дайындау, жүзеге асыру, орындалуын бақылау, нәтижелілігін бағалау"
                    ),
                    "en": (
                        "Eliminating the causes (or potential causes): preparing corrective and preventive "
                        "actions, carrying them out, checking their execution, evaluating their effectiveness"
                    ),
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; бөлімше басшылары; қызметкерлер; аудиторлар",
                    "en": "Rector; vice-rector for academic affairs; heads of units; staff; auditors",
                },
                "units": ["ЦК"],
                "documents": ["DP 08.03", "DP 08.04"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Аудит бойынша есеп және сәйкессіздік хаттамалары",
                    "en": "Audit report and nonconformity reports",
                },
                "supplier": "MP 09",
            },
            {
                "name": {
                    "kk": "Аттестаттау нәтижелері (ведомостер, сынақ кітапшалары)",
                    "en": "Attestation results (examination records, record books)",
                },
                "supplier": "MP 10",
            },
            {
                "name": {
                    "kk": "Қызметкерлер мен білім алушылардың сәйкессіздік туралы хабарламалары",
                    "en": "Nonconformities reported by staff and students",
                },
                "supplier": None,
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Сәйкес келмейтін өнім туралы жазбалар",
                    "en": "Records of nonconforming product",
                },
            },
            {
                "name": {
                    "kk": "Түзетілген өнім туралы құжаттар",
                    "en": "Documents on the corrected product",
                },
            },
            {
                "name": {
                    "kk": "Түзету әрекеттерін бастау туралы шешімдер",
                    "en": "Decisions to start corrective action",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Құжатталған рет-жосық. Қызметкерлердің сәйкес өкілеттігі мен жауапкершілігінің болуы. Сәйкес "
                "келмейтін өнімді сәйкестендіру."
            ),
            "en": (
                "A documented procedure. Staff have the appropriate authority and responsibility. "
                "Nonconforming product is identified."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Белгіленген мерзімде жабылған сәйкессіздіктердің үлесі",
                    "en": "Share of nonconformities closed by the deadline",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "80",
                "frequency": "quarterly",
                "history": ["74", "79", "83", "86", "91"],
            },
            {
                "name": {
                    "kk": "Сәйкессіздікті жабудың орташа ұзақтығы",
                    "en": "Average time to close a nonconformity",
                },
                "unit": "days",
                "direction": "lower",
                "target": "30",
                "at_risk": "45",
                "frequency": "quarterly",
                "history": ["52", "47", "41", "38"],
            },
        ],
    },
    # seed 001 §8.4 Деректер талдауы
    {
        "code": "MP 12",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Деректер талдауы", "en": "Analysis of data"},
        "leader": "rector",
        "owner": "quality",
        "purpose": {
            "kk": (
                "СМЖ-ның жарамдылығын растау және оның нәтижелілігін арттыру үшін деректерді анықтау, жинау "
                "және талдау."
            ),
            "en": (
                "To determine, collect and analyse data in order to demonstrate the suitability of the QMS and "
                "to increase its effectiveness."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "9.1.3"), ("esg2015", "1.7")],
        "activities": [
            {
                "name": {
                    "kk": "Жыл сайынғы әлеуметтік сауалдамалар мен сапа аудиттерінің деректерін жинақтау",
                    "en": "Compiling the data of the annual social surveys and quality audits",
                },
                "executors": {
                    "kk": "СБӨ; факультет декандары",
                    "en": "Management representative for quality; deans of faculties",
                },
                "units": ["ЦК"],
                "documents": ["DP 08.01"],
            },
            {
                "name": {
                    "kk": "СМЖ үдерістерін өлшеу нәтижелерін және кафедралар рейтингін жинақтау",
                    "en": "Compiling the measurements of the QMS processes and the rating of departments",
                },
                "executors": {
                    "kk": "СБӨ; үдерістер иелері",
                    "en": "Management representative for quality; process owners",
                },
                "units": ["ЦК", "УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Білім алушылардың білім деңгейін, ұлттық рейтингтегі ЖОО орнын және білім беру "
                        "қызметтерінің белгіленген талаптарға сәйкестігін талдау"
                    ),
                    "en": (
                        "Analysing the students' level of knowledge, the university's place in the national "
                        "ranking and the conformity of the educational services to the set requirements"
                    ),
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; СБӨ",
                    "en": "Vice-rector for academic affairs; management representative for quality",
                },
                "units": ["УО", "ЦК"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Талдау нәтижелерін жоғары басшылыққа талдау жазбалары мен есептер түрінде ұсыну",
                    "en": ("Submitting the results of the analysis to top management as analytical notes and reports"),
                },
                "executors": {"kk": "СБӨ", "en": "Management representative for quality"},
                "units": ["ЦК"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "СМЖ үдерістерін өлшеу нәтижелері және кафедралар рейтингі",
                    "en": "Measurements of the QMS processes and the rating of departments",
                },
                "supplier": "MP 10",
            },
            {
                "name": {"kk": "Ішкі аудиттер нәтижелері", "en": "Results of internal audits"},
                "supplier": "MP 09",
            },
            {
                "name": {"kk": "Жыл бойынша СМЖ дамыту жоспары", "en": "Annual QMS development plan"},
                "supplier": "MP 05",
            },
            {
                "name": {
                    "kk": "Бітірушілердің жұмысқа орналасуы туралы есептер",
                    "en": "Reports on graduates' employment",
                },
                "supplier": "CP 08",
            },
            {
                "name": {
                    "kk": "Тәрбие жұмысы жоспарының орындалуы туралы есептер",
                    "en": "Reports on the fulfilment of the educational work plan",
                },
                "supplier": "CP 07",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "СМЖ қызмет етуі туралы талдау жазбалары мен есептер",
                    "en": "Analytical notes and reports on the functioning of the QMS",
                },
            },
            {
                "name": {
                    "kk": "Ескерту әрекеттерін жүргізу мүмкіндіктері туралы деректер",
                    "en": "Data on opportunities for preventive action",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Деректердің толықтығы мен дұрыстығы. Есептердің мерзімінде ұсынылуы. Талдау нәтижелерінің "
                "шешім қабылдауда қолданылуы."
            ),
            "en": (
                "The data are complete and correct. Reports are submitted on time. The results of the analysis "
                "are used in decision-making."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Мерзімінде ұсынылған талдау есептерінің үлесі",
                    "en": "Share of analytical reports submitted on time",
                },
                "unit": "%",
                "direction": "higher",
                "target": "95",
                "at_risk": "85",
                "frequency": "semester",
                "history": ["80", "86", "90", "95"],
            },
        ],
    },
    # seed 001 §8.5 Жақсарту
    {
        "code": "MP 13",
        "kind": "management",
        "parent": None,
        "name": {"kk": "Жақсарту", "en": "Improvement"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": "Мүдделі тараптардың қанағаттанушылығын арттыру үшін СМЖ нәтижелілігін арттыру.",
            "en": (
                "To increase the effectiveness of the QMS so as to increase the satisfaction of interested parties."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "10.1"), ("iso9001", "10.2"), ("iso9001", "10.3"), ("esg2015", "1.1")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Сапа саласындағы саясат пен мақсаттарды, аудит нәтижелерін, деректер талдауы "
                        "нәтижелерін, түзету және ескерту әрекеттерінің орындалуын және басшылық тарапынан "
                        "жасалған талдау нәтижелерін қолдану арқылы СМЖ-ны тұрақты жақсарту"
                    ),
                    "en": (
                        "Continually improving the QMS by using the quality policy and objectives, audit "
                        "results, the results of the analysis of data, the execution of corrective and "
                        "preventive actions and the results of the management review"
                    ),
                },
                "executors": {
                    "kk": (
                        "Ректор; Ғылыми кеңес мүшелері; оқу жұмысы бойынша проректор; бөлімше басшылары; қызметкерлер"
                    ),
                    "en": (
                        "Rector; members of the Academic Council; vice-rector for academic affairs; heads of "
                        "units; staff"
                    ),
                },
                "units": ["ЦК", "УО"],
                "documents": ["QP 01"],
            },
            {
                "name": {"kk": "Түзету әрекеттері", "en": "Corrective actions"},
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; бөлімше басшылары",
                    "en": "Vice-rector for academic affairs; heads of units",
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.03"],
            },
            {
                "name": {"kk": "Ескерту әрекеттері", "en": "Preventive actions"},
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; бөлімше басшылары",
                    "en": "Vice-rector for academic affairs; heads of units",
                },
                "units": ["ЦК", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.04"],
            },
            {
                "name": {
                    "kk": "Инновациялық білім беру технологияларын енгізу",
                    "en": "Introducing innovative educational technologies",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; кафедра меңгерушілері; ПОҚ",
                    "en": "Vice-rector for academic affairs; heads of departments; teaching staff",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Қызметкерлердің тұрақты жақсарту жұмысына қатысуын мадақтау",
                    "en": "Encouraging staff to take part in continual improvement",
                },
                "executors": {"kk": "Ректор; бөлімшелер басшылары", "en": "Rector; heads of units"},
                "units": ["ЧР"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Жақсарту бойынша ұсыныстар", "en": "Proposals for improvement"},
                "supplier": "MP 07",
            },
            {
                "name": {"kk": "Сәйкессіздік хаттамалары", "en": "Nonconformity reports"},
                "supplier": "MP 11",
            },
            {"name": {"kk": "Аудит бойынша есеп", "en": "Audit report"}, "supplier": "MP 09"},
            {
                "name": {"kk": "Деректер талдауы нәтижелері", "en": "Results of the analysis of data"},
                "supplier": "MP 12",
            },
            {
                "name": {
                    "kk": "Тұтынушылардың ұсыныстары мен тілектері",
                    "en": "Customers' suggestions and wishes",
                },
                "supplier": "MP 08",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Түзету және ескерту әрекеттерінің жоспарлары",
                    "en": "Corrective and preventive action plans",
                },
            },
            {
                "name": {
                    "kk": "Қызмет бағыттары бойынша жақсарту бағдарламалары",
                    "en": "Improvement programmes by area of activity",
                },
            },
            {"name": {"kk": "Нәтижелілікті бағалау", "en": "Evaluation of effectiveness"}},
        ],
        "evaluation_criteria": {
            "kk": (
                "Құжатталған рет-жосық. Сапа бойынша саясат пен мақсаттарды орындау. Түзету және ескерту "
                "әрекеттерінің жоспарлары. Жазбалар мен деректер."
            ),
            "en": (
                "A documented procedure. The quality policy and objectives are fulfilled. Corrective and "
                "preventive action plans. Records and data."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Нәтижелі деп танылған түзету әрекеттерінің үлесі",
                    "en": "Share of corrective actions verified as effective",
                },
                "unit": "%",
                "direction": "higher",
                "target": "85",
                "at_risk": "75",
                "frequency": "quarterly",
                "history": ["68", "72", "77", "80", "84"],
            },
            {
                "name": {
                    "kk": "Мерзімінде орындалған түзету және ескерту әрекеттерінің үлесі",
                    "en": "Share of corrective and preventive actions completed on time",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "80",
                "frequency": "quarterly",
                "history": ["75", "82", "88", "92"],
            },
        ],
    },
    # seed 001 §7.1 Өнімнің өмірлік циклының үдерістерін жоспарлау
    {
        "code": "CP 01",
        "kind": "core",
        "parent": None,
        "name": {
            "kk": "Өнімнің өмірлік циклының үдерістерін жоспарлау",
            "en": "Planning of the life-cycle processes of the educational service",
        },
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": "Білім беру қызметі үдерістерін жоспарлау және дайындау.",
            "en": "To plan and prepare the processes of the educational service.",
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "8.1"), ("iso9001", "7.1.1"), ("esg2015", "1.3")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Білім беру қызметі үдерістерін жоспарлау: қажетті қорлармен қамтамасыз ету, қажетті "
                        "құжаттарды дайындау және бекіту, сапа бойынша қажетті жазбалар мен деректердің болуы"
                    ),
                    "en": (
                        "Planning the processes of the educational service: providing the necessary resources, "
                        "preparing and approving the necessary documents, keeping the necessary quality "
                        "records and data"
                    ),
                },
                "executors": {
                    "kk": (
                        "Ректор; оқу жұмысы, ғылыми жұмыс және халықаралық ынтымақтастық, тәрбие жұмысы "
                        "бойынша проректорлар; СБӨ; Ғылыми кеңес мүшелері; факультет декандары; кафедра "
                        "меңгерушілері; ПОҚ"
                    ),
                    "en": (
                        "Rector; vice-rectors for academic affairs, for research and international cooperation "
                        "and for educational work; management representative for quality; members of the "
                        "Academic Council; deans of faculties; heads of departments; teaching staff"
                    ),
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["QP 01", "DP 04.02"],
            },
            {
                "name": {
                    "kk": "Қамтамасыз ететін үдерістерді жоспарлау",
                    "en": "Planning the support processes",
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; факультет декандары; кафедра меңгерушілері",
                    "en": "Rector; vice-rector for academic affairs; deans of faculties; heads of departments",
                },
                "units": ["УО", "ЧР"],
                "documents": ["QP 01"],
            },
            {
                "name": {
                    "kk": "Штаттық кестені және ПОҚ оқу жүктемесін есептеу",
                    "en": "Calculating the staff establishment and the teaching load of the teaching staff",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; оқу бөлімі; кафедра меңгерушілері",
                    "en": "Vice-rector for academic affairs; academic affairs office; heads of departments",
                },
                "units": ["УО", "ЧР"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Студенттер контингенті", "en": "Student numbers (contingent)"},
                "supplier": "CP 04",
            },
            {
                "name": {"kk": "Тұтынушылар талаптары", "en": "Customer requirements"},
                "supplier": "CP 02",
            },
            {
                "name": {
                    "kk": "Стратегиялық даму жоспары және бөлімшелер жоспарлары",
                    "en": "Strategic development plan and unit plans",
                },
                "supplier": "MP 05",
            },
        ],
        "outputs": [
            {"name": {"kk": "Штаттық кесте", "en": "Staff establishment"}},
            {
                "name": {"kk": "ПОҚ бойынша оқу жүктемесі", "en": "Teaching load of the teaching staff"},
            },
            {
                "name": {"kk": "Кафедралардың жұмыс жоспарлары", "en": "Work plans of the departments"},
            },
            {
                "name": {"kk": "Жоспарланатын жазбалар мен деректер", "en": "Planned records and data"},
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Болуы тиіс: мақсаттар; оларды жүзеге асыру бойынша әрекеттер; қорлармен қамтамасыз ету; "
                "жауапты орындаушыларды тағайындау; жүзеге асыру мерзімдері және қойылған мерзімде нәтижелерге "
                "қол жеткізу; сапа бойынша жазбалар мен деректер."
            ),
            "en": (
                "There must be: objectives; actions to achieve them; resources; responsible executors "
                "appointed; deadlines, and results achieved by the set deadline; quality records and data."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Жоспар сапасын бағалау: келісу мен бекіту кезінде; нәтижелілігі бойынша. Үдеріске жауапты "
                "тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы тексерулері (аудиттер)."
            ),
            "en": (
                "Assessment of the quality of the plan: when it is agreed and approved; by its results. "
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "checks (audits)."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Семестр басталғанға дейін бекітілген кафедралар оқу жүктемесінің үлесі",
                    "en": "Share of departments whose teaching load is approved before the semester starts",
                },
                "unit": "%",
                "direction": "higher",
                "target": "100",
                "at_risk": "90",
                "frequency": "semester",
                "history": ["88", "94", "97", "100"],
            },
        ],
    },
    # seed 001 §7.2 Тұтынушылармен байланысты үдерістер (with §5.2 Тұтынушыға бағытталу)
    {
        "code": "CP 02",
        "kind": "core",
        "parent": None,
        "name": {"kk": "Тұтынушылармен байланысты үдерістер", "en": "Customer-related processes"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Білім беру қызметі мен оның нәтижелеріне қатысты талаптарды анықтау және талдау, сонымен "
                "қатар тұтынушылармен (мүдделі тараптармен) байланыс орнату."
            ),
            "en": (
                "To determine and analyse the requirements for the educational service and its results, and to "
                "establish communication with customers (interested parties)."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [
            ("iso9001", "4.2"),
            ("iso9001", "8.2"),
            ("iso9001", "8.2.1"),
            ("iso9001", "8.2.2"),
            ("iso9001", "8.2.3"),
            ("esg2015", "1.8"),
        ],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Мүдделі тараптарды анықтау және тұтынушылармен байланыс орнату (кәсіби бағдар беру, "
                        "ашық есік күндері)"
                    ),
                    "en": (
                        "Identifying interested parties and establishing communication with customers (career "
                        "guidance, open days)"
                    ),
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; факультет декандары",
                    "en": "Rector; vice-rector for academic affairs; deans of faculties",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Тұтынушылар (мүдделі тараптар) талаптарын анықтау",
                    "en": "Determining the requirements of customers (interested parties)",
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; факультет декандары",
                    "en": "Rector; vice-rector for academic affairs; deans of faculties",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {"kk": "Тұтынушылар талаптарын талдау", "en": "Analysing customer requirements"},
                "executors": {
                    "kk": "Кафедра меңгерушілері; ПОҚ",
                    "en": "Heads of departments; teaching staff",
                },
                "units": ["ОСГ", "НЕП", "АП", "ФМТА"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Тұтынушылар талаптарын ескере отырып білім беру бағдарламаларына өзгерістер енгізу",
                    "en": "Changing the educational programmes to take customer requirements into account",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; факультет декандары; кафедра меңгерушілері; ПОҚ",
                    "en": (
                        "Vice-rector for academic affairs; deans of faculties; heads of departments; teaching staff"
                    ),
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": (
                        "Өнім мен қызметтер туралы ақпаратты тұтынушыларға жеткізу: көрмелер, конференциялар, "
                        "университет сайтындағы ақпарат, жарнамалық басылымдар"
                    ),
                    "en": (
                        "Informing customers about products and services: exhibitions, conferences, "
                        "information on the university website, promotional publications"
                    ),
                },
                "executors": {
                    "kk": "Мамандарды даярлап шығарушы кафедралар; факультет декандары",
                    "en": "Graduating departments; deans of faculties",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
        ],
        "inputs": [
            {"name": {"kk": "Жұмыс жоспарлары", "en": "Work plans"}, "supplier": "MP 05"},
            {
                "name": {
                    "kk": "Мүдделі тараптардың талаптары мен қанағаттанушылығы туралы ақпарат",
                    "en": "Information on the requirements and satisfaction of interested parties",
                },
                "supplier": "MP 08",
            },
            {
                "name": {
                    "kk": "Жұмыс берушілердің бітірушілерге қойылатын талаптары мен тілектері",
                    "en": "Employers' requirements and wishes regarding graduates",
                },
                "supplier": "CP 08",
            },
            {
                "name": {
                    "kk": "Қамқоршылық кеңестің ұсыныстары",
                    "en": "Recommendations of the Board of Trustees",
                },
                "supplier": None,
            },
        ],
        "outputs": [
            {"name": {"kk": "Нарық талдауы бойынша есептер", "en": "Market analysis reports"}},
            {
                "name": {
                    "kk": "Құрылымдық бөлімшелердегі серіктес ұйымдар тізімдері",
                    "en": "Lists of partner organisations kept by the structural units",
                },
            },
            {
                "name": {
                    "kk": "Мүдделі тараптардың анықталған талаптары",
                    "en": "Identified requirements of interested parties",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Тұтынушылардың анықталған талаптары. Тұтынушымен өзара байланыс (тұтынушылар пікірлері, "
                "серіктестік қатынастардың ұзақтығы). Жазбалар."
            ),
            "en": (
                "Customer requirements are identified. Interaction with customers (customers' feedback, the "
                "duration of partnerships). Records."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Нарық талдауы. Тұтынушылар талаптарын талдау. Тұтынушылар қанағаттанушылығын бағалау. "
                "Болжамдарды іс жүзіндегі нәтижелермен салыстыру. Ішкі және сыртқы аудиттер."
            ),
            "en": (
                "Market analysis. Analysis of customer requirements. Assessment of customer satisfaction. "
                "Comparison of forecasts with what was achieved. Internal and external audits."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Жұмыс берушілермен белсенді ынтымақтастық келісімдерінің саны",
                    "en": "Active cooperation agreements with employers",
                },
                "unit": "agreements",
                "direction": "higher",
                "target": "60",
                "at_risk": "50",
                "frequency": "yearly",
                "history": ["42", "47", "53", "56"],
            },
        ],
    },
    # seed 001 §7.3 Білім беру қызметін жобалау және дайындау
    {
        "code": "CP 03",
        "kind": "core",
        "parent": None,
        "name": {
            "kk": "Білім беру бағдарламаларын жобалау және дайындау",
            "en": "Design and development of educational programmes",
        },
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Білім беру қызметі сапасын және студенттерді дайындаудың қажетті деңгейін қамтамасыз етуге "
                "қажетті үдерістерді жобалау және дайындау."
            ),
            "en": (
                "To design and develop the processes needed to ensure the quality of the educational service "
                "and the required level of student preparation."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [
            ("iso9001", "8.3"),
            ("iso9001", "8.3.2"),
            ("iso9001", "8.3.3"),
            ("iso9001", "8.3.4"),
            ("iso9001", "8.3.5"),
            ("iso9001", "8.3.6"),
            ("esg2015", "1.2"),
            ("esg2015", "1.9"),
        ],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Жобалау қажеттілігін анықтау: жаңа мамандықты ашу, білім беру стандарттары "
                        "талаптарының өзгеруі, білім беру бағдарламасын жақсарту бойынша ұсыныстар"
                    ),
                    "en": (
                        "Establishing the need for design: opening a new specialty, changes in the "
                        "requirements of education standards, proposals to improve an educational programme"
                    ),
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; факультет декандары; кафедра меңгерушілері",
                    "en": "Vice-rector for academic affairs; deans of faculties; heads of departments",
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Білім беру бағдарламаларын жобалау және дайындау",
                    "en": "Designing and developing the educational programmes",
                },
                "executors": {
                    "kk": (
                        "Мамандарды даярлап шығарушы кафедралар; кафедра меңгерушілері; ПОҚ; магистратура "
                        "бөлімінің басшысы"
                    ),
                    "en": (
                        "Graduating departments; heads of departments; teaching staff; head of the master's "
                        "programmes office"
                    ),
                },
                "units": ["ОСГ", "АП", "ФМТА"],
                "documents": [],
            },
            {
                "name": {
                    "kk": ("Қажетті құжаттарды дайындау және бекіту; білім беру бағдарламаларын ректордың бекітуі"),
                    "en": (
                        "Preparing and approving the necessary documents; approval of the educational "
                        "programmes by the rector"
                    ),
                },
                "executors": {
                    "kk": "Ректор; Ғылыми кеңес мүшелері; ректорат отырысы қатысушылары",
                    "en": "Rector; members of the Academic Council; participants of the rectorate meeting",
                },
                "units": ["УО", "ЦК"],
                "documents": ["QP 01", "DP 04.01"],
            },
            {
                "name": {
                    "kk": (
                        "Үдерістер мониторингі, олардың нәтижелерін бақылау және сапа бойынша қажетті жазбалар "
                        "мен деректер"
                    ),
                    "en": (
                        "Monitoring the processes, checking their results, keeping the necessary quality "
                        "records and data"
                    ),
                },
                "executors": {
                    "kk": "СБӨ; оқу жұмысы бойынша проректор; факультет декандары",
                    "en": (
                        "Management representative for quality; vice-rector for academic affairs; deans of faculties"
                    ),
                },
                "units": ["ЦК", "УО"],
                "documents": ["DP 04.02"],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Студенттер контингенті", "en": "Student numbers (contingent)"},
                "supplier": "CP 04",
            },
            {
                "name": {"kk": "Тұтынушылар талаптары", "en": "Customer requirements"},
                "supplier": "CP 02",
            },
            {
                "name": {
                    "kk": "Жұмыс берушілердің бітірушілерге қойылатын талаптары",
                    "en": "Employers' requirements regarding graduates",
                },
                "supplier": "CP 08",
            },
            {
                "name": {
                    "kk": "Білім беру бағдарламаларын жақсарту бойынша ұсыныстар",
                    "en": "Proposals to improve the educational programmes",
                },
                "supplier": "CP 06",
            },
            {
                "name": {
                    "kk": "Оқу үдерісіне енгізуге арналған ғылыми зерттеулер нәтижелері",
                    "en": "Research results to be brought into teaching",
                },
                "supplier": "CP 09",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Білім беру қызметін жүргізуге құқық беретін лицензия",
                    "en": "Licence entitling the university to carry out educational activity",
                },
            },
            {
                "name": {
                    "kk": (
                        "Білім беру бағдарламалары (оқу жоспарлары, жұмыс оқу жоспарлары, оқу-әдістемелік кешендер)"
                    ),
                    "en": "Educational programmes (curricula, working curricula, course materials)",
                },
            },
            {
                "name": {"kk": "Жоспарланатын жазбалар мен деректер", "en": "Planned records and data"},
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Болуы тиіс: мақсаттар; оларды жүзеге асыру бойынша әрекеттер; қорлармен қамтамасыз ету; "
                "жауапты орындаушыларды тағайындау; жүзеге асыру мерзімдері және қойылған мерзімде нәтижелерге "
                "қол жеткізу; сапа бойынша жазбалар мен деректер."
            ),
            "en": (
                "There must be: objectives; actions to achieve them; resources; responsible executors "
                "appointed; deadlines, and results achieved by the set deadline; quality records and data."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Сапаны бағалау: келісу және бекіту кезінде; нәтижелілігі бойынша. Үдеріске жауапты тұлғаның "
                "мониторингі мен талдауы. СМЖ ішкі және сыртқы тексерулері (аудиттер)."
            ),
            "en": (
                "Quality assessment: when agreed and approved; by results. Monitoring and analysis by the "
                "person responsible for the process. Internal and external QMS checks (audits)."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Жұмыс берушілердің қатысуымен жаңартылған білім беру бағдарламаларының үлесі",
                    "en": "Share of educational programmes updated with the participation of employers",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "75",
                "frequency": "yearly",
                "history": ["55", "68", "79", "91"],
            },
            {
                "name": {
                    "kk": "Бағдарламалық аккредиттеуден өткен білім беру бағдарламаларының үлесі",
                    "en": "Share of educational programmes with a valid programme accreditation",
                },
                "unit": "%",
                "direction": "higher",
                "target": "100",
                "at_risk": "90",
                "frequency": "yearly",
                "history": ["78", "82", "86", "91"],
            },
        ],
    },
    # seed 001 §7.4 Талапкерлерді қабылдау және білім алушыларды жинақтау
    {
        "code": "CP 04",
        "kind": "core",
        "parent": None,
        "name": {
            "kk": "Талапкерлерді қабылдау және білім алушыларды жинақтау",
            "en": "Admission of applicants and enrolment of students",
        },
        "leader": "rector",
        "owner": "committee",
        "purpose": {
            "kk": (
                "Оқуға түсетін талапкерлер туралы ақпараттың нақтылығы мен белгіленген талаптарға сәйкестігін "
                "қамтамасыз ету."
            ),
            "en": ("To ensure that the information on applicants is accurate and conforms to the set requirements."),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "8.2.3"), ("iso9001", "8.5.2"), ("esg2015", "1.4")],
        "activities": [
            {
                "name": {
                    "kk": "Оқуға қабылданатындарға қойылатын талаптарды анықтау",
                    "en": "Determining the requirements for those admitted",
                },
                "executors": {
                    "kk": (
                        "Ректор; оқу жұмысы бойынша проректор; магистратура бөлімінің бастығы; бөлімшелер басшылары"
                    ),
                    "en": (
                        "Rector; vice-rector for academic affairs; head of the master's programmes office; "
                        "heads of units"
                    ),
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Оқуға қабылданатындарды бағалау, таңдау және рәсімдеу (қабылдау, пәндік емтихан және "
                        "шағым комиссиялары)"
                    ),
                    "en": (
                        "Assessing, selecting and registering those admitted (admissions, subject examination "
                        "and appeals committees)"
                    ),
                },
                "executors": {
                    "kk": "Қабылдау комиссиясының төрағасы; қабылдау комиссиясының мүшелері; жауапты хатшы",
                    "en": (
                        "Chair of the admissions committee; members of the admissions committee; executive secretary"
                    ),
                },
                "units": ["УО"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Сәйкес келмейтін өнімді басқару",
                    "en": "Control of nonconforming product",
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; бөлімше басшылары",
                    "en": "Rector; vice-rector for academic affairs; heads of units",
                },
                "units": ["УО", "ЦК"],
                "documents": ["DP 08.02"],
            },
            {
                "name": {
                    "kk": (
                        "Білім алушылардың құжаттарын рәсімдеу (жеке істер, сынақ кітапшалары, студенттік билеттер)"
                    ),
                    "en": "Preparing the students' documents (personal files, record books, student cards)",
                },
                "executors": {"kk": "Оқу бөлімі", "en": "Academic affairs office"},
                "units": ["УО"],
                "documents": ["DP 04.02"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Оқуға түсушілер: өтініштер мен құжаттар",
                    "en": "Applicants: applications and documents",
                },
                "supplier": None,
            },
            {
                "name": {
                    "kk": "Кәсіби бағдар беру және ашық есік күндерінің нәтижелері",
                    "en": "Results of career guidance and open days",
                },
                "supplier": "CP 02",
            },
            {
                "name": {
                    "kk": "Білім беру бағдарламалары және қабылдау орындары",
                    "en": "Educational programmes and the places offered",
                },
                "supplier": "CP 03",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Оқуға қабылданғандар (қабылдау туралы бұйрықтар, оқуға келісімшарттар)",
                    "en": "Admitted students (enrolment orders, study contracts)",
                },
            },
            {
                "name": {
                    "kk": "Қабылдау бойынша жазбалар мен деректер: қабылдау комиссиясының есебі, жеке істер",
                    "en": "Admission records and data: the admissions committee's report, personal files",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": "Білім беру стандарттарының талаптары. Сәйкес құжаттарды жүргізу.",
            "en": "The requirements of the education standards. The relevant documents are kept.",
        },
        "monitoring_methods": {
            "kk": ("Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы тексерулері (аудиттер)."),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "checks (audits)."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Қабылдау жоспарының орындалуы",
                    "en": "Fulfilment of the admission plan",
                },
                "unit": "%",
                "direction": "higher",
                "target": "95",
                "at_risk": "85",
                "frequency": "yearly",
                "history": ["88", "91", "97", "93"],
            },
            {
                "name": {
                    "kk": "Құжаттарындағы қателерге байланысты қайтарылған өтініштердің үлесі",
                    "en": "Share of applications returned because of errors in the documents",
                },
                "unit": "%",
                "direction": "lower",
                "target": "5",
                "at_risk": "10",
                "frequency": "yearly",
                "history": ["14", "11", "7", "4"],
            },
        ],
    },
    # seed 001 §7.5 Білім беру қызметтерін ұсыну
    {
        "code": "CP 05",
        "kind": "core",
        "parent": None,
        "name": {"kk": "Білім беру қызметтерін ұсыну", "en": "Provision of educational services"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": "Басқарылатын жағдайларда білім беру қызметін жүзеге асыру.",
            "en": "To carry out the educational activity under controlled conditions.",
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "8.5"), ("iso9001", "8.5.1"), ("iso9001", "8.5.2"), ("esg2015", "1.3")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Білім беру үдерістерін басқару: жоспарлар, бағдарламалар, сабақ кестелері; "
                        "құжаттармен, қызметкерлермен, жабдықтармен және материалдармен қамтамасыз ету; "
                        "үдерістер мен білім алушылар үлгерімінің мониторингі"
                    ),
                    "en": (
                        "Managing the educational processes: plans, programmes, timetables; providing "
                        "documents, staff, equipment and materials; monitoring the processes and the students' "
                        "progress"
                    ),
                },
                "executors": {
                    "kk": (
                        "Ректор; бағыттар бойынша проректорлар; магистратура бөлімінің бастығы; факультет "
                        "декандары; кафедра меңгерушілері; ПОҚ; білім алушылар"
                    ),
                    "en": (
                        "Rector; vice-rectors for their areas; head of the master's programmes office; deans "
                        "of faculties; heads of departments; teaching staff; students"
                    ),
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Білім беру үдерістерін бекіту",
                    "en": "Approving the educational processes",
                },
                "executors": {"kk": "Оқу жұмысы бойынша проректор", "en": "Vice-rector for academic affairs"},
                "units": ["УО"],
                "documents": ["DP 04.01"],
            },
            {
                "name": {
                    "kk": (
                        "Сәйкестендіру және тексеру (сынақ кітапшасы, студенттік билет, журналдар, ведомостер, "
                        "қызметкерлер бойынша жазбалар)"
                    ),
                    "en": (
                        "Identification and verification (record books, student cards, registers, examination "
                        "records, staff records)"
                    ),
                },
                "executors": {
                    "kk": (
                        "Оқу жұмысы бойынша проректор; декандар; кафедра меңгерушілері; бөлімше басшылары; "
                        "кадрлар бөлімі"
                    ),
                    "en": (
                        "Vice-rector for academic affairs; deans; heads of departments; heads of units; human "
                        "resources department"
                    ),
                },
                "units": ["УО", "ЧР"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Білім алушылар мен қызметкерлердің қауіпсіздігін қамтамасыз ету",
                    "en": "Ensuring the safety of students and staff",
                },
                "executors": {
                    "kk": "Бағыттар бойынша проректорлар; бөлімше басшылары; қызметкерлер мен білім алушылар",
                    "en": "Vice-rectors for their areas; heads of units; staff and students",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Оқуға келісімшарт, студенттік билет, сынақ кітапшасы",
                    "en": "Study contract, student card, record book",
                },
                "supplier": "CP 04",
            },
            {
                "name": {
                    "kk": "Оқу жүктемесі, жоспарлар және сабақ кестелері",
                    "en": "Teaching load, plans and timetables",
                },
                "supplier": "CP 01",
            },
            {
                "name": {"kk": "Білім беру бағдарламалары", "en": "Educational programmes"},
                "supplier": "CP 03",
            },
            {
                "name": {
                    "kk": "Жұмыс жағдайындағы аудиториялар, зертханалар және жабдықтар",
                    "en": "Classrooms, laboratories and equipment in working order",
                },
                "supplier": "SP 02",
            },
            {
                "name": {
                    "kk": "Кітапхана қоры және ақпараттық қорлар",
                    "en": "Library stock and information resources",
                },
                "supplier": "SP 03",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Үдерістерді орындау нәтижелері бойынша құжаттар",
                    "en": "Documents on the results of the processes",
                },
            },
            {"name": {"kk": "Бітірушілер", "en": "Graduates"}},
        ],
        "evaluation_criteria": {
            "kk": (
                "Білім беру стандарттарының талаптары. Сәйкес құжаттарды жүргізу. Келісімшарт міндеттерін "
                "орындау немесе орындамау."
            ),
            "en": (
                "The requirements of the education standards. The relevant documents are kept. Contractual "
                "obligations are or are not fulfilled."
            ),
        },
        "monitoring_methods": {
            "kk": ("Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы тексерулері (аудиттер)."),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "checks (audits)."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Академиялық қарызы жоқ білім алушылардың үлесі",
                    "en": "Share of students with no academic debts",
                },
                "unit": "%",
                "direction": "higher",
                "target": "85",
                "at_risk": "75",
                "frequency": "semester",
                "history": ["79", "81", "84", "83", "86"],
            },
        ],
    },
    # seed 001 §7.5.1 Білім беру бағдарламаларын жүзеге асыру
    {
        "code": "CP 06",
        "kind": "core",
        "parent": "CP 05",
        "name": {
            "kk": "Білім беру бағдарламаларын жүзеге асыру",
            "en": "Implementation of educational programmes",
        },
        "leader": "owner",
        "owner": "head",
        "purpose": {
            "kk": (
                "Білім беру стандарттары мен мүдделі тараптар талаптарына сәйкес білім алушылар мен "
                "бітірушілерді дайындаудың тұрақты сапасын қамтамасыз ету, сонымен қатар инновациялар "
                "негізінде дайындау сапасын үздіксіз арттыру."
            ),
            "en": (
                "To ensure a consistent quality of the preparation of students and graduates in line with the "
                "education standards and the requirements of interested parties, and to raise the quality of "
                "preparation continually through innovation."
            ),
        },
        "scope": ["ФХТ", "ФХСИ", "ФММ"],
        "clauses": [
            ("iso9001", "8.5.1"),
            ("iso9001", "8.6"),
            ("esg2015", "1.3"),
            ("esg2015", "1.4"),
            ("esg2015", "1.9"),
        ],
        "activities": [
            {
                "name": {"kk": "Оқу үдерісін дайындау", "en": "Preparing the teaching process"},
                "executors": {
                    "kk": "Кафедра меңгерушілері; ПОҚ; оқу бөлімі",
                    "en": "Heads of departments; teaching staff; academic affairs office",
                },
                "units": ["УО", "ОСГ", "АП", "ФМТА"],
                "documents": [],
            },
            {
                "name": {"kk": "Оқу үдерісін жүзеге асыру", "en": "Carrying out the teaching process"},
                "executors": {
                    "kk": "ПОҚ; кафедра меңгерушілері; факультет декандары",
                    "en": "Teaching staff; heads of departments; deans of faculties",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Білім алушылардың үлгерімін бақылау: ағымдағы, аралық және қорытынды бақылау, курстық "
                        "жұмыстарды және практика есептерін қорғау, мемлекеттік емтихан, бітіру жұмысын қорғау"
                    ),
                    "en": (
                        "Checking students' progress: current, interim and final assessment, defence of course "
                        "projects and practical training reports, the state examination, defence of the final "
                        "thesis"
                    ),
                },
                "executors": {
                    "kk": "ПОҚ; кафедра меңгерушілері; факультет декандары; оқу бөлімі",
                    "en": "Teaching staff; heads of departments; deans of faculties; academic affairs office",
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {"kk": "Оқу үдерісін жақсарту", "en": "Improving the teaching process"},
                "executors": {
                    "kk": "Кафедра меңгерушілері; ПОҚ; оқу жұмысы бойынша проректор",
                    "en": "Heads of departments; teaching staff; vice-rector for academic affairs",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.03"],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Білім беру бағдарламалары", "en": "Educational programmes"},
                "supplier": "CP 03",
            },
            {
                "name": {
                    "kk": "Оқу жүктемесі және кафедралардың жұмыс жоспарлары",
                    "en": "Teaching load and the departments' work plans",
                },
                "supplier": "CP 01",
            },
            {
                "name": {"kk": "Оқуға қабылданған білім алушылар", "en": "Enrolled students"},
                "supplier": "CP 04",
            },
            {
                "name": {
                    "kk": "Біліктілігі сәйкес профессорлық-оқытушылар құрамы",
                    "en": "Teaching staff of appropriate competence",
                },
                "supplier": "SP 01",
            },
            {
                "name": {
                    "kk": "Бақылау-өлшеу материалдары: емтихан билеттері, тест тапсырмалары",
                    "en": "Assessment materials: examination papers, tests",
                },
                "supplier": "SP 04",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Диплом және дипломға қосымша алған бітірушілер",
                    "en": "Graduates with a diploma and diploma supplement",
                },
            },
            {
                "name": {
                    "kk": "Аралық және қорытынды аттестаттау нәтижелері: емтихан ведомостері, сынақ кітапшалары",
                    "en": "Results of interim and final attestation: examination records, record books",
                },
            },
            {
                "name": {
                    "kk": "Білім беру бағдарламаларын жақсарту бойынша ұсыныстар",
                    "en": "Proposals to improve the educational programmes",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Білім беру стандарттары мен мүдделі тараптар талаптарына сәйкестік. Білім алушылардың "
                "үлгерімі мен оқуды жалғастыруы. Сәйкес құжаттарды жүргізу."
            ),
            "en": (
                "Conformity with the education standards and the requirements of interested parties. Students' "
                "progress and retention. The relevant documents are kept."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Ағымдағы, аралық және қорытынды бақылау; декан бақылауы. Үдеріске жауапты тұлғаның "
                "мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері."
            ),
            "en": (
                "Current, interim and final assessment; the dean's checks. Monitoring and analysis by the "
                "person responsible for the process. Internal and external QMS audits."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Емтихан сессиясын бірінші рет тапсырған білім алушылардың үлесі",
                    "en": "Share of students passing the examination session at the first attempt",
                },
                "unit": "%",
                "direction": "higher",
                "target": "80",
                "at_risk": "70",
                "frequency": "semester",
                "history": ["72", "75", "74", "77", "79", "76"],
            },
            {
                "name": {
                    "kk": "Бірінші курстан екінші курсқа ауысқан студенттердің үлесі",
                    "en": "Share of first-year students who progress to the second year",
                },
                "unit": "%",
                "direction": "higher",
                "target": "85",
                "at_risk": "78",
                "frequency": "yearly",
                "history": ["80", "83", "86", "88"],
            },
        ],
    },
    # seed 001 §7.5.2 Тәрбие және оқудан тыс жұмыс
    {
        "code": "CP 07",
        "kind": "core",
        "parent": "CP 05",
        "name": {"kk": "Тәрбие және оқудан тыс жұмыс", "en": "Educational and extracurricular work"},
        "leader": "rector",
        "owner": "head",
        "purpose": {
            "kk": (
                "Әлеуметтік маңызды сапаларды, қондырғыларды, құндылық бағыттарын қалыптастыру және тұлғаның "
                "жан-жақты (рухани, зияткерлік, тұлғалық, мәдени және т.б.) дамуы, өзіндік жетілуі, "
                "шығармашылық қалыптасуына қолайлы жағдайлар жасау."
            ),
            "en": (
                "To form socially important qualities, attitudes and value orientations, and to create "
                "favourable conditions for the all-round (spiritual, intellectual, personal, cultural, etc.) "
                "development, self-improvement and creative growth of the individual."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "7.1.4"), ("iso9001", "8.5.1"), ("esg2015", "1.6")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Университеттің тәрбие жұмысы жоспарын және студенттік ректорат жұмысының жоспарын дайындау"
                    ),
                    "en": (
                        "Drawing up the university's educational work plan and the work plan of the student rectorate"
                    ),
                },
                "executors": {
                    "kk": "Тәрбие жұмысы бойынша проректор; студенттік деканат",
                    "en": "Vice-rector for educational work; student dean's office",
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Рухани-адамгершілік, азаматтық-патриоттық және құқықтық, кәсіптік-еңбек, эстетикалық "
                        "және экологиялық тәрбие іс-шараларын өткізу"
                    ),
                    "en": (
                        "Holding events of spiritual and moral, civic, patriotic and legal, vocational, "
                        "aesthetic and environmental education"
                    ),
                },
                "executors": {
                    "kk": "Тәлімгерлер; кафедралар; студенттік деканат",
                    "en": "Tutors; departments; student dean's office",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Салауатты өмір салтын насихаттау және дене тәрбиесі",
                    "en": "Promoting a healthy lifestyle and physical education",
                },
                "executors": {
                    "kk": "Тәрбие жұмысы бойынша проректор; тәлімгерлер",
                    "en": "Vice-rector for educational work; tutors",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Студенттік өзін-өзі басқаруды дамыту",
                    "en": "Developing student self-government",
                },
                "executors": {
                    "kk": "Студенттік деканат; студенттік ректорат",
                    "en": "Student dean's office; student rectorate",
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Мемлекеттік шәкіртақыны тағайындау, өтемақы төлеу және студенттерге әлеуметтік көмек көрсету"
                    ),
                    "en": ("Awarding state scholarships, paying compensation and giving social assistance to students"),
                },
                "executors": {
                    "kk": "Тәрбие жұмысы бойынша проректор; факультет декандары",
                    "en": "Vice-rector for educational work; deans of faculties",
                },
                "units": ["УО"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Стратегиялық даму жоспары", "en": "Strategic development plan"},
                "supplier": "MP 05",
            },
            {
                "name": {"kk": "Білім алушылар контингенті", "en": "Student numbers (contingent)"},
                "supplier": "CP 04",
            },
            {
                "name": {
                    "kk": "Студенттердің әлеуметтік сауалдамасының нәтижелері",
                    "en": "Results of the students' social survey",
                },
                "supplier": "MP 08",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Тәрбие жұмысы жоспарының орындалуы туралы есептер",
                    "en": "Reports on the fulfilment of the educational work plan",
                },
            },
            {
                "name": {
                    "kk": ("Студенттерге көрсетілген әлеуметтік қолдау (шәкіртақылар, өтемақылар, әлеуметтік көмек)"),
                    "en": "Social support given to students (scholarships, compensation, social assistance)",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Тәрбие жұмысы жоспарының орындалуы. Студенттердің іс-шараларға қатысуы. Студенттердің тәрбие "
                "жұмысына қанағаттанушылығы."
            ),
            "en": (
                "The educational work plan is fulfilled. Students take part in the events. Students' "
                "satisfaction with the educational work."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. Студенттердің әлеуметтік сауалдамасы. СМЖ "
                "ішкі аудиттері."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Students' social survey. "
                "Internal QMS audits."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Оқудан тыс іс-шараларға қатысқан студенттердің үлесі",
                    "en": "Share of students taking part in extracurricular activities",
                },
                "unit": "%",
                "direction": "higher",
                "target": "60",
                "at_risk": "50",
                "frequency": "semester",
                "history": ["44", "49", "53", "57", "62"],
            },
        ],
    },
    # seed 001 §7.5.3 Бітірушілерді жұмыспен қамту
    {
        "code": "CP 08",
        "kind": "core",
        "parent": "CP 05",
        "name": {"kk": "Бітірушілерді жұмыспен қамту", "en": "Graduate employment"},
        "leader": "owner",
        "owner": "head",
        "purpose": {
            "kk": (
                "Бітірушілерге қойылатын жұмыс берушілер талаптары мен тілектері туралы ақпаратты алу мен "
                "талдау және мамандықтар бойынша бітірушілерге сұранысты талдау."
            ),
            "en": (
                "To obtain and analyse information on employers' requirements and wishes regarding graduates, "
                "and to analyse the demand for graduates by specialty."
            ),
        },
        "scope": ["ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "8.5.5"), ("iso9001", "9.1.2"), ("esg2015", "1.7")],
        "activities": [
            {
                "name": {
                    "kk": "Кәсіпорын басшыларының жыл сайынғы сауалнамасы",
                    "en": "Annual survey of company managers",
                },
                "executors": {
                    "kk": "Мамандарды даярлап шығарушы кафедралар; факультет декандары",
                    "en": "Graduating departments; deans of faculties",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Мамандарды мақсатты дайындауға келісімшарттар жасау",
                    "en": "Concluding contracts for the targeted training of specialists",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; факультет декандары",
                    "en": "Vice-rector for academic affairs; deans of faculties",
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Бітірушілердің болжалған жұмысқа орналасуы және мамандығы бойынша жұмысқа "
                        "орналаспағандар саны туралы мәліметтерді жинау"
                    ),
                    "en": (
                        "Collecting data on graduates' expected employment and on the number not employed in "
                        "their specialty"
                    ),
                },
                "executors": {"kk": "Мамандарды даярлап шығарушы кафедралар", "en": "Graduating departments"},
                "units": ["ОСГ", "АП", "ФМТА"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Бос орындар банкін қалыптастыру және кәсіпорындардан мамандарға қажеттілік туралы "
                        "хаттар мен өтініштерді жинақтау"
                    ),
                    "en": (
                        "Building a bank of vacancies and collecting letters and requests from companies "
                        "stating their need for specialists"
                    ),
                },
                "executors": {
                    "kk": "Мамандарды даярлап шығарушы кафедралар; оқу бөлімі",
                    "en": "Graduating departments; academic affairs office",
                },
                "units": ["УО"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Бос орындар жәрмеңкесінде студенттер мен бітірушілерді жұмыс берушілермен таныстыру "
                        "және бос орындар туралы хабарлау"
                    ),
                    "en": (
                        "Introducing students and graduates to employers at job fairs and informing them about "
                        "vacancies"
                    ),
                },
                "executors": {
                    "kk": "Факультет декандары; кафедралар",
                    "en": "Deans of faculties; departments",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Жұмыспен қамтылуды жыл сайын талдау және нәтижелерін Ғылыми кеңесте қарау",
                    "en": "Analysing employment every year and reviewing the results at the Academic Council",
                },
                "executors": {
                    "kk": "Оқу жұмысы бойынша проректор; Ғылыми кеңес",
                    "en": "Vice-rector for academic affairs; Academic Council",
                },
                "units": ["УО", "ЦК"],
                "documents": [],
            },
        ],
        "inputs": [
            {"name": {"kk": "Бітірушілер", "en": "Graduates"}, "supplier": "CP 06"},
            {
                "name": {
                    "kk": "Кәсіпорындар мен ұйымдардан мамандарға қажеттілік туралы хаттар мен өтініштер",
                    "en": ("Letters and requests from companies and organisations stating their need for specialists"),
                },
                "supplier": None,
            },
            {
                "name": {
                    "kk": "Жұмыспен қамту орталықтарындағы бос орындар туралы ақпарат",
                    "en": "Information on vacancies held by employment centres",
                },
                "supplier": None,
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Бітірушілердің жұмысқа орналасуы туралы есептер",
                    "en": "Reports on graduates' employment",
                },
            },
            {
                "name": {
                    "kk": "Жұмыс берушілердің бітірушілерге қойылатын талаптары мен тілектері",
                    "en": "Employers' requirements and wishes regarding graduates",
                },
            },
            {
                "name": {
                    "kk": "Жұмыс берушілер сауалнамасының нәтижелері",
                    "en": "Results of the employer survey",
                },
            },
            {"name": {"kk": "Бос орындар банкі", "en": "Bank of vacancies"}},
        ],
        "evaluation_criteria": {
            "kk": (
                "Бітірушілердің жұмысқа орналасу деңгейі, соның ішінде мамандығы бойынша. Жұмысқа орналаспау "
                "себептері. Жұмыс берушілердің пікірлері."
            ),
            "en": (
                "The employment rate of graduates, including employment in their specialty. The reasons why "
                "graduates are not employed. Employers' feedback."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Жұмыспен қамтылуды жыл сайын талдау және нәтижелерін Ғылыми кеңесте қарау. Үдеріске жауапты "
                "тұлғаның мониторингі мен талдауы. СМЖ ішкі аудиттері."
            ),
            "en": (
                "Yearly analysis of employment and review of the results at the Academic Council. Monitoring "
                "and analysis by the person responsible for the process. Internal QMS audits."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Бітіргеннен кейін бір жыл ішінде жұмысқа орналасқан бітірушілердің үлесі",
                    "en": "Share of graduates employed within one year of graduation",
                },
                "unit": "%",
                "direction": "higher",
                "target": "80",
                "at_risk": "70",
                "frequency": "yearly",
                "history": ["74", "77", "81", "83"],
            },
            {
                "name": {
                    "kk": "Мамандығы бойынша жұмысқа орналасқан бітірушілердің үлесі",
                    "en": "Share of graduates employed in their specialty",
                },
                "unit": "%",
                "direction": "higher",
                "target": "70",
                "at_risk": "60",
                "frequency": "yearly",
                "history": ["58", "61", "63", "66"],
            },
        ],
    },
    # seed 001 §7.5.4 Ғылыми қызмет
    {
        "code": "CP 09",
        "kind": "core",
        "parent": "CP 05",
        "name": {"kk": "Ғылыми қызмет", "en": "Research"},
        "leader": "rector",
        "owner": "head",
        "purpose": {
            "kk": (
                "Университетті жаңарту және дамыту, профессорлық-оқытушылар құрамының зияткерлік әлеуетін "
                "нығайту және жетілдіру, білім беру қызметтері сапасын арттыру."
            ),
            "en": (
                "To renew and develop the university, to strengthen and improve the intellectual potential of "
                "the teaching staff and to raise the quality of the educational services."
            ),
        },
        "scope": ["ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "7.1.6"), ("esg2015", "1.5")],
        "activities": [
            {
                "name": {
                    "kk": "Ғылыми зерттеулер, соның ішінде іргелі зерттеулер жүргізу",
                    "en": "Carrying out research, including fundamental research",
                },
                "executors": {
                    "kk": "Факультеттер; кафедралар; ПОҚ",
                    "en": "Faculties; departments; teaching staff",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Ғылыми жарияланымдарды дайындау",
                    "en": "Preparing scientific publications",
                },
                "executors": {
                    "kk": "ПОҚ; кафедра меңгерушілері",
                    "en": "Teaching staff; heads of departments",
                },
                "units": ["ОСГ", "НЕП", "АП", "ИХ", "ФМТА", "МЦМ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Конференциялар мен семинарлар өткізу",
                    "en": "Holding conferences and seminars",
                },
                "executors": {
                    "kk": "Ғылыми жұмыс және халықаралық ынтымақтастық бойынша проректор; факультет декандары",
                    "en": "Vice-rector for research and international cooperation; deans of faculties",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Студенттер мен магистранттардың ғылыми-зерттеу жұмысы",
                    "en": "Research work of students and master's students",
                },
                "executors": {
                    "kk": "Кафедралар; ғылыми жетекшілер",
                    "en": "Departments; research supervisors",
                },
                "units": ["ОСГ", "АП", "ФМТА"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Зерттеушілердің зияткерлік меншігі мен авторлық құқығын қорғау, зерттеулерді коммерцияландыру"
                    ),
                    "en": ("Protecting researchers' intellectual property and copyright; commercialising research"),
                },
                "executors": {
                    "kk": "Ғылыми жұмыс және халықаралық ынтымақтастық бойынша проректор",
                    "en": "Vice-rector for research and international cooperation",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Стратегиялық даму жоспары", "en": "Strategic development plan"},
                "supplier": "MP 05",
            },
            {
                "name": {
                    "kk": "Біліктілігі сәйкес профессорлық-оқытушылар құрамы",
                    "en": "Teaching staff of appropriate competence",
                },
                "supplier": "SP 01",
            },
            {
                "name": {
                    "kk": "Гранттар мен шарттар бойынша зерттеулерді қаржыландыру",
                    "en": "Research funding from grants and contracts",
                },
                "supplier": None,
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Ғылыми жарияланымдар мен зерттеу нәтижелері",
                    "en": "Scientific publications and research results",
                },
            },
            {
                "name": {
                    "kk": "Оқу үдерісіне енгізуге арналған зерттеу нәтижелері",
                    "en": "Research results to be brought into teaching",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Ғылыми жарияланымдардың саны мен деңгейі. Зерттеулерді қаржыландыру көлемі. Ғылыми қызмет "
                "нәтижелерінің жақсартылған білім беру қызметінде және ғылыми зерттеулерді коммерцияландыруда "
                "көрініс табуы."
            ),
            "en": (
                "The number and level of scientific publications. The amount of research funding. The results "
                "of research are reflected in improved educational services and in the commercialisation of "
                "research."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Кафедралар рейтингі. Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі аудиттері. "
                "Басшылық тарапынан жасалған талдау."
            ),
            "en": (
                "The rating of departments. Monitoring and analysis by the person responsible for the process. "
                "Internal QMS audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Индекстелетін журналдардағы жарияланымдар саны",
                    "en": "Publications in indexed journals",
                },
                "unit": "publications",
                "direction": "higher",
                "target": "120",
                "at_risk": "100",
                "frequency": "yearly",
                "history": ["86", "97", "104", "112"],
            },
            {
                "name": {
                    "kk": "Ғылыми-зерттеу жұмысына қатысатын студенттердің үлесі",
                    "en": "Share of students taking part in research work",
                },
                "unit": "%",
                "direction": "higher",
                "target": "25",
                "at_risk": "18",
                "frequency": "yearly",
                "history": ["15", "17", "21", "26"],
            },
        ],
    },
    # seed 001 §7.5.5 Халықаралық қызмет
    {
        "code": "CP 10",
        "kind": "core",
        "parent": "CP 05",
        "name": {"kk": "Халықаралық қызмет", "en": "International activity"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Халықаралық ғылыми-білім беру кеңістігіне ену, студенттер мен ПОҚ академиялық мобильділігін, "
                "университеттің халықаралық беделін және білім беру сапасын үздік әлемдік тәжірибелерге сәйкес "
                "арттыру."
            ),
            "en": (
                "To enter the international research and education area, and to increase the academic mobility "
                "of students and teaching staff, the university's international standing and the quality of "
                "education in line with the best international practice."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "8.5.1"), ("esg2015", "1.4"), ("esg2015", "1.5")],
        "activities": [
            {
                "name": {
                    "kk": "Шетелдік серіктестермен білім беру, ғылыми және мәдени байланыстарды дамыту",
                    "en": "Developing educational, research and cultural links with foreign partners",
                },
                "executors": {
                    "kk": "Ғылыми жұмыс және халықаралық ынтымақтастық бойынша проректор; факультет декандары",
                    "en": "Vice-rector for research and international cooperation; deans of faculties",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Студенттер мен ПОҚ академиялық мобильділігін кеңейту",
                    "en": "Expanding the academic mobility of students and teaching staff",
                },
                "executors": {
                    "kk": ("Ғылыми жұмыс және халықаралық ынтымақтастық бойынша проректор; оқу бөлімі; факультеттер"),
                    "en": (
                        "Vice-rector for research and international cooperation; academic affairs office; faculties"
                    ),
                },
                "units": ["УО", "ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Халықаралық ынтымақтастық және зерттеу жобаларына қатысу",
                    "en": "Taking part in international cooperation and research projects",
                },
                "executors": {"kk": "Факультеттер; кафедралар", "en": "Faculties; departments"},
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Шақырылған шетел профессорларын университеттің оқу үдерісіне тарту",
                    "en": "Involving invited foreign professors in the university's teaching",
                },
                "executors": {
                    "kk": "Кафедра меңгерушілері; факультет декандары",
                    "en": "Heads of departments; deans of faculties",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Халықаралық қызметпен байланысты оқытушыларға, қызметкерлер мен студенттерге қызмет көрсету"
                    ),
                    "en": "Services for teachers, staff and students involved in international activity",
                },
                "executors": {
                    "kk": "Ғылыми жұмыс және халықаралық ынтымақтастық бойынша проректор",
                    "en": "Vice-rector for research and international cooperation",
                },
                "units": ["УО"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {"kk": "Стратегиялық даму жоспары", "en": "Strategic development plan"},
                "supplier": "MP 05",
            },
            {
                "name": {
                    "kk": "Шетелдік серіктестермен ынтымақтастық туралы келісімдер",
                    "en": "Cooperation agreements with foreign partners",
                },
                "supplier": None,
            },
            {
                "name": {
                    "kk": "Білім беру бағдарламалары (академиялық мобильділік нәтижелерін тану үшін)",
                    "en": "Educational programmes (for recognising the results of academic mobility)",
                },
                "supplier": "CP 03",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Студенттер мен ПОҚ академиялық мобильділігі",
                    "en": "Academic mobility of students and teaching staff",
                },
            },
            {
                "name": {
                    "kk": "ПОҚ-ның шетелдік тағылымдамалары мен бірлескен халықаралық жобалар",
                    "en": "Teaching staff internships abroad and joint international projects",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Академиялық мобильділік көрсеткіштері. Белсенді халықаралық келісімдер мен жобалардың саны. "
                "Шақырылған шетел профессорларының саны."
            ),
            "en": (
                "Academic mobility figures. The number of active international agreements and projects. The "
                "number of invited foreign professors."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Студенттер мен ПОҚ-ның шығыс академиялық мобильділігі",
                    "en": "Outgoing mobilities of students and teaching staff",
                },
                "unit": "mobilities",
                "direction": "higher",
                "target": "70",
                "at_risk": "55",
                "frequency": "yearly",
                "history": ["48", "52", "57", "53"],
            },
        ],
    },
    # seed 001 §6.1 Қызметкерлерді басқару
    {
        "code": "SP 01",
        "kind": "support",
        "parent": None,
        "name": {"kk": "Қызметкерлерді басқару", "en": "Human resource management"},
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Білім, кәсіби дайындық, дағды және тәжірибе негізінде қызметкерлердің біліктілігін қамтамасыз ету."
            ),
            "en": (
                "To ensure the competence of staff on the basis of education, professional training, skills "
                "and experience."
            ),
        },
        "scope": ["УО", "ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "7.1.2"), ("iso9001", "7.2"), ("iso9001", "7.3"), ("esg2015", "1.5")],
        "activities": [
            {
                "name": {
                    "kk": (
                        "Қызметкерлердің біліктілігіне және қызметкерлермен қамтамасыз етуге қойылатын "
                        "талаптарды анықтау"
                    ),
                    "en": "Determining the requirements for staff competence and staffing",
                },
                "executors": {
                    "kk": "Ректор; оқу жұмысы бойынша проректор; бөлімшелер басшылары",
                    "en": "Rector; vice-rector for academic affairs; heads of units",
                },
                "units": ["ЧР"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Ғылыми-педагогикалық қызметкерлердің лауазымдарына байқау негізінде тағайындау",
                    "en": "Appointing academic staff to their posts by competition",
                },
                "executors": {
                    "kk": "Ғылыми кеңес; кадрлар бөлімінің бастығы",
                    "en": "Academic Council; head of the human resources department",
                },
                "units": ["ЧР"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Қызметкерлерді оқыту және біліктілігін арттыру",
                    "en": "Training staff and developing their qualifications",
                },
                "executors": {
                    "kk": "Бөлімшелер басшылары; сыртқы оқу орындары; кадрлар бөлімінің бастығы",
                    "en": ("Heads of units; external training institutions; head of the human resources department"),
                },
                "units": ["ЧР", "ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Қызметкерлердің біліктілігін бағалау",
                    "en": "Assessing staff competence",
                },
                "executors": {
                    "kk": "Ғылыми кеңес; деканат; кафедра",
                    "en": "Academic Council; dean's office; department",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Қызметкерлерді ынталандыру (ПОҚ рейтингі, байқаулар нәтижелері)",
                    "en": "Motivating staff (teaching staff rating, results of competitions)",
                },
                "executors": {"kk": "Ректор; бөлімшелер басшылары", "en": "Rector; heads of units"},
                "units": ["ЧР"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Жоспарлау матрицасы және лауазымдық нұсқаулықтар",
                    "en": "Planning matrix and job descriptions",
                },
                "supplier": "MP 06",
            },
            {
                "name": {
                    "kk": "Штаттық кесте және ПОҚ оқу жүктемесі",
                    "en": "Staff establishment and teaching load",
                },
                "supplier": "CP 01",
            },
            {
                "name": {
                    "kk": "Қызметкерлердің жыл сайынғы әлеуметтік сауалдамасының нәтижелері",
                    "en": "Results of the annual staff survey",
                },
                "supplier": "MP 08",
            },
            {
                "name": {
                    "kk": "ПОҚ-ның шетелдік тағылымдамалары мен академиялық мобильділігі",
                    "en": "Teaching staff internships abroad and academic mobility",
                },
                "supplier": "CP 10",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Біліктілігі сәйкес қызметкерлер",
                    "en": "Staff of appropriate competence",
                },
            },
            {
                "name": {
                    "kk": (
                        "Қызметкерлерді оқыту жоспарларының орындалу қорытындылары және біліктілікті арттыру "
                        "туралы жазбалар"
                    ),
                    "en": "Results of the staff training plans and records of professional development",
                },
            },
            {
                "name": {
                    "kk": "Профессорлық-оқытушылар құрамының рейтингі",
                    "en": "Rating of the teaching staff",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Қызметкерлердің біліктілік талаптарына сәйкестігі. Біліктілікті арттыру жоспарының орындалуы. "
                "ПОҚ рейтингінің нәтижелері."
            ),
            "en": (
                "Staff meet the qualification requirements. The professional development plan is fulfilled. "
                "The results of the teaching staff rating."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "ПОҚ рейтингі. Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы "
                "аудиттері. Басшылық тарапынан жасалған талдау."
            ),
            "en": (
                "The teaching staff rating. Monitoring and analysis by the person responsible for the process. "
                "Internal and external QMS audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Жыл ішінде біліктілігін арттырған ПОҚ үлесі",
                    "en": "Share of academic staff who completed professional development during the year",
                },
                "unit": "%",
                "direction": "higher",
                "target": "50",
                "at_risk": "40",
                "frequency": "yearly",
                "history": ["32", "36", "41", "44"],
            },
            {
                "name": {
                    "kk": "Ғылыми дәрежесі бар ПОҚ үлесі",
                    "en": "Share of academic staff holding a doctoral degree",
                },
                "unit": "%",
                "direction": "higher",
                "target": "60",
                "at_risk": "55",
                "frequency": "yearly",
                "history": ["57", "59", "61", "62"],
            },
        ],
    },
    # seed 001 §6.2 Инфрақұрылым (with the work environment rows of the §6 table)
    {
        "code": "SP 02",
        "kind": "support",
        "parent": None,
        "name": {"kk": "Инфрақұрылымды басқару", "en": "Infrastructure management"},
        "leader": "rector",
        "owner": "head",
        "purpose": {
            "kk": "Университет инфрақұрылымын анықтау, қамтамасыз ету және жұмыс жағдайында ұстау.",
            "en": "To determine, provide and maintain the university's infrastructure.",
        },
        "scope": [],
        "clauses": [("iso9001", "7.1.3"), ("iso9001", "7.1.4"), ("esg2015", "1.6")],
        "activities": [
            {
                "name": {
                    "kk": "Инфрақұрылымдағы қажеттіліктерді анықтау",
                    "en": "Determining infrastructure needs",
                },
                "executors": {
                    "kk": "Ректор; бағыттар бойынша проректорлар; бөлімшелер басшылары",
                    "en": "Rector; vice-rectors for their areas; heads of units",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Инфрақұрылымды құру және жұмыс жағдайында ұстау (сатып алу, жөндеулер, техникалық "
                        "қызмет көрсету)"
                    ),
                    "en": ("Creating and maintaining the infrastructure (purchasing, repairs, technical maintenance)"),
                },
                "executors": {
                    "kk": "Бағыттар бойынша проректорлар; бөлімшелер басшылары",
                    "en": "Vice-rectors for their areas; heads of units",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Инфрақұрылым жағдайын бағалау",
                    "en": "Assessing the state of the infrastructure",
                },
                "executors": {
                    "kk": "Ректор; бағыттар бойынша проректорлар; бөлімшелер басшылары",
                    "en": "Rector; vice-rectors for their areas; heads of units",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 04.02"],
            },
            {
                "name": {
                    "kk": "Өндірістік ортаны басқару: еңбекті қорғау және қауіпсіздікті қамтамасыз ету",
                    "en": "Managing the work environment: occupational safety and security",
                },
                "executors": {"kk": "Бөлімшелер басшылары", "en": "Heads of units"},
                "units": ["ФХТ", "ФХСИ", "ФММ", "БИЦ"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Стратегиялық даму жоспары және бөлімшелер жоспарлары",
                    "en": "Strategic development plan and unit plans",
                },
                "supplier": "MP 05",
            },
            {
                "name": {"kk": "Тұтынушылар талаптары", "en": "Customer requirements"},
                "supplier": "CP 02",
            },
            {
                "name": {"kk": "Бөлінген қаржылық қорлар", "en": "Allocated financial resources"},
                "supplier": "MP 03",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Жұмыс жағдайындағы ғимараттар, аудиториялар, зертханалар және жабдықтар",
                    "en": "Buildings, classrooms, laboratories and equipment in working order",
                },
            },
            {
                "name": {
                    "kk": "Жаңартылған құрал-жабдық және ұйымдастыру техникасы",
                    "en": "Renewed equipment and office technology",
                },
            },
            {
                "name": {
                    "kk": "Есепке алу және тіркеу журналдары, актілер",
                    "en": "Logs, registers and inspection reports",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Инфрақұрылымның білім беру бағдарламалары мен қауіпсіздік талаптарына сәйкестігі. Жөндеу және "
                "жаңарту жоспарларының орындалуы. Еңбекті қорғау талаптарының сақталуы."
            ),
            "en": (
                "The infrastructure meets the needs of the educational programmes and the safety requirements. "
                "The repair and renewal plans are fulfilled. Occupational safety requirements are observed."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Өндірістік орындардың жағдайын пайдалану сипаттамалары, қауіпсіздік пен еңбекті қорғау "
                "тұрғысынан мерзімдік бақылау. Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі "
                "аудиттері. Басшылық тарапынан жасалған талдау."
            ),
            "en": (
                "Periodic checks of the premises for fitness for use, safety and occupational health. "
                "Monitoring and analysis by the person responsible for the process. Internal QMS audits. "
                "Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Жоспарлы жөндеу және жаңарту жұмыстарының орындалуы",
                    "en": "Completion of planned repair and renewal works",
                },
                "unit": "%",
                "direction": "higher",
                "target": "90",
                "at_risk": "80",
                "frequency": "yearly",
                "history": ["71", "78", "84", "87"],
            },
            {
                "name": {
                    "kk": "Еңбекті қорғау бойынша оқиғалар саны",
                    "en": "Occupational safety incidents",
                },
                "unit": "incidents",
                "direction": "lower",
                "target": "0",
                "at_risk": "2",
                "frequency": "yearly",
                "history": ["3", "2", "1", "0"],
            },
        ],
    },
    # seed 001 §6, table of support processes: ғылыми кітапхана, ақпараттық және техникалық қорлар
    {
        "code": "SP 03",
        "kind": "support",
        "parent": "SP 02",
        "name": {
            "kk": "Ғылыми кітапхана және ақпараттық қорларды басқару",
            "en": "Management of the library and information resources",
        },
        "leader": "rector",
        "owner": "owner",
        "purpose": {
            "kk": (
                "Білім беру және ғылыми қызметті ғылыми кітапхана қорымен (соның ішінде электрондық "
                "кітапханамен) және барлық тасымалдағыштардағы ақпараттық қорлармен қамтамасыз ету."
            ),
            "en": (
                "To provide teaching and research with the stock of the research library (including the "
                "electronic library) and with information resources on all media."
            ),
        },
        "scope": [],
        "clauses": [("iso9001", "7.1.3"), ("iso9001", "7.1.6"), ("esg2015", "1.6")],
        "activities": [
            {
                "name": {
                    "kk": "Кітапхана қорын білім беру бағдарламаларының талаптарына сәйкес толықтыру",
                    "en": "Acquiring library stock in line with the requirements of the educational programmes",
                },
                "executors": {
                    "kk": "Кітапхана басшысы; кафедра меңгерушілері",
                    "en": "Head of the library; heads of departments",
                },
                "units": ["БИЦ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Электрондық кітапхана мен ғылыми дерекқорларға қолжетімділікті қамтамасыз ету",
                    "en": "Providing access to the electronic library and research databases",
                },
                "executors": {
                    "kk": "Кітапхана басшысы; IT технологиялар бойынша маман",
                    "en": "Head of the library; IT specialist",
                },
                "units": ["БИЦ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Ақпараттық және техникалық қорларды басқару (ұйымдастыру техникасы, бағдарламалық "
                        "қамтамасыз ету)"
                    ),
                    "en": "Managing information and technical resources (office technology, software)",
                },
                "executors": {
                    "kk": "IT технологиялар бойынша маман; бөлімшелер басшылары",
                    "en": "IT specialist; heads of units",
                },
                "units": ["БИЦ"],
                "documents": [],
            },
            {
                "name": {
                    "kk": "Оқу пәндерінің әдебиетпен қамтамасыз етілуін талдау",
                    "en": "Analysing how well the courses are provided with literature",
                },
                "executors": {
                    "kk": "Кітапхана басшысы; оқу бөлімі; кафедралар",
                    "en": "Head of the library; academic affairs office; departments",
                },
                "units": ["БИЦ", "УО"],
                "documents": [],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Білім беру бағдарламалары және кафедралардың әдебиетке өтінімдері",
                    "en": "Educational programmes and the departments' requests for literature",
                },
                "supplier": "CP 03",
            },
            {
                "name": {"kk": "Бөлінген қаржылық қорлар", "en": "Allocated financial resources"},
                "supplier": "MP 03",
            },
            {
                "name": {"kk": "Жаңартылған ұйымдастыру техникасы", "en": "Renewed office technology"},
                "supplier": "SP 02",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": "Ғылыми кітапхана қоры (соның ішінде электрондық кітапхана)",
                    "en": "Stock of the research library (including the electronic library)",
                },
            },
            {
                "name": {
                    "kk": "Ақпараттық қорлар мен қызметтер",
                    "en": "Information resources and services",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Оқу пәндерінің негізгі әдебиетпен қамтамасыз етілуі. Электрондық ресурстарға қолжетімділік. "
                "Пайдаланушылардың қанағаттанушылығы."
            ),
            "en": (
                "Courses are provided with core literature. Electronic resources are accessible. Users are satisfied."
            ),
        },
        "monitoring_methods": {
            "kk": (
                "Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі және сыртқы аудиттері. Басшылық "
                "тарапынан жасалған талдау."
            ),
            "en": (
                "Monitoring and analysis by the person responsible for the process. Internal and external QMS "
                "audits. Management review."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Негізгі әдебиетпен қамтамасыз етілген пәндердің үлесі",
                    "en": "Share of courses provided with core literature",
                },
                "unit": "%",
                "direction": "higher",
                "target": "95",
                "at_risk": "85",
                "frequency": "yearly",
                "history": ["83", "87", "90", "95"],
            },
        ],
    },
    # seed 001 §7.6 Мониторинг және өлшеулер құралдарын басқару
    {
        "code": "SP 04",
        "kind": "support",
        "parent": None,
        "name": {
            "kk": "Мониторинг және өлшеу құралдарын басқару",
            "en": "Control of monitoring and measuring resources",
        },
        "leader": "owner",
        "owner": "head",
        "purpose": {
            "kk": (
                "Үдерістер мен олардың нәтижелерінің белгіленген талаптарға сәйкестігін растауға арналған "
                "мониторинг және өлшеу құралдарын басқаруды қамтамасыз ету."
            ),
            "en": (
                "To ensure control of the monitoring and measuring resources used to confirm that processes "
                "and their results conform to the set requirements."
            ),
        },
        "scope": ["ФХТ", "ФХСИ", "ФММ"],
        "clauses": [("iso9001", "7.1.5"), ("esg2015", "1.3")],
        "activities": [
            {
                "name": {
                    "kk": "Білім беру үдерістерін өлшеу және мониторинг құралдарын басқару",
                    "en": "Controlling the means of measuring and monitoring the educational processes",
                },
                "executors": {
                    "kk": "Бөлімшелер басшылары; кафедра меңгерушілері; ПОҚ; білім алушылар",
                    "en": "Heads of units; heads of departments; teaching staff; students",
                },
                "units": ["ОСГ", "АП", "ФМТА", "М"],
                "documents": [],
            },
            {
                "name": {
                    "kk": (
                        "Бақылау-өлшеу материалдарын (емтихан билеттері, тест тапсырмалары) қолданар алдында "
                        "оқу пәні бағдарламасына сәйкестігін тексеру"
                    ),
                    "en": (
                        "Checking assessment materials (examination papers, tests) against the course syllabus "
                        "before use"
                    ),
                },
                "executors": {
                    "kk": "Кафедра меңгерушілері; ПОҚ",
                    "en": "Heads of departments; teaching staff",
                },
                "units": ["ОСГ", "АП", "ФМТА", "М"],
                "documents": [],
            },
            {
                "name": {
                    "kk": ("Бақылау шаралары нәтижелерін талдағаннан кейін өлшеу құралдарын қажетіне қарай түзету"),
                    "en": ("Correcting the measuring instruments as needed after analysing the results of assessment"),
                },
                "executors": {
                    "kk": "ПОҚ; кафедра меңгерушілері",
                    "en": "Teaching staff; heads of departments",
                },
                "units": ["ФХТ", "ФХСИ", "ФММ"],
                "documents": ["DP 08.03"],
            },
        ],
        "inputs": [
            {
                "name": {
                    "kk": "Білім беру бағдарламалары және оқу пәндерінің бағдарламалары",
                    "en": "Educational programmes and course syllabuses",
                },
                "supplier": "CP 03",
            },
            {
                "name": {
                    "kk": "Бақылау шаралары нәтижелерінің талдауы",
                    "en": "Analysis of the results of assessment",
                },
                "supplier": "MP 10",
            },
            {
                "name": {
                    "kk": "«Студенттер білімін бағалау туралы» ереже",
                    "en": "The regulation “On the assessment of students' knowledge”",
                },
                "supplier": "MP 01",
            },
        ],
        "outputs": [
            {
                "name": {
                    "kk": ("Тексерілген бақылау-өлшеу материалдары: емтихан билеттері, тест тапсырмалары, рейтинг"),
                    "en": "Checked assessment materials: examination papers, tests, rating",
                },
            },
            {
                "name": {
                    "kk": "Бақылау-өлшеу материалдарын тексеру туралы жазбалар",
                    "en": "Records of the review of assessment materials",
                },
            },
        ],
        "evaluation_criteria": {
            "kk": (
                "Бақылау-өлшеу материалдарының оқу пәні бағдарламасына сәйкестігі. Материалдардың қолданар "
                "алдында тексерілуі. Бақылау нәтижелерінің объективтілігі."
            ),
            "en": (
                "Assessment materials match the course syllabus. Materials are checked before use. Assessment "
                "results are objective."
            ),
        },
        "monitoring_methods": {
            "kk": "Декан бақылауы. Үдеріске жауапты тұлғаның мониторингі мен талдауы. СМЖ ішкі аудиттері.",
            "en": (
                "The dean's checks. Monitoring and analysis by the person responsible for the process. "
                "Internal QMS audits."
            ),
        },
        "kpis": [
            {
                "name": {
                    "kk": "Сессияға дейін тексерілген бақылау-өлшеу материалдарының үлесі",
                    "en": "Share of assessment materials reviewed before the examination session",
                },
                "unit": "%",
                "direction": "higher",
                "target": "100",
                "at_risk": "90",
                "frequency": "semester",
                "history": ["85", "92", "96", "100"],
            },
        ],
    },
]

MATRIX = {
    "MP 01": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЧР": "informed",
    },
    "MP 02": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЧР": "participates",
    },
    "MP 03": {
        "ЦК": "responsible",
        "УО": "participates",
        "ЧР": "participates",
        "ФХТ": "informed",
        "ФХСИ": "informed",
        "ФММ": "informed",
    },
    "MP 04": {
        "ЦК": "responsible",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "УО": "informed",
        "ЧР": "informed",
        "БИЦ": "informed",
    },
    "MP 05": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЧР": "informed",
    },
    "MP 06": {
        "ЦК": "responsible",
        "ЧР": "responsible",
        "УО": "participates",
        "БИЦ": "participates",
        "ФХТ": "informed",
        "ФХСИ": "informed",
        "ФММ": "informed",
    },
    "MP 07": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЧР": "participates",
    },
    "MP 08": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
    },
    "MP 09": {
        "ЦК": "responsible",
        "АП": "participates",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
    },
    "MP 10": {
        "УО": "responsible",
        "ЦК": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
    },
    "MP 11": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
    },
    "MP 12": {"ЦК": "responsible", "УО": "participates", "ФХТ": "informed", "ФХСИ": "informed", "ФММ": "informed"},
    "MP 13": {
        "ЦК": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЧР": "informed",
    },
    "CP 01": {
        "УО": "responsible",
        "ЧР": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
    },
    "CP 02": {
        "УО": "responsible",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЦК": "informed",
    },
    "CP 03": {
        "УО": "responsible",
        "ЦК": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ОСГ": "participates",
        "АП": "participates",
        "ФМТА": "participates",
    },
    "CP 04": {
        "УО": "responsible",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЦК": "informed",
    },
    "CP 05": {
        "УО": "responsible",
        "ФХТ": "responsible",
        "ФХСИ": "responsible",
        "ФММ": "responsible",
        "ЧР": "participates",
        "БИЦ": "participates",
    },
    "CP 06": {
        "ФХТ": "responsible",
        "ФХСИ": "responsible",
        "ФММ": "responsible",
        "УО": "participates",
        "ОСГ": "participates",
        "АП": "participates",
        "ФМТА": "participates",
        "БИЦ": "informed",
    },
    "CP 07": {"УО": "responsible", "ФХТ": "participates", "ФХСИ": "participates", "ФММ": "participates"},
    "CP 08": {
        "ФХТ": "responsible",
        "ФХСИ": "responsible",
        "ФММ": "responsible",
        "УО": "participates",
        "ЦК": "informed",
    },
    "CP 09": {
        "ФХТ": "responsible",
        "ФХСИ": "responsible",
        "ФММ": "responsible",
        "ОСГ": "participates",
        "АП": "participates",
        "ФМТА": "participates",
        "МЦМ": "participates",
        "БИЦ": "informed",
    },
    "CP 10": {
        "УО": "responsible",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЧР": "informed",
    },
    "SP 01": {
        "ЧР": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
        "ЦК": "informed",
    },
    "SP 02": {
        "ФХТ": "responsible",
        "ФХСИ": "responsible",
        "ФММ": "responsible",
        "БИЦ": "participates",
        "УО": "participates",
        "ЦК": "informed",
    },
    "SP 03": {
        "БИЦ": "responsible",
        "УО": "participates",
        "ФХТ": "participates",
        "ФХСИ": "participates",
        "ФММ": "participates",
    },
    "SP 04": {
        "ФХТ": "responsible",
        "ФХСИ": "responsible",
        "ФММ": "responsible",
        "ОСГ": "participates",
        "АП": "participates",
        "ФМТА": "participates",
        "М": "participates",
        "УО": "informed",
    },
}
