"""Forms of the Participatie tab: an activity, and the situation at a measuring moment. The rules
are the services'; the forms only turn text into values and show the services' messages."""

from django import forms

from regie.aanbieders.models import Aanbieder
from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.participatie.models import ZELFREDZAAMHEID, Contractvorm, Resultaat, Soort, Uitkering, Werk

DATUM_FOUT = "Vul een datum in, bijvoorbeeld 15-03-2027."


class ActiviteitForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    soort = forms.ChoiceField(
        label="Soort activiteit",
        choices=[("", "Kies de soort"), *Soort.choices],
        error_messages={"required": "Kies wat voor activiteit het is."},
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: magazijnmedewerker, mbo-opleiding zorg.",
    )
    partner = forms.CharField(
        label="Werkgever of organisatie",
        max_length=200,
        error_messages={"required": "Vul de naam van de werkgever of organisatie in."},
    )
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder van de gemeente",
        queryset=Aanbieder.objects.none(),
        required=False,
        empty_label="Geen aanbieder van de gemeente",
        help_text="Kies alleen als de organisatie een aanbieder is waarmee de gemeente werkt.",
        error_messages={"invalid_choice": "Kies een aanbieder uit de lijst."},
    )
    startdatum = forms.DateField(
        label="Startdatum",
        widget=DatumInvoer(),
        error_messages={"required": "Vul de startdatum in.", "invalid": DATUM_FOUT},
    )
    einddatum = forms.DateField(
        label="Einddatum",
        required=False,
        widget=DatumInvoer(),
        help_text="Leeg als de activiteit nog loopt en er geen einddatum is.",
        error_messages={"invalid": DATUM_FOUT},
    )
    uren_per_week = forms.IntegerField(
        label="Uren per week",
        required=False,
        help_text="Een heel getal van 0 tot en met 60. Verplicht bij betaald werk.",
        error_messages={"invalid": "Vul een heel getal in, bijvoorbeeld 16."},
    )
    contractvorm = forms.ChoiceField(
        label="Contractvorm",
        required=False,
        choices=[("", "Geen (geen betaald werk)"), *Contractvorm.choices],
        help_text="Alleen bij betaald werk.",
    )
    resultaat = forms.ChoiceField(label="Resultaat", choices=Resultaat.choices, initial=Resultaat.LOOPT)
    reden = forms.CharField(
        label="Reden of toelichting",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als de activiteit voortijdig is gestopt. Bijvoorbeeld: contract niet verlengd.",
    )

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(organisatie=organisatie).order_by("naam")

    def gegevens(self) -> dict:
        """The cleaned values, as the services take them."""
        g = dict(self.cleaned_data)
        g.pop("versie")
        return g


JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


class SituatieForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    gemeten_op = forms.DateField(
        label="Datum van de meting",
        widget=DatumInvoer(),
        help_text="De dag waarop u de situatie met de inburgeraar besprak.",
        error_messages={"required": "Vul de datum van de meting in.", "invalid": DATUM_FOUT},
    )
    werk = forms.ChoiceField(
        label="Betaald werk",
        choices=Werk.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies of de inburgeraar betaald werk heeft."},
    )
    opleiding = forms.TypedChoiceField(
        label="Volgt de inburgeraar een opleiding?",
        choices=JA_NEE,
        coerce=lambda w: w == "ja",
        widget=forms.RadioSelect,
        help_text="Een opleiding met een diploma, bijvoorbeeld mbo of hbo. De inburgeringscursus telt niet mee.",
        error_messages={"required": "Kies of de inburgeraar een opleiding volgt."},
    )
    uitkering = forms.ChoiceField(
        label="Bijstand",
        choices=Uitkering.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies of de inburgeraar bijstand krijgt."},
    )
    zelfredzaamheid = forms.TypedChoiceField(
        label="Zelfredzaamheid",
        choices=sorted(ZELFREDZAAMHEID.items()),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=(
            "Hoe goed regelt de inburgeraar de dingen van elke dag zelf: post en rekeningen, afspraken met"
            " de huisarts of school, boodschappen en vervoer? Kies het cijfer dat het best past."
        ),
        error_messages={"required": "Kies een cijfer voor zelfredzaamheid van 1 tot en met 5."},
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def gegevens(self) -> dict:
        g = dict(self.cleaned_data)
        g.pop("versie")
        return g
