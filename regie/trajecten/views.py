"""Pages of the trajectory: the case tab "Traject" (referrals, refer, withdraw), the team
lead's page on capacity and waiting lists, and the overview of contracts.

Every case is looked up through `inburgeraar_voor`; the services decide what may change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from regie import klok
from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.pip.services import huidig_pip
from regie.trajecten import selectors, services
from regie.trajecten.forms import AfsluitenForm, IntrekkenForm, StartenForm, VerwijzenForm
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.verwerkingslog.log import betreft, logt_lezen

# Per step on the case tab: the form, the statuses it applies to, the title and the button.
STAPPEN = {
    "starten": (StartenForm, (VerwijzingStatus.GEACCEPTEERD,), "Start vastleggen", "Start vastleggen"),
    "afsluiten": (AfsluitenForm, (VerwijzingStatus.GESTART,), "Traject afsluiten", "Afsluiten"),
    "intrekken": (IntrekkenForm, services.VAN["intrekken"], "Verwijzing intrekken", "Intrekken"),
}


def _traject(request, inburgeraar, *, verwijzen_form=None, stap_form=None, stap_uuid=None, status=200):
    pip = huidig_pip(inburgeraar)
    onderdelen = services.onderdelen_in_pip(pip)
    verwijzingen = list(selectors.verwijzingen_van(inburgeraar))
    mag_wijzigen = mag(request.user, Recht.DOSSIERS_WIJZIGEN_EIGEN, inburgeraar)
    contracten = selectors.te_kiezen_contracten(inburgeraar, onderdelen) if mag_wijzigen and pip else []
    if verwijzen_form is None and mag_wijzigen and pip:
        verwijzen_form = VerwijzenForm(initial={"versie": inburgeraar.versie}, contracten=contracten)
    lopend = {v.onderdeel for v in verwijzingen if v.is_open}
    vandaag = klok.vandaag()
    for verwijzing in verwijzingen:
        verwijzing.dagen_gewacht = verwijzing.wachttijd_tot(vandaag)
        verwijzing.acties = []
        if not mag_wijzigen:
            continue
        for soort, (formulier, statussen, titel, knop) in STAPPEN.items():
            if verwijzing.status not in statussen:
                continue
            if stap_form is not None and stap_form.soort == soort and verwijzing.uuid == stap_uuid:
                form = stap_form
            else:
                form = formulier(initial={"versie": inburgeraar.versie}, verwijzing=verwijzing)
            verwijzing.acties.append({"soort": soort, "form": form, "knop": knop, "titel": titel})
    return render(
        request,
        "trajecten/traject.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "traject",
            "pip": pip,
            "onderdelen": [
                {"waarde": o, "label": Verwijzing(onderdeel=o).get_onderdeel_display(), "lopend": o in lopend}
                for o in sorted(onderdelen)
            ],
            "verwijzingen": verwijzingen,
            "mag_wijzigen": mag_wijzigen,
            "form": verwijzen_form,
            "heeft_contracten": bool(contracten),
        },
        status=status,
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("traject")
def traject(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    return _traject(request, inburgeraar)


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_POST
@logt_lezen("traject")
def verwijzen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    onderdelen = services.onderdelen_in_pip(huidig_pip(inburgeraar))
    form = VerwijzenForm(request.POST, contracten=selectors.te_kiezen_contracten(inburgeraar, onderdelen))
    if form.is_valid():
        try:
            verwijzing = services.verwijzen(
                inburgeraar=inburgeraar, door=request.user, **form.service_argumenten()
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        except GelijktijdigGewijzigd as fout:
            form.add_error(None, str(fout))
        else:
            tekst = f"De verwijzing naar {verwijzing.aanbieder} is verzonden."
            if verwijzing.op_wachtlijst:
                tekst += " Het contract is vol: de inburgeraar staat op de wachtlijst."
            messages.success(request, tekst)
            return redirect("trajecten:traject", uuid=inburgeraar.uuid)
    inburgeraar.refresh_from_db()
    return _traject(request, inburgeraar, verwijzen_form=form)


def _stap(request, uuid, verwijzing, soort):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    gekozen = selectors.verwijzing_van(inburgeraar, verwijzing)
    form = STAPPEN[soort][0](request.POST, verwijzing=gekozen)
    if form.is_valid():
        gegevens = form.cleaned_data
        try:
            if soort == "intrekken":
                services.intrekken(
                    verwijzing=gekozen, reden=gegevens["reden"], versie=gegevens["versie"], door=request.user
                )
                tekst = f"De verwijzing naar {gekozen.aanbieder} is ingetrokken."
            elif soort == "starten":
                services.starten(verwijzing=gekozen, startdatum=gegevens["startdatum"], door=request.user)
                tekst = f"De start bij {gekozen.aanbieder} is vastgelegd."
            else:
                services.afsluiten(
                    verwijzing=gekozen,
                    einddatum=gegevens["einddatum"],
                    uitkomst=gegevens["uitkomst"],
                    toelichting=gegevens["toelichting"],
                    door=request.user,
                )
                tekst = f"Het traject bij {gekozen.aanbieder} is afgesloten."
        except ValidationError as fout:
            form.fouten_van_service(fout)
        except GelijktijdigGewijzigd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, tekst)
            return redirect("trajecten:traject", uuid=inburgeraar.uuid)
    inburgeraar.refresh_from_db()
    return _traject(request, inburgeraar, stap_form=form, stap_uuid=gekozen.uuid)


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_POST
@logt_lezen("traject")
def intrekken(request, uuid, verwijzing):
    return _stap(request, uuid, verwijzing, "intrekken")


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_POST
@logt_lezen("traject")
def starten(request, uuid, verwijzing):
    """The municipality records the start (e.g. for a provider without an account in Regie)."""
    return _stap(request, uuid, verwijzing, "starten")


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_POST
@logt_lezen("traject")
def afsluiten(request, uuid, verwijzing):
    return _stap(request, uuid, verwijzing, "afsluiten")


@vereist_recht(Recht.TEAMCIJFERS)
@require_GET
@logt_lezen("traject")
def capaciteit(request):
    cijfers = selectors.capaciteit_voor(request.user)
    per_aanbieder: dict = {}
    for regel in cijfers:
        per_aanbieder.setdefault(regel.contract.aanbieder, []).append(regel)
    niet_beantwoord = list(selectors.niet_beantwoord_voor(request.user))
    betreft(request, [v.inburgeraar for v in niet_beantwoord])
    return render(
        request,
        "trajecten/capaciteit.html",
        {
            "per_aanbieder": per_aanbieder,
            "niet_beantwoord": niet_beantwoord,
            "vandaag": klok.vandaag(),
            "status": VerwijzingStatus,
        },
    )


@vereist_recht(Recht.BELEIDSCIJFERS)
@require_GET
def contracten(request):
    per_aanbieder: dict = {}
    for contract in selectors.met_bezetting(selectors.contracten_voor(request.user)):
        per_aanbieder.setdefault(contract.aanbieder, []).append(contract)
    return render(
        request,
        "trajecten/contracten.html",
        {"per_aanbieder": per_aanbieder, "vandaag": klok.vandaag()},
    )
