"""Planning progress talks and recording how they went. Each service runs in one transaction
and writes the timeline entry (and so the processing log)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from regie.accounts.models import User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import dagtekening_eerste_pip, termijnen_voor
from regie.inburgeraars.services import neem_versie
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.klok import vandaag
from regie.pip.services import huidig_pip
from regie.tijdlijn import events
from regie.voortgangsgesprekken.models import Aanleiding, Uitkomst, Voortgangsgesprek
from regie.voortgangsgesprekken.planning import spreiden
from regie.wet.termijnen import Soort, termijn_start

GESLOTEN = (
    "Dit dossier is gesloten. Open het eerst opnieuw om voortgangsgesprekken te plannen of vast te leggen."
)


def _open(inburgeraar: Inburgeraar) -> None:
    if inburgeraar.status_enum in EINDSTATUSSEN:
        raise ValidationError({"__all__": [GESLOTEN]})


@transaction.atomic
def plannen_uit_pip(
    *, inburgeraar: Inburgeraar, door: User, versie: int | None = None
) -> list[Voortgangsgesprek]:
    """Plan the talks the current PIP names (`aantal_voortgangsgesprekken`; Wi 15, Bi 5.3) that
    are not planned yet, spread evenly over the rest of the inburgeringstermijn (a policy of
    Regie, see `planning.spreiden`). Talks already planned or held count; planning twice adds
    nothing."""
    _open(inburgeraar)
    pip = huidig_pip(inburgeraar)
    if pip is None:
        raise ValidationError({"__all__": ["Er is nog geen PIP. Stel eerst het PIP vast."]})
    if not pip.aantal_voortgangsgesprekken:
        raise ValidationError(
            {
                "__all__": [
                    "Het PIP noemt geen aantal voortgangsgesprekken. Plan een gesprek los, of pas het PIP aan."
                ]
            }
        )
    einde = next((t for t in termijnen_voor(inburgeraar) if t.soort == Soort.INBURGERINGSTERMIJN), None)
    if einde is None:  # cannot happen with a PIP, but say so rather than guess
        raise ValidationError({"__all__": ["De inburgeringstermijn is niet bekend."]})
    nog = pip.aantal_voortgangsgesprekken - inburgeraar.voortgangsgesprekken.count()
    if nog <= 0:
        return []
    vanaf = max(vandaag(), termijn_start(dagtekening_eerste_pip(inburgeraar) or pip.dagtekening))
    datums = spreiden(aantal=nog, vanaf=vanaf, tot=einde.datum)
    if not datums:
        raise ValidationError(
            {"__all__": ["De inburgeringstermijn is voorbij. Plan een gesprek los als dat nog nodig is."]}
        )
    gesprekken = [
        Voortgangsgesprek.objects.create(
            inburgeraar=inburgeraar,
            gepland_op=dag,
            consulent=inburgeraar.consulent,
            aanleiding=Aanleiding.PIP,
            aanleiding_toelichting=f"PIP versie {pip.versie}",
        )
        for dag in datums
    ]
    neem_versie(inburgeraar, versie)
    events.voortgangsgesprekken_gepland(inburgeraar, door, gesprekken, Aanleiding.PIP)
    return gesprekken


@transaction.atomic
def plannen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    gepland_op: date,
    met_wie: str = "",
    aanleiding: str = Aanleiding.HANDMATIG,
    aanleiding_toelichting: str = "",
    versie: int | None = None,
) -> Voortgangsgesprek:
    """Plan one talk, for example after a signal on the worklist."""
    _open(inburgeraar)
    if gepland_op is None:
        raise ValidationError({"gepland_op": ["Vul de datum van het gesprek in."]})
    if gepland_op < vandaag():
        raise ValidationError({"gepland_op": ["Een gesprek plannen kan alleen vandaag of later."]})
    if aanleiding not in Aanleiding.values:
        raise ValidationError({"aanleiding": ["Onbekende aanleiding."]})
    gesprek = Voortgangsgesprek(
        inburgeraar=inburgeraar,
        gepland_op=gepland_op,
        met_wie=met_wie.strip(),
        aanleiding=aanleiding,
        aanleiding_toelichting=aanleiding_toelichting.strip()[:300],
        consulent=door,
    )
    gesprek.full_clean(exclude=["inburgeraar", "consulent"])
    gesprek.save()
    neem_versie(inburgeraar, versie)
    events.voortgangsgesprekken_gepland(inburgeraar, door, [gesprek], aanleiding)
    return gesprek


@transaction.atomic
def vastleggen(
    *,
    gesprek: Voortgangsgesprek,
    door: User,
    gevoerd_op: date,
    uitkomst: str,
    notities: str = "",
    met_wie: str = "",
    versie: int | None = None,
) -> Voortgangsgesprek:
    """Record that the talk took place: when, with whom, notes and the outcome. A talk already
    recorded can be recorded again (a correction); the timeline keeps both."""
    inburgeraar = gesprek.inburgeraar
    _open(inburgeraar)
    fouten: dict[str, list[str]] = {}
    if gevoerd_op is None:
        fouten["gevoerd_op"] = ["Vul de datum in waarop het gesprek is gevoerd."]
    elif gevoerd_op > vandaag():
        fouten["gevoerd_op"] = [
            "Een gesprek vastleggen kan pas als het is gevoerd: de datum ligt in de toekomst."
        ]
    if uitkomst not in Uitkomst.values:
        fouten["uitkomst"] = ["Kies de uitkomst van het gesprek."]
    if fouten:
        raise ValidationError(fouten)
    gesprek.gevoerd_op = gevoerd_op
    gesprek.uitkomst = uitkomst
    gesprek.notities = notities.strip()
    if met_wie.strip():
        gesprek.met_wie = met_wie.strip()
    if gesprek.consulent_id is None:
        gesprek.consulent = door
    gesprek.full_clean(exclude=["inburgeraar", "consulent"])
    gesprek.save()
    neem_versie(inburgeraar, versie)
    events.voortgangsgesprek_vastgelegd(inburgeraar, door, gesprek)
    return gesprek
