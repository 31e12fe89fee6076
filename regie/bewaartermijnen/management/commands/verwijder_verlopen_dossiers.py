"""List, and with --uitvoeren remove, closed cases past their retention period.

    python manage.py verwijder_verlopen_dossiers               # dry run: only lists
    python manage.py verwijder_verlopen_dossiers --uitvoeren   # removes them

Each case is removed in its own transaction together with its processing-log entry, so
a failure halfway leaves every removed case logged and every other case untouched. The
output names cases by internal id and uuid only: never a BSN or a name.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from regie import klok
from regie.bewaartermijnen.selectors import bewaartermijn_jaren, verlopen_dossiers, zonder_sluitdatum
from regie.bewaartermijnen.services import dossier_vernietigen, reden
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.organisaties.models import Gemeente
from regie.verwerkingslog.context import systeemcontext


def _datum(waarde: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError as fout:
        raise CommandError(
            f"Geef de peildatum als JJJJ-MM-DD, bijvoorbeeld 2030-01-31 (niet {waarde!r})."
        ) from fout


class Command(BaseCommand):
    help = (
        "Toont de afgesloten dossiers waarvan de bewaartermijn voorbij is (proefdraai, de standaard) "
        "of verwijdert ze met --uitvoeren. Elke verwijdering komt in het verwerkingslog."
    )

    def add_arguments(self, parser):
        modus = parser.add_mutually_exclusive_group()
        modus.add_argument(
            "--dry-run",
            action="store_true",
            help="Alleen tonen wat verwijderd zou worden (dit is ook de standaard).",
        )
        modus.add_argument("--uitvoeren", action="store_true", help="De dossiers echt verwijderen.")
        parser.add_argument(
            "--gemeente",
            action="append",
            metavar="CBS-CODE",
            help="Alleen dossiers van deze gemeente (CBS-code, bijvoorbeeld 0303); mag vaker.",
        )
        parser.add_argument(
            "--peildatum",
            type=_datum,
            help="Rekenen alsof het deze dag is (JJJJ-MM-DD); standaard vandaag. Bij --uitvoeren niet later dan vandaag.",
        )

    def handle(self, *args, uitvoeren=False, gemeente=None, peildatum=None, **options):
        vandaag = klok.vandaag()
        peildatum = peildatum or vandaag
        if uitvoeren and peildatum > vandaag:
            raise CommandError("Met --uitvoeren kan de peildatum niet in de toekomst liggen.")
        gemeenten = None
        if gemeente:
            gemeenten = list(Gemeente.objects.filter(cbs_code__in=gemeente))
            onbekend = sorted(set(gemeente) - {g.cbs_code for g in gemeenten})
            if onbekend:
                raise CommandError(f"Onbekende CBS-code: {', '.join(onbekend)}.")

        termijnen = ", ".join(
            f"{s.label.lower()} {bewaartermijn_jaren(s)} jaar" for s in sorted(EINDSTATUSSEN)
        )
        self.stdout.write(
            f"{'Uitvoeren' if uitvoeren else 'Proefdraai: er wordt niets verwijderd'}. "
            f"Peildatum {peildatum:%d-%m-%Y}. Bewaartermijn na afsluiten: {termijnen}."
        )
        dossiers = list(verlopen_dossiers(peildatum=peildatum, gemeenten=gemeenten))
        if dossiers:
            self.stdout.write("intern id\tuuid\tgemeente\tgesloten op\treden")
        for inburgeraar in dossiers:
            self.stdout.write(
                f"{inburgeraar.pk}\t{inburgeraar.uuid}\t{inburgeraar.gemeente.naam} ({inburgeraar.gemeente.cbs_code})"
                f"\t{timezone.localdate(inburgeraar.gesloten_op):%d-%m-%Y}\t{reden(inburgeraar)}"
            )

        onbekend = zonder_sluitdatum(gemeenten=gemeenten).count()
        if onbekend:
            self.stdout.write(
                f"{onbekend} afgesloten dossier(s) zonder bekende sluitdatum (geen statuswijziging in de "
                "tijdlijn): die worden nooit automatisch verwijderd."
            )

        if not uitvoeren:
            self.stdout.write(
                f"{len(dossiers)} dossier(s) zouden worden verwijderd. Verwijder ze met --uitvoeren."
            )
            return

        verwijderd, overgeslagen, mislukt = 0, 0, []
        with systeemcontext():  # one trace id for every log entry of this run
            for inburgeraar in dossiers:
                try:
                    gedaan = dossier_vernietigen(inburgeraar_id=inburgeraar.pk, peildatum=peildatum)
                except (ProtectedError, RestrictedError) as fout:
                    objecten = getattr(fout, "protected_objects", None) or fout.restricted_objects
                    soorten = sorted({obj._meta.verbose_name for obj in objecten})
                    mislukt.append(f"{inburgeraar.pk} (nog nodig voor: {', '.join(soorten)})")
                    continue
                if gedaan is None:
                    overgeslagen += 1  # reopened or changed since it was listed
                else:
                    verwijderd += 1
        self.stdout.write(
            self.style.SUCCESS(f"{verwijderd} dossier(s) verwijderd en vastgelegd in het verwerkingslog.")
        )
        if overgeslagen:
            self.stdout.write(
                f"{overgeslagen} dossier(s) overgeslagen: niet meer verlopen (bijvoorbeeld heropend)."
            )
        if mislukt:
            raise CommandError("Niet verwijderd: " + "; ".join(mislukt))
