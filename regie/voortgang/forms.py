"""Forms of the provider portal. The checks live in the services (regie.voortgang.services,
regie.trajecten.services); their messages are shown next to the fields here."""

from django import forms

from regie.formulieren import DatumInvoer, NldsFormulier
from regie.voortgang import csv_invoer
from regie.voortgang.models import Examenniveau, Examenonderdeel, Niveau, Resultaatsoort, Uitslag, Vaardigheid
from regie.voortgang.services import MAX_RAPPORT, MAX_TEKST

DATUM_FOUTEN = {
    "required": "Vul de datum in.",
    "invalid": "Vul een geldige datum in, bijvoorbeeld 16-11-2026.",
}


def _datum(label: str, *, required=True, help_text="") -> forms.DateField:
    return forms.DateField(
        label=label, widget=DatumInvoer(), required=required, help_text=help_text, error_messages=DATUM_FOUTEN
    )


class UrenVeld(forms.CharField):
    """Hours with a decimal comma or point (2,5 or 2.5)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "size": "6"})

    def clean(self, value):
        value = super().clean(value)
        waarde, fout = csv_invoer.lees_uren(value, verplicht=True)
        if fout:
            raise forms.ValidationError(fout[0].upper() + fout[1:] + ".")
        return waarde


class WeekForm(NldsFormulier, forms.Form):
    week = _datum(
        "Week",
        help_text="Kies een dag in de week. Regie gebruikt de maandag van die week.",
    )
    uren_aangeboden = UrenVeld(label="Uren aangeboden", help_text="Alle lesuren die u deze week aanbood.")
    uren_gevolgd = UrenVeld(label="Uren gevolgd")
    uren_afwezig_ziek = UrenVeld(label="Afwezig: ziek")
    uren_afwezig_afspraak = UrenVeld(
        label="Afwezig: afspraak", help_text="Bijvoorbeeld een afspraak bij de arts of de gemeente."
    )
    uren_afwezig_ongeoorloofd = UrenVeld(
        label="Afwezig: ongeoorloofd", help_text="Afwezig zonder geldige reden."
    )
    opmerking = forms.CharField(
        label="Opmerking", required=False, max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_week(self):
        week = self.cleaned_data["week"]
        return csv_invoer.maandag_van(week) if week else week


class VoortgangForm(NldsFormulier, forms.Form):
    datum = _datum("Datum van de meting")
    onderdeel = forms.ChoiceField(
        label="Onderdeel",
        choices=[("", "Kies een onderdeel"), *Vaardigheid.choices],
        error_messages={"required": "Kies een onderdeel."},
    )
    niveau = forms.ChoiceField(
        label="Niveau",
        choices=[("", "Kies een niveau"), *Niveau.choices],
        error_messages={"required": "Kies een niveau."},
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExamenForm(NldsFormulier, forms.Form):
    datum = _datum("Datum van het examen")
    onderdeel = forms.ChoiceField(
        label="Onderdeel",
        choices=[("", "Kies een onderdeel"), *Examenonderdeel.choices],
        error_messages={"required": "Kies een onderdeel."},
    )
    uitslag = forms.ChoiceField(
        label="Uitslag",
        choices=Uitslag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de uitslag."},
    )
    niveau = forms.ChoiceField(
        label="Niveau", required=False, choices=[("", "Geen (KNM of niet verschenen)"), *Examenniveau.choices]
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResultaatForm(NldsFormulier, forms.Form):
    soort = forms.ChoiceField(
        label="Onderdeel",
        choices=Resultaatsoort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies PVT, MAP of Z-route."},
    )
    afgerond_op = _datum("Afgerond op")
    uren_taal = forms.IntegerField(
        label="Uren taal (alleen Z-route)",
        required=False,
        min_value=0,
        max_value=9999,
        error_messages={"invalid": "Vul een heel getal in."},
    )
    uren_participatie = forms.IntegerField(
        label="Uren participatie (alleen Z-route)",
        required=False,
        min_value=0,
        max_value=9999,
        error_messages={"invalid": "Vul een heel getal in."},
    )
    eindgesprek_op = _datum("Datum eindgesprek (alleen Z-route)", required=False)
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=MAX_TEKST, widget=forms.Textarea(attrs={"rows": 2})
    )


class EindrapportForm(NldsFormulier, forms.Form):
    datum = _datum("Datum")
    samenvatting = forms.CharField(
        label="Samenvatting",
        max_length=MAX_RAPPORT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf een samenvatting van het traject."},
    )
    advies = forms.CharField(
        label="Advies aan de gemeente",
        required=False,
        max_length=MAX_RAPPORT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AccepterenForm(NldsFormulier, forms.Form):
    startdatum = _datum("Startdatum", help_text="De datum waarop het traject kan beginnen.")


class StartenForm(NldsFormulier, forms.Form):
    startdatum = _datum("Startdatum", help_text="De datum waarop het traject echt begon.")


class WeigerenForm(NldsFormulier, forms.Form):
    reden = forms.CharField(
        label="Reden",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: geen plaats, of het niveau past niet bij ons aanbod.",
        error_messages={"required": "Schrijf op waarom u de verwijzing weigert."},
    )


class UploadForm(NldsFormulier, forms.Form):
    bestand = forms.FileField(
        label="CSV-bestand",
        help_text="Een bestand met de aanwezigheid per persoon per week, opgeslagen als CSV (puntkomma of komma).",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
