from django import forms

from regie.formulieren import DatumInvoer, NldsFormulier, VersieVeld
from regie.handhaving.models import Aanleiding, Waarschuwing


class WaarschuwingForm(NldsFormulier, forms.Form):
    versie = VersieVeld()
    aanleiding = forms.ChoiceField(
        label="Aanleiding",
        choices=[("", "Kies de aanleiding"), *Aanleiding.choices],
        error_messages={"required": "Kies de aanleiding van de waarschuwing."},
    )
    aanleiding_toelichting = forms.CharField(
        label="Toelichting op de aanleiding",
        required=False,
        max_length=Waarschuwing._meta.get_field("aanleiding_toelichting").max_length,
        help_text="Bijvoorbeeld: welke weken de inburgeraar zonder geldige reden afwezig was.",
    )
    omschrijving = forms.CharField(
        label="Wat de inburgeraar nu moet doen",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Schrijf op wat er mis ging en wat u van de inburgeraar verwacht."},
        help_text=(
            "Schrijf in eenvoudige taal wat er mis ging, wat u vanaf nu verwacht en wat er gebeurt als dat niet"
            " lukt (een boete is mogelijk)."
        ),
    )
    datum = forms.DateField(
        label="Datum van de waarschuwing",
        widget=DatumInvoer(),
        error_messages={
            "required": "Vul de datum van de waarschuwing in.",
            "invalid": "Vul een datum in, bijvoorbeeld 15-03-2027.",
        },
    )


class VerzondenForm(NldsFormulier, forms.Form):
    verzonden_op = forms.DateField(
        label="Verzonden op",
        widget=DatumInvoer(),
        error_messages={
            "required": "Vul de datum in waarop de brief met de waarschuwing is verzonden.",
            "invalid": "Vul een datum in, bijvoorbeeld 15-03-2027.",
        },
    )
