"""Every view and API endpoint that shows personal data writes a processing-log entry.

All URL patterns are enumerated. Each named URL is either in LEZEN (it shows personal data:
how to request it as an authorised user, and what the entry must say) or in
GEEN_PERSOONSGEGEVENS (with the reason). A new URL in neither list fails
`test_elke_url_staat_in_een_van_beide_lijsten`, so nobody can add a page that shows
personal data without logging it.
"""

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from regie.verwerkingslog.models import Actie, Kanaal, Resultaat, Verwerking
from regie.verwerkingslog.tests.conftest import laatste_id, nieuw_sinds, personen

HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Verzoek:
    methode: str = "get"
    gebruiker: str = "consulent"  # fixture name of an authorised user
    kwargs: object = None  # dossier -> URL kwargs
    data: object = None  # dossier -> GET/POST data
    json: bool = False
    kop: dict = field(default_factory=dict)
    kanaal: str = Kanaal.PAGINA
    actie: str = Actie.LEZEN
    onderdeel: str = ""
    personen: object = None  # dossier -> persons the entry must name (default: the case)


def _case(d):
    return {"uuid": d.hoofd.uuid}


def _gesprek(d):
    """A planned progress talk of the case (made here: the shared fixture has none)."""
    from regie.voortgangsgesprekken.models import Voortgangsgesprek

    return Voortgangsgesprek.objects.create(inburgeraar=d.hoofd, gepland_op=d.hoofd.geboortedatum).pk


def _activiteit(d):
    from regie.participatie.models import Activiteit

    return Activiteit.objects.get_or_create(
        inburgeraar=d.hoofd,
        partner="Voedselbank",
        defaults={"soort": "vrijwilligerswerk", "startdatum": dt.date(2026, 1, 5)},
    )[0]


def _coa_import(d):
    """A waiting COA upload of the consultant with a row for the case: the preview shows it
    as 'bestaat al' (made here: the shared fixture has none)."""
    from regie.coa.models import CoaImport

    return CoaImport.objects.create(
        organisatie=d.hoofd.gemeente.organisatie,
        bestandsnaam="lezen.csv",
        inhoud=(
            "huishouden;rol;bsn;voornamen;geslachtsnaam;geboortedatum;gemeente;datum_koppeling\n"
            f"L1;hoofd;{d.hoofd.bsn};{d.hoofd.voornamen};{d.hoofd.geslachtsnaam};"
            f"{d.hoofd.geboortedatum:%d-%m-%Y};{d.hoofd.gemeente.cbs_code};01-01-2024\n"
        ),
        geupload_door=d.hoofd.consulent,
    ).uuid


def _duo_melding(d):
    """A DUO notice about the case (regie.duo.inkomend), made on first use."""
    from django.utils import timezone

    from regie.duo.inkomend.models import Notificatie, Status

    return Notificatie.objects.get_or_create(
        bericht_id=f"lezen-{d.hoofd.pk}",
        defaults={
            "bron": "0" * 20,
            "doel": d.hoofd.gemeente.oin or "1" * 20,
            "gemeente": d.hoofd.gemeente,
            "bsn": d.hoofd.bsn,
            "gebeurtenis_id": "SS999",
            "registratie_datum_tijd": timezone.now(),
            "status": Status.GEPARKEERD,
            "inburgeraar": d.hoofd,
        },
    )[0]


def _duo_melding_nieuwe_plicht(d):
    """A parked SS101 notice for a person not yet in Regie, in the case's municipality."""
    from django.utils import timezone

    from regie.demo.factories import geldig_bsn
    from regie.duo.inkomend.models import Notificatie, Status

    return Notificatie.objects.get_or_create(
        bericht_id=f"lezen-nieuw-{d.hoofd.pk}",
        defaults={
            "bron": "0" * 20,
            "doel": d.hoofd.gemeente.oin or "1" * 20,
            "gemeente": d.hoofd.gemeente,
            "bsn": geldig_bsn(730_001),
            "gebeurtenis_id": "SS101",
            "registratie_datum_tijd": timezone.now(),
            "status": Status.GEPARKEERD,
        },
    )[0]


def _duo_afstemming(d):
    """A finished reconciliation run that lists the case (regie.duo.inkomend.afstemming)."""
    from django.utils import timezone

    from regie.duo.inkomend.models import Afstemming

    Afstemming.objects.create(
        organisatie=d.hoofd.gemeente.organisatie, klaar_op=timezone.now()
    ).regels.create(
        inburgeraar=d.hoofd, verschillen=[{"onderdeel": "Doelgroep", "regie": "a", "duo": "b", "actie": "c"}]
    )
    return {}


def _overdracht_uit(d):
    """A hand-over package of the case to a municipality elsewhere (made once)."""
    from regie.overdracht.services import pakket_maken

    bestaand = d.hoofd.overdrachten.first()
    if bestaand is None:
        d.hoofd.refresh_from_db()
        bestaand = pakket_maken(inburgeraar=d.hoofd, door=d.hoofd.consulent, naar_gemeente_naam="Lelystad")
    return bestaand


def _overdracht_in(d):
    """A package from a Zwijndrecht case with the same BSN, waiting in Dronten's inbox (made once)."""
    from regie.accounts.models import Rol
    from regie.demo.factories import InburgeraarFactory, UserFactory
    from regie.inburgeraars.models import Inburgeraar
    from regie.organisaties.models import Gemeente
    from regie.overdracht.models import Overdracht
    from regie.overdracht.services import pakket_maken

    bestaand = Overdracht.objects.filter(naar_gemeente=d.hoofd.gemeente).first()
    if bestaand is not None:
        return bestaand
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    elders = InburgeraarFactory(gemeente=zwijndrecht, bsn=d.hoofd.bsn, geslachtsnaam="Elders")
    consulent = UserFactory(
        username="consulent.elders", organisatie=zwijndrecht.organisatie, rol=Rol.CONSULENT
    )
    elders = Inburgeraar.objects.get(pk=elders.pk)
    return pakket_maken(inburgeraar=elders, door=consulent, naar_gemeente=d.hoofd.gemeente)


def _elders(d):
    return {_overdracht_in(d).inburgeraar_id}


def _boete(d, status="opgelegd"):
    """A fine of the case (made once), imposed with a beschikking; `status` for the step views."""
    from regie.handhaving.models import Boete, Waarschuwing

    boete = Boete.objects.filter(inburgeraar=d.hoofd).first()
    if boete is None:
        waarschuwing = Waarschuwing.objects.create(
            inburgeraar=d.hoofd,
            aanleiding="anders",
            omschrijving="x",
            datum=d.hoofd.geboortedatum,
            door=d.hoofd.consulent,
        )
        boete = Boete.objects.create(
            inburgeraar=d.hoofd,
            waarschuwing=waarschuwing,
            grond="wi23",
            pleegdatum=d.hoofd.geboortedatum,
            feiten="Niet op les.",
            rapport_datum=d.hoofd.geboortedatum,
            zienswijze_uiterlijk=d.hoofd.geboortedatum,
            opgesteld_door=d.hoofd.consulent,
            bedrag_centen=5_000,
            dagtekening=d.hoofd.geboortedatum,
        )
    Boete.objects.filter(pk=boete.pk).update(status=status)
    return {"uuid": d.hoofd.uuid, "boete": boete.uuid}


def _boete_stap(status="opgelegd", **kw):
    """A step of a fine posted without an answer: the page again with the message, 200."""
    return Verzoek(
        methode="post", kwargs=lambda d: _boete(d, status), data=lambda d: {}, onderdeel="boete", **kw
    )


def _api(**kw):
    return Verzoek(kanaal=Kanaal.API, **kw)


def _traject_verwijzing(d, **kwargs):
    """A referral of the case (made once), to a language school of its organisation."""
    from regie.trajecten.factories import verwezen

    if getattr(d, "traject_verwijzing", None) is None:
        d.hoofd.refresh_from_db()
        d.traject_verwijzing = verwezen(d.hoofd, d.hoofd.consulent, **kwargs)
    return d.traject_verwijzing


def _onbeantwoorde_verwijzing(d):
    """A referral sent three weeks ago and not answered: the team lead's page names the person."""
    from datetime import timedelta

    from django.utils import timezone

    _traject_verwijzing(d, verzonden_op=timezone.localdate() - timedelta(days=21))
    return {}


def _vandaag():
    from django.utils import timezone

    return timezone.localdate()


def _geaccepteerd(d, *, starten: bool = False):
    """The referral to the school of `aanbieder_medewerker`, accepted (and started) by it."""
    from django.contrib.auth import get_user_model

    from regie.trajecten import services

    door = get_user_model().objects.get(username="aanbieder.lezen")
    verwijzing = _verwijzing(d)
    services.accepteren(verwijzing=verwijzing, startdatum=_vandaag(), door=door)
    if starten:
        services.starten(verwijzing=verwijzing, startdatum=_vandaag(), door=door)
    return verwijzing


@pytest.fixture
def aanbieder_medewerker(dronten):
    """An employee of a language school to which the case gets referred (see `_verwijzing`)."""
    from regie.aanbieders.factories import AanbiederFactory
    from regie.accounts.models import Rol
    from regie.demo.factories import UserFactory

    school = AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Verwerkingslog")
    return UserFactory(
        username="aanbieder.lezen", organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=school
    )


def _verwijzing(d):
    """A referral of the case to the school of `aanbieder_medewerker` (made once)."""
    from regie.aanbieders.factories import ContractFactory
    from regie.accounts.models import User
    from regie.trajecten.factories import verwezen

    school = User.objects.get(username="aanbieder.lezen").aanbieder
    bestaand = d.hoofd.verwijzingen.filter(contract__aanbieder=school).first()
    if bestaand is not None:
        return bestaand
    d.hoofd.refresh_from_db()
    return verwezen(d.hoofd, d.hoofd.consulent, contract=ContractFactory(aanbieder=school))


@pytest.fixture
def financieel_medewerker(dronten):
    from regie.accounts.models import Rol
    from regie.demo.factories import UserFactory

    return UserFactory(
        username="financieel.lezen", organisatie=dronten.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
    )


def _ontzorging(d):
    """Ontzorging of the case with one fixed cost and an approved run with its payment."""
    from regie.ontzorging.models import Betaalrun, Betaling, Ontzorging, VasteLast

    ontzorging, nieuw = Ontzorging.objects.get_or_create(
        inburgeraar=d.hoofd,
        defaults={
            "vergunning": "asiel",
            "eerste_bijstand": dt.date(2026, 1, 5),
            "einde": dt.date(2026, 6, 30),
        },
    )
    if nieuw:
        vaste_last = VasteLast.objects.create(
            ontzorging=ontzorging,
            soort="huur",
            begunstigde="Woonstichting",
            iban="NL91ABNA0417164300",
            bedrag=50000,
            van=dt.date(2026, 1, 1),
            kenmerk="Contract 1",
        )
        run = Betaalrun.objects.create(
            gemeente=d.hoofd.gemeente, maand=dt.date(2026, 1, 1), status="geexporteerd", bestand=b"<x/>"
        )
        Betaling.objects.create(
            run=run,
            inburgeraar=d.hoofd,
            vaste_last=vaste_last,
            maand=dt.date(2026, 1, 1),
            soort="huur",
            begunstigde="Woonstichting",
            iban="NL91ABNA0417164300",
            bedrag=50000,
            omschrijving="Huur 01-2026 Contract 1",
            end_to_end="ONTZlezen",
        )
    return ontzorging


def _met_ontzorging(d):
    _ontzorging(d)
    return {"uuid": d.hoofd.uuid}


def _vaste_last(d):
    return {"uuid": d.hoofd.uuid, "vaste_last": _ontzorging(d).vaste_lasten.get().uuid}


def _run(d):
    from regie.ontzorging.models import Betaalrun

    _ontzorging(d)
    run = Betaalrun.objects.get(gemeente=d.hoofd.gemeente)
    return {"cbs_code": d.hoofd.gemeente.cbs_code, "run": run.uuid}


def _betaling(d):
    from regie.ontzorging.models import Betaling

    kwargs = _run(d)
    return kwargs | {"betaling": Betaling.objects.get(inburgeraar=d.hoofd).pk}


def _met_factuur(d):
    """An invoice for the case's accepted referral: the invoice list shows its reference."""
    from regie.financien.models import Factuur

    verwijzing = _traject_verwijzing(d)
    if verwijzing.status == "verzonden":
        from regie.trajecten import services

        medewerker = _medewerker_van(verwijzing)
        services.accepteren(verwijzing=verwijzing, startdatum=_vandaag(), door=medewerker)
        Factuur.objects.create(
            verwijzing=verwijzing,
            aanbieder=verwijzing.contract.aanbieder,
            gemeente=d.hoofd.gemeente,
            categorie=verwijzing.onderdeel,
            factuurnummer="LEZEN-1",
            factuurdatum=_vandaag(),
            periode_van=_vandaag(),
            periode_tot=_vandaag(),
            bedrag=100_00,
        )
    return {"cbs_code": d.hoofd.gemeente.cbs_code}


def _medewerker_van(verwijzing):
    from regie.accounts.models import Rol
    from regie.demo.factories import UserFactory

    return UserFactory(
        organisatie=verwijzing.contract.aanbieder.organisatie,
        rol=Rol.AANBIEDER,
        aanbieder=verwijzing.contract.aanbieder,
    )


def _portaal(**kw):
    return Verzoek(
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {"uuid": _verwijzing(d).uuid},
        onderdeel="voortgang",
        **kw,
    )


def _verwijzing_api(**kw):
    return _api(
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {"uuid": _verwijzing(d).uuid, **kw},
        onderdeel="voortgang",
    )


def _met_rapport(d):
    """A referral with a week report and an end report (made directly: only reading is tested)."""
    from regie.voortgang.models import Eindrapport, Weekrapportage

    verwijzing = _verwijzing(d)
    Weekrapportage.objects.get_or_create(
        verwijzing=verwijzing,
        week=dt.date(2026, 1, 5),
        defaults=dict.fromkeys(
            [
                "uren_aangeboden",
                "uren_gevolgd",
                "uren_afwezig_ziek",
                "uren_afwezig_afspraak",
                "uren_afwezig_ongeoorloofd",
            ],
            0,
        ),
    )
    Eindrapport.objects.get_or_create(
        verwijzing=verwijzing, defaults={"datum": dt.date(2026, 1, 9), "samenvatting": "x"}
    )
    return {"uuid": verwijzing.uuid}


def _upload(d):
    from regie.accounts.models import User
    from regie.voortgang.upload import voorbeeld_maken

    regel = f"bsn;week;uren_aangeboden;uren_gevolgd\n{d.hoofd.bsn};{d.hoofd.geboortedatum:%d-%m-%Y};1;1\n"
    _verwijzing(d)
    gemaakt = voorbeeld_maken(
        inhoud=regel.encode(), bestandsnaam="x.csv", door=User.objects.get(username="aanbieder.lezen")
    )
    return {"upload": gemaakt.uuid}


def _cbs_onvolledig(d):
    """The case linked in 2025-K3 without COA's linking date: the CBS report lists it."""
    from regie.inburgeraars.models import Inburgeraar

    Inburgeraar.objects.filter(pk=d.hoofd.pk).update(
        datum_melding_duo=dt.date(2025, 8, 1), datum_koppeling_coa=None
    )
    return {"berichtgever": d.hoofd.gemeente.cbs_code, "kwartaal": "2025-K3"}


def _cbs_levering(d):
    """A delivery to CBS holding the case (made directly: only the download is tested)."""
    from regie.accounts.models import Rol, User
    from regie.cbs.models import Levering

    return {
        "uuid": Levering.objects.create(
            organisatie=d.hoofd.gemeente.organisatie,
            gemeente=d.hoofd.gemeente,
            berichtgever=d.hoofd.gemeente.naam,
            gemeentecodes=d.hoofd.gemeente.cbs_code,
            jaar=2025,
            kwartaal=3,
            definitie="swi-v1",
            bestand=d.hoofd.bsn.encode(),
            bestandsnaam="lezen.xml",
            sha256="0" * 64,
            aantal_records=1,
            inburgeraars=[d.hoofd.pk],
            gemaakt_door=User.objects.filter(rol=Rol.TEAMLEIDER).first(),
        ).uuid
    }


LEZEN: dict[str, Verzoek] = {
    # The CBS delivery (regie.cbs): the report names who misses what; the file holds BSNs.
    "cbs:controle": Verzoek(gebruiker="teamleider", data=_cbs_onvolledig, onderdeel="cbs"),
    "cbs:download": Verzoek(
        gebruiker="teamleider",
        kwargs=_cbs_levering,
        kanaal=Kanaal.EXPORT,
        actie=Actie.EXPORTEREN,
        onderdeel="cbs",
    ),
    # Worklist, team, search
    "werkvoorraad:mijn": Verzoek(onderdeel="werkvoorraad"),
    "werkvoorraad:team": Verzoek(gebruiker="teamleider", onderdeel="team"),
    "werkvoorraad:toewijzen": Verzoek(
        "post", gebruiker="teamleider", kwargs=_case, data=lambda d: {}, kop=HTMX, onderdeel="team"
    ),
    "inburgeraars:zoeken": Verzoek(
        data=lambda d: {"naam": d.hoofd.geslachtsnaam}, onderdeel="zoekresultaten"
    ),
    "inburgeraars:registreren": Verzoek(
        "post",
        data=lambda d: {"partner_zoekterm": d.hoofd.geslachtsnaam, "partner_zoeken": "1"},
        onderdeel="zoekresultaten",
    ),
    "inburgeraars:partner_opties": Verzoek(
        "post", data=lambda d: {"partner_zoekterm": d.hoofd.geslachtsnaam}, onderdeel="zoekresultaten"
    ),
    # The case
    "inburgeraars:dossier": Verzoek(
        kwargs=_case, onderdeel="dossier", personen=lambda d: {d.hoofd.pk, d.partner.pk}
    ),
    "inburgeraars:wijzigen": Verzoek(kwargs=_case, onderdeel="dossier"),
    "inburgeraars:status": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="dossier"),
    "inburgeraars:termijnen": Verzoek(kwargs=_case, onderdeel="termijnen"),
    "inburgeraars:tijdlijn": Verzoek(kwargs=_case, onderdeel="tijdlijn"),
    # Brede intake
    "intake:intake": Verzoek(kwargs=_case, onderdeel="brede intake"),
    "intake:diploma_toevoegen": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="brede intake"),
    "intake:diploma_verwijderen": Verzoek(
        "post", kwargs=_case, data=lambda d: {"diploma": d.diploma.pk}, kop=HTMX, onderdeel="brede intake"
    ),
    "intake:afspraak_plannen": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="afspraak"),
    "intake:afspraak_status": Verzoek(
        "post",
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "pk": d.afspraak.pk},
        data=lambda d: {},
        kop=HTMX,
        onderdeel="afspraak",
    ),
    "intake:verslag": Verzoek(kwargs=_case, onderdeel="brede intake"),
    "intake:verslag_pdf": Verzoek(
        kwargs=_case, kanaal=Kanaal.PDF, actie=Actie.EXPORTEREN, onderdeel="brede intake"
    ),
    "intake:bijzondere_gegevens": Verzoek(
        "post",
        gebruiker="collega",
        kwargs=_case,
        data=lambda d: {"reden": "Ik vervang de vaste consulent.", "weergave": "verslag"},
        actie=Actie.BIJZONDERE_GEGEVENS,
        onderdeel="brede intake",
    ),
    # PIP
    "pip:pip": Verzoek(kwargs=_case, onderdeel="pip"),
    "pip:versie": Verzoek(kwargs=lambda d: {"uuid": d.hoofd.uuid, "versie": 1}, onderdeel="pip"),
    "pip:vaststellen": Verzoek(kwargs=_case, onderdeel="pip"),
    "pip:pdf": Verzoek(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "versie": 1},
        kanaal=Kanaal.PDF,
        actie=Actie.EXPORTEREN,
        onderdeel="pip",
    ),
    # Provider portal (regie.voortgang)
    "portaal:verwijzingen": Verzoek(
        gebruiker="aanbieder_medewerker", data=lambda d: (_verwijzing(d), {})[1], onderdeel="voortgang"
    ),
    "portaal:verwijzing": _portaal(),
    "portaal:accepteren": _portaal(),
    "portaal:weigeren": _portaal(),
    "portaal:starten": _portaal(),
    "portaal:aanwezigheid": _portaal(),
    "portaal:voortgang": _portaal(),
    "portaal:examen": _portaal(),
    "portaal:resultaat": _portaal(),
    "portaal:eindrapport": _portaal(),
    "portaal:upload_voorbeeld": Verzoek(
        gebruiker="aanbieder_medewerker", kwargs=_upload, onderdeel="voortgang"
    ),
    # Voortgang tab (issue 5)
    "voortgangsgesprekken:voortgang": Verzoek(kwargs=_case, onderdeel="voortgang"),
    "voortgangsgesprekken:plannen": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="voortgang"),
    "voortgangsgesprekken:vastleggen": Verzoek(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "pk": _gesprek(d)}, onderdeel="voortgang"
    ),
    "handhaving:waarschuwing": Verzoek(kwargs=_case, onderdeel="waarschuwing"),
    "handhaving:overzicht": Verzoek(kwargs=_case, onderdeel="boete"),
    "handhaving:voornemen": Verzoek(kwargs=_case, onderdeel="boete"),
    "handhaving:boete": Verzoek(kwargs=_boete, onderdeel="boete"),
    "handhaving:zienswijze": _boete_stap("voornemen"),
    "handhaving:besluit": _boete_stap("zienswijze"),
    "handhaving:beoordelen": _boete_stap("ter_goedkeuring", gebruiker="teamleider"),
    "handhaving:betaling": _boete_stap(),
    "handhaving:bezwaar": _boete_stap(),
    "handhaving:bezwaar_beslissen": _boete_stap(),
    "handhaving:pdf": Verzoek(kwargs=_boete, kanaal=Kanaal.PDF, actie=Actie.EXPORTEREN, onderdeel="boete"),
    "handhaving:ter_goedkeuring": Verzoek(
        gebruiker="teamleider", data=lambda d: (_boete(d, "ter_goedkeuring"), {})[1], onderdeel="boete"
    ),
    # Participatie tab (regie.participatie)
    "participatie:participatie": Verzoek(kwargs=_case, onderdeel="participatie"),
    "participatie:activiteit_toevoegen": Verzoek(kwargs=_case, onderdeel="participatie"),
    "participatie:activiteit_wijzigen": Verzoek(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "pk": _activiteit(d).pk}, onderdeel="participatie"
    ),
    "participatie:situatie": Verzoek(
        kwargs=lambda d: {**_case(d), "moment": "intake"}, onderdeel="participatie"
    ),
    "api:weekrapportage-list": _verwijzing_api(),
    "api:weekrapportage-detail": _api(
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {**_met_rapport(d), "week": "2026-W02"},
        onderdeel="voortgang",
    ),
    "api:voortgang": _verwijzing_api(),
    "api:examens": _verwijzing_api(),
    "api:resultaten": _verwijzing_api(),
    "api:eindrapport": _api(gebruiker="aanbieder_medewerker", kwargs=_met_rapport, onderdeel="voortgang"),
    # COA koppelingen: the preview names the persons already in Regie
    "coa:import": Verzoek(kwargs=lambda d: {"uuid": _coa_import(d)}, onderdeel="coa koppeling"),
    # Ontzorging (Pw 56a): the case tab and its forms; the payment run names the households
    "ontzorging_dossier:ontzorging": Verzoek(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "ontzorging_dossier:vastleggen": Verzoek(kwargs=_case, onderdeel="ontzorging"),
    "ontzorging_dossier:verlengen": Verzoek(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "ontzorging_dossier:beeindigen": Verzoek(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "ontzorging_dossier:bijstand": Verzoek(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "ontzorging_dossier:budgetcoaching": Verzoek(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "ontzorging_dossier:vaste_last_toevoegen": Verzoek(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "ontzorging_dossier:vaste_last_wijzigen": Verzoek(kwargs=_vaste_last, onderdeel="ontzorging"),
    "ontzorging_dossier:brief": Verzoek(
        kwargs=_met_ontzorging, actie=Actie.EXPORTEREN, kanaal=Kanaal.PDF, onderdeel="ontzorging"
    ),
    "ontzorging:run": Verzoek(
        gebruiker="financieel_medewerker", kwargs=_run, onderdeel="ontzorging betaalrun"
    ),
    "ontzorging:bestand": Verzoek(
        gebruiker="financieel_medewerker",
        kwargs=_run,
        actie=Actie.EXPORTEREN,
        kanaal=Kanaal.EXPORT,
        onderdeel="ontzorging betaalrun",
    ),
    "ontzorging:teruggekomen": Verzoek(
        gebruiker="financieel_medewerker", kwargs=_betaling, onderdeel="ontzorging betaalrun"
    ),
    # Geldzaken: the invoice list names the referral (not the person) of each invoice
    "financien:facturen": Verzoek(
        gebruiker="financieel_medewerker", kwargs=_met_factuur, onderdeel="factuur"
    ),
    # Trajectory (regie.trajecten)
    "trajecten:traject": Verzoek(kwargs=_case, onderdeel="traject"),
    "trajecten:verwijzen": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="traject"),
    "trajecten:intrekken": Verzoek(
        "post",
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "verwijzing": _traject_verwijzing(d).uuid},
        data=lambda d: {},
        onderdeel="traject",
    ),
    "trajecten:starten": Verzoek(
        "post",
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "verwijzing": _traject_verwijzing(d).uuid},
        data=lambda d: {},
        onderdeel="traject",
    ),
    "trajecten:afsluiten": Verzoek(
        "post",
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "verwijzing": _traject_verwijzing(d).uuid},
        data=lambda d: {},
        onderdeel="traject",
    ),
    "trajecten:capaciteit": Verzoek(
        gebruiker="teamleider", data=_onbeantwoorde_verwijzing, onderdeel="traject"
    ),
    # The processing log itself (the auditor)
    "verwerkingslog:zoeken": Verzoek(
        gebruiker="privacy_officer", data=lambda d: {"persoon": d.hoofd.pk}, onderdeel="verwerkingslog"
    ),
    "verwerkingslog:detail": Verzoek(
        gebruiker="privacy_officer",
        kwargs=lambda d: {
            "uuid": Verwerking.objects.filter(betrokkenen__inburgeraar_id=d.hoofd.pk).values_list(
                "uuid", flat=True
            )[0]
        },
        onderdeel="verwerkingslog",
    ),
    "verwerkingslog:inzageverzoek": Verzoek(
        "post",
        gebruiker="privacy_officer",
        kwargs=lambda d: {"inburgeraar_id": d.hoofd.pk, "formaat": "json"},
        data=lambda d: {"reden": "Verzoek om inzage van de betrokkene"},
        kanaal=Kanaal.EXPORT,
        actie=Actie.EXPORTEREN,
        onderdeel="inzageverzoek",
    ),
    # API
    "api:inburgeraar-list": _api(onderdeel="zoekresultaten"),
    "api:inburgeraar-zoeken": _api(
        methode="post", data=lambda d: {"naam": d.hoofd.geslachtsnaam}, json=True, onderdeel="zoekresultaten"
    ),
    "api:inburgeraar-detail": _api(kwargs=_case, onderdeel="dossier"),
    "api:pip-list": _api(kwargs=_case, onderdeel="pip"),
    "api:pip-detail": _api(kwargs=lambda d: {"uuid": d.hoofd.uuid, "versie": 1}, onderdeel="pip"),
    "api:afspraak-list": _api(kwargs=_case, onderdeel="afspraak"),
    "api:afspraak-detail": _api(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "id": d.afspraak.pk}, onderdeel="afspraak"
    ),
    "api:diploma-list": _api(kwargs=_case, onderdeel="brede intake"),
    "api:diploma-detail": _api(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "id": d.diploma.pk}, onderdeel="brede intake"
    ),
    "api:brede-intake": _api(kwargs=_case, onderdeel="brede intake"),
    "api:participatie-list": _api(kwargs=_case, onderdeel="participatie"),
    "api:vaste-last-list": _api(kwargs=_met_ontzorging, onderdeel="ontzorging"),
    "api:participatie-detail": _api(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "activiteit": _activiteit(d).uuid}, onderdeel="participatie"
    ),
    "api:meetmoment-list": _api(kwargs=_case, onderdeel="participatie"),
    "api:meetmoment-detail": _api(
        kwargs=lambda d: {**_case(d), "moment": "intake"}, onderdeel="participatie"
    ),
    # Referrals in the API (regie.api.verwijzingen); the actions answer with the referral.
    "api:verwijzing-list": _api(data=lambda d: (_traject_verwijzing(d), {})[1], onderdeel="traject"),
    "api:verwijzing-detail": _api(
        kwargs=lambda d: {"uuid": _traject_verwijzing(d).uuid}, onderdeel="traject"
    ),
    "api:verwijzing-intrekken": _api(
        methode="post",
        kwargs=lambda d: {"uuid": _traject_verwijzing(d).uuid},
        data=lambda d: {"reden": "Verhuisd"},
        json=True,
        onderdeel="traject",
    ),
    "api:verwijzing-accepteren": _api(
        methode="post",
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {"uuid": _verwijzing(d).uuid},
        data=lambda d: {"startdatum": str(_vandaag())},
        json=True,
        onderdeel="traject",
    ),
    "api:verwijzing-weigeren": _api(
        methode="post",
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {"uuid": _verwijzing(d).uuid},
        data=lambda d: {"reden": "Geen plaats"},
        json=True,
        onderdeel="traject",
    ),
    "api:verwijzing-starten": _api(
        methode="post",
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {"uuid": _geaccepteerd(d).uuid},
        data=lambda d: {"startdatum": str(_vandaag())},
        json=True,
        onderdeel="traject",
    ),
    "api:verwijzing-afsluiten": _api(
        methode="post",
        gebruiker="aanbieder_medewerker",
        kwargs=lambda d: {"uuid": _geaccepteerd(d, starten=True).uuid},
        data=lambda d: {"einddatum": str(_vandaag()), "uitkomst": "afgerond"},
        json=True,
        onderdeel="traject",
    ),
    # Moves (regie.overdracht): the case tab (invalid forms show it again), the downloads, the inbox
    # of the new municipality (the person of the other organisation's package) and the API.
    "overdracht:verhuizing": Verzoek(kwargs=_case, onderdeel="overdracht"),
    "overdracht:pakket_maken": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="overdracht"),
    "overdracht:inlezen": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="overdracht"),
    "overdracht:verhuizen": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="overdracht"),
    "overdracht:pdf": Verzoek(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "overdracht": _overdracht_uit(d).uuid},
        kanaal=Kanaal.PDF,
        actie=Actie.EXPORTEREN,
        onderdeel="overdracht",
    ),
    "overdracht:json": Verzoek(
        kwargs=lambda d: {"uuid": d.hoofd.uuid, "overdracht": _overdracht_uit(d).uuid},
        kanaal=Kanaal.EXPORT,
        actie=Actie.EXPORTEREN,
        onderdeel="overdracht",
    ),
    "overdracht:inbox": Verzoek(
        data=lambda d: _overdracht_in(d) and {}, onderdeel="overdracht", personen=_elders
    ),
    "overdracht:inbox_pakket": Verzoek(
        kwargs=lambda d: {"uuid": _overdracht_in(d).uuid}, onderdeel="overdracht", personen=_elders
    ),
    "overdracht:inbox_pdf": Verzoek(
        kwargs=lambda d: {"uuid": _overdracht_in(d).uuid},
        kanaal=Kanaal.PDF,
        actie=Actie.EXPORTEREN,
        onderdeel="overdracht",
        personen=_elders,
    ),
    "api:overdrachtspakket": _api(
        methode="post",
        kwargs=_case,
        data=lambda d: _overdracht_in(d).pakket,
        json=True,
        onderdeel="overdracht",
    ),
    # DUO's notices and the reconciliation with DUO (regie.duo.inkomend)
    "notificaties:lijst": Verzoek(
        data=lambda d: _duo_melding(d) and {"filter": "alle"}, onderdeel="duo-meldingen"
    ),
    "notificaties:melding": Verzoek(
        kwargs=lambda d: {"uuid": _duo_melding(d).uuid}, onderdeel="duo-meldingen"
    ),
    # Registering from a parked notice: the partner search shows cases, like inburgeraars:registreren.
    "notificaties:registreren": Verzoek(
        "post",
        kwargs=lambda d: {"uuid": _duo_melding_nieuwe_plicht(d).uuid},
        data=lambda d: {"partner_zoekterm": d.hoofd.geslachtsnaam, "partner_zoeken": "1"},
        onderdeel="duo-meldingen",
    ),
    "notificaties:afstemming": Verzoek(
        gebruiker="teamleider", data=_duo_afstemming, onderdeel="afstemming met DUO"
    ),
    "notificaties:afstemming_dossier": Verzoek(kwargs=_case, onderdeel="afstemming met DUO"),
    # The case's DUO tab (regie.duo): messages to DUO and notices from DUO; invalid forms show the page
    "duo:dossier": Verzoek(kwargs=_case, onderdeel="duo"),
    "duo:contactpersoon": Verzoek("post", kwargs=_case, data=lambda d: {}, onderdeel="duo"),
    "duo:uren": Verzoek(
        "post", kwargs=_case, data=lambda d: {"uren-uren_brede_intake": "veel"}, onderdeel="duo"
    ),
}

GEEN_PERSOONSGEGEVENS: dict[str, str] = {
    "cbs:overzicht": "leveringen aan het CBS (kwartaal, aantallen, hash), geen personen",
    "cbs:leveren": (
        "maakt een levering en stuurt door (het maken staat in het log, cbs_levering_gemaakt); bij een"
        " fout de controle, die het lezen logt (regie/cbs/tests/test_levering.py)"
    ),
    "accounts:login": "inlogpagina",
    "accounts:tweestaps": "tweede inlogstap",
    "accounts:tweestaps_instellen": "app voor de tweede stap instellen (eigen account)",
    "accounts:oidc_inloggen": "doorsturen naar de identity provider",
    "accounts:oidc_callback": "terugkomst van de identity provider",
    "accounts:logout": "uitloggen",
    "accounts:wachtwoord": "eigen wachtwoord",
    "accounts:tokens": "eigen API-tokens",
    "duo:opnieuw": "zet een bericht aan DUO opnieuw in de wachtrij en stuurt door naar de tab DUO",
    "portaal:upload": "formulier om een bestand te kiezen",
    "portaal:voorbeeld_csv": "voorbeeldbestand zonder echte personen",
    "api:weekrapportages-upload": "controle van een eigen CSV-bestand: per regel status en fouten, geen naam of BSN",
    "voortgangsgesprekken:plannen_uit_pip": "plant gesprekken en stuurt door naar de tab Voortgang",
    "handhaving:verzonden": "zet een waarschuwing op verzonden en stuurt door naar de tab Voortgang",
    "coa:imports": "ingelezen COA-bestanden (bestandsnaam, aantallen) en het uploadformulier",
    "coa:bevestigen": "verwerkt een COA-bestand en stuurt door (elke wijziging via de tijdlijn in het log)",
    "coa:annuleren": "gooit een COA-upload weg en stuurt door",
    "coa:taakstelling": "taakstelling en aantallen per gemeente, geen personen",
    "financien:start": "de gemeenten van de financieel medewerker",
    "financien:overzicht": "budget, verplichtingen, besteding en prognose per onderdeel: alleen bedragen",
    "financien:budget": "budget per onderdeel: alleen bedragen",
    "financien:sisa": "SiSa-overzicht: bedragen en aantallen per onderdeel",
    "financien:besteding_csv": "budget en besteding als bestand: alleen bedragen",
    "financien:besteding_xlsx": "budget en besteding als bestand: alleen bedragen",
    "financien:sisa_csv": "SiSa-overzicht als bestand: bedragen en aantallen",
    "financien:sisa_xlsx": "SiSa-overzicht als bestand: bedragen en aantallen",
    "financien:factuur_registreren": (
        "formulier; registreren schrijft een aanmaakregel voor de persoon van de verwijzing"
        " (regie/financien/tests/test_pages.py)"
    ),
    "ontzorging:start": "de gemeenten van de financieel medewerker",
    "ontzorging:runs": "betaalruns en wat nog te betalen is: aantallen en totalen, geen personen",
    "ontzorging:rekening": "de betaalrekening van de gemeente",
    "ontzorging:goedkeuren": (
        "keurt een run goed en stuurt door; bij een fout de runpagina, die het lezen logt"
        " (regie/ontzorging/tests/test_pages.py)"
    ),
    "ontzorging:verwijderen": "verwijdert een voorbereide run en stuurt door; bij een fout de runpagina (logt lezen)",
    "ontzorging:betaald": "zet een run op betaald en stuurt door; bij een fout de runpagina (logt lezen)",
    "taken:overzicht": "achtergrondtaken zonder argumenten of persoonsgegevens",
    "taken:opnieuw": "zet een mislukte taak opnieuw in de wachtrij en stuurt door",
    "api:gemeenten": "gemeenten van de organisatie",
    "trajecten:contracten": "contracten met aanbieders, zonder personen",
    "rapportage:dashboard": "prestatie-indicatoren per gemeente, alleen aantallen (<5 onderdrukt)",
    "rapportage:csv": "de cijfers van een indicator, alleen aantallen (<5 onderdrukt)",
    "rapportage:cohorten": "cohorten per jaar, alleen aantallen (<5 onderdrukt)",
    "rapportage:streefwaarden": "streefwaarden per gemeente, indicator en jaar",
    "rapportage:raadsrapportages": "lijst van raadsrapportages",
    "rapportage:raadsrapportage": "raadsrapportage: teksten en cijfers, geen personen",
    "rapportage:definitief": "maakt een raadsrapportage definitief en stuurt door",
    "rapportage:pdf": "raadsrapportage als PDF, alleen aantallen",
    "api:probleemtype": "uitleg van een fouttype",
    "overdracht:schema": "het openbare JSON-schema van het overdrachtspakket",
    "api:openapi-json": "API-beschrijving",
    "api:openapi-yaml": "API-beschrijving",
    "api:schema": "API-beschrijving",
    "duo_m2m:notificaties": "DUO stuurt een melding (machine tot machine); het antwoord toont geen gegevens",
}

# Patterns without a name: the redirect from /, the 404 answers for unknown /api addresses,
# and the beheeromgeving (checked separately: it holds no data of inburgeraars).
NAAMLOOS = {"", "api/v1/^.*$", "^api(/|$)"}


def _alle_patronen(patronen=None, prefix="", namespace=None):
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace
            ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _alle_patronen(patroon.url_patterns, prefix + str(patroon.pattern), ns)
        elif isinstance(patroon, URLPattern):
            naam = f"{namespace}:{patroon.name}" if namespace and patroon.name else patroon.name
            yield prefix + str(patroon.pattern), naam


def test_elke_url_staat_in_een_van_beide_lijsten():
    ontbreekt, naamloos = [], []
    for route, naam in _alle_patronen():
        if naam and naam.startswith("admin:") or route.startswith("beheer/"):
            continue
        if naam is None:
            if route not in NAAMLOOS:
                naamloos.append(route)
        elif naam not in LEZEN and naam not in GEEN_PERSOONSGEGEVENS:
            ontbreekt.append(f"{naam} ({route})")
    assert not ontbreekt, (
        "Deze URL's staan niet in LEZEN (toont persoonsgegevens, schrijft het verwerkingslog) en niet in"
        f" GEEN_PERSOONSGEGEVENS: {ontbreekt}"
    )
    assert not naamloos, f"URL's zonder naam, onbekend in deze test: {naamloos}"
    assert not set(LEZEN) & set(GEEN_PERSOONSGEGEVENS)
    bestaand = {naam for _, naam in _alle_patronen() if naam}
    assert not (set(LEZEN) | set(GEEN_PERSOONSGEGEVENS)) - bestaand, (
        "De lijsten noemen URL's die niet bestaan."
    )


def test_beheeromgeving_toont_geen_gegevens_van_inburgeraars():
    apps = {model._meta.app_label for model in admin.site._registry}
    assert not apps & {"inburgeraars", "intake", "pip", "tijdlijn", "verwerkingslog"}


@pytest.mark.parametrize("naam", sorted(LEZEN))
def test_url_met_persoonsgegevens_schrijft_het_verwerkingslog(naam, client, dossier, request):
    verzoek = LEZEN[naam]
    gebruiker = request.getfixturevalue(verzoek.gebruiker)
    client.force_login(gebruiker)
    adres = reverse(naam, kwargs=verzoek.kwargs(dossier) if verzoek.kwargs else None)
    data = verzoek.data(dossier) if verzoek.data else None
    vanaf = laatste_id()
    if verzoek.json:
        antwoord = getattr(client, verzoek.methode)(
            adres, data, content_type="application/json", **verzoek.kop
        )
    else:
        antwoord = getattr(client, verzoek.methode)(adres, data, **verzoek.kop)
    assert 200 <= antwoord.status_code < 300, (naam, antwoord.status_code)

    nieuw = list(nieuw_sinds(vanaf))
    van_actie = [v for v in nieuw if v.actie == verzoek.actie]
    assert len(van_actie) == 1, (naam, [(v.actie, v.onderdeel) for v in nieuw])
    regel = van_actie[0]
    assert regel.kanaal == verzoek.kanaal
    assert regel.onderdeel == verzoek.onderdeel
    assert regel.gebruiker == gebruiker
    assert regel.gebruikersnaam == gebruiker.username
    assert regel.rol == gebruiker.rol
    assert regel.namens_organisatie_id == gebruiker.organisatie_id
    assert regel.namens_organisatie == gebruiker.organisatie.naam
    assert regel.resultaat == Resultaat.GESLAAGD
    assert regel.doel and regel.grondslag
    assert regel.ip_adres == "127.0.0.1"
    assert len(regel.trace_id) == 32
    verwacht = verzoek.personen(dossier) if verzoek.personen else {dossier.hoofd.pk}
    assert verwacht <= personen(regel), (naam, personen(regel))
    # One read entry per request: never a second one for the same answer.
    assert sum(v.actie == Actie.LEZEN for v in nieuw) <= 1, naam
    _door_de_privacy_officer_gevonden(regel, verwacht)


def _door_de_privacy_officer_gevonden(regel, verwacht):
    """Every person the answer showed: the entry is found by the privacy officer of the entry's
    organisation, searching by internal number and by uuid (also after the case is removed)."""
    from regie.accounts.models import Rol
    from regie.demo.factories import UserFactory
    from regie.inburgeraars.models import Inburgeraar
    from regie.privacy.selectors import zoek_verwerkingen

    privacy_officer = UserFactory(
        username=f"privacy.{regel.pk}", organisatie_id=regel.namens_organisatie_id, rol=Rol.PRIVACY_OFFICER
    )
    for pk, uuid in Inburgeraar.objects.filter(pk__in=verwacht).values_list("pk", "uuid"):
        assert zoek_verwerkingen(privacy_officer, persoon_id=pk).filter(pk=regel.pk).exists(), pk
        assert zoek_verwerkingen(privacy_officer, persoon_uuid=uuid).filter(pk=regel.pk).exists(), uuid
