"""The case tab "DUO": what Regie sent to DUO (status, DUO's reason, attempts, "Opnieuw versturen"),
what DUO sent (notices, regie.duo.inkomend), and the actions "Contactpersoon doorgeven" and "Uren
doorgeven". Views are thin: the case comes from `inburgeraar_voor`, messages from regie.duo.uitgaand.berichten."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.duo.inkomend.selectors import notificaties_van
from regie.duo.schermen.forms import ContactpersoonForm, UrenForm
from regie.duo.uitgaand import berichten
from regie.duo.uitgaand.models import DuoContactpersoon
from regie.duo.uitgaand.selectors import bericht_van, berichten_van
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.verwerkingslog.log import logt_lezen
from regie.voortgang.selectors import uren_voor_duo

WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN


def _contactpersoon_form(inburgeraar, gebruiker) -> ContactpersoonForm:
    """Filled in with the case's consultant, or what was given for them before."""
    persoon = inburgeraar.consulent or gebruiker
    eerder = DuoContactpersoon.objects.filter(gemeente=inburgeraar.gemeente, gebruiker=persoon).first()
    if eerder is not None:
        initial = {"naam": eerder.naam, "email": eerder.email, "telefoonnummer": eerder.telefoonnummer}
    else:
        initial = {"naam": persoon.get_full_name() or persoon.get_username(), "email": persoon.email}
    return ContactpersoonForm(initial=initial)


def _pagina(request, inburgeraar, *, contactpersoon_form=None, uren_form=None, status=200):
    return render(
        request,
        "duo/dossier.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "duo",
            "berichten": list(berichten_van(inburgeraar)),
            "notificaties": list(notificaties_van(inburgeraar)[:100]),
            "mag_wijzigen": mag(request.user, WIJZIGEN, inburgeraar),
            "contactpersoon_form": contactpersoon_form or _contactpersoon_form(inburgeraar, request.user),
            "uren_form": uren_form or UrenForm(),
            "uren": uren_voor_duo(inburgeraar),
        },
        status=status,
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("duo")
def dossier(request, uuid):
    return _pagina(request, inburgeraar_voor(request.user, uuid))


@vereist_recht(WIJZIGEN)
@require_POST
def opnieuw(request, uuid, bericht):
    """A button without fields; the answer is a redirect to the tab (no personal data itself)."""
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    gevonden = bericht_van(inburgeraar, bericht)
    if not gevonden.kan_opnieuw:
        messages.info(request, "Dit bericht is al verzonden of staat al in de wachtrij.")
        return redirect("duo:dossier", uuid=inburgeraar.uuid)
    gevonden = berichten.opnieuw_versturen(bericht=gevonden, door=request.user)
    if gevonden.kan_opnieuw:
        messages.error(
            request,
            "Dit bericht voldoet niet aan de specificatie van DUO en is niet opnieuw verstuurd: "
            + "; ".join(gevonden.fouten),
        )
    else:
        messages.success(
            request, f"Het bericht '{gevonden.get_soort_display()}' staat weer in de wachtrij voor DUO."
        )
    return redirect("duo:dossier", uuid=inburgeraar.uuid)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("duo")
def contactpersoon(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = ContactpersoonForm(request.POST)
    if form.is_valid():
        bericht = berichten.meld_contactpersoon(inburgeraar, door=request.user, **form.cleaned_data)
        if bericht.kan_opnieuw:  # refused by the spec check: say why, next to the fields
            for fout in bericht.fouten:
                veld, _, tekst = fout.partition(": ")
                form.add_error(veld if veld in form.fields else None, tekst or fout)
            form.add_error(None, "De contactpersoon is niet doorgegeven aan DUO.")
        else:
            messages.success(request, "De contactpersoon wordt doorgegeven aan DUO.")
            return redirect("duo:dossier", uuid=inburgeraar.uuid)
    return _pagina(request, inburgeraar, contactpersoon_form=form)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("duo")
def uren(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = UrenForm(request.POST)
    if form.is_valid():
        verstuurd = berichten.meld_gevolgde_uren(
            inburgeraar,
            uren_voor_duo(inburgeraar),
            door=request.user,
            uren_brede_intake=form.cleaned_data["uren_brede_intake"],
        )
        if verstuurd:
            messages.success(request, f"{len(verstuurd)} bericht(en) met uren staan in de wachtrij voor DUO.")
        else:
            messages.info(request, "DUO heeft deze uren al; er is niets nieuw te versturen.")
        return redirect("duo:dossier", uuid=inburgeraar.uuid)
    return _pagina(request, inburgeraar, uren_form=form)
