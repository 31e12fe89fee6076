import uuid

from django import forms
from stdnum.nl import bsn as stdnum_bsn

from regie.formulieren import DatumInvoer, NldsFormulier
from regie.verwerkingslog.models import Actie


class ZoekForm(NldsFormulier, forms.Form):
    """Search the processing log (GET: nothing in it is a BSN)."""

    persoon = forms.CharField(
        label="Persoon (intern nummer of uuid)",
        required=False,
        max_length=40,
        help_text="Het interne nummer of de uuid van de inburgeraar. Zoekt u op BSN? Gebruik dan het formulier hieronder.",
    )
    gebruiker = forms.CharField(label="Gebruikersnaam van de medewerker", required=False, max_length=150)
    van = forms.DateField(
        label="Van (datum)",
        required=False,
        widget=DatumInvoer(),
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 2026-03-01."},
    )
    tot = forms.DateField(
        label="Tot en met (datum)",
        required=False,
        widget=DatumInvoer(),
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 2026-03-31."},
    )
    actie = forms.ChoiceField(
        label="Soort verwerking", required=False, choices=[("", "Alle"), *Actie.choices]
    )
    trace = forms.CharField(label="Trace-id (één verzoek)", required=False, max_length=32)

    def clean_persoon(self):
        waarde = self.cleaned_data["persoon"].strip()
        if not waarde:
            return None
        if waarde.isdigit():
            if len(waarde) == 9 and stdnum_bsn.is_valid(waarde):
                raise forms.ValidationError(
                    "Dit lijkt een BSN. Zoek op BSN met het aparte formulier: dan komt het BSN niet in het adres"
                    " van de pagina en niet in het log."
                )
            return int(waarde)
        try:
            return uuid.UUID(waarde)
        except ValueError as exc:
            raise forms.ValidationError(
                "Vul een intern nummer (alleen cijfers) of een uuid in, bijvoorbeeld"
                " 3f2b8c1e-0d4a-4e8b-9c55-2a1f7e6d9b10."
            ) from exc

    def clean_trace(self):
        waarde = self.cleaned_data["trace"].strip().lower()
        if waarde and (len(waarde) != 32 or any(c not in "0123456789abcdef" for c in waarde)):
            raise forms.ValidationError(
                "Een trace-id bestaat uit 32 tekens: de cijfers 0-9 en de letters a-f."
            )
        return waarde

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt voor de begindatum. Kies een latere einddatum.")
        return data

    def criteria(self) -> dict:
        data = self.cleaned_data
        persoon = data.get("persoon")
        return {
            "persoon_id": persoon if isinstance(persoon, int) else None,
            "persoon_uuid": persoon if isinstance(persoon, uuid.UUID) else None,
            "gebruiker": data.get("gebruiker") or "",
            "van": data.get("van"),
            "tot": data.get("tot"),
            "actie": data.get("actie") or "",
            "trace_id": data.get("trace") or "",
        }


class InzageForm(NldsFormulier, forms.Form):
    """Why the privacy officer makes an overview for an access request: it is logged with it."""

    reden = forms.CharField(
        label="Reden van dit overzicht",
        max_length=500,
        strip=True,
        help_text="Bijvoorbeeld: verzoek om inzage van de betrokkene, brief van 3 maart 2027.",
        error_messages={
            "required": "Schrijf op waarom u dit overzicht maakt, bijvoorbeeld: verzoek om inzage van de"
            " betrokkene van 3 maart. Dit komt in het verwerkingslog.",
            "max_length": "Gebruik hoogstens 500 tekens voor de reden.",
        },
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BsnZoekForm(NldsFormulier, forms.Form):
    """BSN search: POST only, and the BSN is turned into the internal number at once."""

    bsn = forms.CharField(
        label="BSN",
        max_length=9,
        min_length=9,
        error_messages={
            "required": "Vul het BSN in.",
            "min_length": "Een BSN heeft 9 cijfers.",
            "max_length": "Een BSN heeft 9 cijfers.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self):
        waarde = self.cleaned_data["bsn"].strip()
        if not stdnum_bsn.is_valid(waarde):
            raise forms.ValidationError(
                "Dit is geen geldig BSN. Een BSN heeft 9 cijfers en doorstaat de elfproef."
            )
        return waarde
