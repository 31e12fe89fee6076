"""Messages from Regie to DUO: built from Regie's data, checked against DUO's specification, queued in
the caller's transaction and sent by a background task on queue "duo" with retry and back-off.

`meld_*` functions build one message each and return the stored `UitgaandBericht` (or None when there
is nothing to tell DUO). A message that breaks DUO's specification is stored with status `afgewezen`
and Regie's reasons in Dutch, and is not sent. How Regie's data maps to DUO's fields is written next
to each function and in docs/duo-berichten.md.

Sending (`verstuur_bericht`): 2xx = verzonden; 4xx = afgewezen with DUO's Foutmelding (no retry: the
same message would be refused again); a failure (5xx, timeout, no connection) = another attempt after
the waits of regie.duo.wachttijden (1 min, 5 min, ... 24 h), then mislukt. "Opnieuw versturen" (`opnieuw_versturen`) puts an
afgewezen or mislukt message back on the queue. Every attempt writes a timeline entry and a
processing-log entry (DUO as recipient).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from regie.duo import specificaties, wachttijden
from regie.duo.client import DuoAfwijzing, DuoClient, DuoFout, DuoStoring, OngeldigBericht, vul_pad
from regie.duo.uitgaand.models import BerichtStatus, DuoContactpersoon, Soort, UitgaandBericht
from regie.tijdlijn import events
from regie.verwerkingslog.log import maskeer_bsn

logger = logging.getLogger("regie.duo")

# Which API, method and path (from DUO's specs) each kind of message uses.
ROUTES: dict[str, tuple[str, str, str]] = {
    Soort.PIP: ("PIP", "post", "/personen/{bsn}/PIP"),
    Soort.UREN_BREDE_INTAKE: ("GevolgdeUren", "put", "/personen/{bsn}/uren/bredeintake/taallesknm"),
    Soort.UREN_PARTICIPATIEACTIVITEITEN: (
        "GevolgdeUren",
        "put",
        "/personen/{bsn}/uren/participatieactiviteiten",
    ),
    Soort.UREN_TAALLES: ("GevolgdeUren", "put", "/personen/{bsn}/uren/participatietaalles"),
    Soort.MAP: ("MAP-PVT-Zroute", "put", "/personen/{bsn}/map"),
    Soort.PVT: ("MAP-PVT-Zroute", "put", "/personen/{bsn}/pvt"),
    Soort.ZROUTE: ("MAP-PVT-Zroute", "put", "/personen/{bsn}/zroute"),
    Soort.INBURGERINGSAANBOD: (
        "Inburgeringsaanbod",
        "post",
        "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
    ),
    Soort.INBURGERINGSAANBOD_INTREKKEN: (
        "Inburgeringsaanbod",
        "delete",
        "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
    ),
    Soort.CONTACTPERSOON: ("Contactpersoon", "post", "/contactpersonen/{id}/personen/{bsn}"),
}

LEERROUTE_DUO = {"b1": "B", "onderwijsroute": "O", "z_route": "Z"}
ROUTE_PERCELEN = ("b1_route", "onderwijsroute", "z_route")
ASIELSTATUSHOUDER = "asielstatushouder"


def _nu():
    return timezone.now()


# --- queueing ------------------------------------------------------------------------------------


def _fouten(soort: str, body, parameters: dict, inburgeraar) -> list[str]:
    api, methode, pad = ROUTES[soort]
    fouten = []
    schema = specificaties.verzoekschema(api, methode, pad)
    if soort == Soort.CONTACTPERSOON:
        schema = "Contactpersoongegevens"  # the body goes with POST/PUT /contactpersonen before the link
    if schema:
        fouten += specificaties.fouten(api, schema, body if body is not None else {})
    waarden = {naam: waarde for naam, waarde in parameters.items() if naam != "contactpersoon"}
    waarden["bsn"] = inburgeraar.bsn
    if "{id}" in pad:
        waarden.pop("id", None)  # DUO gives the id when the contact person is created
    fouten += [
        f.replace(inburgeraar.bsn, maskeer_bsn(inburgeraar.bsn))
        for f in specificaties.parameterfouten(api, methode, pad, waarden)
    ]
    return fouten


def _zet_klaar(
    *,
    inburgeraar,
    soort: str,
    body,
    door=None,
    onderwerp: str = "",
    parameters: dict | None = None,
    eigen_fouten: list[str] | None = None,
) -> UitgaandBericht:
    """Store the message and, when it is valid, put it on the queue (in the caller's transaction).
    A message still waiting of the same kind (and the same provider) is replaced by this one."""
    api, methode, pad = ROUTES[soort]
    parameters = parameters or {}
    fouten = list(eigen_fouten or []) + _fouten(soort, body, parameters, inburgeraar)
    with transaction.atomic():
        wachtend = UitgaandBericht.objects.filter(
            inburgeraar=inburgeraar, soort=soort, status=BerichtStatus.WACHTRIJ, parameters=parameters
        )
        if soort in (Soort.INBURGERINGSAANBOD, Soort.INBURGERINGSAANBOD_INTREKKEN):
            # Registering and withdrawing at one provider replace each other while waiting.
            wachtend = UitgaandBericht.objects.filter(
                inburgeraar=inburgeraar,
                soort__in=(Soort.INBURGERINGSAANBOD, Soort.INBURGERINGSAANBOD_INTREKKEN),
                status=BerichtStatus.WACHTRIJ,
                parameters=parameters,
            )
        wachtend.update(status=BerichtStatus.VERVANGEN, volgende_poging_op=None, gewijzigd_op=_nu())
        bericht = UitgaandBericht.objects.create(
            inburgeraar=inburgeraar,
            gemeente=inburgeraar.gemeente,
            soort=soort,
            onderwerp=onderwerp[:200],
            api=api,
            methode=methode,
            pad=pad,
            parameters=parameters,
            body=body,
            aangemaakt_door=door if door is not None and getattr(door, "is_authenticated", False) else None,
        )
        if fouten:
            bericht.status = BerichtStatus.AFGEWEZEN
            bericht.fouten = fouten
            bericht.fouttekst = (
                "Regie heeft dit bericht niet verstuurd, want het voldoet niet aan de specificatie van DUO: "
                + "; ".join(fouten)
            )
            bericht.save(update_fields=["status", "fouten", "fouttekst", "gewijzigd_op"])
            events.duo_bericht_niet_verstuurd(inburgeraar, bericht.aangemaakt_door, bericht)
        else:
            _plan(bericht, _nu())
    return bericht


def _plan(bericht: UitgaandBericht, moment) -> None:
    """Put the message on the queue to be sent at `moment` (now or later)."""
    bericht.ingepland += 1
    bericht.status = BerichtStatus.WACHTRIJ
    bericht.volgende_poging_op = moment
    bericht.save(update_fields=["ingepland", "status", "volgende_poging_op", "gewijzigd_op"])
    taak = verstuur_bericht if moment <= _nu() else verstuur_bericht.using(run_after=moment)
    taak.enqueue(bericht.pk, bericht.ingepland)


def laatste(inburgeraar, soort: str, **parameters) -> UitgaandBericht | None:
    """The newest message of this kind that is waiting or sent (what DUO has or will have)."""
    berichten = UitgaandBericht.objects.filter(
        inburgeraar=inburgeraar, soort=soort, status__in=(BerichtStatus.WACHTRIJ, BerichtStatus.VERZONDEN)
    )
    if parameters:
        berichten = berichten.filter(parameters=parameters)
    return berichten.order_by("-aangemaakt_op", "-id").first()


@transaction.atomic
def opnieuw_versturen(*, bericht: UitgaandBericht, door) -> UitgaandBericht:
    """The "Opnieuw versturen" action: an afgewezen or mislukt message goes back on the queue with its
    attempts counted from zero. A message that breaks the specification stays afgewezen."""
    bericht = UitgaandBericht.objects.select_for_update().get(pk=bericht.pk)
    if not bericht.kan_opnieuw:
        return bericht
    fouten = _fouten(bericht.soort, bericht.body, bericht.parameters, bericht.inburgeraar)
    if fouten:
        bericht.fouten = fouten
        bericht.save(update_fields=["fouten", "gewijzigd_op"])
        return bericht
    bericht.pogingen = 0
    bericht.fouten = []
    bericht.fouttekst = ""
    bericht.http_status = None
    if door is not None and getattr(door, "is_authenticated", False):
        bericht.aangemaakt_door = door
    bericht.save(
        update_fields=["pogingen", "fouten", "fouttekst", "http_status", "aangemaakt_door", "gewijzigd_op"]
    )
    _plan(bericht, _nu())
    return bericht


# --- the messages --------------------------------------------------------------------------------


def pip_body(pip) -> dict:
    """Regie's Pip -> DUO's PIP schema (PIP API 1.x, POST /personen/{bsn}/PIP).

    - dagtekeningPip = dagtekening; leerroute b1/onderwijsroute/z_route = B/O/Z;
    - niveau (A2/B1) only with the B1-route: DUO takes B1 when it is left out, and refuses a level
      with the onderwijsroute (A2) or the Z-route (B1);
    - geschatteIntensiteitB1Route only for an asielstatushouder in the B1-route (DUO's README);
    - indicatorMagOpleidingAfmaken, indicatorAlfabetiseringsonderwijs (A/AA/NVT) as recorded.
    PVT, MAP, maatschappelijke begeleiding and the progress talks are not part of DUO's PIP schema.
    """
    body = {
        "dagtekeningPip": pip.dagtekening.isoformat(),
        "leerroute": LEERROUTE_DUO.get(pip.leerroute, pip.leerroute),
    }
    if body["leerroute"] == "B" and pip.taalniveau:
        body["niveau"] = pip.taalniveau
    if (
        body["leerroute"] == "B"
        and pip.geschatte_intensiteit_uren
        and pip.inburgeraar.doelgroep == ASIELSTATUSHOUDER
    ):
        body["geschatteIntensiteitB1Route"] = pip.geschatte_intensiteit_uren
    body["indicatorMagOpleidingAfmaken"] = bool(pip.mag_opleiding_afmaken)
    if pip.alfabetisering:
        body["indicatorAlfabetiseringsonderwijs"] = pip.alfabetisering
    return body


def meld_pip(pip, *, door=None) -> UitgaandBericht:
    """Every stored PIP version goes to DUO (issue 5: 'PIP (on every new version)')."""
    return _zet_klaar(
        inburgeraar=pip.inburgeraar,
        soort=Soort.PIP,
        body=pip_body(pip),
        door=door or pip.vastgesteld_door,
        onderwerp=f"PIP versie {pip.versie}",
    )


@transaction.atomic
def meld_gevolgde_uren(
    inburgeraar, totalen: dict[str, int], *, door=None, uren_brede_intake: int | None = None
) -> list[UitgaandBericht]:
    """Send the hours totals that changed since DUO last got them. `totalen`: per kind of message
    (`Soort.UREN_TAALLES`, `Soort.UREN_PARTICIPATIEACTIVITEITEN`) the whole hours the caller counted
    from the providers' reports (regie.voortgang.selectors.uren_voor_duo says how).

    `uren_brede_intake`: the hours of Dutch and KNM the person followed at the municipality during the
    brede intake (TaallesEnKnmBredeIntake). Regie's intake does not record them, so the consultant
    gives them on the case's DUO tab; only then is that message sent. A total that changes while its
    message still waits (a CSV upload of many weeks) updates that message. Returns the queued messages."""
    berichten = []
    totalen = dict(totalen)
    if uren_brede_intake is not None:
        totalen[Soort.UREN_BREDE_INTAKE] = uren_brede_intake
    for soort, uren in totalen.items():
        vorige = laatste(inburgeraar, soort)
        if (vorige is None and uren == 0 and soort != Soort.UREN_BREDE_INTAKE) or (
            vorige is not None and vorige.body == {"uren": uren}
        ):
            continue  # DUO has (or will have) this total already
        wachtend = (
            UitgaandBericht.objects.select_for_update()
            .filter(pk=vorige.pk, status=BerichtStatus.WACHTRIJ, pogingen=0)
            .first()
            if vorige is not None
            else None
        )
        if wachtend is not None and not _fouten(soort, {"uren": uren}, {}, inburgeraar):
            # Not tried yet: the waiting message takes the new total (one message per batch of reports).
            wachtend.body, wachtend.onderwerp = {"uren": uren}, f"{uren} uur"
            wachtend.save(update_fields=["body", "onderwerp", "gewijzigd_op"])
            berichten.append(wachtend)
            continue
        berichten.append(
            _zet_klaar(
                inburgeraar=inburgeraar,
                soort=soort,
                body={"uren": uren},
                door=door,
                onderwerp=f"{uren} uur",
            )
        )
    return berichten


def meld_resultaat(resultaat, *, door=None, verwijtbaar: str | None = None) -> UitgaandBericht:
    """A completed component (regie.voortgang.Onderdeelresultaat) -> the MAP-PVT-Zroute API (PUT):

    - PVT: datumOndertekeningPvt = the date it was completed (signing the participatieverklaring);
    - MAP: datumEindgesprekMap = the date the MAP was completed: the MAP closes with the end interview
      (the component's `eindgesprek_op` when given, else `afgerond_op`);
    - Z-route: datumAfrondingZroute = the date it was completed.
    A Z-route result changes the hours totals too: the caller sends them (`meld_gevolgde_uren`).
    `verwijtbaar` ("Ja"/"Nee") only when the consultant decided it (DUO's rules: only past the end of the
    termijn or within two months of it); a provider's report never carries it.
    """
    soort = resultaat.soort
    body = {}
    if soort == "pvt":
        bericht_soort = Soort.PVT
        body["datumOndertekeningPvt"] = resultaat.afgerond_op.isoformat()
    elif soort == "map":
        bericht_soort = Soort.MAP
        body["datumEindgesprekMap"] = (resultaat.eindgesprek_op or resultaat.afgerond_op).isoformat()
    elif soort == "zroute":
        bericht_soort = Soort.ZROUTE
        body["datumAfrondingZroute"] = resultaat.afgerond_op.isoformat()
    else:
        raise ValueError(f"Onbekende soort resultaat: {soort}")
    if verwijtbaar and bericht_soort in (Soort.PVT, Soort.MAP):
        body["verwijtbaar"] = verwijtbaar
    return _zet_klaar(
        inburgeraar=resultaat.verwijzing.inburgeraar,
        soort=bericht_soort,
        body=body,
        door=door or resultaat.ingediend_door,
        onderwerp=f"{resultaat.get_soort_display()} afgerond op {resultaat.afgerond_op:%d-%m-%Y}",
    )


def inburgeringsaanbod_body(verwijzing) -> dict:
    """A referral for a leerroute (regie.trajecten.Verwijzing) -> DUO's Inburgeringsaanbod:

    - datumInburgeringsaanbod (enrolment at the course institution; for the B1- and Z-route also the
      start of language and KNM) = startdatum, else the start date the provider gave when accepting,
      else the date it accepted;
    - verwachteStartdatumOpleiding = startdatum or the planned start date;
    - verwachteEinddatumOpleiding = einddatum, when known;
    - indicatorAlfabetiseringsonderwijs (required) = the PIP's alfabetisering.
    """
    start = verwijzing.startdatum or verwijzing.geplande_startdatum
    aanbod = start or verwijzing.beantwoord_op or verwijzing.verzonden_op
    body = {}
    if aanbod:
        body["datumInburgeringsaanbod"] = aanbod.isoformat()
    if start:
        body["verwachteStartdatumOpleiding"] = start.isoformat()
    if verwijzing.einddatum:
        body["verwachteEinddatumOpleiding"] = verwijzing.einddatum.isoformat()
    body["indicatorAlfabetiseringsonderwijs"] = getattr(verwijzing.pip, "alfabetisering", "") or "NVT"
    return body


def _aanbod_van_toepassing(verwijzing) -> bool:
    """DUO registers an inburgeringsaanbod only for an asielstatushouder, for a course of the leerroute."""
    return verwijzing.onderdeel in ROUTE_PERCELEN and verwijzing.inburgeraar.doelgroep == ASIELSTATUSHOUDER


def _instellingsnummer_fouten(verwijzing) -> list[str]:
    if not verwijzing.aanbieder.instellingsnummer:
        return [
            f"instellingsnummer: {verwijzing.aanbieder} heeft geen instellingsnummer bij DUO; vul dit in bij de aanbieder"
        ]
    return []


def meld_inburgeringsaanbod(verwijzing, *, door=None) -> UitgaandBericht | None:
    """An accepted or started referral for a leerroute tells DUO which provider gives the course
    (POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}). None when DUO does not take one
    (not an asielstatushouder, or not a leerroute course)."""
    if not _aanbod_van_toepassing(verwijzing):
        return None
    aanbieder = verwijzing.aanbieder
    return _zet_klaar(
        inburgeraar=verwijzing.inburgeraar,
        soort=Soort.INBURGERINGSAANBOD,
        body=inburgeringsaanbod_body(verwijzing),
        door=door,
        onderwerp=f"{verwijzing.get_onderdeel_display()} bij {aanbieder}",
        parameters={"instellingsnummer": aanbieder.instellingsnummer or ""},
        eigen_fouten=_instellingsnummer_fouten(verwijzing),
    )


def meld_inburgeringsaanbod_ingetrokken(verwijzing, *, door=None) -> UitgaandBericht | None:
    """A withdrawn referral removes the provider's inburgeringsaanbod at DUO (DELETE), when DUO got one."""
    if not _aanbod_van_toepassing(verwijzing):
        return None
    aanbieder = verwijzing.aanbieder
    parameters = {"instellingsnummer": aanbieder.instellingsnummer or ""}
    if laatste(verwijzing.inburgeraar, Soort.INBURGERINGSAANBOD, **parameters) is None:
        return None  # DUO never got (and will not get) an aanbod from this provider
    return _zet_klaar(
        inburgeraar=verwijzing.inburgeraar,
        soort=Soort.INBURGERINGSAANBOD_INTREKKEN,
        body=None,
        door=door,
        onderwerp=f"{verwijzing.get_onderdeel_display()} bij {aanbieder}",
        parameters=parameters,
        eigen_fouten=_instellingsnummer_fouten(verwijzing),
    )


@transaction.atomic
def meld_contactpersoon(inburgeraar, *, door, naam: str, email: str, telefoonnummer: str) -> UitgaandBericht:
    """The case's consultant as DUO's contact person for this person (Contactpersoon API): the contact
    person is created at DUO once per municipality and user (POST /contactpersonen, DUO gives the id),
    changed when their details changed (PUT /contactpersonen/{id}) and linked to the person
    (POST /contactpersonen/{id}/personen/{bsn}; a link replaces an earlier one)."""
    gebruiker = inburgeraar.consulent or door
    contactpersoon, _ = DuoContactpersoon.objects.select_for_update().get_or_create(
        gemeente=inburgeraar.gemeente,
        gebruiker=gebruiker,
        defaults={"naam": naam, "email": email, "telefoonnummer": telefoonnummer},
    )
    contactpersoon.naam, contactpersoon.email, contactpersoon.telefoonnummer = naam, email, telefoonnummer
    contactpersoon.save()
    return _zet_klaar(
        inburgeraar=inburgeraar,
        soort=Soort.CONTACTPERSOON,
        body=contactpersoon.gegevens(),
        door=door,
        onderwerp=naam,
        parameters={"contactpersoon": contactpersoon.pk},
    )


# --- sending -------------------------------------------------------------------------------------


def _client() -> DuoClient:
    return DuoClient()


def _verstuur_contactpersoon(client: DuoClient, bericht: UitgaandBericht, bsn: str):
    contactpersoon = DuoContactpersoon.objects.get(pk=bericht.parameters["contactpersoon"])
    gegevens = bericht.body
    if contactpersoon.duo_id is None:
        antwoord = client.stuur(
            "Contactpersoon", "post", "/contactpersonen", gegevens, gemeente=bericht.gemeente
        )
        duo_id = antwoord.get("id") if isinstance(antwoord, dict) else None
        if not isinstance(duo_id, int):
            raise DuoStoring(
                "DUO gaf geen id voor de nieuwe contactpersoon.", bericht_id=client.laatste_bericht_id
            )
        DuoContactpersoon.objects.filter(pk=contactpersoon.pk).update(duo_id=duo_id, bij_duo=gegevens)
        contactpersoon.duo_id = duo_id
    elif contactpersoon.bij_duo != gegevens:
        client.stuur(
            "Contactpersoon",
            "put",
            vul_pad("/contactpersonen/{id}", id=contactpersoon.duo_id),
            gegevens,
            gemeente=bericht.gemeente,
        )
        DuoContactpersoon.objects.filter(pk=contactpersoon.pk).update(bij_duo=gegevens)
    return client.stuur(
        "Contactpersoon",
        "post",
        vul_pad("/contactpersonen/{id}/personen/{bsn}", id=contactpersoon.duo_id, bsn=bsn),
        None,
        gemeente=bericht.gemeente,
    )


def _eerder_wachtend(bericht: UitgaandBericht) -> UitgaandBericht | None:
    """An older message for the same person still waiting: DUO needs them in order (a PIP before an
    inburgeringsaanbod), so this one waits for it."""
    return (
        UitgaandBericht.objects.filter(
            inburgeraar_id=bericht.inburgeraar_id, status=BerichtStatus.WACHTRIJ, id__lt=bericht.id
        )
        .order_by("volgende_poging_op")
        .last()
    )


@task(queue_name="duo")
def verstuur_bericht(bericht_id: int, ingepland: int) -> str:
    """Send one message; the number `ingepland` it was enqueued with must still be current."""
    with transaction.atomic():
        bericht = (
            UitgaandBericht.objects.select_for_update(of=("self",))
            .select_related("inburgeraar", "gemeente", "aangemaakt_door")
            .filter(pk=bericht_id)
            .first()
        )
        if bericht is None or bericht.status != BerichtStatus.WACHTRIJ or bericht.ingepland != ingepland:
            return "overgeslagen"
        eerder = _eerder_wachtend(bericht)
        if eerder is not None:
            _plan(bericht, max(eerder.volgende_poging_op or _nu(), _nu()) + timedelta(seconds=5))
            return "wacht op een eerder bericht"
        bericht.pogingen += 1
        bericht.laatste_poging_op = _nu()
        bericht.volgende_poging_op = None
        bericht.save(update_fields=["pogingen", "laatste_poging_op", "volgende_poging_op", "gewijzigd_op"])

    client = _client()
    bsn = bericht.inburgeraar.bsn
    try:
        if bericht.soort == Soort.CONTACTPERSOON:
            _verstuur_contactpersoon(client, bericht, bsn)
        else:
            pad = vul_pad(bericht.pad, bsn=bsn, **bericht.parameters)
            client.stuur(bericht.api, bericht.methode, pad, bericht.body, gemeente=bericht.gemeente)
    except OngeldigBericht as fout:
        return _afgelopen(bericht, client, BerichtStatus.AFGEWEZEN, fouten=fout.fouten, fouttekst=str(fout))
    except DuoAfwijzing as fout:
        return _afgelopen(
            bericht, client, BerichtStatus.AFGEWEZEN, fouttekst=fout.fouttekst, http_status=fout.status
        )
    except DuoStoring as fout:
        return _storing(bericht, client, fout)
    except DuoFout as fout:  # configuration: no base URL, no OIN for the municipality
        return _storing(bericht, client, DuoStoring(str(fout)))
    return _afgelopen(bericht, client, BerichtStatus.VERZONDEN)


def _afgelopen(bericht, client, status, *, fouttekst: str = "", fouten=None, http_status=None) -> str:
    with transaction.atomic():
        bericht.status = status
        bericht.fouttekst = fouttekst
        bericht.fouten = fouten or []
        bericht.http_status = http_status
        bericht.bericht_id = client.laatste_bericht_id
        if status == BerichtStatus.VERZONDEN:
            bericht.verzonden_op = _nu()
        bericht.save()
        if status == BerichtStatus.VERZONDEN:
            events.duo_bericht_verzonden(bericht.inburgeraar, bericht.aangemaakt_door, bericht)
        elif fouten:
            events.duo_bericht_niet_verstuurd(bericht.inburgeraar, bericht.aangemaakt_door, bericht)
        else:
            events.duo_bericht_afgewezen(bericht.inburgeraar, bericht.aangemaakt_door, bericht)
    return status


def _storing(bericht, client, fout: DuoStoring) -> str:
    with transaction.atomic():
        bericht.fouttekst = fout.melding if hasattr(fout, "melding") else str(fout)
        bericht.http_status = fout.status
        bericht.bericht_id = fout.bericht_id or client.laatste_bericht_id
        wacht = wachttijden.wachttijd(bericht.pogingen)
        if wacht is None:
            bericht.status = BerichtStatus.MISLUKT
            bericht.save()
        else:
            bericht.save()
            _plan(bericht, _nu() + wacht)
        events.duo_bericht_poging_mislukt(bericht.inburgeraar, bericht.aangemaakt_door, bericht)
    return bericht.status
