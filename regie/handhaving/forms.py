from django import forms
from django.utils.text import capfirst

from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.handhaving.models import (
    REGELING_MAX_TERMIJNEN,
    REGELING_MIN_TERMIJNEN,
    Aanleiding,
    Betaalwijze,
    BezwaarUitkomst,
    Status,
    Waarschuwing,
    ZienswijzeVorm,
)
from regie.wet.boetes import GROND_NAMEN, MATIGINGEN, Grond


class WaarschuwingForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    aanleiding = forms.ChoiceField(
        label="Aanleiding",
        choices=[("", "Kies de aanleiding"), *Aanleiding.choices],
        error_messages={"required": "Kies de aanleiding van de waarschuwing."},
    )
    aanleiding_toelichting = forms.CharField(
        label="Toelichting op de aanleiding",
        required=False,
        max_length=Waarschuwing._meta.get_field("aanleiding_toelichting").max_length,
        help_text="Bijvoorbeeld: welke weken de inburgeraar zonder geldige reden afwezig was.",
    )
    omschrijving = forms.CharField(
        label="Wat de inburgeraar nu moet doen",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Schrijf op wat er mis ging en wat u van de inburgeraar verwacht."},
        help_text=(
            "Schrijf in eenvoudige taal wat er mis ging, wat u vanaf nu verwacht en wat er gebeurt als dat niet"
            " lukt (een boete is mogelijk)."
        ),
    )
    datum = forms.DateField(
        label="Datum van de waarschuwing",
        widget=DatumInvoer(),
        error_messages={
            "required": "Vul de datum van de waarschuwing in.",
            "invalid": "Vul een datum in, bijvoorbeeld 15-03-2027.",
        },
    )


class VerzondenForm(NldsFormulier, forms.Form):
    verzonden_op = forms.DateField(
        label="Verzonden op",
        widget=DatumInvoer(),
        error_messages={
            "required": "Vul de datum in waarop de brief met de waarschuwing is verzonden.",
            "invalid": "Vul een datum in, bijvoorbeeld 15-03-2027.",
        },
    )


DATUM_FOUT = "Vul een datum in, bijvoorbeeld 15-03-2027."


def _datum(label: str, verplicht: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DatumInvoer(),
        help_text=help_text,
        error_messages={"required": verplicht, "invalid": DATUM_FOUT},
    )


class VoornemenForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    waarschuwing = forms.ModelChoiceField(
        label="Waarschuwing waar de boete op volgt",
        queryset=Waarschuwing.objects.none(),
        empty_label="Kies de verzonden waarschuwing",
        error_messages={"required": "Kies de schriftelijke waarschuwing waar deze boete op volgt."},
    )
    grond = forms.ChoiceField(
        label="Grond van de boete",
        widget=forms.RadioSelect,
        choices=[
            (
                Grond.BREDE_INTAKE_PIP.value,
                f"{capfirst(GROND_NAMEN[Grond.BREDE_INTAKE_PIP])} (Wet inburgering 2021, art. 22)",
            ),
            (
                Grond.PIP_NIET_NAKOMEN.value,
                f"{capfirst(GROND_NAMEN[Grond.PIP_NIET_NAKOMEN])} (Wet inburgering 2021, art. 23)",
            ),
        ],
        error_messages={"required": "Kies de grond van de boete: Wi 22 of Wi 23."},
    )
    pleegdatum = _datum("Datum van de gedraging", "Vul de datum van de gedraging in.")
    feiten = forms.CharField(
        label="Rapport: wat er is gebeurd",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Schrijf de feiten op: welke afspraak, wanneer, wat er mis ging en wat u al hebt gedaan.",
        error_messages={
            "required": "Schrijf in het rapport wat er is gebeurd: welke afspraak, wanneer, en wat u weet."
        },
    )
    rapport_datum = _datum("Datum van het rapport", "Vul de datum van het rapport in.")
    zienswijze_uiterlijk = _datum(
        "Zienswijze uiterlijk op",
        "Vul in tot wanneer de inburgeraar kan reageren.",
        help_text="Tot deze datum kan de inburgeraar schriftelijk of in een gesprek reageren.",
    )
    bijstand_verlaagd = forms.BooleanField(
        label="De bijstand is al verlaagd voor dezelfde gedraging",
        required=False,
        help_text="Dan is een boete niet toegestaan (Wet inburgering 2021, art. 27).",
    )

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waarschuwing"].queryset = inburgeraar.waarschuwingen.filter(status=Status.VERZONDEN)


class ZienswijzeForm(NldsFormulier, forms.Form):
    vorm = forms.ChoiceField(
        label="Hoe heeft de inburgeraar gereageerd?",
        widget=forms.RadioSelect,
        choices=ZienswijzeVorm.choices,
        error_messages={"required": "Kies hoe de inburgeraar heeft gereageerd, of dat er geen reactie kwam."},
    )
    datum = _datum("Datum van de reactie of het gesprek", "Vul de datum van de zienswijze in.")
    samenvatting = forms.CharField(
        label="Wat zei of schreef de inburgeraar?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class BesluitForm(NldsFormulier, forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        widget=forms.RadioSelect,
        choices=[("boete", "Boete geven"), ("geen_boete", "Geen boete")],
        error_messages={"required": "Kies of de inburgeraar een boete krijgt."},
    )
    matiging = forms.TypedChoiceField(
        label="Hoeveel van de boete blijft over?",
        coerce=int,
        choices=[(m, f"{m} procent") for m in MATIGINGEN],
        initial=100,
        help_text="Lager bij bijzondere omstandigheden: minder verwijtbaar of weinig geld (Awb 5:46).",
    )
    matiging_reden = forms.CharField(
        label="Reden voor een lagere boete", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reden_geen_boete = forms.CharField(
        label="Reden voor geen boete", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    bijstand_verlaagd = forms.BooleanField(
        label="De bijstand is inmiddels verlaagd voor dezelfde gedraging",
        required=False,
        help_text="Dan is een boete niet toegestaan (Wet inburgering 2021, art. 27): kies 'geen boete'.",
    )


class BeoordelingForm(NldsFormulier, forms.Form):
    keuze = forms.ChoiceField(
        label="Uw beoordeling",
        widget=forms.RadioSelect,
        choices=[
            ("goedkeuren", "Goedkeuren: de beschikking kan weg"),
            ("afkeuren", "Terugsturen naar de consulent"),
        ],
        error_messages={"required": "Kies of u het besluit goedkeurt of terugstuurt."},
    )
    reden = forms.CharField(
        label="Reden bij terugsturen", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BetalingForm(NldsFormulier, forms.Form):
    betaalwijze = forms.ChoiceField(
        label="Hoe wordt de boete betaald?",
        widget=forms.RadioSelect,
        choices=Betaalwijze.choices,
        error_messages={"required": "Kies hoe de boete wordt betaald."},
    )
    aantal_termijnen = forms.IntegerField(
        label="Aantal termijnen (bij een betalingsregeling)",
        required=False,
        min_value=REGELING_MIN_TERMIJNEN,
        max_value=REGELING_MAX_TERMIJNEN,
        error_messages={
            "invalid": "Vul een heel getal in.",
            "min_value": f"Een regeling heeft ten minste {REGELING_MIN_TERMIJNEN} termijnen.",
            "max_value": f"Een regeling heeft hoogstens {REGELING_MAX_TERMIJNEN} termijnen.",
        },
    )
    betaald_op = _datum(
        "Helemaal betaald op",
        "",
        required=False,
        help_text="Laat leeg zolang nog niet alles is betaald.",
    )

    def __init__(self, *args, verrekenen: bool, **kwargs):
        """`verrekenen`: whether the municipality's verordening allows set-off (Boetebeleid)."""
        super().__init__(*args, **kwargs)
        if not verrekenen:
            self.fields["betaalwijze"].choices = [
                (waarde, naam) for waarde, naam in Betaalwijze.choices if waarde != Betaalwijze.VERREKENING
            ]


class BezwaarForm(NldsFormulier, forms.Form):
    ontvangen_op = _datum("Bezwaar ontvangen op", "Vul de datum in waarop het bezwaar binnenkwam.")


class BezwaarBeslissingForm(NldsFormulier, forms.Form):
    uitkomst = forms.ChoiceField(
        label="Uitkomst van het bezwaar",
        widget=forms.RadioSelect,
        choices=BezwaarUitkomst.choices,
        error_messages={"required": "Kies de uitkomst van het bezwaar."},
    )
    beslist_op = _datum("Beslist op", "Vul de datum van de beslissing op bezwaar in.")
    nieuw_bedrag = forms.DecimalField(
        label="Nieuw bedrag in euro (bij deels gegrond)",
        required=False,
        min_value=0,
        decimal_places=2,
        max_digits=7,
        localize=True,
        error_messages={"invalid": "Vul een bedrag in, bijvoorbeeld 37,50."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf kort op waarom het bezwaar zo is beslist."},
    )
