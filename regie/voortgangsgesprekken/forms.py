"""Forms of the Voortgang tab: plan a talk, record how it went."""

from django import forms

from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.voortgangsgesprekken.models import Aanleiding, Uitkomst

DATUM_FOUT = "Vul een datum in, bijvoorbeeld 15-03-2027."


class PlannenForm(NldsFormulier, forms.Form):
    prefix = "plannen"
    versie = VersieVeld()
    gepland_op = forms.DateField(
        label="Datum van het gesprek",
        widget=DatumInvoer(),
        error_messages={"required": "Vul de datum van het gesprek in.", "invalid": DATUM_FOUT},
    )
    met_wie = forms.CharField(
        label="Met wie",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: inburgeraar, docent van de taalschool, tolk.",
    )
    aanleiding = forms.ChoiceField(
        label="Aanleiding", choices=Aanleiding.choices, initial=Aanleiding.HANDMATIG
    )
    aanleiding_toelichting = forms.CharField(
        label="Toelichting op de aanleiding",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld het signaal uit de werkvoorraad.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Planning from the PIP has its own button: the form plans one talk.
        self.fields["aanleiding"].choices = [c for c in Aanleiding.choices if c[0] != Aanleiding.PIP]


class VastleggenForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    gevoerd_op = forms.DateField(
        label="Datum waarop het gesprek is gevoerd",
        widget=DatumInvoer(),
        error_messages={"required": "Vul de datum in waarop het gesprek is gevoerd.", "invalid": DATUM_FOUT},
    )
    met_wie = forms.CharField(label="Met wie", required=False, max_length=300)
    uitkomst = forms.ChoiceField(
        label="Uitkomst",
        choices=[("", "Kies de uitkomst"), *Uitkomst.choices],
        error_messages={"required": "Kies de uitkomst van het gesprek."},
        help_text=(
            "Bij 'PIP aanpassen' stelt u daarna een nieuwe versie van het PIP vast. Bij 'Waarschuwing' stelt u"
            " daarna een schriftelijke waarschuwing op."
        ),
    )
    notities = forms.CharField(
        label="Notities",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Wat is besproken en wat is afgesproken.",
    )
