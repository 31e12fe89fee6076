from django import forms

from regie.cbs.kwartaal import (
    EERSTE_JAAR,
    Kwartaal,
    OngeldigKwartaal,
    kwartalen,
    laatste_afgesloten,
    leverbaar,
)
from regie.formulieren import NldsFormulier
from regie.klok import vandaag


class KeuzeForm(NldsFormulier, forms.Form):
    """Which berichtgever and which quarter. The quarter is typed text underneath the list, so an
    address with a quarter that is not over gets a Dutch message, not a bare 'invalid choice'."""

    berichtgever = forms.ChoiceField(
        label="Berichtgever",
        help_text="Een gemeente, of de organisatie die voor al haar gemeenten in één bestand levert.",
        error_messages={
            "required": "Kies voor wie u levert.",
            "invalid_choice": "Kies een berichtgever uit de lijst.",
        },
    )
    kwartaal = forms.CharField(
        label="Kwartaal",
        widget=forms.Select,
        error_messages={"required": "Kies een kwartaal."},
    )

    def __init__(self, *args, berichtgevers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berichtgever"].choices = [(b.sleutel, b.naam) for b in berichtgevers]
        laatste = laatste_afgesloten(vandaag())
        keuzes = reversed(kwartalen(Kwartaal(EERSTE_JAAR, 1), laatste))
        self.fields["kwartaal"].widget.choices = [(str(k), k.label) for k in keuzes]

    def clean_kwartaal(self) -> Kwartaal:
        try:
            kwartaal = Kwartaal.uit_tekst(self.cleaned_data["kwartaal"])
        except OngeldigKwartaal as exc:
            raise forms.ValidationError(exc.melding) from exc
        if reden := leverbaar(kwartaal, vandaag()):
            raise forms.ValidationError(reden)
        return kwartaal
