"""The states of a case and which changes between them are allowed.

Pure Python so the rule can be read and tested on its own. The reasons a case ends
are the ways the obligation is met or ends (regie.wet.einde: Wi 6 lid 1 met, Wi 4
vrijstelling, Wi 5 ontheffing, Wi 3 no longer inburgeringsplichtig; DUO events
SS106-SS111).
"""

from enum import StrEnum

from regie.wet.einde import NIET_MEER_PLICHTIG, PLICHT_VOLDAAN, VRIJGESTELD_OF_ONTHEVEN, EindeReden


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


EINDE_LABELS = {reden: reden.label for reden in EindeReden}

# Afgerond: the obligation is met (Wi 6 lid 1: exam or route completed) or the person
# is released from it (Wi 4 vrijstelling, Wi 5 ontheffing). Beëindigd: the obligation ends
# without being met (Wi 3; DUO SS110/SS111), or DUO released the person before anything was done.
REDENEN_PER_EINDSTATUS = {
    Status.AFGEROND: frozenset(PLICHT_VOLDAAN) | frozenset(VRIJGESTELD_OF_ONTHEVEN),
    Status.BEEINDIGD: frozenset(NIET_MEER_PLICHTIG) | frozenset(VRIJGESTELD_OF_ONTHEVEN),
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

    Afgerond and beëindigd need a reason from REDENEN_PER_EINDSTATUS (regie.wet.einde: Wi 3,
    4, 5 and 6 lid 1; DUO SS106-SS111); every other status, verhuisd included, takes none.
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
