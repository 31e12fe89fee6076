"""DUO's conditions for what a municipality delivers (README of the specs, "Voorwaarden"), as
pure functions: each returns the list of Dutch reasons to refuse (empty = accepted).
DUO answers a refusal with 403 and a list of Foutmelding."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from .gegevens import actuele_pip, datum, verantwoordelijke_gemeente


def _d(dag: date) -> str:
    return dag.strftime("%d-%m-%Y")


def pip_aanleveren(persoon: dict, pip: dict, gemeentecode: str) -> list[str]:
    """README "Het aanleveren van een PIP": dagtekening, niveau, geschatte intensiteit."""
    fouten = []
    if verantwoordelijke_gemeente(persoon) != gemeentecode:
        fouten.append("De persoon is niet gevestigd in of gekoppeld aan uw gemeente.")
    plicht = persoon.get("inburgeringsplicht") or {}
    if not plicht.get("indicatorInburgeringsplicht"):
        fouten.append("De persoon is niet inburgeringsplichtig.")
    dagtekening = datum(pip["dagtekeningPip"])
    begin_plicht = datum(plicht.get("begindatum"))
    if begin_plicht and dagtekening < begin_plicht:
        fouten.append(
            f"De datum dagtekening ligt voor de start van de inburgeringsplicht ({_d(begin_plicht)})."
        )
    pips = persoon.get("pips") or []
    if pips:
        initieel = datum(pips[0]["pip"]["dagtekeningPip"])
        actueel = datum(pips[-1]["pip"]["dagtekeningPip"])
        if dagtekening < initieel:
            fouten.append(
                f"De datum dagtekening ligt voor de dagtekening van de initiële PIP ({_d(initieel)})."
            )
        elif dagtekening < actueel:
            fouten.append(
                f"De datum dagtekening ligt voor de dagtekening van de actuele PIP ({_d(actueel)})."
            )
    vestiging = datum(persoon.get("vestigingsdatum"))
    if vestiging and dagtekening < vestiging:
        fouten.append(f"De datum dagtekening ligt voor de vestiging bij de gemeente ({_d(vestiging)}).")
    leerroute, niveau = pip["leerroute"], pip.get("niveau")
    if niveau == "A2" and leerroute == "O":
        fouten.append("Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd.")
    if niveau == "B1" and leerroute == "Z":
        fouten.append("Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd.")
    if niveau == "A2" and leerroute == "B" and not pips:
        fouten.append(
            "Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd bij de eerste PIP."
        )
    if "geschatteIntensiteitB1Route" in pip:
        if leerroute != "B":
            fouten.append("De geschatte intensiteit B1-route mag alleen bij de B1-route worden aangeleverd.")
        if (persoon.get("doelgroep") or {}).get("indeling") != "Asielstatushouder":
            fouten.append(
                "De geschatte intensiteit B1-route mag alleen bij asielmigranten worden aangeleverd."
            )
    return fouten


def pip_met_standaardniveau(pip: dict) -> dict:
    """README: without a niveau DUO sets B1 for the B1-route and the onderwijsroute."""
    if "niveau" not in pip and pip["leerroute"] in ("B", "O"):
        return {**pip, "niveau": "B1"}
    return dict(pip)


def pip_verwijderen(persoon: dict, gemeentecode: str) -> list[str]:
    """README "Het verwijderen van een PIP"."""
    fouten = []
    actueel = actuele_pip(persoon)
    if actueel["gemeentecode"] != gemeentecode:
        fouten.append("De actuele PIP is niet door uw gemeente aangeleverd.")
    if persoon.get("inburgeringstermijn"):
        fouten.append("De PIP kan niet worden verwijderd: de inburgeringstermijn is al vastgesteld.")
    uren = (persoon.get("uren") or {}).get(gemeentecode, {}).get("ParticipatieAlsTaalles")
    if persoon.get("inburgeringsaanbod") and uren and uren.get("uren", 0) > 0:
        fouten.append("De PIP kan niet worden verwijderd: er zijn al cursusdeelnameuren geregistreerd.")
    return fouten


def _overschrijding(termijn: dict | None, dag: date) -> bool:
    """The termijn is exceeded on `dag` (DUO's einddatum is exclusive)."""
    return bool(termijn) and dag >= datum(termijn["einddatum"])


def map_of_pvt(persoon: dict, resultaat: dict, gemeentecode: str, *, soort: str, vandaag: date) -> list[str]:
    """README "Module Arbeidsmarkt en Participatie (MAP)" / "Participatieverklaringstraject (PVT)"."""
    veld = "datumEindgesprekMap" if soort == "map" else "datumOndertekeningPvt"
    naam = "datum eindgesprek MAP" if soort == "map" else "datum ondertekening PVT"
    fouten = []
    eerder = persoon.get(soort)
    if eerder and eerder.get("gemeentecode") != gemeentecode:
        fouten.append(f"Bij een wijziging moet de {naam} eerder door uw gemeente zijn geleverd.")
    actueel = actuele_pip(persoon)
    if not actueel or actueel["gemeentecode"] != gemeentecode:
        fouten.append("Uw gemeente heeft geen actuele PIP voor deze inburgeringsplichtige.")
    afronding_z = datum((persoon.get("zroute") or {}).get("datumAfrondingZroute"))
    termijn = persoon.get("inburgeringstermijn")
    dag = datum(resultaat.get(veld))
    verwijtbaar = resultaat.get("verwijtbaar")
    if dag is None:
        if afronding_z:
            fouten.append(f"De {naam} kan niet worden ingetrokken: de afronding Z-route is geregistreerd.")
        if verwijtbaar is not None:
            fouten.append(f"Verwijtbaar mag alleen samen met een {naam} worden geleverd.")
        return fouten
    if afronding_z:
        fouten.append("De inburgeringsplicht is al voldaan via de Z-route.")
        if dag > afronding_z:
            fouten.append(f"De {naam} mag niet na de datum afronding Z-route liggen.")
    if termijn and dag < datum(termijn["startdatum"]):
        fouten.append(f"De {naam} mag niet voor de startdatum van de inburgeringstermijn liggen.")
    if dag > vandaag:
        fouten.append(f"De {naam} mag niet in de toekomst liggen.")
    overschreden = _overschrijding(termijn, dag)
    if verwijtbaar is None and overschreden:
        fouten.append("Verwijtbaar (Ja/Nee) ontbreekt: de inburgeringstermijn is overschreden.")
    if verwijtbaar is not None and not overschreden:
        fouten.append(
            f"Verwijtbaar mag niet worden geleverd als de {naam} voor het einde van de termijn ligt."
        )
    if verwijtbaar == "Nee" and overschreden:
        einde = datum(termijn["einddatum"])
        if dag >= einde + relativedelta(months=2):
            fouten.append(
                "Verwijtbaar 'Nee' mag alleen als de einddatum van de termijn binnen twee maanden valt."
            )
    return fouten


def zroute(persoon: dict, resultaat: dict, gemeentecode: str, *, vandaag: date) -> list[str]:
    """Afronding Z-route: the municipality's current PIP has the Z-route, the date lies in the
    termijn's span so far (simulator's reading; the README lists no conditions)."""
    fouten = []
    actueel = actuele_pip(persoon)
    if not actueel or actueel["gemeentecode"] != gemeentecode:
        fouten.append("Uw gemeente heeft geen actuele PIP voor deze inburgeringsplichtige.")
    elif actueel["pip"]["leerroute"] != "Z":
        fouten.append("De actuele PIP heeft niet de Z-route als leerroute.")
    dag = datum(resultaat.get("datumAfrondingZroute"))
    if dag:
        termijn = persoon.get("inburgeringstermijn")
        if termijn and dag < datum(termijn["startdatum"]):
            fouten.append(
                "De datum afronding Z-route mag niet voor de startdatum van de inburgeringstermijn liggen."
            )
        if dag > vandaag:
            fouten.append("De datum afronding Z-route mag niet in de toekomst liggen.")
    return fouten


def uren(persoon: dict, soort: str, gemeentecode: str) -> list[str]:
    """Hours are delivered by the municipality the person belongs to or whose PIP is current;
    participation hours only for the Z-route of an asylum migrant (spec description)."""
    fouten = []
    actueel = actuele_pip(persoon)
    if verantwoordelijke_gemeente(persoon) != gemeentecode and (
        not actueel or actueel["gemeentecode"] != gemeentecode
    ):
        fouten.append("De persoon is niet gevestigd in of gekoppeld aan uw gemeente.")
    if soort == "ParticipatieactiviteitenBredeIntake":
        if (persoon.get("doelgroep") or {}).get("indeling") != "Asielstatushouder":
            fouten.append("Uren participatieactiviteiten kunnen alleen voor asielmigranten worden geleverd.")
        if actueel and actueel["pip"]["leerroute"] != "Z":
            fouten.append("Uren participatieactiviteiten kunnen alleen bij de Z-route worden geleverd.")
    if soort == "ParticipatieAlsTaalles" and not actueel:
        fouten.append("De persoon heeft nog geen PIP.")
    return fouten


def inburgeringsaanbod(persoon: dict, aanbod: dict, instelling: dict | None, gemeentecode: str) -> list[str]:
    """README "Inburgeringsaanbod"."""
    fouten = []
    if (persoon.get("doelgroep") or {}).get("indeling") != "Asielstatushouder":
        fouten.append("Het inburgeringsaanbod kan alleen voor een asielmigrant worden geregistreerd.")
    actueel = actuele_pip(persoon)
    if not actueel:
        fouten.append("De persoon heeft geen PIP.")
    if instelling is None:
        fouten.append("De opleidingsinstelling is niet bekend bij DUO.")
    elif actueel and actueel["pip"]["leerroute"] == "O":
        if not instelling.get("indicatieTstKeurmerk"):
            fouten.append("Bij de onderwijsroute moet de instelling een erkende Taalschakelinstelling zijn.")
    elif not instelling.get("indicatieBowKeurmerk"):
        fouten.append("De opleidingsinstelling heeft geen keurmerk van Blik op Werk.")
    data = {
        veld: datum(aanbod.get(veld))
        for veld in ("datumInburgeringsaanbod", "verwachteStartdatumOpleiding", "verwachteEinddatumOpleiding")
    }
    if actueel:
        dagtekening = datum(actueel["pip"]["dagtekeningPip"])
        for veld, dag in data.items():
            if dag and dag < dagtekening:
                fouten.append(f"{veld} ligt voor de dagtekening van de actuele PIP.")
    start, einde = data["verwachteStartdatumOpleiding"], data["verwachteEinddatumOpleiding"]
    if start and einde and einde < start:
        fouten.append("De verwachte einddatum van de opleiding ligt voor de verwachte startdatum.")
    if start and data["datumInburgeringsaanbod"] and start < data["datumInburgeringsaanbod"]:
        fouten.append(
            "De verwachte startdatum van de opleiding ligt voor de datum van het inburgeringsaanbod."
        )
    termijn = persoon.get("inburgeringstermijn")
    if termijn:
        begin, eind = datum(termijn["startdatum"]), datum(termijn["einddatum"])
        for dag in (start, einde):
            if dag and not (begin <= dag < eind):
                fouten.append("De opleidingsdata mogen niet buiten de inburgeringstermijn liggen.")
                break
    if verantwoordelijke_gemeente(persoon) != gemeentecode and (
        not actueel or actueel["gemeentecode"] != gemeentecode
    ):
        fouten.append("De persoon is niet gevestigd in of gekoppeld aan uw gemeente.")
    return fouten
