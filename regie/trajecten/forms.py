"""Forms of the case tab "Traject": refer from a PIP component to a contract, withdraw."""

from django import forms

from regie.aanbieders.models import Perceel
from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.trajecten.models import VerwijzingStatus


def contract_label(contract) -> str:
    """What the consultant needs to choose: provider, and whether there is a place."""
    vrij = contract.capaciteit - contract.in_gebruik - contract.verzonden
    if vrij > 0:
        plaats = f"{vrij} van {contract.capaciteit} plaatsen vrij"
    else:
        plaats = f"vol, {contract.wachtlijst} op de wachtlijst: u komt op de wachtlijst"
    return f"{contract.aanbieder.naam} ({plaats})"


class VerwijzenForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    contract = forms.TypedChoiceField(
        label="Onderdeel en aanbieder",
        coerce=int,
        help_text=(
            "U ziet alleen de onderdelen van het PIP en de aanbieders met een geldig contract daarvoor. Is een"
            " contract vol, dan kunt u toch verwijzen: de inburgeraar komt dan op de wachtlijst."
        ),
        error_messages={
            "required": "Kies een onderdeel en een aanbieder.",
            "invalid_choice": "Kies een onderdeel en een aanbieder uit de lijst.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting voor de aanbieder",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: beschikbaar op dinsdag en donderdag, heeft een kind op de opvang.",
        error_messages={"max_length": "Schrijf niet meer dan 2000 tekens."},
    )

    def __init__(self, *args, contracten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.contracten = {c.pk: c for c in contracten}
        groepen: dict[str, list] = {}
        for contract in contracten:
            groepen.setdefault(Perceel(contract.perceel).label, []).append(
                (contract.pk, contract_label(contract))
            )
        self.fields["contract"].choices = [("", "Kies een onderdeel en aanbieder"), *groepen.items()]

    def service_argumenten(self) -> dict:
        contract = self.contracten[self.cleaned_data["contract"]]
        return {
            "contract": contract,
            "onderdeel": contract.perceel,
            "toelichting": self.cleaned_data["toelichting"],
            "versie": self.cleaned_data["versie"],
        }


class PerVerwijzing:
    """One form per referral on the page: its own ids, so every label points at its own field."""

    soort = ""

    def __init__(self, *args, verwijzing=None, **kwargs):
        if verwijzing is not None:
            kwargs.setdefault("prefix", f"{self.soort}-{verwijzing.uuid.hex[:8]}")
        super().__init__(*args, **kwargs)


DATUM_FOUTEN = {"required": "Vul de datum in.", "invalid": "Vul een geldige datum in, bijvoorbeeld 1-3-2025."}


class StartenForm(PerVerwijzing, NldsFormulier, forms.Form):
    soort = "starten"
    startdatum = forms.DateField(
        label="Startdatum", widget=DatumInvoer(), error_messages=DATUM_FOUTEN, help_text="Vandaag of eerder."
    )


class AfsluitenForm(PerVerwijzing, NldsFormulier, forms.Form):
    soort = "afsluiten"
    einddatum = forms.DateField(label="Einddatum", widget=DatumInvoer(), error_messages=DATUM_FOUTEN)
    uitkomst = forms.ChoiceField(
        label="Hoe is het traject geëindigd?",
        choices=[
            (VerwijzingStatus.AFGEROND, "Afgerond"),
            (VerwijzingStatus.AFGEBROKEN, "Afgebroken (voortijdig gestopt)"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies afgerond of afgebroken."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht bij afgebroken: waarom is het traject gestopt?",
        error_messages={"max_length": "Schrijf niet meer dan 2000 tekens."},
    )


class IntrekkenForm(PerVerwijzing, NldsFormulier, forms.Form):
    soort = "intrekken"
    versie = VersieVeld()
    reden = forms.CharField(
        label="Reden van intrekken",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="De aanbieder ziet deze reden.",
        error_messages={
            "required": "Schrijf op waarom u de verwijzing intrekt.",
            "max_length": "Schrijf niet meer dan 2000 tekens.",
        },
    )
