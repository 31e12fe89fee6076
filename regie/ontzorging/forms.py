"""Forms of ontzorging. Amounts are typed as people write them (1.250,00) and reach the services
in cents; every rule (IBAN, payee name, months, four eyes) is the services'."""

from django import forms

from regie.financien.forms import DATUM_FOUTEN, BedragVeld
from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.ontzorging.models import Kostensoort, Vergunning
from regie.ontzorging.zelfredzaamheid import CHECKLIST
from regie.wet.ontzorging import MAX_VERLENGING_MAANDEN

MAAND_FOUTEN = {"required": "Vul de maand in.", "invalid": "Vul een maand in, bijvoorbeeld 2027-01."}


class MaandInvoer(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


class MaandVeld(forms.DateField):
    """A month (input type=month, 2027-01), cleaned to its first day."""

    widget = MaandInvoer
    input_formats = ["%Y-%m", "%m-%Y", "%Y-%m-%d"]

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", MAAND_FOUTEN)
        super().__init__(**kwargs)


class OntzorgingForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    vergunning = forms.ChoiceField(
        label="Verblijfsvergunning",
        choices=[("", "Kies de verblijfsvergunning"), *Vergunning.choices],
        error_messages={"required": "Kies de verblijfsvergunning.", "invalid_choice": "Kies uit de lijst."},
    )
    eerste_bijstand = forms.DateField(
        label="Eerste betaling bijstand",
        widget=DatumInvoer(),
        help_text="De datum van de eerste betaling, zoals het systeem voor de bijstand die meldt.",
        error_messages=DATUM_FOUTEN,
    )


class VerlengenForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    maanden = forms.TypedChoiceField(
        label="Hoeveel maanden langer",
        coerce=int,
        choices=[(n, f"{n} maand{'en' if n > 1 else ''}") for n in range(1, MAX_VERLENGING_MAANDEN + 1)],
        error_messages={"required": "Kies het aantal maanden.", "invalid_choice": "Kies uit de lijst."},
    )
    toestemming_op = forms.DateField(
        label="Datum van de toestemming",
        widget=DatumInvoer(),
        help_text="De dag waarop de inburgeraar toestemming gaf om langer te ontzorgen.",
        error_messages=DATUM_FOUTEN,
    )


class BeeindigenForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    op = forms.DateField(
        label="Laatste dag van de ontzorging", widget=DatumInvoer(), error_messages=DATUM_FOUTEN
    )
    toelichting = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: de zes maanden zijn voorbij, of de bijstand is gestopt.",
        error_messages={"max_length": "Gebruik hoogstens 500 tekens."},
    )


class BijstandForm(NldsFormulier, forms.Form):
    maand = MaandVeld(label="Maand")
    bedrag = BedragVeld(
        label="Bijstand (€)", help_text="Het nettobedrag van die maand, bijvoorbeeld 1.150,00."
    )
    bron = forms.CharField(
        max_length=100,
        help_text="Waar het bedrag vandaan komt, bijvoorbeeld: overzicht uit het systeem voor de bijstand.",
        error_messages={"required": "Vul de bron in.", "max_length": "Gebruik hoogstens 100 tekens."},
    )


class VasteLastForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    soort = forms.ChoiceField(
        choices=[("", "Kies de soort"), *Kostensoort.choices],
        error_messages={"required": "Kies de soort vaste last.", "invalid_choice": "Kies uit de lijst."},
    )
    begunstigde = forms.CharField(
        label="Naam begunstigde",
        required=False,
        max_length=200,
        help_text="De naam van de verhuurder of het bedrijf, zoals die bij de bank bekend is.",
    )
    iban = forms.CharField(
        label="IBAN",
        required=False,
        max_length=50,
        help_text="Bijvoorbeeld NL91 ABNA 0417 1643 00.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    bic = forms.CharField(
        label="BIC",
        required=False,
        max_length=20,
        help_text="Alleen nodig bij een rekening buiten Nederland.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    bedrag = BedragVeld(label="Bedrag per maand (€)", required=False, help_text="Bijvoorbeeld 645,50.")
    van = MaandVeld(label="Vanaf maand")
    tot = MaandVeld(label="Tot en met maand", required=False, help_text="Leeg laten als de last doorloopt.")
    kenmerk = forms.CharField(
        label="Betalingskenmerk",
        required=False,
        max_length=200,
        help_text="Wat de begunstigde nodig heeft om de betaling te herkennen, zoals het huurcontract- of klantnummer.",
    )
    toestemming_anders = forms.BooleanField(
        label="De inburgeraar gaf toestemming voor deze andere vaste last",
        required=False,
        help_text="Alleen bij 'Anders'.",
    )

    def gegevens(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "versie"}


class ChecklistForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    afgevinkt = forms.MultipleChoiceField(
        label="Wat de inburgeraar al zelf kan",
        required=False,
        choices=list(CHECKLIST.items()),
        widget=forms.CheckboxSelectMultiple,
    )


class BetaalrekeningForm(NldsFormulier, forms.Form):
    naam = forms.CharField(
        label="Naam rekeninghouder",
        required=False,
        max_length=200,
        help_text="Zoals de bank hem kent, bijvoorbeeld Gemeente Dronten.",
    )
    iban = forms.CharField(label="IBAN", required=False, max_length=50)
    bic = forms.CharField(label="BIC", required=False, max_length=20, help_text="Niet verplicht.")


class RunForm(NldsFormulier, forms.Form):
    maand = MaandVeld(label="Maand", help_text="De maand waarvan de vaste lasten worden betaald.")


class TeruggekomenForm(NldsFormulier, forms.Form):
    reden = forms.CharField(
        label="Reden van de bank",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: rekening opgeheven (AC04).",
    )
