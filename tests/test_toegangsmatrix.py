"""The access matrix: EVERY URL pattern of Regie (pages, API, beheeromgeving) × every user ×
two tenants, with the status each must get.

Users: the seven roles of Gemeente Dronten, anonymous, a second consultant of Dronten who is
not the case's vaste consulent ("collega": reads the team's case, may not change it), a team
lead of Sociale Dienst Drechtsteden (the shared service for four municipalities) and a
consultant of Drechtsteden limited to Dordrecht through `User.gemeenten`.
Tenants: "eigen", a Dronten case (and Dronten objects in the beheeromgeving), and "ander",
a Drechtsteden case in Zwijndrecht (and Drechtsteden objects). So the Dordrecht consultant
gets 404 for a case of its own organisation in another municipality.

A status is one number (the same for both tenants) or a pair (eigen, ander). GET is tried on
every pattern; every mutating method on the patterns that take one, with an empty or invalid
body, and then nothing in the database may have changed. A URL pattern without an entry in
VERWACHT fails `test_elk_adres_staat_in_de_matrix`; add it there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from regie.accounts.models import Rol, User
from regie.demo.factories import (
    AfspraakFactory,
    DiplomaFactory,
    InburgeraarFactory,
    IntakeFactory,
    UserFactory,
    geldig_bsn,
    pip_vastgesteld,
)
from regie.demo.organisaties import maak_organisaties
from regie.organisaties.models import Gemeente

# scripts/test.sh runs the matrix once, on PostgreSQL: who may do what does not depend on the database.
pytestmark = pytest.mark.matrix

GEBRUIKERS = [
    "anoniem",
    "consulent",
    "collega",
    "teamleider",
    "beleidsmedewerker",
    "financieel_medewerker",
    "aanbieder",
    "functioneel_beheerder",
    "privacy_officer",
    "teamleider_drechtsteden",
    "consulent_dordrecht",
]
TENANTS = ("eigen", "ander")


def rij(standaard, **afwijkend) -> dict:
    """One row of the matrix: `standaard` for every user, except the ones named."""
    onbekend = set(afwijkend) - set(GEBRUIKERS)
    assert not onbekend, onbekend
    return {g: afwijkend.get(g, standaard) for g in GEBRUIKERS}


# --- Rows that many addresses share ------------------------------------------------------

PAGINA = 302  # anonymous on a page: to the log-in page
API = 401  # anonymous in the API: problem+json 401
MET_DOSSIERS = ("consulent", "collega", "teamleider", "teamleider_drechtsteden", "consulent_dordrecht")


def alleen(rollen, ok, *, anoniem=PAGINA, anders=403) -> dict:
    """Only these users have the right (no tenant involved)."""
    return rij(anders, anoniem=anoniem, **dict.fromkeys(rollen, ok))


def dossier(ok, *, collega_mag: bool, anoniem=PAGINA) -> dict:
    """An address of one case. Roles without the right: 403 before any look-up. With the right:
    `ok` for a case they may see, 404 for one of another organisation or municipality; a
    consultant who is not the vaste consulent may read but not change (403)."""
    return rij(
        403,
        anoniem=anoniem,
        consulent=(ok, 404),
        teamleider=(ok, 404),
        collega=(ok if collega_mag else 403, 404),
        teamleider_drechtsteden=(404, ok),
        consulent_dordrecht=404,
    )


def lezen(ok=200, anoniem=PAGINA):
    return dossier(ok, collega_mag=True, anoniem=anoniem)


def wijzigen(ok, anoniem=PAGINA):
    return dossier(ok, collega_mag=False, anoniem=anoniem)


# COA koppelingen: a waiting upload is private to who uploaded it ("eigen": the consultant's,
# "ander": the Drechtsteden team lead's); the others who may import get 404.
def coa_upload(ok) -> dict:
    return rij(
        403,
        anoniem=PAGINA,
        consulent=(ok, 404),
        collega=404,
        teamleider=404,
        teamleider_drechtsteden=(404, ok),
        consulent_dordrecht=404,
    )


TEAMLEIDERS = ["teamleider", "teamleider_drechtsteden"]
CBS = alleen(TEAMLEIDERS, 200)
TAAKSTELLING = alleen(["teamleider", "teamleider_drechtsteden", "functioneel_beheerder"], 200)
# Geldzaken (regie.financien): the financieel medewerker of Dronten; "ander" is Zwijndrecht (404).
GELDZAKEN = alleen(["financieel_medewerker"], 200)
GELDZAKEN_GEMEENTE = alleen(["financieel_medewerker"], (200, 404))
RUN_ACTIE = alleen(["financieel_medewerker"], (400, 404))
RUN_ACTIE_GET = alleen(["financieel_medewerker"], 405)

# Steering figures (regie.rapportage): aggregates for the roles with BELEIDSCIJFERS; a council
# report of the own organisation's municipality ("eigen" Dronten's, "ander" Dordrecht's), 404 for
# another; only the beleidsmedewerker writes one (the team lead reads: 403 on a POST).
BELEID = ["teamleider", "beleidsmedewerker", "teamleider_drechtsteden"]
RAAD_LEZEN = rij(
    403,
    anoniem=PAGINA,
    teamleider=(200, 404),
    beleidsmedewerker=(200, 404),
    teamleider_drechtsteden=(404, 200),
)
RAAD_SCHRIJVEN = rij(
    403,
    anoniem=PAGINA,
    teamleider=(403, 404),
    beleidsmedewerker=(200, 404),
    teamleider_drechtsteden=(404, 403),
)


# A hand-over package in the inbox of the municipality it is addressed to (regie.overdracht).
def overdracht_in(ok) -> dict:
    return rij(
        403,
        anoniem=PAGINA,
        consulent=(ok, 404),
        collega=(ok, 404),
        teamleider=(ok, 404),
        teamleider_drechtsteden=(404, ok),
        consulent_dordrecht=404,
    )


OVERDRACHT_IN = overdracht_in(200)
OVERDRACHT_IN_POST = overdracht_in(400)
PORTAAL = alleen(["aanbieder"], 200)
PORTAAL_VERWIJZING = alleen(["aanbieder"], (200, 404))
ALLEEN_POST = alleen(MET_DOSSIERS, 405)  # GET on a POST-only page: 405 after the right check
RAPPORTAGE_LEZEN = {**lezen(anoniem=API), "aanbieder": (200, 404)}
RAPPORTAGE_NIETS = {**lezen(404, anoniem=API), "aanbieder": 404}
RAPPORTAGE_SCHRIJVEN = rij(403, anoniem=API, aanbieder=(400, 404))
IEDEREEN_INGELOGD = rij(200, anoniem=PAGINA)
OPENBAAR = rij(200)
API_NIET_GEVONDEN = rij(404)


# --- The beheeromgeving (/beheer/) -------------------------------------------------------
# Every registered model, and whether the functioneel beheerder manages it (only in their own
# organisation: "eigen" objects are Dronten's, "ander" Drechtsteden's). A model registered in
# the admin later gets no entry here, so the matrix fails until someone decides. Case data
# must never be registered there.
BEHEERDER_BEHEERT = {
    "accounts.user": {"add": 200, "delete": True, "wijzigen": (200, 302)},
    # Tokens are only revoked (an action on the list), never changed or added here.
    "accounts.apitoken": {"add": 403, "delete": True, "wijzigen": 403},
    "organisaties.organisatie": {"add": 403, "delete": False, "wijzigen": (200, 302)},
    "organisaties.gemeente": {"add": 200, "delete": True, "wijzigen": (200, 302)},
    # The provider register and its contracts (regie.aanbieders), of the own organisation.
    "aanbieders.aanbieder": {"add": 200, "delete": True, "wijzigen": (200, 302)},
    "aanbieders.contract": {"add": 200, "delete": True, "wijzigen": (200, 302)},
    # Refused DUO notices aimed at an own municipality: only seen, never changed or removed.
    "notificaties.geweigerdemelding": {"add": 403, "delete": False, "wijzigen": 403},
    # The house style of the council report and the targets per KPI (regie.rapportage).
    "rapportage.huisstijl": {"add": 200, "delete": True, "wijzigen": (200, 302)},
    "rapportage.streefwaarde": {"add": 200, "delete": True, "wijzigen": (200, 302)},
    # A municipality's fine policy (regie.handhaving): fines for asielstatushouders, set-off.
    "handhaving.boetebeleid": {"add": 200, "delete": True, "wijzigen": (200, 302)},
}
ALLEEN_SUPERUSER = [
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "django_tasks_database.dbtaskresult",
]


def beheer(beheerder, *, anoniem=PAGINA) -> dict:
    return rij(403, anoniem=anoniem, functioneel_beheerder=beheerder)


def _beheer_modellen() -> dict:
    verwacht = {}
    for label in [*BEHEERDER_BEHEERT, *ALLEEN_SUPERUSER]:
        app, model = label.split(".")
        prefix = f"admin:{app}_{model}"
        regels = BEHEERDER_BEHEERT.get(label)
        if regels is None:  # the beheerder has no rights on it: Django's own 403
            verwacht |= {
                f"{prefix}_changelist": {"GET": beheer(403), "POST": beheer(403)},
                f"{prefix}_add": {"GET": beheer(403), "POST": beheer(403)},
                f"{prefix}_history": {"GET": beheer(403)},
                f"{prefix}_delete": {"GET": beheer(403), "POST": beheer(403)},
                f"{prefix}_change": {"GET": beheer(403), "POST": beheer(403)},
                f"beheer/{app}/{model}/<path:object_id>/": {"GET": beheer(302)},
            }
            continue
        verwijderen = (200, 302) if regels["delete"] else 403
        verwacht |= {
            f"{prefix}_changelist": {"GET": beheer(200), "POST": beheer(200)},
            f"{prefix}_add": {"GET": beheer(regels["add"]), "POST": beheer(regels["add"])},
            f"{prefix}_history": {"GET": beheer((200, 302))},
            f"{prefix}_delete": {"GET": beheer(verwijderen), "POST": beheer(verwijderen)},
            f"{prefix}_change": {"GET": beheer((200, 302)), "POST": beheer(regels["wijzigen"])},
            f"beheer/{app}/{model}/<path:object_id>/": {"GET": beheer(302)},
        }
    return verwacht


VERWACHT: dict[str, dict[str, dict]] = {
    # Start and log-in
    "/": {"GET": rij(302)},
    "accounts:login": {"GET": OPENBAAR, "POST": OPENBAAR},
    "accounts:logout": {"GET": rij(405), "POST": rij(302)},
    # The second step only for who just gave a password; everyone else is sent on (302).
    "accounts:tweestaps": {"GET": rij(302), "POST": rij(302)},
    "accounts:tweestaps_instellen": {"GET": rij(302), "POST": rij(302)},
    # OpenID Connect is off unless configured (REGIE_OIDC_RP_CLIENT_ID).
    "accounts:oidc_inloggen": {"GET": rij(404)},
    "accounts:oidc_callback": {"GET": rij(404)},
    # Every signed-in user manages their own password and API tokens.
    "accounts:wachtwoord": {"GET": IEDEREEN_INGELOGD, "POST": IEDEREEN_INGELOGD},
    "accounts:tokens": {"GET": IEDEREEN_INGELOGD, "POST": rij(400, anoniem=PAGINA)},
    # Worklists
    "werkvoorraad:mijn": {"GET": IEDEREEN_INGELOGD},
    "werkvoorraad:team": {"GET": alleen(["teamleider", "teamleider_drechtsteden"], 200)},
    "werkvoorraad:toewijzen": {
        "GET": alleen(["teamleider", "teamleider_drechtsteden"], 405),
        "POST": rij(403, anoniem=PAGINA, teamleider=(200, 404), teamleider_drechtsteden=(404, 200)),
    },
    # Cases
    "inburgeraars:registreren": {"GET": alleen(MET_DOSSIERS, 200), "POST": alleen(MET_DOSSIERS, 200)},
    "inburgeraars:zoeken": {"GET": alleen(MET_DOSSIERS, 200), "POST": alleen(MET_DOSSIERS, 200)},
    "inburgeraars:partner_opties": {"GET": ALLEEN_POST, "POST": alleen(MET_DOSSIERS, 200)},
    "inburgeraars:dossier": {"GET": lezen()},
    "inburgeraars:wijzigen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "inburgeraars:status": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "inburgeraars:termijnen": {"GET": lezen()},
    "inburgeraars:tijdlijn": {"GET": lezen()},
    "intake:intake": {"GET": lezen(), "POST": wijzigen(200)},
    "intake:diploma_toevoegen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "intake:diploma_verwijderen": {"GET": ALLEEN_POST, "POST": wijzigen(404)},
    "intake:afspraak_plannen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "intake:afspraak_status": {"GET": ALLEEN_POST, "POST": wijzigen(302)},
    "intake:verslag": {"GET": lezen()},
    "intake:verslag_pdf": {"GET": lezen()},
    # The own consultant and the team lead need no reason (back to the page); a colleague
    # without a reason gets the form again with the message.
    "intake:bijzondere_gegevens": {
        "GET": ALLEEN_POST,
        "POST": rij(
            403,
            anoniem=PAGINA,
            consulent=(302, 404),
            teamleider=(302, 404),
            collega=(200, 404),
            teamleider_drechtsteden=(404, 302),
            consulent_dordrecht=404,
        ),
    },
    "pip:pip": {"GET": lezen()},
    "pip:vaststellen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "pip:versie": {"GET": lezen()},
    "pip:pdf": {"GET": lezen()},
    # Trajectory (regie.trajecten): the case tab, refer and withdraw (an empty form: 200 with the
    # messages), the team lead's capacity page and the contracts overview (no persons).
    "trajecten:traject": {"GET": lezen()},
    "trajecten:verwijzen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "trajecten:intrekken": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "trajecten:starten": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "trajecten:afsluiten": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "trajecten:capaciteit": {"GET": alleen(["teamleider", "teamleider_drechtsteden"], 200)},
    "trajecten:contracten": {
        "GET": alleen(["teamleider", "teamleider_drechtsteden", "beleidsmedewerker"], 200)
    },
    "rapportage:dashboard": {"GET": alleen(BELEID, 200)},
    "rapportage:csv": {"GET": alleen(BELEID, 200)},
    "rapportage:cohorten": {"GET": alleen(BELEID, 200)},
    "rapportage:streefwaarden": {
        "GET": alleen(["beleidsmedewerker", "functioneel_beheerder"], 200),
        "POST": alleen(["beleidsmedewerker", "functioneel_beheerder"], 200),
    },
    "rapportage:raadsrapportages": {"GET": alleen(BELEID, 200), "POST": alleen(["beleidsmedewerker"], 200)},
    "rapportage:raadsrapportage": {"GET": RAAD_LEZEN, "POST": RAAD_SCHRIJVEN},
    "rapportage:definitief": {
        "GET": alleen(["beleidsmedewerker"], 405),
        "POST": alleen(["beleidsmedewerker"], (302, 404)),
    },
    "rapportage:pdf": {"GET": RAAD_LEZEN},
    # Voortgang tab, progress talks and the written warning (issue 5)
    "voortgangsgesprekken:voortgang": {"GET": lezen()},
    "voortgangsgesprekken:plannen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "voortgangsgesprekken:plannen_uit_pip": {"GET": ALLEEN_POST, "POST": wijzigen(302)},
    "voortgangsgesprekken:vastleggen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "handhaving:waarschuwing": {"GET": wijzigen(200), "POST": wijzigen(200)},
    # Participatie tab (regie.participatie): read for who reads the case; the forms for who changes it
    # (an empty form: 200 with the messages, nothing saved).
    "participatie:participatie": {"GET": lezen()},
    "participatie:activiteit_toevoegen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "participatie:activiteit_wijzigen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "participatie:situatie": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "handhaving:verzonden": {"GET": ALLEEN_POST, "POST": wijzigen(302)},
    # The fine (regie.handhaving.boete_views): read for who reads the case, each step for who changes
    # it (an empty form: the page again with the messages, 200, nothing saved); the beoordeling only
    # for team leads (BOETES_GOEDKEUREN), of the cases they can see.
    "handhaving:overzicht": {"GET": lezen()},
    "handhaving:voornemen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "handhaving:boete": {"GET": lezen()},
    "handhaving:zienswijze": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "handhaving:besluit": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "handhaving:betaling": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "handhaving:bezwaar": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "handhaving:bezwaar_beslissen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "handhaving:beoordelen": {
        "GET": alleen(TEAMLEIDERS, 405),
        "POST": rij(403, anoniem=PAGINA, teamleider=(200, 404), teamleider_drechtsteden=(404, 200)),
    },
    "handhaving:pdf": {"GET": lezen()},
    "handhaving:ter_goedkeuring": {"GET": alleen(TEAMLEIDERS, 200)},
    # DUO's notices (regie.duo.inkomend). The Notificatie API is machine to machine: no session
    # counts, only DUO's certificate or signature, so every user gets 401 for a POST without them and
    # 405 for a GET (DUO's spec: Foutmelding + API-Version). The pages: who may handle DUO notices
    # sees those of their own municipalities; an empty POST (no action chosen) is a 400.
    "duo_m2m:notificaties": {"GET": rij(405), "POST": rij(401)},
    "notificaties:lijst": {"GET": alleen(MET_DOSSIERS, 200)},
    # The case's DUO tab (regie.duo): read for who reads the case; retry, contact person and hours for
    # who changes it. The retry of a message already sent changes nothing (302); an empty contact
    # person form shows the page with the messages (200); an empty hours form sends nothing new (302).
    "duo:dossier": {"GET": lezen()},
    "duo:opnieuw": {"GET": ALLEEN_POST, "POST": wijzigen(302)},
    "duo:contactpersoon": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "duo:uren": {"GET": ALLEEN_POST, "POST": wijzigen(302)},
    "notificaties:melding": {"GET": lezen(), "POST": lezen(400)},
    # Registering the newcomer of a parked new-obligation notice: the matrix notice (SS999, linked to
    # a case) is not one, so who may see it is sent back to the notice with a message (302).
    "notificaties:registreren": {"GET": lezen(302), "POST": lezen(302)},
    "notificaties:afstemming": {
        "GET": alleen(["teamleider", "teamleider_drechtsteden"], 200),
        "POST": alleen(["teamleider", "teamleider_drechtsteden"], 400),
    },
    "notificaties:afstemming_dossier": {"GET": lezen()},
    # Provider portal (regie.voortgang): only the aanbieder role, only referrals to its own provider
    # ("ander" is a referral to another organisation's provider: 404). Empty forms: 200 with messages.
    "portaal:verwijzingen": {"GET": PORTAAL},
    "portaal:verwijzing": {"GET": PORTAAL_VERWIJZING},
    "portaal:accepteren": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:weigeren": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:starten": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:aanwezigheid": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:voortgang": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:examen": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:resultaat": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:eindrapport": {"GET": PORTAAL_VERWIJZING, "POST": PORTAAL_VERWIJZING},
    "portaal:upload": {"GET": PORTAAL, "POST": PORTAAL},
    "portaal:voorbeeld_csv": {"GET": PORTAAL},
    # The upload of the aanbieder user, which cannot be stored (a file error): 200 with the message.
    "portaal:upload_voorbeeld": {"GET": PORTAAL, "POST": PORTAAL},
    # API (problem+json); bodies are invalid, so a user with the right gets 400
    "api:inburgeraar-list": {
        "GET": alleen(MET_DOSSIERS, 200, anoniem=API),
        "POST": alleen(MET_DOSSIERS, 400, anoniem=API),
    },
    "api:inburgeraar-zoeken": {
        "GET": alleen(MET_DOSSIERS, 405, anoniem=API),
        "POST": alleen(MET_DOSSIERS, 400, anoniem=API),
    },
    "api:inburgeraar-detail": {"GET": lezen(anoniem=API), "PATCH": wijzigen(400, anoniem=API)},
    "api:pip-list": {"GET": lezen(anoniem=API), "POST": wijzigen(400, anoniem=API)},
    "api:pip-detail": {"GET": lezen(anoniem=API)},
    "api:afspraak-list": {"GET": lezen(anoniem=API), "POST": wijzigen(400, anoniem=API)},
    "api:afspraak-detail": {"GET": lezen(anoniem=API), "PATCH": wijzigen(400, anoniem=API)},
    "api:diploma-list": {"GET": lezen(anoniem=API), "POST": wijzigen(400, anoniem=API)},
    "api:participatie-list": {"GET": lezen(anoniem=API), "POST": wijzigen(400, anoniem=API)},
    "api:vaste-last-list": {"GET": lezen(anoniem=API)},
    "api:participatie-detail": {"GET": lezen(anoniem=API), "PATCH": wijzigen(400, anoniem=API)},
    "api:meetmoment-list": {"GET": lezen(anoniem=API)},
    "api:meetmoment-detail": {"GET": lezen(anoniem=API), "PUT": wijzigen(400, anoniem=API)},
    # DELETE names a diploma that does not exist: the right and the case are checked first.
    "api:diploma-detail": {"GET": lezen(anoniem=API), "DELETE": wijzigen(404, anoniem=API)},
    "api:brede-intake": {
        "GET": lezen(anoniem=API),
        "PUT": wijzigen(400, anoniem=API),
        "PATCH": wijzigen(400, anoniem=API),
    },
    # Reports of providers per referral (regie.api.voortgang): the municipality reads, only the
    # referral's provider writes (the matrix referral is not accepted yet, the body is invalid: 400).
    "api:weekrapportage-list": {"GET": RAPPORTAGE_LEZEN},
    # No week is reported in the matrix: 404 for whoever may see the referral.
    "api:weekrapportage-detail": {"GET": RAPPORTAGE_NIETS, "PUT": RAPPORTAGE_SCHRIJVEN},
    "api:voortgang": {"GET": RAPPORTAGE_LEZEN, "POST": RAPPORTAGE_SCHRIJVEN},
    "api:examens": {"GET": RAPPORTAGE_LEZEN, "POST": RAPPORTAGE_SCHRIJVEN},
    "api:resultaten": {"GET": RAPPORTAGE_LEZEN, "POST": RAPPORTAGE_SCHRIJVEN},
    "api:eindrapport": {"GET": RAPPORTAGE_NIETS, "PUT": RAPPORTAGE_SCHRIJVEN},
    # The CSV upload takes text/csv: JSON is 415 for the provider, 403 for everyone else.
    "api:weekrapportages-upload": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 405, anoniem=API),
        "POST": rij(403, anoniem=API, aanbieder=415),
    },
    # Referrals (regie.api.verwijzingen): the municipality reads its cases' referrals and refers; the
    # aanbieder user reads, accepts, refuses, starts and ends only referrals to its own provider.
    "api:verwijzing-list": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 200, anoniem=API),
        "POST": alleen(MET_DOSSIERS, 400, anoniem=API),
    },
    "api:verwijzing-detail": {"GET": {**lezen(anoniem=API), "aanbieder": (200, 404)}},
    "api:verwijzing-accepteren": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 405, anoniem=API),
        "POST": alleen(["aanbieder"], (400, 404), anoniem=API),
    },
    "api:verwijzing-weigeren": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 405, anoniem=API),
        "POST": alleen(["aanbieder"], (400, 404), anoniem=API),
    },
    "api:verwijzing-starten": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 405, anoniem=API),
        "POST": {**wijzigen(400, anoniem=API), "aanbieder": (400, 404)},
    },
    "api:verwijzing-afsluiten": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 405, anoniem=API),
        "POST": {**wijzigen(400, anoniem=API), "aanbieder": (400, 404)},
    },
    "api:verwijzing-intrekken": {
        "GET": alleen([*MET_DOSSIERS, "aanbieder"], 405, anoniem=API),
        "POST": wijzigen(400, anoniem=API),
    },
    # Moves (regie.overdracht): the case tab for who reads the case, its forms for who changes it (an
    # empty form: 200 with the messages, nothing saved); the inbox for who registers cases, a package
    # only for the municipality it is addressed to ("eigen": to Dronten, "ander": to Zwijndrecht);
    # taking it over needs the button's value (400 without, nothing saved); the schema is public.
    "overdracht:verhuizing": {"GET": lezen()},
    "overdracht:pakket_maken": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "overdracht:inlezen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "overdracht:verhuizen": {"GET": ALLEEN_POST, "POST": wijzigen(200)},
    "overdracht:pdf": {"GET": lezen()},
    "overdracht:json": {"GET": lezen()},
    "overdracht:inbox": {"GET": alleen(MET_DOSSIERS, 200)},
    "overdracht:inbox_pakket": {"GET": OVERDRACHT_IN, "POST": OVERDRACHT_IN_POST},
    "overdracht:inbox_pdf": {"GET": OVERDRACHT_IN},
    "overdracht:schema": {"GET": OPENBAAR},
    "api:overdrachtspakket": {"GET": lezen(405, anoniem=API), "POST": wijzigen(400, anoniem=API)},
    "api:gemeenten": {"GET": rij(200, anoniem=API)},
    "api:probleemtype": {"GET": OPENBAAR},
    "api:openapi-json": {"GET": OPENBAAR},
    "api:openapi-yaml": {"GET": OPENBAAR},
    "api:schema": {"GET": OPENBAAR},
    "api/v1/^.*$": {"GET": API_NIET_GEVONDEN, "POST": API_NIET_GEVONDEN},
    "^api(/|$)": {"GET": API_NIET_GEVONDEN},
    # COA koppelingen (regie.coa): who registers cases imports them; confirming or cancelling
    # without the form's step (an empty POST) is refused with 400 and changes nothing.
    "coa:imports": {"GET": alleen(MET_DOSSIERS, 200), "POST": alleen(MET_DOSSIERS, 200)},
    "coa:import": {"GET": coa_upload(200)},
    "coa:bevestigen": {"GET": alleen(MET_DOSSIERS, 405), "POST": coa_upload(400)},
    "coa:annuleren": {"GET": alleen(MET_DOSSIERS, 405), "POST": coa_upload(400)},
    # Taakstelling huisvesting: numbers only, for the team lead and the functioneel beheerder.
    "coa:taakstelling": {"GET": TAAKSTELLING, "POST": TAAKSTELLING},
    # Geldzaken: an empty form is shown again with its messages (200), nothing saved.
    "financien:start": {"GET": GELDZAKEN},
    "financien:overzicht": {"GET": GELDZAKEN_GEMEENTE},
    "financien:budget": {"GET": GELDZAKEN_GEMEENTE, "POST": GELDZAKEN_GEMEENTE},
    "financien:sisa": {"GET": GELDZAKEN_GEMEENTE},
    "financien:besteding_csv": {"GET": GELDZAKEN_GEMEENTE},
    "financien:besteding_xlsx": {"GET": GELDZAKEN_GEMEENTE},
    "financien:sisa_csv": {"GET": GELDZAKEN_GEMEENTE},
    "financien:sisa_xlsx": {"GET": GELDZAKEN_GEMEENTE},
    "financien:facturen": {"GET": GELDZAKEN_GEMEENTE},
    "financien:factuur_registreren": {"GET": GELDZAKEN_GEMEENTE, "POST": GELDZAKEN_GEMEENTE},
    # Ontzorging (Pw 56a) on the case: read with the case, changed by its own consultant and the team
    # lead. "vastleggen" sends to the tab: the matrix case has ontzorging already.
    "ontzorging_dossier:ontzorging": {"GET": lezen()},
    "ontzorging_dossier:vastleggen": {"GET": wijzigen(302), "POST": wijzigen(302)},
    "ontzorging_dossier:verlengen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "ontzorging_dossier:beeindigen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "ontzorging_dossier:brief": {"GET": lezen()},
    "ontzorging_dossier:bijstand": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "ontzorging_dossier:budgetcoaching": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "ontzorging_dossier:vaste_last_toevoegen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    "ontzorging_dossier:vaste_last_wijzigen": {"GET": wijzigen(200), "POST": wijzigen(200)},
    # Payment runs: the financieel medewerker of Dronten ("ander": Zwijndrecht, 404). An action
    # without its confirmation is refused (400) and changes nothing.
    "ontzorging:start": {"GET": GELDZAKEN},
    "ontzorging:runs": {"GET": GELDZAKEN_GEMEENTE, "POST": GELDZAKEN_GEMEENTE},
    "ontzorging:rekening": {"GET": GELDZAKEN_GEMEENTE, "POST": GELDZAKEN_GEMEENTE},
    "ontzorging:run": {"GET": GELDZAKEN_GEMEENTE},
    "ontzorging:goedkeuren": {"GET": RUN_ACTIE_GET, "POST": RUN_ACTIE},
    "ontzorging:verwijderen": {"GET": RUN_ACTIE_GET, "POST": RUN_ACTIE},
    "ontzorging:betaald": {"GET": RUN_ACTIE_GET, "POST": RUN_ACTIE},
    "ontzorging:bestand": {"GET": GELDZAKEN_GEMEENTE},
    "ontzorging:teruggekomen": {"GET": GELDZAKEN_GEMEENTE, "POST": GELDZAKEN_GEMEENTE},
    # The CBS delivery (regie.cbs): the team lead, for the own municipalities. Without a choice the
    # report and the delivery give the form again with the messages (400); a delivery of another
    # organisation is a 404.
    "cbs:overzicht": {"GET": CBS},
    "cbs:controle": {"GET": alleen(TEAMLEIDERS, 400)},
    "cbs:leveren": {"GET": alleen(TEAMLEIDERS, 405), "POST": alleen(TEAMLEIDERS, 400)},
    "cbs:download": {
        "GET": rij(403, anoniem=PAGINA, teamleider=(200, 404), teamleider_drechtsteden=(404, 200))
    },
    # Background tasks (regie.taken): the functioneel beheerder, the own organisation's tasks only;
    # a retry without a task is a 404, as one of another organisation.
    "taken:overzicht": {"GET": alleen(["functioneel_beheerder"], 200)},
    "taken:opnieuw": {
        "GET": alleen(["functioneel_beheerder"], 405),
        "POST": alleen(["functioneel_beheerder"], 404),
    },
    # Processing log: the privacy officer, only entries and persons of the own organisation
    "verwerkingslog:zoeken": {
        "GET": alleen(["privacy_officer"], 200),
        "POST": alleen(["privacy_officer"], 200),
    },
    "verwerkingslog:detail": {"GET": alleen(["privacy_officer"], (200, 404))},
    "verwerkingslog:inzageverzoek": {
        "GET": alleen(["privacy_officer"], 405),
        # without the required reason: 400, the page again with the message
        "POST": alleen(["privacy_officer"], (400, 404)),
    },
    # Beheeromgeving: superusers (not in this matrix) and the functioneel beheerder only
    "admin:index": {"GET": beheer(200)},
    # A signed-in user without the right gets 403 on the admin's log-in page too.
    "admin:login": {"GET": beheer(302, anoniem=200), "POST": beheer(200, anoniem=200)},
    "admin:logout": {"GET": beheer(405), "POST": beheer(302)},
    # The own password: Regie's page (accounts:wachtwoord), which ends other sessions and tokens.
    "admin:password_change": {"GET": beheer(302), "POST": beheer(302)},
    "admin:password_change_done": {"GET": beheer(200)},
    "admin:autocomplete": {"GET": beheer(403)},
    "admin:jsi18n": {"GET": beheer(200)},
    "admin:view_on_site": {"GET": beheer(404)},
    "admin:app_list": {"GET": beheer(200)},
    "admin:auth_user_password_change": {"GET": beheer((200, 404)), "POST": beheer((200, 404))},
    "admin:otp_totp_totpdevice_config": {"GET": beheer(403)},
    "admin:otp_totp_totpdevice_qrcode": {"GET": beheer(403)},
    "beheer/(?P<url>.*)$": {"GET": beheer(404)},
    **_beheer_modellen(),
}


# --- The URL patterns --------------------------------------------------------------------


@dataclass(frozen=True)
class Adres:
    sleutel: str  # the URL name with namespace, or the route for a pattern without a name
    delen: tuple  # the pattern of each level, from the root
    naam: str | None

    @property
    def route(self) -> str:
        return "".join(str(deel.pattern) for deel in self.delen)

    @property
    def heeft_object(self) -> bool:
        """Whether the address names an object (then both tenants are tried)."""
        return bool(re.search(r"<(\w+:)?(uuid|pk|id|object_id|inburgeraar_id|cbs_code)>", self.route))


def alle_adressen() -> list[Adres]:
    """Every URL pattern of the project, also those inside includes (API router, admin)."""

    def loop(patronen, delen, namespace):
        for patroon in patronen:
            if isinstance(patroon, URLResolver):
                ns = namespace
                if patroon.namespace:
                    ns = f"{namespace}:{patroon.namespace}" if namespace else patroon.namespace
                yield from loop(patroon.url_patterns, (*delen, patroon), ns)
            elif isinstance(patroon, URLPattern):
                alle = (*delen, patroon)
                route = "".join(str(d.pattern) for d in alle)
                naam = f"{namespace}:{patroon.name}" if namespace and patroon.name else patroon.name
                yield Adres(sleutel=naam or route or "/", delen=alle, naam=naam)

    return list(loop(get_resolver().url_patterns, (), None))


def combinaties() -> list[tuple[str, str]]:
    """(address, method) pairs of the matrix, for parametrize."""
    return [(sleutel, methode) for sleutel, methoden in VERWACHT.items() for methode in methoden]


def aantal_combinaties() -> int:
    """URL × method × user × tenant; the tenant only counts twice where the address names
    an object (a case, or an object in the beheeromgeving)."""
    adressen = {a.sleutel: a for a in alle_adressen()}
    totaal = 0
    for sleutel, _methode in combinaties():
        tenants = 2 if sleutel in adressen and adressen[sleutel].heeft_object else 1
        totaal += len(GEBRUIKERS) * tenants
    return totaal


# --- Test data: one data set for the whole module ----------------------------------------


def _ontzorging_voor_matrix(dossiers, onderdelen, gebruikers) -> None:
    """Per tenant an ontzorging with a fixed cost, and an approved payment run of its municipality
    with that payment (the file is a stand-in: the matrix checks who gets it)."""
    from datetime import date

    from regie.ontzorging.models import Betaalrun, Betaling, Ontzorging, VasteLast

    for tenant, inburgeraar in dossiers.items():
        ontzorging = Ontzorging.objects.create(
            inburgeraar=inburgeraar,
            vergunning="asiel",
            eerste_bijstand=date(2026, 1, 5),
            einde=date(2026, 6, 30),
        )
        vaste_last = VasteLast.objects.create(
            ontzorging=ontzorging,
            soort="huur",
            begunstigde="Matrix Wonen",
            iban="NL91ABNA0417164300",
            bedrag=50000,
            van=date(2026, 1, 1),
            kenmerk="Matrix",
        )
        run = Betaalrun.objects.create(
            gemeente=inburgeraar.gemeente,
            maand=date(2026, 1, 1),
            status="geexporteerd",
            voorbereid_door=gebruikers["financieel_medewerker"],
            bestand=b"<matrix/>",
            bericht_id="MATRIX",
            aantal=1,
            totaal=50000,
        )
        betaling = Betaling.objects.create(
            run=run,
            inburgeraar=inburgeraar,
            vaste_last=vaste_last,
            maand=date(2026, 1, 1),
            soort="huur",
            begunstigde="Matrix Wonen",
            iban="NL91ABNA0417164300",
            bedrag=50000,
            omschrijving="Huur 01-2026 Matrix",
            end_to_end=f"ONTZmatrix{tenant}",
        )
        onderdelen[tenant].vaste_last = vaste_last
        onderdelen[tenant].betaalrun = run
        onderdelen[tenant].betaling = betaling


def _maak_gegevens() -> SimpleNamespace:
    organisaties = maak_organisaties()
    dronten = Gemeente.objects.get(cbs_code="0303")
    dordrecht = Gemeente.objects.get(cbs_code="0505")
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    org_dronten = dronten.organisatie
    org_drecht = dordrecht.organisatie

    def medewerker(naam, organisatie, rol):
        return UserFactory(username=f"matrix.{naam}", organisatie=organisatie, rol=rol)

    gebruikers = {
        "consulent": medewerker("consulent", org_dronten, Rol.CONSULENT),
        "collega": medewerker("collega", org_dronten, Rol.CONSULENT),
        "teamleider": medewerker("teamleider", org_dronten, Rol.TEAMLEIDER),
        "beleidsmedewerker": medewerker("beleid", org_dronten, Rol.BELEIDSMEDEWERKER),
        "financieel_medewerker": medewerker("financieel", org_dronten, Rol.FINANCIEEL_MEDEWERKER),
        "aanbieder": medewerker("aanbieder", org_dronten, Rol.AANBIEDER),
        "functioneel_beheerder": medewerker("beheerder", org_dronten, Rol.FUNCTIONEEL_BEHEERDER),
        "privacy_officer": medewerker("privacy", org_dronten, Rol.PRIVACY_OFFICER),
        "teamleider_drechtsteden": medewerker("teamleider.drecht", org_drecht, Rol.TEAMLEIDER),
        "consulent_dordrecht": medewerker("consulent.dordrecht", org_drecht, Rol.CONSULENT),
    }
    gebruikers["consulent_dordrecht"].gemeenten.set([dordrecht])
    consulent_drecht = medewerker("consulent.zwijndrecht", org_drecht, Rol.CONSULENT)
    from regie.aanbieders.factories import AanbiederFactory, ContractFactory
    from regie.trajecten.factories import verwezen

    # A language school per organisation; the aanbieder user works at Dronten's.
    contracten = {
        tenant: ContractFactory(
            aanbieder=AanbiederFactory(organisatie=organisatie, naam=f"Taalschool {tenant}")
        )
        for tenant, organisatie in {"eigen": org_dronten, "ander": org_drecht}.items()
    }
    gebruikers["aanbieder"].aanbieder = contracten["eigen"].aanbieder
    gebruikers["aanbieder"].save(update_fields=["aanbieder"])

    dossiers = {
        "eigen": InburgeraarFactory(
            bsn=geldig_bsn(900_001), gemeente=dronten, consulent=gebruikers["consulent"]
        ),
        "ander": InburgeraarFactory(
            bsn=geldig_bsn(900_002), gemeente=zwijndrecht, consulent=consulent_drecht
        ),
    }
    onderdelen = {}
    from regie.handhaving.models import Waarschuwing
    from regie.voortgangsgesprekken.models import Voortgangsgesprek

    for tenant, inburgeraar in dossiers.items():
        intake = IntakeFactory(inburgeraar=inburgeraar, gezondheid_lichamelijk="Rugklachten (matrix)")
        onderdelen[tenant] = SimpleNamespace(
            diploma=DiplomaFactory(intake=intake),
            afspraak=AfspraakFactory(inburgeraar=inburgeraar),
            pip=pip_vastgesteld(inburgeraar, inburgeraar.consulent),
            gesprek=Voortgangsgesprek.objects.create(
                inburgeraar=inburgeraar, gepland_op=inburgeraar.geboortedatum
            ),
            waarschuwing=Waarschuwing.objects.create(
                inburgeraar=inburgeraar,
                aanleiding="anders",
                omschrijving="matrix",
                datum=inburgeraar.geboortedatum,
                door=inburgeraar.consulent,
            ),
        )
        from regie.handhaving.models import Boete

        # An imposed fine (with a beschikking, so the PDF answers 200).
        onderdelen[tenant].boete = Boete.objects.create(
            inburgeraar=inburgeraar,
            waarschuwing=onderdelen[tenant].waarschuwing,
            grond="wi23",
            status="opgelegd",
            pleegdatum=inburgeraar.geboortedatum,
            feiten="matrix",
            rapport_datum=inburgeraar.geboortedatum,
            zienswijze_uiterlijk=inburgeraar.geboortedatum,
            opgesteld_door=inburgeraar.consulent,
            zienswijze_vorm="geen_reactie",
            bedrag_centen=5_000,
            dagtekening=inburgeraar.geboortedatum,
        )
        from regie.participatie.models import Activiteit

        onderdelen[tenant].activiteit = Activiteit.objects.create(
            inburgeraar=inburgeraar,
            soort="vrijwilligerswerk",
            partner="Matrix",
            startdatum=inburgeraar.geboortedatum,
        )
        inburgeraar.refresh_from_db()
        onderdelen[tenant].verwijzing = verwezen(
            inburgeraar, inburgeraar.consulent, contract=contracten[tenant]
        )
        from regie.duo.uitgaand.models import UitgaandBericht

        # A message to DUO that was sent: "Opnieuw versturen" leaves it as it is.
        onderdelen[tenant].duo_bericht = UitgaandBericht.objects.create(
            inburgeraar=inburgeraar,
            gemeente=inburgeraar.gemeente,
            soort="pip",
            api="PIP",
            methode="post",
            pad="/personen/{bsn}/PIP",
            body={"dagtekeningPip": "2026-01-01", "leerroute": "B"},
            status="verzonden",
        )

    _ontzorging_voor_matrix(dossiers, onderdelen, gebruikers)

    from regie.overdracht.services import pakket_maken

    # A hand-over package of each case, to the other tenant's municipality (waiting in its inbox).
    overdrachten = {}
    for tenant, naar in (("eigen", zwijndrecht), ("ander", dronten)):
        dossiers[tenant].refresh_from_db()
        overdrachten[tenant] = pakket_maken(
            inburgeraar=dossiers[tenant], door=dossiers[tenant].consulent, naar_gemeente=naar
        )
    from regie.voortgang.models import CsvUpload

    # The aanbieder user's upload that cannot be stored (a file error), for portaal:upload_voorbeeld.
    upload = CsvUpload.objects.create(
        aanbieder=gebruikers["aanbieder"].aanbieder,
        door=gebruikers["aanbieder"],
        bestandsnaam="matrix.csv",
        bestandsfouten=["De kolom week ontbreekt."],
    )

    from regie.coa.models import CoaImport

    # A waiting COA upload per tenant (see coa_upload), with one valid row.
    coa_imports = {
        tenant: CoaImport.objects.create(
            organisatie=door.organisatie,
            bestandsnaam=f"matrix-{tenant}.csv",
            inhoud=(
                "huishouden;rol;bsn;voornamen;geslachtsnaam;geboortedatum;gemeente;datum_koppeling\n"
                f"M1;hoofd;{geldig_bsn(900_100)};Matrix;Test;01-01-1990;{cbs};01-01-2024\n"
            ),
            geupload_door=door,
        ).uuid
        for tenant, door, cbs in (
            ("eigen", gebruikers["consulent"], "0303"),
            ("ander", gebruikers["teamleider_drechtsteden"], "0642"),
        )
    }

    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    from regie.accounts.tokens import maak_api_token
    from regie.duo.inkomend.models import GeweigerdeMelding
    from regie.handhaving.models import Boetebeleid
    from regie.rapportage.models import Huisstijl, Raadsrapportage, Streefwaarde

    # A draft council report per tenant (Dronten's and Dordrecht's).
    raadsrapportages = {
        tenant: Raadsrapportage.objects.create(gemeente=gemeente, jaar=2025, aangemaakt_door=door).uuid
        for tenant, gemeente, door in (
            ("eigen", dronten, gebruikers["beleidsmedewerker"]),
            ("ander", dordrecht, gebruikers["teamleider_drechtsteden"]),
        )
    }

    # Objects of the beheeromgeving, one per tenant.
    beheerobjecten = {}
    for tenant, (organisatie, gemeente, eigenaar) in {
        "eigen": (org_dronten, dronten, gebruikers["consulent"]),
        "ander": (org_drecht, dordrecht, consulent_drecht),
    }.items():
        token, _ = maak_api_token(user=eigenaar, naam="matrix")
        toegang = {
            "username": eigenaar.username,
            "ip_address": "127.0.0.1",
            "user_agent": "matrix",
            "path_info": "/",
        }
        beheerobjecten[tenant] = {
            "accounts.user": eigenaar.pk,
            "accounts.apitoken": token.pk,
            "organisaties.organisatie": organisatie.pk,
            "organisaties.gemeente": gemeente.pk,
            "aanbieders.aanbieder": contracten[tenant].aanbieder.pk,
            "aanbieders.contract": contracten[tenant].pk,
            "notificaties.geweigerdemelding": GeweigerdeMelding.objects.create(
                status=401, reden="matrix", doel=gemeente.oin, gemeente=gemeente
            ).pk,
            "rapportage.huisstijl": Huisstijl.objects.create(
                gemeente=gemeente, afzender="matrix", adres="matrix"
            ).pk,
            "rapportage.streefwaarde": Streefwaarde.objects.create(
                gemeente=gemeente, kpi="pip_binnen_termijn", jaar=2026, waarde=80
            ).pk,
            "handhaving.boetebeleid": Boetebeleid.objects.create(gemeente=gemeente).pk,
            "auth.group": Group.objects.get_or_create(name=f"matrix-{tenant}")[0].pk,
            "otp_totp.totpdevice": TOTPDevice.objects.create(user=eigenaar, name="matrix", confirmed=True).pk,
            "axes.accessattempt": AccessAttempt.objects.create(
                **toegang, get_data="", post_data="", failures_since_start=1
            ).pk,
            "axes.accesslog": AccessLog.objects.create(**toegang).pk,
            "axes.accessfailurelog": AccessFailureLog.objects.create(**toegang).pk,
            "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
                args_kwargs={"args": [], "kwargs": {}},
                task_path="matrix.taak",
                backend_name="default",
                run_after=timezone.now(),
            ).pk,
        }
    # One signed-in session per user (password and TOTP step, as conftest's force_login does),
    # made once: each test only sets the cookie.
    from conftest import _force_login_met_tweede_stap

    sessies = {}
    for naam, user in gebruikers.items():
        client = Client()
        _force_login_met_tweede_stap(client, user)  # the conftest's force_login is function-scoped
        sessies[naam] = client.cookies[settings.SESSION_COOKIE_NAME].value
    from regie.verwerkingslog.models import Verwerking

    verwerkingen = {
        tenant: Verwerking.objects.filter(namens_organisatie_id=organisatie.pk).values_list(
            "uuid", flat=True
        )[0]
        for tenant, organisatie in {"eigen": org_dronten, "ander": org_drecht}.items()
    }
    # A DUO notice per tenant (parked, about the tenant's case).
    from django.utils import timezone as _tz

    from regie.duo.inkomend.models import Notificatie
    from regie.duo.inkomend.models import Status as NotificatieStatus

    meldingen = {
        tenant: Notificatie.objects.create(
            bericht_id=f"matrix-{tenant}",
            bron=settings.DUO_OIN,
            doel=inburgeraar.gemeente.oin,
            gemeente=inburgeraar.gemeente,
            bsn=inburgeraar.bsn,
            gebeurtenis_id="SS999",
            registratie_datum_tijd=_tz.now(),
            status=NotificatieStatus.GEPARKEERD,
            reden="Onbekende gebeurtenis (matrix)",
            inburgeraar=inburgeraar,
        )
        for tenant, inburgeraar in dossiers.items()
    }
    from regie.cbs.models import Levering

    # A delivery to CBS per tenant (Dronten's, and Drechtsteden's for its four municipalities).
    cbs_leveringen = {
        tenant: Levering.objects.create(
            organisatie=organisatie,
            gemeente=gemeente,
            berichtgever=organisatie.naam,
            gemeentecodes="0303",
            jaar=2025,
            kwartaal=1,
            definitie="swi-v1",
            bestand=b"<matrix/>",
            bestandsnaam="matrix.xml",
            sha256="0" * 64,
            aantal_records=0,
            gemaakt_door=door,
        ).uuid
        for tenant, organisatie, gemeente, door in (
            ("eigen", org_dronten, dronten, gebruikers["teamleider"]),
            ("ander", org_drecht, None, gebruikers["teamleider_drechtsteden"]),
        )
    }
    return SimpleNamespace(
        overdrachten=overdrachten,
        cbs_leveringen=cbs_leveringen,
        raadsrapportages=raadsrapportages,
        upload=upload,
        coa_imports=coa_imports,
        verwerkingen=verwerkingen,
        meldingen=meldingen,
        sessies=sessies,
        organisaties=organisaties,
        gebruikers=gebruikers,
        dossiers=dossiers,
        onderdelen=onderdelen,
        beheer=beheerobjecten,
        user_type=ContentType.objects.get_for_model(User).pk,
    )


@pytest.fixture(scope="module")
def gegevens(django_db_setup, django_db_blocker):
    """The data of the whole module, in one transaction that is rolled back at the end; each
    test runs in a savepoint inside it (like Django's TestCase.setUpTestData)."""
    with django_db_blocker.unblock():
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            yield _maak_gegevens()
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _snelle_pdf(monkeypatch):
    """The matrix checks who gets a PDF, not how it looks: skip WeasyPrint's layout."""
    import regie.pdf

    class Document:
        def __init__(self, *args, **kwargs):
            pass

        def write_pdf(self, **kwargs):
            return b"%PDF-1.7 matrix"

    monkeypatch.setattr(
        regie.pdf,
        "weasyprint",
        SimpleNamespace(HTML=Document, URLFetcher=lambda **k: None, CSS=lambda **k: None),
    )
    monkeypatch.setattr(regie.pdf, "_stijlblad", lambda: None)


@pytest.fixture(autouse=True)
def _snel_openapi(monkeypatch):
    """Nor how the OpenAPI document looks (test_openapi.py checks that)."""
    from drf_spectacular.generators import SchemaGenerator

    monkeypatch.setattr(
        SchemaGenerator, "get_schema", lambda self, request=None, public=False: {"openapi": "3.0.3"}
    )


# --- Building a request ------------------------------------------------------------------

REGEX_VOORBEELD = {
    r"^.*$": "bestaat-niet",
    r"^api(/|$)": "api/",
    r"(?P<url>.*)$": "bestaat-niet/",
}


def _waarde(adres: Adres, naam: str, tenant: str, g: SimpleNamespace, methode: str, route_tot_hier: str):
    dossier, delen = g.dossiers[tenant], g.onderdelen[tenant]
    if adres.sleutel == "verwerkingslog:detail":
        return g.verwerkingen[tenant]
    if naam == "uuid" and adres.sleutel.startswith("cbs:"):
        return g.cbs_leveringen[tenant]
    if naam == "uuid" and adres.sleutel.startswith("coa:"):
        return g.coa_imports[tenant]
    if naam == "uuid" and adres.sleutel.startswith("rapportage:"):
        return g.raadsrapportages[tenant]
    if adres.sleutel == "rapportage:csv":
        return "instroom"
    # A referral: in a case's address (<verwijzing>) or the uuid of /api/v1/verwijzingen/{uuid}.
    if naam == "verwijzing" or (naam == "uuid" and adres.route.startswith("api/v1/verwijzingen/")):
        return delen.verwijzing.uuid
    if adres.sleutel in ("notificaties:melding", "notificaties:registreren"):
        return g.meldingen[tenant].uuid
    if naam == "uuid" and adres.sleutel.startswith("portaal:"):
        return delen.verwijzing.uuid
    if naam == "overdracht":  # a package the tenant's case shared
        return g.overdrachten[tenant].uuid
    if naam == "uuid" and adres.sleutel.startswith("overdracht:inbox"):  # one addressed to the tenant
        return g.overdrachten["ander" if tenant == "eigen" else "eigen"].uuid
    if naam == "bericht":
        return delen.duo_bericht.uuid
    if naam == "upload":
        return g.upload.uuid
    if naam == "week":
        return "2026-W01"
    if naam == "vaste_last":
        return delen.vaste_last.uuid
    if naam == "run":
        return delen.betaalrun.uuid
    if naam == "betaling":
        return delen.betaling.pk
    if naam == "cbs_code":  # a municipality: Dronten, or Zwijndrecht of the other organisation
        return dossier.gemeente.cbs_code
    if naam == "jaar":
        return 2026
    if naam == "uuid":
        return dossier.uuid
    if naam == "inburgeraar_id":
        return dossier.pk
    if naam == "formaat":
        return "json"
    if naam == "versie":
        return delen.pip.versie
    if naam == "code":
        return "geen-toegang"
    if naam == "content_type_id":
        return g.user_type
    if adres.sleutel == "voortgangsgesprekken:vastleggen":
        return delen.gesprek.pk
    if adres.sleutel == "participatie:activiteit_wijzigen":
        return delen.activiteit.pk
    if naam == "activiteit":
        return delen.activiteit.uuid
    if naam == "moment":
        return "intake"
    if adres.sleutel == "handhaving:verzonden":
        return delen.waarschuwing.pk
    if naam == "boete":
        return delen.boete.uuid
    if adres.sleutel == "intake:afspraak_status" or adres.sleutel == "api:afspraak-detail":
        return delen.afspraak.pk
    if adres.sleutel == "api:diploma-detail":
        return 999_999 if methode == "DELETE" else delen.diploma.pk
    if adres.sleutel == "admin:view_on_site":
        return g.beheer[tenant]["accounts.user"]
    if adres.sleutel == "admin:auth_user_password_change":
        return g.beheer[tenant]["accounts.user"]
    gevonden = re.search(r"beheer/(\w+)/(\w+)/$", route_tot_hier)
    if gevonden:
        return g.beheer[tenant][f"{gevonden[1]}.{gevonden[2]}"]
    raise AssertionError(f"Geen voorbeeldwaarde voor <{naam}> in {adres.sleutel}")


def pad(adres: Adres, tenant: str, g: SimpleNamespace, methode: str) -> str:
    delen = ""
    for deel in adres.delen:
        tekst = str(deel.pattern)
        if isinstance(deel.pattern, RegexPattern):
            app_lijst = tekst.startswith("^(?P<app_label>")
            tekst = "accounts/" if app_lijst else REGEX_VOORBEELD.get(tekst, tekst)
        else:
            tekst = re.sub(
                r"<(?:\w+:)?(\w+)>",
                lambda m, voor=delen: str(_waarde(adres, m[1], tenant, g, methode, voor)),
                tekst,
            )
        delen += tekst
    return "/" + delen


LEGE_API_INVOER = json.dumps({"matrix_ongeldig": "x"})


def vraag(client: Client, methode: str, adres: str, api: bool):
    if methode == "GET":
        return client.get(adres)
    if api:
        return client.generic(methode, adres, LEGE_API_INVOER, content_type="application/json")
    return client.generic(methode, adres, "", content_type="application/x-www-form-urlencoded")


def stand() -> tuple:
    """What no refused or invalid request may change."""
    from django.contrib.auth.models import Group

    from regie.aanbieders.models import Aanbieder, Contract
    from regie.accounts.models import ApiToken
    from regie.inburgeraars.models import Inburgeraar, Kind
    from regie.intake.models import Afspraak, BredeIntake, Diploma
    from regie.organisaties.models import Organisatie
    from regie.pip.models import Pip
    from regie.tijdlijn.models import Gebeurtenis
    from regie.trajecten.models import Verwijzing
    from regie.voortgang.models import CsvUpload, Weekrapportage

    return (
        sorted(Inburgeraar.objects.values_list()),
        sorted(BredeIntake.objects.values_list()),
        sorted(Afspraak.objects.values_list()),
        sorted(Diploma.objects.values_list()),
        sorted(Pip.objects.values_list("pk", "versie")),
        Kind.objects.count(),
        Gebeurtenis.objects.count(),
        sorted(
            User.objects.values_list(
                "pk", "username", "rol", "organisatie_id", "is_active", "is_superuser", "password"
            )
        ),
        sorted(Organisatie.objects.values_list()),
        sorted(Gemeente.objects.values_list()),
        sorted(ApiToken.objects.values_list("pk", "ingetrokken_op")),
        Group.objects.count(),
        sorted(Verwijzing.objects.values_list("pk", "status", "reden_weigering", "startdatum", "einddatum")),
        sorted(Contract.objects.values_list()),
        sorted(Aanbieder.objects.values_list()),
        sorted(Weekrapportage.objects.values_list()),
        sorted(CsvUpload.objects.values_list("pk", "opgeslagen_op", "aantal_opgeslagen")),
        *_stand_coa_en_taken(),
        *_stand_geldzaken(),
        *_stand_participatie(),
        *_stand_ontzorging(),
        *_stand_handhaving(),
    )


def _stand_handhaving() -> tuple:
    from regie.handhaving.models import Bezwaar, Boete, Boetebeleid

    return (
        sorted(Boete.objects.values_list()),
        sorted(Bezwaar.objects.values_list()),
        sorted(
            Boetebeleid.objects.values_list("pk", "asielstatushouders_beboeten", "verrekenen_met_bijstand")
        ),
    )


def _stand_participatie() -> tuple:
    from regie.overdracht.models import OntvangenPakket, Overdracht
    from regie.participatie.models import Activiteit, Situatie

    return (
        sorted(Activiteit.objects.values_list()),
        sorted(Situatie.objects.values_list()),
        sorted(Overdracht.objects.values_list("pk", "status", "nieuw_dossier_id")),
        OntvangenPakket.objects.count(),
    )


def _stand_ontzorging() -> tuple:
    from regie.ontzorging.models import (
        Betaalrekening,
        Betaalrun,
        Betaling,
        Bijstandsbedrag,
        Ontzorging,
        VasteLast,
    )

    return (
        sorted(Ontzorging.objects.values_list()),
        sorted(
            VasteLast.objects.values_list(
                "pk", "soort", "begunstigde", "iban", "bedrag", "van", "tot", "kenmerk"
            )
        ),
        sorted(Betaalrun.objects.values_list("pk", "status", "goedgekeurd_door", "aantal", "totaal")),
        sorted(Betaling.objects.values_list("pk", "status", "reden_terug")),
        Betaalrekening.objects.count(),
        Bijstandsbedrag.objects.count(),
    )


def _stand_coa_en_taken() -> tuple:
    from django_tasks_db.models import DBTaskResult

    from regie.cbs.models import Levering
    from regie.coa.models import CoaImport, CoaKoppeling, Taakstelling
    from regie.taken.models import HerhaaldeTaak

    return (
        sorted(CoaImport.objects.values_list("pk", "status", "aantal_rijen")),
        CoaKoppeling.objects.count(),
        sorted(Taakstelling.objects.values_list("pk", "aantal")),
        HerhaaldeTaak.objects.count(),
        Levering.objects.count(),
        DBTaskResult.objects.count(),
    )


def _stand_geldzaken() -> tuple:
    from regie.financien.models import Budget, Factuur

    return (
        sorted(Budget.objects.values_list("pk", "bedrag")),
        sorted(Factuur.objects.values_list("pk", "bedrag")),
    )


def verwacht_voor(status, tenant: str) -> int:
    if isinstance(status, tuple):
        return status[TENANTS.index(tenant)]
    return status


# --- The tests ---------------------------------------------------------------------------


def test_elk_adres_staat_in_de_matrix():
    ontbreekt = sorted({a.sleutel for a in alle_adressen()} - set(VERWACHT))
    assert not ontbreekt, (
        "Deze adressen staan niet in de toegangsmatrix. Zet ze in VERWACHT in tests/test_toegangsmatrix.py,"
        " met per rol de status die hoort (en bedenk wie het mag): " + ", ".join(ontbreekt)
    )


def test_de_matrix_noemt_geen_adressen_die_niet_bestaan():
    bestaat = {a.sleutel for a in alle_adressen()}
    assert not sorted(set(VERWACHT) - bestaat)


def test_elke_rij_noemt_elke_gebruiker():
    for sleutel, methoden in VERWACHT.items():
        for methode, statussen in methoden.items():
            assert set(statussen) == set(GEBRUIKERS), (sleutel, methode)


@pytest.mark.parametrize(("sleutel", "methode"), combinaties())
def test_toegang(gegevens, db, sleutel, methode):
    adres = next(a for a in alle_adressen() if a.sleutel == sleutel)
    api = adres.route.startswith("api")
    tenants = TENANTS if adres.heeft_object else TENANTS[:1]
    voor = stand()
    fouten = []
    clients = {}
    for gebruiker in GEBRUIKERS:
        client = clients[gebruiker] = Client()
        if gebruiker != "anoniem":
            client.cookies[settings.SESSION_COOKIE_NAME] = gegevens.sessies[gebruiker]
    for gebruiker in GEBRUIKERS:
        for tenant in tenants:
            url = pad(adres, tenant, gegevens, methode)
            verwacht = verwacht_voor(VERWACHT[sleutel][methode][gebruiker], tenant)
            antwoord = vraag(clients[gebruiker], methode, url, api)
            if antwoord.status_code != verwacht:
                fouten.append(
                    f"{methode} {url} als {gebruiker} ({tenant}): {antwoord.status_code}, verwacht {verwacht}"
                )
            elif (
                api and antwoord.status_code >= 400 and antwoord["Content-Type"] != "application/problem+json"
            ):
                fouten.append(f"{methode} {url} als {gebruiker}: geen problem+json")
    assert not fouten, "\n".join(fouten)
    if methode != "GET":
        assert stand() == voor, f"{methode} {sleutel} veranderde gegevens"


def test_aantal_combinaties(capsys):
    aantal = aantal_combinaties()
    assert aantal > 1000
    with capsys.disabled():
        print(
            f"\nToegangsmatrix: {len(VERWACHT)} adressen, {len(combinaties())} adres × methode,"
            f" {len(GEBRUIKERS)} gebruikers, 2 tenants: {aantal} combinaties getest."
        )
