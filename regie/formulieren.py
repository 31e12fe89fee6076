"""The one form kit of Regie's pages (NL Design System, Utrecht).

`NldsFormulier` gives every widget the Utrecht class for its kind and every field the shared
field template (label, description, error and input, with the error and description linked to
the input by aria-describedby). `fouten_van_service` puts a service's ValidationError next to
its fields: the rules live in the services, the forms only show what they say.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

# Django's default form renderer looks in the apps' template folders, not in regie/templates:
# the field template lives in the intake app, which had it first.
VELD_TEMPLATE = "intake/_veld.html"

# Checked in this order: CheckboxSelectMultiple is a subclass of RadioSelect.
WIDGET_KLASSEN = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-form-field__input utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-form-field__input utrecht-radio-button utrecht-radio-button--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class DatumInvoer(forms.DateInput):
    """The browser's date picker; ISO dates, no autocomplete of earlier entries."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})}, format="%Y-%m-%d")


class DatumTijdInvoer(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def _klasse(widget: forms.Widget) -> str:
    klasse = next((k for soort, k in WIDGET_KLASSEN.items() if isinstance(widget, soort)), TEXTBOX)
    if isinstance(widget, forms.NumberInput):
        klasse += " utrecht-textbox--numeric"
    return klasse


class NldsFormulier:
    """Mixin for forms: Utrecht classes on each widget and the shared field template."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.template_name = VELD_TEMPLATE
            widget = veld.widget
            if widget.is_hidden:
                continue
            widget.attrs["class"] = " ".join(filter(None, [widget.attrs.get("class"), _klasse(widget)]))

    def fouten_van_service(self, fout: ValidationError, veldnamen: dict[str, str] | None = None) -> None:
        """Put each message of a service's ValidationError next to its field (`veldnamen` maps a
        service's name to the form's where they differ); messages for other keys (also
        `__all__`) go above the form."""
        veldnamen = veldnamen or {}
        meldingen = fout.message_dict if hasattr(fout, "error_dict") else {NON_FIELD_ERRORS: fout.messages}
        for veld, teksten in meldingen.items():
            veld = veldnamen.get(veld, veld)
            self.add_error(veld if veld in self.fields else None, teksten)

    @property
    def veldfouten(self) -> list:
        """(bound field, message) for each error of a visible field, for the summary above the form."""
        return [(veld, fout) for veld in self.visible_fields() for fout in veld.errors]


class VersieVeld(forms.IntegerField):
    """The hidden `versie` of the case when the form was shown (optimistic locking)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(
            min_value=1,
            error_messages={
                "required": "Het formulier mist gegevens. Open de pagina opnieuw.",
                "invalid": "Het formulier mist gegevens. Open de pagina opnieuw.",
            },
            **kwargs,
        )
