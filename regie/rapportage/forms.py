from datetime import date

from django import forms

from regie.formulieren import DatumInvoer, NldsFormulier
from regie.inburgeraars.models import Doelgroep, Leerroute
from regie.inburgeraars.selectors import gemeenten_voor
from regie.organisaties.models import Kern
from regie.rapportage.cijfers import Filter
from regie.rapportage.cohorten import EERSTE_COHORT
from regie.rapportage.kpi import STREEFBAAR
from regie.rapportage.models import Soort

MAXIMUM_JAREN = 10


class FilterForm(NldsFormulier, forms.Form):
    """The dashboard's filter (GET). Every field may stay empty: all municipalities of the user,
    this calendar year up to today."""

    gemeenten = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Gemeenten naast elkaar",
        error_messages={"invalid_choice": "Kies alleen gemeenten waarvoor u werkt."},
    )
    kern = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="Alle kernen",
        error_messages={"invalid_choice": "Kies een kern van uw gemeenten."},
    )
    cohort = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label="Cohort (start inburgeringsplicht)"
    )
    doelgroep = forms.ChoiceField(required=False, choices=[("", "Alle doelgroepen"), *Doelgroep.choices])
    leerroute = forms.ChoiceField(required=False, choices=[("", "Alle leerroutes"), *Leerroute.choices])
    van = forms.DateField(
        required=False,
        widget=DatumInvoer,
        label="Periode van",
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 1-1-2026."},
    )
    tot = forms.DateField(
        required=False,
        widget=DatumInvoer,
        label="tot en met",
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 31-12-2026."},
    )

    def __init__(self, *args, user, vandaag: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag
        self.alle_gemeenten = list(gemeenten_voor(user).order_by("naam"))
        self.fields["gemeenten"].queryset = gemeenten_voor(user).order_by("naam")
        self.fields["kern"].queryset = (
            Kern.objects.filter(gemeente__in=gemeenten_voor(user))
            .select_related("gemeente")
            .order_by("gemeente__naam", "naam")
        )
        self.fields["kern"].label_from_instance = lambda k: f"{k.naam} ({k.gemeente.naam})"
        jaren = range(vandaag.year, EERSTE_COHORT - 1, -1)
        self.fields["cohort"].choices = [("", "Alle cohorten"), *((j, str(j)) for j in jaren)]

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "De einddatum ligt voor de begindatum. Kies een latere einddatum.")
        elif van and tot and (tot - van).days > 366 * MAXIMUM_JAREN:
            self.add_error("tot", f"Kies een periode van hoogstens {MAXIMUM_JAREN} jaar.")
        return data

    def filter(self) -> Filter:
        """The filter to compute with: the valid fields, defaults for the rest."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        van = data.get("van") or date(self.vandaag.year, 1, 1)
        tot = data.get("tot") or self.vandaag
        if van > tot:
            van, tot = date(self.vandaag.year, 1, 1), self.vandaag
        gemeenten = tuple(data.get("gemeenten") or self.alle_gemeenten)
        return Filter(
            gemeenten=gemeenten,
            van=van,
            tot=tot,
            kern=data.get("kern"),
            cohort=data.get("cohort"),
            doelgroep=data.get("doelgroep") or "",
            leerroute=data.get("leerroute") or "",
        )


class StreefwaardeForm(NldsFormulier, forms.Form):
    gemeente = forms.ModelChoiceField(
        queryset=None, error_messages={"invalid_choice": "Kies een gemeente waarvoor u werkt."}
    )
    kpi = forms.ChoiceField(label="Indicator", choices=[])
    jaar = forms.IntegerField(
        min_value=EERSTE_COHORT,
        max_value=2100,
        error_messages={"invalid": "Vul een jaartal in, bijvoorbeeld 2026."},
    )
    # Text, not a number field: the service reads '62,5' and '80 %' and explains what is wrong.
    waarde = forms.CharField(
        label="Streefwaarde (%)",
        max_length=20,
        required=False,
        help_text="Een percentage van 0 tot en met 100, bijvoorbeeld 80 of 62,5.",
    )
    toelichting = forms.CharField(
        max_length=300, required=False, help_text="Bijvoorbeeld: beleidsplan 2021-2025, blz. 27."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_voor(user).order_by("naam")
        self.fields["kpi"].choices = [(code, k.titel) for code, k in STREEFBAAR.items()]


class RaadsrapportageNieuwForm(NldsFormulier, forms.Form):
    gemeente = forms.ModelChoiceField(
        queryset=None, error_messages={"invalid_choice": "Kies een gemeente waarvoor u werkt."}
    )
    jaar = forms.IntegerField(
        min_value=EERSTE_COHORT,
        max_value=2100,
        error_messages={"invalid": "Vul een jaartal in, bijvoorbeeld 2026."},
    )
    soort = forms.ChoiceField(choices=Soort.choices, label="Soort rapportage")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_voor(user).order_by("naam")


class RaadsrapportageTekstForm(NldsFormulier, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    inleiding = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10_000,
        help_text="Waar gaat deze rapportage over, en wat vraagt u de raad?",
    )
    resultaten = forms.CharField(
        label="Toelichting op de resultaten",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=20_000,
        help_text="Licht de cijfers toe: wat ging goed, waar blijven we achter en waarom?",
    )
    vooruitblik = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=10_000)
