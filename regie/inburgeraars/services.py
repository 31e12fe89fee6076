"""Changing cases. Each service runs in one transaction and writes its timeline entry
in that same transaction."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.rechten import Recht, heeft_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.models import Inburgeraar, Kind
from regie.inburgeraars.selectors import gemeenten_voor
from regie.inburgeraars.status import EindeReden, Status, controleer_overgang
from regie.klok import vandaag
from regie.organisaties.models import Organisatie
from regie.tijdlijn import events

# What a consultant records when registering a newcomer; forms and the API add the
# household (partner or children) themselves.
REGISTRATIE_VELDEN = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "geslachtsnaam",
    "geboortedatum",
    "geslacht",
    "geboorteland",
    "nationaliteit",
    "talen",
    "tolk_nodig",
    "doelgroep",
    "gemeente",
    "kern",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
    "email",
    "datum_melding_duo",
    "datum_koppeling_coa",
    "datum_inschrijving_brp",
    "datum_huisvesting",
    "dagtekening_eerste_pip_elders",
    "leerroute_vorige_gemeente",
)
DATUMVELDEN = (
    "datum_melding_duo",
    "datum_koppeling_coa",
    "datum_inschrijving_brp",
    "datum_huisvesting",
)


# Fields that only their own service changes: status and einde_reden through
# status_wijzigen (the state machine), consulent through consulent_toewijzen (team lead
# only), versie through neem_versie, DUO's extension of the termijn through
# termijn_verlengd_door_duo.
VERLENGING_VELDEN = ("einde_termijn_duo", "termijn_verlengd_bericht_van", "verlengingsgrond_duo")
NIET_VIA_WIJZIGEN = frozenset(
    {"status", "einde_reden", "consulent", "versie", "uuid", "aangemaakt_op", *VERLENGING_VELDEN}
)


_POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Z]{2})")


def postcode_opschonen(waarde: str) -> str:
    """A Dutch postcode written as '1234 AB' (four digits, the first not 0, two letters; '8256ab'
    is fine), or '' for none. The registration and change services apply it, and the form calls
    it so its message shows next to the field with the others."""
    waarde = (waarde or "").strip().upper()
    if not waarde:
        return ""
    gevonden = _POSTCODE.fullmatch(waarde)
    if not gevonden:
        raise ValidationError("Vul een postcode in zoals 1234 AB.", code="postcode")
    return f"{gevonden[1]} {gevonden[2]}"


def kind_fouten(*, voornaam: str, geboortedatum: date | None) -> dict[str, list[str]]:
    """What is wrong with one child of the household, per field (also used by KindForm)."""
    fouten: dict[str, list[str]] = {}
    if (voornaam or "").strip() and not geboortedatum:
        fouten["geboortedatum"] = ["Vul ook de geboortedatum van het kind in."]
    if geboortedatum and not (voornaam or "").strip():
        fouten["voornaam"] = ["Vul ook de voornaam van het kind in."]
    if geboortedatum and geboortedatum > vandaag():
        fouten.setdefault("geboortedatum", []).append(
            "De geboortedatum van het kind mag niet in de toekomst liggen."
        )
    return fouten


def _valideer(inburgeraar: Inburgeraar, door: User, velden=None, kinderen=()) -> None:
    """Raise ValidationError with a Dutch message per field. `velden`: the fields being
    changed (None at registration) for the checks that only concern a new value.

    Sets `organisatie` from the gemeente. A new case, BSN or organisation is checked against the
    organisation's cases with the organisation's row locked until the transaction ends, so two
    people registering the same BSN at once get the Dutch message, not the database's refusal
    (constraint inburgeraar_bsn_uniek_per_organisatie, which also holds when this is bypassed)."""
    fouten: dict[str, list[str]] = {}
    postcode_fout = None
    if velden is None or "postcode" in velden:
        try:
            inburgeraar.postcode = postcode_opschonen(inburgeraar.postcode)
        except ValidationError as exc:
            postcode_fout = exc.messages
    # organisatie follows the gemeente; the BSN's uniqueness in it is checked below
    overslaan = {"consulent", "partner", "organisatie"}
    if velden is not None:
        # A change checks the fields it changes: the others were checked when they were stored,
        # and checking them again costs queries (the gemeente's existence, the uuid's uniqueness)
        # for every DUO notice that changes a case.
        overslaan |= {
            f.name
            for f in Inburgeraar._meta.concrete_fields
            if f.name not in velden and f.attname not in velden
        }
    try:
        inburgeraar.full_clean(exclude=sorted(overslaan))
    except ValidationError as exc:
        fouten.update(exc.message_dict)
    if postcode_fout:
        fouten["postcode"] = postcode_fout  # instead of "too long": what a postcode looks like
    for nummer, kind in enumerate(kinderen, start=1):
        for meldingen in kind_fouten(
            voornaam=kind.get("voornaam", ""), geboortedatum=kind.get("geboortedatum")
        ).values():
            fouten.setdefault("kinderen", []).extend(
                f"Kind {nummer}: {m[0].lower()}{m[1:]}" for m in meldingen
            )
    if inburgeraar.gemeente_id and not gemeenten_voor(door).filter(pk=inburgeraar.gemeente_id).exists():
        fouten.setdefault("gemeente", []).append(
            "U kunt alleen inburgeraars van uw eigen gemeenten registreren."
        )
    elif inburgeraar.gemeente_id and "bsn" not in fouten and _nieuw_bsn_in_organisatie(inburgeraar, velden):
        # Only within the organisation: whether another organisation knows this BSN is none of
        # this one's business (and a newcomer who moved here from there is registered here too).
        Organisatie.objects.select_for_update().filter(pk=inburgeraar.organisatie_id).first()  # the lock
        if (
            Inburgeraar.objects.filter(organisatie_id=inburgeraar.organisatie_id, bsn=inburgeraar.bsn)
            .exclude(pk=inburgeraar.pk)
            .exists()
        ):
            fouten.setdefault("bsn", []).append("Er staat al een inburgeraar met dit BSN bij uw organisatie.")
    if inburgeraar.kern_id and inburgeraar.kern.gemeente_id != inburgeraar.gemeente_id:
        fouten.setdefault("kern", []).append("Deze kern hoort niet bij de gekozen gemeente.")
    if (
        velden is None
        and inburgeraar.consulent_id
        and (
            inburgeraar.consulent.organisatie_id != door.organisatie_id or not inburgeraar.consulent.is_active
        )
    ):
        fouten.setdefault("consulent", []).append("Kies een actieve consulent van uw eigen organisatie.")
    if (
        (velden is None or "partner" in velden or "partner_id" in velden)
        and inburgeraar.partner_id
        and (
            inburgeraar.partner_id == inburgeraar.pk
            or inburgeraar.partner.gemeente.organisatie_id != door.organisatie_id
        )
    ):
        fouten.setdefault("partner", []).append("Kies als partner een inburgeraar uit uw eigen gemeenten.")
    if inburgeraar.geboortedatum and inburgeraar.geboortedatum > vandaag():
        fouten.setdefault("geboortedatum", []).append("De geboortedatum mag niet in de toekomst liggen.")
    for veld in DATUMVELDEN:
        waarde = getattr(inburgeraar, veld)
        if waarde is None:
            continue
        label = Inburgeraar._meta.get_field(veld).verbose_name
        if waarde > vandaag():
            fouten.setdefault(veld, []).append(f"De {label} mag niet in de toekomst liggen.")
        elif inburgeraar.geboortedatum and waarde < inburgeraar.geboortedatum:
            fouten.setdefault(veld, []).append(f"De {label} mag niet voor de geboortedatum liggen.")
    if fouten:
        raise ValidationError(fouten)


def _nieuw_bsn_in_organisatie(inburgeraar: Inburgeraar, velden) -> bool:
    """Set `organisatie` from the gemeente; True when the case is new, or its BSN or organisation
    is about to change (only then the organisation is locked: an ordinary change takes no lock)."""
    inburgeraar.organisatie_id = inburgeraar.gemeente.organisatie_id
    if velden is None:
        return True
    if not velden & {"bsn", "gemeente"}:
        return False
    opgeslagen = Inburgeraar.objects.filter(pk=inburgeraar.pk).values_list("bsn", "organisatie_id").first()
    return opgeslagen != (inburgeraar.bsn, inburgeraar.organisatie_id)


def _zelfde_postcode(nieuw, oud: str) -> bool:
    return isinstance(nieuw, str) and nieuw.replace(" ", "").upper() == oud.replace(" ", "").upper()


def neem_versie(inburgeraar: Inburgeraar, versie: int | None) -> None:
    """Claim the next version of the case, or refuse when the form showed an older one."""
    verwacht = inburgeraar.versie if versie is None else versie
    bijgewerkt = Inburgeraar.objects.filter(pk=inburgeraar.pk, versie=verwacht).update(
        versie=F("versie") + 1, gewijzigd_op=timezone.now()
    )
    if not bijgewerkt:
        raise GelijktijdigGewijzigd()
    inburgeraar.versie = verwacht + 1


@transaction.atomic
def inburgeraar_registreren(*, door: User, kinderen: list[dict] = (), **gegevens) -> Inburgeraar:
    """Register a new case; a consulent who registers becomes its vaste consulent."""
    inburgeraar = Inburgeraar(**gegevens)
    if inburgeraar.consulent_id is None and not door.is_teamleider:
        inburgeraar.consulent = door
    _valideer(inburgeraar, door, kinderen=kinderen)
    inburgeraar.save()
    for kind in kinderen:
        Kind.objects.create(ouder=inburgeraar, **{**kind, "voornaam": kind["voornaam"].strip()})
    events.inburgeraar_geregistreerd(inburgeraar, door)
    if inburgeraar.consulent_id:
        events.consulent_toegewezen(inburgeraar, door, None, inburgeraar.consulent, "Bij registratie")
    return inburgeraar


@transaction.atomic
def inburgeraar_wijzigen(
    *, inburgeraar: Inburgeraar, door: User, versie: int | None, **wijzigingen
) -> Inburgeraar:
    """Change the case's own data. Status, consulent and versie have their own services."""
    veranderd = gegevens_bijwerken(inburgeraar=inburgeraar, door=door, versie=versie, **wijzigingen)
    if veranderd:
        events.gegevens_gewijzigd(inburgeraar, door, veranderd)
    return inburgeraar


def gegevens_bijwerken(
    *, inburgeraar: Inburgeraar, door: User, versie: int | None, **wijzigingen
) -> dict[str, tuple]:
    """Validate, take the version and save the case's own data; what changed, as {label: (old,
    new)}. For a service whose own timeline entry says why the data changed (a hand-over, a move),
    so that one event is not written twice."""
    verboden = set(wijzigingen) & NIET_VIA_WIJZIGEN
    if verboden:
        raise TypeError(f"Deze velden wijzigt u via hun eigen service: {sorted(verboden)}")
    if _zelfde_postcode(wijzigingen.get("postcode"), inburgeraar.postcode):
        del wijzigingen["postcode"]  # only written differently: no change
    oud = {veld: getattr(inburgeraar, veld) for veld in wijzigingen}
    for veld, waarde in wijzigingen.items():
        setattr(inburgeraar, veld, waarde)
    try:
        _valideer(inburgeraar, door, set(wijzigingen))
    except ValidationError:
        for veld, waarde in oud.items():  # leave the object as it was, like the database
            setattr(inburgeraar, veld, waarde)
        raise
    veranderd = {
        str(Inburgeraar._meta.get_field(veld).verbose_name): (oud[veld], getattr(inburgeraar, veld))
        for veld in wijzigingen
        if oud[veld] != getattr(inburgeraar, veld)
    }
    if not veranderd:
        return {}
    try:
        neem_versie(inburgeraar, versie)
    except GelijktijdigGewijzigd:
        for veld, waarde in oud.items():
            setattr(inburgeraar, veld, waarde)
        raise
    inburgeraar.save()
    return veranderd


@transaction.atomic
def termijn_verlengd_door_duo(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    laatste_dag: date,
    bericht_van: date,
    grond: str = "",
    aanleiding: str = "Termijn verlengd door DUO",
) -> Inburgeraar:
    """Wi 12: DUO extended the termijn. From now on `laatste_dag` (already the last day that
    counts, not DUO's exclusive einddatum) is the end of the termijn for every deadline, signal
    and check (regie.inburgeraars.selectors.termijnen_voor). The same extension again changes
    nothing. `aanleiding` opens the timeline entry (e.g. DUO's event)."""
    nieuw = {
        "einde_termijn_duo": laatste_dag,
        "termijn_verlengd_bericht_van": bericht_van,
        "verlengingsgrond_duo": (grond or "")[:200],
    }
    if (inburgeraar.einde_termijn_duo, inburgeraar.verlengingsgrond_duo) == (
        laatste_dag,
        nieuw["verlengingsgrond_duo"],
    ):
        return inburgeraar  # the same extension, also when a later notice reports it again
    wijzigingen = {
        str(Inburgeraar._meta.get_field(veld).verbose_name): [_iso(getattr(inburgeraar, veld)), _iso(waarde)]
        for veld, waarde in nieuw.items()
        if getattr(inburgeraar, veld) != waarde
    }
    neem_versie(inburgeraar, None)
    for veld, waarde in nieuw.items():
        setattr(inburgeraar, veld, waarde)
    inburgeraar.save(update_fields=[*nieuw, "versie", "gewijzigd_op"])
    tekst = f"{aanleiding}: de termijn loopt tot en met {laatste_dag:%d-%m-%Y} (bericht van {bericht_van:%d-%m-%Y})"
    if grond:
        tekst += f"; grond: {grond}"
    events.termijn_verlengd(inburgeraar, door, tekst, wijzigingen)
    return inburgeraar


def _iso(waarde) -> str | None:
    return waarde.isoformat() if isinstance(waarde, date) else (waarde or None)


@transaction.atomic
def status_wijzigen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    naar: Status,
    reden: EindeReden | None = None,
    toelichting: str = "",
    versie: int | None = None,
) -> Inburgeraar:
    """Move the case to another status, as the state machine in status.py allows."""
    if naar not in {s.value for s in Status}:
        raise ValidationError({"status": ["Kies een geldige status."]})
    if reden and reden not in {r.value for r in EindeReden}:
        raise ValidationError({"status": ["Kies een geldige reden."]})
    probleem = controleer_overgang(inburgeraar.status_enum, Status(naar), reden)
    if not probleem and naar == Status.PIP_VASTGESTELD and not inburgeraar.pips.exists():
        probleem = "Stel eerst een PIP vast. Dan krijgt het dossier vanzelf deze status."
    if probleem:
        raise ValidationError({"status": [probleem]})
    reden = EindeReden(reden) if reden else None
    van = Status(inburgeraar.status)
    neem_versie(inburgeraar, versie)
    inburgeraar.status = naar
    inburgeraar.einde_reden = reden or ""
    inburgeraar.save(update_fields=["status", "einde_reden", "versie", "gewijzigd_op"])
    events.status_gewijzigd(inburgeraar, door, van, Status(naar), reden, toelichting)
    return inburgeraar


@transaction.atomic
def consulent_toewijzen(
    *, inburgeraar: Inburgeraar, door: User, consulent: User, reden: str = ""
) -> Inburgeraar:
    """Only a team lead reassigns; the consultant must work for the same organisation, in
    a role that handles cases, and for the case's municipality (`User.gemeenten`)."""
    if (
        not heeft_recht(door, Recht.CONSULENT_TOEWIJZEN)
        or door.organisatie_id != inburgeraar.gemeente.organisatie_id
    ):
        raise ValidationError({"consulent": ["Alleen een teamleider kan de vaste consulent wijzigen."]})
    if consulent.organisatie_id != inburgeraar.gemeente.organisatie_id or not consulent.is_active:
        raise ValidationError({"consulent": ["Kies een actieve consulent van uw eigen organisatie."]})
    if not heeft_recht(consulent, Recht.DOSSIERS_WIJZIGEN_EIGEN):
        raise ValidationError({"consulent": [f"{consulent} behandelt met deze rol geen dossiers."]})
    if not gemeenten_voor(consulent).filter(pk=inburgeraar.gemeente_id).exists():
        raise ValidationError(
            {"consulent": [f"{consulent} werkt niet voor de gemeente {inburgeraar.gemeente.naam}."]}
        )
    if consulent.pk == inburgeraar.consulent_id:
        return inburgeraar
    van = inburgeraar.consulent
    neem_versie(inburgeraar, None)
    inburgeraar.consulent = consulent
    inburgeraar.save(update_fields=["consulent", "versie", "gewijzigd_op"])
    events.consulent_toegewezen(inburgeraar, door, van, consulent, reden)
    return inburgeraar
