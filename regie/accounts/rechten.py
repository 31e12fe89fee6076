"""What each role may do: the one table of rights (need-to-know, AVG art. 5 and 32).

Pages ask for a right with the decorator `vereist_recht`, API views with the permission
`HeeftRecht`, and the case selectors with `mag(user, recht, inburgeraar)`. The table
`ROL_RECHTEN` is also the source of docs/rollen.md (`manage.py rollentabel`), so the
documentation cannot drift from what the code enforces.

A right ending in `_EIGEN` holds for the cases of which the user is the vaste consulent;
its wider counterpart in `RUIMER` (`_TEAM` or `_ALLE`) holds for every case the user can
see (all cases of the organisation, within `User.gemeenten` when set).
"""

from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from regie.accounts.models import Rol


class Recht(StrEnum):
    DOSSIERS_LEZEN_EIGEN = "dossiers_lezen_eigen"
    DOSSIERS_LEZEN_TEAM = "dossiers_lezen_team"
    DOSSIERS_REGISTREREN = "dossiers_registreren"
    DOSSIERS_WIJZIGEN_EIGEN = "dossiers_wijzigen_eigen"
    DOSSIERS_WIJZIGEN_ALLE = "dossiers_wijzigen_alle"
    CONSULENT_TOEWIJZEN = "consulent_toewijzen"
    BIJZONDERE_GEGEVENS_EIGEN = "bijzondere_gegevens_eigen"
    BIJZONDERE_GEGEVENS_ALLE = "bijzondere_gegevens_alle"
    TEAMCIJFERS = "teamcijfers"
    BELEIDSCIJFERS = "beleidscijfers"
    STREEFWAARDEN = "streefwaarden"
    RAADSRAPPORTAGE = "raadsrapportage"
    GELDZAKEN = "geldzaken"
    VERWIJZINGEN_EIGEN_AANBIEDER = "verwijzingen_eigen_aanbieder"
    BEHEER = "beheer"
    VERWERKINGSLOG_INZIEN = "verwerkingslog_inzien"
    DUO_MELDINGEN = "duo_meldingen"
    TAAKSTELLING = "taakstelling"
    ACHTERGRONDTAKEN = "achtergrondtaken"
    CBS_LEVEREN = "cbs_leveren"
    ONTZORGING_BETALEN = "ontzorging_betalen"
    BOETES_GOEDKEUREN = "boetes_goedkeuren"


# Short name (table header) and a plain Dutch description of every right.
NAMEN: dict[Recht, str] = {
    Recht.DOSSIERS_LEZEN_EIGEN: "Eigen dossiers lezen",
    Recht.DOSSIERS_LEZEN_TEAM: "Dossiers van het team lezen",
    Recht.DOSSIERS_REGISTREREN: "Inburgeraar registreren",
    Recht.DOSSIERS_WIJZIGEN_EIGEN: "Eigen dossiers wijzigen",
    Recht.DOSSIERS_WIJZIGEN_ALLE: "Alle dossiers wijzigen",
    Recht.CONSULENT_TOEWIJZEN: "Consulent toewijzen",
    Recht.BIJZONDERE_GEGEVENS_EIGEN: "Bijzondere gegevens van eigen dossiers zien",
    Recht.BIJZONDERE_GEGEVENS_ALLE: "Bijzondere gegevens van alle dossiers zien",
    Recht.TEAMCIJFERS: "Teamoverzicht en caseload",
    Recht.BELEIDSCIJFERS: "Beleidscijfers",
    Recht.STREEFWAARDEN: "Streefwaarden vastleggen",
    Recht.RAADSRAPPORTAGE: "Raadsrapportage schrijven",
    Recht.GELDZAKEN: "Geldzaken",
    Recht.VERWIJZINGEN_EIGEN_AANBIEDER: "Verwijzingen van de eigen aanbieder",
    Recht.BEHEER: "Beheer",
    Recht.VERWERKINGSLOG_INZIEN: "Verwerkingslog inzien",
    Recht.DUO_MELDINGEN: "DUO-meldingen behandelen",
    Recht.TAAKSTELLING: "Taakstelling huisvesting",
    Recht.ACHTERGRONDTAKEN: "Achtergrondtaken",
    Recht.CBS_LEVEREN: "Leveren aan het CBS",
    Recht.ONTZORGING_BETALEN: "Betaalruns ontzorging",
    Recht.BOETES_GOEDKEUREN: "Boetes goedkeuren",
}

BESCHRIJVINGEN: dict[Recht, str] = {
    Recht.DOSSIERS_LEZEN_EIGEN: (
        "De dossiers lezen waarvan u de vaste consulent bent: uw werkvoorraad, overzicht, brede intake,"
        " PIP, termijnen en tijdlijn."
    ),
    Recht.DOSSIERS_LEZEN_TEAM: (
        "Alle dossiers van uw organisatie lezen en zoeken. Is uw account beperkt tot een paar gemeenten,"
        " dan alleen de dossiers van die gemeenten."
    ),
    Recht.DOSSIERS_REGISTREREN: "Een nieuwe inburgeraar registreren in een gemeente van uw organisatie.",
    Recht.DOSSIERS_WIJZIGEN_EIGEN: (
        "De dossiers wijzigen waarvan u de vaste consulent bent: gegevens, status, brede intake,"
        " afspraken en PIP."
    ),
    Recht.DOSSIERS_WIJZIGEN_ALLE: "Alle dossiers wijzigen die u mag lezen, ook die van een collega.",
    Recht.CONSULENT_TOEWIJZEN: "Kiezen wie de vaste consulent van een dossier is.",
    Recht.BIJZONDERE_GEGEVENS_EIGEN: (
        "Bijzondere persoonsgegevens (gezondheid, AVG art. 9) zien in de dossiers waarvan u de vaste"
        " consulent bent. Wie dit recht niet heeft en het dossier wel mag lezen, geeft eerst een reden op;"
        " dat komt in het verwerkingslog."
    ),
    Recht.BIJZONDERE_GEGEVENS_ALLE: (
        "Bijzondere persoonsgegevens (gezondheid) zien in alle dossiers die u mag lezen, zonder een reden"
        " op te geven."
    ),
    Recht.TEAMCIJFERS: (
        "Het teamoverzicht: alle actieve dossiers van de organisatie met de caseload per medewerker."
    ),
    Recht.BELEIDSCIJFERS: (
        "Het dashboard met de prestatie-indicatoren per gemeente naast elkaar: instroom, doorlooptijden,"
        " leerroutes, aanwezigheid, examens, handhaving en de cohorten, met streefwaarde en landelijk cijfer."
        " Alleen aantallen: kleine aantallen (minder dan 5) ziet u als '<5', personen nooit. De raadsrapportages"
        " van uw gemeenten lezen en downloaden."
    ),
    Recht.STREEFWAARDEN: (
        "De streefwaarde (0 tot 100 %) per indicator, gemeente en jaar vastleggen, uit het beleidsplan."
    ),
    Recht.RAADSRAPPORTAGE: (
        "De rapportage aan de raad maken voor een gemeente en jaar (of halfjaar, voor de taakstelling):"
        " teksten als concept opslaan en de rapportage definitief maken. Een definitieve rapportage verandert"
        " niet meer."
    ),
    Recht.GELDZAKEN: (
        "Geldzaken van de eigen gemeenten: per jaar het budget vastleggen (de specifieke uitkering inburgering"
        " per onderdeel en de regiemiddelen), facturen van aanbieders registreren bij een verwijzing, en de"
        " verplichtingen, besteding, prognose tot het jaareinde en het SiSa-overzicht zien en downloaden. Van"
        " een verwijzing alleen de aanbieder, het onderdeel en het kenmerk: geen namen, BSN of dossiers."
    ),
    Recht.VERWIJZINGEN_EIGEN_AANBIEDER: (
        "Alleen de inburgeraars die naar de eigen aanbieder zijn verwezen, en alleen wat de aanbieder nodig"
        " heeft: naam, contact, leerroute, verwijzing en eigen rapportages. Het account hoort bij één"
        " aanbieder (in te stellen in Beheer). Verwijzingen accepteren of weigeren, de start en het einde"
        " melden. Geen dossiers van de gemeente."
    ),
    Recht.BEHEER: (
        "Gebruikers, gemeenten en instellingen beheren in de beheeromgeving (/beheer/), zonder de inhoud"
        " van dossiers. Niet de eigen rol en rechten, niet het account van een superuser en niet het"
        " systeemaccount van de DUO-koppeling. Elke wijziging van rechten, wachtwoord of authenticator-app"
        " komt in het verwerkingslog."
    ),
    Recht.VERWERKINGSLOG_INZIEN: (
        "Het verwerkingslog doorzoeken (wie zag of wijzigde wat) en een overzicht maken voor een"
        " inzageverzoek (AVG art. 15). Geen dossiers lezen of wijzigen."
    ),
    Recht.DUO_MELDINGEN: (
        "De meldingen van DUO voor uw gemeenten zien, ook die Regie niet vanzelf kon verwerken (geparkeerd),"
        " en ze afhandelen: opnieuw laten verwerken, aan een dossier koppelen of afhandelen met een notitie."
    ),
    Recht.TAAKSTELLING: (
        "De taakstelling huisvesting per gemeente en halfjaar vastleggen (het ministerie stelt die vast) en"
        " zien hoeveel statushouders gekoppeld en gehuisvest zijn. Alleen aantallen, geen personen."
    ),
    Recht.ACHTERGRONDTAKEN: (
        "De achtergrondtaken zien (wachtend, bezig, mislukt) en een mislukte taak opnieuw laten proberen."
        " Zonder persoonsgegevens."
    ),
    Recht.CBS_LEVEREN: (
        "Per kwartaal het bestand voor de Statistiek Wet inburgering van het CBS maken en downloaden, voor"
        " de eigen gemeenten: eerst de controle (wie mist welk verplicht gegeven, per consulent), dan het"
        " bestand; ook correcties van eerdere kwartalen en de geschiedenis van de leveringen. Het bestand"
        " bevat BSN's: elke levering en elke download komt in het verwerkingslog. Dit recht hoort bij de"
        " teamleider, die de dossiers al mag lezen en de consulenten vraagt wat ontbreekt aan te vullen;"
        " niet bij de beleidsmedewerker, die alleen cijfers zonder personen ziet, en niet bij de functioneel"
        " beheerder, die geen dossiers ziet."
    ),
    Recht.ONTZORGING_BETALEN: (
        "De maandelijkse betaalrun van de ontzorging (Participatiewet art. 56a) voor de eigen gemeenten: zien"
        " wat betaald wordt, de run voorbereiden, de run van een collega goedkeuren (nooit de eigen: vier ogen),"
        " het betaalbestand (SEPA) downloaden, de run als betaald melden en een teruggekomen betaling vastleggen."
        " Van een betaling de begunstigde, het IBAN, het bedrag en het kenmerk, en het dossiernummer van het"
        " huishouden: geen namen of BSN van inburgeraars. De betaalrekening van de gemeente vastleggen. Elke run"
        " en elk betaalbestand komt in het verwerkingslog."
    ),
    Recht.BOETES_GOEDKEUREN: (
        "Een besluit tot boete (Wet inburgering 2021) goedkeuren of terugsturen, voor de dossiers die u mag"
        " lezen: de lijst 'Boetes ter goedkeuring'. Nooit een besluit dat u zelf hebt voorbereid (vier ogen)."
        " Na goedkeuring kan de beschikking worden verstuurd."
    ),
}

# The wider right that includes each `_EIGEN` right for cases of colleagues.
RUIMER: dict[Recht, Recht] = {
    Recht.DOSSIERS_LEZEN_EIGEN: Recht.DOSSIERS_LEZEN_TEAM,
    Recht.DOSSIERS_WIJZIGEN_EIGEN: Recht.DOSSIERS_WIJZIGEN_ALLE,
    Recht.BIJZONDERE_GEGEVENS_EIGEN: Recht.BIJZONDERE_GEGEVENS_ALLE,
}

ROL_RECHTEN: dict[Rol, frozenset[Recht]] = {
    Rol.CONSULENT: frozenset(
        {
            Recht.DOSSIERS_LEZEN_EIGEN,
            Recht.DOSSIERS_LEZEN_TEAM,
            Recht.DOSSIERS_REGISTREREN,
            Recht.DOSSIERS_WIJZIGEN_EIGEN,
            Recht.BIJZONDERE_GEGEVENS_EIGEN,
            Recht.DUO_MELDINGEN,
        }
    ),
    Rol.TEAMLEIDER: frozenset(
        {
            Recht.DOSSIERS_LEZEN_EIGEN,
            Recht.DOSSIERS_LEZEN_TEAM,
            Recht.DOSSIERS_REGISTREREN,
            Recht.DOSSIERS_WIJZIGEN_EIGEN,
            Recht.DOSSIERS_WIJZIGEN_ALLE,
            Recht.CONSULENT_TOEWIJZEN,
            Recht.BIJZONDERE_GEGEVENS_EIGEN,
            Recht.BIJZONDERE_GEGEVENS_ALLE,
            Recht.TEAMCIJFERS,
            Recht.BELEIDSCIJFERS,
            Recht.DUO_MELDINGEN,
            Recht.TAAKSTELLING,
            Recht.CBS_LEVEREN,
            Recht.BOETES_GOEDKEUREN,
        }
    ),
    Rol.BELEIDSMEDEWERKER: frozenset({Recht.BELEIDSCIJFERS, Recht.STREEFWAARDEN, Recht.RAADSRAPPORTAGE}),
    Rol.FINANCIEEL_MEDEWERKER: frozenset({Recht.GELDZAKEN, Recht.ONTZORGING_BETALEN}),
    Rol.AANBIEDER: frozenset({Recht.VERWIJZINGEN_EIGEN_AANBIEDER}),
    Rol.FUNCTIONEEL_BEHEERDER: frozenset(
        {Recht.BEHEER, Recht.TAAKSTELLING, Recht.ACHTERGRONDTAKEN, Recht.STREEFWAARDEN}
    ),
    Rol.PRIVACY_OFFICER: frozenset({Recht.VERWERKINGSLOG_INZIEN}),
}


def rechten_van(user) -> frozenset[Recht]:
    """The rights of an active, logged-in user; nothing for anyone else."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return ROL_RECHTEN.get(user.rol, frozenset())


def heeft_recht(user, recht: Recht) -> bool:
    """Whether the user's role has this right (for an `_EIGEN` right: for their own cases)."""
    return Recht(recht) in rechten_van(user)


def mag(user, recht: Recht, inburgeraar) -> bool:
    """Whether the user may use `recht` on this case (which the user can already see):
    an `_EIGEN` right holds for the user's own cases, its wider right for all."""
    recht = Recht(recht)
    ruimer = RUIMER.get(recht)
    if ruimer is None:
        return heeft_recht(user, recht)
    if heeft_recht(user, ruimer):
        return True
    return (
        heeft_recht(user, recht)
        and inburgeraar.consulent_id is not None
        and inburgeraar.consulent_id == user.pk
    )


def mag_beheren(user) -> bool:
    """The beheeromgeving (/beheer/): superusers and the functioneel beheerder."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or heeft_recht(user, Recht.BEHEER)


# --- Managing accounts (the beheeromgeving) ----------------------------------------------------

# The fields of an account that give rights: role, where the user works, whether the account
# works at all, and Django's own superuser/staff flags, groups and permissions.
RECHTGEVENDE_VELDEN = (
    "rol",
    "organisatie",
    "gemeenten",
    "aanbieder",
    "is_active",
    "is_staff",
    "is_superuser",
    "groups",
    "user_permissions",
)
# Of those, what only a superuser hands out (the functioneel beheerder does not even see them).
ALLEEN_SUPERUSER_VELDEN = ("is_superuser", "is_staff", "groups", "user_permissions")

SYSTEEMACCOUNT_MELDING = (
    "Dit is een systeemaccount: Regie werkt ermee namens de DUO-koppeling. Niemand kan ermee inloggen,"
    " en niemand kan het wijzigen, activeren of er een wachtwoord of authenticator-app aan geven."
)


def weigering_accountbeheer(door, gebruiker, velden=()) -> str:
    """Why `door` may not change the account `gebruiker` (None: a new account) in the fields
    `velden`; an empty text when it is allowed. Every change of a password, authenticator app or
    field also needs the beheeromgeving itself (`mag_beheren`, scoped to the own organisation).

    - Nobody changes a system account (`User.systeemaccount`, the DUO koppeling).
    - Only a superuser changes a superuser's account, and only a superuser hands out the
      superuser and staff flags, groups and Django permissions.
    - Nobody but a superuser changes the rights of their own account: a functioneel beheerder
      cannot make themselves team lead, widen their municipalities or switch organisation.
    """
    if gebruiker is not None and gebruiker.systeemaccount:
        return SYSTEEMACCOUNT_MELDING
    if door.is_superuser:
        return ""
    if gebruiker is not None and gebruiker.is_superuser:
        return "Het account van een superuser kan alleen een superuser wijzigen."
    if any(veld in ALLEEN_SUPERUSER_VELDEN for veld in velden):
        return (
            "Alleen een superuser kan iemand superuser of medewerker van de beheeromgeving maken, of groepen"
            " en Django-rechten geven. Een rol geeft al de rechten die nodig zijn."
        )
    if gebruiker is not None and gebruiker.pk == door.pk and any(v in RECHTGEVENDE_VELDEN for v in velden):
        return (
            "U kunt uw eigen rol en rechten niet wijzigen (rol, organisatie, gemeenten, aanbieder en of het"
            " account actief is). Vraag een andere functioneel beheerder om de wijziging."
        )
    return ""


def rollen_met(recht: Recht) -> list[Rol]:
    return [rol for rol in Rol if Recht(recht) in ROL_RECHTEN.get(rol, frozenset())]


class GeenToegang(PermissionDenied):
    """403: the user's role lacks the right. `melding` is the plain Dutch explanation the
    403 page and the API show; `recht` the right that was missing."""

    def __init__(self, melding: str, *, recht: Recht | None = None, inburgeraar=None):
        super().__init__(melding)
        self.melding = melding
        self.recht = recht
        self.inburgeraar = inburgeraar

    def __str__(self):
        return self.melding


def melding_zonder_recht(user, recht: Recht) -> str:
    rollen = ", ".join(rol.label.lower() for rol in rollen_met(recht)) or "niemand"
    rol = user.get_rol_display().lower() if getattr(user, "is_authenticated", False) else "bezoeker"
    return (
        f"Hiervoor is het recht ‘{NAMEN[Recht(recht)].lower()}’ nodig. Dat recht heeft uw rol ({rol})"
        f" niet; het hoort bij: {rollen}."
    )


def log_weigering(request, reden: str, inburgeraar=None, *, object_id: str = "") -> None:
    """Write the refusal, with its reason, to the processing log. Without a request (a
    selector called outside a view) the request of the current context is used."""
    try:
        from regie.verwerkingslog import log
        from regie.verwerkingslog.context import huidige_context
    except ImportError:  # pragma: no cover - the processing log is part of Regie
        return
    if request is None:
        request = getattr(huidige_context(), "request", None)
    if request is not None:
        log.toegang_geweigerd(request=request, reden=reden, inburgeraar=inburgeraar, object_id=object_id)


def weiger(request, user, recht: Recht, *, inburgeraar=None, melding: str = "") -> GeenToegang:
    """Log the refusal and return the exception to raise (`raise weiger(...)`)."""
    melding = melding or melding_zonder_recht(user, recht)
    log_weigering(request, melding, inburgeraar)
    return GeenToegang(melding, recht=recht, inburgeraar=inburgeraar)


def vereist_recht(recht: Recht):
    """View decorator: anonymous users go to the login page, users whose role lacks
    `recht` get the Dutch 403 page (and the refusal is logged)."""
    recht = Recht(recht)

    def decorator(view):
        @wraps(view)
        def controle(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not heeft_recht(request.user, recht):
                raise weiger(request, request.user, recht)
            return view(request, *args, **kwargs)

        controle.vereist_recht = recht
        return controle

    return decorator


def HeeftRecht(recht: Recht):  # noqa: N802 - used like a class: permission_classes = [HeeftRecht(...)]
    """A DRF permission class for one right: 401 when not logged in, 403 problem+json
    (logged) when the role lacks it."""
    from rest_framework.permissions import BasePermission

    recht = Recht(recht)

    class _HeeftRecht(BasePermission):
        def has_permission(self, request, view):
            if not (request.user and request.user.is_authenticated):
                return False
            if heeft_recht(request.user, recht):
                return True
            raise weiger(request, request.user, recht)

    _HeeftRecht.__name__ = f"HeeftRecht_{recht.value}"
    _HeeftRecht.recht = recht
    return _HeeftRecht
