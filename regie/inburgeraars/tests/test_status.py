"""The state machine of a case (regie.inburgeraars.status): pure, no database."""

import pytest

from regie.inburgeraars.status import (
    ACTIEF,
    EINDE_LABELS,
    EINDSTATUSSEN,
    OVERGANGEN,
    REDENEN_PER_EINDSTATUS,
    STATUS_LABELS,
    EindeReden,
    Status,
    controleer_overgang,
    toegestane_overgangen,
)

TOEGESTAAN = [(van, naar) for van, naar_set in OVERGANGEN.items() for naar in sorted(naar_set)]


def geldige_reden(naar: Status) -> EindeReden | None:
    redenen = REDENEN_PER_EINDSTATUS.get(naar)
    return sorted(redenen)[0] if redenen else None


@pytest.mark.parametrize(("van", "naar"), TOEGESTAAN, ids=[f"{v}->{n}" for v, n in TOEGESTAAN])
def test_elke_toegestane_overgang(van, naar):
    assert naar in toegestane_overgangen(van)
    assert controleer_overgang(van, naar, geldige_reden(naar)) is None


def test_verwachte_overgangen():
    """The path of a case: aangemeld -> brede intake -> PIP vastgesteld -> in uitvoering ->
    afgerond, and every active case can move away or end."""
    assert OVERGANGEN[Status.AANGEMELD] == {
        Status.BREDE_INTAKE,
        Status.PIP_VASTGESTELD,
        Status.VERHUISD,
        Status.BEEINDIGD,
        Status.AFGEROND,
    }
    assert OVERGANGEN[Status.IN_UITVOERING] == {Status.AFGEROND, Status.VERHUISD, Status.BEEINDIGD}
    for actief in ACTIEF:
        assert {Status.VERHUISD, Status.BEEINDIGD, Status.AFGEROND} <= OVERGANGEN[actief]


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (Status.AANGEMELD, Status.IN_UITVOERING),  # no PIP yet
        (Status.AANGEMELD, Status.AANGEMELD),
        (Status.BREDE_INTAKE, Status.AANGEMELD),
        (Status.BREDE_INTAKE, Status.IN_UITVOERING),
        (Status.PIP_VASTGESTELD, Status.BREDE_INTAKE),
        (Status.IN_UITVOERING, Status.PIP_VASTGESTELD),
        (Status.IN_UITVOERING, Status.AANGEMELD),
        (Status.AFGEROND, Status.AANGEMELD),  # the obligation is met: final
        (Status.AFGEROND, Status.IN_UITVOERING),
        (Status.VERHUISD, Status.IN_UITVOERING),
        (Status.VERHUISD, Status.BEEINDIGD),
        (Status.BEEINDIGD, Status.AFGEROND),
    ],
)
def test_geweigerde_overgangen(van, naar):
    melding = controleer_overgang(van, naar, geldige_reden(naar))
    assert melding == f"Een dossier met status '{van.label}' kan niet naar '{naar.label}'."


def test_alle_niet_genoemde_overgangen_geweigerd():
    for van in Status:
        for naar in set(Status) - OVERGANGEN[van]:
            assert controleer_overgang(van, naar, geldige_reden(naar)) is not None


def test_afgerond_is_definitief_verhuisd_en_beeindigd_kunnen_terugkomen():
    """A case that moved away or ended can return (DUO SS129), and restarts at aangemeld."""
    assert toegestane_overgangen(Status.AFGEROND) == frozenset()
    assert toegestane_overgangen(Status.VERHUISD) == {Status.AANGEMELD}
    assert toegestane_overgangen(Status.BEEINDIGD) == {Status.AANGEMELD}


@pytest.mark.parametrize("naar", [Status.AFGEROND, Status.BEEINDIGD])
def test_reden_verplicht_bij_afronden_en_beeindigen(naar):
    """Wi 3, 4, 5 and 6 lid 1 (regie.wet.einde), DUO SS106-SS111: ending a case needs a reason."""
    melding = controleer_overgang(Status.IN_UITVOERING, naar, None)
    assert melding is not None
    assert melding.startswith(f"Kies een reden voor '{naar.label}': ")
    for reden in REDENEN_PER_EINDSTATUS[naar]:
        assert reden.label in melding
    assert controleer_overgang(Status.IN_UITVOERING, naar, "") is not None


@pytest.mark.parametrize(
    ("naar", "reden"),
    [
        (Status.AFGEROND, EindeReden.NATURALISATIE),  # the obligation ends, but is not met
        (Status.AFGEROND, EindeReden.OVERLIJDEN),
        (Status.BEEINDIGD, EindeReden.DIPLOMA),  # met: that is afgerond
        (Status.BEEINDIGD, EindeReden.Z_ROUTE_VOLTOOID),
    ],
)
def test_reden_moet_bij_de_eindstatus_passen(naar, reden):
    assert controleer_overgang(Status.IN_UITVOERING, naar, reden) is not None


@pytest.mark.parametrize("reden", sorted(REDENEN_PER_EINDSTATUS[Status.AFGEROND]))
def test_afgerond_redenen(reden):
    """Wi 6 lid 1 (exam or route completed) and Wi 4 (vrijstelling) and Wi 5 (ontheffing)."""
    assert controleer_overgang(Status.IN_UITVOERING, Status.AFGEROND, reden) is None
    assert controleer_overgang(Status.IN_UITVOERING, Status.AFGEROND, reden.value) is None


@pytest.mark.parametrize("reden", sorted(REDENEN_PER_EINDSTATUS[Status.BEEINDIGD]))
def test_beeindigd_redenen(reden):
    """DUO SS106-SS111: naturalisation, leaving the country, AOW age, death."""
    assert controleer_overgang(Status.PIP_VASTGESTELD, Status.BEEINDIGD, reden) is None


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (Status.AANGEMELD, Status.BREDE_INTAKE),
        (Status.PIP_VASTGESTELD, Status.IN_UITVOERING),
        (Status.IN_UITVOERING, Status.VERHUISD),
        (Status.BEEINDIGD, Status.AANGEMELD),
    ],
)
def test_geen_reden_bij_andere_statussen(van, naar):
    """Only afronden and beëindigen take a reason; also verhuisd takes none."""
    assert controleer_overgang(van, naar, None) is None
    assert controleer_overgang(van, naar, "") is None  # an empty choice from a form
    assert (
        controleer_overgang(van, naar, EindeReden.DIPLOMA)
        == "Alleen bij afronden of beëindigen hoort een reden."
    )


def test_labels_compleet():
    assert set(STATUS_LABELS) == set(Status)
    assert set(EINDE_LABELS) == set(EindeReden)
    assert all(STATUS_LABELS.values()) and all(EINDE_LABELS.values())
    assert len(set(STATUS_LABELS.values())) == len(Status)
    assert len(set(EINDE_LABELS.values())) == len(EindeReden)
    assert Status.BEEINDIGD.label == "Beëindigd"
    assert EindeReden.AOW_LEEFTIJD.label == "AOW-leeftijd bereikt"


def test_elke_status_heeft_overgangen_gedefinieerd():
    assert set(OVERGANGEN) == set(Status)
    assert {Status.AFGEROND, Status.VERHUISD, Status.BEEINDIGD} == EINDSTATUSSEN
    assert set(Status) - EINDSTATUSSEN == ACTIEF
    assert set(REDENEN_PER_EINDSTATUS) == EINDSTATUSSEN
    gebruikt = set().union(*REDENEN_PER_EINDSTATUS.values())
    assert gebruikt == set(EindeReden), "every reason belongs to an end status"
