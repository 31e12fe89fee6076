"""Forms of the log-in steps, the password page and the token page (NL Design System classes)."""

import re

from django import forms
from django.contrib.auth.forms import PasswordChangeForm

from regie.accounts import tweestaps

TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"
CODE = re.compile(r"^\d{6}$")


class CodeForm(forms.Form):
    """The 6-digit code from the authenticator app, checked against the user's own devices."""

    code = forms.CharField(
        label="Code uit uw app",
        help_text="6 cijfers, bijvoorbeeld 123456. De code verandert elke 30 seconden.",
        max_length=12,
        error_messages={"required": "Vul de code van 6 cijfers uit uw authenticator-app in."},
        widget=forms.TextInput(
            attrs={
                "class": TEKSTVAK + " regie-code",
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, user, apparaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.apparaten = list(apparaten)
        self.apparaat = None

    def clean_code(self):
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not CODE.match(code):
            raise forms.ValidationError("Een code heeft precies 6 cijfers. Vul alleen de cijfers in.")
        wachten = tweestaps.wachttijd(self.apparaten)
        if wachten:
            raise forms.ValidationError(
                f"U heeft te vaak een verkeerde code ingevuld. Wacht {wachten} seconden en probeer het dan opnieuw."
            )
        self.apparaat = tweestaps.controleer_code(self.user, code, apparaten=self.apparaten)
        if self.apparaat is None:
            raise forms.ValidationError(
                "Deze code klopt niet. Vul de code in die u nu in uw app ziet. Let op: de code verandert elke"
                " 30 seconden."
            )
        return code


class WachtwoordWijzigenForm(PasswordChangeForm):
    error_messages = {
        "password_mismatch": "De twee nieuwe wachtwoorden zijn niet hetzelfde. Typ het nieuwe wachtwoord twee keer.",
        "password_incorrect": "Uw huidige wachtwoord klopt niet. Probeer het opnieuw.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Huidig wachtwoord"
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password1"].help_text = ""  # the rules are listed once, above the form
        self.fields["new_password2"].label = "Nieuw wachtwoord nog een keer"
        self.fields["new_password2"].help_text = "Typ hetzelfde nieuwe wachtwoord nog een keer."
        for veld in self.fields.values():
            veld.widget.attrs["class"] = TEKSTVAK
            veld.error_messages["required"] = f"Vul het veld '{veld.label}' in."
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


class NieuwTokenForm(forms.Form):
    naam = forms.CharField(
        label="Naam van het token",
        help_text="Waar gebruikt u het token voor? Bijvoorbeeld: koppeling met het leerlingvolgsysteem.",
        max_length=100,
        error_messages={
            "required": "Geef het token een naam, dan weet u later waar het voor is.",
            "max_length": "Gebruik hoogstens 100 tekens voor de naam.",
        },
        widget=forms.TextInput(attrs={"class": TEKSTVAK, "autocomplete": "off"}),
    )
