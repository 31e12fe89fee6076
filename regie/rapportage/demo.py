"""Demo data for the steering side: targets per municipality and year, a house style (with a
simple SVG logo) per demo municipality, and for Dronten and Dordrecht a council report of last
year that is final and a draft of this year. Called from `regie.demo.opbouw.bouw_demo`."""

from datetime import date, datetime, time

from django.utils import timezone

from regie.accounts.models import User
from regie.organisaties.models import Gemeente
from regie.rapportage.models import Huisstijl, Raadsrapportage, Streefwaarde
from regie.rapportage.services import raadsrapportage_definitief_maken, raadsrapportage_opslaan

# Colours in the spirit of each municipality (made up for the demo, not their real house style).
HUISSTIJLEN = {
    "0303": ("#00689e", "#b35900"),  # Dronten
    "0505": ("#a3152b", "#1d1d1b"),  # Dordrecht
    "0642": ("#00703c", "#005ca9"),  # Zwijndrecht
    "0590": ("#005b94", "#b0001a"),  # Papendrecht
    "0531": ("#00664f", "#8a5a00"),  # Hendrik-Ido-Ambacht
    "0171": ("#004f9f", "#4a7a12"),  # Noordoostpolder
}
# Targets from a policy plan (Dronten's plan 2021-2025 lists its indicators on page 27; the
# values are not in the seeds, so these are the demo's): a little higher every year.
STREEFWAARDEN = {
    "pip_binnen_termijn": 40,
    "doorlooptijd_intake": 50,
    "taakstelling": 90,
    "aanwezigheid_aanbieder": 90,
    "examens_aanbieder": 65,
}
RAPPORTEN = {"0303": "beleid.dronten", "0505": "beleid.drechtsteden"}
EERSTE_JAAR = 2022  # the law's first year: no targets or reports before it


def logo(naam: str, kleur: str, accent: str) -> str:
    """A shield with the initial and the name: enough to see the house style in the PDF."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 80" width="320" height="80">'
        f'<path d="M8 6 h52 v34 c0 20 -26 34 -26 34 c0 0 -26 -14 -26 -34 z" fill="{kleur}"/>'
        f'<path d="M8 40 h52" stroke="{accent}" stroke-width="5"/>'
        f'<text x="34" y="34" font-size="26" font-family="sans-serif" font-weight="700" fill="#ffffff"'
        f' text-anchor="middle">{naam[0]}</text>'
        f'<text x="72" y="38" font-size="22" font-family="sans-serif" font-weight="700" fill="{kleur}">gemeente</text>'
        f'<text x="72" y="64" font-size="22" font-family="sans-serif" fill="{accent}">{naam}</text>'
        "</svg>"
    )


def huisstijlen_maken() -> None:
    for gemeente in Gemeente.objects.filter(cbs_code__in=HUISSTIJLEN):
        kleur, accent = HUISSTIJLEN[gemeente.cbs_code]
        Huisstijl.objects.update_or_create(
            gemeente=gemeente,
            defaults={
                "logo_svg": logo(gemeente.naam, kleur, accent),
                "kleur_primair": kleur,
                "kleur_accent": accent,
                "afzender": f"College van burgemeester en wethouders van {gemeente.naam}",
                "adres": f"Gemeente {gemeente.naam}\nPostbus 100 (demo-adres)\nTelefoon 14 0{gemeente.cbs_code[1:]}",
            },
        )


def streefwaarden_maken(vandaag: date) -> None:
    for gemeente in Gemeente.objects.filter(cbs_code__in=HUISSTIJLEN):
        for jaar in range(max(vandaag.year - 2, EERSTE_JAAR), vandaag.year + 1):
            for kpi, basis in STREEFWAARDEN.items():
                Streefwaarde.objects.update_or_create(
                    gemeente=gemeente,
                    kpi=kpi,
                    jaar=jaar,
                    defaults={
                        "waarde": min(100, basis - 2 * (vandaag.year - jaar)),
                        "toelichting": "Demo: beleidsplan inburgering (verzonnen waarde)",
                    },
                )


def rapporten_maken(vandaag: date) -> None:
    if vandaag.year - 1 < EERSTE_JAAR:
        return
    for code, gebruikersnaam in RAPPORTEN.items():
        gemeente = Gemeente.objects.filter(cbs_code=code).first()
        door = User.objects.filter(username=gebruikersnaam).first()
        if gemeente is None or door is None:
            continue
        vorig = Raadsrapportage.objects.create(gemeente=gemeente, jaar=vandaag.year - 1, aangemaakt_door=door)
        vorig = raadsrapportage_opslaan(
            door=door,
            rapport=vorig,
            versie=vorig.versie,
            inleiding=(
                f"Met deze rapportage informeert het college de raad over de uitvoering van de Wet inburgering in"
                f" {gemeente.naam} in {vorig.jaar}, aan de hand van de prestatie-indicatoren uit het beleidsplan."
            ),
            resultaten=(
                "De meeste PIP's zijn binnen tien weken vastgesteld. Waar dat niet lukte, wachtten inburgeraars op"
                " een woning of op een tolk. De aanwezigheid bij de taalscholen is goed; de slagingspercentages"
                " verschillen per aanbieder en bespreken wij in het contractoverleg."
            ),
            vooruitblik="Volgend jaar willen wij de wachttijd tot de start van de PVT en de MAP verkorten.",
        )
        raadsrapportage_definitief_maken(door=door, rapport=vorig, versie=vorig.versie)
        concept = Raadsrapportage.objects.create(gemeente=gemeente, jaar=vandaag.year, aangemaakt_door=door)
        raadsrapportage_opslaan(
            door=door,
            rapport=concept,
            versie=concept.versie,
            inleiding=f"Concept: de jaarrapportage inburgering {concept.jaar} van {gemeente.naam}.",
            resultaten="",
            vooruitblik="",
        )


def rapportage_demo(*, vandaag: date) -> None:
    """Everything the demo needs from this app; after the cases, referrals and reports exist."""
    huisstijlen_maken()
    streefwaarden_maken(vandaag)
    rapporten_maken(vandaag)
    # The services stamp the real now; the demo's day may lie in the past (seed_demo builds on any
    # day): the stamps go to the demo's today. An update in the database, as the demo does for the
    # cases' timestamps (regie.demo.opbouw); it leaves the final report's content and hash alone.
    moment = timezone.make_aware(datetime.combine(vandaag, time(9)))
    Streefwaarde.objects.update(gewijzigd_op=moment)
    Raadsrapportage.objects.update(aangemaakt_op=moment, gewijzigd_op=moment)
    Raadsrapportage.objects.filter(definitief_op__isnull=False).update(definitief_op=moment)
