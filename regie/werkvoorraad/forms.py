from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from regie.formulieren import NldsFormulier
from regie.inburgeraars.selectors import gemeenten_voor
from regie.organisaties.models import Kern
from regie.werkvoorraad import signalen
from regie.werkvoorraad.selectors import ZONDER_CONSULENT, medewerkers, sorteerkeuzes, statuskeuzes


class Select(forms.Select):
    """Django's select with its HTML written here instead of by the form renderer, which renders
    a template per option: the team view's six filters (~80 options) cost ~10 ms CPU per request
    that way (docs/prestaties-lijsten.md). Same markup; the class name keeps `widget_type`
    "select" for the field template."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        delen = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for groep, opties, _ in widget["optgroups"]:
            regels = format_html_join(
                "\n",
                '<option value="{}"{}>{}</option>',
                ((optie["value"], flatatt(optie["attrs"]), optie["label"]) for optie in opties),
            )
            delen.append(
                format_html('<optgroup label="{}">{}</optgroup>', groep, regels) if groep else regels
            )
        delen.append(mark_safe("</select>"))
        return mark_safe("\n".join(delen))


def _keuze(label: str, wat: str) -> forms.ChoiceField:
    """An optional filter chosen from a list (the choices are set per user in __init__)."""
    return forms.ChoiceField(
        label=label,
        required=False,
        widget=Select,
        error_messages={"invalid_choice": f"Kies {wat} uit de lijst."},
    )


class FilterForm(NldsFormulier, forms.Form):
    """Filters and order of a worklist. Sent with GET: the filter is part of the address (with the
    page number `pagina`, which is not a field: a new filter starts at the first page)."""

    TEAM = False

    signaal = _keuze("Signaal", "een signaal")
    status = _keuze("Status", "een status")
    gemeente = _keuze("Gemeente", "een gemeente")
    kern = _keuze("Kern", "een kern")
    sorteer = _keuze("Volgorde", "een volgorde")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signaal"].choices = [
            ("", "Alle dossiers"),
            *[(str(code), code.label) for code in signalen.Code],
        ]
        self.fields["status"].choices = [("", "Alle actieve statussen"), *statuskeuzes()]
        gemeenten = list(gemeenten_voor(user).order_by("naam"))
        self.fields["gemeente"].choices = [("", "Alle gemeenten"), *[(str(g.pk), g.naam) for g in gemeenten]]
        kernen: dict[str, list] = {}
        for kern in Kern.objects.filter(gemeente__in=[g.pk for g in gemeenten]).select_related("gemeente"):
            kernen.setdefault(kern.gemeente.naam, []).append((str(kern.pk), kern.naam))
        self.fields["kern"].choices = [("", "Alle kernen"), *sorted(kernen.items())]
        self.fields["sorteer"].choices = sorteerkeuzes(team=self.TEAM)
        # The signal filter comes first, the order last (after the fields a subclass adds).
        self.order_fields(["signaal", "status", "consulent", "gemeente", "kern", "sorteer"])

    def waarden(self) -> dict[str, str]:
        """The valid filter values; a wrong value filters nothing (its message shows)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {naam: self.cleaned_data.get(naam) or "" for naam in self.fields if naam not in self.errors}

    def gefilterd(self) -> bool:
        return any(waarde for naam, waarde in self.waarden().items() if naam != "sorteer")


class TeamFilterForm(FilterForm):
    TEAM = True

    consulent = _keuze("Consulent", "een consulent")

    def __init__(self, *args, user, collega=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        collega = list(medewerkers(user)) if collega is None else collega
        self.fields["consulent"].choices = [
            ("", "Iedereen"),
            (ZONDER_CONSULENT, "Nog niet toegewezen"),
            *[(str(m.pk), str(m)) for m in collega],
        ]
        self.order_fields(["signaal", "status", "consulent", "gemeente", "kern", "sorteer"])


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
