"""Forms of the case's DUO tab: the contact person for DUO, the hours of the brede intake."""

from django import forms

from regie.formulieren import NldsFormulier


class ContactpersoonForm(NldsFormulier, forms.Form):
    """Field limits as DUO's Contactpersoongegevens; the message itself is checked against the spec."""

    prefix = "contactpersoon"
    naam = forms.CharField(
        label="Naam",
        max_length=100,
        error_messages={"required": "Vul de naam van de contactpersoon in."},
    )
    email = forms.EmailField(
        label="E-mailadres",
        max_length=241,
        error_messages={
            "required": "Vul het e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.",
        },
    )
    telefoonnummer = forms.CharField(
        label="Telefoonnummer",
        max_length=22,
        help_text="Alleen cijfers, spaties en streepjes, bijvoorbeeld 0321 388 999 of +31 321 388 999.",
        error_messages={"required": "Vul het telefoonnummer in."},
    )


class UrenForm(NldsFormulier, forms.Form):
    prefix = "uren"
    uren_brede_intake = forms.IntegerField(
        label="Uren taalles en KNM tijdens de brede intake",
        required=False,
        min_value=0,
        max_value=9999,
        help_text=(
            "Het totaal aantal uur Nederlands en KNM dat de inburgeraar bij de gemeente volgde tijdens de brede"
            " intake. Laat leeg als u dit niet (opnieuw) wilt doorgeven."
        ),
        error_messages={
            "invalid": "Vul een heel aantal uren in, bijvoorbeeld 40.",
            "min_value": "Vul een aantal uren in van 0 tot en met 9999.",
            "max_value": "Vul een aantal uren in van 0 tot en met 9999.",
        },
    )
