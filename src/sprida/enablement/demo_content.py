"""Demo content: one national dossier per AI application type in the regions' documents."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

COMMON_LEGAL = {
    "gdpr_legal_basis": (
        "Art. 6.1 e dataskyddsförordningen (uppgift av allmänt intresse) med stöd i hälso- och "
        "sjukvårdslagen (2017:30) och patientdatalagen (2008:355). Uppgifter om hälsa behandlas "
        "med stöd av art. 9.2 h och av personal med tystnadsplikt (art. 9.3)."
    ),
    "patient_data_law": (
        "Behandlingen sker för vårdändamål enligt 2 kap. 4 § 1 PDL. Åtkomst styrs av "
        "behörighetstilldelning (4 kap. 2 §) och loggas och följs upp (4 kap. 3 §)."
    ),
    "procurement": (
        "Avrop från befintliga ramavtal för taligenkänning och journalstöd där sådana finns; "
        "annars gemensam upphandling genom Adda. Krav: behandling inom EU/EES, ingen träning på "
        "regionens data utan särskilt avtal, loggar som regionen kan hämta ut, exit med "
        "dataportabilitet."
    ),
}

DOSSIERS: list[dict[str, Any]] = [
    {
        "slug": "ai-taligenkanning",
        "category": "ai-taligenkanning",
        "title": "AI-baserad taligenkänning",
        "purpose": (
            "Tal blir text direkt i journalsystemet när vårdpersonal dikterar, så att "
            "journalanteckningar blir klara utan att gå via sekreterare och dikteringskö."
        ),
        "contact_name": "Nationell samordnare, AI i vården",
        "version": {
            "data_sources": "Dikterat tal från vårdpersonal; journalsystemets mallar och sökord.",
            "data_categories": (
                "Ljud med patientuppgifter, identitet för den som dikterar, uppgifter om hälsa "
                "i den färdiga texten."
            ),
            "health_data": True,
            "data_quality": (
                "Igenkänningen tränas för svenska medicinska termer; ordfelsfrekvens mäts "
                "per verksamhet i piloten. Dialekter och brus ger fler fel."
            ),
            "data_access": "Bara den som dikterar och den som granskar texten ser ljud och text.",
            "data_retention": (
                "Ljudfiler gallras 30 dagar efter att anteckningen har signerats. Texten "
                "bevaras i journalen enligt 3 kap. 17 § PDL."
            ),
            "processing_location": "eu",
            "processing_details": "Leverantörens datacenter i Sverige; underbiträden inom EU.",
            "mdr_class": "",
            "security_class": "3",
            "dpia_status": "done",
            "dpia_note": "Nationell mall fastställd; varje region fastställer sin egen DPIA.",
            "benefit_assumptions": (
                "Beräknat för en region med 300 användare. Sparad tid gäller sekreterare och "
                "läkare; timkostnad inklusive personalomkostnader."
            ),
            "human_oversight": (
                "Den som dikterar granskar och rättar texten före signering. Ingen text förs "
                "in i journalen utan signering."
            ),
            "risk_summary": "Felaktig text i journalen är den största risken.",
            "competence_summary": "Alla användare utbildas innan de får behörighet.",
        },
        "benefits": [
            {
                "kind": "time_saved",
                "description": "Mindre utskrift för medicinska sekreterare",
                "hours_per_year": Decimal("6200"),
                "hourly_cost_sek": 420,
                "assumption": "20 minuter per 100 dikterade minuter.",
            },
            {
                "kind": "time_saved",
                "description": "Läkare slipper vänta på utskrift",
                "hours_per_year": Decimal("900"),
                "hourly_cost_sek": 950,
            },
            {
                "kind": "non_monetised",
                "description": "Journalen blir klar samma dag",
                "assumption": "Mäts som andel anteckningar signerade inom 24 timmar.",
            },
        ],
        "risks": [
            {
                "title": "Felaktigt transkriberade läkemedelsnamn eller doser",
                "likelihood": 3,
                "consequence": 4,
                "mitigation": "Granskning före signering; varning för doser.",
                "owner": "Verksamhetschef",
            },
            {
                "title": "Ljudfiler sparas längre än nödvändigt",
                "likelihood": 2,
                "consequence": 3,
                "mitigation": "Automatisk gallring efter 30 dagar; logguppföljning.",
                "owner": "Informationsägare",
            },
            {
                "title": "Sämre igenkänning för dialekter och brytning",
                "likelihood": 3,
                "consequence": 2,
                "mitigation": "Uppföljning av ordfel per verksamhet.",
                "owner": "Förvaltningsledare",
            },
        ],
        "trainings": [
            {
                "title": "Diktera för taligenkänning",
                "audience": "Läkare och sjuksköterskor",
                "length_minutes": 45,
                "material": "E-utbildning och snabbguide",
            },
            {
                "title": "AI-kunnighet: granska AI-genererad text",
                "audience": "Alla användare",
                "length_minutes": 30,
                "material": "Nationell e-utbildning (art. 4)",
            },
        ],
        "aiact": {},
        "v2": {
            "change_summary": (
                "Gallring av ljudfiler efter 24 timmar i stället för 30 dagar, efter "
                "synpunkter från regionernas informationssäkerhetssamordnare."
            ),
            "data_retention": (
                "Ljudfiler gallras 24 timmar efter att anteckningen har signerats. Texten "
                "bevaras i journalen enligt 3 kap. 17 § PDL."
            ),
        },
    },
    {
        "slug": "ai-fallprevention",
        "category": "ai-fallprevention",
        "title": "AI-stödd sensorteknik för fallprevention",
        "purpose": (
            "Sensorer i patientrum upptäcker när en patient med hög fallrisk är på väg att "
            "resa sig och larmar personalen, så att fallolyckor förebyggs."
        ),
        "contact_name": "Nationell samordnare, AI i vården",
        "version": {
            "data_sources": "Radar- eller djupsensorer i patientrum; larmhistorik.",
            "data_categories": (
                "Rörelsemönster och position, utan bild av ansikte; rumsnummer; larm och "
                "kvittenser. Uppgifter om hälsa (fallrisk)."
            ),
            "health_data": True,
            "data_quality": "Falsklarm mäts per avdelning; sensorerna kalibreras vid montering.",
            "data_access": "Larm visas för personal på avdelningen; historik för vårdenhetschef.",
            "data_retention": "Rörelsedata lagras inte; larmhistorik sparas 12 månader.",
            "processing_location": "eu",
            "processing_details": "Analysen sker i sensorn och i regionens eget nät.",
            "mdr_class": "IIa",
            "security_class": "2",
            "dpia_status": "done",
            "benefit_assumptions": "Avdelning med 24 vårdplatser; 18 fall per år före införande.",
            "human_oversight": "Personalen bedömer varje larm; sensorn fattar inga beslut.",
            "risk_summary": "Missade larm och falsklarm vägs mot varandra vid inställning.",
            "competence_summary": "Personal på avdelningen utbildas i larm och felanmälan.",
        },
        "benefits": [
            {
                "kind": "cost_avoided",
                "description": "Färre höftfrakturer efter fall",
                "amount_sek": 1_200_000,
                "assumption": "4 färre höftfrakturer per år à 300 000 kr.",
            },
            {
                "kind": "time_saved",
                "description": "Färre fysiska tillsynsrundor nattetid",
                "hours_per_year": Decimal("1100"),
                "hourly_cost_sek": 480,
            },
            {"kind": "non_monetised", "description": "Bättre sömn när tillsyn sker utan att väcka"},
        ],
        "risks": [
            {
                "title": "Missat larm när patienten faller",
                "likelihood": 2,
                "consequence": 4,
                "mitigation": "Ordinarie tillsyn kvar för patienter med högst risk.",
                "owner": "Vårdenhetschef",
            },
            {
                "title": "Larmtrötthet vid många falsklarm",
                "likelihood": 3,
                "consequence": 3,
                "mitigation": "Justera känslighet; följ upp falsklarm varje månad.",
                "owner": "Vårdenhetschef",
            },
            {
                "title": "Upplevd övervakning och integritetsintrång",
                "likelihood": 2,
                "consequence": 2,
                "mitigation": "Ingen bild lagras; information till patienten.",
                "owner": "Verksamhetschef",
            },
            {
                "title": "Avbrott i nätet stoppar larm",
                "likelihood": 1,
                "consequence": 4,
                "mitigation": "Reservlarm och driftövervakning.",
                "owner": "IT-driftchef",
            },
        ],
        "trainings": [
            {
                "title": "Larm, kvittens och felanmälan",
                "audience": "Vårdpersonal på avdelningen",
                "length_minutes": 60,
                "material": "Praktisk genomgång och checklista",
            },
            {
                "title": "Egenkontroll av medicintekniska produkter",
                "audience": "MT-ansvariga",
                "length_minutes": 90,
                "material": "HSLF-FS 2021:52 i praktiken",
            },
        ],
        "aiact": {"annex_i_legislation": "mdr", "mdr_class": "IIa"},
    },
    {
        "slug": "ai-journalforing",
        "category": "ai-journalforing",
        "title": "AI-stödd journalföring",
        "purpose": (
            "Samtalet mellan patient och vårdpersonal blir ett utkast till journalanteckning "
            "som vårdpersonalen granskar, rättar och signerar."
        ),
        "contact_name": "Nationell samordnare, AI i vården",
        "version": {
            "data_sources": "Ljud från vårdmötet; relevanta journaluppgifter som sammanhang.",
            "data_categories": "Samtal med uppgifter om hälsa; identitet för patient och personal.",
            "health_data": True,
            "data_quality": (
                "Utkastens kvalitet granskas stickprovsvis av en klinisk referensgrupp."
            ),
            "data_access": "Utkastet ses bara av den vårdpersonal som hade vårdmötet.",
            "data_retention": (
                "Ljud raderas när utkastet har skapats; utkast raderas efter 7 dagar."
            ),
            "processing_location": "eu",
            "processing_details": "Språkmodellen körs i leverantörens moln inom EU.",
            "mdr_class": "",
            "security_class": "3",
            "dpia_status": "in_progress",
            "dpia_note": "Nationell mall på remiss hos regionernas dataskyddsombud.",
            "benefit_assumptions": "Tio minuter sparad dokumentationstid per besök, 40 000 besök.",
            "human_oversight": (
                "Vårdpersonalen granskar, rättar och signerar varje anteckning; patienten "
                "informeras och kan säga nej till inspelning."
            ),
            "risk_summary": "Påhittade uppgifter i utkastet är den allvarligaste risken.",
            "competence_summary": "Användarna tränas i att granska generativ AI kritiskt.",
        },
        "benefits": [
            {
                "kind": "time_saved",
                "description": "Mindre dokumentationstid per besök",
                "hours_per_year": Decimal("6667"),
                "hourly_cost_sek": 950,
            },
            {"kind": "non_monetised", "description": "Mer ögonkontakt med patienten i mötet"},
        ],
        "risks": [
            {
                "title": "Utkastet innehåller uppgifter som inte sades",
                "likelihood": 3,
                "consequence": 4,
                "mitigation": "Granskning före signering; markering av AI-text.",
                "owner": "Verksamhetschef",
            },
            {
                "title": "Patienten vet inte att samtalet spelas in",
                "likelihood": 2,
                "consequence": 3,
                "mitigation": "Information och möjlighet att avböja.",
                "owner": "Verksamhetschef",
            },
            {
                "title": "Leverantören använder data för att träna modeller",
                "likelihood": 1,
                "consequence": 4,
                "mitigation": "Förbud i biträdesavtalet; revision.",
                "owner": "Informationsägare",
            },
        ],
        "trainings": [
            {
                "title": "Granska AI-genererade journalutkast",
                "audience": "Läkare och sjuksköterskor",
                "length_minutes": 60,
                "material": "Fallövningar med kända felmönster",
            },
            {
                "title": "Informera patienten om AI-stöd",
                "audience": "All vårdpersonal",
                "length_minutes": 20,
                "material": "Samtalsstöd och patientinformation",
            },
        ],
        "aiact": {"transparency": ["interacts_with_people", "generates_content"]},
    },
    {
        "slug": "ai-maskning",
        "category": "ai-maskning",
        "title": "AI-baserad maskning av handlingar",
        "purpose": (
            "Förslag på vad som ska maskeras när allmänna handlingar lämnas ut, så att "
            "sekretessprövningen går snabbare. En handläggare prövar och beslutar."
        ),
        "contact_name": "Nationell samordnare, AI i vården",
        "version": {
            "data_sources": "Handlingar som begärs ut, t.ex. journalkopior och e-post.",
            "data_categories": "Personuppgifter och uppgifter om hälsa i handlingarna.",
            "health_data": True,
            "data_quality": "Missade uppgifter mäts i stickprov mot manuell maskning.",
            "data_access": "Registratorer och handläggare av utlämnanden.",
            "data_retention": "Kopior i verktyget raderas när ärendet är avslutat.",
            "processing_location": "eu",
            "mdr_class": "",
            "security_class": "3",
            "dpia_status": "done",
            "benefit_assumptions": "1 500 utlämnanden per år, 40 minuter sparade per ärende.",
            "human_oversight": (
                "Handläggaren prövar varje förslag; sekretessprövningen är mänsklig."
            ),
            "competence_summary": "Registratorer lär sig verktygets begränsningar.",
        },
        "benefits": [
            {
                "kind": "time_saved",
                "description": "Snabbare maskning vid utlämnande",
                "hours_per_year": Decimal("1000"),
                "hourly_cost_sek": 520,
            },
        ],
        "risks": [
            {
                "title": "Sekretessbelagd uppgift missas och lämnas ut",
                "likelihood": 2,
                "consequence": 4,
                "mitigation": "Fyraögonsprincip för känsliga ärenden.",
                "owner": "Chef för registratur",
            },
        ],
        "trainings": [
            {
                "title": "Sekretessprövning med AI-förslag",
                "audience": "Registratorer",
                "length_minutes": 45,
                "material": "Övningar enligt OSL 25 kap.",
            },
        ],
        "aiact": {},
    },
]

GROUPS: list[dict[str, Any]] = [
    {
        "slug": "juridik-informationssakerhet",
        "name": "Juridik och informationssäkerhet",
        "purpose": (
            "Tar fram den juridiska delen av underlagen: rättslig grund, patientdatalagen, "
            "AI-förordningen, MDR, upphandling och informationssäkerhet."
        ),
        "dossiers": ["ai-taligenkanning", "ai-journalforing", "ai-maskning"],
    },
    {
        "slug": "data-nyttoanalys",
        "name": "Data, nytta och risk",
        "purpose": "Tar fram data-, nytto- och riskanalyserna som regionerna sedan antar.",
        "dossiers": ["ai-taligenkanning", "ai-fallprevention", "ai-journalforing"],
    },
    {
        "slug": "kompetens",
        "name": "Kompetens och införande",
        "purpose": "Utbildningsmoduler och stöd för införandet i regionerna.",
        "dossiers": ["ai-fallprevention", "ai-journalforing"],
    },
]
