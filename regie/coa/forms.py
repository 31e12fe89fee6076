from django import forms
from django.conf import settings

from regie.beveiliging.grootte import grootte_tekst
from regie.inburgeraars.selectors import gemeenten_voor


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand met koppelingen (CSV)",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv", "class": "utrecht-textbox"}),
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = (
            "Een CSV-bestand zoals beschreven in de handleiding, gescheiden door ; of , (hoogstens"
            f" {grootte_tekst(settings.MAX_UPLOAD_BYTES)})."
        )


class TaakstellingForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        queryset=None,
        empty_label="Kies een gemeente",
        error_messages={
            "required": "Kies een gemeente.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    jaar = forms.IntegerField(
        min_value=2013,
        max_value=2100,
        error_messages={
            "required": "Vul het jaar in.",
            "invalid": "Vul een jaartal in, bijvoorbeeld 2026.",
            "min_value": "Kies een jaar vanaf 2013.",
            "max_value": "Kies een jaar tot en met 2100.",
        },
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    halfjaar = forms.TypedChoiceField(
        choices=[
            ("", "Kies een halfjaar"),
            (1, "Eerste halfjaar (januari tot en met juni)"),
            (2, "Tweede halfjaar (juli tot en met december)"),
        ],
        coerce=int,
        error_messages={
            "required": "Kies het halfjaar.",
            "invalid_choice": "Kies het eerste of tweede halfjaar.",
        },
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    aantal = forms.IntegerField(
        label="Taakstelling (aantal te huisvesten statushouders)",
        min_value=0,
        max_value=100_000,
        error_messages={
            "required": "Vul het aantal in.",
            "invalid": "Vul een heel getal in.",
            "min_value": "Het aantal kan niet negatief zijn.",
            "max_value": "Dit aantal is te groot.",
        },
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    toelichting = forms.CharField(
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: brief van de minister van 12 december 2025.",
        error_messages={"max_length": "Gebruik hoogstens 300 tekens."},
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_voor(user).order_by("naam")
