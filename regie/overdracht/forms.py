from django import forms

from regie.formulieren import NldsFormulier, VersieVeld
from regie.organisaties.models import Gemeente


class PakketForm(NldsFormulier, forms.Form):
    naar_gemeente = forms.ModelChoiceField(
        label="Nieuwe gemeente in Regie",
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label="Een gemeente die Regie niet gebruikt (vul hieronder in)",
        help_text="Werkt de nieuwe gemeente ook met deze Regie? Dan komt het pakket in haar lijst Overdrachten.",
    )
    naar_gemeente_naam = forms.CharField(
        label="Naam van de nieuwe gemeente",
        required=False,
        max_length=200,
        help_text="Alleen als de gemeente niet in de lijst staat.",
    )
    naar_cbs_code = forms.CharField(
        label="CBS-code van de nieuwe gemeente",
        required=False,
        max_length=4,
        help_text="Vier cijfers, bijvoorbeeld 0171. Niet verplicht.",
    )

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar_gemeente"].queryset = Gemeente.objects.exclude(
            organisatie_id=inburgeraar.organisatie_id
        ).order_by("naam")


class InlezenForm(NldsFormulier, forms.Form):
    bestand = forms.FileField(
        label="Overdrachtspakket (JSON-bestand)",
        help_text="Het JSON-bestand dat de vorige gemeente stuurde.",
        error_messages={"required": "Kies het JSON-bestand van het overdrachtspakket."},
    )


class VerhuizenForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    naar_gemeente = forms.ModelChoiceField(
        label="Nieuwe gemeente",
        queryset=Gemeente.objects.none(),
        empty_label="Kies de gemeente",
        error_messages={"required": "Kies de gemeente waar de inburgeraar nu woont."},
    )
    consulent = forms.ModelChoiceField(
        label="Nieuwe vaste consulent",
        queryset=None,
        required=False,
        empty_label="De vaste consulent blijft dezelfde",
        help_text="Alleen een teamleider kiest een andere vaste consulent.",
    )

    def __init__(self, *args, inburgeraar, gemeenten, consulenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar_gemeente"].queryset = gemeenten.exclude(pk=inburgeraar.gemeente_id)
        if consulenten is None:
            del self.fields["consulent"]
        else:
            self.fields["consulent"].queryset = consulenten
