"""Forms for the brede intake pages (the form kit is regie.formulieren)."""

from django import forms
from django.core.exceptions import ValidationError

from regie.formulieren import DatumInvoer, DatumTijdInvoer, NldsFormulier, VersieVeld
from regie.intake.models import Afspraak, BredeIntake, Diploma
from regie.intake.services import INTAKE_VELDEN, tolk_fouten


def _tekstvak(regels: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": regels})


class BredeIntakeForm(NldsFormulier, forms.ModelForm):
    versie = VersieVeld()
    jaren_onderwijs = forms.IntegerField(
        label="Aantal jaren onderwijs",
        required=False,
        min_value=0,
        max_value=40,
        help_text="Alle jaren op school of opleiding samen, in Nederland en in het buitenland.",
        error_messages={
            "invalid": "Vul een heel getal in, bijvoorbeeld 8.",
            "min_value": "Vul een aantal jaren in van 0 tot en met 40.",
            "max_value": "Vul een aantal jaren in van 0 tot en met 40.",
        },
    )

    class Meta:
        model = BredeIntake
        fields = INTAKE_VELDEN
        widgets = {
            "leerbaarheidstoets_datum": DatumInvoer(),
            "afgerond_op": DatumInvoer(),
            "opleiding_toelichting": _tekstvak(),
            "werkervaring": _tekstvak(),
            "gezondheid_lichamelijk": _tekstvak(),
            "gezondheid_psychisch": _tekstvak(),
            "gezin_en_kinderen": _tekstvak(),
            "vve": _tekstvak(2),
            "financiele_situatie": _tekstvak(),
            "wensen_en_motivatie": _tekstvak(),
            "mogelijkheden_werk": _tekstvak(),
            "mogelijkheden_participatie": _tekstvak(),
        }
        labels = {
            "leerbaarheidstoets_datum": "Datum van de leerbaarheidstoets",
            "leerbaarheidstoets_resultaat": "Uitslag van de leerbaarheidstoets",
            "opleidingsniveau": "Hoogste opleiding",
            "opleiding_toelichting": "Toelichting op de opleiding",
            "taalniveau_lezen": "Lezen",
            "taalniveau_luisteren": "Luisteren",
            "taalniveau_spreken": "Spreken",
            "taalniveau_schrijven": "Schrijven",
            "andere_talen": "Andere talen die de inburgeraar spreekt",
            "gezondheid_lichamelijk": "Lichamelijke gezondheid",
            "gezondheid_psychisch": "Psychische gezondheid",
            "gezin_en_kinderen": "Wie horen bij het gezin, en wat hebben de kinderen nodig?",
            "vve": "Voor- en vroegschoolse educatie (VVE) van de kinderen",
            "financiele_situatie": "Hoe zijn inkomen, uitgaven en schulden geregeld?",
            "wensen_en_motivatie": "Wat wil de inburgeraar bereiken, en waarom?",
            "mogelijkheden_werk": "Mogelijkheden voor werk",
            "mogelijkheden_participatie": "Mogelijkheden voor participatie en vrijwilligerswerk",
            "deels_alleen_gesproken": "Een deel van het gesprek was zonder gezinsleden",
            "tolk_gebruikt": "Er was een tolk bij het gesprek",
            "tolk_taal": "Taal van de tolk",
            "afgerond_op": "Datum waarop de brede intake klaar was",
        }
        help_texts = {
            "leerbaarheidstoets_datum": "De inburgeraar doet deze toets bij DUO, met een gecertificeerde medewerker.",
            "leerbaarheidstoets_resultaat": "De uitslag helpt bij het kiezen van de leerroute.",
            "opleiding_toelichting": "Bijvoorbeeld: welke richting, en of de opleiding is afgemaakt.",
            "werkervaring": "Welk werk, hoe lang, en in welk land.",
            "andere_talen": "Bijvoorbeeld: Arabisch, Engels.",
            "gezin_en_kinderen": "Bijvoorbeeld: hoe oud de kinderen zijn, en of er opvang nodig is tijdens de lessen.",
            "vve": "Gaan jonge kinderen naar de peuterspeelzaal of de voorschool?",
            "financiele_situatie": (
                "Bijvoorbeeld: werk of uitkering, schulden, en of de inburgeraar zelf de rekeningen kan betalen."
            ),
            "wensen_en_motivatie": "Bijvoorbeeld: een opleiding, een baan, of beter Nederlands praten met de buren.",
            "mogelijkheden_werk": "Welk werk past bij de ervaring en de wensen? Wat is daarvoor nodig?",
            "mogelijkheden_participatie": "Bijvoorbeeld: vrijwilligerswerk, een sportclub, een buurthuis, een maatje.",
            "deels_alleen_gesproken": (
                "De inburgeraar mag vragen om een deel van het gesprek zonder gezinsleden te voeren."
            ),
            "tolk_taal": "Vul dit in als er een tolk was.",
            "afgerond_op": "Laat dit leeg zolang de brede intake nog niet klaar is.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in ("leerbaarheidstoets_resultaat", "opleidingsniveau"):
            self.fields[veld].choices = [("", "Nog niet bekend"), *self.fields[veld].choices[1:]]

    def clean(self):
        gegevens = super().clean()
        for veld, meldingen in tolk_fouten(
            tolk_gebruikt=gegevens.get("tolk_gebruikt", False), tolk_taal=gegevens.get("tolk_taal", "")
        ).items():
            self.add_error(veld, meldingen)
        return gegevens

    def velden(self) -> dict:
        """The intake fields for `brede_intake_opslaan` (without versie)."""
        return {veld: self.cleaned_data[veld] for veld in INTAKE_VELDEN}


class DiplomaForm(NldsFormulier, forms.ModelForm):
    """One diploma to add; its fields sit inside the intake form with the prefix `diploma`."""

    prefix = "diploma"

    class Meta:
        model = Diploma
        fields = ["naam", "land", "jaar", "gewaardeerd"]
        labels = {
            "naam": "Naam van de opleiding of het diploma",
            "land": "Land",
            "jaar": "Jaar van het diploma",
            "gewaardeerd": "Het diploma is gewaardeerd in Nederland (IDW of Nuffic)",
        }
        error_messages = {"naam": {"required": "Vul de naam van de opleiding of het diploma in."}}

    use_required_attribute = False  # its fields sit in the intake form, which must save without them

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            # Owned by the separate form `diploma-formulier`, though shown inside the intake form.
            veld.widget.attrs["form"] = "diploma-formulier"
        self.fields["jaar"].error_messages["invalid"] = "Vul een jaartal in, bijvoorbeeld 2015."
        self.fields["jaar"].widget.attrs.update({"min": 1900, "inputmode": "numeric"})


class AfspraakForm(NldsFormulier, forms.ModelForm):
    prefix = "afspraak"

    class Meta:
        model = Afspraak
        fields = ["begint_op", "locatie", "uitnodiging_verstuurd_op", "tolk", "notitie"]
        widgets = {
            "begint_op": DatumTijdInvoer(),
            "uitnodiging_verstuurd_op": DatumInvoer(),
            "notitie": _tekstvak(2),
        }
        labels = {
            "begint_op": "Datum en tijd",
            "locatie": "Locatie",
            "uitnodiging_verstuurd_op": "Datum waarop de schriftelijke uitnodiging is verstuurd",
            "tolk": "Er is een tolk geregeld",
            "notitie": "Notitie",
        }
        help_texts = {
            "locatie": "Bijvoorbeeld: het gemeentehuis, kamer 2.12.",
            "uitnodiging_verstuurd_op": "Laat leeg als de uitnodiging nog niet is verstuurd.",
        }
        error_messages = {
            "begint_op": {
                "required": "Vul de datum en tijd van de afspraak in.",
                "invalid": "Vul een geldige datum en tijd in.",
            },
            "locatie": {"required": "Vul de locatie van de afspraak in."},
        }


class AfspraakStatusForm(NldsFormulier, forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=Afspraak.Status.choices,
        error_messages={"invalid_choice": "Kies een geldige status voor de afspraak."},
    )


class BijzondereGegevensForm(NldsFormulier, forms.Form):
    """The reason someone who is not the case's own consultant or the team lead gives before
    seeing special personal data (AVG art. 9). The reason goes into the processing log."""

    WEERGAVEN = [("intake", "Op deze pagina"), ("verslag", "In het verslag"), ("pdf", "In de PDF")]

    reden = forms.CharField(
        label="Waarom heeft u deze gegevens nodig?",
        max_length=500,
        help_text="Bijvoorbeeld: ik vervang de vaste consulent tijdens de vakantie. Uw reden komt in het"
        " verwerkingslog.",
        error_messages={
            "required": "Schrijf op waarom u deze gegevens nodig heeft.",
            "max_length": "Schrijf de reden in hoogstens 500 tekens.",
        },
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # Sent by the button the user presses (never rendered as a field): where to show the data.
    weergave = forms.ChoiceField(choices=WEERGAVEN, required=False)

    def clean_reden(self):
        reden = self.cleaned_data["reden"].strip()
        if not reden:
            raise ValidationError("Schrijf op waarom u deze gegevens nodig heeft.")
        return reden

    def clean_weergave(self):
        return self.cleaned_data.get("weergave") or "intake"
