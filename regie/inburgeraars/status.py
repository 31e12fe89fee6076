"""The states of a case and which changes between them are allowed.

Pure Python so the rule can be read and tested on its own. The reasons a case ends
follow the ways the obligation is met or ends (Wi 6 lid 1, Wi 7; DUO events
SS106-SS111).
"""

from enum import StrEnum


class Status(StrEnum):
    AANGEMELD = "aangemeld"
    BREDE_INTAKE = "brede_intake"
    PIP_VASTGESTELD = "pip_vastgesteld"
    IN_UITVOERING = "in_uitvoering"
    AFGEROND = "afgerond"
    VERHUISD = "verhuisd"
    BEEINDIGD = "beeindigd"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.AANGEMELD: "Aangemeld",
    Status.BREDE_INTAKE: "Brede intake",
    Status.PIP_VASTGESTELD: "PIP vastgesteld",
    Status.IN_UITVOERING: "In uitvoering",
    Status.AFGEROND: "Afgerond",
    Status.VERHUISD: "Verhuisd",
    Status.BEEINDIGD: "Beëindigd",
}

EINDSTATUSSEN = frozenset({Status.AFGEROND, Status.VERHUISD, Status.BEEINDIGD})
ACTIEF = frozenset(Status) - EINDSTATUSSEN


class EindeReden(StrEnum):
    DIPLOMA = "diploma"
    Z_ROUTE_VOLTOOID = "z_route_voltooid"
    ONDERWIJSROUTE_VOLTOOID = "onderwijsroute_voltooid"
    VRIJSTELLING = "vrijstelling"
    ONTHEFFING = "ontheffing"
    NATURALISATIE = "naturalisatie"
    VERTREK = "vertrek"
    AOW_LEEFTIJD = "aow_leeftijd"
    OVERLIJDEN = "overlijden"

    @property
    def label(self) -> str:
        return EINDE_LABELS[self]


EINDE_LABELS = {
    EindeReden.DIPLOMA: "Diploma behaald",
    EindeReden.Z_ROUTE_VOLTOOID: "Z-route voltooid",
    EindeReden.ONDERWIJSROUTE_VOLTOOID: "Onderwijsroute voltooid",
    EindeReden.VRIJSTELLING: "Vrijstelling",
    EindeReden.ONTHEFFING: "Ontheffing",
    EindeReden.NATURALISATIE: "Naturalisatie",
    EindeReden.VERTREK: "Vertrek uit Nederland",
    EindeReden.AOW_LEEFTIJD: "AOW-leeftijd bereikt",
    EindeReden.OVERLIJDEN: "Overleden",
}

# Afgerond: the obligation is met (Wi 6 lid 1: exam or route completed) or the person
# is released from it (Wi 7 vrijstelling/ontheffing). Beëindigd: the obligation ends
# without being met (DUO SS110/SS111).
REDENEN_PER_EINDSTATUS = {
    Status.AFGEROND: frozenset(
        {
            EindeReden.DIPLOMA,
            EindeReden.Z_ROUTE_VOLTOOID,
            EindeReden.ONDERWIJSROUTE_VOLTOOID,
            EindeReden.VRIJSTELLING,
            EindeReden.ONTHEFFING,
        }
    ),
    Status.BEEINDIGD: frozenset(
        {
            EindeReden.NATURALISATIE,
            EindeReden.VERTREK,
            EindeReden.AOW_LEEFTIJD,
            EindeReden.OVERLIJDEN,
            EindeReden.VRIJSTELLING,
            EindeReden.ONTHEFFING,
        }
    ),
    Status.VERHUISD: frozenset(),
}

OVERGANGEN: dict[Status, frozenset[Status]] = {
    Status.AANGEMELD: frozenset(
        {
            Status.BREDE_INTAKE,
            Status.PIP_VASTGESTELD,
            Status.VERHUISD,
            Status.BEEINDIGD,
            Status.AFGEROND,
        }
    ),
    Status.BREDE_INTAKE: frozenset(
        {Status.PIP_VASTGESTELD, Status.VERHUISD, Status.BEEINDIGD, Status.AFGEROND}
    ),
    Status.PIP_VASTGESTELD: frozenset(
        {Status.IN_UITVOERING, Status.VERHUISD, Status.BEEINDIGD, Status.AFGEROND}
    ),
    Status.IN_UITVOERING: frozenset({Status.AFGEROND, Status.VERHUISD, Status.BEEINDIGD}),
    Status.AFGEROND: frozenset(),
    # A case that moved away or ended can come back (e.g. back in the municipality,
    # or a temporary vrijstelling withdrawn: DUO SS129); it restarts at aangemeld.
    Status.VERHUISD: frozenset({Status.AANGEMELD}),
    Status.BEEINDIGD: frozenset({Status.AANGEMELD}),
}


def toegestane_overgangen(huidig: Status) -> frozenset[Status]:
    """The statuses a case with status `huidig` may move to (see OVERGANGEN)."""
    return OVERGANGEN[huidig]


def controleer_overgang(huidig: Status, naar: Status, reden: EindeReden | None) -> str | None:
    """A Dutch message why the change is not allowed, or None when it is.

    Afgerond and beëindigd need a reason from REDENEN_PER_EINDSTATUS (Wi 6 lid 1, Wi 7,
    DUO SS106-SS111); every other status, verhuisd included, takes none.
    """
    reden = reden or None  # an empty choice from a form means no reason
    if naar not in OVERGANGEN[huidig]:
        return f"Een dossier met status '{huidig.label}' kan niet naar '{naar.label}'."
    toegestaan = REDENEN_PER_EINDSTATUS.get(naar)
    if not toegestaan:
        return None if reden is None else "Alleen bij afronden of beëindigen hoort een reden."
    if reden not in toegestaan:
        keuzes = ", ".join(sorted(r.label for r in toegestaan))
        return f"Kies een reden voor '{naar.label}': {keuzes}."
    return None
