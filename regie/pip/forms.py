"""The form to decide a new PIP (version). The rules it must meet live in regie.wet.leerroute;
`pip_vaststellen` applies them and its messages are shown next to the fields here."""

from django import forms

from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.inburgeraars.models import Doelgroep, Inburgeraar
from regie.klok import vandaag
from regie.pip.models import Pip
from regie.pip.services import ONDERDELEN

PIP_VELDEN = (
    "dagtekening",
    "leerroute",
    "taalniveau",
    "pvt",
    "map",
    "maatschappelijke_begeleiding",
    "alfabetisering",
    "mag_opleiding_afmaken",
    "participatie_activiteiten",
    "vve",
    "tolk",
    "geschatte_intensiteit_uren",
    "aantal_voortgangsgesprekken",
    "uren_nt2_gevolgd",
    "inspanning_aangetoond",
    "b1_niet_haalbaar",
    "reden",
)


class PipForm(NldsFormulier, forms.ModelForm):
    versie = VersieVeld()
    # Shown once pip_vaststellen warned (regie.wet.leerroute.waarschuwingen_pip); ticking it
    # decides the PIP anyway, and the PIP keeps the warnings.
    waarschuwingen_gezien = forms.BooleanField(
        required=False,
        label="Ik heb de waarschuwingen gelezen en stel het PIP toch zo vast",
    )

    class Meta:
        model = Pip
        fields = PIP_VELDEN
        widgets = {
            "dagtekening": DatumInvoer(),
            "leerroute": forms.RadioSelect,
            "participatie_activiteiten": forms.Textarea(attrs={"rows": 3}),
            "vve": forms.Textarea(attrs={"rows": 2}),
            "reden": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "dagtekening": "Dagtekening",
            "leerroute": "Leerroute",
            "taalniveau": "Taaldoel",
            "pvt": "Participatieverklaringstraject (PVT)",
            "map": "Module arbeidsmarkt en participatie (MAP)",
            "maatschappelijke_begeleiding": "Maatschappelijke begeleiding",
            "alfabetisering": "Alfabetisering",
            "mag_opleiding_afmaken": "De inburgeraar mag een lopende opleiding eerst afmaken",
            "participatie_activiteiten": "Participatie-activiteiten",
            "vve": "Voor- en vroegschoolse educatie (VVE) voor de kinderen",
            "tolk": "Tolk bij gesprekken",
            "geschatte_intensiteit_uren": "Geschatte intensiteit (uren taal en KNM)",
            "aantal_voortgangsgesprekken": "Aantal voortgangsgesprekken",
            "uren_nt2_gevolgd": "Gevolgde uren NT2 bij een taalschool",
            "inspanning_aangetoond": "De inburgeraar heeft aantoonbaar genoeg moeite gedaan",
            "b1_niet_haalbaar": "B1 is niet haalbaar binnen de (verlengde) inburgeringstermijn",
            "reden": "Reden van deze versie",
        }
        help_texts = {
            "dagtekening": "De datum die op het besluit staat.",
            "taalniveau": (
                "Bij de Z-route laat u dit leeg. Kiest u niets bij de B1-route of de onderwijsroute,"
                " dan wordt het taaldoel B1."
            ),
            "pvt": "De inburgeraar leert over de Nederlandse kernwaarden en tekent de participatieverklaring.",
            "map": "Oriëntatie op werk, met praktijkervaring. Hoort bij de B1-route en de Z-route.",
            "maatschappelijke_begeleiding": "Hulp bij het wegwijs worden in Nederland, voor asielstatushouders.",
            "participatie_activiteiten": "Bijvoorbeeld: vrijwilligerswerk, werkervaringsplek, sport of buurthuis.",
            "vve": "Bijvoorbeeld: peuteropvang met VVE voor een kind van 3 jaar.",
            "geschatte_intensiteit_uren": "Alleen bij de B1-route van een asielstatushouder.",
            "aantal_voortgangsgesprekken": "Verplicht voor een asielstatushouder.",
            "uren_nt2_gevolgd": "Lesuren Nederlands als tweede taal, volgens de gegevens van de taalschool.",
            "inspanning_aangetoond": "Bijvoorbeeld: goede aanwezigheid, huiswerk gemaakt, examens geprobeerd.",
            "b1_niet_haalbaar": "Volgens de voortgang bij de taalschool haalt de inburgeraar B1 niet voor het"
            " einde van de termijn, ook niet als die verlengd is.",
        }
        error_messages = {
            "dagtekening": {"required": "Vul de dagtekening in.", "invalid": "Vul een geldige datum in."},
            "leerroute": {"required": "Kies een leerroute."},
        }

    def __init__(self, *args, huidige: Pip | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["taalniveau"].choices = [("", "Geen keuze"), *self.fields["taalniveau"].choices[1:]]
        self.fields["leerroute"].choices = self.fields["leerroute"].choices[1:]  # radio buttons: no empty one
        self.fields["reden"].required = False  # pip_vaststellen asks for it when a PIP exists
        if huidige is not None:
            self.fields["reden"].label = "Reden van deze nieuwe versie (verplicht)"
            self.fields["reden"].help_text = "Bijvoorbeeld: de inburgeraar stapt over naar de B1-route."
        for veld in ("geschatte_intensiteit_uren", "aantal_voortgangsgesprekken", "uren_nt2_gevolgd"):
            self.fields[veld].widget.attrs["min"] = 0

    @staticmethod
    def beginwaarden(inburgeraar: Inburgeraar, huidige: Pip | None, vve: str = "") -> dict:
        """Prefill with the current version (a change is usually small); dagtekening today."""
        waarden = {"versie": inburgeraar.versie, "dagtekening": vandaag()}
        if huidige is None:
            return waarden | {
                "tolk": inburgeraar.tolk_nodig,
                "vve": vve,
                "maatschappelijke_begeleiding": inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER,
            }
        return waarden | {
            veld: getattr(huidige, veld) for veld in PIP_VELDEN if veld not in ("dagtekening", "reden")
        }

    def service_argumenten(self) -> dict:
        """The keyword arguments for `pip_vaststellen` (besides inburgeraar and door)."""
        gegevens = self.cleaned_data
        return {
            "leerroute": gegevens["leerroute"],
            "dagtekening": gegevens["dagtekening"],
            "taalniveau": gegevens["taalniveau"],
            "reden": gegevens["reden"],
            "versie": gegevens["versie"],
            "waarschuwingen_gezien": gegevens["waarschuwingen_gezien"],
            **{veld: gegevens[veld] for veld in ONDERDELEN},
        }

    @property
    def toon_waarschuwingen(self) -> bool:
        """After the service warned, or when the consultant already ticked the box."""
        return bool(self.errors.get("waarschuwingen_gezien")) or bool(
            self.is_bound and self.data.get("waarschuwingen_gezien")
        )
