"""`manage.py rollentabel`: the table of roles and rights as Markdown, from `ROL_RECHTEN`.

docs/rollen.md is this output; a test fails when they differ. Regenerate with:

    REGIE_DEMO=1 uv run python manage.py rollentabel > docs/rollen.md
"""

from django.core.management.base import BaseCommand

from regie.accounts.models import Rol
from regie.accounts.rechten import BESCHRIJVINGEN, NAMEN, ROL_RECHTEN, Recht

OPNIEUW = "REGIE_DEMO=1 uv run python manage.py rollentabel > docs/rollen.md"
JA, NEE = "✔", "–"


def rollentabel() -> str:
    regels = [
        "# Rollen en rechten",
        "",
        "<!-- Gemaakt met `" + OPNIEUW + "` uit `ROL_RECHTEN` in",
        "     regie/accounts/rechten.py. Niet met de hand wijzigen: een test vergelijkt dit bestand met de code. -->",
        "",
        "Elke medewerker heeft één rol. De rol bepaalt wat de medewerker in Regie mag; Regie laat",
        "iedereen alleen zien wat nodig is voor het eigen werk (AVG art. 5 en 32, BIO).",
        "",
        "| Recht | " + " | ".join(rol.label for rol in Rol) + " |",
        "| --- | " + " | ".join(":-:" for _ in Rol) + " |",
    ]
    for recht in Recht:
        cellen = [JA if recht in ROL_RECHTEN[rol] else NEE for rol in Rol]
        regels.append(f"| {NAMEN[recht]} | " + " | ".join(cellen) + " |")
    regels += ["", "## Wat de rechten betekenen", ""]
    for recht in Recht:
        regels.append(f"- **{NAMEN[recht]}** (`{recht.value}`): {BESCHRIJVINGEN[recht]}")
    regels += [
        "",
        "## Hoe Regie dit toepast",
        "",
        "- **Organisatie en gemeenten.** Een medewerker ziet alleen dossiers van de gemeenten van de eigen",
        "  organisatie. Staan er bij de medewerker gemeenten ingevuld (`User.gemeenten`), dan alleen die",
        "  gemeenten: een medewerker van Sociale Dienst Drechtsteden die alleen voor Dordrecht werkt, ziet geen",
        "  dossiers uit Zwijndrecht. Eén plek regelt dit voor pagina's, API, zoeken, PDF's en teamoverzicht:",
        "  `inburgeraars_voor(user)` en `inburgeraar_voor(user, uuid, recht=...)` in",
        "  regie/inburgeraars/selectors.py.",
        "- **403 of 404.** Heeft de rol het recht niet, dan antwoordt Regie met 403 (geen toegang), nog voordat",
        "  het dossier wordt opgezocht. Hoort het dossier bij een andere organisatie of gemeente, of bestaat het",
        "  niet, dan antwoordt Regie met 404: zo verraadt Regie niet dat een dossier bestaat. Een consulent die",
        "  het dossier van een collega wil wijzigen, krijgt 403: lezen mag wel. De API antwoordt in",
        "  problem+json. Elke weigering komt in het verwerkingslog.",
        "- **Bijzondere persoonsgegevens.** De gegevens over gezondheid uit de brede intake (AVG art. 9) ziet",
        "  alleen wie het recht heeft: de vaste consulent van het dossier en de teamleider. Een ander die het",
        "  dossier mag lezen, ziet eerst een melding en schrijft op waarom hij of zij de gegevens nodig heeft;",
        "  die reden komt in het verwerkingslog en de gegevens zijn alleen in dat ene antwoord te zien. In de",
        "  API zijn deze velden dan `null`.",
        "- **Beheeromgeving.** /beheer/ is alleen voor superusers en de functioneel beheerder, en bevat geen",
        "  dossiers. Een functioneel beheerder beheert alleen gebruikers, gemeenten en tokens van de eigen",
        "  organisatie en kan niemand superuser maken.",
        "",
    ]
    return "\n".join(regels)


class Command(BaseCommand):
    help = "Toont de tabel met rollen en rechten (Markdown), zoals in docs/rollen.md."

    def handle(self, *args, **options):
        self.stdout.write(rollentabel(), ending="")
