"""Forms for registering, changing and finding newcomers.

Forms only read and check the input's shape (types, choices, the user's own
organisation); the services check the rest and their messages are put next to the
right field with `fouten_van_service` (regie.formulieren).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from stdnum.nl import bsn as stdnum_bsn

from regie.formulieren import DatumInvoer, NldsFormulier
from regie.inburgeraars.models import Inburgeraar, valideer_bsn
from regie.inburgeraars.selectors import gemeenten_voor, inburgeraars_voor, zoek_inburgeraars
from regie.inburgeraars.services import REGISTRATIE_VELDEN, kind_fouten, postcode_opschonen
from regie.inburgeraars.status import (
    EINDSTATUSSEN,
    REDENEN_PER_EINDSTATUS,
    EindeReden,
    Status,
    controleer_overgang,
    toegestane_overgangen,
)
from regie.organisaties.models import Kern

PARTNER_MAX_RESULTATEN = 25
MAX_KINDEREN = 20


def _bsn_opschonen(waarde: str) -> str:
    waarde = stdnum_bsn.compact(waarde or "")
    valideer_bsn(waarde)
    return waarde


class InburgeraarForm(NldsFormulier, forms.ModelForm):
    """All case data a consultant enters when registering or changing a newcomer."""

    GROEPEN = [
        ("Persoon", ["bsn", "voornamen", "tussenvoegsel", "geslachtsnaam", "geboortedatum", "geslacht"]),
        ("Herkomst en taal", ["geboorteland", "nationaliteit", "talen", "tolk_nodig"]),
        ("Gemeente en doelgroep", ["gemeente", "kern", "doelgroep"]),
        ("Adres en contact", ["straat", "huisnummer", "postcode", "woonplaats", "telefoon", "email"]),
        (
            "Datums",
            ["datum_melding_duo", "datum_koppeling_coa", "datum_inschrijving_brp", "datum_huisvesting"],
        ),
        ("Verhuisd uit een andere gemeente", ["dagtekening_eerste_pip_elders", "leerroute_vorige_gemeente"]),
    ]

    bsn = forms.CharField(
        label="BSN",
        max_length=20,
        help_text="Het burgerservicenummer: 9 cijfers.",
        error_messages={"required": "Vul het BSN in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    partner_zoekterm = forms.CharField(
        label="Partner zoeken op naam",
        required=False,
        max_length=200,
        help_text="Typ (een deel van) de naam. Kies daarna de partner uit de lijst.",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    class Meta:
        model = Inburgeraar
        fields = [*REGISTRATIE_VELDEN, "partner"]
        labels = {
            "voornamen": "Voornamen",
            "tussenvoegsel": "Tussenvoegsel",
            "geslachtsnaam": "Achternaam",
            "geboortedatum": "Geboortedatum",
            "geslacht": "Geslacht",
            "geboorteland": "Geboorteland",
            "nationaliteit": "Nationaliteit",
            "talen": "Talen die de inburgeraar spreekt",
            "tolk_nodig": "Een tolk is nodig bij gesprekken",
            "doelgroep": "Doelgroep",
            "gemeente": "Gemeente",
            "kern": "Kern (dorp of wijk)",
            "straat": "Straat",
            "huisnummer": "Huisnummer",
            "postcode": "Postcode",
            "woonplaats": "Woonplaats",
            "telefoon": "Telefoonnummer",
            "email": "E-mailadres",
            "partner": "Partner",
            "datum_melding_duo": "Datum melding DUO",
            "datum_koppeling_coa": "Datum koppeling COA",
            "datum_inschrijving_brp": "Datum inschrijving BRP",
            "datum_huisvesting": "Datum huisvesting",
            "dagtekening_eerste_pip_elders": "Dagtekening eerste PIP van de vorige gemeente",
            "leerroute_vorige_gemeente": "Leerroute in de vorige gemeente",
        }
        help_texts = {
            "talen": "Bijvoorbeeld: Arabisch, Engels. Zet een komma tussen de talen.",
            "kern": "Kies een kern van de gekozen gemeente.",
            "datum_melding_duo": "De dag waarop DUO meldde dat deze persoon inburgeringsplichtig is.",
            "datum_koppeling_coa": "Alleen voor asielstatushouders.",
            "datum_inschrijving_brp": "De dag van inschrijving in de BRP van uw gemeente.",
            "dagtekening_eerste_pip_elders": (
                "Alleen invullen als de inburgeraar uit een andere gemeente komt en daar al een PIP had."
                " De inburgeringstermijn loopt dan door vanaf dat eerste PIP."
            ),
            "leerroute_vorige_gemeente": "De leerroute blijft na een verhuizing hetzelfde.",
        }
        error_messages = {
            "voornamen": {"required": "Vul de voornamen in."},
            "geslachtsnaam": {"required": "Vul de achternaam in."},
            "geboortedatum": {"required": "Vul de geboortedatum in."},
            "doelgroep": {"required": "Kies de doelgroep."},
            "gemeente": {
                "required": "Kies de gemeente.",
                "invalid_choice": "Kies een gemeente uit de lijst.",
            },
            "kern": {"invalid_choice": "Kies een kern uit de lijst."},
            "email": {"invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."},
            "partner": {"invalid_choice": "Kies de partner uit de lijst. Zoek eerst op naam."},
        }
        widgets = {
            "geboortedatum": DatumInvoer(),
            "datum_melding_duo": DatumInvoer(),
            "datum_koppeling_coa": DatumInvoer(),
            "datum_inschrijving_brp": DatumInvoer(),
            "datum_huisvesting": DatumInvoer(),
            "dagtekening_eerste_pip_elders": DatumInvoer(),
            "voornamen": forms.TextInput(attrs={"autocomplete": "off"}),
            "tussenvoegsel": forms.TextInput(attrs={"autocomplete": "off"}),
            "geslachtsnaam": forms.TextInput(attrs={"autocomplete": "off"}),
            "straat": forms.TextInput(attrs={"autocomplete": "off"}),
            "huisnummer": forms.TextInput(attrs={"autocomplete": "off"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "off"}),
            "woonplaats": forms.TextInput(attrs={"autocomplete": "off"}),
            "telefoon": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, user, dossier: Inburgeraar | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.dossier = dossier
        gemeenten = gemeenten_voor(user)
        self.fields["gemeente"].queryset = gemeenten
        self.fields["gemeente"].empty_label = "Kies een gemeente"
        if dossier is None and len(gemeenten) == 1 and not self.is_bound:
            self.initial.setdefault("gemeente", gemeenten[0].pk)
        kernen = Kern.objects.filter(gemeente__in=gemeenten).select_related("gemeente")
        self.fields["kern"].queryset = kernen
        groepen: dict[str, list] = {}
        for kern in kernen:
            groepen.setdefault(kern.gemeente.naam, []).append((kern.pk, kern.naam))
        self.fields["kern"].widget.choices = [("", "Geen kern gekozen"), *groepen.items()]

        partners = inburgeraars_voor(user)
        if dossier is not None:
            partners = partners.exclude(pk=dossier.pk)
        self.fields["partner"].queryset = partners
        self.fields["partner"].widget.choices = self.partnerkeuzes()
        opties = reverse("inburgeraars:partner_opties")
        if dossier is not None:
            opties += f"?voor={dossier.uuid}"
        # With htmx the list fills while typing; without it, the 'Zoek partner' button does it.
        self.fields["partner_zoekterm"].widget.attrs.update(
            {
                "hx-post": opties,
                "hx-trigger": "input changed delay:400ms, search",
                "hx-target": "#id_partner",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        )

        for naam in ("doelgroep", "geslacht", "leerroute_vorige_gemeente"):
            keuzes = list(self.fields[naam].choices)
            if keuzes and keuzes[0][0] == "":
                keuzes[0] = ("", "Kies…" if self.fields[naam].required else "Niet van toepassing")
            self.fields[naam].choices = keuzes

    # Partner: the list shows only the search results and the partner already chosen,
    # so it stays short in an organisation with thousands of cases.
    def partnerkeuzes(self) -> list[tuple]:
        zoekterm = (self["partner_zoekterm"].value() or "").strip()
        gekozen = self["partner"].value()
        kandidaten = []
        if zoekterm:
            gevonden = zoek_inburgeraars(self.user, tekst=zoekterm).select_related("gemeente")
            if self.dossier is not None:
                gevonden = gevonden.exclude(pk=self.dossier.pk)
            kandidaten = list(gevonden[:PARTNER_MAX_RESULTATEN])
        if gekozen and str(gekozen).isdigit() and all(str(k.pk) != str(gekozen) for k in kandidaten):
            huidige = self.fields["partner"].queryset.select_related("gemeente").filter(pk=gekozen).first()
            if huidige is not None:
                kandidaten.insert(0, huidige)
        self.aantal_partnerkandidaten = len(kandidaten)
        return [("", "Geen partner"), *[(k.pk, partnernaam(k)) for k in kandidaten]]

    def validate_unique(self):
        # The service checks the BSN is unique and says so in plain Dutch.
        pass

    def clean_bsn(self):
        return _bsn_opschonen(self.cleaned_data["bsn"])

    def clean_postcode(self):
        # The service's rule, here too so that its message shows with the form's other messages.
        return postcode_opschonen(self.cleaned_data.get("postcode", ""))

    def gegevens(self) -> dict:
        """What the services take: every model field of the form."""
        return {naam: self.cleaned_data[naam] for naam in self.Meta.fields}

    def groepen(self):
        return [(titel, [self[naam] for naam in namen]) for titel, namen in self.GROEPEN]


def partnernaam(inburgeraar: Inburgeraar) -> str:
    return f"{inburgeraar.naam}, geboren {inburgeraar.geboortedatum:%d-%m-%Y} ({inburgeraar.gemeente.naam})"


def herhaal_invoer(form_class, data, **kwargs):
    """An unbound form showing what the user typed, without error messages: for buttons
    that only change the form (search a partner, add a child) and do not save."""
    initial = data.dict()
    for naam, veld in form_class.base_fields.items():
        if isinstance(veld, forms.BooleanField):
            initial[naam] = bool(data.get(naam))
    return form_class(initial=initial, **kwargs)


class KindForm(NldsFormulier, forms.Form):
    voornaam = forms.CharField(label="Voornaam", required=False, max_length=200)
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DatumInvoer())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nummer = (self.prefix or "").rsplit("-", 1)[-1]
        if nummer.isdigit():
            self.nummer = int(nummer) + 1
            self.fields["voornaam"].label = f"Voornaam kind {self.nummer}"
            self.fields["geboortedatum"].label = f"Geboortedatum kind {self.nummer}"

    def clean(self):
        data = super().clean()
        if "geboortedatum" in self.errors:
            return data
        # The service's rule (inburgeraar_registreren checks every child the same way).
        for veld, meldingen in kind_fouten(
            voornaam=data.get("voornaam", ""), geboortedatum=data.get("geboortedatum")
        ).items():
            for melding in meldingen:
                self.add_error(veld, melding)
        return data

    def kind(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("voornaam", "").strip() and not data.get("geboortedatum"):
            return None
        return {"voornaam": data["voornaam"].strip(), "geboortedatum": data["geboortedatum"]}


def kinderen_formset(data=None, *, extra: int = 2, initial=None):
    klasse = forms.formset_factory(
        KindForm, extra=extra, max_num=MAX_KINDEREN, validate_max=True, absolute_max=MAX_KINDEREN
    )
    return klasse(data, initial=initial, prefix="kinderen")


def kinderen_uit_invoer(data, *, erbij: int = 0):
    """Rebuild the children's rows from a POST without checking them (see `herhaal_invoer`)."""
    try:
        totaal = min(int(data.get("kinderen-TOTAL_FORMS", 0)), MAX_KINDEREN)
    except ValueError:
        totaal = 0
    rijen = []
    for i in range(totaal):
        rij = {
            "voornaam": data.get(f"kinderen-{i}-voornaam", ""),
            "geboortedatum": data.get(f"kinderen-{i}-geboortedatum", ""),
        }
        if rij["voornaam"] or rij["geboortedatum"]:
            rijen.append(rij)
    extra = max(0, min(1 + erbij, MAX_KINDEREN - len(rijen)))
    return kinderen_formset(initial=rijen, extra=extra)


class StatusForm(NldsFormulier, forms.Form):
    naar = forms.ChoiceField(
        label="Nieuwe status",
        error_messages={
            "required": "Kies de nieuwe status.",
            "invalid_choice": "Deze status kunt u vanuit de huidige status niet kiezen.",
        },
    )
    reden = forms.ChoiceField(
        label="Reden",
        required=False,
        help_text="Alleen nodig bij Afgerond en Beëindigd.",
        error_messages={"invalid_choice": "Kies een reden uit de lijst."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Schrijf kort op waarom de status verandert. Dit komt op de tijdlijn.",
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, inburgeraar: Inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.huidig = inburgeraar.status_enum
        self.initial.setdefault("versie", inburgeraar.versie)
        volgorde = list(Status)
        mogelijk = sorted(toegestane_overgangen(self.huidig), key=volgorde.index)
        self.fields["naar"].choices = [("", "Kies…"), *[(str(s), s.label) for s in mogelijk]]
        groepen = [
            (
                f"Bij {s.label}",
                [(str(r), r.label) for r in sorted(REDENEN_PER_EINDSTATUS[s], key=list(EindeReden).index)],
            )
            for s in mogelijk
            if REDENEN_PER_EINDSTATUS.get(s)
        ]
        self.fields["reden"].choices = [("", "Geen reden"), *groepen]
        self.kan_wijzigen = bool(mogelijk)

    def clean(self):
        data = super().clean()
        naar, reden = data.get("naar"), data.get("reden") or None
        if not naar or "reden" in self.errors:
            return data
        probleem = controleer_overgang(self.huidig, Status(naar), EindeReden(reden) if reden else None)
        if probleem:
            # Which field is wrong: the change itself, or the reason that goes with it.
            veld = "reden" if Status(naar) in toegestane_overgangen(self.huidig) else "naar"
            self.add_error(veld, probleem)
        return data

    def service_argumenten(self) -> dict:
        reden = self.cleaned_data.get("reden")
        return {
            "naar": Status(self.cleaned_data["naar"]),
            "reden": EindeReden(reden) if reden else None,
            "toelichting": self.cleaned_data.get("toelichting", "").strip(),
            "versie": self.cleaned_data["versie"],
        }

    @property
    def eindstatus_mogelijk(self) -> bool:
        return bool(EINDSTATUSSEN & toegestane_overgangen(self.huidig))


class WijzigForm(InburgeraarForm):
    """The same fields as registering, plus the versie the form showed."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, dossier: Inburgeraar, **kwargs):
        super().__init__(*args, dossier=dossier, **kwargs)
        self.initial.setdefault("versie", dossier.versie)


class NaamZoekForm(NldsFormulier, forms.Form):
    naam = forms.CharField(
        label="Naam",
        required=False,
        max_length=200,
        help_text="Voornaam, achternaam of een deel daarvan.",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DatumInvoer())

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if re.fullmatch(r"[\d\s.-]{8,}", naam):
            self.data = self.data.copy()
            self.data["naam"] = ""  # do not show the number again on the page
            raise ValidationError(
                "Zoek niet op BSN in dit veld: een BSN komt dan in het internetadres te staan."
                " Gebruik het formulier 'Zoeken op BSN'."
            )
        return naam

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("naam") and not data.get("geboortedatum"):
            raise ValidationError("Vul een naam of een geboortedatum in.")
        return data


class BsnZoekForm(NldsFormulier, forms.Form):
    bsn = forms.CharField(
        label="BSN",
        max_length=20,
        help_text="9 cijfers.",
        error_messages={"required": "Vul het BSN in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self):
        return _bsn_opschonen(self.cleaned_data["bsn"])
