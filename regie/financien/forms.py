"""Forms of Geldzaken: the budget of a year, and an invoice. Amounts are typed as people write
them (1.250,00) and reach the services in cents; the rules are the services'."""

from django import forms
from django.core.exceptions import ValidationError

from regie.financien.bedragen import euro, naar_centen
from regie.financien.models import Categorie, Soort
from regie.formulieren import DatumInvoer, NldsFormulier

DATUM_FOUTEN = {"required": "Vul de datum in.", "invalid": "Vul een datum in, bijvoorbeeld 31-10-2026."}


class BedragVeld(forms.Field):
    """An amount in euros as typed (1.250,00), cleaned to whole cents."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": "Vul een bedrag in, bijvoorbeeld 1.250,00."})
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"inputmode": "decimal", "autocomplete": "off", "size": 16, "maxlength": 30}
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        tekst = str(value or "").strip()
        if not tekst:
            return None
        if len(tekst) > 30:
            raise ValidationError("Dit bedrag is te lang.")
        return naar_centen(tekst)


def _budgetveld(categorie: Categorie) -> BedragVeld:
    return BedragVeld(label=f"{categorie.label} (€)", required=False)


class BudgetForm(NldsFormulier, forms.Form):
    """One amount per category; an empty field leaves that category as it is."""

    b1_route = _budgetveld(Categorie.B1_ROUTE)
    onderwijsroute = _budgetveld(Categorie.ONDERWIJSROUTE)
    z_route = _budgetveld(Categorie.Z_ROUTE)
    pvt = _budgetveld(Categorie.PVT)
    maatschappelijke_begeleiding = _budgetveld(Categorie.MAATSCHAPPELIJKE_BEGELEIDING)
    map = _budgetveld(Categorie.MAP)
    tolk = _budgetveld(Categorie.TOLK)
    uitvoering = _budgetveld(Categorie.UITVOERING)
    toelichting = forms.CharField(
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: beschikking SPUK inburgering 2026 van 15 januari 2026.",
        error_messages={"max_length": "Gebruik hoogstens 300 tekens."},
    )

    def __init__(self, *args, huidig: dict[str, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for categorie, bedrag in (huidig or {}).items():
            self.fields[categorie].initial = euro(bedrag).removeprefix("€ ")

    def clean(self):
        gegevens = super().clean()
        if not self.errors and all(gegevens.get(c) is None for c in Categorie.values):
            raise ValidationError("Vul minstens één bedrag in.")
        return gegevens

    @property
    def bedragen(self) -> dict[str, int]:
        return {c: self.cleaned_data[c] for c in Categorie.values if self.cleaned_data.get(c) is not None}


class FactuurForm(NldsFormulier, forms.Form):
    soort = forms.ChoiceField(
        choices=Soort.choices,
        initial=Soort.FACTUUR,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies factuur of creditfactuur.",
            "invalid_choice": "Kies factuur of creditfactuur.",
        },
    )
    verwijzing = forms.CharField(
        label="Kenmerk van de verwijzing",
        max_length=40,
        help_text=(
            "Het kenmerk dat de aanbieder op de factuur zet: het nummer van de verwijzing in Regie, zoals"
            " 3f2b8c1e-5a7d-4c2e-9b1a-0d6e2f4a8c90."
        ),
        error_messages={
            "required": "Vul het kenmerk van de verwijzing in.",
            "max_length": "Dit kenmerk is te lang.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    factuurnummer = forms.CharField(
        max_length=60,
        error_messages={
            "required": "Vul het factuurnummer in.",
            "max_length": "Gebruik hoogstens 60 tekens.",
        },
    )
    factuurdatum = forms.DateField(widget=DatumInvoer(), error_messages=DATUM_FOUTEN)
    periode_van = forms.DateField(label="Periode vanaf", widget=DatumInvoer(), error_messages=DATUM_FOUTEN)
    periode_tot = forms.DateField(
        label="Periode tot en met",
        widget=DatumInvoer(),
        help_text="De periode ligt binnen één kalenderjaar.",
        error_messages=DATUM_FOUTEN,
    )
    bedrag = BedragVeld(
        label="Bedrag (€)",
        help_text="Het bedrag op de factuur, bijvoorbeeld 1.250,00. Bij een creditfactuur zonder minteken.",
    )
    crediteert_nummer = forms.CharField(
        label="Nummer van de factuur die wordt teruggedraaid",
        required=False,
        max_length=60,
        help_text="Alleen bij een creditfactuur.",
        error_messages={"max_length": "Gebruik hoogstens 60 tekens."},
    )
