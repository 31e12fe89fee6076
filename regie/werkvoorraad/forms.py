from django import forms

from regie.formulieren import NldsFormulier
from regie.werkvoorraad import signalen
from regie.werkvoorraad.selectors import ZONDER_CONSULENT, medewerkers, statuskeuzes


class FilterForm(NldsFormulier, forms.Form):
    """Filters of a worklist. Sent with GET: the filter is part of the address."""

    signaal = forms.ChoiceField(
        label="Signaal",
        required=False,
        error_messages={"invalid_choice": "Kies een signaal uit de lijst."},
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        error_messages={"invalid_choice": "Kies een status uit de lijst."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signaal"].choices = [
            ("", "Alle dossiers"),
            *[(str(code), code.label) for code in signalen.Code],
        ]
        self.fields["status"].choices = [("", "Alle actieve statussen"), *statuskeuzes()]

    def waarden(self) -> dict[str, str]:
        """The valid filter values; a wrong value filters nothing (its message shows)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {naam: self.cleaned_data.get(naam) or "" for naam in self.fields if naam not in self.errors}


class TeamFilterForm(FilterForm):
    consulent = forms.ChoiceField(
        label="Consulent",
        required=False,
        error_messages={"invalid_choice": "Kies een consulent uit de lijst."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulent"].choices = [
            ("", "Iedereen"),
            (ZONDER_CONSULENT, "Nog niet toegewezen"),
            *[(str(m.pk), str(m)) for m in medewerkers(user)],
        ]


class ToewijzenForm(forms.Form):
    consulent = forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "required": "Kies een consulent.",
            "invalid_choice": "Kies een actieve consulent van uw eigen organisatie.",
        },
    )
    reden = forms.CharField(required=False, max_length=300)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulent"].queryset = medewerkers(user)

    def meldingen(self) -> list[str]:
        return [m for fouten in self.errors.values() for m in fouten]
