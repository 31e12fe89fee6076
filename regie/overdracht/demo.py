"""Demo data for moves (regie.overdracht), through the services, after the steps whose data the
packages hold (referrals, attendance, warnings):

- a Dronten case moving to Noordoostpolder, its package waiting in Noordoostpolder's inbox
  (Overdrachten), made three days before `vandaag`;
- a Dronten case that moved to Noordoostpolder a week ago: Noordoostpolder registered the person
  from DUO's notice and took the package over the next day (Dronten's PIP in the new case, the
  Dronten case closed as verhuisd);
- a Dordrecht case that moved to Zwijndrecht within Sociale Dienst Drechtsteden, two days ago.

A handful, as in real life (a few percent of the newcomers move within the termijn). The cases are
the first fitting ones by id, so the same seed gives the same moves. The services stamp the real
clock; every row and log entry they wrote is set to the step's moment, so nothing lies after
`vandaag`. Nothing is done when the demo has moves already.
"""

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from regie.accounts.models import Rol, User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import inburgeraar_registreren
from regie.inburgeraars.status import Status
from regie.organisaties.models import Gemeente
from regie.overdracht.models import OntvangenPakket, Overdracht
from regie.overdracht.services import overdracht_accepteren, pakket_maken, verhuizen_binnen_organisatie
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.verwerkingslog import log as verwerkingslog

LOPEND = [Status.PIP_VASTGESTELD, Status.IN_UITVOERING]


def _lopende_dossiers(cbs_code: str):
    """Running cases with a consultant and a PIP, without a partner in Regie (a household moves
    together; the demo keeps it simple)."""
    return (
        Inburgeraar.objects.filter(gemeente__cbs_code=cbs_code, status__in=LOPEND, consulent__isnull=False)
        .filter(partner__isnull=True, pips__isnull=False)
        .distinct()
        .order_by("pk")
    )


class _Klok:
    """The moment of the current step, for the processing log and the stamps afterwards."""

    def __init__(self, vandaag: date):
        self.vandaag = vandaag
        self.moment = None

    def stap(self, dagen_geleden: int, uur: int = 10) -> datetime:
        self.moment = timezone.make_aware(
            datetime.combine(self.vandaag - timedelta(days=dagen_geleden), time(uur))
        )
        self.vanaf = Gebeurtenis.objects.aggregate(m=Max("id"))["m"] or 0
        return self.moment

    def stempels(self, *dossiers) -> None:
        Gebeurtenis.objects.filter(id__gt=self.vanaf).update(op=self.moment)
        Inburgeraar.objects.filter(pk__in=[d.pk for d in dossiers]).update(gewijzigd_op=self.moment)


def overdracht_demo(*, vandaag: date) -> Counter:
    """The moves; returns the cases it registered, per organisation (for the demo's totals)."""
    nieuw = Counter()
    if Overdracht.objects.exists() or Gebeurtenis.objects.filter(soort=Soort.OVERDRACHT).exists():
        return nieuw
    noordoostpolder = Gemeente.objects.get(cbs_code="0171")
    consulent_nop = (
        User.objects.filter(organisatie=noordoostpolder.organisatie, rol=Rol.CONSULENT, is_active=True)
        .order_by("username")
        .first()
    )
    klok = _Klok(vandaag)
    with verwerkingslog.gebundeld(tijdstip=lambda: klok.moment):
        dronten = list(_lopende_dossiers("0303")[:2])
        if len(dronten) == 2 and consulent_nop is not None:
            _gemaakt(klok, dronten[0], noordoostpolder, 3)  # waiting in Noordoostpolder's inbox
            nieuw[noordoostpolder.organisatie.naam] += _overgenomen(
                klok, dronten[1], noordoostpolder, consulent_nop
            )
        dordrecht = _lopende_dossiers("0505").filter(consulent__gemeenten__isnull=True).first()
        if dordrecht is not None:
            klok.stap(2)
            verhuizen_binnen_organisatie(
                inburgeraar=dordrecht,
                door=dordrecht.consulent,
                naar_gemeente=Gemeente.objects.get(cbs_code="0642"),
            )
            klok.stempels(dordrecht)
    return nieuw


def _gemaakt(klok: _Klok, inburgeraar: Inburgeraar, naar: Gemeente, dagen_geleden: int) -> Overdracht:
    moment = klok.stap(dagen_geleden)
    overdracht = pakket_maken(inburgeraar=inburgeraar, door=inburgeraar.consulent, naar_gemeente=naar)
    overdracht.pakket["gemaakt_op"] = moment.isoformat(timespec="seconds")
    Overdracht.objects.filter(pk=overdracht.pk).update(gemaakt_op=moment, pakket=overdracht.pakket)
    klok.stempels(inburgeraar)
    overdracht.refresh_from_db()
    return overdracht


def _overgenomen(klok: _Klok, oud: Inburgeraar, naar: Gemeente, consulent: User) -> int:
    overdracht = _gemaakt(klok, oud, naar, 7)
    # DUO's notice of the move (SS121) registered the person in the new municipality the next day.
    moment = klok.stap(6)
    nieuw = inburgeraar_registreren(
        door=consulent,
        bsn=oud.bsn,
        voornamen=oud.voornamen,
        tussenvoegsel=oud.tussenvoegsel,
        geslachtsnaam=oud.geslachtsnaam,
        geboortedatum=oud.geboortedatum,
        geslacht=oud.geslacht,
        doelgroep=oud.doelgroep,
        gemeente=naar,
        datum_melding_duo=moment.date(),
        datum_inschrijving_brp=moment.date(),
    )
    Inburgeraar.objects.filter(pk=nieuw.pk).update(aangemaakt_op=moment)
    klok.stempels(nieuw)
    moment = klok.stap(5, uur=14)
    overdracht_accepteren(overdracht=overdracht, door=consulent)
    Overdracht.objects.filter(pk=overdracht.pk).update(geaccepteerd_op=moment)
    OntvangenPakket.objects.filter(inburgeraar=nieuw).update(ontvangen_op=moment)
    klok.stempels(nieuw, oud)
    return 1
